"""Articles through the real window: import, ask for dates, paste, drop, properties, projects."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop_app.core.edits import ArticleMetadata
from tests.conftest import FIXTURES


def test_import_html_and_text_with_metadata(window) -> None:  # noqa: ANN001
    ids = window.files.import_files([FIXTURES / "article-with-metadata.html",
                               FIXTURES / "dateline.txt"])
    assert len(ids) == 2 and window.dialogs.errors == []
    titles = [window.article_model.summary(r).title for r in range(3)]
    assert titles[1:] == ["Border tensions rise", "Harbour strike ends"]
    assert window.reader.article_id == ids[-1]
    assert window.reader.toPlainText().startswith("Harbour strike ends")


def test_missing_publication_date_is_asked_with_a_guess(window, tmp_path: Path) -> None:  # noqa: ANN001
    asked = []

    def ask(questions):  # noqa: ANN001, ANN202
        asked.extend((q.path, q.draft.published_guess, q.reason) for q in questions)
        assert (date(2019, 5, 12), "the best candidate") in questions[0].candidates()
        return [date(2019, 5, 13)]

    window.dialogs.ask_publication_dates = ask
    f = tmp_path / "nodate.txt"
    f.write_text("Ceasefire\n\nTalks began on Monday. The ceasefire of 12 May 2019 held.")
    [article_id] = window.files.import_files([f])
    assert asked == [(f, date(2019, 5, 12), "no publication date was found")]
    a = window.project.articles.get(article_id)
    assert (a.published, a.published_source) == (date(2019, 5, 13), "user")


def test_cancelling_the_date_question_skips_the_file(window, tmp_path: Path) -> None:  # noqa: ANN001
    window.dialogs.ask_publication_dates = lambda questions: None
    f = tmp_path / "nodate.txt"
    f.write_text("Talks began on Monday; no day is written to date it.")
    assert window.files.import_files([f]) == []
    assert "skipped" in window.dialogs.errors[-1][1] and window.article_model.rowCount() == 1


def test_a_file_naming_no_day_is_imported_undated_without_a_question(
        window, tmp_path: Path) -> None:  # noqa: ANN001
    def never(questions):  # noqa: ANN001, ANN202
        raise AssertionError(f"asked about {[q.path.name for q in questions]}")

    window.dialogs.ask_publication_dates = never
    f = tmp_path / "recipe.txt"
    f.write_text("Bread\n\nMix the flour and the water, and leave the dough overnight.")
    [article_id] = window.files.import_files([f])
    assert window.project.articles.get(article_id).published is None
    assert "without a publication date" in window.statusBar().currentMessage()
    assert "no publication date" in window.article_header.byline.text()


def test_a_folder_import_asks_every_doubtful_date_at_once_in_one_table(
        window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The real dialog, once, after the files in no doubt were imported: the first day kept
    as pre-filled, the second changed with a click on that file's other candidate (its
    dateline without a year), the third typed in the field, the fourth cleared (imported
    without a date)."""
    from PySide6.QtWidgets import QApplication, QPushButton

    from desktop_app.gui.asking import QtDialogs
    from desktop_app.gui.publication_dates import PublicationDatesDialog

    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "0-sure.txt").write_text("Sure\n\nGENEVA, 9 July 2021 - Talks resumed.")
    for i, day in enumerate((3, 4, 5, 6), start=1):
        (folder / f"{i}.txt").write_text(
            f"Report {i}\n\n{'NAIROBI, Aug 6 - ' if i == 2 else ''}Talks went on through "
            f"the night; the meeting of {day} May 2019 had been the last before the summer.",
            encoding="utf-8")
    real = QtDialogs(window)
    seen, dateline_days = [], []

    def ask(questions):  # noqa: ANN001, ANN202
        seen.append([q.path.name for q in questions])
        assert len(window.project.articles.list()) == 2  # the sure file is in already
        dateline_days.append(questions[1].candidates()[1][0])  # the last 6 Aug before today

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            try:
                assert isinstance(dialog, PublicationDatesDialog)
                table, field = dialog.table, dialog.field
                assert [table.item(r, 2).text() for r in range(4)] == [
                    "2019-05-03", "2019-05-04", "2019-05-05", "2019-05-06"]
                table.setCurrentCell(1, 2)
                next(b for b in field.findChildren(QPushButton)
                     if "without a year" in b.text()).click()
                table.setCurrentCell(2, 2)
                field.date_edit.selectAll()
                qtbot.keyClicks(field.date_edit, "7 May 2019")
                assert field.reading.text() == "= Tue 7 May 2019"
                table.setCurrentCell(3, 2)
                field.date_edit.clear()
                assert [table.item(r, 2).text() for r in range(4)] == [
                    "2019-05-03", dateline_days[0].isoformat(), "7 May 2019", ""]
                dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
            except BaseException:
                dialog.reject()  # the test fails, and does not hang on an open dialog
                raise

        QTimer.singleShot(0, answer)
        return real.ask_publication_dates(questions)

    window.dialogs.ask_publication_dates = ask
    ids = window.files.import_files([folder])
    assert seen == [["1.txt", "2.txt", "3.txt", "4.txt"]] and window.dialogs.errors == []
    articles = [window.project.articles.get(i) for i in ids]
    assert [(a.title, a.published, a.published_source) for a in articles] == [
        ("Sure", date(2021, 7, 9), "dateline"),
        ("Report 1", date(2019, 5, 3), "user"), ("Report 2", dateline_days[0], "user"),
        ("Report 3", date(2019, 5, 7), "user"), ("Report 4", None, "")]
    window.action_undo.trigger()  # one import, one undo step
    assert len(window.project.articles.list()) == 1


