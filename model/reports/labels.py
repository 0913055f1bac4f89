"""Label placement for the map: every label where it can be read, none on top of another.

Each label has an anchor (the municipality's centroid) and a box (its text's width and height).
Candidates are tried in order of preference: centred on the anchor, then beside it (right, left,
above, below and the four corners), then further away on rings around the anchor, tied to it by a
leader line. Labels are placed greedily, most important first, each at the cheapest candidate that
overlaps no label already placed, no obstacle (the legend) and stays inside the frame; the cost
counts other anchors and deal lines the box would cover and how far it moves. A label that finds no
room gets one repair step (move one placed neighbour to another free candidate); what still finds
no room is dropped and reported, never drawn on top of another.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from matplotlib.font_manager import FontProperties, findfont, get_font

Point = tuple[float, float]
Segment = tuple[Point, Point]

PAD = 3.0
"""Space kept free around every label (map units)."""
RINGS = (1.6, 2.8, 4.2)
"""Radii of the leader-line rings, in label heights from the anchor."""
DIRECTIONS = 16
"""Candidate directions on each ring."""


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle, y downwards."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, pad: float = 0.0) -> bool:
        """Whether the boxes, each grown by `pad / 2`, overlap."""
        return not (
            self.x1 + pad <= other.x0
            or other.x1 + pad <= self.x0
            or self.y1 + pad <= other.y0
            or other.y1 + pad <= self.y0
        )

    def inside(self, frame: Box) -> bool:
        return (
            self.x0 >= frame.x0
            and self.y0 >= frame.y0
            and self.x1 <= frame.x1
            and self.y1 <= frame.y1
        )

    def contains(self, point: Point) -> bool:
        return self.x0 <= point[0] <= self.x1 and self.y0 <= point[1] <= self.y1

    def crosses(self, segment: Segment) -> bool:
        """Whether the segment passes through the box (Liang-Barsky clipping)."""
        (x0, y0), (x1, y1) = segment
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for p, q in (
            (-dx, x0 - self.x0),
            (dx, self.x1 - x0),
            (-dy, y0 - self.y0),
            (dy, self.y1 - y0),
        ):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                return False
        return True

    def nearest(self, point: Point) -> Point:
        """The point of the box nearest to `point` (where a leader line ends)."""
        return (min(max(point[0], self.x0), self.x1), min(max(point[1], self.y0), self.y1))


@dataclass(frozen=True)
class Label:
    """A label to place: `key` identifies it, `anchor` is the point it names."""

    key: str
    anchor: Point
    width: float
    height: float


@dataclass(frozen=True)
class Placement:
    """Where a label went; `leader` when it sits away from its anchor, tied by a line."""

    key: str
    box: Box
    leader: bool


@dataclass(frozen=True)
class Candidate:
    box: Box
    leader: bool
    rank: float


def candidates(label: Label) -> list[Candidate]:
    """The label's positions in order of preference (rank: the cost of moving away)."""
    (ax, ay), w, h = label.anchor, label.width, label.height
    gap = 3.0
    near = [
        (ax - w / 2, ay - h / 2),  # centred
        (ax + gap, ay - h / 2),  # right
        (ax - w - gap, ay - h / 2),  # left
        (ax - w / 2, ay - h - gap),  # above
        (ax - w / 2, ay + gap),  # below
        (ax + gap, ay - h - gap),  # upper right
        (ax - w - gap, ay - h - gap),  # upper left
        (ax + gap, ay + gap),  # lower right
        (ax - w - gap, ay + gap),  # lower left
    ]
    out = [Candidate(Box(x, y, x + w, y + h), False, rank) for rank, (x, y) in enumerate(near)]
    for ring, radius in enumerate(RINGS):
        r = radius * h
        for k in range(DIRECTIONS):
            angle = 2 * math.pi * k / DIRECTIONS
            cx, cy = ax + math.cos(angle) * (r + w / 2), ay + math.sin(angle) * r
            box = Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            out.append(Candidate(box, True, 10 + 10 * ring + k / DIRECTIONS))
    return out


