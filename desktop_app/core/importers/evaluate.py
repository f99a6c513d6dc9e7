"""Measure the article importers on saved pages with known answers.

    python -m desktop_app.core.importers.evaluate GOLD.jsonl PAGES_DIR --out PRED.jsonl

For every page named in GOLD.jsonl (one JSON object per line with at least "file"), the page
in PAGES_DIR is imported exactly as File > Import does it (nothing is stored), and one line
is written to PRED.jsonl: {"file", "published", "asked", "title", "text", "error"}, the
format of the shared scorer (../shared/data/webpages/score.py). "asked" is true where the app
would ask the user for the publication date instead of taking one; "guess" (which the scorer
does not read) is the day the question is pre-filled with.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from desktop_app.core.errors import TimelineError
from desktop_app.core.importers import read_article_file
from desktop_app.core.importers.dateline import asks_publication_day


def predict(path: Path) -> dict[str, object]:
    """What importing one page gives, as the scorer reads it."""
    try:
        draft = read_article_file(path)
    except TimelineError as exc:
        return {"file": path.name, "published": None, "asked": True, "guess": None,
                "title": "", "text": "", "error": str(exc)}
    return {"file": path.name,
            "published": draft.published.isoformat() if draft.published else None,
            "asked": asks_publication_day(draft),
            "guess": draft.published_guess.isoformat() if draft.published_guess else None,
            "title": draft.title, "text": draft.text, "error": None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pages", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    names = [json.loads(line)["file"] for line in args.gold.open(encoding="utf-8")
             if line.strip()]
    t0 = time.perf_counter()
    with args.out.open("w", encoding="utf-8") as out:
        for name in names:
            out.write(json.dumps(predict(args.pages / name), ensure_ascii=False) + "\n")
    print(f"{len(names)} pages in {time.perf_counter() - t0:.1f} s -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
