"""Boundaries (model/reports/geo.py): decoding TopoJSON, and borders sorted from the shared arcs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from model.reports.geo import (
    Boundaries,
    borders,
    boundaries,
    centroids,
    decode_arcs,
    ring_points,
    segment_users,
)

OVERIJSSEL = Path(__file__).resolve().parents[2] / "instances" / "overijssel-2024"


def three_squares() -> Boundaries:
    """Unit squares A | B | C side by side. Arc 0 is the side A and B share, arc 1 the side B and
    C share; arcs 2 to 5 are the outside (A's three sides, B's top, B's bottom, C's three sides).
    """
    arcs = [
        [(1, 0), (1, 1)],
        [(2, 0), (2, 1)],
        [(1, 1), (0, 1), (0, 0), (1, 0)],
        [(2, 1), (1, 1)],
        [(1, 0), (2, 0)],
        [(2, 0), (3, 0), (3, 1), (2, 1)],
    ]
    polygons = {"A": [[[0, 2]]], "B": [[[4, 1, 3, ~0]]], "C": [[[~1, 5]]]}
    return Boundaries([np.array(a, dtype=float) for a in arcs], polygons)


def table(regions: str, provinces: str = "PPP") -> pd.DataFrame:
    return pd.DataFrame({"code": list("ABC"), "province": list(provinces), "region": list(regions)})


def test_rings_follow_their_arcs_and_close():
    ring = ring_points(three_squares().arcs, [4, 1, 3, ~0])
    assert ring.tolist() == [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]


def lines(polylines: list[np.ndarray]) -> list[list[list[float]]]:
    return [line.tolist() for line in polylines]


def segments(polylines: list[np.ndarray]) -> set[tuple[tuple[float, ...], ...]]:
    """The segments of polylines, each as its two points in sorted order."""
    return {
        tuple(sorted((tuple(p), tuple(q))))
        for line in polylines
        for p, q in zip(line.tolist(), line[1:].tolist(), strict=False)
    }


def test_a_shared_border_is_a_region_border_only_between_regions():
    """A and B in region X, C in region Y: A|B is a municipal border, B|C a regional one, and the
    outside is the other 8 unit segments."""
    kinds = borders(table("XXY"), three_squares())
    assert lines(kinds["municipality"]) == [[[1, 0], [1, 1]]]
    assert lines(kinds["region"]) == [[[2, 0], [2, 1]]]
    assert kinds["province"] == []
    assert len(segments(kinds["outline"])) == 8 and ((0, 0), (1, 0)) in segments(kinds["outline"])


def test_a_border_between_provinces_outranks_the_regions():
    assert lines(borders(table("XXX", "PPQ"), three_squares())["province"]) == [[[2, 0], [2, 1]]]


def test_a_border_of_one_municipality_of_the_selection_is_the_outline():
    """Only A and B drawn: B|C is now part of their outline."""
    kinds = borders(table("XXX").iloc[:2], three_squares())
    assert ((2, 0), (2, 1)) in segments(kinds["outline"])
    assert lines(kinds["municipality"]) == [[[1, 0], [1, 1]]]


def test_a_border_stored_twice_one_arc_per_side_is_still_shared():
    """The simplified source sometimes gives each side its own copy of a shared border: B here
    walks a copy of arc 0 (arc 6, drawn the other way) instead of arc 0 itself."""
    shapes = three_squares()
    shapes.arcs.append(np.array([(1, 1), (1, 0)], dtype=float))
    shapes.polygons["B"] = [[[4, 1, 3, 6]]]
    assert len(segment_users(["A", "B"], shapes)[((1.0, 0.0), (1.0, 1.0))]) == 2
    assert lines(borders(table("XXY"), shapes)["municipality"]) == [[[1, 0], [1, 1]]]


def test_quantised_arcs_are_decoded_with_the_transform():
    topology = {
        "transform": {"scale": [0.5, 2], "translate": [10, 20]},
        "arcs": [[[2, 1], [1, -1]]],
    }
    (arc,) = decode_arcs(topology)
    assert arc.tolist() == [[11, 22], [11.5, 20]]


def test_the_package_data_covers_every_municipality_of_2024():
    shapes = boundaries()
    assert len(shapes.polygons) == 342 and set(shapes.polygons) == set(centroids().index)
    codes = pd.read_csv(OVERIJSSEL / "municipalities.csv")["code"]
    assert set(codes) <= set(shapes.polygons)


def test_overijssel_has_a_region_border_between_ijsselland_and_twente():
    """Every segment of the region border has a municipality of each region on its sides, and no
    segment of the outline has two Overijssel municipalities on its sides."""
    m = pd.read_csv(OVERIJSSEL / "municipalities.csv")
    kinds = borders(m, boundaries())
    assert kinds["region"] and kinds["outline"] and not kinds["province"]
    region = m.set_index("code")["region"]
    users = segment_users(list(m["code"]), boundaries())
    assert all(
        {region[c] for c in users[s]} == {"IJsselland", "Twente"} for s in segments(kinds["region"])
    )
    assert all(len(set(users[s])) == 1 for s in segments(kinds["outline"]))
