"""Label placement (model/reports/labels.py): no two labels overlap, ever; crowded labels move or drop."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model.reports.labels import Box, Label, Layout, place, text_width

FRAME = Box(0, 0, 400, 300)


def overlapping(placements) -> list[tuple[str, str]]:
    return [
        (a.key, b.key)
        for i, a in enumerate(placements)
        for b in placements[i + 1 :]
        if a.box.overlaps(b.box)
    ]


def test_a_lone_label_sits_centred_on_its_anchor():
    (placed,), dropped = place([Label("a", (100, 100), 40, 10)], Layout(FRAME))
    assert placed.box == Box(80, 95, 120, 105) and not placed.leader and dropped == []


def test_two_labels_on_one_anchor_end_up_side_by_side():
    """Centred, the first covers the anchor: every spot of the second beside the anchor overlaps
    it, and a leader line would cross it. Repair puts the second on the right of the anchor and
    moves the first to the left (3 units from the anchor each)."""
    labels = [Label("a", (100, 100), 40, 10), Label("b", (100, 100), 40, 10)]
    (a, b), dropped = place(labels, Layout(FRAME))
    assert dropped == [] and not a.leader and not b.leader
    assert a.box == Box(57, 95, 97, 105) and b.box == Box(103, 95, 143, 105)


def test_labels_avoid_the_obstacles_and_the_frame_edge():
    """An anchor at the frame's corner: only the candidate below right fits inside the frame."""
    legend = Box(0, 20, 400, 300)
    (placed,), _ = place([Label("a", (2, 2), 30, 8)], Layout(FRAME, obstacles=[legend]))
    assert placed.box.inside(FRAME) and not placed.box.overlaps(legend)


def test_what_finds_no_room_is_dropped_not_drawn_on_top():
    """A frame with room for one label of this size: the second is dropped."""
    frame = Box(0, 0, 50, 14)
    labels = [Label("a", (25, 7), 40, 10), Label("b", (25, 7), 40, 10)]
    placed, dropped = place(labels, Layout(frame))
    assert [p.key for p in placed] == ["a"] and dropped == ["b"]


def test_a_placed_label_makes_room_when_it_can_go_elsewhere():
    """A frame one label high. `a` (anchor x 62, 20 wide) is placed first, centred at x 52..72,
    which blocks both spots of `b` (anchor x 30, 56 wide: centred 2..58 or right 33..89). Repair
    puts `b` centred and moves `a` to its right-hand spot, 65..85."""
    frame = Box(0, 0, 120, 20)
    labels = [Label("a", (62, 10), 20, 10), Label("b", (30, 10), 56, 10)]
    placed, dropped = place(labels, Layout(frame))
    assert dropped == []
    assert {p.key: p.box for p in placed} == {"a": Box(65, 5, 85, 15), "b": Box(2, 5, 58, 15)}


def test_the_cost_prefers_a_spot_that_covers_no_other_anchor():
    """Centred on (100, 100) the label would cover the anchor at (110, 100); it moves off it."""
    layout = Layout(FRAME, points=[(100, 100), (110, 100)])
    (placed,), _ = place([Label("a", (100, 100), 40, 10)], layout)
    assert not placed.box.contains((110, 100))


def test_text_width_grows_with_the_text_and_the_size():
    assert 0 < text_width("Zwolle", 15) < text_width("Rijssen-Holten", 15)
    assert text_width("Zwolle", 15) < text_width("Zwolle", 20)
    assert text_width("Zwolle", 15) < text_width("Zwolle", 15, bold=True)


labels = st.lists(
    st.builds(
        lambda i, x, y, w, h: Label(f"l{i}", (x, y), w, h),
        st.integers(0, 10**6),
        st.floats(0, 400),
        st.floats(0, 300),
        st.floats(5, 120),
        st.floats(5, 25),
    ),
    max_size=40,
    unique_by=lambda label: label.key,
)


@settings(max_examples=60, deadline=None)
@given(labels)
def test_no_two_placed_labels_overlap_and_each_label_is_placed_or_dropped(requests):
    placed, dropped = place(requests, Layout(FRAME))
    assert overlapping(placed) == []
    assert all(p.box.inside(FRAME) for p in placed)
    assert sorted([p.key for p in placed] + dropped) == sorted(r.key for r in requests)
