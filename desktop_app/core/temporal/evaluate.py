"""Evaluate the engine on TIMEX3 gold data and print the scorer's tables.

Usage: python -m desktop_app.core.temporal.evaluate GOLD.jsonl --out PRED.jsonl [--gold-spans]
The scorer (``score.py``) is looked up next to the gold file unless ``--scorer`` names it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.core.temporal.engine import find_expressions, normalise_span


def predict(doc: dict[str, Any], gold_spans: bool) -> list[dict[str, Any]]:
    """Predictions for one gold document, end-to-end or one value per gold span."""
    text = doc["text"]
    dct = date.fromisoformat(doc["dct"][:10])
    if not gold_spans:
        # TIMEX3 marks a range as its points: score the points a range was joined from.
        return [{"start": e.start, "end": e.end, "type": e.type, "value": e.value}
                for found in find_expressions(text, dct) for e in (found.parts or (found,))]
    out = []
    for g in doc["timexes"]:
        best = normalise_span(text, g["start"], g["end"], dct)
        if best is not None:
            out.append({"start": g["start"], "end": g["end"], "type": best.type,
                        "value": best.value})
    return out


def main(argv: list[str] | None = None) -> int:
    """Write predictions and run the scorer on them."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("gold", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--gold-spans", action="store_true",
                   help="predict one value per gold span (normalisation accuracy)")
    p.add_argument("--scorer", type=Path, help="path to score.py (default: beside GOLD)")
    p.add_argument("--errors", type=int, default=0)
    args = p.parse_args(argv)
    with args.gold.open(encoding="utf-8") as src, args.out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                doc = json.loads(line)
                dst.write(json.dumps({"doc": doc["doc"],
                                      "timexes": predict(doc, args.gold_spans)}) + "\n")
    scorer = args.scorer or args.gold.parent / "score.py"
    if not scorer.exists():
        print(f"predictions written to {args.out}; no scorer at {scorer}", file=sys.stderr)
        return 0
    cmd = [sys.executable, str(scorer), str(args.gold), str(args.out)]
    if args.errors:
        cmd += ["--errors", str(args.errors)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
