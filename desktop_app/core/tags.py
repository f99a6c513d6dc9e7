"""Tag names: how typed tags are cleaned (pure, shared by services, GUI and importers)."""

from __future__ import annotations


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated tag names (commas separate tags, so none inside a name)."""
    kept: list[str] = []
    folded: set[str] = set()
    for t in tags:
        name = " ".join(t.replace(",", " ").split())[:200]
        if name and name.casefold() not in folded:
            kept.append(name)
            folded.add(name.casefold())
    return tuple(kept)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as a comma-separated list."""
    return clean_tags(text.split(","))


def retag(tags: tuple[str, ...], add: tuple[str, ...], remove: tuple[str, ...]
          ) -> tuple[str, ...]:
    """Tags after adding some and removing others (names compared without case)."""
    gone = {t.casefold() for t in remove}
    return clean_tags([t for t in (*tags, *add) if t.casefold() not in gone])
