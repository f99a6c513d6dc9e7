"""Structure-aware fuzzing of the readers of files people hand the app: annotation files
(W3C and Hypothesis shapes), e-mails (MIME trees), PDFs (object graphs) and timeline CSVs
(each column's own forms).

Random bytes rarely get past a reader's first check (not JSON, not a PDF, no header); these
strategies build files that do, with odd values wherever the structure allows one. Whatever
they build, a reader either gives a usable result or refuses the file with a message naming
it, and an import changes the project by exactly what it reports.
"""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers import read_article_file
from desktop_app.core.importers.csv_import import read_timeline_csv
from desktop_app.core.project import open_project, seed_demo
from tests.core.pdfs import assemble_pdf

_FUZZ = settings(max_examples=120, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


@pytest.fixture
def demo(tmp_path: Path):  # noqa: ANN201
    """The demo project (one article, four events) on SQLite: the readers' results are
    matched against it; the same services run on PostgreSQL in the services' own tests."""
    project = open_project(tmp_path / "fuzz.tldb")
    seed_demo(project)
    yield project
    project.close()


def _refused_naming(path: Path, exc: ImportFileError) -> None:
    assert str(path) in str(exc) or path.name in str(exc), str(exc)


def _read_article_or_refused(path: Path, data: bytes) -> None:
    """The article file read into a draft of clean text, or refused by name."""
    path.write_bytes(data)
    try:
        draft = read_article_file(path)
    except ImportFileError as exc:
        _refused_naming(path, exc)
        return
    assert draft.text.strip() and "\r" not in draft.text and "\x00" not in draft.text
    assert "\x00" not in draft.title


# -- annotation files: W3C Web Annotations and Hypothesis's API forms -----------------------
_ODD = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
                 st.just([]), st.just({}))
_DEMO_URL = "https://example.org/timeline-annotator/demo"
_URLS = st.one_of(st.sampled_from([
    _DEMO_URL, "https://www.example.org/timeline-annotator/demo/#top",
    "http://example.org/timeline-annotator/demo?utm_source=feed", "urn:x:1", "",
    "javascript:alert(1)", "https://other.example/a"]), st.text(max_size=20), _ODD)
_EXACT = st.one_of(st.sampled_from([
    "On Monday, Tajikistan's president ordered 20,000 reservists mobilised",
    "On Tuesday", "Thursday", "Moscow", "\u0000", "x" * 300]), st.text(max_size=40), _ODD)
_OFFSET = st.one_of(st.integers(-5, 3_000), st.integers(-2**70, 2**70), _ODD)
_QUOTE_SELECTOR = st.fixed_dictionaries(
    {"type": st.just("TextQuoteSelector"), "exact": _EXACT},
    optional={"prefix": st.one_of(st.text(max_size=10), _ODD),
              "suffix": st.one_of(st.text(max_size=10), _ODD)})
_POSITION_SELECTOR = st.fixed_dictionaries(
    {"type": st.just("TextPositionSelector"), "start": _OFFSET, "end": _OFFSET})
_SELECTOR = st.recursive(
    st.one_of(_QUOTE_SELECTOR, _POSITION_SELECTOR, _ODD,
              st.fixed_dictionaries({"type": st.sampled_from(
                  ["CssSelector", "XPathSelector", "FragmentSelector", "DataPositionSelector"]),
                  "value": st.text(max_size=10)})),
    lambda inner: st.one_of(
        st.fixed_dictionaries({"type": st.just("RangeSelector"), "startSelector": inner,
                               "endSelector": inner}),
        st.lists(inner, max_size=3),
        st.builds(lambda s, r: {**s, "refinedBy": r} if isinstance(s, dict) else s,
                  inner, inner)),
    max_leaves=6)
_TARGET_OBJECT = st.fixed_dictionaries(
    {}, optional={"type": st.sampled_from(["SpecificResource", "Text", "Annotation"]),
                  "source": _URLS, "id": _URLS, "selector": _SELECTOR})
_TARGET = st.one_of(_URLS, _TARGET_OBJECT, st.lists(st.one_of(_URLS, _TARGET_OBJECT),
                                                    max_size=3))
_BODY_OBJECT = st.fixed_dictionaries(
    {}, optional={"type": st.sampled_from(["TextualBody", "SpecificResource", "Choice"]),
                  "value": st.one_of(st.text(max_size=30), _ODD),
                  "purpose": st.sampled_from(["commenting", "tagging", "describing",
                                              "classifying", "x"]),
                  "format": st.sampled_from(["text/plain", "text/html"])})
