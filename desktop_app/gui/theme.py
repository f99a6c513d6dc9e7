"""Light and dark: the window follows the desktop's colour scheme, or the user's choice (View >
Theme), and every colour the app adds to Qt's (highlighted quotes, date underlines, conflict
and assumed dates, warnings) has a light and a dark form, each legible on its background:
the tests check every pair against WCAG's 4.5:1 for text, 3:1 for marks.

The chart stays a light sheet in both themes: it is what gets exported and printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget


class ThemeChoice(Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Colours:
    """The app's own colours in one theme (hex strings, as style sheets take them)."""

    dark: bool
    base: str  # what text and marks stand on (Qt's Base role)
    window: str
    text: str
    secondary_text: str  # explanations, provenance
    quote: str  # a highlighted quote's background
    quote_selected: str  # the selected event's quote
    flash: str  # a quote flashed when its event is selected
    quote_text: str  # text on the three above
    underline: str  # a dated phrase's dotted underline
    conflict: str  # dates whose sources disagree; errors
    assumed: str  # dates assumed from the publication date
    banner: str  # the read-only banner's background
    banner_text: str
    alarm: str  # the server-unreachable label's background
    alarm_text: str


LIGHT = Colours(dark=False, base="#ffffff", window="#efefef", text="#1d1d1d",
                secondary_text="#5f6368", quote="#fff1a8", quote_selected="#ffc94d",
                flash="#ff9f1c", quote_text="#1d1d1d", underline="#3f6fb5",
                conflict="#c62828", assumed="#8a5c00", banner="#fff4ce",
                banner_text="#3b2f00", alarm="#b3261e", alarm_text="#ffffff")

DARK = Colours(dark=True, base="#1e1f22", window="#2b2d30", text="#e6e6e6",
               secondary_text="#a9adb3", quote="#4a3f00", quote_selected="#735300",
               flash="#8a4b00", quote_text="#f5f5f5", underline="#8fb3ff",
               conflict="#ff8a80", assumed="#e3b341", banner="#4a3f00",
               banner_text="#fff4ce", alarm="#b3261e", alarm_text="#ffffff")


def desktop_is_dark() -> bool:
    """Whether the desktop asks for dark colours (Qt 6.5+ knows on most desktops)."""
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def colours_for(choice: ThemeChoice) -> Colours:
    if choice is ThemeChoice.DARK or (choice is ThemeChoice.SYSTEM and desktop_is_dark()):
        return DARK
    return LIGHT


def colours_of(widget: QWidget) -> Colours:
    """The app's colours for the theme a widget is drawn in (by its palette's base), for a
    dialog nobody tells the theme: an error in it reads on either background."""
    return DARK if widget.palette().color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT


def apply_theme(app: QApplication, choice: ThemeChoice) -> Colours:
    """Set the application's palette for a theme; return the app's own colours for it. A
    chosen theme uses Qt's Fusion style, which draws every palette the same on every desktop;
    'system' leaves the desktop's style alone unless it is dark."""
    colours = colours_for(choice)
    if choice is not ThemeChoice.SYSTEM or colours.dark:
        app.setStyle("Fusion")
        app.setPalette(palette_of(colours))
    return colours


def palette_of(c: Colours) -> QPalette:
    """A whole Qt palette built from a theme's colours."""
    p = QPalette()
    R = QPalette.ColorRole  # noqa: N806 - a short alias for a long enum
    roles = {R.Window: c.window, R.WindowText: c.text, R.Base: c.base, R.Text: c.text,
             R.AlternateBase: _mix(c.base, c.window), R.Button: c.window,
             R.ButtonText: c.text, R.ToolTipBase: c.window, R.ToolTipText: c.text,
             R.PlaceholderText: c.secondary_text, R.BrightText: "#ffffff",
             R.Highlight: "#2f65ca" if c.dark else "#3874d8", R.HighlightedText: "#ffffff",
             R.Link: "#8ab4f8" if c.dark else "#1a56b8",
             R.Light: _shade(c.window, 1.3), R.Midlight: _shade(c.window, 1.15),
             R.Mid: _shade(c.window, 0.8), R.Dark: _shade(c.window, 0.6),
             R.Shadow: "#000000"}
    for role, value in roles.items():
        p.setColor(role, QColor(value))
    for role in (R.Text, R.WindowText, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(_mix(c.text, c.window)))
    return p


def _mix(a: str, b: str) -> str:
    ca, cb = QColor(a), QColor(b)
    return QColor((ca.red() + cb.red()) // 2, (ca.green() + cb.green()) // 2,
                  (ca.blue() + cb.blue()) // 2).name()


def _shade(colour: str, factor: float) -> str:
    c = QColor(colour)
    return QColor(*(min(255, int(v * factor)) for v in (c.red(), c.green(), c.blue()))).name()


def tinted(icon: QIcon, colour: str, size: int = 32) -> QIcon:
    """A one-colour icon (an arrow, say) redrawn in the theme's text colour: the style's own
    is drawn dark, and vanishes on a dark toolbar."""
    out = QIcon()
    largest = max(icon.availableSizes(), key=QSize.width, default=QSize(size * 2, size * 2))
    for ratio in (1, 2):  # crisp on ordinary and on 2x (high-density) screens
        pixmap = icon.pixmap(largest).scaled(
            size * ratio, size * ratio, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), QColor(colour))
        painter.end()
        out.addPixmap(pixmap)
    return out


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
                  for v in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
