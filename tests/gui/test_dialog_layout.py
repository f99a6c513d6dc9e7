"""Every dialog shows its whole text at the size it opens with, on a 1366x768 laptop too:
no label, check box or button squeezed below the room its text needs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)


def _squeezed(dialog: QDialog) -> list[str]:
    """The texts shown with less room than they need."""
    out = []
    for w in dialog.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel) and w.text():
            if w.wordWrap():
                if w.height() < w.heightForWidth(w.width()):
                    out.append(f"label {w.text()[:40]!r}: {w.height()} < "
                               f"{w.heightForWidth(w.width())} px high")
            elif w.width() < w.minimumSizeHint().width():
                out.append(f"label {w.text()[:40]!r}: {w.width()} < "
                           f"{w.minimumSizeHint().width()} px wide")
        elif isinstance(w, QAbstractButton) and w.text() and \
                w.width() < w.minimumSizeHint().width():
            out.append(f"button {w.text()!r}: {w.width()} < {w.minimumSizeHint().width()} px")
    return out


def _dialogs(window, tmp_path: Path) -> dict[str, QDialog]:  # noqa: ANN001
    from desktop_app.core.edits import ArticleDraft
    from desktop_app.core.importers.csv_import import read_timeline_csv
    from desktop_app.core.services.batch_import import DateQuestion, ReplaceQuestion
    from desktop_app.gui.analysis_dialogs import (
        ChartExportDialog,
        MergeDialog,
        TagColoursDialog,
        TagEventsDialog,
    )
    from desktop_app.gui.csv_preview import CsvPreviewDialog
    from desktop_app.gui.dialogs import ArticlePropertiesDialog, CsvOptionsDialog
    from desktop_app.gui.publication_dates import (
        PublicationDateDialog,
        PublicationDatesDialog,
        ReplacementsDialog,
    )
    from desktop_app.gui.suggest_dialog import SuggestDialog
    from desktop_app.gui.team_dialog import ConnectDialog

    p = window.project
    article = p.articles.get(window.reader.article_id)
    records = [window.timeline_model.record(r) for r in range(2)]
    csv = tmp_path / "t.csv"
    window.files.export_csv(csv)
    plan = p.csv.plan(read_timeline_csv(csv))
    window.analysis.tag_events([records[0].id], ("army", "a much longer tag name"), ())
    return {
        "publication date": PublicationDateDialog(
            "/home/analyst/Downloads/a-rather-long-file-name-of-a-saved-page.html",
            date(2024, 8, 6), window, ((date(2024, 8, 6), "the dateline 'NAIROBI, Aug 6 -'"),
                                       (date(2024, 8, 5), "the latest full date in the text"))),
        "publication dates": PublicationDatesDialog([DateQuestion(
            tmp_path / f"a-rather-long-file-name-of-a-saved-page-{i}.html", ArticleDraft(
                "Talks", "NAIROBI, Aug 6 - Talks began.", published_guess=date(2024, 8, 6),
                published_doubt="the page's metadata says 2024-08-05, but its dateline says "
                                "2024-08-06")) for i in range(30)], window),
        "changed versions": ReplacementsDialog([ReplaceQuestion(
            tmp_path / f"a-rather-long-file-name-of-a-saved-page-{i}.html",
            ArticleDraft("Talks", "Talks began."), article) for i in range(30)], window),
        "article properties": ArticlePropertiesDialog(article, window),
        "CSV options": CsvOptionsDialog(window, None),
        "CSV preview": CsvPreviewDialog(plan, window),
        "chart export": ChartExportDialog(str(tmp_path), 1200, window, title="Demo"),
        "merge": MergeDialog(records, records[0].id, window),
        "tag events": TagEventsDialog(2, [t.name for t in p.tags.list()], window),
        "tag colours": TagColoursDialog(p.tags.list(), lambda _n, _c: True, window),
        "suggest": SuggestDialog(p.analysis.suggestions(article.id), window),
        "connect to team project": ConnectDialog(window),
    }


def test_every_dialog_shows_its_whole_text_and_fits_a_laptop(window, tmp_path: Path) -> None:  # noqa: ANN001
    problems = {}
    for name, dialog in _dialogs(window, tmp_path).items():
        dialog.show()
        QApplication.processEvents()
        size = dialog.frameGeometry()
        if size.width() > 1366 or size.height() > 768 - 40:  # a laptop, less its panel
            problems[name] = [f"{size.width()}x{size.height()} does not fit 1366x768"]
        squeezed = _squeezed(dialog)
        if squeezed:
            problems[name] = squeezed
        dialog.close()
    assert problems == {}
