"""The coverage panel: the article's dated passages, and which are already on the timeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from desktop_app.gui.props import made

if TYPE_CHECKING:
    from desktop_app.core.passages import ArticleAnalysis, DatedSentence
    from desktop_app.core.temporal.model import TemporalExpression

PassageRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class CoveragePanel(QWidget):
    """Lists dated passages; activating one asks for its sentence to be selected."""

    passageActivated = Signal(int, int)  # sentence start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coveragePanel")
        self.setAccessibleName("Dated passages")
        self.summary = made(QLabel(), objectName="coverageSummary", wordWrap=True)
        self.model = PassageModel(self)
        self.list = made(QListView(), objectName="coverageList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Long articles list thousands of passages: one height for all rows keeps a change of
        # one row from re-measuring every other (labels are cut to fit that height).
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.list.activated.connect(self._on_activated)
        self._shown: ArticleAnalysis | None = None
        self.set_analysis(None, "")

    def set_analysis(self, analysis: ArticleAnalysis | None, text: str) -> None:
        """Show an article's dated passages (None: no article or still computing)."""
        shown, self._shown = self._shown, analysis
        if analysis is None:
            self.model.show((), "")
            self.summary.setText(self.tr("No article") if not text else
                                 self.tr("Finding dates…"))
            return
        sentences = analysis.sentences
        self.summary.setText(self.tr("%1 of %2 dated passages are on the timeline. "
                                     "F8 selects the next one that is not.")
                             .replace("%1", str(analysis.used_count))
                             .replace("%2", str(len(sentences))))
        if shown is not None and shown.article_id == analysis.article_id and \
                shown.expressions is analysis.expressions and \
                self.model.rowCount() == len(sentences):
            # The same passages with other quotes: restyle only those whose state changed.
            self.model.restyle(sentences, [row for row, (old, new) in enumerate(
                zip(shown.sentences, sentences, strict=True)) if old.used != new.used])
            return
        self.model.show(sentences, text)

    def labels(self) -> list[str]:
        """Every row's text, in order (what the list shows as it is scrolled)."""
        return [self.model.data(self.model.index(row)) for row in range(self.model.rowCount())]

    def _on_activated(self, index: QModelIndex) -> None:
        s: DatedSentence = index.data(PassageRole)
        self.passageActivated.emit(s.start, s.end)


class PassageModel(QAbstractListModel):
    """The dated passages, each row's words made when the list shows it: an article of
    25,000 dated sentences made its list in over a second when every row was built first."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self._panel = panel
        self._sentences: Sequence[DatedSentence] = ()
        self._text = ""
        self._dates: dict[tuple[object, ...], str] = {}  # a date's words, by its reading

    def show(self, sentences: Sequence[DatedSentence], text: str) -> None:
        """Another article's passages (or none)."""
        self.beginResetModel()
        self._sentences, self._text = sentences, text
        self._dates.clear()
        self.endResetModel()

    def restyle(self, sentences: Sequence[DatedSentence], rows: list[int]) -> None:
        """The same passages, some of them now on the timeline or no longer."""
        self._sentences = sentences
        for row in rows:
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._sentences)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sentences):
            return None
        s = self._sentences[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(s)
        if role == PassageRole:
            return s
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = self._panel.palette()
            return palette.placeholderText() if s.used else palette.text()
        if role == Qt.ItemDataRole.ToolTipRole:
            doubts = [f for p in s.passages for f in p.expression.flags]
            return (self.tr("Unsure: %s") % "; ".join(dict.fromkeys(doubts))
                    if doubts else None)
        return None

    def _label(self, s: DatedSentence) -> str:
        mark = "✓" if s.used else "○"
        when = " · ".join(dict.fromkeys(  # each date once, in text order; '?' when unsure
            self._date_words(p.expression) + ("" if p.expression.sure else "?")
            for p in s.passages))
        snippet = " ".join(self._text[s.start:s.end].split())
        if len(snippet) > 110:
            snippet = snippet[:109] + "…"
        return f"{mark} {when} — {snippet}"

    def _date_words(self, e: TemporalExpression) -> str:
        """How a date reads ('Mon 5 Jul 2021'), worked out once per reading: a long article
        names the same few days thousands of times."""
        from desktop_app.core.eventdates import format_event_date, from_expression

        if e.bounds is not None:  # a range: its own two ends
            return format_event_date(from_expression(e))
        key = (e.value, e.granularity, e.earliest, e.latest)
        words = self._dates.get(key)
        if words is None:
            words = self._dates[key] = format_event_date(from_expression(e))
        return words
