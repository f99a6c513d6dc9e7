"""Importers: formats, metadata, encodings and every kind of bad file, each named clearly."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.errors import ImportFileError
from desktop_app.core.importers import draft_from_text, read_article_file
from desktop_app.core.importers.dateline import date_candidates
from tests.conftest import FIXTURES


def test_html_gives_main_text_and_metadata_without_scripts() -> None:
    d = read_article_file(FIXTURES / "article-with-metadata.html")
    assert d.title == "Border tensions rise"
    assert d.outlet == "The Example Herald" and d.author == "Ana Writer"
    assert d.url == "https://herald.example/world/border-tensions"
    assert (d.published, d.published_source) == (date(2021, 7, 9), "metadata")
    assert d.text.startswith("On Monday, the defence ministry")
    assert "fetch(" not in d.text and "Copyright" not in d.text and "Home" not in d.text


def test_dateline_in_plain_text() -> None:
    d = read_article_file(FIXTURES / "dateline.txt")
    assert d.title == "Harbour strike ends"
    assert (d.published, d.published_source) == (date(2022, 3, 3), "dateline")


def test_markdown_front_matter() -> None:
    d = read_article_file(FIXTURES / "front-matter.md")
    assert (d.title, d.outlet) == ("Election night notes", "Field Notes")
    assert (d.published, d.published_source) == (date(2020, 11, 4), "metadata")
    assert d.text.startswith("# Election night notes")


def test_no_date_leaves_a_guess_for_the_user(tmp_path: Path) -> None:
    p = tmp_path / "nodate.txt"
    p.write_text("Title\n\nTalks began on Monday. The ceasefire of 12 May 2019 held.\n")
    d = read_article_file(p)
    assert d.published is None and d.published_guess == date(2019, 5, 12)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / "enc.txt"
    text = "Café talks\n\nThe président said “non” on Monday, déjà vu for Zürich."
    p.write_bytes(text.encode(encoding))
    assert read_article_file(p).text == text


def test_newlines_are_normalised(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Title\r\n\r\nLine one.\rLine two.")
    assert read_article_file(p).text == "Title\n\nLine one.\nLine two."


@pytest.mark.parametrize("name,data,problem", [
    ("binary.txt", bytes(range(256)) * 20, "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n ", "empty"),
    ("image.png", b"\x89PNG....", "unsupported file type"),
    ("mail.eml", b"no headers at all, just words", "not an e-mail message"),
    ("bad.txt", codecs.BOM_UTF8 + b"abc \xff\xfe\xfd", "not valid utf-8"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path: Path, name: str, data: bytes,
                                                problem: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ImportFileError) as info:
        read_article_file(p)
    assert problem in str(info.value) and str(p) in str(info.value)


def test_too_large_and_missing_files(tmp_path: Path) -> None:
    from desktop_app.core.limits import Limit, Limits

    p = tmp_path / "big.txt"
    p.write_text("word " * 300_000)
    with pytest.raises(ImportFileError, match="too large"):
        read_article_file(p, Limits({Limit.ARTICLE_MEGABYTES: 1}))
    with pytest.raises(ImportFileError, match="does not exist"):
        read_article_file(tmp_path / "missing.txt")


def test_pasted_text_title_and_dateline() -> None:
    d = draft_from_text("Quake hits coast\nTOKYO, March 11, 2011 - A quake struck on Friday.")
    assert d.title == "Quake hits coast" and d.published == date(2011, 3, 11)


def test_html_import_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted during import")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    d = read_article_file(FIXTURES / "article-with-metadata.html")
    assert d.title == "Border tensions rise" and attempts == []


def test_news_email() -> None:
    d = read_article_file(FIXTURES / "news.eml")
    assert d.title == "Ceasefire talks resume in Geneva"
    assert (d.published, d.published_source) == (date(2021, 7, 9), "metadata")
    assert d.text.startswith("Negotiators returned to Geneva on Thursday")
    assert "Newsroom" in d.outlet


def test_pdf_with_a_text_layer(tmp_path: Path) -> None:
    from tests.core.pdfs import write_pdf

    p = write_pdf(tmp_path / "a.pdf", ["Harbour strike ends", "LISBON, 3 March 2022 - Dock",
                                       "workers returned on Wednesday."], title="Strike ends")
    d = read_article_file(p)
    assert d.title == "Strike ends" and "Dock" in d.text and "Wednesday" in d.text
    assert d.published == date(2022, 3, 3)


@pytest.mark.parametrize("meta_title,title", [
    ("Strike ends", "Strike ends"),
    ("Microsoft Word - strike-report.docx", "strike-report"),
    ("Untitled", "Harbour strike ends"),  # a placeholder: the first line
    ("Binder1.pdf", "Harbour strike ends"),
    ("Document 3", "Harbour strike ends"),
    ("Strike\x01\n ends", "Strike ends"),  # control characters are no part of a title
])
def test_a_pdf_title_is_the_authors_not_the_writing_programs(tmp_path: Path, meta_title: str,
                                                             title: str) -> None:
    from tests.core.pdfs import write_pdf

    p = write_pdf(tmp_path / "a.pdf", ["Harbour strike ends", "Dock workers returned on "
                                       "Wednesday."], title=meta_title)
    assert read_article_file(p).title == title


def test_a_pdfs_creation_day_is_offered_never_taken(tmp_path: Path) -> None:
    from tests.core.pdfs import write_pdf

    undated = write_pdf(tmp_path / "a.pdf", ["Harbour strike ends", "Dock workers returned on "
                                             "Wednesday."], created="D:20220304093000+01'00'")
    d = read_article_file(undated)
    assert (d.published, d.published_guess) == (None, date(2022, 3, 4))
    assert d.published_others == ((date(2022, 3, 4), "the PDF's creation date"),)
    dated = write_pdf(tmp_path / "b.pdf", ["Harbour strike ends", "LISBON, 3 March 2022 - Dock",
                                           "workers returned."], created="D:20220304093000Z")
    d = read_article_file(dated)
    assert (d.published, d.published_others) == (
        date(2022, 3, 3), ((date(2022, 3, 4), "the PDF's creation date"),))
    bad = write_pdf(tmp_path / "c.pdf", ["Harbour strike ends", "Dock workers returned."],
                    created="D:2022-no-date")
    assert read_article_file(bad).published_others == ()  # a bad date costs only itself


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_an_encrypted_pdf_opens_when_it_needs_no_password(tmp_path: Path,
                                                          algorithm: str) -> None:
    from tests.core.pdfs import encrypt_pdf, write_pdf

    plain = write_pdf(tmp_path / "plain.pdf", ["Harbour strike ends", "LISBON, 3 March 2022 -"
                                               " Dock workers returned."])
    open_one = encrypt_pdf(plain, tmp_path / "owner-only.pdf", "", algorithm)
    d = read_article_file(open_one)
    assert "Dock workers returned" in d.text and d.published == date(2022, 3, 3)
    locked = encrypt_pdf(plain, tmp_path / "locked.pdf", "reader-secret", algorithm)
    with pytest.raises(ImportFileError, match=f"{locked}: is protected by a password"):
        read_article_file(locked)


def test_scanned_pdf_and_fake_pdf_are_refused(tmp_path: Path) -> None:
    from tests.core.pdfs import write_pdf

    scanned = write_pdf(tmp_path / "scan.pdf", [])
    with pytest.raises(ImportFileError, match="has no text layer"):
        read_article_file(scanned)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 but then garbage \x00\x01")
    with pytest.raises(ImportFileError, match="could not be read as a PDF|no text layer"):
        read_article_file(fake)


def test_htmldate_finds_dates_in_page_markup(tmp_path: Path) -> None:
    p = tmp_path / "dated.html"
    p.write_text("<html><head><title>Port reopens</title>"
                 '<script type="application/ld+json">{"@type": "NewsArticle", '
                 '"datePublished": "2020-05-04"}</script></head><body><article>'
                 "<h1>Port reopens</h1><p class='byline'>4 May 2020</p>"
                 "<p>The port reopened on Monday after weeks of closure, officials said.</p>"
                 "<p>Traffic was light but steady through the afternoon and evening.</p>"
                 "</article></body></html>")
    d = read_article_file(p)
    assert (d.published, d.published_source) == (date(2020, 5, 4), "metadata")


MARKUP_ONLY = """<html><head><title>Port reopens</title>
<meta property="article:published_time" content="2020-05-04T09:00:00+02:00"></head><body>
<article><h1>Port reopens</h1>{byline}
<p>The port reopened on Monday after weeks of closure, officials said on the quay.</p>
<p>Traffic was light but steady through the afternoon and evening, the harbour master said.</p>
{after}</article>
{comments}</body></html>"""


@pytest.mark.parametrize("byline,after,comments,asked", [
    # Shown in the byline (in the common forms, in several languages and scripts) or in a
    # line after the text.
    ("<p>By Ana Writer, 4 May 2020</p>", "", "", False),
    ("<p>Von Ana Writer | 04.05.2020, 09:00</p>", "", "", False),
    ("<p>Publié le 4 mai 2020</p>", "", "", False),
    ("<p>May 4th, 2020</p>", "", "", False),
    ("<p>2020年5月4日</p>", "", "", False),
    ("", "<p>Harbour office newsroom, last updated on "
     "\u09e8\u09e6\u09e8\u09e6-\u09e6\u09eb-\u09e6\u09ea</p>", "", False),  # Bengali digits
    ('<p><time datetime="2020-05-04T09:00">Monday morning</time></p>', "", "", False),
    ("", "<p>Last reviewed 04.05.2020</p>", "", False),
    # Shown nowhere, another day shown, shown only in reader comments, or only in a list
    # of dated things after the text (teasers): asked.
    ("", "", "", True),
    ("<p>By Ana Writer, 5 May 2020</p>", "", "", True),  # the dateline disagrees
    ("", "", '<div id="comments"><p>Reader, 4 May 2020: great piece</p></div>', True),
    ("", "", "<aside><p>More from the harbour news desk: 4 May 2020 Ferry timetable changes;"
     " 2 May 2020 Port strike ends</p></aside>", True),
    ("", "", '<ol class="comment-list"><li><time datetime="2020-05-04">'
     "</time> Nice</li></ol>", True),
])
def test_a_metadata_day_the_page_does_not_show_beside_the_article_is_asked(
        tmp_path: Path, byline: str, after: str, comments: str, asked: bool) -> None:
    """Metadata often names the newest comment's day: a day the page does not show between
    its headline and the end of the article is asked about, pre-filled."""
    page = tmp_path / "port.html"
    page.write_text(MARKUP_ONLY.format(byline=byline, after=after, comments=comments),
                    encoding="utf-8")
    d = read_article_file(page)
    assert d.published_guess == date(2020, 5, 4)  # the metadata's day, pre-filled when asked
    if asked:
        assert d.published is None
        assert d.published_doubt.startswith("the page's metadata says 2020-05-04, but ")
        if not byline:
            assert d.published_doubt.endswith("the page does not show that day beside the "
                                              "article")
    else:
        assert (d.published, d.published_doubt) == (date(2020, 5, 4), "")


def test_the_day_the_byline_shows_is_pre_filled_when_the_metadata_names_another(
        tmp_path: Path) -> None:
    page = tmp_path / "port.html"
    page.write_text(MARKUP_ONLY.format(
        byline="<p>From the harbour office newsroom: Ana Writer, 5 May 2020</p>", after="",
        comments=""), encoding="utf-8")
    d = read_article_file(page)
    assert (d.published, d.published_guess) == (None, date(2020, 5, 5))
    assert d.published_doubt == ("the page's metadata says 2020-05-04, but the page shows "
                                 "2020-05-05 by the headline")
    # The question offers the metadata's day too, with where it comes from.
    assert date_candidates(d.text, d.published_guess, others=d.published_others)[:2] == (
        (date(2020, 5, 5), "the best candidate"), (date(2020, 5, 4), "the page's metadata"))


def test_a_page_without_a_date_in_its_markup_takes_its_bylines_day(tmp_path: Path) -> None:
    """The day printed beside the headline is the publication day readers saw, where no
    metadata or dateline gives one (12 of the 13 such shared pages); without it, asked."""
    from desktop_app.core.records import DateSource

    page = tmp_path / "port.html"
    no_markup = MARKUP_ONLY.replace('<meta property="article:published_time" '
                                    'content="2020-05-04T09:00:00+02:00">', "")
    page.write_text(no_markup.format(
        byline="<p>From the harbour office newsroom: Ana Writer, 6 May 2020</p>", after="",
        comments=""), encoding="utf-8")
    d = read_article_file(page)
    assert (d.published, d.published_source, d.published_doubt) == (
        date(2020, 5, 6), DateSource.DATELINE, "")
    page.write_text(no_markup.format(byline="<p>From the harbour office newsroom</p>",
                                     after="", comments=""), encoding="utf-8")
    assert read_article_file(page).published is None


def test_the_day_nearest_the_headline_is_the_bylines_not_the_sites_header_or_an_archives(
        tmp_path: Path) -> None:
    """Many news sites print today's date in their header (the day the page was saved), and
    the Wayback Machine's toolbar lists capture dates: neither is the article's day."""
    no_markup = MARKUP_ONLY.replace('<meta property="article:published_time" '
                                    'content="2020-05-04T09:00:00+02:00">', "")
    header = ("<div class='top'>Thursday, 7 May 2020 | Weather | Markets | Sport | Culture"
              " | Travel | Opinion</div>")
    page = tmp_path / "port.html"
    page.write_text(no_markup.replace("<article>", header + "<article>").format(
        byline="<p>Politics, 4 May 2020</p>", after="", comments=""), encoding="utf-8")
    assert read_article_file(page).published == date(2020, 5, 4)
    toolbar = ('<div id="wm-ipp-base"><div id="wm-ipp">22 captures 21 Feb 2007 - 23 Mar 2021'
               "</div></div>")
    page.write_text(no_markup.replace("<body>", "<body>" + toolbar).format(
        byline="", after="", comments=""), encoding="utf-8")
    assert read_article_file(page).published is None


def test_a_page_whose_own_dates_disagree_is_asked_about(tmp_path, capsys) -> None:  # noqa: ANN001
    """Metadata says one day, the dateline or the address another: the user is asked, with
    the metadata's day pre-filled and the reason; the CLI, with nobody to ask, takes that day
    and says why it is in doubt."""
    from desktop_app.app import main
    from desktop_app.core.importers.html import url_date

    body = " ".join(f"The council met again and discussed item {i} at length." for i in range(30))
    page = tmp_path / "doubt.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2021-11-29T10:00:00">'
        "<title>Council meets</title></head><body><article><h1>Council meets</h1>"
        f"<p>BERLIN, 12 January 2022 - {body}</p></article></body></html>", encoding="utf-8")
    draft = read_article_file(page)
    assert draft.published is None and draft.published_guess == date(2021, 11, 29)
    assert "2021-11-29" in draft.published_doubt and "2022-01-12" in draft.published_doubt
    assert draft.published_others == ((date(2022, 1, 12), "the page's dateline"),)
    db = str(tmp_path / "p.tldb")
    assert main(["--db", db, "import", str(page)]) == 0
    err = capsys.readouterr().err
    assert "its dateline says 2022-01-12" in err and "took 2021-11-29" in err
    assert url_date("https://news.example/2021/07/05/story") == date(2021, 7, 5)
    assert url_date("https://news.example/2021/13/05/story") is None


def test_the_dates_offered_when_asking_say_where_they_come_from() -> None:
    text = "Kenya talks\n\nNAIROBI, Aug 6 - Talks began. The accord of 3 May 2024 held."
    found = date_candidates(text, None, today=date(2026, 12, 3))
    assert found == ((date(2026, 8, 6), "a dateline without a year, taken as the last such day"),
                     (date(2024, 5, 3), "the latest full date in the text"))
    assert date_candidates("No dates here.", None) == ()
    best = date_candidates("LISBON, 3 March 2022 - Markets fell.", date(2022, 3, 3))
    assert best == ((date(2022, 3, 3), "the best candidate"),)  # each day once


PAGE_IN_UTC = """<html><head><title>Fire in Roxbury</title>
<meta property="article:published_time" content="{utc}">
</head><body><article><h1>Fire in Roxbury</h1>
<p>By Staff <time datetime="{local}">November 8, 2023</time></p>
<p>Firefighters battled a three-alarm fire in Roxbury on Wednesday evening, officials said.
Several families were displaced and one firefighter was treated for minor injuries at the
scene. The cause of the fire is under investigation by the fire marshal's office.</p>
<p>Neighbours said the flames could be seen from several blocks away as crews arrived.</p>
</article></body></html>"""


@pytest.mark.parametrize("utc,local,day", [
    # The metadata's UTC time is the next day where the station is: its byline's local day.
    ("2023-11-09T02:11:03+00:00", "2023-11-08T21:11:03-05:00", date(2023, 11, 8)),
    ("2023-11-09T02:11:03Z", "2023-11-08T21:11:03-0500", date(2023, 11, 8)),
    # The same day anyway: the metadata's day stands.
    ("2023-11-08T14:11:03+00:00", "2023-11-08T09:11:03-05:00", date(2023, 11, 8)),
    # Another moment, but the byline shows the day the UTC moment is at the page's own
    # offset (and in all the Americas): the byline's day.
    ("2023-11-09T02:11:03+00:00", "2023-11-08T15:00:00-05:00", date(2023, 11, 8)),
    # A UTC moment that is 9 November everywhere, and a byline showing the 7th: asked.
    ("2023-11-09T14:11:03+00:00", "2023-11-07T15:00:00-05:00", None),
])
def test_a_utc_publication_time_is_read_as_the_pages_local_day(tmp_path: Path, utc: str,
                                                                local: str,
                                                                day: date | None) -> None:
    page = tmp_path / "fire.html"
    page.write_text(PAGE_IN_UTC.format(utc=utc, local=local), encoding="utf-8")
    assert read_article_file(page).published == day


LIVE_PAGE = """<html><head><title>Derby live</title>
<link rel="canonical" href="https://sport.example/football/2022/05/06/derby-live-12345">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Derby live",
"datePublished": "{declared}"{more}}}</script>
</head><body><article><h1>Derby live</h1>
<p>The derby kicks off tonight at the old ground, and both sides name unchanged teams after
last week's results. Supporters have travelled from across the region for the match.</p>
<p>The home side need a win to stay in the race for the title; the visitors need a point.</p>
</article></body></html>"""


@pytest.mark.parametrize("declared,more,asked", [
    # The extractor's day is the address's; the page declares another: asked, both offered.
    ("2022-05-07T13:43:46-05:00", "", True),
    # It declares the address's day (as a UTC time whose local moment it also gives): taken.
    ("2022-05-06T13:43:46-05:00", "", False),
    # Other articles' days beside its own (a list of related stories): no disagreement.
    ("2022-05-06T13:43:46-05:00",
     ', "hasPart": [{"@type": "NewsArticle", "datePublished": "2022-04-30T08:00:00Z"}]', False),
])
def test_a_publication_day_the_page_declares_against_its_address_is_asked_about(
        tmp_path: Path, declared: str, more: str, asked: bool) -> None:
    page = tmp_path / "live.html"
    page.write_text(LIVE_PAGE.format(declared=declared, more=more), encoding="utf-8")
    d = read_article_file(page)
    if not asked:
        assert (d.published, d.published_doubt) == (date(2022, 5, 6), "")
        return
    assert d.published is None
    assert "declared publication time says 2022-05-07" in d.published_doubt
    offered = {d.published_guess, *(day for day, _where in d.published_others)}
    assert offered == {date(2022, 5, 6), date(2022, 5, 7)}


@pytest.mark.parametrize("written,days", [
    ("2020-05-04", ((2020, 5, 4),)),
    ("20200504", ((2020, 5, 4),)),
    ("04.05.2020", ((2020, 5, 4),)),
    ("4-5-20", ((2020, 5, 4),)),
    ("5/4/2020", ((2020, 4, 5), (2020, 5, 4))),  # day first, or the American month first
    ("13/4/2020", ((2020, 4, 13),)),
    ("2020年5月4日", ((2020, 5, 4),)),
    ("4. Mai 2020", ((2020, 5, 4),)),
    ("4 de mayo de 2020", ((2020, 5, 4),)),
    ("29 / Dezember / 2022", ((2022, 12, 29),)),
    ("26 | 01 | 2022", ((2022, 1, 26),)),  # a byline's table cell
    ("TechnologyJan 18, 2019", ((2019, 1, 18),)),
    ("MÄRZ 3, 2021", ((2021, 3, 3),)),
    ("31.02.2020", ()),
])
def test_the_full_dates_a_page_writes_are_read_every_way_they_can_be(
        written: str, days: tuple[tuple[int, int, int], ...]) -> None:
    from desktop_app.core.importers.shown_date import written_days

    assert list(written_days(f"Published {written} by the desk")) == [
        tuple(date(*d) for d in days)]


@pytest.mark.parametrize("day,why", [
    ("2099-05-04", "the file says 2099-05-04, which is after today"),
    ("0001-01-01", "the file says 0001-01-01, which is before 1800"),
])
def test_a_publication_day_after_today_or_absurdly_old_is_asked(tmp_path: Path, day: str,
                                                                 why: str) -> None:
    page = tmp_path / "odd.md"
    page.write_text(f"---\ntitle: Port reopens\ndate: {day}\n---\nThe port reopened on Monday.",
                    encoding="utf-8")
    d = read_article_file(page)
    assert (d.published, d.published_guess, d.published_doubt) == (
        None, date.fromisoformat(day), why)


def test_a_weekday_near_the_top_is_no_dateline_without_a_year() -> None:
    assert date_candidates("Talks began on Monday.", None, today=date(2026, 12, 3)) == ()
    assert date_candidates("NAIROBI, Monday, Aug 6 - Talks began.", None,
                           today=date(2026, 12, 3)) == (
        (date(2026, 8, 6), "a dateline without a year, taken as the last such day"),)


MAIL_HEAD = b"From: Desk <desk@news.example>\r\nDate: Tue, 1 Mar 2022 10:00:00 +0100\r\n"


@pytest.mark.parametrize("mail,title,text", [
    # Raw 8-bit headers and a body without a charset: UTF-8 where valid, else windows-1252.
    (b"Subject: Fr\xf6sche im Teich\r\n\r\nDie Fr\xf6sche sind zur\xfcck.\r\n",
     "Frösche im Teich", "Die Frösche sind zurück."),
    ("Subject: Frösche\r\n\r\nDie Frösche sind zurück.\r\n".encode(),
     "Frösche", "Die Frösche sind zurück."),
    (b"Subject: =?iso-8859-1?q?Fr=F6sche_im?= =?utf-8?b?IFRlaWNo?=\r\n\r\nText.\r\n",
     "Frösche im Teich", "Text."),
    # An encoded word that is no base64 stays as written; 8-bit text labelled UTF-8 that is
    # not reads each stray byte as windows-1252 (both had given U+FFFD and stray letters).
    (b"Subject: =?utf-8?B?!!!invalid?=\r\n\r\nText.\r\n", "=?utf-8?B?!!!invalid?=", "Text."),
    (b"Subject: =?utf-8?Q?Fr=F6sche?=\r\n\r\nText.\r\n", "Frösche", "Text."),
    # A charset nobody knows, or one that is no text encoding: the bytes decide.
    (b"Subject: x\r\nContent-Type: text/plain; charset=\"x-unknown-42\"\r\n\r\nDie Fr\xf6sche."
     b"\r\n", "x", "Die Frösche."),
    (b"Subject: x\r\nContent-Type: text/plain; charset=\"idna\"\r\n\r\nDie Frosche.\r\n",
     "x", "Die Frosche."),
    (b"Subject: x\r\nContent-Type: text/plain; charset=koi8-u\r\n\r\n"
     + "Привіт, світ.".encode("koi8-u"), "x", "Привіт, світ."),
    # An attachment an old mailer pasted into the text is not the article.
    (b"Subject: report\r\n\r\nThe port reopened on Monday.\r\n\r\nbegin 644 photo.jpg\r\n"
     b"M_]C_X``02D9)1@`!`0$`2`!(``#_VP!#``,\"`@,\"`@,#`P,$`P,$!0@%!00$\r\n`\r\nend\r\n\r\n"
     b"More text after.\r\n", "report", "The port reopened on Monday.\n\n\n\nMore text after."),
    # The text part, not the attachment beside it.
    (b"Subject: two\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
     b"Content-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment; "
     b"filename=\"notes.txt\"\r\n\r\nNot this.\r\n--B\r\nContent-Type: text/plain; "
     b"charset=utf-8\r\n\r\nThis one.\r\n--B--\r\n", "two", "This one."),
])
def test_real_mail_is_read_as_it_was_meant(tmp_path: Path, mail: bytes, title: str,
                                           text: str) -> None:
    p = tmp_path / "m.eml"
    p.write_bytes(MAIL_HEAD + mail)
    d = read_article_file(p)
    assert (d.title, d.text, d.published) == (title, text, date(2022, 3, 1))


@pytest.mark.parametrize("body,problem", [
    (b"Subject: noise\r\n\r\n" + bytes(range(256)) * 20, "looks like a binary file"),
    (b"Subject: deep\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n" + b"".join(
        f"--b{i}\r\nContent-Type: multipart/mixed; boundary=\"b{i + 1}\"\r\n\r\n".encode()
        for i in range(1000)), "nests its parts"),
])
def test_a_mail_that_is_no_article_is_refused_with_the_reason(tmp_path: Path, body: bytes,
                                                              problem: str) -> None:
    p = tmp_path / "m.eml"
    p.write_bytes(MAIL_HEAD + body)
    with pytest.raises(ImportFileError, match=f"{p}: {problem}"):
        read_article_file(p)


@pytest.mark.parametrize("title,site,url,headline", [
    ("Instagram plans new video feature | OnlineMarketing.de", "OnlineMarketing.de", "",
     "Instagram plans new video feature"),
    ("Pilots to train in Bremen - Aerobuzz.de", "", "https://www.aerobuzz.de/news/x",
     "Pilots to train in Bremen"),
    ("Firewood dispute - www.AussenGedanken.de", "", "https://aussengedanken.de/x",
     "Firewood dispute"),
    ("Vegan noodles (stir fry) - Eat What Tonight", "", "https://eatwhattonight.com/x",
     "Vegan noodles (stir fry)"),
    ("Talks | World | Daily Herald", "Daily Herald", "", "Talks | World"),
    # The site's name and what follows it: a slogan, the day.
    ("Winter pike | petri-heil.ch | Your Swiss angling magazine", "",
     "https://www.petri-heil.ch/de/x", "Winter pike"),
    ("Berlin confronts its colonial past | DW | 19.01.2020", "DW", "",
     "Berlin confronts its colonial past"),
    # Not the site's name: the headline stays whole.
    ("Love is War - Longing by R. K. Lilley", "", "https://books.blogspot.com/x",
     "Love is War - Longing by R. K. Lilley"),
    ("Brexit - The", "", "https://theguardian.com/x", "Brexit - The"),
    ("Short - and good", "Short", "", "Short - and good"),
])
def test_a_headline_loses_the_site_name_pages_append_to_it(title: str, site: str, url: str,
                                                           headline: str) -> None:
    from desktop_app.core.importers.html import without_site_name

    assert without_site_name(title, site, url) == headline


def test_the_site_name_is_the_one_the_page_declares() -> None:
    from desktop_app.core.importers.html import declared_site_name

    assert declared_site_name('<head><meta property="og:site_name" content="Caf&eacute; '
                              'Herald"></head>') == "Café Herald"
    assert declared_site_name('<meta content="Desk" name="application-name">') == "Desk"
    assert declared_site_name("<title>Talks - Herald</title>") == ""


def test_the_guess_to_prefill_reads_only_the_head_of_a_long_text() -> None:
    """The latest full date is looked for in the first 50,000 characters: an article's own
    day is written near its top, and reading all of 4 MB of dense dates took 8 s at every
    import (the bounded work of issue 17)."""
    from desktop_app.core.importers.dateline import latest_full_date

    text = "It began on 3 May 2020. " + "Nothing else happened that week. " * 2000
    assert len(text) > 60_000
    assert latest_full_date(text + "It ended on 9 June 2021.") == date(2020, 5, 3)
    assert latest_full_date("It began on 3 May 2020. It ended on 9 June 2021.") == \
        date(2021, 6, 9)


def test_an_implausibly_short_extraction_is_tried_again_favouring_recall(
        tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A real page's article came out as its site's slogan, twice (95 characters); favouring
    recall, the extractor finds the article. A short text that recall does not lengthen
    much stays as it was."""
    import trafilatura

    real = trafilatura.bare_extraction
    article = "The board agreed on new loading rules for the season. " * 8

    def extract(html, **options):  # noqa: ANN001, ANN003, ANN202
        doc = real(html, **options)
        if not options.get("favor_recall"):
            doc.text = "Your gateway to the trade.\nYour gateway to the trade."
        elif "short" in html:
            doc.text = doc.text[:60]
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", extract)
    page = tmp_path / "p.html"
    page.write_text(f"<html><body><article><p>{article}</p></article></body></html>")
    assert read_article_file(page).text == article.strip()
    page.write_text(f"<html><body><article><p>short {article}</p></article></body></html>")
    assert read_article_file(page).text == "Your gateway to the trade.\nYour gateway to the trade."
