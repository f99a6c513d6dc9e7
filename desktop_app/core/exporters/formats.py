"""The export formats the app writes: one list, from which the File > Export As menu, its save
dialogs' file filters, the CLI's ``export`` choices and the export service's dispatch are all
built. A new format is an entry here and its writer in ``services/exports.py`` (a test checks
every entry has one).

Kept free of the writers' own imports: the window builds its menu from this list before it
first paints.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    """One way to write the timeline out."""

    key: str  # the CLI's name for it: export KEY OUT
    name: str  # what it is, for messages and help
    suffix: str  # the usual file suffix
    menu: str  # File > Export As label ("" : it has its own menu item, as CSV does)

    @property
    def file_filter(self) -> str:
        """The save dialog's filter: 'iCalendar (*.ics);;All files (*)'."""
        return f"{self.name} (*{self.suffix});;All files (*)"


EXPORT_FORMATS = (
    ExportFormat("csv", "CSV", ".csv", ""),
    ExportFormat("timelinejs", "TimelineJS JSON", ".json", "TimelineJS JSON…"),
    ExportFormat("timelinejs-csv", "TimelineJS spreadsheet CSV", ".csv",
                 "TimelineJS Spreadsheet CSV…"),
    ExportFormat("ics", "iCalendar", ".ics", "iCalendar (.ics)…"),
    ExportFormat("jsonld", "W3C Web Annotations (JSON-LD)", ".jsonld",
                 "Web Annotations (JSON-LD)…"),
    ExportFormat("md", "Markdown report", ".md", "Markdown Report…"),
    ExportFormat("html", "HTML report", ".html", "HTML Report…"),
)
BY_KEY = {f.key: f for f in EXPORT_FORMATS}
FORMATS = {f.key: f.name for f in EXPORT_FORMATS}  # key -> name, in menu order
SUFFIXES = {f.key: f.suffix for f in EXPORT_FORMATS}
