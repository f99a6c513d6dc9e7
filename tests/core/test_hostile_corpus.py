"""The hostile corpus: one generated case for each kind of input and fault that once ended in
a traceback, a hang, runaway memory or a changed project, each run through the real command
line in its own process, each held to the same bar.

Every case: the expected exit status (1 for a refusal, 0 where the input is usable); a
message naming the file or project; no traceback or "internal error"; done well inside the
hang guard (60 s: a guard against hangs, not a speed target) and under 500 MB of peak
memory (the kernel's high-water mark of that process's own memory); the project passes SQLite's
integrity check, and its timeline is unchanged unless the case is an import that succeeds.
No third-party file is used: every input is written here.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.project import open_project, seed_demo
from tests.core.pdfs import assemble_pdf, write_pdf

REPO = Path(__file__).resolve().parents[2]
# A case still running after this is a hang (the bound is 10 s a case; a whole
# command here takes 1-3 s, so three times the bound leaves room for a busy machine).
HANG_GUARD_S = 30
MEMORY_BOUND_MB = 500
DEMO_SENTENCE = "On Tuesday, Russian attack helicopters based in Tajikistan launched"


@dataclass(frozen=True)
class Outcome:
    status: int
    out: str
    err: str
    seconds: float
    peak_mb: float


# The command line, reporting its peak memory as the kernel counts it for the process's own
# memory (VmHWM). Not wait4's ru_maxrss: on Linux that starts from the parent's size at the
# fork, and the test process is hundreds of megabytes by the end of a full run.
_RUN_REPORTING_PEAK = """
import atexit, os, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["TA_TEST_PEAK_FILE"], "w") as out:
        out.write(peak)

