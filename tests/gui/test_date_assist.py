"""Date assistance through the real window: coverage, F8, suggestions, date readings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop_app.core.edits import ArticleDraft
from desktop_app.gui.suggest_dialog import SuggestDialog
from tests.conftest import SAMPLE_PUBLISHED


def test_coverage_panel_counts_dated_passages(window) -> None:  # noqa: ANN001
    assert window.coverage.summary.text().startswith(
        "4 of 5 dated passages are on the timeline")
    items = window.coverage.labels()
    assert items[0].startswith("✓ Mon 5 Jul 2021 — On Monday")
    assert items[-1].startswith("○ Fri 9 Jul 2021")


def test_enter_on_a_dated_passage_selects_its_sentence(window, qtbot) -> None:  # noqa: ANN001
    view = window.coverage.list
    last = window.coverage.model.rowCount() - 1
    view.setCurrentIndex(window.coverage.model.index(last))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    start, end = window.reader.selection_range()
    assert window.reader.text()[start:end].startswith("The event appears on the timeline")
    assert window.coverage.labels()[last].startswith("○ Fri 9 Jul 2021")


def test_f8_then_ctrl_e_builds_the_timeline_from_the_keyboard(make_window, qtbot,  # noqa: ANN001
                                                              sample_text) -> None:
    window = make_window(demo=False)
    article = window.project.articles.add(ArticleDraft(title="Reference", text=sample_text,
                                                       published=SAMPLE_PUBLISHED))
    window.selection.refresh_articles()
    window.selection.select_article(article.id)
    total = len(window.dates.analysis.passages)
    assert total >= 6 and window.dates.analysis.used_count == 0
    window.reader.setFocus()
    created = 0
    for _ in range(3):
        qtbot.keyClick(window.reader, Qt.Key.Key_F8)
        start, end = window.reader.selection_range()
        assert window.reader.text()[start:end].strip()  # a whole sentence is selected
        qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        created += 1
        assert window.timeline_model.rowCount() == created
    assert window.dates.analysis.used_count >= 3
    used = window.dates.analysis.used_count
    assert window.coverage.summary.text().startswith(f"{used} of {total}")
    # The photo caption's date comes first in the text: the first F8 event is 6 July 2021.
    first = min(window.project.events.list(), key=lambda e: e.quotes[0].start)
    assert first.date.start == date(2021, 7, 6)
    qtbot.keyClick(window.reader, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.selection_range() is not None


def test_suggestions_are_created_in_one_undoable_step(make_window, sample_text) -> None:  # noqa: ANN001
    window = make_window(demo=False)
    article = window.project.articles.add(ArticleDraft(title="Reference", text=sample_text,
                                                       published=SAMPLE_PUBLISHED))
    window.selection.refresh_articles()
    window.selection.select_article(article.id)
    offered = []

    def accept_all(suggestions):  # noqa: ANN001, ANN202
        offered.extend(suggestions)
        return suggestions

    window.dialogs.choose_suggestions = accept_all
    window.user_actions.suggest_events.trigger()
    dates = {s.date.start for s in offered}
    assert {date(2021, 7, d) for d in (5, 6, 7, 8)} <= dates
    assert window.timeline_model.rowCount() == len(offered)
    assert window.action_undo.text() == f"&Undo Create {len(offered)} suggested events"
    window.action_undo.trigger()
    assert window.timeline_model.rowCount() == 0 and window.project.events.count() == 0
    window.action_redo.trigger()
    assert window.project.events.count() == len(offered)
    window.user_actions.suggest_events.trigger()  # nothing left to suggest
    assert "No suggestions" in window.statusBar().currentMessage()


def test_suggest_uses_the_windows_analysis_of_the_article(window, monkeypatch) -> None:  # noqa: ANN001
    """The open article was analysed for its underlines: Suggest does not run the engine over
    it again on the window's thread, and offers what a fresh analysis would."""
    article = window.reader.article_id
    window.project.events.delete(window.project.events.list()[0].id)  # one sentence free
    fresh = window.project.analysis.suggestions(article)
    runs = []
    real = window.project.analysis._analyse
    monkeypatch.setattr(window.project.analysis, "_analyse",
                        lambda *args: runs.append(args) or real(*args))
    offered = []
    window.dialogs.choose_suggestions = lambda suggestions: offered.extend(suggestions) or []
    window.user_actions.suggest_events.trigger()
    assert runs == [] and offered == fresh and len(fresh) == 2


