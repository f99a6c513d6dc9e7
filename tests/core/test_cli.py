"""The headless CLI: import, add-event, list, export-csv; errors without tracebacks."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from desktop_app.app import main
from tests.conftest import FIXTURES, SAMPLE_PASSAGES


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_add_event_list_and_export(tmp_path: Path, capsys, sample_text: str) -> None:  # noqa: ANN001
    db = str(tmp_path / "p.tldb")
    sample = tmp_path / "sample.txt"
    sample.write_text(sample_text, encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "import", str(sample), "--published", "2021-07-09",
                         "--title", "Taliban in Moscow")
    assert code == 0 and out == "1\tTaliban in Moscow\n"
    for passage, expected in SAMPLE_PASSAGES:
        code, out, err = run(capsys, "--db", db, "add-event", "--article", "1", "--quote",
                             passage)
        assert code == 0, err
        assert out.split("\t")[1] == expected.strftime("%a %-d %b %Y")
    code, out, _ = run(capsys, "--db", db, "list")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["date"] for r in rows] == ["2021-07-05", "2021-07-06", "2021-07-07", "2021-07-08"]
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "--db", db, "export-csv", str(target))
    assert code == 0 and "wrote 4 events" in err
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = run(capsys, "--db", db, "articles")
    assert out.startswith("1\t2021-07-09\t4\tTaliban in Moscow")


def test_html_import_uses_metadata(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "p.tldb")
    code, out, _ = run(capsys, "--db", db, "import", str(FIXTURES / "article-with-metadata.html"))
    assert code == 0 and out == "1\tBorder tensions rise\n"


def test_a_mistyped_command_is_named_not_opened_as_a_file(tmp_path: Path, capsys,  # noqa: ANN001
                                                          monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", str(tmp_path / "p.tldb"), "import-cvs", "x.csv")
    assert code == 1 and out == "" and "did you mean 'import-csv'?" in err
    assert not (tmp_path / "p.tldb").exists()  # no window, no project made


def test_an_unknown_command_is_named_not_opened_as_a_file(tmp_path: Path, capsys,  # noqa: ANN001
                                                         monkeypatch) -> None:
    """Nothing near it to suggest: the window opened (and, offscreen, never ended)."""
    monkeypatch.chdir(tmp_path)
    # (--quit-after: where the window does open, the test ends rather than hangs)
    code, out, err = run(capsys, "--db", str(tmp_path / "p.tldb"), "--quit-after", "1",
                         "frobnicate")
    assert code == 1 and out == ""
    assert "'frobnicate' is neither a command nor a file; the commands are import," in err
    assert not (tmp_path / "p.tldb").exists()


@pytest.mark.parametrize("address", ["postgresql://[::1", "postgresql://me@host:port/db"])
def test_a_server_address_with_a_port_that_is_no_number_is_one_line(
        address: str, capsys) -> None:  # noqa: ANN001
    code, _, err = run(capsys, "--db", address, "list")
    assert code == 1
    assert err == f"error: {address}: is not a database URL (its port is not a number)\n"


def test_user_errors_exit_1_with_a_message_and_no_traceback(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "p.tldb")
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    code, _, err = run(capsys, "--db", db, "import", str(binary))
    assert code == 1 and f"{binary}: looks like a binary file" in err
    code, _, err = run(capsys, "--db", db, "import", str(FIXTURES / "dateline.txt"))
    assert code == 0
    code, _, err = run(capsys, "--db", db, "add-event", "--article", "1", "--quote", "nowhere")
    assert code == 1 and "does not occur" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db, "add-event", "--article", "7", "--quote", "x")
    assert code == 1 and "article 7 does not exist" in err
    notdb = tmp_path / "plain.txt"
    notdb.write_text("hello " * 100)
    code, _, err = run(capsys, "--db", str(notdb), "list")
    assert code == 1 and "not a Timeline Annotator project" in err
    assert notdb.read_text() == "hello " * 100


def test_import_warns_when_no_date_is_found(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    f = tmp_path / "a.txt"
    f.write_text("Talks\n\nTalks resumed on Monday.")
    code, out, err = run(capsys, "--db", str(tmp_path / "p.tldb"), "import", str(f))
    assert code == 0 and "no publication date" in err and out == "1\tTalks\n"


UNDATED = ("Undated report\n\nTalks went on through the night; the meeting of 4 May 2019 had "
           "been the last before the summer.")


def test_import_dates_best_takes_the_best_candidate_flagged_as_not_confirmed(
        tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from desktop_app.core.project import open_project

    f = tmp_path / "a.txt"
    f.write_text(UNDATED)
    db = tmp_path / "p.tldb"
    code, out, err = run(capsys, "--db", str(db), "import", str(f))  # best is the default
    assert code == 0 and out == "1\tUndated report\n"
    assert f"warning: {f}: no publication date found; took 2019-05-04, not confirmed" in err
    project = open_project(db)
    a = project.articles.get(1)
    project.close()
    assert (a.published, a.published_source) == (date(2019, 5, 4), "suggested")


def test_import_dates_strict_skips_a_file_without_a_sure_date(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    f = tmp_path / "a.txt"
    f.write_text(UNDATED)
    code, out, err = run(capsys, "--db", str(tmp_path / "p.tldb"), "import", "--dates",
                         "strict", str(f), str(FIXTURES / "dateline.txt"))
    assert code == 1 and out == "1\tHarbour strike ends\n"
    assert f"skipped: {f}: no sure publication date (give --published" in err


def test_a_file_naming_no_day_is_imported_undated_even_by_strict(tmp_path: Path,
                                                                  capsys) -> None:  # noqa: ANN001
    f = tmp_path / "recipe.txt"
    f.write_text("Bread\n\nMix the flour and the water, and leave the dough overnight.")
    code, out, err = run(capsys, "--db", str(tmp_path / "p.tldb"), "import", "--dates",
                         "strict", str(f))
    assert code == 0 and out == "1\tBread\n"
    assert f"warning: {f}: no publication date found; the article has none" in err


@pytest.mark.parametrize("typed,day,source", [
    ("\n", date(2019, 5, 4), "user"),  # Enter: the first candidate
    ("1\n", date(2019, 5, 4), "user"),
    ("August 2020\n7 May 2019\n", date(2019, 5, 7), "user"),  # not one day: asked again
    ("-\n", None, ""),
    ("skip\n", "skipped", None),
    ("", "skipped", None),  # the end of input
])
def test_import_dates_ask_reads_the_answer_from_the_terminal(
        tmp_path: Path, capsys, monkeypatch, typed: str, day, source) -> None:  # noqa: ANN001
    from desktop_app.core.project import open_project

    f = tmp_path / "a.txt"
    f.write_text(UNDATED)
    db = tmp_path / "p.tldb"
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    code, out, err = run(capsys, "--db", str(db), "import", "--dates", "ask", str(f))
    assert "  1. 2019-05-04 (the best candidate)" in err
    assert "Publication date [2019-05-04]" in err
    if day == "skipped":
        assert code == 1 and out == "" and f"skipped: {f}" in err
        return
    assert code == 0 and out == "1\tUndated report\n"
    project = open_project(db)
    a = project.articles.get(1)
    project.close()
    assert (a.published, a.published_source) == (day, source)


def test_import_csv_dry_run_then_apply(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "p.tldb")
    assert run(capsys, "--db", db, "import", str(FIXTURES / "dateline.txt"))[0] == 0
    assert run(capsys, "--db", db, "add-event", "--article", "1", "--quote",
               "Dock workers returned to work on Wednesday")[0] == 0
    exported = tmp_path / "t.csv"
    run(capsys, "--db", db, "export-csv", str(exported))
    text = exported.read_text(encoding="utf-8-sig").replace(
        "Dock workers returned to work on Wednesday,", "Strike over,", 1)
    text += ",2022-03-04,,,Ferries resume,,,,,,,,\r\n,soon,,,Bad date,,,,,,,,\r\n"
    edited = tmp_path / "edited.csv"
    edited.write_text(text, encoding="utf-8-sig")
    code, out, err = run(capsys, "--db", db, "import-csv", str(edited), "--dry-run")
    assert code == 1 and out == "would import: 1 to create, 1 to update, 0 unchanged, 1 error\n"
    assert f"{edited}:4: 'soon' is not an ISO 8601 date" in err
    code, out, _ = run(capsys, "--db", db, "list")
    assert "Strike over" not in out
    code, out, err = run(capsys, "--db", db, "import-csv", str(edited))
    assert code == 1 and out == "" and "nothing imported: 1 row with an error" in err
    code, out, _ = run(capsys, "--db", db, "list")
    assert "Strike over" not in out and "Ferries resume" not in out  # a bad row: no change
    code, out, _ = run(capsys, "--db", db, "import-csv", str(edited), "--skip-bad-rows")
    assert code == 1 and out == ("imported: 1 created, 1 updated, 0 unchanged, 1 row with an "
                                 "error left out\n")
    code, out, _ = run(capsys, "--db", db, "list")
    assert "Strike over" in out and "Ferries resume" in out


def test_export_formats_and_jsonld_import(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "p.tldb")
    run(capsys, "--db", db, "import", str(FIXTURES / "dateline.txt"))
    run(capsys, "--db", db, "add-event", "--article", "1", "--quote",
        "Dock workers returned to work on Wednesday")
    for fmt, name in (("timelinejs", "t.json"), ("ics", "t.ics"), ("md", "t.md"),
                      ("html", "t.html"), ("jsonld", "t.jsonld"), ("timelinejs-csv", "t.csv")):
        code, _, err = run(capsys, "--db", db, "export", fmt, str(tmp_path / name))
        assert code == 0 and "wrote 1 events" in err, (fmt, err)
    other = str(tmp_path / "other.tldb")
    run(capsys, "--db", other, "import", str(FIXTURES / "dateline.txt"))
    code, out, err = run(capsys, "--db", other, "import-jsonld", str(tmp_path / "t.jsonld"))
    assert code == 0 and out == "created 1 events, skipped 0\n"
    code, out, _ = run(capsys, "--db", other, "list")
    assert "2022-03-02" in out


def test_import_a_folder_recursively_with_progress(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    import shutil

    root = tmp_path / "in"
    (root / "deeper").mkdir(parents=True)
    shutil.copy(FIXTURES / "dateline.txt", root / "a.txt")
    shutil.copy(FIXTURES / "news.eml", root / "deeper" / "b.eml")
    db = str(tmp_path / "p.tldb")
    code, out, err = run(capsys, "--db", db, "import", str(root))
    assert code == 0 and out == "1\tHarbour strike ends\n"
    code, out, err = run(capsys, "--db", db, "import", str(root), "--recursive")
    assert code == 1 and out == "2\tCeasefire talks resume in Geneva\n"
    assert f"[1/2] {root / 'a.txt'}" in err and "already in the project" in err


def test_events_suggest_and_filtered_export(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    db = str(tmp_path / "p.tldb")
    run(capsys, "--db", db, "import", str(FIXTURES / "dateline.txt"))
    code, out, _ = run(capsys, "--db", db, "suggest", "1")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].split("\t")[1:] == ["Wed 2 Mar 2022", "Dock workers returned to work on "
                                        "Wednesday after a strike that lasted nine days"]
    code, out, _ = run(capsys, "--db", db, "suggest", "1", "--accept-all")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = run(capsys, "--db", db, "events")
    assert [line.split("\t")[1] for line in out.splitlines()] == ["Tue 1 Mar 2022",
                                                                   "Wed 2 Mar 2022"]
    target = tmp_path / "f.md"
    code, _, err = run(capsys, "--db", db, "export", "md", str(target), "--filter", "text=union")
    assert code == 0 and "wrote 1 events" in err
    code, _, err = run(capsys, "--db", db, "export", "md", str(target), "--filter", "when=now")
    assert code == 1 and "unknown filter 'when'" in err


def test_a_closed_pipe_ends_quietly_and_a_bad_date_is_a_user_error(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_DATA_HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "p.tldb"
    cli = [sys.executable, "-m", "desktop_app", "--db", str(db)]
    subprocess.run([*cli, "events"], env=env, check=True, capture_output=True, timeout=60)
    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.project import open_project

    project = open_project(db)  # enough rows that the output outlasts the pipe's buffer
    article = project.articles.add(ArticleDraft(title="Long", text="On Monday it rained. " * 3000))
    for start in range(0, 40000, 40):
        project.events.create_from_selection(article.id, start, start + 19)
    project.close()
    shell = f"{' '.join(cli)} list | head -1"
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {shell}"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.startswith("\ufeffevent_id") or done.stdout.startswith("event_id")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.returncode in (0, 141)
    bad = subprocess.run([*cli, "import", str(db), "--published", "9 July"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "'9 July' is not a date as YYYY-MM-DD" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_control_characters_in_titles_reach_the_terminal_escaped(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.project import open_project

    db = tmp_path / "p.tldb"
    project = open_project(db)
    title = "Evil \x1b]0;pwned\x07\x1b[31mred\x9b title"
    article = project.articles.add(ArticleDraft(title=title, text="On Monday it rained hard."))
    project.events.create_from_selection(article.id, 0, 20)
    project.close()
    for command in (["articles"], ["events"]):
        code, out, _err = run(capsys, "--db", str(db), *command)
        assert code == 0
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
        assert "\\x1b]0;pwned\\x07" in out


def test_a_csv_of_many_columns_is_told_in_one_short_line(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """200,000 columns named in a message made one line of 1.5 MB; the first ten and a count
    are named."""
    wide = tmp_path / "wide.csv"
    names = [f"c{i}" for i in range(200_000)]
    wide.write_text(",".join(names) + "\n" + ",".join("x" for _ in names) + "\n", "utf-8")
    code, _out, err = run(capsys, "--db", str(tmp_path / "p.tldb"), "import-csv", str(wide))
    assert code == 1 and "(found: c0, c1," in err and "and 199,990 more" in err
    assert len(err) < 400
    extra = tmp_path / "extra.csv"
    extra.write_text("date,title," + ",".join(names) + "\n2021-07-05,Talks," + ",".join(
        "x" for _ in names) + "\n", "utf-8")
    code, out, err = run(capsys, "--db", str(tmp_path / "p.tldb"), "import-csv", str(extra))
    assert code == 0 and "1 created" in out
    assert err.count("\n") == 1 and "ignored unknown columns 'c0'" in err and len(err) < 400


def test_an_export_to_a_dash_goes_to_standard_output(tmp_path: Path, capsys,  # noqa: ANN001
                                                     monkeypatch) -> None:  # noqa: ANN001
    """'-' is standard output, as Unix tools read it (a file named '-' was written)."""
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "p.tldb")
    (tmp_path / "one.csv").write_text("date,title\n2021-07-05,Talks\n", "utf-8")
    run(capsys, "--db", db, "import-csv", str(tmp_path / "one.csv"))
    code, out, err = run(capsys, "--db", db, "export", "csv", "-")
    assert code == 0 and "Talks" in out and "wrote 1 events to standard output" in err
    code, out, _err = run(capsys, "--db", db, "export-csv", "-")
    assert code == 0 and out.lstrip("\ufeff").startswith("event_id,date")
    assert not (tmp_path / "-").exists()
