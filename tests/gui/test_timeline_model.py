"""The table model reads narrow rows and fetches full records only when asked, a page at a
time; everything asking for a record still gets a full one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop_app.core.eventdates import explain
from desktop_app.core.filters import EventFilter
from desktop_app.core.records import EventDate, EventRecord, QuoteRecord
from desktop_app.core.timeline_rows import timeline_row
from desktop_app.gui.timeline_model import DATE, PAGE, TITLE, RecordRole, TimelineModel

STAMP = datetime(2021, 7, 9)


def record(i: int) -> EventRecord:
    d = date(2021, 1, 1 + i % 28)
    return EventRecord(i, f"Event {i}", "secret notes" if i == 7 else "",
                       EventDate(d, "day", None, d, d, "on Monday", "a rule", d), False, (),
                       (QuoteRecord(i, i, 1, i, i + 5, f"quote {i}", "", ""),), 1, "Art",
                       STAMP, STAMP)


def test_rows_first_records_on_demand(qtbot) -> None:  # noqa: ANN001
    records = {i: record(i) for i in range(1, 1001)}
    asked: list[list[int]] = []

    def fetch(ids: list[int]) -> dict[int, EventRecord]:
        asked.append(ids)
        return {i: records[i] for i in ids}

    model = TimelineModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reset_rows([timeline_row(r) for r in records.values()], fetch)
    assert model.rowCount() == 1000 and asked == []
    first = model.index(0, TITLE)
    assert first.data() == model.record(0).title  # the record was fetched with its page
    assert len(asked) == 1 and len(asked[0]) <= PAGE
    tip = model.index(0, DATE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == explain(model.record(0).date) and "a rule" in tip  # from the full record
    assert len(asked) == 1  # its neighbours came along: no second query
    assert model.index(500, 0).data(RecordRole) == records[model.record(500).id]
    assert len(asked) == 2
    model.set_filter(EventFilter(text="secret"))  # notes: every full record is needed
    assert model.rowCount() == 1 and model.record(0).id == 7
    model.set_filter(None)
    assert model.rowCount() == 1000
    assert [r.id for r in model.all_records()] == [r.id for r in model.all_rows()]
    model.remove(7)
    assert model.find(7) is None and model.total() == 999


def test_merged_rows_take_their_places_in_any_order_and_filter(qtbot) -> None:  # noqa: ANN001
    """Rows read anew for a change set replace those of its ids (the deleted ones go) and
    take their places in the order the header chose, descending too, as a full reset
    would place them; the filter and the records of untouched events stay."""
    records = {i: record(i) for i in range(1, 301)}
    model = TimelineModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.reset_rows([timeline_row(r) for r in records.values()],
                     lambda ids: {i: records[i] for i in ids})
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    model.set_filter(EventFilter(text="Event 1"))
    held = model.record(0)
    changed = {5, 17, 120, 299, 300, 301, 302}
    for i in (5, 17, 120, 299):
        d = date(2020, 2, i % 28 + 1)
        records[i] = replace(record(i), title=f"Event 1{i} moved", date=EventDate(d, "day"))
    del records[300]
    records[301], records[302] = record(301), record(302)
    model.merge_rows([timeline_row(records[i]) for i in sorted(changed) if i in records],
                     changed)
    fresh = TimelineModel()
    fresh.reset_rows([timeline_row(r) for r in records.values()],
                     lambda ids: {i: records[i] for i in ids})
    fresh.sort(TITLE, Qt.SortOrder.DescendingOrder)
    fresh.set_filter(EventFilter(text="Event 1"))
    assert model.all_rows() == fresh.all_rows() and model.total() == 301
    assert [model.id_at(r) for r in range(model.rowCount())] == \
        [fresh.id_at(r) for r in range(fresh.rowCount())]
    assert model.find(300) is None and model.find(5).title == "Event 15 moved"
    assert model.record(model.row_of(held.id)) is held  # read once, kept
