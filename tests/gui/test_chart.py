"""The chart through the real window: zoom by wheel and keys, pan by dragging, one selection
with the table, delete, lanes, and PNG/SVG/PDF export checked at the image level."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core.chart.timescale import day_number


def chart_ready(window, qtbot):  # noqa: ANN001, ANN201
    window.user_actions.show_chart.trigger()
    chart = window.chart_view.chart
    qtbot.waitUntil(lambda: chart.isVisible() and len(chart.lanes) == 1)
    chart.fit_all()
    chart.repaint()
    return chart


def wheel(chart, pos: QPointF, dy: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    event = QWheelEvent(pos, chart.mapToGlobal(pos), QPoint(0, 0), QPoint(0, dy),
                        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(chart, event)


def test_the_chart_shows_the_four_demo_events_in_one_lane(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    assert chart.objectName() == "timelineChart"
    assert chart.lanes[0].label.startswith("Taliban envoys")
    ids = [window.timeline_model.record(r).id for r in range(4)]
    points = [chart.point_of(i) for i in ids]
    assert all(p is not None for p in points)
    xs = [p.x() for p in points]
    assert xs == sorted(xs) and xs[1] - xs[0] > 20  # one day apart, in date order
    assert chart.state.published == {f"article:{window.article_model.summary(0).id}":
                                      day_number(window.article_model.summary(0).published)
                                      + 0.5}


def test_ctrl_wheel_zooms_around_the_cursor_and_keys_zoom_and_pan(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    before = chart.view
    pos = QPointF(chart.painter.LANE_LABEL_WIDTH + 120, 100)
    day_under = before.day(120)
    wheel(chart, pos, 240, Qt.KeyboardModifier.ControlModifier)
    assert chart.view.days_per_px < before.days_per_px / 1.5
    assert abs(chart.view.day(120) - day_under) < 1e-6
    wheel(chart, pos, -240, Qt.KeyboardModifier.ControlModifier)
    assert abs(chart.view.days_per_px - before.days_per_px) < 1e-9
    chart.activateWindow()
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Plus)
    assert chart.view.days_per_px < before.days_per_px
    qtbot.keyClick(chart, Qt.Key.Key_Minus)
    start = chart.view.start
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.view.start > start
    window.user_actions.zoom_out.trigger()
    window.user_actions.fit_all.trigger()
    assert abs(chart.view.days_per_px - before.days_per_px) < 1e-9
    start = chart.view.start
    wheel(chart, pos, -120)  # the wheel alone moves in time while every lane fits
    assert chart.view.start > start and chart.view.days_per_px == before.days_per_px


def test_fit_selection_and_hover(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    second = window.timeline_model.record(1)
    window.selection.select_event(second.id)
    window.user_actions.fit_selection.trigger()
    day = chart.data.entry(second.id).item.start
    assert 0 < chart.view.x(day) < chart.plot_width
    assert chart.view.days_per_px < 7 / chart.plot_width * 1.5  # about a week across
    chart.repaint()
    point = chart.point_of(second.id)
    qtbot.mouseMove(chart, point.toPoint())
    assert chart.state.hovered == second.id
    text = chart.describe(second.id)
    assert text.startswith("Tue 6 Jul 2021\n" + second.title)
    assert second.quotes[0].exact[:60] in text


def test_dragging_pans(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    start = chart.view.start
    a = QPoint(int(chart.painter.LANE_LABEL_WIDTH) + 200, 250)
    qtbot.mousePress(chart, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(chart, a - QPoint(40, 0))
    qtbot.mouseMove(chart, a - QPoint(100, 0))
    qtbot.mouseRelease(chart, Qt.MouseButton.LeftButton, pos=a - QPoint(100, 0))
    assert abs((chart.view.start - start) / chart.view.days_per_px - 100) < 1e-6


def test_one_selection_across_chart_table_reader_and_inspector(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    third = window.timeline_model.record(2)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.point_of(third.id).toPoint())
    assert window.selection.current_event().id == third.id
    assert window.inspector.record().id == third.id
    assert window.reader.flashing()  # the reader scrolled to the quote and flashes it
    text = window.reader.toPlainText()
    assert text.index(third.quotes[0].exact) == window.reader.textCursor().position()
    assert chart.state.selected == {third.id}
    first = window.timeline_model.record(0)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     chart.point_of(first.id).toPoint())
    assert set(window.selection.selected_event_ids()) == {first.id, third.id}
    assert chart.state.selected == {first.id, third.id}
    window.selection.select_event(window.timeline_model.record(1).id)  # selecting in the table
    assert chart.state.selected == {window.timeline_model.record(1).id}


def test_delete_in_the_chart_deletes_and_undo_restores(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    second = window.timeline_model.record(1)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.point_of(second.id).toPoint())
    qtbot.keyClick(chart, Qt.Key.Key_Delete)
    assert window.timeline_model.row_of(second.id) == -1
    qtbot.waitUntil(lambda: chart.point_of(second.id) is None and chart.lanes
                    and len(chart.lanes[0].items) == 3)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(chart.lanes[0].items) == 4)
    chart.repaint()
    assert chart.point_of(second.id) is not None


def test_double_click_edits_the_event_title(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    last = window.timeline_model.record(3)
    qtbot.mouseDClick(chart, Qt.MouseButton.LeftButton, pos=chart.point_of(last.id).toPoint())
    assert window.inspector.record().id == last.id
    assert window.inspector.title_edit.hasFocus()


def test_lane_modes(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    window.editing.request_edit(window.timeline_model.record(0).id, "tags", "army, Russia")
    window.user_actions.lane_modes["tag"].trigger()
    qtbot.waitUntil(lambda: {ln.label for ln in chart.lanes} == {"army", "Russia", "Untagged"})
    window.user_actions.lane_modes["single"].trigger()
    assert [ln.label for ln in chart.lanes] == ["All events"]
    window.user_actions.colour_by_tag.setChecked(True)
    assert chart.state.colour_by_tag


def _ink(image: QImage) -> int:
    white = QColor("#ffffff").rgb()
    step = 3
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step)
               if image.pixel(x, y) != white)


def test_export_png_svg_pdf(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    chart_ready(window, qtbot)
    png = tmp_path / "chart.png"
    assert window.chart_view.export_chart(png, 1200, visible_only=False)
    image = QImage(str(png))
    assert image.width() == 2400 and image.height() > 200  # twice the pixels: print-ready
    assert _ink(image) > 500
    svg = tmp_path / "chart.svg"
    assert window.chart_view.export_chart(svg, 900, visible_only=True, title="Central Asia <July>")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox", "").split()[2] == "900"
    text = svg.read_text(encoding="utf-8")
    assert "Tajikistan" in text and "Central Asia &lt;July&gt;" in text  # the title, escaped
    assert "Sources: " in text and "Made with Timeline Annotator" in text  # the source note
    pdf = tmp_path / "chart.pdf"
    assert window.chart_view.export_chart(pdf, 1000, visible_only=False)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    assert not window.chart_view.export_chart(tmp_path / "chart.gif", 1000, visible_only=False)
    assert "unknown chart format" in window.dialogs.errors[-1][1]
    for name in ("chart.png", "chart.svg", "chart.pdf"):  # a folder that does not exist
        assert not window.chart_view.export_chart(tmp_path / "missing" / name, 1000,
                                                  visible_only=False)
        assert name in window.dialogs.errors[-1][1]
    assert not (tmp_path / "missing").exists()


def test_a_chart_the_disk_cannot_take_is_an_error_not_a_truncated_file(  # noqa: ANN001
        window, qtbot, tmp_path: Path, monkeypatch) -> None:
    """Qt's writers drop write errors: on a full disk the PDF came out truncated and the
    export said it was written. Every format fails whole now, and leaves no file."""
    import errno

    chart_ready(window, qtbot)
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.parent == tmp_path:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    for name in ("chart.png", "chart.svg", "chart.pdf"):
        assert not window.chart_view.export_chart(tmp_path / name, 1000, visible_only=False)
        assert window.dialogs.errors[-1][1] == (f"{tmp_path / name}: could not be written "
                                                "(No space left on device)")
    assert [p.name for p in tmp_path.iterdir() if "chart" in p.name] == []


def test_cli_export_chart(tmp_path: Path, capsys, sample_text: str) -> None:  # noqa: ANN001
    from desktop_app.app import main
    from tests.conftest import SAMPLE_PASSAGES

    db = str(tmp_path / "p.tldb")
    sample = tmp_path / "sample.txt"
    sample.write_text(sample_text, encoding="utf-8")
    assert main(["--db", db, "import", str(sample), "--published", "2021-07-09"]) == 0
    for passage, _expected in SAMPLE_PASSAGES:
        assert main(["--db", db, "add-event", "--article", "1", "--quote", passage]) == 0
    capsys.readouterr()
    for name, width in (("c.png", 800), ("c.svg", 1000), ("c.pdf", 1200)):
        out = tmp_path / name
        assert main(["--db", db, "export-chart", str(out), "--width", str(width),
                     "--lanes", "single", "--from", "2021-07-04", "--to", "2021-07-10"]) == 0
        assert "wrote a chart of 4 events" in capsys.readouterr().err
    image = QImage(str(tmp_path / "c.png"))
    assert image.width() == 1600 and _ink(image) > 300
    assert "All events" in (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert "sans-serif" in svg and 'font-family="Sans Serif"' not in svg  # real fallbacks
    assert main(["--db", db, "export-chart", str(tmp_path / "part.svg"), "--from",
                 "2021-07-06", "--to", "2021-07-07"]) == 0
    assert "wrote a chart of 2 events" in capsys.readouterr().err  # what it drew
    assert main(["--db", db, "export-chart", str(tmp_path / "c.bmp")]) == 1
    assert "unknown chart format" in capsys.readouterr().err
    assert main(["--db", db, "export-chart", str(tmp_path / "none.png"), "--from",
                 "2021-07-08", "--to", "2021-07-05"]) == 1
    assert "--from 2021-07-08 is after --to 2021-07-05" in capsys.readouterr().err
    assert not (tmp_path / "none.png").exists()


def test_view_choices_are_remembered(make_window, qtbot) -> None:  # noqa: ANN001
    first = make_window()
    chart_ready(first, qtbot)
    first.user_actions.lane_modes["single"].trigger()
    first.user_actions.colour_by_tag.setChecked(True)
    first.user_actions.show_published.setChecked(False)
    first.close()
    again = make_window()
    assert again.timeline_tabs.currentWidget() is again.workspace.views.chart_slot
    chart = again.chart_view.chart
    assert chart.lane_mode == "single" and chart.state.colour_by_tag
    assert not again.chart_view.chart.state.show_published
    assert again.user_actions.lane_modes["single"].isChecked()


def test_right_click_offers_what_can_be_done_there(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    shown = []
    window.dialogs.popup = lambda menu, _pos: shown.append(
        [a.text() for a in menu.actions() if a.text()])
    third = window.timeline_model.record(2)
    window.selection.select_event(window.timeline_model.record(0).id)
    chart.repaint()
    point = chart.point_of(third.id).toPoint()
    from PySide6.QtGui import QContextMenuEvent

    QApplication.sendEvent(chart, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                    chart.mapToGlobal(point)))
    assert window.selection.current_event().id == third.id  # right-click selects the event under it
    assert shown[0][0] == "&Edit Title" and "&Delete Event" in shown[0]
    QApplication.sendEvent(chart, QContextMenuEvent(QContextMenuEvent.Reason.Mouse,
                                                    QPoint(5, 5), chart.mapToGlobal(QPoint(5, 5))))
    assert "&Edit Title" not in shown[1] and "&Fit All" in shown[1]


def test_ctrl_arrows_step_through_events_from_the_keyboard(window, qtbot) -> None:  # noqa: ANN001
    chart = chart_ready(window, qtbot)
    window.selection.select_event(window.timeline_model.record(0).id)
    chart.zoom(6)  # about a day in view: stepping must bring each event into it
    window.activateWindow()
    qtbot.waitActive(window)
    chart.setFocus()
    for row in (1, 2, 3, 3):
        qtbot.keyClick(chart, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        record = window.timeline_model.record(row)
        assert window.selection.current_event().id == record.id
        item = chart.data.entry(record.id).item
        assert 0 <= chart.view.x((item.start + item.end) / 2) <= chart.plot_width
    qtbot.keyClick(chart, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.current_event().id == window.timeline_model.record(2).id


def test_a_dense_project_shows_clusters_and_a_click_zooms_into_one(make_window, qtbot,
                                                                   tmp_path: Path) -> None:  # noqa: ANN001
    from tests.benchmarks._data import build_project

    project, _article = build_project(tmp_path / "dense.tldb", 3000, n_chars=20_000)
    project.close()
    window = make_window("dense.tldb", demo=False)
    chart = chart_ready(window, qtbot)
    painted = chart._painted[0]
    assert painted.frame.clusters and not painted.frame.marks
    assert sum(c.count for c in painted.frame.clusters) == 3000
    busiest = max(painted.frame.clusters, key=lambda c: c.count)
    before = chart.view.days_per_px
    at = QPoint(int(chart.painter.LANE_LABEL_WIDTH + (busiest.x0 + busiest.x1) / 2),
                int(painted.top + chart.painter.marker_band / 2))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=at)
    assert chart.view.days_per_px < before / 10
    chart.repaint()
    frame = chart._painted[0].frame
    assert frame.marks or len(frame.clusters) > 1  # the cluster fell apart into smaller ones


def test_opening_another_project_fits_its_events(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from datetime import date

    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.project import open_project

    chart = chart_ready(window, qtbot)
    other = open_project(tmp_path / "other.tldb")
    text = "Paris, 3 March 1998. On Monday the talks opened in Geneva."
    article = other.articles.add(ArticleDraft(title="Talks", text=text,
                                              published=date(1998, 3, 3)))
    other.events.create_from_quote_text(article.id, "On Monday the talks opened in Geneva")
    other.close()
    assert window.files.switch_project(tmp_path / "other.tldb")
    day = day_number(date(1998, 3, 2))
    assert 0 < chart.view.x(day) < chart.plot_width


def test_an_all_events_export_keeps_every_label_inside_with_title_and_legend(
        window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """After Fit All, an "all events" SVG: every event's label starts inside the picture and
    ends before its right edge (the last ones go left of their markers), and the title, the
    dates and the legend are there."""
    import re

    chart_ready(window, qtbot)
    window.user_actions.fit_all.trigger()
    out = tmp_path / "all.svg"
    width = 900
    assert window.chart_view.export_chart(out, width, visible_only=False)
    svg = out.read_text(encoding="utf-8")
    chart = window.chart_view.ensure_chart()
    metrics = chart.painter.metrics
    titles = {e.title for e in window.project.events.list()}
    placed = 0
    for m in re.finditer(r'<text[^>]*x="([-\d.]+)"[^>]*>([^<]*)</text>', svg):
        x, label = float(m.group(1)), m.group(2).replace("&apos;", "'")
        shown = label.rstrip("…")
        title = next((t for t in titles if shown and t.startswith(shown)), None)
        if title is not None:
            placed += 1
            assert 0 <= x and x + metrics.horizontalAdvance(label) <= width + 1, label
            assert len(shown) >= min(len(title), 30), label  # never cut to "The…"
    assert placed >= len(titles)  # every event has its label in the picture
    assert window.project.name in svg and "Mon 5 Jul 2021" in svg
    assert "4 events in 1 lane" in svg  # the subtitle: dates and counts


def test_focus_chart_gives_the_window_to_the_chart_and_back(window, qtbot) -> None:  # noqa: ANN001
    chart_ready(window, qtbot)
    with qtbot.waitActive(window):
        window.activateWindow()
    narrow = window.chart_view.ensure_chart().width()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.user_actions.focus_chart.isChecked()
    assert not window.reader.isVisible() and not window.inspector.isVisible()
    assert window.timeline_tabs.currentWidget() is window.workspace.views.chart_slot
    qtbot.waitUntil(lambda: window.chart_view.ensure_chart().width() > narrow * 1.5)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.user_actions.focus_chart.isChecked()
    assert window.reader.isVisible() and window.inspector.isVisible()