def test_bad_files_are_reported_by_name_and_nothing_changes(window, tmp_path: Path) -> None:  # noqa: ANN001
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    odd = tmp_path / "sheet.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    before = window.project.events.list()
    assert window.files.import_files([binary, empty, odd]) == []
    [(title, message)] = window.dialogs.errors
    assert f"{binary}: looks like a binary file" in message
    assert f"{empty}: is empty" in message and f"{odd}: unsupported file type" in message
    assert window.article_model.rowCount() == 1 and window.project.events.list() == before


def test_duplicate_import_is_refused(window) -> None:  # noqa: ANN001
    window.files.import_files([FIXTURES / "dateline.txt"])
    assert window.files.import_files([FIXTURES / "dateline.txt"]) == []
    assert "already in the project" in window.dialogs.errors[-1][1]
    assert window.article_model.rowCount() == 2


def test_paste_creates_an_article(window, qtbot) -> None:  # noqa: ANN001
    QGuiApplication.clipboard().setText("Storm hits port\nMARSEILLE, 2 February 2023 - "
                                        "A storm closed the port on Wednesday.")
    window.user_actions.paste_article.trigger()
    assert window.article_model.rowCount() == 2
    a = window.project.articles.get(window.reader.article_id)
    assert (a.title, a.published) == ("Storm hits port", date(2023, 2, 2))


def test_a_paste_is_asked_its_day_only_where_its_text_needs_or_names_one(window) -> None:  # noqa: ANN001
    asked: list[str] = []

    def ask(source, default, found):  # noqa: ANN001, ANN202
        asked.append(source)
        return date(2023, 2, 1)

    window.dialogs.ask_publication_date = ask
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Bread\nMix the flour and the water, and leave the dough overnight.")
    window.user_actions.paste_article.trigger()
    bread = window.project.articles.get(window.reader.article_id)
    assert (bread.title, bread.published, asked) == ("Bread", None, [])
    clipboard.setText("Storm hits port\nA storm closed the port on Wednesday.")
    window.user_actions.paste_article.trigger()
    storm = window.project.articles.get(window.reader.article_id)
    assert (storm.title, storm.published, asked) == (
        "Storm hits port", date(2023, 2, 1), ["the pasted text"])