_BODY = st.one_of(_URLS, _BODY_OBJECT, st.lists(_BODY_OBJECT, max_size=3), _ODD)
_W3C = st.fixed_dictionaries(
    {}, optional={"@context": st.sampled_from(["http://www.w3.org/ns/anno.jsonld", 5]),
                  "id": _URLS, "type": st.sampled_from(["Annotation", "oa:Annotation", "x"]),
                  "target": _TARGET, "body": _BODY, "bodyValue": st.text(max_size=30),
                  "created": st.one_of(st.sampled_from(["2021-07-09T10:00:00+02:00",
                                                        "9999-12-31T23:59:59Z", "0000-00-00"]),
                                       _ODD),
                  "motivation": st.sampled_from(["commenting", "tagging", "highlighting"])})
_HYPOTHESIS = st.fixed_dictionaries(
    {"uri": _URLS},
    optional={"target": st.lists(st.fixed_dictionaries(
                  {"source": _URLS}, optional={"selector": st.lists(_SELECTOR, max_size=3)}),
                  max_size=2),
              "text": st.one_of(st.text(max_size=30), _ODD),
              "tags": st.one_of(st.lists(st.one_of(st.text(max_size=8),
                                                   st.sampled_from(["2021", "2021-07-05"])),
                                         max_size=4), _ODD),
              "document": st.one_of(st.fixed_dictionaries({"title": st.lists(
                  st.text(max_size=10), max_size=2)}), _ODD),
              "links": _ODD})
_ANNOTATION = st.one_of(_W3C, _HYPOTHESIS, _ODD)
_ANNOTATION_FILE = st.one_of(
    _ANNOTATION, st.lists(_ANNOTATION, max_size=6),
    st.fixed_dictionaries({"type": st.just("AnnotationPage"),
                           "items": st.one_of(st.lists(_ANNOTATION, max_size=6), _ODD)}),
    st.fixed_dictionaries({"type": st.just("AnnotationCollection"),
                           "first": st.one_of(st.fixed_dictionaries(
                               {"items": st.lists(_ANNOTATION, max_size=4)}), _ODD)}),
    st.fixed_dictionaries({"total": _ODD, "rows": st.lists(_ANNOTATION, max_size=6)}))


@_FUZZ
@given(doc=_ANNOTATION_FILE)
def test_annotation_files_of_any_shape_import_what_they_report(demo, tmp_path: Path,  # noqa: ANN001
                                                                doc: Any) -> None:
    path = tmp_path / "annotations.jsonld"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = {e.id for e in demo.events.list()}
    try:
        result = demo.annotations.import_file(path)
    except ImportFileError as exc:
        _refused_naming(path, exc)
        assert {e.id for e in demo.events.list()} == before
        return
    after = {e.id: e for e in demo.events.list()}
    assert set(after) - before == {e.id for e in result.created}
    for event in result.created:
        stored = after[event.id]
        assert stored.date.end is None or stored.date.start <= stored.date.end
        assert all(q.end >= q.start >= 0 for q in stored.quotes)


# -- e-mails: MIME trees with odd charsets, encodings and structure -------------------------
_CHARSETS = st.sampled_from(["utf-8", "iso-8859-1", "windows-1252", "koi8-u", "utf-16",
                             "idna", "x-unknown", "", "utf-8\"; x=\"", "us-ascii"])
_ENCODINGS = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-uuencode",
                              "binary", "garbage", ""])
_WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def _payload(text: str, raw: bytes, charset: str, encoding: str, use_raw: bool) -> bytes:
    try:
        data = raw if use_raw else text.encode(charset or "ascii", errors="replace")
    except (LookupError, UnicodeError):  # no such codec, or one that cannot replace
        data = text.encode()
    if encoding == "base64":
        return base64.encodebytes(data)[: max(1, len(data) * 2)]
    if encoding == "quoted-printable":
        import quopri

        return quopri.encodestring(data)
    return data


