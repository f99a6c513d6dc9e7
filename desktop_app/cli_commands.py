"""The names of the headless commands (kept apart so start-up need not import the CLI)."""

COMMANDS = ("import", "add-event", "list", "events", "articles", "suggest", "export",
            "export-csv", "export-chart", "import-csv", "import-jsonld", "copy-project", "team")
# Options of the command line that take a value (the value is not a command's name).
VALUE_OPTIONS = ("--db", "--author", "--limit", "--quit-after", "--screenshot")
