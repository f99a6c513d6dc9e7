"""CSV import: round-trips the export, previews, updates by id, creates, refuses bad input."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.edits import EventEdit
from desktop_app.core.errors import ImportFileError
from desktop_app.core.exporters.csv_export import COLUMNS
from desktop_app.core.importers.csv_import import read_timeline_csv
from tests.conftest import content


def _export(project, tmp_path: Path) -> Path:  # noqa: ANN001
    out = tmp_path / "t.csv"
    project.exports.export_csv(out)
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]], delimiter: str = ",",
           columns: tuple[str, ...] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, delimiter=delimiter, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return path


def test_reimporting_an_unedited_export_changes_nothing(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    plan = demo_project.csv.plan(read_timeline_csv(_export(demo_project, tmp_path)))
    assert (len(plan.creates), len(plan.updates), len(plan.unchanged), plan.problems) == (
        0, 0, 4, ())
    assert plan.source.ignored_columns == ("quote", "article_title", "article_outlet",
                                           "article_url", "article_published",
                                           "date_expression", "source_count",
                                           "date_conflict")


def test_edited_export_updates_by_id_creates_without_id_and_undoes(demo_project,  # noqa: ANN001
                                                                   tmp_path: Path) -> None:
    rows = _rows(_export(demo_project, tmp_path))
    rows[0]["title"] = "Reservists mobilised"
    rows[1]["date"], rows[1]["precision"] = "2021-07", "month"
    rows[2]["tags"] = "military, Russia"
    rows.append({"event_id": "", "date": "2021-07-10T09:30:00+02:00", "title": "Talks end",
                 "notes": "line one\nline two", "tags": ""})
    path = _write(tmp_path / "edited.csv", rows)
    csv_service = demo_project.csv
    plan = csv_service.plan(read_timeline_csv(path))
    assert plan.summary() == "1 to create, 3 to update, 1 unchanged, 0 errors"
    before = demo_project.events.list()
    result = csv_service.apply(plan)
    by_id = {e.id: e for e in demo_project.events.list()}
    moved_ids = {int(rows[i]["event_id"]) for i in range(3)}
    assert by_id[int(rows[0]["event_id"])].title == "Reservists mobilised"
    moved = by_id[int(rows[1]["event_id"])]
    assert (moved.date.start, moved.date.precision) == (date(2021, 7, 1), "month")
    assert by_id[int(rows[2]["event_id"])].tags == ("military", "Russia")
    [new] = result.created
    assert (new.date.start, new.notes, new.quotes) == (date(2021, 7, 10), "line one\nline two",
                                                       ())
    assert csv_service.plan(read_timeline_csv(path)).summary() == (  # nothing twice
        "0 to create, 0 to update, 4 unchanged, 1 already imported (skipped), 0 errors")
    csv_service.undo(result)
    after = demo_project.events.list()
    # Undo is a change of its own (a new version, by whom, when); the content is as before.
    assert [content(e) for e in after] == [content(e) for e in before]
    assert [e.version for e in after] == [e.version + 2 if e.id in moved_ids else e.version
                                          for e in before]
    again = csv_service.redo(result)
    assert [r.id for r in again.created] == [new.id]


def test_semicolon_and_tab_files_and_header_order(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    rows = _rows(_export(demo_project, tmp_path))
    rows[0]["title"] = "Changed"
    for delimiter in (";", "\t"):
        cols = ("title", "event_id", "date", "surprise")
        path = _write(tmp_path / "alt.csv", rows, delimiter, cols)
        plan = demo_project.csv.plan(read_timeline_csv(path))
        assert len(plan.updates) == 1 and plan.problems == ()
        assert plan.source.unknown_columns == ("surprise",)


@pytest.mark.parametrize("first_line", ["sep=;", "SEP=;", "\ufeffsep=;"])
def test_a_first_line_naming_the_delimiter_as_excel_writes_it(tmp_path: Path,
                                                              first_line: str) -> None:
    """"sep=;" was read as the header (no date or title column found); the rows' line
    numbers still count it."""
    path = tmp_path / "excel.csv"
    path.write_text(f"{first_line}\r\ndate;title;notes\r\n2021-07-05;Met;a, b\r\n"
                    "2021-02-30;Bad day;\r\n", encoding="utf-8")
    parsed = read_timeline_csv(path)
    assert [(r.title, r.notes) for r in parsed.rows] == [("Met", "a, b")]
    assert [p.line for p in parsed.problems] == [4]


def test_a_cell_past_what_the_csv_reader_takes_names_its_line_and_setting(
        tmp_path: Path) -> None:
    """It was "is not valid CSV near line 3 (field larger than field limit (4000000))"."""
    path = tmp_path / "huge-cell.csv"
    path.write_text('date,title,notes\n2021-07-05,a,b\n2021-07-05,a,"' + "x" * 4_000_001
                    + '"\n', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"huge-cell.csv: line 3: a cell holds more than "
                                              r"4,000,000 characters \(the limit is 1,000,000 "
                                              r"characters in one cell, setting "
                                              r"csv/maxCellCharacters\)"):
        read_timeline_csv(path)


@pytest.mark.parametrize("title,written", [("=1+1", "'=1+1"), ("'=1+1", "''=1+1"),
                                           ("'quoted'", "'quoted'"), ("-5 dead", "'-5 dead")])
def test_formula_guard_is_undone_on_import(demo_project, tmp_path: Path, title: str,  # noqa: ANN001
                                           written: str) -> None:
    first = demo_project.events.list()[0]
    demo_project.events.edit(first.id, EventEdit(title=title, notes="@home"))
    path = _export(demo_project, tmp_path)
    assert _rows(path)[0]["title"] == written
    assert demo_project.csv.plan(read_timeline_csv(path)).updates == ()


@pytest.mark.parametrize("content,problem", [
    ("title,notes\nA,b\n", "has no event_id column and not both date and title"),
    ("", "is empty"),
    ("\x00\x01\x02" * 100, "binary"),
    # The lenient reader would take every line after the quote as one cell: rows lost unsaid.
    ('date,title\n2021-07-05,"Open\n2021-07-06,Swallowed\n', "line 2: a quoted cell opens"),
])
def test_files_that_are_not_timeline_csv(tmp_path: Path, content: str, problem: str) -> None:
    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="latin-1")
    with pytest.raises(ImportFileError, match=problem) as info:
        read_timeline_csv(p)
    assert str(p) in str(info.value)


def test_quoted_cells_over_several_lines_to_the_end_are_fine(tmp_path: Path) -> None:
    p = tmp_path / "notes.csv"
    p.write_text('date,title,notes\n2021-07-05,A,"two\nlines"\n2021-07-06,B,"a ""quote""\n'
                 'and a 5"" screen"\n', encoding="utf-8")
    rows = read_timeline_csv(p).rows
    assert [(r.title, r.notes) for r in rows] == [("A", "two\nlines"),
                                                 ("B", 'a "quote"\nand a 5" screen')]


def test_bad_rows_are_reported_with_line_numbers(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    p = tmp_path / "rows.csv"
    huge = "x" * 1_000_001
    p.write_text("event_id,date,title,notes\n"
                 ",2021-13-45,Bad month,\n"
                 ",yesterday,Words,\n"
                 f",2021-07-05,Huge,{huge}\n"
                 "abc,2021-07-05,Bad id,\n"
                 ",2021-07-05,,\n"
                 ",2021-07-05,Fine,\n"
                 ",2021-07-05,Too,many,cells,here\n", encoding="utf-8")
    plan = demo_project.csv.plan(read_timeline_csv(p))
    reasons = {pr.line: pr.reason for pr in plan.problems}
    assert "not a real date" in reasons[2]
    assert "not an ISO 8601 date" in reasons[3]
    assert "too large" in reasons[4]
    assert "not a number" in reasons[5]
    assert "needs a title" in reasons[6]
    assert "cells but" in reasons[8]
    assert [r.title for r in plan.creates] == ["Fine"]


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=60)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT.filter(lambda t: t.strip() and t == t.strip()), notes=_TEXT)
def test_export_then_import_is_identity(demo_project, tmp_path: Path, title: str,  # noqa: ANN001
                                        notes: str) -> None:
    first = demo_project.events.list()[0]
    demo_project.events.edit(first.id, EventEdit(title=title, notes=notes))
    buf = io.StringIO()
    demo_project.exports.timeline_csv(buf)
    path = tmp_path / "rt.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    plan = demo_project.csv.plan(read_timeline_csv(path))
    assert plan.problems == () and plan.updates == (), plan.updates


def test_bulk_created_events_read_back_exactly_as_written(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    """The bulk path writes rows itself: what is read back must equal the records it
    returned, through undo and redo, with tags, ranges and precisions."""
    source = tmp_path / "bulk.csv"
    source.write_text("date,end_date,precision,title,tags,notes\n"
                      "2021-07-05,2021-07-08,day,A range,\"army, Border\",first\n"
                      "2021-07,,month,A month,,\n"
                      "2021-Q3,,quarter,A quarter,army,third\n", encoding="utf-8")
    result = demo_project.csv.apply(demo_project.csv.plan(read_timeline_csv(source)))
    ids = [r.id for r in result.created]
    assert [demo_project.events.get(i) for i in ids] == list(result.created)
    demo_project.csv.undo(result)
    assert not demo_project.events.get_many(ids)
    demo_project.csv.redo(result)
    assert [demo_project.events.get(i) for i in ids] == list(result.created)
    assert result.created[0].tags == ("army", "Border") and result.created[0].date.end


def test_the_preview_lists_each_change_with_old_and_new_values(demo_project,  # noqa: ANN001
                                                               tmp_path: Path) -> None:
    from desktop_app.core.services.csv_sync import PlannedChange, planned_changes

    rows = _rows(_export(demo_project, tmp_path))
    old_title = rows[0]["title"]
    rows[0]["title"] = "Reservists mobilised"
    rows[1]["date"], rows[1]["precision"] = "2021-07", "month"
    rows[2]["tags"], rows[2]["notes"] = "military, Russia", "checked\nwith Reuters"
    rows.append({"event_id": "", "date": "2021-07-10", "title": "Talks end", "tags": ""})
    plan = demo_project.csv.plan(read_timeline_csv(_write(tmp_path / "edited.csv", rows)))
    changes = planned_changes(plan)
    assert changes[0] == PlannedChange(2, old_title, "title", old_title, "Reservists mobilised")
    assert changes[1].line == 3 and changes[1].field == "date"
    assert (changes[1].before, changes[1].after) == ("Tue 6 Jul 2021", "July 2021")
    assert [(c.line, c.field, c.before, c.after) for c in changes[2:]] == [
        (4, "tags", "", "military, Russia"), (4, "notes", "", "checked\nwith Reuters"),
        (7, "new event", "", "Sat 10 Jul 2021")]  # line 4 spans two lines (its notes)
    assert changes[-1].event == "Talks end"


def test_importing_the_same_file_again_creates_nothing_twice(demo_project,  # noqa: ANN001
                                                             tmp_path: Path) -> None:
    """A crash between the commit and its report, or a second run by mistake: new rows
    already imported are skipped and said so; identical rows in one file are each imported
    once; undo forgets them, redo remembers them again."""
    path = tmp_path / "new.csv"
    path.write_text("date,title,notes\n2021-07-10,Talks end,\n2021-07-10,Talks end,\n"
                    "2021-07-11,Vote,first\n", encoding="utf-8")
    csv_service = demo_project.csv
    first = csv_service.apply(csv_service.plan(read_timeline_csv(path)))
    assert [e.title for e in first.created] == ["Talks end", "Talks end", "Vote"]
    again = csv_service.plan(read_timeline_csv(path))
    assert (len(again.creates), len(again.imported)) == (0, 3)
    assert "3 already imported (skipped)" in again.summary()
    path.write_text(path.read_text(encoding="utf-8") + "2021-07-10,Talks end,\n",
                    encoding="utf-8")  # a third identical row is a new one
    grown = csv_service.plan(read_timeline_csv(path))
    assert [(r.line, r.title) for r in grown.creates] == [(5, "Talks end")]
    csv_service.undo(first)
    assert len(csv_service.plan(read_timeline_csv(path)).creates) == 4
    csv_service.redo(first)
    assert len(csv_service.plan(read_timeline_csv(path)).creates) == 1
    assert len(demo_project.events.list()) == 7

