"""Date assistance: underlines and coverage of dated passages, F8 to the next unused one,
suggested events, and cycling an event's date readings."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop_app.core.errors import TimelineError
from desktop_app.core.records import EventDate, EventRecord
from desktop_app.gui.commands import CreateEventsCommand
from desktop_app.gui.event_editing import EventEditing
from desktop_app.gui.selection import Selection
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:  # imported when first needed: not on the way to the first paint
    from desktop_app.core.passages import ArticleAnalysis, EventSuggestion

SYNC_LIMIT = 100_000  # characters analysed at once; longer articles on a worker thread


class DateAssist(Component):
    """Dated passages of the open article and what the user does with them."""

    def __init__(self, ws: Workspace, selection: Selection, editing: EventEditing) -> None:
        super().__init__(ws)
        self._selection = selection
        self._editing = editing
        self.analysis: ArticleAnalysis | None = None
        a = ws.actions
        a.suggest_events.triggered.connect(self.suggest_events)
        a.next_unused.triggered.connect(lambda: self.select_unused_passage(1))
        a.previous_unused.triggered.connect(lambda: self.select_unused_passage(-1))
        a.next_reading.triggered.connect(lambda: self.cycle_reading(1))
        a.previous_reading.triggered.connect(lambda: self.cycle_reading(-1))
        selection.articleShown.connect(self.analyse_current_article)
        selection.eventShown.connect(self.show_readings)

    # -- analysis of the open article ------------------------------------------------------
    def analyse_current_article(self, published: date | None) -> None:
        """Underline the open article's dates (resolved against ``published``) and list its
        dated passages."""
        from desktop_app.core.passages import analyse_article

        article_id, text = self._v.reader.article_id, self._v.reader.text()
        self.analysis = None
        if article_id is None:
            self._v.coverage.set_analysis(None, "")
            return
        quotes = self._v.reader.quote_ranges()
        if len(text) <= SYNC_LIMIT:
            self._apply_analysis(analyse_article(article_id, text, published, quotes))
            return
        self._v.coverage.set_analysis(None, text)
        self._ws.background.run(lambda: analyse_article(article_id, text, published, quotes),
                            self._apply_analysis)

    def _apply_analysis(self, analysis: ArticleAnalysis) -> None:
        if analysis.article_id != self._v.reader.article_id:
            return  # the user moved on to another article meanwhile
        self.analysis = analysis.with_quotes(self._v.reader.quote_ranges())
        self._v.reader.set_expressions(analysis.expressions)
        self._v.coverage.set_analysis(self.analysis, self._v.reader.text())

    def refresh_coverage(self) -> None:
        """Quotes changed: recount which dated passages are used (no engine run)."""
        if self.analysis is not None and self.analysis.article_id == self._v.reader.article_id:
            self.analysis = self.analysis.with_quotes(self._v.reader.quote_ranges())
            self._v.coverage.set_analysis(self.analysis, self._v.reader.text())

    # -- F8 / Shift+F8 -------------------------------------------------------------------------
    def select_unused_passage(self, step: int) -> bool:
        """Select the sentence of the next (step=1) or previous (-1) unused dated passage."""
        if self.analysis is None:
            return False
        spans = [(s.start, s.end) for s in self.analysis.sentences if not s.used]
        if not spans:
            self._ws.say(self.tr("Every dated passage is on the timeline"), 5000)
            return False
        selection = self._v.reader.selection_range()
        here = selection or (self._v.reader.textCursor().position(),) * 2
        if step > 0:
            after = [s for s in spans if s[0] > here[0] or (s[0] == here[0] and s[1] > here[1])
                     and selection != s]
            target = after[0] if after else spans[0]
        else:
            before = [s for s in spans if s[0] < here[0]]
            target = before[-1] if before else spans[-1]
        self._v.reader.select_range(*target)
        self._v.reader.centerCursor()
        self._v.reader.setFocus()
        return True

    # -- suggestions ---------------------------------------------------------------------------
    def suggest_events(self) -> None:
        """Suggest events for the open article's unused dated sentences; create those
        accepted."""
        article_id = self._v.reader.article_id
        if article_id is None:
            return
        suggestions = self._ws.project.analysis.suggestions(article_id, self.analysis)
        if not suggestions:
            self._ws.say(
                self.tr("No suggestions: every dated sentence is on the timeline"), 6000)
            return
        accepted = self._ws.dialogs.choose_suggestions(suggestions)
        if accepted:
            self.create_suggested(article_id, accepted)

    def create_suggested(self, article_id: int, accepted: list[EventSuggestion]) -> None:
        """Create the accepted events in one undoable step."""
        project = self._ws.project
        try:
            records = project.events.create_many(article_id,
                                                 [(s.start, s.end) for s in accepted],
                                                 [s.date for s in accepted])
        except TimelineError as exc:
            self._ws.dialogs.show_error(self.tr("Cannot create events"), str(exc))
            return
        self._ws.undo_stack.push(CreateEventsCommand(project.events, project.changes, records))
        self._ws.say(self.tr("Created %n event(s)", "", len(records)), 5000)

    # -- date readings -------------------------------------------------------------------------
    def show_readings(self, record: EventRecord) -> None:
        """Tell the inspector the other readings of the event's date expression."""
        readings = self._ws.project.events.date_readings(record)
        self._v.inspector.show_readings(readings, _reading_index(readings, record))

    def cycle_reading(self, step: int) -> None:
        """Replace the selected event's date with the next/previous reading (Alt+Down/Up)."""
        record = self._selection.current_event()
        if record is None:
            return
        readings = self._ws.project.events.date_readings(record)
        if len(readings) < 2:
            self._ws.say(self.tr("This date has no other reading"), 4000)
            return
        from desktop_app.core.edits import EventEdit

        target = readings[(_reading_index(readings, record) + step) % len(readings)]
        self._editing.apply_edit(record.id, EventEdit(date=target), "date reading")


def _reading_index(readings: list[EventDate], record: EventRecord) -> int:
    d = record.date
    for i, r in enumerate(readings):
        if (r.start, r.precision, r.end) == (d.start, d.precision, d.end):
            return i
    return -1