def test_pasted_text_is_held_to_what_a_file_of_it_would_be(window, settings) -> None:  # noqa: ANN001, E501
    """A title of one plain line, no NUL, the size limit: a paste is no back door."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Storm \x1b[1mhits\x07 port\nMARSEILLE, 2 February 2023 - The port "
                      "closed on Wednesday.")
    window.user_actions.paste_article.trigger()
    assert window.project.articles.get(window.reader.article_id).title == "Storm [1mhits port"
    clipboard.setText("Storm\n\nOn Wednesday\x00 the port closed.")
    window.user_actions.paste_article.trigger()
    assert window.dialogs.errors[-1][0] == "Cannot paste article"
    assert window.dialogs.errors[-1][1].startswith("Pasted text: looks like a binary file")
    settings._s.setValue("import/maxMegabytes", 1)
    clipboard.setText("Storm\n\n" + "On Wednesday the port closed. " * 40_000)
    window.user_actions.paste_article.trigger()
    assert "is too large (1.1 MB; the limit is 1 MB" in window.dialogs.errors[-1][1]
    assert window.article_model.rowCount() == 2  # the demo article and the first paste


def test_dropping_files_imports_them(window) -> None:  # noqa: ANN001
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "front-matter.md"))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.article_model.summary(1).title == "Election night notes"


def test_changing_the_publication_date_redates_and_undoes(window) -> None:  # noqa: ANN001
    article_id = window.reader.article_id
    a = window.project.articles.get(article_id)
    window.article_editing.edit_article(article_id, ArticleMetadata(
        a.title, "Demo desk", a.url, a.author, date(2021, 7, 16)))
    dates = [window.timeline_model.record(r).date.start for r in range(4)]
    assert dates == [date(2021, 7, d) for d in (12, 13, 14, 15)]
    assert "4 event dates changed" in window.statusBar().currentMessage()
    assert window.article_model.summary(0).outlet == "Demo desk"
    assert window.article_header.byline.text().startswith("Demo desk  ·  ")
    assert window.article_header.byline.text().endswith("Fri 16 Jul 2021")
    window.action_undo.trigger()
    dates = [window.timeline_model.record(r).date.start for r in range(4)]
    assert dates == [date(2021, 7, d) for d in (5, 6, 7, 8)]
    assert window.project.articles.get(article_id).outlet == a.outlet
    assert window.article_header.byline.text().endswith("Fri 9 Jul 2021")


def test_the_headline_and_byline_stand_above_the_text_not_in_it(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    [article_id] = window.files.import_files([FIXTURES / "article-with-metadata.html"])
    header = window.article_header
    assert window.reader.article_id == article_id and header.isVisible()
    assert header.headline.text() == "Border tensions rise"
    assert header.byline.text() == ("The Example Herald  ·  by Ana Writer  ·  Fri 9 Jul 2021  ·  "
                                     "herald.example")
    assert header.byline.toolTip() == "https://herald.example/world/border-tensions"
    assert not window.reader.toPlainText().startswith("Border tensions rise")
    undated = tmp_path / "undated.txt"
    undated.write_text("Undated report\n\nTalks went on through the night; the meeting of 4 "
                       "May 2019 had been the last before the summer.")
    from desktop_app.app import main

    assert main(["--db", str(window.project.location.path), "import", str(undated)]) == 0
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 3)  # another process's import
    suggested = max(a.id for a in window.project.articles.list())
    window.selection.select_article(suggested)
    assert header.byline.text() == "Sat 4 May 2019 (suggested, not confirmed)"
    # Article Properties says so too; saving the day there confirms it.
    from desktop_app.gui.dialogs import ArticlePropertiesDialog

    record = window.project.articles.get(suggested)
    dialog = ArticlePropertiesDialog(record, window)
    qtbot.addWidget(dialog)
    assert "suggested by the importer, not confirmed" in dialog.findChild(QLabel, "propNote").text()
    window.article_editing.edit_article(suggested, dialog.metadata())
    assert window.project.articles.get(suggested).published_source == "user"
    assert header.byline.text() == "Sat 4 May 2019"
    window.action_undo.trigger()  # the confirmation is one undo step
    assert window.project.articles.get(suggested).published_source == "suggested"
    assert header.byline.text() == "Sat 4 May 2019 (suggested, not confirmed)"
    # A day that was no suggestion, saved unchanged, is no edit at all (nothing pushed: the
    # confirmation's redo is still there).
    metadata_dated = window.project.articles.get(article_id)
    window.article_editing.edit_article(article_id, ArticlePropertiesDialog(
        metadata_dated, window).metadata())
    assert window.undo_stack.canRedo()
    assert window.project.articles.get(article_id).published_source == "metadata"


def test_opening_a_file_that_is_not_a_project_keeps_the_current_one(window,  # noqa: ANN001
                                                                   tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.tldb"
    bogus.write_text("not a database " * 20)
    assert not window.files.switch_project(bogus)
    assert "not an SQLite database" in window.dialogs.errors[-1][1]
    assert window.timeline_model.rowCount() == 4
    assert bogus.read_text() == "not a database " * 20


def test_a_project_holding_a_value_another_program_wrote_is_refused_naming_it(  # noqa: ANN001
        window, tmp_path: Path) -> None:
    """A precision outside its closed set made the window show an empty timeline under the
    other project's name, after an "unexpected error"."""
    from tests.conftest import demo_changed_by_another_program

    damaged = demo_changed_by_another_program(
        tmp_path / "damaged.tldb", "UPDATE events SET precision = 'fortnight' WHERE id = 3")
    shown = window.project
    assert not window.files.switch_project(damaged)
    assert window.dialogs.errors[-1] == ("Cannot open project", (
        f"{damaged}: a stored value is damaged: events row 3, column precision holds "
        "'fortnight'. Restore a backup, or correct the value with a database tool"))
    assert window.project is shown and window.timeline_model.rowCount() == 4
    assert window.windowTitle().startswith(shown.name)
    assert [window.timeline_model.record(r).title for r in range(4)] == [
        e.title for e in shown.events.list()]


