"""Above the article's text, what a reader of the page saw above it: headline, outlet,
author, publication day (and whether it is sure) and address. Not part of the text: quotes
and their offsets are the article's alone."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.eventdates import format_date
from desktop_app.core.records import ArticleSummary, DateSource, Precision
from desktop_app.gui.props import made

if TYPE_CHECKING:  # a whole article arrives after the first paint (the snapshot has summaries)
    from desktop_app.core.article_records import ArticleRecord


class ArticleHeader(QWidget):
    """The open article's headline and byline, read-only and selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.headline = made(QLabel(), objectName="articleHeadline", wordWrap=True)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.headline.setFont(font)
        self.byline = made(QLabel(), objectName="articleByline", wordWrap=True)
        self.byline.setForegroundRole(self.byline.foregroundRole().PlaceholderText)
        for label in (self.headline, self.byline):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(2)
        layout.addWidget(self.headline)
        layout.addWidget(self.byline)
        self.show_article(None)

    def show_article(self, article: ArticleRecord | ArticleSummary | None) -> None:
        """Show an article's headline and byline (a summary, as a start-up snapshot has it,
        shows what it holds); None: nothing."""
        self.setVisible(article is not None)
        if article is None:
            return
        self.headline.setText(article.title)
        parts = [article.outlet]
        if not isinstance(article, ArticleSummary):  # the whole article
            parts.append(f"by {article.author}" if article.author
                         and article.author != article.outlet else "")
        parts.append(_day(article))
        url = "" if isinstance(article, ArticleSummary) else article.url
        parts.append(_site(url))  # the whole address in the tooltip: it would fill lines
        self.byline.setText("  ·  ".join(p for p in parts if p))
        self.byline.setToolTip(url)


def _site(url: str) -> str:
    """The site an address is on ('standard.co.uk'), or the address if it names none."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") if host else url


def _day(article: ArticleRecord | ArticleSummary) -> str:
    if article.published is None:
        return "no publication date (Article > Properties sets one)"
    day = format_date(article.published, Precision.DAY)
    if not isinstance(article, ArticleSummary) \
            and article.published_source is DateSource.SUGGESTED:
        return f"{day} (suggested, not confirmed)"
    return day
