"""TimelineJS, iCalendar, Web Annotations and reports: shapes checked, parsed back."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.edits import EventEdit
from desktop_app.core.errors import ExportError
from desktop_app.core.eventdates import parse_date_text


@pytest.fixture
def varied(demo_project):  # noqa: ANN001, ANN201
    """The demo with a month-precision event, tags, notes and characters to escape."""
    events = demo_project.events.list()
    demo_project.events.edit(events[1].id, EventEdit(date=parse_date_text("July 2021", None),
                                                     tags=("military",),
                                                     notes='Check <b>this</b> & "that"'))
    return demo_project


def test_timelinejs_json_fills_dates_to_their_precision(varied, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.json"
    assert varied.exports.export("timelinejs", out, "Demo") == 4
    doc = json.loads(out.read_text())
    assert doc["title"]["text"]["headline"] == "Demo"
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert len(slides) == 4 and all(s["unique_id"].startswith("event-") for s in doc["events"])
    month = next(s for s in doc["events"] if s["display_date"] == "July 2021")
    assert month["start_date"] == {"year": 2021, "month": 7}
    day = next(s for s in doc["events"] if s["display_date"] == "Wed 7 Jul 2021")
    assert day["start_date"] == {"year": 2021, "month": 7, "day": 7} and "end_date" not in day
    assert "<blockquote>On Wednesday" in day["text"]["text"]
    assert "&lt;b&gt;this&lt;/b&gt; &amp;" in month["text"]["text"]
    assert all(s["group"].startswith("Taliban envoys") for s in doc["events"])


def test_timelinejs_spreadsheet_columns(varied, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "sheet.csv"
    varied.exports.export("timelinejs-csv", out, "Demo")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:3] == ["Year", "Month", "Day"] and "Headline" in rows[0]
    month = next(r for r in rows if r["Display Date"] == "July 2021")
    assert (month["Year"], month["Month"], month["Day"]) == ("2021", "7", "")


def test_icalendar_parses_back_with_all_day_spans(varied, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.ics"
    varied.exports.export("ics", out, "Demo")
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    items = {str(e.get("uid")): e for e in cal.walk("VEVENT")}
    assert len(items) == 4
    spans = sorted((e.decoded("dtstart"), e.decoded("dtend")) for e in items.values())
    assert (date(2021, 7, 1), date(2021, 8, 1)) in spans  # the month-precision event
    assert (date(2021, 7, 5), date(2021, 7, 6)) in spans  # an all-day event
    monday = next(e for e in items.values() if e.decoded("dtstart") == date(2021, 7, 5))
    assert "On Monday, Tajikistan" in str(monday.get("description"))


def test_web_annotations_shape(varied, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.jsonld"
    varied.exports.export("jsonld", out, "Demo")
    page = json.loads(out.read_text())
    assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert page["type"] == "AnnotationPage" and len(page["items"]) == 4
    a = page["items"][0]
    assert a["type"] == "Annotation" and a["target"]["source"].startswith("urn:sha256:")
    kinds = {s["type"]: s for s in a["target"]["selector"]}
    assert set(kinds) == {"TextQuoteSelector", "TextPositionSelector"}
    assert kinds["TextQuoteSelector"]["exact"].startswith("On ")
    assert {b["purpose"] for b in a["body"]} >= {"describing", "tagging"}


def test_web_annotations_round_trip(varied, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.jsonld"
    varied.exports.export("jsonld", out, "Demo")
    before = varied.events.list()
    for e in before:
        varied.events.delete(e.id)
    result = varied.annotations.import_file(out)
    assert result.skipped == ()
    after = varied.events.list()
    key = [(e.date.start, e.date.precision, e.title, e.tags, e.notes, e.quotes[0].exact)
           for e in before]
    assert [(e.date.start, e.date.precision, e.title, e.tags, e.notes, e.quotes[0].exact)
            for e in after] == key


def test_annotations_for_unknown_articles_are_skipped_with_reasons(demo_project,  # noqa: ANN001
                                                                  tmp_path: Path) -> None:
    doc = {"type": "Annotation", "target": {"source": "https://example.org/other", "selector": {
        "type": "TextQuoteSelector", "exact": "anything"}}, "body": "A note"}
    p = tmp_path / "one.jsonld"
    p.write_text(json.dumps(doc))
    result = demo_project.annotations.import_file(p)
    assert result.created == () and "no article in this project" in result.skipped[0]
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{not json")
    from desktop_app.core.errors import ImportFileError

    with pytest.raises(ImportFileError, match="is not a JSON-LD annotation file"):
        demo_project.annotations.import_file(bad)


def test_reports_are_readable(varied, tmp_path: Path) -> None:  # noqa: ANN001
    varied.exports.export("md", tmp_path / "r.md", "Demo")
    md = (tmp_path / "r.md").read_text()
    assert md.startswith("# Demo\n") and "## Mon 5 Jul 2021: " in md
    assert "> On Monday, Tajikistan's president" in md and "Tags: military" in md
    varied.exports.export("html", tmp_path / "r.html", "Demo")
    page = (tmp_path / "r.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert 'Check &lt;b&gt;this&lt;/b&gt; &amp; &quot;that&quot;' in page
    with pytest.raises(ExportError, match="unknown format"):
        varied.exports.export("docx", tmp_path / "x.docx", "Demo")


def test_timelinejs_groups_by_tag(varied, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.json"
    varied.exports.export("timelinejs", out, "Demo", group_by="tag")
    groups = [s.get("group") for s in json.loads(out.read_text())["events"]]
    assert groups.count("military") == 1 and groups.count(None) == 3


_QUOTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=5,
                    max_size=50).filter(lambda t: t.strip() == t)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=_QUOTABLE, quote=_QUOTABLE, after=_QUOTABLE)
def test_quotes_travel_through_web_annotations(tmp_path_factory, before: str, quote: str,  # noqa: ANN001
                                               after: str) -> None:
    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.project import open_project

    folder = tmp_path_factory.mktemp("ld")
    text = f"{before}\n\n{quote}\n\n{after} {quote}"  # the quote also appears a second time
    draft = ArticleDraft(title="T", text=text, published=date(2021, 7, 9))
    source = open_project(folder / "a.tldb")
    article = source.articles.add(draft)
    start = text.index(quote)
    made = source.events.create_from_selection(article.id, start, start + len(quote))
    source.exports.export("jsonld", folder / "q.jsonld", "T")
    source.close()
    target = open_project(folder / "b.tldb")
    target.articles.add(draft)
    result = target.annotations.import_file(folder / "q.jsonld")
    target.close()
    assert result.skipped == ()
    [q] = result.created[0].quotes
    assert (q.start, q.end, q.exact) == (made.quotes[0].start, made.quotes[0].end,
                                         made.quotes[0].exact)


def test_one_list_of_formats_drives_the_writers_the_cli_and_the_menu() -> None:
    from desktop_app.cli import build_parser
    from desktop_app.core.exporters.formats import EXPORT_FORMATS
    from desktop_app.core.services.exports import WRITERS

    keys = [f.key for f in EXPORT_FORMATS]
    assert set(WRITERS) == set(keys) - {"csv"}  # every format but CSV has its writer
    export = build_parser()._subparsers._group_actions[0].choices["export"]  # noqa: SLF001
    fmt = next(a for a in export._actions if a.dest == "format")  # noqa: SLF001
    assert list(fmt.choices) == keys
    assert all(f.suffix.startswith(".") and f.name for f in EXPORT_FORMATS)
