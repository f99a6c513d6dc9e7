"""Date assistance in the main window: underlines and coverage of dated passages, F8 to the
next unused one, suggested events, and cycling an event's date readings. A MainWindow mixin."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from desktop_app.core.errors import TimelineError
from desktop_app.core.records import EventEdit, EventRecord
from desktop_app.gui.commands import CreateEventsCommand

if TYPE_CHECKING:  # imported when first needed: not on the way to the first paint
    from desktop_app.core.passages import ArticleAnalysis, EventSuggestion

SYNC_LIMIT = 100_000  # characters analysed at once; longer articles on a worker thread


class DateAssistMixin:
    """Needs from the window: project, reader, coverage, inspector, background, undo_stack,
    statusBar, show_error, request_edit, current_event."""

    _analysis: ArticleAnalysis | None = None

    # -- analysis of the open article ------------------------------------------------------
    def analyse_current_article(self, published: date | None) -> None:
        """Underline the open article's dates (resolved against ``published``) and list its
        dated passages."""
        from desktop_app.core.passages import analyse_article

        article_id, text = self.reader.article_id, self.reader.text()
        self._analysis = None
        if article_id is None:
            self.coverage.set_analysis(None, "")
            return
        quotes = self.reader.quote_ranges()
        if len(text) <= SYNC_LIMIT:
            self._apply_analysis(analyse_article(article_id, text, published, quotes))
            return
        self.coverage.set_analysis(None, text)
        self.background.run(lambda: analyse_article(article_id, text, published, quotes),
                            self._apply_analysis)

    def _apply_analysis(self, analysis: ArticleAnalysis) -> None:
        if analysis.article_id != self.reader.article_id:
            return  # the user moved on to another article meanwhile
        self._analysis = analysis.with_quotes(self.reader.quote_ranges())
        self.reader.set_expressions(analysis.expressions)
        self.coverage.set_analysis(self._analysis, self.reader.text())

    def refresh_coverage(self) -> None:
        """Quotes changed: recount which dated passages are used (no engine run)."""
        if self._analysis is not None and self._analysis.article_id == self.reader.article_id:
            self._analysis = self._analysis.with_quotes(self.reader.quote_ranges())
            self.coverage.set_analysis(self._analysis, self.reader.text())

    # -- F8 / Shift+F8 -------------------------------------------------------------------------
    def select_unused_passage(self, step: int) -> bool:
        """Select the sentence of the next (step=1) or previous (-1) unused dated passage."""
        if self._analysis is None:
            return False
        spans = [(s.start, s.end) for s in self._analysis.sentences if not s.used]
        if not spans:
            self.statusBar().showMessage(self.tr("Every dated passage is on the timeline"), 5000)
            return False
        selection = self.reader.selection_range()
        here = selection or (self.reader.textCursor().position(),) * 2
        if step > 0:
            after = [s for s in spans if s[0] > here[0] or (s[0] == here[0] and s[1] > here[1])
                     and selection != s]
            target = after[0] if after else spans[0]
        else:
            before = [s for s in spans if s[0] < here[0]]
            target = before[-1] if before else spans[-1]
        self.reader.select_range(*target)
        self.reader.centerCursor()
        self.reader.setFocus()
        return True

    # -- suggestions ---------------------------------------------------------------------------
    def _on_suggest_events(self) -> None:
        article_id = self.reader.article_id
        if article_id is None:
            return
        suggestions = self.project.analysis.suggestions(article_id)
        if not suggestions:
            self.statusBar().showMessage(
                self.tr("No suggestions: every dated sentence is on the timeline"), 6000)
            return
        accepted = self.choose_suggestions(suggestions)
        if accepted:
            self.create_suggested(article_id, accepted)

    def choose_suggestions(self, suggestions: list[EventSuggestion]) -> list[EventSuggestion]:
        """Let the user accept suggestions (tests replace this)."""
        from desktop_app.gui.suggest_dialog import SuggestDialog

        dialog = SuggestDialog(suggestions, self)
        return dialog.accepted_suggestions() if dialog.exec() == QDialog.DialogCode.Accepted \
            else []

    def create_suggested(self, article_id: int, accepted: list[EventSuggestion]) -> None:
        """Create the accepted events in one undoable step."""
        try:
            records = self.project.events.create_many(article_id,
                                                      [(s.start, s.end) for s in accepted])
        except TimelineError as exc:
            self.show_error(self.tr("Cannot create events"), str(exc))
            return
        self.undo_stack.push(CreateEventsCommand(self.project.events, self.project.changes,
                                                 records))
        self.statusBar().showMessage(self.tr("Created %n event(s)", "", len(records)), 5000)

    # -- date readings -------------------------------------------------------------------------
    def show_readings(self, record: EventRecord) -> None:
        """Tell the inspector the other readings of the event's date expression."""
        readings = self.project.events.date_readings(record.id) if record.quotes else []
        self.inspector.show_readings(readings, _reading_index(readings, record))

    def cycle_reading(self, step: int) -> None:
        """Replace the selected event's date with the next/previous reading (Alt+Down/Up)."""
        record = self.current_event()
        if record is None:
            return
        readings = self.project.events.date_readings(record.id)
        if len(readings) < 2:
            self.statusBar().showMessage(self.tr("This date has no other reading"), 4000)
            return
        target = readings[(_reading_index(readings, record) + step) % len(readings)]
        self.apply_date_edit(record.id, EventEdit(date=target), "date reading")


def _reading_index(readings: list, record: EventRecord) -> int:
    d = record.date
    for i, r in enumerate(readings):
        if (r.start, r.precision, r.end) == (d.start, d.precision, d.end):
            return i
    return -1
