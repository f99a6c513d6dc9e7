"""Qt widgets over the core services; no SQL here."""
