"""Ctrl+E on a passage that names a range makes a range event: both ends stored, shown in
the table, drawn as a bar in the chart, written to the CSV's end_date, explained."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.core.edits import ArticleDraft
from desktop_app.core.records import Precision
from desktop_app.gui.timeline_model import DATE
from tests.gui.test_core_loop import press, select_text

TEXT = ("GENEVA, 9 July 2021 - Delegations met from 5 to 8 July in closed session.\n\n"
        "Rain fell from March to May, farmers said.\n\n"
        "Since March, prices have risen.\n")


def window_on(make_window, qtbot, title: str, text: str):  # noqa: ANN001, ANN201
    """A window without the demo, showing one article published on Fri 9 Jul 2021."""
    window = make_window(demo=False)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    article = window.project.articles.add(ArticleDraft(title=title, text=text,
                                                       published=date(2021, 7, 9)))
    window.selection.refresh_articles()
    window.selection.select_article(article.id)
    return window


def test_ctrl_e_on_a_range_makes_a_range_event(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = window_on(make_window, qtbot, "Talks", TEXT)
    for passage in ("Delegations met from 5 to 8 July in closed session.",
                    "Rain fell from March to May, farmers said.",
                    "Since March, prices have risen."):
        select_text(window, passage)
        press(qtbot, window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    stored = {e.quotes[0].exact[:12]: e.date for e in window.project.events.list()}
    met, rain, since = (stored["Delegations "], stored["Rain fell fr"], stored["Since March,"])
    assert (met.start, met.end, met.precision) == (date(2021, 7, 5), date(2021, 7, 8),
                                                    Precision.DAY)
    assert (rain.start, rain.end, rain.precision) == (date(2021, 3, 1), date(2021, 5, 1),
                                                       Precision.MONTH)
    assert (since.start, since.end) == (date(2021, 3, 1), date(2021, 7, 1))
    assert "the start day 5 takes its month and year from the end" in met.rule
    m = window.timeline_model
    shown = sorted(m.index(r, DATE).data() for r in range(m.rowCount()))
    assert shown == ["March 2021 – July 2021", "March 2021 – May 2021",
                     "Mon 5 Jul 2021 – Thu 8 Jul 2021"]
    # The chart draws the five-day meeting as a bar from the 5th to the end of the 8th.
    window.user_actions.show_chart.trigger()
    chart = window.chart_view.chart
    qtbot.waitUntil(lambda: chart.isVisible() and len(chart.lanes) == 1)
    met_id = next(e.id for e in window.project.events.list() if e.date == met)
    item = next(i for i in chart.lanes[0].items if i.event_id == met_id)
    assert (item.start, item.end) == (date(2021, 7, 5).toordinal(), date(2021, 7, 9).toordinal())
    # The CSV carries both ends.
    out = tmp_path / "ranges.csv"
    window.project.exports.export_csv(out)
    rows = {r["quote"][:12]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert (rows["Delegations "]["date"], rows["Delegations "]["end_date"]) == ("2021-07-05",
                                                                            "2021-07-08")
    assert (rows["Rain fell fr"]["date"], rows["Rain fell fr"]["end_date"]) == ("2021-03",
                                                                            "2021-05")


UNSURE = ("The deal was signed on 04/05/2021 in Geneva.\n\n"
          "The talks ended on 5 July 2021, officials said.\n")


def test_an_unsure_date_looks_unsure_everywhere(make_window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QTextCharFormat

    window = window_on(make_window, qtbot, "Deal", UNSURE)
    qtbot.waitUntil(lambda: window.reader.expression_count() == 2)
    # The reader: a wavy underline for the unsure date, dotted for the sure one, and the
    # reason on hover.
    styles = {window.reader.toPlainText()[s.cursor.selectionStart():s.cursor.selectionEnd()]:
              s.format.underlineStyle() for s in window.reader.extraSelections()}
    assert styles["04/05/2021"] == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert styles["5 July 2021"] == QTextCharFormat.UnderlineStyle.DotLine
    hover = window.reader.label_at(UNSURE.index("04/05") + 2) or ""
    assert "unsure: read month first; Tue 4 May 2021 if the numbers are the other way" in hover
    # Suggest proposes both and ticks only the sure one.
    offered: list = []
    window.dialogs.choose_suggestions = lambda s: offered.extend(s) or []
    window.user_actions.suggest_events.trigger()
    assert [(s.date.start, s.confident) for s in offered] == [(date(2021, 4, 5), False),
                                                             (date(2021, 7, 5), True)]
    # Ctrl+E: the inspector says the date is unsure and why; the doubt is stored with it.
    select_text(window, "The deal was signed on 04/05/2021 in Geneva.")
    press(qtbot, window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.inspector.heading.text() == "Mon 5 Apr 2021  (unsure)"
    assert "unsure: read month first" in window.inspector.explanation.text()
    (stored,) = window.project.events.list()
    assert stored.date.doubts and window.project.events.get(stored.id).date == stored.date


def test_the_date_and_article_columns_fit_their_content(make_window, qtbot) -> None:  # noqa: ANN001
    window = window_on(make_window, qtbot, "Talks in Geneva on the border", TEXT)
    header = window.timeline_table.horizontalHeader()
    metrics = window.timeline_table.fontMetrics()
    narrow_date = header.sectionSize(DATE)  # no events yet
    select_text(window, "Delegations met from 5 to 8 July in closed session.")
    press(qtbot, window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    shown = window.timeline_model.index(0, DATE).data()
    assert shown == "Mon 5 Jul 2021 – Thu 8 Jul 2021"
    # The range is wider than any single day: the column grows to show it whole.
    qtbot.waitUntil(lambda: header.sectionSize(DATE) >= metrics.horizontalAdvance(shown) + 8)
    assert header.sectionSize(DATE) > narrow_date
    # The article's title widens its column only into room the event's title does not need.
    article_column, title_column = 2, 1
    assert header.sectionSize(article_column) > 140 or \
        header.sectionSize(title_column) <= 160
    # A column the user widened stays so through filters and large changes; opening a
    # project sizes the columns to its rows again.
    fitted = header.sectionSize(DATE)
    header.resizeSection(DATE, fitted + 150)
    window.timeline_model.reset([])
    qtbot.wait(20)
    assert header.sectionSize(DATE) == fitted + 150
    window.load_project(window.project)
    qtbot.waitUntil(lambda: header.sectionSize(DATE) == fitted)
