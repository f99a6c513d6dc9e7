"""The article reader: read-only, selectable text with every quoted passage highlighted."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop_app.core.records import QuoteRecord
from desktop_app.gui.theme import LIGHT, Colours

if TYPE_CHECKING:  # the engine's records arrive after the first paint
    from desktop_app.core.temporal.model import TemporalExpression


class OffsetMap:
    """Convert between Python string offsets and Qt's UTF-16 document positions."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if any(
            ord(ch) > 0xFFFF for ch in text) else []
        self._astral_qt = [p + k for k, p in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        """Qt position of a Python offset."""
        return offset + bisect.bisect_left(self._astral, offset)

    def to_py(self, position: int) -> int:
        """Python offset of a Qt position."""
        return position - bisect.bisect_right(self._astral_qt, position - 2)


LabelFor = Callable[[int], str]  # event id -> what hovering its quote shows
# Characters either side of the text shown whose dates carry their underlines: an article
# dense with dates (25,000 in a megabyte) took seconds to underline and to paint whole.
UNDERLINE_REACH = 20_000


class ArticleReader(QPlainTextEdit):
    """Shows one article; emits requests, never changes data itself."""

    highlightClicked = Signal(int)  # event id

    def __init__(self, create_action: QAction, label_for: LabelFor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = LIGHT
        self._held, self._stale = 0, False  # painting_once: depth, and a paint owed
        self.setObjectName("articleView")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAcceptDrops(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(14)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        # Hover labels come from viewportEvent: asking for viewport() here would make PySide
        # create some sixty widget classes before the first paint (about 8 ms).
        self._create_action = create_action
        self._text = ""
        self._map = OffsetMap("")
        self._label_for = label_for
        self._quotes: list[QuoteRecord] = []  # sorted by (start, id)
        self._starts: list[int] = []
        self._base: list[QTextEdit.ExtraSelection] = []  # one per quote, built once
        self._expressions: list[TemporalExpression] = []
        self._expression_starts: list[int] = []
        self._underlines: dict[int, QTextEdit.ExtraSelection] = {}  # made near the view
        self._underlined = (0, -1)  # the span of text whose dates are underlined now
        self._follow_timer: QTimer | None = None  # made with the first dates underlined
        self._selected_event: int | None = None
        self._flash: tuple[int, int] | None = None
        self._flash_timer = QTimer(self, singleShot=True, interval=900)
        self._flash_timer.timeout.connect(self._end_flash)
        self.article_id: int | None = None

    # -- content --------------------------------------------------------------------------
    def show_article(self, article_id: int | None, text: str,
                     quotes: list[QuoteRecord]) -> None:
        """Display an article's text and highlight its quotes."""
        self.article_id = article_id
        self._text = text
        self._map = OffsetMap(text)
        self._flash = None  # a flash belongs to the previous article's positions
        self._flash_timer.stop()
        self._expressions, self._expression_starts, self._underlines = [], [], {}
        self.setPlainText(text)
        self.set_quotes(quotes)

    def set_expressions(self, expressions: Sequence[TemporalExpression]) -> None:
        """Underline the article's temporal expressions (computed by the engine)."""
        self._expressions = sorted(expressions, key=lambda e: e.start)
        self._expression_starts = [e.start for e in self._expressions]
        self._underlines = {}
        if self._follow_timer is None:  # the scroll bar is asked for after the first paint
            self._follow_timer = QTimer(self, singleShot=True, interval=0)
            self._follow_timer.timeout.connect(self._follow_view)
            timer = self._follow_timer  # start(), not start(msec): the value is no delay
            self.verticalScrollBar().valueChanged.connect(lambda _value: timer.start())
        self._paint()

    def expression_count(self) -> int:
        """Number of underlined expressions (for tests)."""
        return len(self._expressions)

    def expression_at(self, offset: int) -> TemporalExpression | None:
        """The temporal expression at a text offset, if any."""
        i = bisect.bisect_right(self._expression_starts, offset) - 1
        if i >= 0 and self._expressions[i].start <= offset < self._expressions[i].end:
            return self._expressions[i]
        return None

    def set_quotes(self, quotes: list[QuoteRecord]) -> None:
        """Replace the highlighted quotes."""
        self._quotes = sorted(quotes, key=lambda q: (q.start, q.id))
        self._starts = [q.start for q in self._quotes]
        self._base = [self._selection(q.start, q.end, self._colours.quote) for q in self._quotes]
        self._paint()

    def set_colours(self, colours: Colours) -> None:
        """Draw highlights and underlines in a theme's colours."""
        self._colours = colours
        self._underlines = {}
        self.set_quotes(self._quotes)

    def add_quotes(self, quotes: list[QuoteRecord]) -> None:
        """Highlight more quotes (an event was created or restored)."""
        for q in quotes:
            i = bisect.bisect_right(self._starts, q.start)
            while i > 0 and self._quotes[i - 1].start == q.start and self._quotes[i - 1].id > q.id:
                i -= 1  # keep (start, id) order among quotes starting at the same place
            self._quotes.insert(i, q)
            self._starts.insert(i, q.start)
            self._base.insert(i, self._selection(q.start, q.end, self._colours.quote))
        self._paint()

    def remove_event(self, event_id: int) -> None:
        """Stop highlighting an event's quotes (it was deleted)."""
        keep = [i for i, q in enumerate(self._quotes) if q.event_id != event_id]
        if len(keep) != len(self._quotes):
            self._quotes = [self._quotes[i] for i in keep]
            self._starts = [self._starts[i] for i in keep]
            self._base = [self._base[i] for i in keep]
            self._paint()

    def quotes(self) -> list[QuoteRecord]:
        """The highlighted quotes."""
        return list(self._quotes)

    def quote_ranges(self) -> list[tuple[int, int]]:
        """The highlighted quotes as (start, end) offsets."""
        return [(q.start, q.end) for q in self._quotes]

    def quote_count(self) -> int:
        """Number of highlighted quotes (for tests and benchmarks)."""
        return len(self._quotes)

    def text(self) -> str:
        """The article text as stored (Python offsets index into it)."""
        return self._text

    def selection_range(self) -> tuple[int, int] | None:
        """The selected passage as Python offsets into the article text, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.to_py(cursor.selectionStart()), self._map.to_py(cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        """Select a passage (Python offsets), e.g. from tests or search results."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def show_quote(self, event_id: int | None, quote: QuoteRecord | None) -> None:
        """Mark an event's quote as selected, scroll to it and flash it briefly."""
        self._selected_event = event_id
        if quote is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_qt(quote.start))
            self.setTextCursor(cursor)
            self.centerCursor()
            self._flash = (quote.start, quote.end)
            self._flash_timer.start()
        self._paint()

    def flashing(self) -> bool:
        """True while a quote is being flashed (for tests)."""
        return self._flash is not None

    # -- painting -------------------------------------------------------------------------
    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        """A format laid over text[start:end] (Python offsets)."""
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _selection(self, start: int, end: int, color: str,
                   underline: bool = False) -> QTextEdit.ExtraSelection:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        fmt.setForeground(QColor(self._colours.quote_text))  # legible in either theme
        if underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        return self._extra(start, end, fmt)

    def _underline(self, e: TemporalExpression) -> QTextEdit.ExtraSelection:
        """Dotted where the engine is sure of the date, wavy in the warning colour where
        it is not."""
        fmt = QTextCharFormat()
        if e.sure:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(self._colours.underline))
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(self._colours.assumed))
        return self._extra(e.start, e.end, fmt)

    @contextmanager
    def painting_once(self) -> Iterator[None]:
        """Changes inside repaint the highlights once, at the end (an edit removes, adds and
        selects quotes: one repaint, not three)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._stale:
                self._paint()

    def _paint(self, shown: tuple[int, int] | None = None) -> None:
        """Base highlights are reused; only the selected event's and the flash are new.
        ``shown``: the span of text shown, where the caller has just worked it out."""
        if self._held:
            self._stale = True
            return
        self._stale = False
        sels = self._underlines_near_view(shown) + self._base
        if self._selected_event is not None:
            sels += [self._selection(q.start, q.end, self._colours.quote_selected, True)
                     for q in self._quotes if q.event_id == self._selected_event]
        if self._flash:
            sels.append(self._selection(*self._flash, self._colours.flash))
        self.setExtraSelections(sels)

    def _underlines_near_view(self, shown: tuple[int, int] | None,
                              ) -> list[QTextEdit.ExtraSelection]:
        """The underlines of the dates within reach of the text shown, each made once."""
        if not self._expressions:
            return []
        top, bottom = shown if shown is not None else self._shown_span()
        lo, hi = max(0, top - UNDERLINE_REACH), bottom + UNDERLINE_REACH
        self._underlined = (lo, hi)
        first = bisect.bisect_left(self._expression_starts, lo)
        last = bisect.bisect_right(self._expression_starts, hi)
        made = self._underlines
        for i in range(first, last):
            if i not in made:
                made[i] = self._underline(self._expressions[i])
        return [made[i] for i in range(first, last)]

    def _shown_span(self) -> tuple[int, int]:
        """The text offsets at the top left and the bottom right of what is shown."""
        top = self.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.cursorForPosition(QPoint(self.width(), self.height())).position()
        return self._map.to_py(top), self._map.to_py(bottom)

    def _follow_view(self) -> None:
        """After a scroll: underline anew once the text shown nears the edge of reach."""
        if not self._expressions:
            return
        top, bottom = shown = self._shown_span()
        lo, hi = self._underlined
        if (lo > 0 and top - lo < UNDERLINE_REACH // 2) or hi - bottom < UNDERLINE_REACH // 2:
            self._paint(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._follow_timer is not None:  # more text may show
            self._follow_timer.start()

    def _end_flash(self) -> None:
        self._flash = None
        self._paint()

    # -- hover and click ------------------------------------------------------------------
    def quote_at(self, offset: int) -> QuoteRecord | None:
        """The quote covering a text offset (the innermost when quotes nest)."""
        i = bisect.bisect_right(self._starts, offset)
        best = None
        for q in self._quotes[max(0, i - 50):i]:
            if q.start <= offset < q.end and (best is None
                                               or q.end - q.start < best.end - best.start):
                best = q
        return best

    def label_at(self, offset: int) -> str | None:
        """What hovering this offset shows: the event of the quote there, the date there."""
        lines = []
        q = self.quote_at(offset)
        if q is not None:
            lines.append(self._label_for(q.event_id))
        e = self.expression_at(offset)
        if e is not None:
            lines.append(f"“{e.text}” = {e.value}: {e.explanation}")
            lines += [f"unsure: {doubt}" for doubt in e.flags]
        return "\n".join(lines) if lines else None

    def _offset_at(self, pos: QPoint) -> int:
        return self._map.to_py(self.cursorForPosition(pos).position())

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            label = self.label_at(self._offset_at(event.pos()))
            if label is not None:
                QToolTip.showText(event.globalPos(), label, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            q = self.quote_at(self._offset_at(event.position().toPoint()))
            if q is not None:
                self.highlightClicked.emit(q.event_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        if menu is None:
            return
        first = menu.actions()[0] if menu.actions() else None
        if first is None:
            menu.addAction(self._create_action)
        else:
            menu.insertAction(first, self._create_action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()