atexit.register(_peak)
sys.argv[0] = "timeline-annotator"
runpy.run_module("desktop_app", run_name="__main__")
"""


def _cli(args: list[str], home: Path) -> Outcome:
    """Run one command line in its own process, with a hang guard; its peak memory."""
    peak_file = home / "peak-kb"
    peak_file.unlink(missing_ok=True)
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(REPO), "TA_TEST_PEAK_FILE": str(peak_file)}
    start = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-c", _RUN_REPORTING_PEAK, *args], env=env,
                              capture_output=True, stdin=subprocess.DEVNULL,
                              timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{args} still running after {HANG_GUARD_S} s")
    assert peak_file.exists(), proc.stderr.decode(errors="replace")
    return Outcome(proc.returncode, proc.stdout.decode(errors="replace"),
                   proc.stderr.decode(errors="replace"), time.monotonic() - start,
                   int(peak_file.read_text()) / 1024)


def _demo_file(db: Path) -> Path:
    """A project file holding the demo (one article, four events), closed."""
    project = open_project(db)
    seed_demo(project)
    project.close()
    return db


def _timeline(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        con.close()


# -- the inputs ------------------------------------------------------------------------------
def _article(tmp: Path, name: str, data: bytes) -> list[str]:
    """An article file of these bytes, and the command that imports it."""
    (tmp / name).write_bytes(data)
    return ["import", str(tmp / name)]


def _pdf_objects(content: bytes, info: bytes = b"<< >>") -> list[bytes]:
    return [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            content, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", info]


def _flate_bomb(tmp: Path) -> list[str]:
    bomb = zlib.compress(b"BT (x) Tj ET\n" * 16_000_000, 9)  # 200 MB of text operators
    content = b"<< /Length " + str(len(bomb)).encode() + b" /Filter /FlateDecode >>\nstream\n" \
        + bomb + b"\nendstream"
    return _article(tmp, "bomb.pdf", assemble_pdf(_pdf_objects(content), b"/Root 1 0 R"))


def _unknown_encryption(tmp: Path) -> list[str]:
    pdf = write_pdf(tmp / "plain.pdf", ["On Monday the border closed."])
    data = pdf.read_bytes().replace(b"/Root 1 0 R /Info 6 0 R",
                                    b"/Root 1 0 R /Encrypt << /Filter /Standard /V 9 >>")
    return _article(tmp, "locked.pdf", data)


def _jbig2_text(tmp: Path) -> list[str]:
    content = b"<< /Length 4 /Filter /JBIG2Decode >>\nstream\n\x97JB2\nendstream"
    return _article(tmp, "jbig2.pdf", assemble_pdf(_pdf_objects(content), b"/Root 1 0 R"))


def _control_characters_in_a_subject(tmp: Path) -> list[str]:
    return _article(tmp, "subject.eml", b"Subject: Red\x00\x1b[31m alert\r\n"
                    b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                    b"On Monday the border closed.\r\n")


def _title_refers_to_itself(tmp: Path) -> list[str]:
    text = b"BT /F1 12 Tf 72 720 Td (On Monday the border closed.) Tj ET"
    content = b"<< /Length " + str(len(text)).encode() + b" >>\nstream\n" + text + b"\nendstream"
    return _article(tmp, "self.pdf", assemble_pdf(_pdf_objects(content, b"<< /Title 6 0 R >>"),
                                                  b"/Root 1 0 R /Info 6 0 R"))


def _nested_email(tmp: Path) -> list[str]:
    part = b"Content-Type: text/plain\r\n\r\nOn Monday the border closed."
    for level in range(1_000):  # each level its own boundary, so the parser nests them all
        b = f"b{level}".encode()
        part = b"Content-Type: multipart/mixed; boundary=\"" + b + b"\"\r\n\r\n--" + b \
            + b"\r\n" + part + b"\r\n--" + b + b"--\r\n"
    return _article(tmp, "deep.eml", b"Subject: deep\r\nMIME-Version: 1.0\r\n" + part)


def _idna_email(tmp: Path) -> list[str]:
    return _article(tmp, "idna.eml", b"Subject: =?idna?q?x?=\r\nMIME-Version: 1.0\r\n"
                    b"Content-Type: text/plain; charset=\"idna\"\r\n\r\n"
                    b"On Monday the border closed.\r\n")


def _random_email_body(tmp: Path) -> list[str]:
    return _article(tmp, "noise.eml", b"Subject: noise\r\nContent-Type: text/plain\r\n"
                    b"Content-Transfer-Encoding: 8bit\r\n\r\n" + os.urandom(6_000))


def _late_nul(tmp: Path) -> list[str]:
    return _article(tmp, "late-nul.txt",
                    b"On Monday the border closed. " * 400 + b"\x00 and more.")


def _fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe.txt")
    return ["import", str(tmp / "pipe.txt")]


def _endless_device(tmp: Path) -> list[str]:
    (tmp / "zeros.txt").symlink_to("/dev/zero")
    return ["import", str(tmp / "zeros.txt")]


def _many_attributes(tmp: Path) -> list[str]:
    attributes = " ".join(f"a{i}=\"{i}\"" for i in range(40_000))
    return _article(tmp, "attrs.html",
                    f"<html><body><p {attributes}>On Monday.</p></body></html>".encode())


def _unclosed_meta_tags(tmp: Path) -> list[str]:
    """90,000 '<meta ' never closed: each was read to the end of the page by the patterns
    that look for the page's description, site name and publication time (48 s at half
    this size; past the hang guard at this one)."""
    return _article(tmp, "metas.html", b"<html><head><title>Border</title>" + b"<meta " * 90_000
                    + b"</head><body><article><p>" + b"On Monday the border closed after a "
                    b"week of talks between the two governments. " * 5
                    + b"</p></article></body></html>")


def _unclosed_tags(tmp: Path) -> list[str]:
    """99,000 '<a ...' never closed to the page's end (under the element limit), 4 MB: the
    search for tags long enough to hold many attributes read the rest of the page from
    each."""
    return _article(tmp, "unclosed.html", b"<html><body><p>On Monday the border closed.</p>"
                    + (b"<a " + b"x" * 40 + b" ") * 99_000)


def _unclosed_tags_in_a_mail(tmp: Path) -> list[str]:
    """An HTML mail body of 200,000 '<br' never closed: the line breaks and tags were looked
    for from each to the body's end."""
    return _article(tmp, "unclosed.eml", b"Subject: Border\r\nMIME-Version: 1.0\r\n"
                    b"Content-Type: text/html; charset=utf-8\r\n\r\n"
                    b"<p>On Monday the border closed.</p>" + b"<br" * 200_000)


def _unended_attachments_in_a_mail(tmp: Path) -> list[str]:
    """50,000 lines that begin a uuencoded attachment and none that ends one: each was read
    to the body's end in search of its end (14 s at 20,000)."""
    return _article(tmp, "uu.eml", b"Subject: Border\r\nContent-Type: text/plain\r\n\r\n"
                    b"On Monday the border closed.\n" + b"begin 644 a.txt\n" * 50_000)