@dataclass
class Layout:
    """What the labels must avoid and what they should rather not cover."""

    frame: Box
    obstacles: Sequence[Box] = ()
    points: Sequence[Point] = ()
    segments: Sequence[Segment] = ()

    def free(self, candidate: Candidate, placed: dict[str, Placement], label: Label) -> bool:
        box = candidate.box
        return (
            box.inside(self.frame)
            and not any(box.overlaps(o) for o in self.obstacles)
            and not any(box.overlaps(p.box, PAD) for p in placed.values())
            and not (
                candidate.leader
                and any(
                    p.box.crosses((label.anchor, box.nearest(label.anchor)))
                    for p in placed.values()
                )
            )
        )

    def around(self, options: Sequence[Candidate]) -> Layout:
        """The same layout with only the points and segments that could touch `options`."""
        reach = Box(
            min(c.box.x0 for c in options),
            min(c.box.y0 for c in options),
            max(c.box.x1 for c in options),
            max(c.box.y1 for c in options),
        )
        return Layout(
            self.frame,
            self.obstacles,
            [p for p in self.points if reach.contains(p)],
            [s for s in self.segments if reach.crosses(s)],
        )

    def cost(self, candidate: Candidate, label: Label) -> float:
        box = candidate.box
        covered = sum(box.contains(p) for p in self.points if p != label.anchor)
        crossed = sum(box.crosses(s) for s in self.segments if label.anchor not in s)
        return candidate.rank + 4 * covered + 0.5 * crossed


def best(label: Label, layout: Layout, placed: dict[str, Placement]) -> Placement | None:
    """The cheapest free candidate for `label`, or None."""
    options = [c for c in candidates(label) if layout.free(c, placed, label)]
    if not options:
        return None
    local = layout.around(options)
    choice = min(options, key=lambda c: local.cost(c, label))
    return Placement(label.key, choice.box, choice.leader)


def repair(
    label: Label, labels: dict[str, Label], layout: Layout, placed: dict[str, Placement]
) -> bool:
    """Make room for `label` by moving one placed label elsewhere; True when it worked."""
    options = candidates(label)
    local = layout.around(options)
    for option in sorted(options, key=lambda c: local.cost(c, label)):
        if not option.box.inside(layout.frame) or any(
            option.box.overlaps(o) for o in layout.obstacles
        ):
            continue
        blocking = [k for k, p in placed.items() if option.box.overlaps(p.box, PAD)]
        if len(blocking) != 1:
            continue
        (other,) = blocking
        trial = {k: p for k, p in placed.items() if k != other}
        if not layout.free(option, trial, label):
            continue
        trial[label.key] = Placement(label.key, option.box, option.leader)
        moved = best(labels[other], layout, trial)
        if moved is not None:
            placed.pop(other)
            placed[label.key] = trial[label.key]
            placed[other] = moved
            return True
    return False


def place(labels: Sequence[Label], layout: Layout) -> tuple[list[Placement], list[str]]:
    """Place `labels` in the order given (most important first).

    Returns the placements (no two overlap, all inside the frame) and the keys of the labels that
    found no room.
    """
    by_key = {label.key: label for label in labels}
    placed: dict[str, Placement] = {}
    dropped = []
    for label in labels:
        choice = best(label, layout, placed)
        if choice is not None:
            placed[label.key] = choice
        elif not repair(label, by_key, layout, placed):
            dropped.append(label.key)
    return [placed[label.key] for label in labels if label.key in placed], dropped


@cache
def _font(bold: bool):
    return get_font(
        findfont(FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal"))
    )


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Advance width of `text` in DejaVu Sans at `size` (the map pins its labels to this width)."""
    font = _font(bold)
    font.set_size(size, 72)
    font.set_text(text, 0.0)
    return font.get_width_height()[0] / 64