def test_new_project_and_recent_list(window, tmp_path: Path, settings) -> None:  # noqa: ANN001
    old_path = window.project.path
    assert window.files.switch_project(tmp_path / "second.tldb")
    assert window.timeline_model.rowCount() == 0 and window.article_model.rowCount() == 0
    assert window.windowTitle().startswith("second")
    assert settings.recent_projects()[:2] == [str(tmp_path / "second.tldb"), str(old_path)]
    assert window.files.switch_project(old_path) and window.timeline_model.rowCount() == 4


def test_import_csv_previews_then_applies_as_one_undo_step(window, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "t.csv"
    window.files.export_csv(out)
    text = out.read_text(encoding="utf-8-sig").replace("Russian attack helicopters",
                                                       "Helicopters", 1)
    text += ",2021-07-10,,,Talks end,,,,,,,,\r\n"
    out.write_text(text, encoding="utf-8-sig")
    previews = []

    def preview(plan) -> bool:  # noqa: ANN001 - the real dialog, accepted with its button
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialogButtonBox

        from desktop_app.gui.csv_preview import CsvPreviewDialog

        dialog = CsvPreviewDialog(plan, window)
        model = dialog.changes
        previews.append([tuple(model.index(r, c).data() for c in range(5))
                         for r in range(model.rowCount())])
        assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole).startswith(
            "Russian attack helicopters")
        dialog.show()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "&Import" and ok.isEnabled()
        ok.click()
        return dialog.result() == dialog.DialogCode.Accepted

    window.dialogs.confirm_csv_import = preview
    assert window.files.import_csv(out)
    [[update, create]] = previews
    assert update[0] == "3" and update[2] == "title" and update[4].startswith("Helicopters")
    assert update[1] == update[3] and update[3].startswith("Russian attack helicopters")
    assert create == ("6", "Talks end", "new event", "", "Sat 10 Jul 2021")
    titles = [window.timeline_model.record(r).title for r in range(5)]
    assert titles[-1] == "Talks end" and titles[1].startswith("Helicopters")
    assert window.action_undo.text() == "&Undo Import CSV (1 created, 1 updated)"
    window.action_undo.trigger()
    assert window.timeline_model.rowCount() == 4
    assert window.timeline_model.record(1).title.startswith("Russian attack helicopters")
    window.action_redo.trigger()
    assert window.timeline_model.rowCount() == 5


