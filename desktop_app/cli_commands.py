"""The names of the headless commands (kept apart so start-up need not import the CLI)."""

COMMANDS = ("import", "add-event", "list", "articles", "export", "export-csv", "import-csv",
            "import-jsonld")
