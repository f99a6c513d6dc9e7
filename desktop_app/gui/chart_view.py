"""The chart beside the table: building it, keeping it in step with the timeline and the
selection, and exporting it. A MainWindow mixin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.errors import TimelineError
from desktop_app.core.eventdates import format_event_date
from desktop_app.core.records import LaneMode

if TYPE_CHECKING:  # built after the first paint: not imported on the way to it
    from desktop_app.gui.chart.widget import TimelineChart


class ChartViewMixin:
    """Needs from the window: actions, timeline_model, timeline_table, article_model,
    project, select_event, request_edit, show_error, statusBar, _on_delete_event."""

    chart: TimelineChart | None = None

    def _build_timeline_tabs(self, table: QWidget) -> QTabWidget:
        """Table and chart as tabs over the same rows. The chart itself is built when the
        project is loaded, after the window's first paint (see _ensure_chart)."""
        self.timeline_tabs = QTabWidget(objectName="timelineTabs")
        self.timeline_tabs.addTab(table, self.tr("Table"))
        self._chart_slot = QWidget(objectName="chartSlot")
        QVBoxLayout(self._chart_slot).setContentsMargins(0, 0, 0, 0)
        self.timeline_tabs.addTab(self._chart_slot, self.tr("Chart"))
        return self.timeline_tabs

    def _connect_chart(self) -> None:
        a = self.actions
        a.show_table.triggered.connect(lambda: self.timeline_tabs.setCurrentIndex(0))
        a.show_chart.triggered.connect(self.show_chart)
        a.focus_chart.toggled.connect(self.set_chart_focus)
        a.zoom_in.triggered.connect(lambda: self._ensure_chart().zoom(1.25))
        a.zoom_out.triggered.connect(lambda: self._ensure_chart().zoom(0.8))
        a.fit_all.triggered.connect(lambda: self._ensure_chart().fit_all())
        a.fit_selection.triggered.connect(lambda: self._ensure_chart().fit_selection())
        a.colour_by_tag.toggled.connect(self._on_colour_by_tag)
        a.show_published.toggled.connect(
            lambda on: self.chart is not None and self.chart.set_show_published(on))
        for mode, action in a.lane_modes.items():
            action.triggered.connect(
                lambda _c=False, m=mode: self._ensure_chart().set_lane_mode(m))
        a.export_chart.triggered.connect(self._on_export_chart)
        self.timeline_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._sync_chart_selection())

    def _ensure_chart(self) -> TimelineChart:
        """Build the chart widget (once)."""
        if self.chart is None:
            from desktop_app.gui.chart.widget import TimelineChart

            chart = TimelineChart()
            self._chart_slot.layout().addWidget(chart)
            chart.show()  # now, not at the next event loop turn: load_project paints it
            chart.describe = self._describe_event
            chart.eventClicked.connect(self._on_chart_clicked)
            chart.editRequested.connect(self._on_chart_edit)
            chart.deleteRequested.connect(self._on_delete_event)
            chart.set_show_published(self.actions.show_published.isChecked())
            chart.set_lane_mode(self._lane_mode())
            chart.contextMenuRequested.connect(self._chart_menu)
            chart.stepRequested.connect(self._step_in_chart)
            self.chart = chart
            self._on_colour_by_tag(self.actions.colour_by_tag.isChecked())
        return self.chart

    def _restore_view_choices(self) -> None:
        """Show the timeline as last time: the tab, the lanes, the colours, the markers."""
        v = self._settings.view_choices()
        a = self.actions
        if v["lanes"] in set(LaneMode):
            a.lane_modes[LaneMode(v["lanes"])].setChecked(True)
        a.colour_by_tag.setChecked(v["colourByTag"] == "true")
        a.show_published.setChecked(v["showPublished"] != "false")
        if v["tab"] == "chart":
            self.timeline_tabs.setCurrentWidget(self._chart_slot)

    def _view_choices(self) -> dict[str, str]:
        a = self.actions
        return {"tab": "chart" if self.timeline_tabs.currentWidget() is self._chart_slot
                else "table",
                "lanes": self._lane_mode(),
                "colourByTag": str(a.colour_by_tag.isChecked()).lower(),
                "showPublished": str(a.show_published.isChecked()).lower()}

    def _lane_mode(self) -> LaneMode:
        """The lane mode ticked in the View menu."""
        return next((m for m, x in self.actions.lane_modes.items() if x.isChecked()),
                    LaneMode.ARTICLE)

    def _chart_menu(self, event_id: int | None, global_pos) -> None:  # noqa: ANN001 (QPoint)
        """Right-click in the chart: what can be done with the event there, or the view."""
        from PySide6.QtWidgets import QMenu

        a = self.actions
        menu = QMenu(self)
        if event_id is not None:
            if event_id not in self.selected_event_ids():
                self.select_event(event_id)
            edit = menu.addAction(self.tr("&Edit Title"))
            edit.triggered.connect(lambda: self._on_chart_edit(event_id))
            menu.addActions([a.delete_event, a.merge_events, a.tag_events, a.fit_selection])
            menu.addSeparator()
        menu.addActions([a.zoom_in, a.zoom_out, a.fit_all])
        menu.addSeparator()
        menu.addActions([*a.lane_modes.values(), a.colour_by_tag, a.show_published])
        menu.addSeparator()
        menu.addAction(a.export_chart)
        self.popup(menu, global_pos)

    def popup(self, menu, global_pos) -> None:  # noqa: ANN001 (QMenu, QPoint)
        """Show a context menu and wait for the choice (tests replace this)."""
        menu.exec(global_pos)

    def set_chart_focus(self, on: bool) -> None:
        """Give the whole window to the chart (articles, reader and inspector hidden), or
        put everything back as it was."""
        from PySide6.QtWidgets import QScrollArea, QSplitter

        others = [self.findChild(QSplitter, "leftSplitter"), self.reader,
                  self.findChild(QScrollArea, "inspectorScroll")]
        if on:
            self._unfocused = [w for w in others if w is not None and w.isVisible()]
            for w in self._unfocused:
                w.hide()
            self.show_chart()
        else:
            for w in getattr(self, "_unfocused", []):
                w.show()
            self._unfocused = []
        # Fit once the chart has its new width (the layout settles after this event).
        QTimer.singleShot(0, lambda: self.chart is not None and self.chart.fit_all())
        if self.actions.focus_chart.isChecked() != on:
            self.actions.focus_chart.setChecked(on)

    def show_chart(self) -> None:
        """Bring the chart tab to the front."""
        self.timeline_tabs.setCurrentWidget(self._chart_slot)
        self._ensure_chart().setFocus()

    def refresh_chart(self, rows: list) -> None:
        """Rebuild the chart from timeline rows just read, before the table takes them (a
        project opening: its picture first). The caller then filters and selects."""
        if self.chart is None:
            return  # built with the live project; a snapshot shows the table only
        from desktop_app.core.chart.items import entries_of_rows

        self.chart.set_entries(entries_of_rows(rows), *self._article_facts())

    def _filter_chart(self) -> None:
        """The chart shows what the table shows."""
        if self.chart is None:
            return
        filtered = self.active_filter() is not None
        self.chart.set_visible(self.timeline_model.ids() if filtered else None)

    def chart_event_changed(self, record) -> None:  # noqa: ANN001 (EventRecord)
        """One event added or edited: move it on the chart."""
        if self.chart is None:
            return
        from desktop_app.core.chart.items import entry_of_row
        from desktop_app.core.timeline_rows import timeline_row

        self.chart.upsert(entry_of_row(timeline_row(record)), self.timeline_model.keeps(record))

    def chart_articles_changed(self) -> None:
        """Article titles or publication dates changed."""
        if self.chart is None:
            return
        label, published = self._article_facts()
        self.chart.set_published(published, label)

    def _article_facts(self) -> tuple[Callable[[int], str], dict[int, float]]:
        """Lane labels (article titles) and publication markers (day numbers) for the chart."""
        from desktop_app.core.chart.items import article_facts

        return article_facts(self.article_model.summaries())

    def _describe_event(self, event_id: int) -> str:
        """The chart's hover text: date, title, a conflict warning and the quote."""
        row = self.timeline_model.row_of(event_id)
        if row < 0:
            return ""
        r = self.timeline_model.record(row)
        quote = r.quotes[0].exact if r.quotes else ""
        if len(quote) > 240:
            quote = quote[:239] + "…"
        entry = self.chart.data.entry(event_id) if self.chart is not None else None
        flag = "\n⚠ Sources disagree on the date" if entry and entry.item.conflict else ""
        return (f"{format_event_date(r.date)}\n{r.title}{flag}"
                + (f"\n\n“{quote}”" if quote else ""))

    def selected_event_ids(self) -> list[int]:
        """Events selected in the table (the one selection shared by every view)."""
        rows = sorted({i.row() for i in self.timeline_table.selectionModel().selectedRows()})
        return [self.timeline_model.id_at(r) for r in rows]

    def _sync_chart_selection(self) -> None:
        if self.chart is None:
            return
        self.chart.set_selection(self.selected_event_ids())
        current = self.timeline_table.currentIndex()
        if current.isValid() and self.timeline_tabs.currentWidget() is not self._chart_slot:
            self.chart.ensure_visible(self.timeline_model.id_at(current.row()))

    def _on_chart_clicked(self, event_id: int, extend: bool) -> None:
        row = self.timeline_model.row_of(event_id)
        if row < 0:
            return
        if not extend:
            self.select_event(event_id)
            return
        flags = (QItemSelectionModel.SelectionFlag.Toggle
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.timeline_table.selectionModel().setCurrentIndex(self.timeline_model.index(row, 0),
                                                             flags)

    def _step_in_chart(self, step: int) -> None:
        """Ctrl+Right / Ctrl+Left in the chart: the next / previous event, brought into view."""
        rows = self.timeline_model.rowCount()
        if not rows:
            return
        current = self.timeline_table.currentIndex()
        row = 0 if not current.isValid() else min(max(current.row() + step, 0), rows - 1)
        event_id = self.timeline_model.id_at(row)
        self.select_event(event_id)
        self.chart.ensure_visible(event_id)

    def _on_chart_edit(self, event_id: int) -> None:
        self.select_event(event_id)
        self.inspector.title_edit.setFocus()
        self.inspector.title_edit.selectAll()

    def _on_colour_by_tag(self, on: bool) -> None:
        if self.chart is not None:  # else the chart reads the action when it is built
            colours = self.project.tags.colours() if self.project is not None else {}
            self.chart.set_colour_by_tag(on, colours)

    # -- export ---------------------------------------------------------------------------
    def _on_export_chart(self) -> None:
        from desktop_app.gui.analysis_dialogs import ChartExportDialog

        dialog = ChartExportDialog(self._settings.last_directory(), self._ensure_chart().width(),
                                   self, title=self.project.name)
        if dialog.exec():
            path, width, visible_only = dialog.choice()
            self.export_chart(path, width, visible_only, dialog.title())

    def export_chart(self, path: Path, width: int, visible_only: bool,
                     title: str = "") -> bool:
        """Write the chart (the visible range, or every event) as PNG, SVG or PDF, with a
        title (the project's name unless given), the dates, a legend and a source note."""
        from desktop_app.gui.chart.export import export_chart, export_view
        from desktop_app.gui.chart.sheet import make_sheet

        chart = self._ensure_chart()
        view = export_view(chart.view if visible_only else None, chart.lanes,
                           chart.plot_width, width, chart.painter.LANE_LABEL_WIDTH)
        outlets = {a.id: a.outlet or a.title for a in self.article_model.summaries()}
        drawn = {item.event_id for ln in chart.lanes for item in ln.items}
        quoted = {r.article_id for r in self.timeline_model.all_rows() if r.id in drawn}
        sheet = make_sheet(title or self.project.name, chart.lanes, view,
                           width - chart.painter.LANE_LABEL_WIDTH, chart.state,
                           (outlets[i] for i in quoted if i in outlets))
        try:
            export_chart(path, chart.lanes, view, chart.state, width, chart.font(),
                         protected=[self.project.path] if self.project.path else [],
                         sheet=sheet)
        except TimelineError as exc:
            self.show_error(self.tr("Cannot export the chart"), str(exc))
            return False
        self._settings.set_last_directory(path.parent)
        self.statusBar().showMessage(self.tr("Chart saved to %s") % path, 8000)
        return True