def test_import_csv_refuses_a_file_that_is_not_a_timeline(window, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "contacts.csv"
    bad.write_text("name,phone\nAnna,123\n")
    assert not window.files.import_csv(bad)
    message = window.dialogs.errors[-1][1]
    assert "has no event_id column" in message and str(bad) in message
    assert window.timeline_model.rowCount() == 4


def test_the_settings_file_sets_the_limits_an_import_is_held_to(window, settings,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    """A limit is a setting: lowered there, the window's CSV import is refused with the
    limit and its key named, and nothing is imported; a hand-edited value that is no
    number leaves the default."""
    from desktop_app.core.limits import Limit

    rows = tmp_path / "rows.csv"
    rows.write_text("date,title\n" + "".join(f"2021-07-0{n},event {n}\n" for n in range(1, 7)))
    settings._s.setValue("csv/maxRows", 5)
    settings._s.setValue("import/maxMegabytes", "lots")
    limits = settings.limits()
    assert limits[Limit.CSV_ROWS] == 5 and limits[Limit.ARTICLE_MEGABYTES] == 20
    assert not window.files.import_csv(rows)
    message = window.dialogs.errors[-1][1]
    assert str(rows) in message and "the limit is 5 rows, setting csv/maxRows" in message
    assert window.timeline_model.rowCount() == 4


def test_export_as_and_annotation_import(window, tmp_path: Path) -> None:  # noqa: ANN001
    from desktop_app.core.exporters.formats import SUFFIXES

    assert set(window.user_actions.export_formats) == set(SUFFIXES) - {"csv"}
    for fmt in window.user_actions.export_formats:
        assert window.files.export_format(fmt, tmp_path / f"t{SUFFIXES[fmt]}") == 4, fmt
    for e in window.project.events.list():
        window.project.events.delete(e.id)
    window.timeline_model.reset([])
    assert window.files.import_annotations(tmp_path / "t.jsonld") == 4
    assert window.timeline_model.rowCount() == 4
    assert window.action_undo.text() == "&Undo Import 4 annotations"
    window.action_undo.trigger()
    assert window.project.events.count() == 0


def test_import_folder_reports_one_summary(window, tmp_path: Path) -> None:  # noqa: ANN001
    import shutil

    root = tmp_path / "folder"
    root.mkdir()
    shutil.copy(FIXTURES / "dateline.txt", root / "a.txt")
    shutil.copy(FIXTURES / "news.eml", root / "b.eml")
    (root / "c.txt").write_bytes(bytes(range(256)) * 10)
    ids = window.files.import_files([root])
    assert len(ids) == 2 and window.article_model.rowCount() == 3
    [(title, message)] = window.dialogs.errors
    assert "Imported 2 articles." in message and f"{root / 'c.txt'}: looks like a binary" \
        in message


def test_csv_options_dialog_choices(qtbot) -> None:  # noqa: ANN001
    from desktop_app.gui.dialogs import CsvOptionsDialog

    dialog = CsvOptionsDialog()
    qtbot.addWidget(dialog)
    dialog.delimiter.setCurrentIndex(1)
    dialog.date_style.setCurrentIndex(1)
    dialog.bom.setChecked(False)
    dialog.text.setText("missiles")
    options, event_filter = dialog.choices()
    assert (options.delimiter, options.date_style, options.bom) == (";", "display", False)
    assert options.neutralise_formulas and event_filter.text == "missiles"


def test_reimporting_a_changed_article_in_the_window(make_window) -> None:  # noqa: ANN001
    from tests.core.test_reimport import QUOTES, V1, V2

    window = make_window(demo=False)
    [article_id] = window.files.import_files([V1])
    for quote in QUOTES:
        window.project.events.create_from_quote_text(article_id, quote)
    window.timeline_model.reset(window.project.events.list())
    before = window.project.articles.get(article_id)
    # Declined: shown what it would replace, nothing changes.
    shown = []
    window.dialogs.confirm_replacements = lambda qs: shown.extend(qs) or [False] * len(qs)
    assert window.files.import_files([V2]) == []
    [question] = shown
    assert (question.path, question.replaces.id, question.replaces.title) == (
        V2, article_id, before.title)
    assert window.project.articles.get(article_id) == before
    assert "1 changed version not imported, the articles kept as they were" in \
        window.dialogs.errors[-1][1]
    # Confirmed: replaced, as one undo step.
    window.dialogs.confirm_replacements = lambda qs: [True] * len(qs)
    assert window.files.import_files([V2]) == []
    assert "kept as orphans" in window.dialogs.errors[-1][1]
    assert "Update: this story" in window.reader.toPlainText()
    assert window.reader.quote_count() == 2
    orphan = next(e for e in window.project.events.list() if e.quotes[0].orphaned)
    window.selection.select_event(orphan.id)
    assert "no longer in the article's current text" in window.inspector.sources.item(0).text()
    after = {e.id: e for e in window.project.events.list()}
    # the re-import is one undo step: the old text, quote positions and dates come back
    assert window.undo_stack.undoText().startswith("Import “")
    window.undo_stack.undo()
    old_text = window.project.articles.get(article_id).text
    assert "Update: this story" not in old_text
    assert all(not e.quotes[0].orphaned for e in window.project.events.list())
    assert all(old_text[q.start:q.end] == q.exact
               for e in window.project.events.list() for q in e.quotes)
    assert {r.id for r in window.timeline_model.all_records()} == set(after)
    window.undo_stack.redo()
    assert {e.id: e for e in window.project.events.list()} == after
    assert "Update: this story" in window.reader.toPlainText()


def test_the_date_table_is_checked_from_the_keyboard(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Enter takes the field to the next file's day, and on the last file imports."""
    from PySide6.QtCore import Qt

    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.services.batch_import import DateQuestion
    from desktop_app.gui.publication_dates import PublicationDatesDialog

    dialog = PublicationDatesDialog([DateQuestion(tmp_path / f"{i}.txt", ArticleDraft(
        "Talks", "Talks began.", published_guess=date(2020, 5, i + 1))) for i in range(3)],
        window)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.field.date_edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the first day as it is
    assert dialog.table.currentRow() == 1 and dialog.isVisible()
    field.selectAll()
    qtbot.keyClicks(field, "9 May 2020")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.table.currentRow() == 2 and dialog.isVisible()
    field.selectAll()
    qtbot.keyClicks(field, "soonish")  # no day: shown in the theme's colour for errors
    from desktop_app.gui.theme import colours_of

    assert dialog.table.item(2, dialog.DAY).foreground().color().name() == \
        colours_of(dialog.table).conflict
    field.selectAll()
    qtbot.keyClicks(field, "3 May 2020")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the last: Import
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.answers() == [date(2020, 5, 1), date(2020, 5, 9), date(2020, 5, 3)]


def test_the_changed_versions_dialog_replaces_only_what_stays_ticked(window, qtbot,  # noqa: ANN001
                                                                     tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.services.batch_import import ReplaceQuestion
    from desktop_app.gui.publication_dates import ReplacementsDialog

    old = window.project.articles.get(window.reader.article_id)
    dialog = ReplacementsDialog([ReplaceQuestion(tmp_path / f"{i}.html", ArticleDraft(
        "Talks", f"Talks began {i}."), old) for i in range(3)], window)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text().startswith(old.title)
    assert dialog.answers() == [True, True, True]  # all ticked at first
    dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.answers() == [True, False, True]


def test_csv_locale_date_style(qtbot) -> None:  # noqa: ANN001
    from datetime import date

    from PySide6.QtCore import QDate, QLocale

    from desktop_app.gui.dialogs import CsvOptionsDialog

    dialog = CsvOptionsDialog()
    qtbot.addWidget(dialog)
    dialog.date_style.setCurrentIndex(2)
    options, _ = dialog.choices()
    assert options.date_style == "locale"
    assert options.format_day(date(2021, 7, 5)) == QLocale().toString(
        QDate(2021, 7, 5), QLocale.FormatType.ShortFormat)


def test_the_date_question_reads_typed_dates_and_confirms_odd_years(qtbot) -> None:  # noqa: ANN001
    """One date field everywhere: typed forms are understood, a year like 6202 needs a second
    OK, and the other candidates fill the field with one click."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from desktop_app.gui.publication_dates import PublicationDateDialog

    dialog = PublicationDateDialog("story.html", date(2024, 8, 5), candidates=(
        (date(2024, 8, 5), "the best candidate"), (date(2024, 8, 6), "a dateline in the text")))
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.date_edit
    assert field.text() == "2024-08-05" and dialog.reading.text() == "= Mon 5 Aug 2024"
    for typed, shown in (("2024-08-06", "= Tue 6 Aug 2024"), ("6 Aug 2024", "= Tue 6 Aug 2024")):
        field.selectAll()
        qtbot.keyClicks(field, typed)
        assert dialog.reading.text() == shown, typed
    field.selectAll()
    qtbot.keyClicks(field, "August 2024")
    assert "not one day" in dialog.reading.text()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    field.selectAll()
    qtbot.keyClicks(field, "6202-08-06")
    ok.click()
    assert dialog.isVisible() and "6202 looks mistyped" in dialog.reading.text()
    ok.click()  # the second OK keeps it
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.value() == date(6202, 8, 6)
    other = next(b for b in dialog.findChildren(QPushButton) if "dateline" in b.text())
    other.click()
    assert field.text() == "2024-08-06"
    field.selectAll()
    qtbot.keyClicks(field, "last Friday")
    assert dialog.reading.text().startswith("= Fri ")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter is OK
    assert dialog.value().weekday() == 4