@st.composite
def _mime_part(draw: st.DrawFn, depth: int = 0) -> bytes:
    kind = draw(st.sampled_from(["text/plain", "text/html", "application/octet-stream"]
                                + (["multipart/mixed", "multipart/alternative",
                                    "message/rfc822"] if depth < 4 else [])))
    charset, encoding = draw(_CHARSETS), draw(_ENCODINGS)
    head = f"Content-Type: {kind}; charset=\"{charset}\"\r\n"
    if draw(st.booleans()):
        head += f"Content-Transfer-Encoding: {encoding}\r\n"
    if kind.startswith("multipart/"):
        boundary = draw(st.sampled_from(["b1", "==x==", "", "a" * 80]))
        head = f"Content-Type: {kind}; boundary=\"{boundary}\"\r\n"
        parts = draw(st.lists(_mime_part(depth + 1), max_size=3))
        body = b"".join(b"--" + boundary.encode() + b"\r\n" + p + b"\r\n" for p in parts)
        if draw(st.booleans()):
            body += b"--" + boundary.encode() + b"--\r\n"
        return head.encode() + b"\r\n" + body
    if kind == "message/rfc822":
        return head.encode() + b"\r\n" + draw(_mime_part(depth + 1))
    text = draw(_WORDS)
    if kind == "text/html":
        text = f"<html><body><p>{text}</p></body></html>"
    data = _payload(text, draw(st.binary(max_size=120)), charset, encoding, draw(st.booleans()))
    return head.encode() + b"\r\n" + data


@st.composite
def _email(draw: st.DrawFn) -> bytes:
    subject = draw(st.one_of(
        _WORDS.map(lambda t: t.replace("\r", " ").replace("\n", " ").encode()),
        st.binary(max_size=30).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
        st.sampled_from([b"=?utf-8?b?SGVsbG8=?=", b"=?idna?q?x?=", b"=?x-unknown?q?a?=",
                         b"=?utf-8?q?broken"])))
    date = draw(st.sampled_from([b"Fri, 09 Jul 2021 10:00:00 +0200", b"Fri, 99 Jul 2021",
                                 b"", b"Mon, 31 Dec 9999 23:59:59 -2400"]))
    head = b"From: someone@example.org\r\nSubject: " + subject + b"\r\nDate: " + date \
        + b"\r\nMIME-Version: 1.0\r\n"
    if draw(st.integers(0, 20)) == 0:  # parts inside parts, past the depth limit
        nested = b"Content-Type: text/plain\r\n\r\ndeep"
        for _ in range(draw(st.integers(40, 120))):
            nested = b"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n" + nested \
                + b"\r\n--b--\r\n"
        return head + nested
    return head + draw(_mime_part())


@_FUZZ
@given(message=_email())
def test_emails_of_any_structure_read_or_are_refused_by_name(tmp_path: Path,
                                                             message: bytes) -> None:
    _read_article_or_refused(tmp_path / "message.eml", message)


# -- PDFs: object graphs with odd types, filters, references and offsets --------------------
_PDF_STRING = st.text(st.characters(codec="latin-1"), max_size=30).map(
    lambda t: b"(" + t.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
    .replace(b")", b"\\)") + b")")
_PDF_VALUE = st.one_of(
    _PDF_STRING, st.sampled_from([b"<FEFF00480069>", b"<zz>", b"[(a) (b)]", b"7 0 R", b"99 0 R",
                                  b"-1", b"1e999", b"/Name", b"<< /A 6 0 R >>", b"null", b"true",
                                  b"(D:20210709100000+02'00')", b"(D:99999999)"]))