def test_accept_all_counts_once_however_many_rows(qtbot, monkeypatch) -> None:  # noqa: ANN001
    """Each count reads every row: counting once per row ticked froze the window for
    minutes on the 25,000 suggestions of a text dense with dates."""
    from desktop_app.core.passages import EventSuggestion
    from desktop_app.core.records import EventDate, Precision

    unsure = EventDate(date(2021, 7, 5), Precision.DAY, assumed=True)
    dialog = SuggestDialog([EventSuggestion(i * 10, i * 10 + 9, f"Event {i}", unsure)
                            for i in range(2_000)])
    qtbot.addWidget(dialog)
    assert dialog.accepted_suggestions() == []  # unsure dates start unticked
    counted = []
    real = dialog._update_button
    monkeypatch.setattr(dialog, "_update_button", lambda: counted.append(1) or real())
    dialog.accept_all.click()
    assert len(dialog.accepted_suggestions()) == 2_000 and counted == [1]
    assert dialog.create_button.text() == "&Create 2000 events"


def test_suggest_dialog_keyboard(qtbot, demo_project) -> None:  # noqa: ANN001
    article = demo_project.articles.list()[0]
    events = demo_project.events.list()
    demo_project.events.delete(events[0].id)
    demo_project.events.delete(events[1].id)
    suggestions = demo_project.analysis.suggestions(article.id)
    dialog = SuggestDialog(suggestions)
    qtbot.addWidget(dialog)
    dialog.show()
    n = dialog.list.count()
    assert n == len(suggestions) >= 3
    # Those dated by their own sentence start ticked (here, all of them).
    assert dialog.accepted_suggestions() == [s for s in suggestions if s.confident]
    assert all(s.confident for s in suggestions)
    dialog.list.item(n - 1).setCheckState(Qt.CheckState.Unchecked)  # the user unticks one
    suggestions = suggestions[:-1]
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # accept the first, move on
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)  # reject the second
    assert dialog.list.count() == n - 1
    accepted = dialog.accepted_suggestions()
    expected = [suggestions[0], *suggestions[2:]]
    assert accepted == expected
    assert dialog.create_button.isEnabled() and dialog.create_button.text() == (
        f"&Create {len(expected)} event" + ("s" if len(expected) != 1 else ""))


def test_alt_down_cycles_the_date_readings(window, qtbot) -> None:  # noqa: ANN001
    first = window.timeline_model.record(0)
    window.selection.select_event(first.id)
    assert "Mon 28 Jun 2021 · Mon 12 Jul 2021" in window.inspector.readings.text()
    window.timeline_table.setFocus()
    seen = []
    for _ in range(3):
        qtbot.keyClick(window.timeline_table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        seen.append(window.project.events.get(first.id).date.start)
    assert seen == [date(2021, 6, 28), date(2021, 7, 12), date(2021, 7, 5)]
    assert window.project.events.get(first.id).date_edited_by_user
    qtbot.keyClick(window.timeline_table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.project.events.get(first.id).date.start == date(2021, 7, 12)
    window.action_undo.trigger()
    assert window.project.events.get(first.id).date.start == date(2021, 7, 5)


def test_long_articles_are_analysed_in_the_background(make_window, qtbot) -> None:  # noqa: ANN001
    from desktop_app.gui import date_assist

    window = make_window(demo=False)
    text = "On Monday, the talks began. Nothing else happened for a while. " * 2000
    article = window.project.articles.add(ArticleDraft(title="Long", text=text,
                                                       published=date(2021, 7, 9)))
    assert len(text) > date_assist.SYNC_LIMIT
    window.selection.refresh_articles()
    window.selection.select_article(article.id)
    assert window.reader.toPlainText() == text  # shown at once, dates come later
    qtbot.waitUntil(lambda: window.dates.analysis is not None, timeout=20000)
    assert window.reader.expression_count() == 2000
    assert window.coverage.summary.text().startswith("0 of 2000")


def test_a_text_dense_with_dates_underlines_those_near_the_view(window, qtbot) -> None:  # noqa: ANN001
    """25,000 dates in a megabyte took seconds to underline and to paint whole: the dates
    within reach of the text shown carry their underlines, and scrolling brings the others'."""
    from desktop_app.core.temporal import find_expressions
    from desktop_app.gui.reader import UNDERLINE_REACH

    reader = window.reader
    text = "On Monday the talks began in Geneva. " * 20_000
    reader.show_article(None, text, [])
    found = find_expressions(text, date(2021, 7, 9))
    reader.set_expressions(found)
    assert reader.expression_count() == len(found) == 20_000
    first, last = found[0].start, found[-1].start
    underlined = [s.cursor.selectionStart() for s in reader.extraSelections()]
    assert first in underlined and max(underlined) < 3 * UNDERLINE_REACH < len(text) // 10
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: any(s.cursor.selectionStart() == last
                                for s in reader.extraSelections()))
    assert first not in [s.cursor.selectionStart() for s in reader.extraSelections()]
