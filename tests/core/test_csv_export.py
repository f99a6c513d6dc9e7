"""The CSV export: columns, golden output, quoting, BOM, formula injection, atomic writes."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.edits import EventEdit
from desktop_app.core.errors import ExportError
from desktop_app.core.exporters.csv_export import COLUMNS, neutralise
from tests.conftest import FIXTURES


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_golden_export_of_the_demo_project(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "demo.csv"
    assert demo_project.exports.export_csv(out) == 4
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    golden = (FIXTURES / "demo-export.csv").read_bytes()
    assert data == golden


def test_columns_and_values(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.csv"
    demo_project.exports.export_csv(out)
    rows = rows_of(out)
    assert tuple(rows[0].keys()) == COLUMNS
    assert [r["date"] for r in rows] == ["2021-07-05", "2021-07-06", "2021-07-07", "2021-07-08"]
    assert rows[0]["article_published"] == "2021-07-09"
    assert rows[0]["date_expression"] == "On Monday"
    assert rows[0]["quote"].startswith("On Monday, Tajikistan's president")


def test_precision_newlines_tags_and_injection(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    from desktop_app.core.eventdates import parse_date_text

    events = demo_project.events
    first = events.list()[0]
    events.edit(first.id, EventEdit(title="=HYPERLINK(\"http://evil\")",
                                    notes="line one\nline \"two\", with comma",
                                    tags=("a,b", "@c"), date=parse_date_text("July 2020", None)))
    out = tmp_path / "t.csv"
    events_written = demo_project.exports.export_csv(out)
    rows = rows_of(out)
    assert events_written == 4
    row = rows[0]
    assert row["date"] == "2020-07" and row["precision"] == "month"
    assert row["title"] == "'=HYPERLINK(\"http://evil\")"
    assert row["notes"] == "line one\nline \"two\", with comma"
    assert row["tags"] == "'@c, a b"  # commas cannot hide inside a tag; '@' neutralised


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_formula_starts(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert neutralise("plain " + cell) == "plain " + cell


def test_round_trip_through_the_csv_module(demo_project) -> None:  # noqa: ANN001
    buf = io.StringIO()
    demo_project.exports.timeline_csv(buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows[0] == list(COLUMNS) and len(rows) == 5
    assert {int(r[0]) for r in rows[1:]} == {e.id for e in demo_project.events.list()}


def test_failed_export_leaves_no_partial_file(demo_project, tmp_path: Path,  # noqa: ANN001
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "t.csv"
    out.write_text("previous export")
    import desktop_app.core.services.exports as exports

    def full_disk(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports, "write_events_csv", full_disk)
    with pytest.raises(ExportError, match="No space left"):
        demo_project.exports.export_csv(out)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []
    with pytest.raises(ExportError, match="does not exist"):
        demo_project.exports.export_csv(tmp_path / "nope" / "t.csv")


def test_export_date_format_does_not_depend_on_today() -> None:
    from desktop_app.core.eventdates import iso_at_precision

    assert iso_at_precision(date(987, 6, 5), "day") == "0987-06-05"
