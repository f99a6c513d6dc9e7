"""Hostile titles, quotes, tags, notes and URLs through every export format, checked by parsing
the outputs as their readers do: no script element, event handler or javascript: link survives,
the structure stays as the exporter wrote it, and every source is credited to its own quote."""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.edits import ArticleDraft, EventEdit
from desktop_app.core.exporters.csv_export import looks_like_formula, neutralise, un_neutralise
from desktop_app.core.exporters.escaping import markdown_text, safe_url

HOSTILE_TITLE = '<img src=x onerror=alert(1)>"><script>alert(2)</script>'
HOSTILE_OUTLET = "<script>alert(3)</script> & Co"
HOSTILE_URL = "javascript:alert(4)"
HOSTILE_NOTES = ("---\n<script>alert(5)</script>\n# not a heading\n    not code\n1. not a list\n"
                 "[click](javascript:alert(6)) <a href='javascript:alert(7)'>x</a>\n===\n"
                 "=HYPERLINK(\"http://evil\")")
HOSTILE_EVENT_TITLE = "[a link](javascript:alert(8)) <b onmouseover=alert(9)>bold</b> *x*"
HOSTILE_TAG = "<svg onload=alert(10)>"
TEXT_A = ("<script>alert(11)</script> On Monday, the ministry said <b>20,000</b> reservists "
          "were mobilised. Later that day more came.")
TEXT_B = "On Tuesday, officials of the second outlet said the reservists were mobilised."


@pytest.fixture
def hostile(project):  # noqa: ANN001, ANN201
    a = project.articles.add(ArticleDraft(title=HOSTILE_TITLE, text=TEXT_A, outlet=HOSTILE_OUTLET,
                                          url=HOSTILE_URL, published=date(2021, 7, 9)))
    b = project.articles.add(ArticleDraft(title="Second Outlet Story", text=TEXT_B,
                                          outlet="Second Wire", url="https://second.example/s",
                                          published=date(2021, 7, 9)))
    event = project.events.create_from_selection(a.id, 0, TEXT_A.index(" Later"))
    project.events.edit(event.id, EventEdit(title=HOSTILE_EVENT_TITLE, notes=HOSTILE_NOTES))
    project.sources.add_quote(event.id, b.id, 0, len(TEXT_B))
    project.tags.tag_events([event.id], (HOSTILE_TAG, "=cmd|' /C calc'!A0"), ())
    project.events.create_from_selection(b.id, 0, 10)  # a second, plain event
    return project


