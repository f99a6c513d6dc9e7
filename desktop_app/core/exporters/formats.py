"""The export formats the app writes, with their usual file suffixes."""

FORMATS = {"csv": "CSV", "timelinejs": "TimelineJS JSON",
           "timelinejs-csv": "TimelineJS spreadsheet CSV", "ics": "iCalendar",
           "jsonld": "W3C Web Annotations (JSON-LD)", "md": "Markdown report",
           "html": "HTML report"}
SUFFIXES = {"csv": ".csv", "timelinejs": ".json", "timelinejs-csv": ".csv", "ics": ".ics",
            "jsonld": ".jsonld", "md": ".md", "html": ".html"}
