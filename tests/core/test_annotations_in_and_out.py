"""Web Annotations out (every event, every source, ranges, stable unique ids) and in (every
shape the W3C model and Hypothesis's API give, matched by normalised URL or by text)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.edits import ArticleDraft, EventEdit
from desktop_app.core.eventdates import parse_date_text
from desktop_app.core.project import open_project, seed_demo

QUOTE = "On Tuesday, Russian attack helicopters based in Tajikistan launched air-to-surface"
URL = "https://news.example/2021/07/taliban-envoys"


@pytest.fixture
def demo_project(demo_project):  # noqa: ANN001, ANN201
    """The demo article with an address, as a saved web page has."""
    from desktop_app.core.edits import ArticleMetadata

    a = demo_project.articles.get(1)
    demo_project.articles.update_metadata(1, ArticleMetadata(a.title, a.outlet, URL, a.author,
                                                             a.published))
    return demo_project


@pytest.fixture
def rich(demo_project, tmp_path: Path):  # noqa: ANN001, ANN201
    """The demo with a range, a tag that looks like a year, a second source and a quote-less
    event (as a CSV import makes them)."""
    p = demo_project
    events = p.events.list()
    d = parse_date_text("July 2021", None)
    p.events.edit(events[0].id, EventEdit(date=d.__class__(**{**d.__dict__,
                                                             "start": date(2021, 7, 5),
                                                             "precision": "day",
                                                             "end": date(2021, 7, 8)}),
                                          tags=("2021", "army")))
    other = p.articles.add(ArticleDraft(title="Second outlet", text=f"Elsewhere. {QUOTE}.",
                                        url="https://second.example/story",
                                        published=date(2021, 7, 9)))
    p.sources.add_quote(events[1].id, other.id, len("Elsewhere. "), len(f"Elsewhere. {QUOTE}"))
    csv = tmp_path / "one.csv"
    csv.write_text("date,title,notes\n2021-07-20,Talks end,no quote\n", encoding="utf-8")
    from desktop_app.core.importers.csv_import import read_timeline_csv

    p.csv.apply(p.csv.plan(read_timeline_csv(csv)))
    return p


def _key(project) -> list[tuple]:  # noqa: ANN001
    return [(e.date.start, e.date.precision, e.date.end, e.title, e.tags, e.notes,
             tuple(q.exact for q in e.quotes)) for e in project.events.list()]


def test_every_event_and_every_source_survives_a_round_trip(rich, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.jsonld"
    assert rich.exports.export("jsonld", out, "Demo") == 5
    page = json.loads(out.read_text(encoding="utf-8"))
    assert page["id"].startswith("urn:uuid:") and len(page["items"]) == 5
    two = next(a for a in page["items"] if isinstance(a["target"], list))
    assert len(two["target"]) == 2
    before = _key(rich)
    for e in rich.events.list():
        rich.events.delete(e.id)
    result = rich.annotations.import_file(out)
    assert result.skipped == ()
    assert _key(rich) == before  # the range, the '2021' tag, both sources, the quote-less one


def test_ids_are_stable_per_project_and_unique_across_projects(tmp_path: Path) -> None:
    pages, calendars = [], []
    for name in ("a", "b"):
        project = open_project(tmp_path / f"{name}.tldb")
        seed_demo(project)
        for attempt in range(2):
            project.exports.export("jsonld", tmp_path / f"{name}{attempt}.jsonld", "t")
            project.exports.export("ics", tmp_path / f"{name}{attempt}.ics", "t")
        pages += [json.loads((tmp_path / f"{name}{i}.jsonld").read_text()) for i in (0, 1)]
        calendars += [(tmp_path / f"{name}{i}.ics").read_text() for i in (0, 1)]
        project.close()
    ids = [[a["id"] for a in page["items"]] for page in pages]
    assert ids[0] == ids[1] and ids[2] == ids[3] and not set(ids[0]) & set(ids[2])
    uids = [[line for line in cal.splitlines() if line.startswith("UID:")] for cal in calendars]
    assert uids[0] == uids[1] and not set(uids[0]) & set(uids[2])


def test_ics_names_each_source_and_parses(rich, tmp_path: Path) -> None:  # noqa: ANN001
    icalendar = pytest.importorskip("icalendar")
    out = tmp_path / "t.ics"
    rich.exports.export("ics", out, "Demo")
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    items = [c for c in cal.walk("VEVENT")]
    assert len(items) == 5
    two = next(str(c["DESCRIPTION"]) for c in items if "Second outlet" in str(c["DESCRIPTION"]))
    first_source = two.index("Source: Taliban envoys")
    assert two.index(QUOTE[:30]) < first_source < two.index("Source: Second outlet")
    assert two.count(QUOTE[:30]) == 2  # each source's quote, each followed by its source


def _import(project, doc: object, tmp_path: Path):  # noqa: ANN001, ANN202
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return project.annotations.import_file(path)


def _hypothesis(uri: str, exact: str, **extra) -> dict:  # noqa: ANN003
    return {"id": "abc123", "uri": uri, "text": "A comment", "tags": ["2021", "border"],
            "target": [{"source": uri, "selector": [
                {"type": "RangeSelector", "startContainer": "/p[2]", "endContainer": "/p[2]",
                 "startOffset": 0, "endOffset": 40},
                {"type": "TextQuoteSelector", "exact": exact}]}], **extra}


@pytest.mark.parametrize("shape", ["one", "list", "search"])
def test_hypothesis_forms_keep_comment_and_tags_and_never_take_a_tag_as_date(  # noqa: ANN001
        demo_project, tmp_path: Path, shape: str) -> None:
    variant = URL.replace("https://", "http://www.") + "/#annotations"  # the same page
    one = _hypothesis(variant, QUOTE)
    doc = {"one": one, "list": [one], "search": {"total": 1, "rows": [one]}}[shape]
    result = _import(demo_project, doc, tmp_path)
    assert result.skipped == () and len(result.created) == 1
    event = result.created[0]
    assert event.notes == "A comment" and event.tags == ("2021", "border")
    assert event.date.start == date(2021, 7, 6)  # from the passage, not from the '2021' tag
    assert event.quotes[0].exact == QUOTE


def test_w3c_shapes_import_and_bad_items_are_reported_one_by_one(demo_project,  # noqa: ANN001
                                                                tmp_path: Path) -> None:
    url = URL
    items = [
        {"type": "Annotation", "target": url,  # a plain IRI: the document, dated by the body
         "body": [{"type": "TextualBody", "purpose": "classifying", "value": "2021-07-01"},
                  {"type": "TextualBody", "value": "whole-article note"}]},
        {"type": "Annotation", "bodyValue": "shortcut comment",
         "target": {"type": "SpecificResource", "source": {"id": url},
                    "selector": {"type": "TextQuoteSelector", "exact": QUOTE}}},
        {"type": "Annotation", "target": [{"source": "urn:unknown",  # found by its text
                                           "selector": [{"type": "TextQuoteSelector",
                                                         "exact": QUOTE}]}]},
        {"type": "Annotation", "target": "https://nowhere.example/x"},
        "not an annotation",
        {"type": "Annotation"},
    ]
    result = _import(demo_project, {"type": "AnnotationPage", "items": items}, tmp_path)
    assert len(result.created) == 3
    whole, shortcut, by_text = result.created
    assert whole.quotes == () and whole.date.start == date(2021, 7, 1)
    assert whole.notes == "whole-article note"
    assert shortcut.notes == "shortcut comment" and shortcut.quotes[0].exact == QUOTE
    assert by_text.quotes[0].article_id == 1
    assert [r.split(" (")[0].split(":")[0] for r in result.skipped] == [
        "annotation 5", "annotation 6", "annotation 4"]
    assert "no article in this project has this source" in result.skipped[2]
    assert demo_project.events.count() == 7


def test_a_file_nested_too_deeply_is_a_clear_refusal(demo_project, tmp_path: Path) -> None:  # noqa: ANN001
    from desktop_app.core.errors import ImportFileError

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ImportFileError, match="nested too deeply|not a JSON-LD"):
        demo_project.annotations.import_file(deep)
    assert demo_project.events.count() == 4


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_a_file_in_a_unicode_encoding_json_allows_imports(demo_project, tmp_path: Path,  # noqa: ANN001
                                                          encoding: str) -> None:
    """Windows tools save JSON as UTF-16 with a byte-order mark; it was refused as "'utf-8'
    codec can't decode byte 0xff in position 0"."""
    path = tmp_path / "notes.jsonld"
    path.write_bytes(json.dumps({"type": "Annotation", "bodyValue": "Grüße", "target": {
        "source": URL, "selector": {"type": "TextQuoteSelector", "exact": QUOTE}}},
        ensure_ascii=False).encode(encoding))
    result = demo_project.annotations.import_file(path)
    assert [e.notes for e in result.created] == ["Grüße"]


def test_a_file_that_is_no_unicode_text_is_named_with_the_byte(demo_project,  # noqa: ANN001
                                                              tmp_path: Path) -> None:
    from desktop_app.core.errors import ImportFileError

    path = tmp_path / "latin1.jsonld"
    path.write_bytes('{"type": "Annotation", "bodyValue": "Grüße"}'.encode("latin-1"))
    with pytest.raises(ImportFileError, match=r"latin1.jsonld: is not a JSON-LD annotation "
                                              r"file \(not UTF-8 text, nor UTF-16 or UTF-32: "
                                              r"invalid start byte at byte 39\)"):
        demo_project.annotations.import_file(path)