class _Scan(HTMLParser):
    """Collects what a browser would run or follow, and the element structure."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src"):
                self.hrefs.append(value or "")


def _scan(markup: str) -> _Scan:
    scan = _Scan()
    scan.feed(markup)
    scan.close()
    return scan


def _assert_inert(markup: str, allowed: set[str]) -> _Scan:
    scan = _scan(markup)
    assert "script" not in scan.tags and "img" not in scan.tags and "svg" not in scan.tags
    assert not scan.handlers, scan.handlers
    assert all(safe_url(h) == h for h in scan.hrefs), scan.hrefs
    assert set(scan.tags) <= allowed, set(scan.tags) - allowed
    return scan


def test_html_report_is_inert_and_credits_each_quote_to_its_own_source(hostile,  # noqa: ANN001
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    hostile.exports.export("html", out, HOSTILE_TITLE)
    page = out.read_text(encoding="utf-8")
    scan = _assert_inert(page, {"html", "head", "meta", "title", "style", "body", "h1", "h2",
                                "section", "div", "blockquote", "p", "a", "br"})
    assert scan.tags.count("h1") == 1 and scan.tags.count("section") == 2
    assert set(scan.hrefs) == {"https://second.example/s"}  # javascript: is not a link
    first_event = page[page.index('<section class="event"'):page.index("</section>")]
    quote_b = first_event.index("officials of the second outlet")
    assert first_event.index("Second Wire") > quote_b  # B's quote, then B's source line
    assert first_event.index("&amp; Co") < quote_b  # A's source stands before B's quote
    assert "The sources disagree on the date." in first_event
    assert "not a heading<br>" in first_event  # the notes keep their lines


def _markdown_renderers() -> list:
    markdown = pytest.importorskip("markdown")
    markdown_it = pytest.importorskip("markdown_it")
    return [markdown.markdown, markdown_it.MarkdownIt("commonmark").render]


def test_markdown_report_renders_inert_in_python_markdown_and_commonmark(  # noqa: ANN001
        hostile, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    hostile.exports.export("md", out, HOSTILE_TITLE)
    text = out.read_text(encoding="utf-8")
    for render in _markdown_renderers():
        page = render(text)
        scan = _assert_inert(page, {"h1", "h2", "p", "blockquote", "a", "br", "em"})
        assert scan.tags.count("h1") == 1 and scan.tags.count("h2") == 2, (render, scan.tags)
        assert set(scan.hrefs) == {"https://second.example/s"}
        assert "pre" not in scan.tags and "ol" not in scan.tags and "hr" not in scan.tags
        assert "<script>alert(5)</script>" in html.unescape(page)  # shown, as text


@pytest.mark.parametrize("group_by", ["article", "tag"])
def test_timelinejs_fields_are_escaped_html(hostile, tmp_path: Path, group_by: str) -> None:  # noqa: ANN001
    out = tmp_path / "t.json"
    hostile.exports.export("timelinejs", out, HOSTILE_TITLE, group_by=group_by)
    doc = json.loads(out.read_text(encoding="utf-8"))
    fields = [doc["title"]["text"]["headline"]]
    for slide in doc["events"]:
        # TimelineJS decodes the group and the display date once before inserting them.
        fields += [slide["text"]["headline"], slide["text"]["text"],
                   html.unescape(slide["display_date"]), html.unescape(slide.get("group", ""))]
    for field in fields:
        _assert_inert(field, {"blockquote", "p", "a", "br", "em"})
    groups = {html.unescape(html.unescape(s.get("group", ""))) for s in doc["events"]}
    assert HOSTILE_TAG in groups or HOSTILE_TITLE in groups  # shown exactly as written


def test_timelinejs_sheet_holds_no_markup_and_no_visible_guard(hostile, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.csv"
    hostile.exports.export("timelinejs-csv", out, "t", group_by="tag")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    for row in rows:
        for column in ("Display Date", "Headline", "Text", "Group"):
            shown = html.unescape(row[column]) if column in ("Display Date", "Group") \
                else row[column]  # decoded once by TimelineJS, as in the JSON
            _assert_inert(shown, {"blockquote", "p", "a", "br", "em"})
            assert not looks_like_formula(row[column]), row[column]
            assert not row[column].startswith("'")
    assert rows[0]["Group"].startswith("&amp;lt;svg") or rows[0]["Group"].startswith("&#61;")


def test_csv_cells_never_run_as_formulas_and_come_back_exactly(hostile, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.csv"
    hostile.exports.export_csv(out)
    for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))):
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@") or cell.startswith("'"), cell
    notes = next(r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
                 if r["notes"])["notes"]
    assert un_neutralise(notes) == HOSTILE_NOTES


@pytest.mark.parametrize("cell", [" =1+1", "\u200b=1", "\ufeff@x", "\uff1dSUM(A1)", "\uff20x",
                                  '"=1', "\n=1", "  \t+1", "'=x", "''=x", "\tx", "\rx"])
def test_the_formula_guard_covers_disguised_formulas(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert un_neutralise(neutralise(cell)) == cell


@given(st.text(alphabet=st.sampled_from(list("'= +@-\u200b\uff1d\"\tab1")), max_size=8))
def test_the_formula_guard_round_trips_any_cell(cell: str) -> None:
    once = neutralise(cell)
    assert un_neutralise(once) == cell
    assert un_neutralise(un_neutralise(neutralise(once))) == cell  # twice there and back
    assert not looks_like_formula(once) or once.startswith("'")


@given(st.text(alphabet=st.sampled_from(
    list("'= +@-\u00a0\u200b\u2060\ufeff\uff1d\uff0b\"\t\r\nab1")), max_size=8))
def test_the_formula_test_is_the_rule_it_states(cell: str) -> None:
    """The one compiled match the exports use is the rule as written: after any leading
    apostrophes, the first character; or the first after every blank, invisible character
    and quote."""
    from desktop_app.core.exporters.csv_export import _LEADING, FORMULA_FIRST

    rest = cell.lstrip("'")
    stated = rest[:1] in FORMULA_FIRST or rest.lstrip(_LEADING)[:1] in FORMULA_FIRST
    assert looks_like_formula(cell) == stated


@given(st.text(max_size=40))
def test_markdown_text_never_opens_structure(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    page = markdown_it.MarkdownIt("commonmark").render(markdown_text(text))
    scan = _scan(page)
    assert set(scan.tags) <= {"p", "br"}, (text, page)


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)",
                                 "java\nscript:alert(1)", "data:text/html,<script>",
                                 "vbscript:x", "file:///etc/passwd", ""])
def test_only_web_and_mail_links_are_followed(url: str) -> None:
    assert safe_url(url) is None
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("mailto:desk@example.org") == "mailto:desk@example.org"


def _events_by_icalendar(data: bytes) -> dict[str, tuple[object, object, str, str]]:
    import icalendar

    cal = icalendar.Calendar.from_ical(data)
    return {str(e.get("uid")): (e.decoded("dtstart"), e.decoded("dtend"),
                                str(e.get("summary")), str(e.get("description")))
            for e in cal.walk("VEVENT")}


def _events_by_vobject(data: bytes) -> dict[str, tuple[object, object, str, str]]:
    import vobject  # a test dependency (pyproject's test extra)

    cal = vobject.readOne(data.decode("utf-8"))
    return {e.uid.value: (e.dtstart.value, e.dtend.value, e.summary.value,
                          e.description.value) for e in cal.vevent_list}


def test_two_independent_icalendar_parsers_read_the_same_calendar(hostile,  # noqa: ANN001
                                                                  tmp_path: Path) -> None:
    """icalendar and vobject (another implementation of RFC 5545) agree on every event of a
    hostile project: the escaping of commas, semicolons, backslashes and line breaks in text
    and the folding of long lines read back the same, with the whole hostile title."""
    out = tmp_path / "h.ics"
    hostile.exports.export("ics", out, "Hostile; title, with\\ backslash")
    data = out.read_bytes()
    by_one, by_other = _events_by_icalendar(data), _events_by_vobject(data)
    assert by_one == by_other and len(by_one) == 2
    summaries = {summary for _s, _e, summary, _d in by_one.values()}
    assert HOSTILE_EVENT_TITLE in summaries
    descriptions = " ".join(d for _s, _e, _t, d in by_one.values())
    assert "Second Wire" in descriptions and "---\n<script>alert(5)</script>" in descriptions