def _a_long_quote_in_a_changed_article(tmp: Path) -> list[str]:
    """A quote of 40,000 characters in an article imported again, changed near its start: the
    quote was found again by an edit distance over its whole length, at every place its probes
    pointed to (a 30,000-character quote took 25 s)."""
    from desktop_app.core.importers import read_article_file

    text = "".join(f"Report {i} says the convoy {i * 7} reached town {i % 97} on Monday. "
                   for i in range(900))
    (tmp / "report.txt").write_text(text, "utf-8")
    project = open_project(tmp / "project.tldb")
    article = project.articles.add(read_article_file(tmp / "report.txt"))
    project.events.create_from_quote_text(article.id, text[100:40_100].strip())
    project.close()
    changed = text[:500] + "An editor's note was added here. " + text[500:]
    return _article(tmp, "report.txt", changed.encode())


def _undecodable_name(tmp: Path) -> list[str]:
    folder = tmp / "folder"
    folder.mkdir()
    (folder / "good.txt").write_text("Good\n\nOn Monday the border closed.")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:  # Latin-1 bytes in the name
        fh.write(b"Cafe\n\nOn Tuesday the border opened.")
    return ["import", str(folder)]


def _csv(tmp: Path, rows: str, name: str = "timeline.csv") -> list[str]:
    (tmp / name).write_text("event_id,date,title\n" + rows, encoding="utf-8")
    return ["import-csv", str(tmp / name)]


def _links_in_a_loop(tmp: Path, name: str) -> Path:
    os.symlink(tmp / f"{name}-b", tmp / name)
    os.symlink(tmp / name, tmp / f"{name}-b")
    return tmp / name


LONG = "n" * 300  # past the 255 bytes a file name may have on Linux file systems


def _deep_jsonld(tmp: Path) -> list[str]:
    (tmp / "deep.jsonld").write_text("[" * 100_000 + "]" * 100_000)
    return ["import-jsonld", str(tmp / "deep.jsonld")]


def _millions_of_empty_lists(tmp: Path) -> list[str]:
    # 30 MB: parsed at once, 1.2 GB of list objects before the annotation count was checked.
    (tmp / "lists.jsonld").write_text("[" + "[]," * 10_000_000 + "[]]")
    return ["import-jsonld", str(tmp / "lists.jsonld")]


def _the_most_annotations_allowed(tmp: Path) -> list[str]:
    # Their column values and records all held at once peaked at 640 MB.
    one = {"type": "Annotation", "target": {"selector": {
        "type": "TextQuoteSelector", "exact": DEMO_SENTENCE}}}
    (tmp / "many.jsonld").write_text(json.dumps([one] * 100_000))
    return ["import-jsonld", str(tmp / "many.jsonld")]


def _jsonld_with_a_bad_item(tmp: Path) -> list[str]:
    good = {"type": "Annotation", "target": {"selector": {
        "type": "TextQuoteSelector", "exact": DEMO_SENTENCE}}}
    (tmp / "mixed.jsonld").write_text(json.dumps([good, {"type": "Annotation"}, 7]))
    return ["import-jsonld", str(tmp / "mixed.jsonld")]


def _flipped_bits(tmp: Path) -> list[str]:
    db = tmp / "project.tldb"
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, page + 8):  # the second page's b-tree header: type, cell count
        data[offset] ^= 0xFF
    db.write_bytes(bytes(data))
    return ["list"]


def _bad_stored_date(tmp: Path) -> list[str]:
    con = sqlite3.connect(tmp / "project.tldb")
    with con:
        con.execute("UPDATE events SET start_date = '2021-13-4\u00e9' WHERE id = 2")
    con.close()
    return ["list"]


def _dropped_column(tmp: Path) -> list[str]:
    con = sqlite3.connect(tmp / "project.tldb")
    with con:
        con.execute("ALTER TABLE events DROP COLUMN notes")  # another program's doing
    con.close()
    return ["list"]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]  # writes the input; returns the command after --db
    status: int
    says: str  # in what the command printed on its error stream
    changes: bool = False  # a usable input: the project may change (checked by the case)
    damages_project: bool = False  # the case damages the project itself (compared by bytes)
    project: str = "project.tldb"  # what --db names (the demo project, unless the case is it)


