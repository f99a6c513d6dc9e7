"""The coverage panel: the article's dated passages, and which are already on the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.gui.props import made

if TYPE_CHECKING:
    from desktop_app.core.passages import ArticleAnalysis, DatedSentence
    from desktop_app.core.temporal.model import TemporalExpression

PassageRole = Qt.ItemDataRole.UserRole + 1


class CoveragePanel(QWidget):
    """Lists dated passages; activating one asks for its sentence to be selected."""

    passageActivated = Signal(int, int)  # sentence start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coveragePanel")
        self.setAccessibleName("Dated passages")
        self.summary = made(QLabel(), objectName="coverageSummary", wordWrap=True)
        self.list = made(QListWidget(), objectName="coverageList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Long articles list thousands of passages: one height for all rows keeps a change of
        # one row from re-measuring every other (labels are cut to fit that height).
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._on_item_activated)
        self._shown: ArticleAnalysis | None = None
        self._dates: dict[tuple[object, ...], str] = {}  # a date's words, by its reading
        self.set_analysis(None, "")

    def set_analysis(self, analysis: ArticleAnalysis | None, text: str) -> None:
        """Show an article's dated passages (None: no article or still computing)."""
        shown, self._shown = self._shown, analysis
        if analysis is None:
            self.list.clear()
            self.summary.setText(self.tr("No article") if not text else
                                 self.tr("Finding dates…"))
            return
        sentences = analysis.sentences
        n = len(sentences)
        self.summary.setText(self.tr("%1 of %2 dated passages are on the timeline. "
                                     "F8 selects the next one that is not.")
                             .replace("%1", str(analysis.used_count)).replace("%2", str(n)))
        if shown is not None and shown.article_id == analysis.article_id and \
                shown.expressions is analysis.expressions and self.list.count() == n:
            # The same passages with other quotes: restyle only those whose state changed.
            for row, (old, new) in enumerate(zip(shown.sentences, sentences, strict=True)):
                if old.used != new.used:
                    self._style(self.list.item(row), new, text)
            return
        self.list.clear()
        self._dates.clear()
        for sentence in sentences:
            item = QListWidgetItem()
            self._style(item, sentence, text)
            self.list.addItem(item)

    def _style(self, item: QListWidgetItem, s: DatedSentence, text: str) -> None:
        item.setText(self._label(s, text))
        doubts = [f for p in s.passages for f in p.expression.flags]
        item.setToolTip(self.tr("Unsure: %s") % "; ".join(dict.fromkeys(doubts))
                        if doubts else "")
        item.setData(PassageRole, s)
        item.setForeground(self.palette().placeholderText() if s.used else
                           self.palette().text())

    def _label(self, s: DatedSentence, text: str) -> str:
        mark = "✓" if s.used else "○"
        when = " · ".join(dict.fromkeys(  # each date once, in text order; '?' when unsure
            self._date_words(p.expression) + ("" if p.expression.sure else "?")
            for p in s.passages))
        snippet = " ".join(text[s.start:s.end].split())
        if len(snippet) > 110:
            snippet = snippet[:109] + "…"
        return f"{mark} {when} — {snippet}"

    def _date_words(self, e: TemporalExpression) -> str:
        """How a date reads ('Mon 5 Jul 2021'), worked out once per reading: a long article
        names the same few days thousands of times (25,000 labels took a second)."""
        from desktop_app.core.eventdates import format_event_date, from_expression

        if e.bounds is not None:  # a range: its own two ends
            return format_event_date(from_expression(e))
        key = (e.value, e.granularity, e.earliest, e.latest)
        words = self._dates.get(key)
        if words is None:
            words = self._dates[key] = format_event_date(from_expression(e))
        return words

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        s: DatedSentence = item.data(PassageRole)
        self.passageActivated.emit(s.start, s.end)
