"""How `import` answers for a file without a sure publication date (--dates): best takes
the best candidate, flagged as not confirmed; strict skips the file; ask asks on the
terminal. A file that names no day and writes none relative to its own is not asked about:
it is imported undated, whatever the mode (asks_publication_day)."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.cli import shown
from desktop_app.core.edits import ArticleDraft
from desktop_app.core.eventdates import read_one_day
from desktop_app.core.importers.dateline import candidates_of
from desktop_app.core.records import DateSource
from desktop_app.core.services.batch_import import AskDate, DateAnswer


def _doubt(draft: ArticleDraft) -> str:
    return draft.published_doubt or "no publication date found"


def best_date(draft: ArticleDraft, path: Path) -> DateAnswer | None:
    """--dates best: nobody to ask: the best candidate, flagged as not confirmed."""
    guess = draft.published_guess
    if guess is None:
        return None  # imported undated, which the summary says
    print(f"warning: {shown(path)}: {_doubt(draft)}; took {guess.isoformat()}, not confirmed "
          "(use --published to set another)", file=sys.stderr)
    return DateAnswer(guess, DateSource.SUGGESTED)


def no_unsure_date(draft: ArticleDraft, path: Path) -> bool:
    """--dates strict: a file without a sure date is skipped (and said so at the end)."""
    print(f"warning: {shown(path)}: {_doubt(draft)}", file=sys.stderr)
    return False


def date_from_terminal(draft: ArticleDraft, path: Path) -> DateAnswer | None | bool:
    """--dates ask: the candidates numbered on stderr, the answer read from stdin: Enter
    takes the first, a number another, a typed day ('6 Aug 2024'), '-' none, 'skip' skips
    the file (as does the end of input)."""
    found = candidates_of(draft)
    print(f"{shown(path)}: {_doubt(draft)}", file=sys.stderr)
    for n, (day, where) in enumerate(found, 1):
        print(f"  {n}. {day.isoformat()} ({where})", file=sys.stderr)
    default = found[0][0].isoformat() if found else "-"
    while True:
        print(f"Publication date [{default}] (a number, a day, - for none, skip): ",
              end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            return False
        answer = line.strip() or default
        if answer == "-":
            return None
        if answer == "skip":
            return False
        if answer.isdigit() and 1 <= int(answer) <= len(found):
            return DateAnswer(found[int(answer) - 1][0])
        typed, why = read_one_day(answer)
        if typed is not None:
            return DateAnswer(typed)
        print(f"  {why}", file=sys.stderr)


DATE_ANSWERS: dict[str, AskDate] = {"best": best_date, "strict": no_unsure_date,
                                    "ask": date_from_terminal}
