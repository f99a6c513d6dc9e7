"""Light and dark themes: every colour the app adds is legible on what it stands on, and the
window switches between them (View > Theme), remembering the choice."""

from __future__ import annotations

import pytest

from desktop_app.gui.theme import DARK, LIGHT, Colours, contrast


def _pairs(c: Colours) -> dict[str, tuple[str, str, float]]:
    """(foreground, background, least ratio): 4.5:1 for text, 3:1 for marks (WCAG 2)."""
    return {
        "text": (c.text, c.base, 4.5),
        "explanations": (c.secondary_text, c.base, 4.5),
        "explanations on the window": (c.secondary_text, c.window, 4.5),
        "quoted text": (c.quote_text, c.quote, 4.5),
        "the selected event's quote": (c.quote_text, c.quote_selected, 4.5),
        "a flashed quote": (c.quote_text, c.flash, 4.5),
        "conflicting dates, errors": (c.conflict, c.base, 4.5),
        "errors on the window": (c.conflict, c.window, 4.5),
        "assumed dates": (c.assumed, c.base, 4.5),
        "read-only banner": (c.banner_text, c.banner, 4.5),
        "server unreachable": (c.alarm_text, c.alarm, 4.5),
        "date underline": (c.underline, c.base, 3.0),
        "date underline in a quote": (c.underline, c.quote, 3.0),
    }


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_every_colour_is_legible_on_its_background(colours: Colours, qapp) -> None:  # noqa: ANN001
    low = {name: round(contrast(fg, bg), 2) for name, (fg, bg, least) in _pairs(colours).items()
           if contrast(fg, bg) < least}
    assert low == {}


def test_the_contrast_measure_is_wcag_s(qapp) -> None:  # noqa: ANN001
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-too-light grey


def test_view_theme_switches_the_window_and_is_remembered(make_window, settings) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.theme import ThemeChoice
    from desktop_app.gui.timeline_model import DATE

    window = make_window()
    try:
        window.user_actions.themes[ThemeChoice.DARK].trigger()
        palette = QApplication.instance().palette()
        assert palette.color(QPalette.ColorRole.Base) == QColor(DARK.base)
        assert settings.theme() is ThemeChoice.DARK
        quote = next(s for s in window.reader.extraSelections()
                     if s.format.background().color() == QColor(DARK.quote))
        assert quote.format.foreground().color() == QColor(DARK.quote_text)
        assert "#ff8a80" in window.inspector.date_error.styleSheet()
        window.close()
        again = make_window()
        assert again.user_actions.themes[ThemeChoice.DARK].isChecked()
        assert again.workspace.colours is DARK
        again.user_actions.themes[ThemeChoice.LIGHT].trigger()
        assert QApplication.instance().palette().color(QPalette.ColorRole.Base) == \
            QColor(LIGHT.base)
        assert again.timeline_model.index(0, DATE).data(Qt.ItemDataRole.ForegroundRole) \
            is None  # a plain date keeps the palette's text colour
    finally:
        from desktop_app.gui.theme import apply_theme

        apply_theme(QApplication.instance(), ThemeChoice.LIGHT)  # for the tests after this


def test_tinted_icons_are_crisp_on_2x_screens(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QStyle

    from desktop_app.gui.theme import tinted

    arrow = qapp.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack)
    icon = tinted(arrow, "#ff0000")
    sharp = icon.pixmap(QSize(32, 32), 2.0)
    assert sharp.devicePixelRatio() == 2.0 and sharp.width() == 64  # drawn at 64 pixels
    image = sharp.toImage()
    reds = [image.pixelColor(x, y) for x in range(64) for y in range(64)
            if image.pixelColor(x, y).alpha() > 200]
    assert reds and all(c.red() > 200 and c.green() < 60 for c in reds)  # in the theme colour