CASES = [
    Case("export written over the open project",
         lambda t: ["export", "csv", str(t / "project.tldb")], 1, "project.tldb"),
    Case("a project with flipped bits", _flipped_bits, 1, "project.tldb",
         damages_project=True),
    Case("a bad byte in a stored date", _bad_stored_date, 1, "events", damages_project=True),
    Case("a project lacking a column", _dropped_column, 1, "lacks columns this version reads "
         "(events.notes)", damages_project=True),
    Case("a FIFO as the article", _fifo, 1, "pipe.txt"),
    Case("a FIFO as the project", lambda t: (os.mkfifo(t / "p.tldb"), ["list"])[1], 1, "p.tldb",
         project="p.tldb"),
    Case("a link to an endless device", _endless_device, 1, "zeros.txt"),
    Case("40,000 attributes on one element", _many_attributes, 1, "attrs.html"),
    Case("90,000 unclosed meta tags", _unclosed_meta_tags, 0, "", changes=True),
    Case("99,000 unclosed tags", _unclosed_tags, 0, "", changes=True),
    Case("an e-mail whose HTML never closes its tags", _unclosed_tags_in_a_mail, 0, "",
         changes=True),
    Case("an e-mail of attachments that never end", _unended_attachments_in_a_mail, 0, "",
         changes=True),
    Case("a long quote in a changed article", _a_long_quote_in_a_changed_article, 0, "",
         changes=True),
    Case("an e-mail nested 1,000 deep", _nested_email, 1, "deep.eml"),
    Case("an e-mail in the idna charset", _idna_email, 0, "", changes=True),
    Case("an e-mail body of random bytes", _random_email_body, 1, "noise.eml"),
    Case("a NUL past the first 8 kB", _late_nul, 1, "late-nul.txt"),
    Case("a FlateDecode bomb", _flate_bomb, 1, "bomb.pdf"),
    Case("a PDF encrypted in a way pypdf does not know", _unknown_encryption, 1, "locked.pdf"),
    Case("a PDF whose text needs a JBIG2 decoder", _jbig2_text, 1, "jbig2.pdf"),
    Case("a NUL and an escape sequence in a mail's subject", _control_characters_in_a_subject,
         0, "", changes=True),
    Case("a PDF whose title is itself", _title_refers_to_itself, 0, "", changes=True),
    Case("a folder with a file name that is not UTF-8", _undecodable_name, 0, "",
         changes=True),
    Case("a CSV event id past 64 bits", lambda t: _csv(t, f"{2**64},2021-07-05,Big\n"), 1,
         "timeline.csv"),
    Case("a CSV event id in Arabic-Indic digits", lambda t: _csv(t, "\u0661,2021-07-05,X\n"),
         1, "timeline.csv"),
    Case("a CSV date in the calendar's last week", lambda t: _csv(t, ",9999-W52,Last\n"), 0,
         "", changes=True),
    Case("a CSV with one bad row among good ones",
         lambda t: _csv(t, ",2021-07-05,Good\n,2021-02-30,Bad\n"), 1, "timeline.csv:3"),
    Case("JSON nested 100,000 deep", _deep_jsonld, 1, "deep.jsonld"),
    Case("JSON of ten million empty lists", _millions_of_empty_lists, 1,
         "lists.jsonld: holds 10,000,002 JSON objects and lists"),
    Case("100,000 annotations, the most a file may hold", _the_most_annotations_allowed, 0,
         "", changes=True),
    Case("annotations with unusable items among good ones", _jsonld_with_a_bad_item, 1,
         "mixed.jsonld", changes=True),
    Case("an export named past the file system's limit",
         lambda t: ["export", "csv", str(t / f"{LONG}.csv")], 1, "File name too long"),
    Case("an export to links in a loop",
         lambda t: ["export", "csv", str(_links_in_a_loop(t, "out.csv"))], 1, "out.csv"),
    Case("an article named past the file system's limit",
         lambda t: ["import", str(t / f"{LONG}.txt")], 1, "File name too long"),
    Case("a project that is links in a loop",
         lambda t: (_links_in_a_loop(t, "loop.tldb"), ["list"])[1], 1, "loop.tldb",
         project="loop.tldb"),
    Case("a project named past the file system's limit", lambda t: ["list"], 1,
         "File name too long", project=f"{LONG}.tldb"),
    Case("a folder with nothing to import",
         lambda t: ((t / "empty").mkdir(), ["import", str(t / "empty")])[1], 1, "empty"),
    Case("a CSV whose quoted cell never closes",
         lambda t: _csv(t, ',2021-07-05,"Open quote\n,2021-07-06,Swallowed\n'), 1,
         "never closed"),
    Case("a chart whose range ends before it starts",
         lambda t: ["export-chart", str(t / "c.png"), "--from", "2021-07-09", "--to",
                    "2021-07-01"], 1, "2021-07-01"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    db = _demo_file(tmp_path / "project.tldb")
    command = case.build(tmp_path)
    before_bytes = db.read_bytes()
    before = None if case.damages_project else _timeline(db)
    run = _cli(["--db", str(tmp_path / case.project), *command], tmp_path)
    printed = run.out + run.err
    assert run.status == case.status, printed
    assert "Traceback" not in printed and "internal error" not in printed, printed
    assert case.says in run.err, run.err
    assert run.peak_mb < MEMORY_BOUND_MB, f"{run.peak_mb:.0f} MB"
    if case.damages_project:
        assert db.read_bytes() == before_bytes  # refused, and left exactly as it was
    elif not case.changes:
        assert _timeline(db) == before
    else:
        assert len(_timeline(db)) >= len(before or [])
    con = sqlite3.connect(db) if not case.damages_project else None
    if con is not None:  # whatever was imported, its title is one line of plain text
        titles = [t for (t,) in con.execute("SELECT title FROM articles")]
        con.close()
        assert not any(ch in t for t in titles for ch in "\x00\x1b\n"), titles


def test_an_import_reported_once_is_never_repeated(tmp_path: Path) -> None:
    """A CSV of new events imported twice (a retry after a kill, say) creates them once, and
    the command reports exactly what it committed."""
    db = _demo_file(tmp_path / "project.tldb")
    rows = "".join(f",2021-07-{1 + i % 28:02d},Event {i}\n" for i in range(2_000))
    command = ["--db", str(db), *_csv(tmp_path, rows)]
    first = _cli(command, tmp_path)
    assert first.status == 0 and "2000 created" in first.out, first.out + first.err
    assert len(_timeline(db)) == 4 + 2_000
    again = _cli(command, tmp_path)
    assert again.status == 0, again.out + again.err
    assert len(_timeline(db)) == 4 + 2_000


def test_suggestions_on_a_megabyte_of_weekday_names_are_all_accepted(tmp_path: Path) -> None:
    """An article that is nearly nothing but weekday names (125,000 dated words, a sentence
    every ten): Suggest with --accept-all makes an event of every sentence, each dated as Ctrl+E
    dates it, within the bar (it took 47 s and 1.3 GB at twice the size)."""
    import random

    db = _demo_file(tmp_path / "project.tldb")
    rng = random.Random(3)
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    # (each sentence ends in a word of its own: one of nothing but dates states nothing and
    # is no suggestion)
    text = " ".join(rng.choice(days) + (" ended." if i % 10 == 9 else "")
                    for i in range(125_000))
    (tmp_path / "weekdays.txt").write_text(text, encoding="utf-8")
    imported = _cli(["--db", str(db), "import", str(tmp_path / "weekdays.txt"),
                     "--published", "2021-07-09"], tmp_path)
    assert imported.status == 0, imported.out + imported.err
    run = _cli(["--db", str(db), "suggest", "--accept-all", "2"], tmp_path)
    assert run.status == 0, run.out + run.err
    assert run.peak_mb < MEMORY_BOUND_MB, f"{run.peak_mb:.0f} MB"
    timeline = _timeline(db)
    assert len(timeline) == 4 + 12_500
    con = sqlite3.connect(db)
    try:
        quotes = con.execute("SELECT count(*), count(DISTINCT event_id) FROM quotes "
                             "WHERE article_id = 2").fetchone()
        first = con.execute("SELECT e.start_date, q.exact FROM events e JOIN quotes q ON "
                            "q.event_id = e.id WHERE q.article_id = 2 ORDER BY q.start "
                            "LIMIT 1").fetchone()
    finally:
        con.close()
    assert quotes == (12_500, 12_500)
    opening = text[:text.index(".") + 1]
    assert first[1] == opening
    # Dated as Ctrl+E dates the same passage, from the publication date.
    from desktop_app.core.dating import date_for_passage

    assert first[0] == date_for_passage(text, 0, len(opening), date(2021, 7, 9)).start.isoformat()


def test_a_library_s_own_warnings_stay_in_the_log(tmp_path: Path) -> None:
    """A page nested 50,000 deep makes the extractor log 'discarding data: None': the
    terminal says what the app says (one line naming the file), the log keeps the rest."""
    db = _demo_file(tmp_path / "project.tldb")
    (tmp_path / "deep.html").write_text("<div>" * 50_000 + "On Monday it began." +
                                        "</div>" * 50_000, encoding="utf-8")
    run = _cli(["--db", str(db), "import", str(tmp_path / "deep.html")], tmp_path)
    assert run.status == 1
    assert run.err.splitlines() == [f"error: {tmp_path / 'deep.html'}: contains no article "
                                    "text that could be extracted"]
    log = next((tmp_path / "data").rglob("timeline-annotator.log")).read_text("utf-8")
    assert "discarding data" in log
