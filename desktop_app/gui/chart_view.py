"""The chart beside the table: building it, keeping it in step with the timeline and the
selection, and exporting it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.core.errors import TimelineError
from desktop_app.core.eventdates import format_event_date
from desktop_app.core.records import EventRecord, LaneMode
from desktop_app.gui.event_editing import EventEditing
from desktop_app.gui.selection import Selection
from desktop_app.gui.workspace import Component, Workspace

if TYPE_CHECKING:  # built after the first paint: not imported on the way to it
    from desktop_app.core.records import TimelineRow
    from desktop_app.gui.chart.widget import TimelineChart


class ChartView(Component):
    """The chart tab: its widget (built on first use), its menu, focus mode and export."""

    def __init__(self, ws: Workspace, selection: Selection, editing: EventEditing) -> None:
        super().__init__(ws)
        self._selection = selection
        self._editing = editing
        self._chart: TimelineChart | None = None
        self._stale = False  # the timeline changed while the chart was hidden
        self._unfocused: list[QWidget] = []
        a = ws.actions
        a.show_table.triggered.connect(lambda: self._v.timeline_tabs.setCurrentIndex(0))
        a.show_chart.triggered.connect(self.show_chart)
        a.focus_chart.toggled.connect(self.set_chart_focus)
        a.zoom_in.triggered.connect(lambda: self.ensure_chart().zoom(1.25))
        a.zoom_out.triggered.connect(lambda: self.ensure_chart().zoom(0.8))
        a.fit_all.triggered.connect(lambda: self.ensure_chart().fit_all())
        a.fit_selection.triggered.connect(lambda: self.ensure_chart().fit_selection())
        a.colour_by_tag.toggled.connect(self.show_tag_colours)
        a.show_published.toggled.connect(
            lambda on: self._chart is not None and self._chart.set_show_published(on))
        for mode, action in a.lane_modes.items():
            action.triggered.connect(
                lambda _c=False, m=mode: self.ensure_chart().set_lane_mode(m))
        a.export_chart.triggered.connect(self._on_export_chart)
        self._v.timeline_table.selectionModel().selectionChanged.connect(
            lambda *_a: self.sync_selection())
        selection.articlesChanged.connect(self.articles_changed)
        self._v.timeline_tabs.currentChanged.connect(lambda _i: self._catch_up())
        self._restore_view_choices()

    @property
    def chart(self) -> TimelineChart | None:
        """The chart widget (None until built), up to date with the timeline."""
        self._catch_up()
        return self._chart

    def _catch_up(self) -> None:
        """Redraw the chart from the table's rows if the timeline changed while it was
        hidden: a hidden chart does not follow a change of thousands of events."""
        if self._stale and self._chart is not None:
            self._stale = False
            self._set_rows(self._v.timeline_model.all_rows())
            self.follow_filter()
            self.sync_selection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._chart and event.type() == QEvent.Type.Show:
            self._catch_up()
        return False

    def ensure_chart(self) -> TimelineChart:
        """Build the chart widget (once)."""
        if self._chart is not None:
            self._catch_up()
            return self._chart
        from desktop_app.gui.chart.widget import TimelineChart

        chart = TimelineChart()
        layout = self._v.chart_slot.layout()
        assert layout is not None  # the window gives the slot a layout
        layout.addWidget(chart)
        chart.show()  # now, not at the next event loop turn: load_project paints it
        chart.describe = self._describe_event
        chart.eventClicked.connect(self._on_chart_clicked)
        chart.editRequested.connect(self._on_chart_edit)
        chart.deleteRequested.connect(self._editing.delete_current)
        chart.set_show_published(self._ws.actions.show_published.isChecked())
        chart.set_lane_mode(self._lane_mode())
        chart.contextMenuRequested.connect(self._chart_menu)
        chart.stepRequested.connect(self._step_in_chart)
        self._chart = chart
        chart.installEventFilter(self)  # shown again: catch up with what changed meanwhile
        self.show_tag_colours(self._ws.actions.colour_by_tag.isChecked())
        return chart

    def _restore_view_choices(self) -> None:
        """Show the timeline as last time: the tab, the lanes, the colours, the markers."""
        v = self._ws.settings.view_choices()
        a = self._ws.actions
        if v["lanes"] in set(LaneMode):
            a.lane_modes[LaneMode(v["lanes"])].setChecked(True)
        a.colour_by_tag.setChecked(v["colourByTag"] == "true")
        a.show_published.setChecked(v["showPublished"] != "false")
        if v["tab"] == "chart":
            self._v.timeline_tabs.setCurrentWidget(self._v.chart_slot)

    def view_choices(self) -> dict[str, str]:
        """The tab, the lanes, the colours and the markers, to show them so next time."""
        a = self._ws.actions
        return {"tab": "chart" if self._v.timeline_tabs.currentWidget() is self._v.chart_slot
                else "table",
                "lanes": self._lane_mode(),
                "colourByTag": str(a.colour_by_tag.isChecked()).lower(),
                "showPublished": str(a.show_published.isChecked()).lower()}

    def _lane_mode(self) -> LaneMode:
        """The lane mode ticked in the View menu."""
        return next((m for m, x in self._ws.actions.lane_modes.items() if x.isChecked()),
                    LaneMode.ARTICLE)

    def _chart_menu(self, event_id: int | None, global_pos: QPoint) -> None:
        """Right-click in the chart: what can be done with the event there, or the view."""
        from PySide6.QtWidgets import QMenu

        a = self._ws.actions
        menu = QMenu(self._ws.host)
        if event_id is not None:
            if event_id not in self._selection.selected_event_ids():
                self._selection.select_event(event_id)
            edit = menu.addAction(self.tr("&Edit Title"))
            edit.triggered.connect(lambda: self._on_chart_edit(event_id))
            menu.addActions([a.delete_event, a.merge_events, a.tag_events, a.fit_selection])
            menu.addSeparator()
        menu.addActions([a.zoom_in, a.zoom_out, a.fit_all])
        menu.addSeparator()
        menu.addActions([*a.lane_modes.values(), a.colour_by_tag, a.show_published])
        menu.addSeparator()
        menu.addAction(a.export_chart)
        self._ws.dialogs.popup(menu, global_pos)

    def set_chart_focus(self, on: bool) -> None:
        """Give the whole window to the chart (articles, reader and inspector hidden), or
        put everything back as it was."""
        from PySide6.QtWidgets import QScrollArea, QSplitter

        host = self._ws.host
        others: list[QWidget | None] = [host.findChild(QSplitter, "leftSplitter"),
                                        host.findChild(QWidget, "readingPane"),
                                        host.findChild(QScrollArea, "inspectorScroll")]
        if on:
            self._unfocused = [w for w in others if w is not None and w.isVisible()]
            for w in self._unfocused:
                w.hide()
            self.show_chart()
        else:
            for w in self._unfocused:
                w.show()
            self._unfocused = []
        # Fit once the chart has its new width (the layout settles after this event).
        QTimer.singleShot(0, self._fit_all)
        if self._ws.actions.focus_chart.isChecked() != on:
            self._ws.actions.focus_chart.setChecked(on)

    def _fit_all(self) -> None:
        if self._chart is not None:
            self._chart.fit_all()

    def show_chart(self) -> None:
        """Bring the chart tab to the front."""
        self._v.timeline_tabs.setCurrentWidget(self._v.chart_slot)
        self.ensure_chart().setFocus()

    def refresh(self, rows: list[TimelineRow]) -> None:
        """Rebuild the chart from timeline rows just read, before the table takes them (a
        project opening: its picture first). The caller then filters and selects. A hidden
        chart is redrawn when it is next shown or asked for."""
        if self._chart is None:
            return  # built with the live project; a snapshot shows the table only
        if not self._chart.isVisible():
            self._stale = True
            return
        self._stale = False
        self._set_rows(rows)

    def _set_rows(self, rows: list[TimelineRow]) -> None:
        from desktop_app.core.chart.items import entries_of_rows

        assert self._chart is not None
        self._chart.set_entries(entries_of_rows(rows), *self._article_facts())

    def repaint_now(self) -> None:
        """Paint the chart at once, if shown (before the table reads its rows)."""
        if self._chart is not None and self._chart.isVisible():
            self._chart.repaint()

    def follow_filter(self) -> None:
        """The chart shows what the table shows."""
        if self._chart is None or self._stale:
            return
        model = self._v.timeline_model
        if model.is_filtered() or self._chart.data.filtered:  # else nothing to redo
            self._chart.set_visible(model.ids() if model.is_filtered() else None)

    def event_changed(self, record: EventRecord) -> None:
        """One event added or edited: move it on the chart."""
        if self._chart is None or self._stale:
            return
        from desktop_app.core.chart.items import entry_of_row
        from desktop_app.core.timeline_rows import timeline_row

        self._chart.upsert(entry_of_row(timeline_row(record)), self._v.timeline_model.keeps(record))

    def event_removed(self, event_id: int) -> None:
        """One event deleted: it leaves the chart."""
        if self._chart is not None and not self._stale:
            self._chart.remove(event_id)

    def articles_changed(self) -> None:
        """Article titles or publication dates changed."""
        if self._chart is None:
            return
        label, published = self._article_facts()
        self._chart.set_published(published, label)

    def _article_facts(self) -> tuple[Callable[[int], str], dict[int, float]]:
        """Lane labels (article titles) and publication markers (day numbers) for the chart."""
        from desktop_app.core.chart.items import article_facts

        return article_facts(self._v.article_model.summaries())

    def _describe_event(self, event_id: int) -> str:
        """The chart's hover text: date, title, a conflict warning and the quote."""
        model = self._v.timeline_model
        row = model.row_of(event_id)
        if row < 0:
            return ""
        r = model.record(row)
        quote = r.quotes[0].exact if r.quotes else ""
        if len(quote) > 240:
            quote = quote[:239] + "…"
        entry = self._chart.data.entry(event_id) if self._chart is not None else None
        flag = "\n⚠ Sources disagree on the date" if entry and entry.item.conflict else ""
        return (f"{format_event_date(r.date)}\n{r.title}{flag}"
                + (f"\n\n“{quote}”" if quote else ""))

    def sync_selection(self) -> None:
        """The chart marks the events selected in the table."""
        if self._chart is None or self._stale:
            return
        v = self._v
        self._chart.set_selection(self._selection.selected_event_ids())
        current = v.timeline_table.currentIndex()
        if current.isValid() and v.timeline_tabs.currentWidget() is not v.chart_slot:
            self._chart.ensure_visible(v.timeline_model.id_at(current.row()))

    def _on_chart_clicked(self, event_id: int, extend: bool) -> None:
        model = self._v.timeline_model
        row = model.row_of(event_id)
        if row < 0:
            return
        if not extend:
            self._selection.select_event(event_id)
            return
        flags = (QItemSelectionModel.SelectionFlag.Toggle
                 | QItemSelectionModel.SelectionFlag.Rows)
        self._v.timeline_table.selectionModel().setCurrentIndex(model.index(row, 0), flags)

    def _step_in_chart(self, step: int) -> None:
        """Ctrl+Right / Ctrl+Left in the chart: the next / previous event, brought into view."""
        model = self._v.timeline_model
        rows = model.rowCount()
        if not rows:
            return
        current = self._v.timeline_table.currentIndex()
        row = 0 if not current.isValid() else min(max(current.row() + step, 0), rows - 1)
        event_id = model.id_at(row)
        self._selection.select_event(event_id)
        self.ensure_chart().ensure_visible(event_id)

    def _on_chart_edit(self, event_id: int) -> None:
        self._selection.select_event(event_id)
        self._v.inspector.title_edit.setFocus()
        self._v.inspector.title_edit.selectAll()

    def show_tag_colours(self, on: bool) -> None:
        """Colour events by their first tag (or not); tag colours changed."""
        if self._chart is not None:  # else the chart reads the action when it is built
            project = self._ws.current_project
            self._chart.set_colour_by_tag(on, project.tags.colours() if project else {})

    # -- export ---------------------------------------------------------------------------
    def _on_export_chart(self) -> None:
        choice = self._ws.dialogs.chart_export(self._ws.settings.last_directory(),
                                               self.ensure_chart().width(),
                                               self._ws.project.name)
        if choice is not None:
            self.export_chart(choice.path, choice.width, choice.visible_only, choice.title)

    def export_chart(self, path: Path, width: int, visible_only: bool,
                     title: str = "") -> bool:
        """Write the chart (the visible range, or every event) as PNG, SVG or PDF, with a
        title (the project's name unless given), the dates, a legend and a source note."""
        from desktop_app.gui.chart.export import export_chart, export_view
        from desktop_app.gui.chart.sheet import make_sheet

        ws, project = self._ws, self._ws.project
        chart = self.ensure_chart()
        view = export_view(chart.view if visible_only else None, chart.lanes,
                           chart.plot_width, width, chart.painter.LANE_LABEL_WIDTH)
        outlets = {a.id: a.outlet or a.title for a in self._v.article_model.summaries()}
        drawn = {item.event_id for ln in chart.lanes for item in ln.items}
        quoted = {r.article_id for r in self._v.timeline_model.all_rows() if r.id in drawn}
        sheet = make_sheet(title or project.name, chart.lanes, view,
                           width - chart.painter.LANE_LABEL_WIDTH, chart.state,
                           (outlets[i] for i in quoted if i in outlets))
        try:
            export_chart(path, chart.lanes, view, chart.state, width, chart.font(),
                         protected=[project.path] if project.path else [],
                         sheet=sheet)
        except TimelineError as exc:
            ws.dialogs.show_error(self.tr("Cannot export the chart"), str(exc))
            return False
        ws.settings.set_last_directory(path.parent)
        ws.say(self.tr("Chart saved to %s") % path, 8000)
        return True
