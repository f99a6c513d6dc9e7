"""The chart's geometry without Qt: scale, ticks, items by precision, lanes, labels, clusters."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.chart.frame import LABEL_GAP, layout_lane
from desktop_app.core.chart.items import (
    PERIOD,
    POINT,
    RANGE,
    LaneSet,
    build_lanes,
    entry_of_row,
    span_of,
)
from desktop_app.core.chart.timescale import (
    MIN_DAYS_PER_PX,
    Viewport,
    axis,
    context_label,
    day_number,
    to_date,
)
from desktop_app.core.records import EventDate, EventRecord, QuoteRecord
from desktop_app.core.timeline_rows import timeline_row

STAMP = datetime(2021, 7, 9, 12, 0)


def record(event_id: int, start: date, precision: str = "day", end: date | None = None,
           earliest: date | None = None, latest: date | None = None, article: int | None = 1,
           tags: tuple[str, ...] = (), title: str = "") -> EventRecord:
    quotes = (QuoteRecord(event_id, event_id, article, 0, 5, "quote", "", ""),) if article else ()
    return EventRecord(event_id, title or f"Event {event_id}", "",
                       EventDate(start, precision, end, earliest, latest), False, tags, quotes,
                       article, f"Article {article}", STAMP, STAMP)


def entry_of_record(r: EventRecord):  # noqa: ANN201
    return entry_of_row(timeline_row(r))


def item_of(r: EventRecord):  # noqa: ANN201
    return entry_of_record(r).item


def width_of(text: str) -> float:
    return 7.0 * len(text)


def test_zooming_keeps_the_day_under_the_cursor() -> None:
    view = Viewport(day_number(date(2021, 7, 1)), 0.1)
    pivot = view.day(300)
    zoomed = view.zoomed(2.0, 300)
    assert zoomed.days_per_px == 0.05
    assert abs(zoomed.day(300) - pivot) < 1e-9
    assert view.zoomed(1e9, 10).days_per_px == MIN_DAYS_PER_PX  # no zooming past minutes
    assert view.panned(100).start == view.start + 10


def test_fit_shows_the_span_with_margins() -> None:
    first, last = day_number(date(2021, 7, 5)), day_number(date(2021, 7, 9))
    view = Viewport.fit(first, last, 800, margin_px=40)
    assert 30 < view.x(first) < 50
    assert 750 < view.x(last) < 770


def test_ticks_adapt_from_hours_to_centuries() -> None:
    day = day_number(date(2021, 7, 5))
    units = []
    for dpp in (1 / 2000, 1 / 240, 1 / 40, 1 / 12, 1 / 2, 4, 400, 40000):
        units.append(axis(Viewport(day, dpp), 1000).unit)
    assert units == ["hour", "hour", "day", "week", "month", "year", "year", "year"]
    days = axis(Viewport(day, 1 / 80), 800)
    assert [t.label for t in days.minor[:3]] == ["Mon 5", "Tue 6", "Wed 7"]
    assert days.minor[0].day == day
    hours = axis(Viewport(day, MIN_DAYS_PER_PX), 600)
    assert [t.label for t in hours.minor[:3]] == ["00:00", "01:00", "02:00"]
    assert hours.major[0].label == "Mon 5 Jul 2021"
    months = axis(Viewport(day_number(date(2021, 1, 1)), 1.0), 800)
    assert months.minor[0].label == "Jan" and months.major[0].label == "2021"
    decades = axis(Viewport(day_number(date(1900, 1, 1)), 200), 1000)
    assert all(t.label.endswith("s") for t in decades.minor)
    assert to_date(decades.minor[0].day).year % 10 == 0
    assert context_label(Viewport(day + 0.3, 1 / 80), 800) == "Jul 2021"


def test_items_are_drawn_by_precision() -> None:
    point = item_of(record(1, date(2021, 7, 5)))
    assert (point.kind, point.end - point.start) == (POINT, 1.0)
    month = item_of(record(2, date(2021, 7, 1), "month"))
    assert month.kind == PERIOD
    assert (to_date(month.start), to_date(month.end - 1)) == (date(2021, 7, 1), date(2021, 7, 31))
    span = item_of(record(3, date(2021, 7, 5), end=date(2021, 7, 8)))
    assert span.kind == RANGE and span.end - span.start == 4.0
    vague = item_of(record(4, date(2021, 7, 7), earliest=date(2021, 7, 5),
                              latest=date(2021, 7, 9)))
    assert to_date(vague.fade_before) == date(2021, 7, 5)
    assert to_date(vague.fade_after - 1) == date(2021, 7, 9)
    assert (vague.start, vague.end) == (day_number(date(2021, 7, 7)),
                                        day_number(date(2021, 7, 8)))


def test_lanes_by_article_tag_or_single() -> None:
    records = [record(1, date(2021, 7, 5), article=1, tags=("army",)),
               record(2, date(2021, 7, 6), article=2, tags=("army", "Russia")),
               record(3, date(2021, 7, 4), article=None)]
    by_article = build_lanes(records, "article", lambda i: f"Art {i}")
    assert [(ln.label, [i.event_id for i in ln.items]) for ln in by_article] == [
        ("No source", [3]), ("Art 1", [1]), ("Art 2", [2])]
    by_tag = build_lanes(records, "tag", str)
    assert {ln.label: [i.event_id for i in ln.items] for ln in by_tag} == {
        "army": [1, 2], "Russia": [2], "Untagged": [3]}
    single = build_lanes(records, "single", str)
    assert [i.event_id for i in single[0].items] == [3, 1, 2]
    assert span_of(single) == (day_number(date(2021, 7, 4)), day_number(date(2021, 7, 7)))
    assert span_of(single, {2}) == (day_number(date(2021, 7, 6)), day_number(date(2021, 7, 7)))


def test_a_sparse_lane_gets_markers_and_stacked_labels() -> None:
    records = [record(i, date(2021, 7, 5 + i % 4), title=f"Event number {i}") for i in range(4)]
    lane = build_lanes(records, "single", str)[0]
    view = Viewport.fit(lane.starts[0], lane.starts[-1] + 1, 600)
    frame = layout_lane(lane, view, 600, width_of, rows=3)
    assert [m.item.event_id for m in frame.marks] == [0, 1, 2, 3]
    assert not frame.clusters
    assert len(frame.labels) == 4
    hit = frame.mark_at(frame.marks[2].centre)
    assert hit is not None and hit.item.event_id == 2
    assert frame.mark_at(frame.marks[2].centre + 30) is None


def test_labels_moved_from_their_markers_get_leader_lines() -> None:
    """A label stacked on a lower row, or put to the left of its marker at the right edge, is
    joined to its marker; one right beside its marker on the first row is not."""
    records = [record(i, date(2021, 7, 5 + i % 4), title=f"A rather long title number {i}")
               for i in range(4)]
    lane = build_lanes(records, "single", str)[0]
    view = Viewport.fit(lane.starts[0], lane.starts[-1] + 1, 600)
    frame = layout_lane(lane, view, 600, width_of, rows=3)
    centre = {m.item.event_id: m.centre for m in frame.marks}
    moved = {lb.event_id: (x, lb.row, lb.x < x) for x, lb in frame.leaders()}
    beside = [lb for lb in frame.labels if lb.row == 0 and lb.x >= centre[lb.event_id]]
    assert beside and not {lb.event_id for lb in beside} & set(moved)
    assert moved and all(row > 0 or left for _x, row, left in moved.values())
    assert all(x == centre[event_id] for event_id, (x, _row, _left) in moved.items())


def test_a_dense_lane_becomes_clusters_with_counts() -> None:
    records = [record(i, date(2021, 1, 1 + i % 28), "day") for i in range(5000)]
    lane = build_lanes(records, "single", str)[0]
    view = Viewport.fit(lane.starts[0], lane.starts[-1] + 1, 800)
    frame = layout_lane(lane, view, 800, width_of)
    assert not frame.marks and not frame.labels
    assert sum(c.count for c in frame.clusters) == 5000
    zoomed = Viewport.fit(day_number(date(2021, 1, 3)), day_number(date(2021, 1, 3)) + 0.99,
                          800)
    assert len(layout_lane(lane, zoomed, 800, width_of).clusters) > 0  # still 179 in one day


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.text(min_size=1, max_size=40)),
                min_size=1, max_size=80),
       st.floats(0.01, 2.0), st.integers(1, 4))
def test_labels_never_overlap(items: list[tuple[int, str]], dpp: float, rows: int) -> None:
    records = [record(i, date(2021, 1, 1 + offset % 28), title=title)
               for i, (offset, title) in enumerate(items)]
    lane = build_lanes(records, "single", str)[0]
    view = Viewport(lane.starts[0] - 2, dpp)
    frame = layout_lane(lane, view, 900, width_of, rows=rows, dense_px=0.01)
    for row in range(rows):
        placed = sorted((lb.x, lb.x + lb.width) for lb in frame.labels if lb.row == row)
        for (_a0, a1), (b0, _b1) in zip(placed, placed[1:], strict=False):
            assert a1 + LABEL_GAP <= b0 + 1e-6
    assert all(lb.width > 0 and lb.x + lb.width <= 900 + 1e-6 for lb in frame.labels)


def test_lanes_follow_edits_one_event_at_a_time() -> None:
    records = [record(i, date(2021, 7, 1 + i % 9), article=1 + i % 3, tags=("t", f"x{i % 2}"))
               for i in range(30)]
    for mode in ("article", "tag", "single"):
        live = LaneSet(mode, lambda i: f"Art {i}")
        live.reset(entry_of_record(r) for r in records[:20])
        for r in records[20:]:
            live.upsert(entry_of_record(r))
        moved = record(3, date(2020, 1, 1), article=3, tags=("new",))
        live.upsert(entry_of_record(moved))
        live.remove(7)
        live.remove(999)  # unknown: ignored
        expected = [moved if r.id == 3 else r for r in records if r.id != 7]
        fresh = build_lanes(expected, mode, lambda i: f"Art {i}")

        def shape(lanes):  # noqa: ANN001, ANN202
            return [(ln.key, ln.label, ln.items, ln.starts) for ln in lanes]

        assert shape(live.lanes) == shape(fresh)
        live.set_visible({1, 2, 3})
        assert sorted(i.event_id for ln in live.lanes for i in ln.items
                      if mode != "tag") == ([1, 2, 3] if mode != "tag" else [])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["upsert", "remove", "mode", "visible"]),
                          st.integers(0, 15), st.integers(0, 40), st.integers(0, 3)),
                max_size=40))
def test_incremental_lanes_equal_a_fresh_build(ops: list[tuple[str, int, int, int]]) -> None:
    """Any sequence of edits, lane-mode switches and filters leaves the lanes exactly as
    building them from scratch would."""
    modes = ("article", "tag", "single")
    live = LaneSet("article", lambda i: f"Art {i}")
    live.reset([])
    current: dict[int, EventRecord] = {}
    visible: set[int] | None = None
    for op, event_id, day, k in ops:
        if op == "upsert":
            r = record(event_id, date(2021, 1, 1 + day % 28), article=k or None,
                       tags=(("a",), ("b", "a"), (), ("c",))[k])
            current[event_id] = r
            live.upsert(entry_of_record(r), visible is None or event_id in visible)
        elif op == "remove":
            current.pop(event_id, None)
            live.remove(event_id)
        elif op == "mode":
            live.set_mode(modes[k % 3])
        else:
            visible = None if k == 0 else {i for i in range(16) if i % (k + 1) == 0}
            live.set_visible(None if visible is None else set(visible))
    shown = [r for i, r in current.items() if visible is None or i in visible]
    fresh = build_lanes(shown, live.mode, lambda i: f"Art {i}")

    def shape(lanes):  # noqa: ANN001, ANN202
        return sorted((ln.key, ln.label, [i.event_id for i in ln.items], ln.starts)
                      for ln in lanes)

    assert shape(live.lanes) == shape(fresh)
