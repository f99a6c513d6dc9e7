"""The article list: title, outlet, publication date and event count of every article."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.core.records import ArticleSummary
from desktop_app.core.temporal.calendar import fmt_day
from desktop_app.gui.table_model import Index, RowsModel

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SubtitleRole = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Title", "Outlet", "Published", "Events")


class ArticleListModel(RowsModel):
    """Rows are article summaries in import order."""

    COLUMNS = COLUMNS

    def reset(self, rows: list[ArticleSummary]) -> None:
        """Replace all rows (the list is small: one row per article)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update(self, rows: list[ArticleSummary]) -> bool:
        """Show these rows: in place where they list the same articles in the same order (an
        event count changed with every Ctrl+E: the list keeps its selection and is not laid
        out again), else anew. Returns whether the rows were replaced."""
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.reset(rows)
            return True
        changed = [i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True))
                   if old != new]
        self._rows = list(rows)
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0),
                                  self.index(changed[-1], len(COLUMNS) - 1))
        return False

    def row_of(self, article_id: int) -> int:
        """Row of an article, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == article_id), -1)

    def summary(self, row: int) -> ArticleSummary:
        """The summary shown in a row."""
        summary: ArticleSummary = self._rows[row]
        return summary

    def summary_of(self, article_id: int) -> ArticleSummary | None:
        """An article's summary (None: not in the project)."""
        row = self.row_of(article_id)
        return self._rows[row] if row >= 0 else None

    def title_of(self, article_id: int) -> str:
        """An article's title, or a name for it if it is gone."""
        summary = self.summary_of(article_id)
        return summary.title if summary is not None else f"Article {article_id}"

    def summaries(self) -> list[ArticleSummary]:
        """Every row's summary, in order."""
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == ArticleIdRole:
            return r.id
        if role == SubtitleRole:
            published = fmt_day(r.published) if r.published else "date unknown"
            events = f"{r.event_count} event" + ("" if r.event_count == 1 else "s")
            return " · ".join(p for p in (published, events, r.outlet) if p)
        if role == Qt.ItemDataRole.DisplayRole:
            published = fmt_day(r.published) if r.published else "unknown"
            return (r.title, r.outlet, published, str(r.event_count))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            published = fmt_day(r.published) if r.published else "unknown"
            return f"{r.title}\n{r.outlet}\nPublished: {published}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None



class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: the title, then outlet · date · event count."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text_backup = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text_backup
        rect = option.rect.adjusted(8, 5, -8, -5)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(role))
        fm = QFontMetrics(bold)
        painter.drawText(rect.adjusted(0, 0, 0, -rect.height() // 2), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "",
                                       Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(option.font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        sub = index.data(SubtitleRole) or ""
        painter.drawText(rect.adjusted(0, rect.height() // 2, 0, 0), Qt.AlignmentFlag.AlignLeft,
                         QFontMetrics(option.font).elidedText(sub, Qt.TextElideMode.ElideRight,
                                                              rect.width()))
        painter.restore()
