"""Every source of an event reaches the CSV: counted, conflict-flagged, and listed in cells or
as one row per source; both forms come back through the CSV import unchanged."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.exporters.csv_export import CsvOptions, SourceLayout
from desktop_app.core.importers.csv_import import read_timeline_csv

TEXT_A = "On Monday, the ministry ordered 20,000 reservists mobilised."
TEXT_B = "On Tuesday, the ministry ordered the reservists mobilised."


@pytest.fixture
def two_sources(project):  # noqa: ANN001, ANN201
    a = project.articles.add(ArticleDraft(title="First story", text=TEXT_A, outlet="Global Wire",
                                          url="https://a.example/1", published=date(2021, 7, 9)))
    b = project.articles.add(ArticleDraft(title="Second story", text=TEXT_B, outlet="Other Post",
                                          url="https://b.example/2", published=date(2021, 7, 9)))
    event = project.events.create_from_selection(a.id, 0, len(TEXT_A))
    project.sources.add_quote(event.id, b.id, 0, len(TEXT_B))
    project.events.create_from_selection(b.id, 0, 10)
    return project


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_all_sources_are_listed_one_per_line_in_each_cell(two_sources, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "all.csv"
    assert two_sources.exports.export_csv(out) == 2
    first = _rows(out)[0]
    assert first["quote"] == f"{TEXT_A}\n{TEXT_B}"
    assert first["article_outlet"] == "Global Wire\nOther Post"
    assert first["article_title"] == "First story\nSecond story"
    assert first["article_url"] == "https://a.example/1\nhttps://b.example/2"
    assert (first["source_count"], first["date_conflict"]) == ("2", "yes")
    assert (_rows(out)[1]["source_count"], _rows(out)[1]["date_conflict"]) == ("1", "no")


def test_one_row_per_source_repeats_the_event_and_round_trips(two_sources,  # noqa: ANN001
                                                              tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    options = CsvOptions(sources=SourceLayout.ROW_PER_SOURCE)
    assert two_sources.exports.export_csv(out, options) == 2
    rows = _rows(out)
    assert [r["event_id"] for r in rows] == ["1", "1", "2"]
    assert [r["article_outlet"] for r in rows] == ["Global Wire", "Other Post", "Other Post"]
    assert rows[0]["title"] == rows[1]["title"] and rows[1]["quote"] == TEXT_B
    plan = two_sources.csv.plan(read_timeline_csv(out))
    assert (len(plan.creates), len(plan.updates), len(plan.unchanged), plan.problems) == (
        0, 0, 2, ())


def test_rows_of_one_event_that_disagree_are_a_problem(two_sources, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "rows.csv"
    two_sources.exports.export_csv(out, CsvOptions(sources=SourceLayout.ROW_PER_SOURCE))
    rows = _rows(out)
    rows[1]["title"] = "Edited in only one of the rows"
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    plan = two_sources.csv.plan(read_timeline_csv(out))
    assert [p.line for p in plan.problems] == [3]
    assert "also on line 2" in plan.problems[0].reason


def test_event_ids_in_other_digits_are_refused(two_sources, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "ids.csv"
    out.write_text("event_id,title\n\u0661,Arabic-Indic one\n99999999999999999999,Too big\n",
                   encoding="utf-8")
    plan = two_sources.csv.plan(read_timeline_csv(out))
    assert [p.line for p in plan.problems] == [2, 3]
    assert two_sources.events.get(1).title != "Arabic-Indic one"
