"""Municipal boundaries for the map: the CBS/PDOK 2024 TopoJSON shipped in model/data (see its README).

TopoJSON stores each border as an *arc*, and each municipality as rings of arc numbers. That makes
the borders of any grouping natural: a border walked by two municipalities of the same group lies
inside the group; one walked once, or by two municipalities of different groups, is on the group's
edge. `borders` sorts the boundary of a set of municipalities that way (outline, province, region,
municipality), so the map draws the province outline and the region borders without any polygon
union. It compares segments rather than arc numbers, because the simplified source file sometimes
stores one shared border as two arcs, one per side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

GEO_FILE = "data/gemeente_2024.topojson"
GEO_OBJECT = "gemeente_2024"
CENTROID_FILE = "data/municipality_centroids.csv"

Ring = list[int]
"""Arc numbers of one closed ring; ~i (negative) is arc i walked backwards."""
Polygon = list[Ring]
"""The outer ring, then its holes."""


@dataclass(frozen=True)
class Boundaries:
    """The decoded TopoJSON: arcs as (lon, lat) arrays and each municipality's polygons by code."""

    arcs: list[np.ndarray]
    polygons: dict[str, list[Polygon]]


def decode_arcs(topology: dict) -> list[np.ndarray]:
    """Quantised, delta-encoded arcs as arrays of (lon, lat) (TopoJSON spec, "transform")."""
    scale = np.array(topology["transform"]["scale"])
    translate = np.array(topology["transform"]["translate"])
    return [
        np.cumsum(np.array(arc, dtype=float), axis=0) * scale + translate
        for arc in topology["arcs"]
    ]


def geometry_polygons(geometry: dict) -> list[Polygon]:
    """The polygons of a Polygon or MultiPolygon geometry (empty for anything else)."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


@cache
def boundaries() -> Boundaries:
    """The 342 municipalities of 2024 (package data), keyed by CBS code (GM0193, ...)."""
    source = resources.files("model").joinpath(GEO_FILE)
    with source.open(encoding="utf-8") as f:
        topology = json.load(f)
    polygons = {
        g["properties"]["statcode"]: geometry_polygons(g)
        for g in topology["objects"][GEO_OBJECT]["geometries"]
    }
    return Boundaries(decode_arcs(topology), polygons)


@cache
def centroids() -> pd.DataFrame:
    """lat, lon by municipality code (package data): where labels and deal lines are anchored."""
    source = resources.files("model").joinpath(CENTROID_FILE)
    with source.open(encoding="utf-8") as f:
        return pd.read_csv(f, dtype={"code": str}).set_index("code")[["lat", "lon"]]


def arc_points(arcs: list[np.ndarray], index: int) -> np.ndarray:
    """The points of arc `index`, walked backwards when the index is negative (~i)."""
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring_points(arcs: list[np.ndarray], ring: Ring) -> np.ndarray:
    """A ring's points in order; consecutive arcs share their joining point, kept once."""
    parts = [arc_points(arcs, i) for i in ring]
    return np.concatenate([parts[0]] + [p[1:] for p in parts[1:]])


Point = tuple[float, float]
Segment = tuple[Point, Point]


def segment_users(codes: list[str], shapes: Boundaries) -> dict[Segment, list[str]]:
    """For each boundary segment (two consecutive points) of `codes`: the municipalities along it.

    Segments, not arcs: the simplified source sometimes stores a shared border twice, once for
    each side, so two municipalities can be neighbours without sharing an arc number. A segment
    is keyed by its two points in sorted order and kept in the order it was first walked.
    """
    users: dict[Segment, list[str]] = {}
    for code in codes:
        for polygon in shapes.polygons[code]:
            for ring in polygon:
                points = [(float(x), float(y)) for x, y in ring_points(shapes.arcs, ring)]
                for p, q in zip(points, points[1:], strict=False):
                    if p != q:
                        users.setdefault((p, q) if p < q else (q, p), []).append(code)
    return users


BORDER_KINDS = ("municipality", "region", "province", "outline")
"""From thin to thick: between municipalities of one region, between regions, between provinces,
and the edge of everything drawn (the coast, the national border, or the province's own edge)."""


def border_kind(users: list[str], m: pd.DataFrame) -> str:
    """What a segment separates: one user is the outline; two are compared by province, region."""
    distinct = list(dict.fromkeys(users))
    if len(distinct) == 1:
        return "outline"
    a, b = distinct[:2]
    if m.at[a, "province"] != m.at[b, "province"]:
        return "province"
    if m.at[a, "region"] != m.at[b, "region"]:
        return "region"
    return "municipality"


def chains(segments: list[Segment]) -> list[np.ndarray]:
    """Segments joined into polylines where one ends where the next begins (either way round)."""
    lines: list[list[Point]] = []
    for p, q in segments:
        if lines and lines[-1][-1] in (p, q):
            lines[-1].append(q if lines[-1][-1] == p else p)
        else:
            lines.append([p, q])
    return [np.array(line) for line in lines]


def borders(municipalities: pd.DataFrame, shapes: Boundaries) -> dict[str, list[np.ndarray]]:
    """The boundaries of the municipalities (columns code, province, region) as (lon, lat)
    polylines, sorted by BORDER_KINDS: a segment with one user is on the outline; with two, it
    separates their provinces, else their regions, else just the two municipalities."""
    m = municipalities.set_index("code")
    sorted_segments: dict[str, list[Segment]] = {kind: [] for kind in BORDER_KINDS}
    for segment, users in segment_users(list(m.index), shapes).items():
        sorted_segments[border_kind(users, m)].append(segment)
    return {kind: chains(segments) for kind, segments in sorted_segments.items()}


@dataclass(frozen=True)
class Projection:
    """lon/lat to map units: equirectangular around the middle latitude, north up, y downwards."""

    lon0: float
    lat1: float
    scale: float
    aspect: float
    margin: float

    def __call__(self, points: np.ndarray) -> np.ndarray:
        """(lon, lat) rows to (x, y) rows."""
        x = (points[:, 0] - self.lon0) * self.aspect * self.scale + self.margin
        y = (self.lat1 - points[:, 1]) * self.scale + self.margin
        return np.column_stack([x, y])


def fit(points: np.ndarray, width: float, height: float, margin: float) -> Projection:
    """The projection that fits `points` (lon, lat) into width x height, `margin` on every side."""
    lon0, lat0 = points.min(axis=0)
    lon1, lat1 = points.max(axis=0)
    aspect = float(np.cos(np.radians((lat0 + lat1) / 2)))
    spans = ((lon1 - lon0) * aspect, lat1 - lat0)
    scale = min(
        (width - 2 * margin) / max(spans[0], 1e-9), (height - 2 * margin) / max(spans[1], 1e-9)
    )
    return Projection(float(lon0), float(lat1), float(scale), aspect, margin)


def points_of(codes: list[str], shapes: Boundaries) -> np.ndarray:
    """Every boundary point of the municipalities `codes` (for fitting the projection)."""
    arcs = sorted(
        {
            i if i >= 0 else ~i
            for polygons in map(shapes.polygons.get, codes)
            for p in polygons
            for r in p
            for i in r
        }
    )
    return np.concatenate([shapes.arcs[i] for i in arcs])