@st.composite
def _content_stream(draw: st.DrawFn) -> bytes:
    text = draw(st.text(st.characters(codec="latin-1"), max_size=60))
    ops = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1").replace(b"\\", b"\\\\") \
        .replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj ET"
    kind = draw(st.sampled_from(["plain", "flate", "broken-flate", "hex", "unknown", "jbig2",
                                 "chain"]))
    data, filters = {
        "plain": (ops, b""),
        "flate": (zlib.compress(ops), b"/Filter /FlateDecode"),
        "broken-flate": (zlib.compress(ops)[: max(2, len(ops) // 3)], b"/Filter /FlateDecode"),
        "hex": (ops.hex().encode() + b">", b"/Filter /ASCIIHexDecode"),
        "unknown": (ops, b"/Filter /NoSuchDecode"),
        "jbig2": (b"\x97JB2", b"/Filter /JBIG2Decode"),
        "chain": (zlib.compress(ops.hex().encode() + b">"),
                  b"/Filter [/FlateDecode /ASCIIHexDecode]"),
    }[kind]
    length = draw(st.sampled_from([len(data), 0, len(data) + 50, 2**40, -3]))
    return b"<< /Length " + str(length).encode() + b" " + filters + b" >>\nstream\n" + data \
        + b"\nendstream"


@st.composite
def _pdf(draw: st.DrawFn) -> bytes:
    kids = draw(st.sampled_from([b"[3 0 R]", b"[3 0 R 3 0 R]", b"[2 0 R]", b"[]", b"3 0 R",
                                 b"[99 0 R]", b"[(x)]"]))
    count = draw(st.sampled_from([b"1", b"0", b"-1", b"200000", b"(one)"]))
    page_type = draw(st.sampled_from([b"/Page", b"/Pages", b"/Font"]))
    info = b"<< /Title " + draw(_PDF_VALUE) + b" /Author " + draw(_PDF_VALUE) \
        + b" /CreationDate " + draw(_PDF_VALUE) + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count " + count + b" >>",
        b"<< /Type " + page_type + b" /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
        + draw(st.sampled_from([b"4 0 R", b"[4 0 R 4 0 R]", b"5 0 R", b"(x)"]))
        + b" /Resources << /Font << /F1 5 0 R >> >> >>",
        draw(_content_stream()),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    trailer = draw(st.sampled_from([b"/Root 1 0 R /Info 6 0 R", b"/Root 1 0 R /Info 1 0 R",
                                    b"/Root 6 0 R", b"/Info 6 0 R", b"/Root 1 0 R /Info (x)",
                                    b"/Root 1 0 R /Encrypt << /Filter /Standard /V 9 >>"]))
    return assemble_pdf(objects, trailer, xref_shift=draw(st.sampled_from([0, 0, 3, -7])))


@_FUZZ
@given(document=_pdf())
def test_pdfs_of_any_structure_read_or_are_refused_by_name(tmp_path: Path,
                                                           document: bytes) -> None:
    _read_article_or_refused(tmp_path / "document.pdf", document)


# -- timeline CSVs: every column's own forms, and odd ones ----------------------------------
_CELLS = {
    "event_id": st.one_of(st.sampled_from(["1", "2", "4", "", "0", "-1", "9" * 25, "١", "1.0",
                                           " 3 ", "0x1"]), st.text(max_size=4)),
    "date": st.one_of(st.sampled_from([
        "2021-07-05", "2021-07", "2021", "2021-W27", "9999-W52", "9999-12-31", "0000-01-01",
        "2021-02-30", "5 July 2021", "2021-07-05/2021-07-08", "~2021", "202x", "", "-2021"]),
        st.text(max_size=12)),
    "end_date": st.sampled_from(["", "2021-07-08", "2021-07-01", "9999-12-31", "x"]),
    "precision": st.sampled_from(["day", "week", "month", "quarter", "year", "decade", "",
                                  "fortnight", "DAY"]),
    "title": st.one_of(st.sampled_from(["=1+1", "@SUM(A1)", " =x", "'=x", "\u200b=x", ""]),
                       st.text(max_size=30)),
    "notes": st.text(max_size=30),
    "tags": st.one_of(st.sampled_from(["a, b", "a;b", ",,,", "2021"]), st.text(max_size=15)),
}
_COLUMN_LIST = st.lists(st.sampled_from([*_CELLS, "unknown", "quote", "article_title"]),
                        min_size=1, max_size=8, unique=True)


@st.composite
def _timeline_csv(draw: st.DrawFn) -> str:
    import csv
    import io

    columns = draw(_COLUMN_LIST)
    rows = draw(st.lists(st.tuples(*(_CELLS.get(c, st.text(max_size=10)) for c in columns)),
                         max_size=6))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


@_FUZZ
@given(text=_timeline_csv())
def test_timeline_csvs_of_any_columns_import_all_or_nothing(demo, tmp_path: Path,  # noqa: ANN001
                                                            text: str) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text(text, encoding="utf-8")
    before = {e.id: e for e in demo.events.list()}
    try:
        plan = demo.csv.plan(read_timeline_csv(path))
    except ImportFileError as exc:
        _refused_naming(path, exc)
        assert {e.id: e for e in demo.events.list()} == before
        return
    assert all(problem.line >= 2 for problem in plan.problems)
    if plan.problems:  # the command line and the window import nothing then, unless told
        return
    result = demo.csv.apply(plan)
    after = {e.id: e for e in demo.events.list()}
    assert set(after) - set(before) == {e.id for e in result.created}
    for event in after.values():
        assert event.date.end is None or event.date.start <= event.date.end
