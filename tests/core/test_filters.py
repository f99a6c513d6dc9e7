"""Event filters and CSV export options."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.edits import EventEdit
from desktop_app.core.exporters.csv_export import CsvOptions
from desktop_app.core.filters import EventFilter, FilterError, parse_filter


def test_filters_match_text_tags_articles_and_dates(demo_project) -> None:  # noqa: ANN001
    events = demo_project.events.list()
    demo_project.events.edit(events[2].id, EventEdit(tags=("Putin",), notes="phone call"))
    events = demo_project.events.list()

    def ids(f: EventFilter) -> list[int]:
        return [e.id for e in events if f.matches(e)]

    assert ids(EventFilter()) == [e.id for e in events]
    assert ids(parse_filter(["text=helicopters"])) == [events[1].id]  # found in the quote
    assert ids(parse_filter(["text=PHONE"])) == [events[2].id]  # notes, any case
    assert ids(parse_filter(["tag=putin"])) == [events[2].id]
    assert ids(parse_filter(["from=2021-07-07"])) == [e.id for e in events[2:]]
    assert ids(parse_filter(["to=2021-07-06", "from=2021-07-06"])) == [events[1].id]
    assert ids(parse_filter([f"article={events[0].article_id}"])) == [e.id for e in events]
    assert ids(parse_filter(["to=2021"])) == [e.id for e in events]  # the whole year


@pytest.mark.parametrize("spec,problem", [("text", "KEY=VALUE"), ("colour=red", "unknown"),
                                          ("from=soon", "ISO 8601"),
                                          ("article=x", "an article is named by its number"),
                                          ("article=١", "an article is named by its number")])
def test_bad_filters(spec: str, problem: str) -> None:
    with pytest.raises(FilterError, match=problem):
        parse_filter([spec])


def test_csv_options_and_filter(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.csv"
    first = demo_project.events.list()[0]
    demo_project.events.edit(first.id, EventEdit(title="=SUM(A1)"))
    n = demo_project.exports.export_csv(
        out, CsvOptions(delimiter=";", bom=False, date_style="display",
                        neutralise_formulas=False), parse_filter(["to=2021-07-06"]))
    assert n == 2
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(data.decode().splitlines(), delimiter=";"))
    assert [r["date"] for r in rows] == ["Mon 5 Jul 2021", "Tue 6 Jul 2021"]
    assert rows[0]["title"] == "=SUM(A1)"
    assert date(2021, 7, 5)


def test_locale_dates_come_from_the_given_formatter(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "l.csv"
    demo_project.exports.export_csv(out, CsvOptions(date_style="locale",
                                                    format_day=lambda d: d.strftime("%d.%m.%Y")))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["date"] == "05.07.2021"
