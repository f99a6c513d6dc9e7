"""Accuracy on the shared TIMEX3 gold data must not regress (values, not times)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from desktop_app.core.temporal.evaluate import predict
from tests.conftest import SHARED

DATA = SHARED / "data" / "tempeval"


def _scorer():  # noqa: ANN202
    path = DATA / "score.py"
    if not path.exists():
        pytest.skip("../shared/data/tempeval is not present")
    spec = importlib.util.spec_from_file_location("tempeval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# Today's figures held (1,295 of 1,499 and 246 of 286; MEANTIME's is issue "Dates 2"'s
# target, TBAQ's 88 % is not met), as a floor a change may not go under.
@pytest.mark.parametrize("corpus,minimum", [("tbaq-train", 1295 / 1499),
                                            ("meantime-en", 246 / 286)])
def test_gold_span_date_accuracy(corpus: str, minimum: float) -> None:
    score = _scorer()
    correct = total = 0
    kinds: dict[str, list[int]] = {}
    for line in (DATA / f"{corpus}.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        predicted = {(p["start"], p["end"]): p["value"] for p in predict(doc, gold_spans=True)}
        for g in doc["timexes"]:
            if g["type"] != "DATE" or g.get("function") in score.DATELINE_FUNCTIONS:
                continue
            ok = predicted.get((g["start"], g["end"])) == g["value"]
            kind = kinds.setdefault(score.date_kind(g["text"], g["value"]), [0, 0])
            kind[0] += ok
            kind[1] += 1
            correct += ok
            total += 1
    assert correct / total >= minimum, f"{correct}/{total}"
    for kind, (ok, n) in kinds.items():
        if kind != "other":
            assert ok / n >= 0.70, f"{kind}: {ok}/{n}"


def test_end_to_end_extraction_and_value_f1_on_tbaq() -> None:
    """End-to-end floors: relaxed extraction F1 >= 0.94 (issue "Dates 2"'s target, met since
    quoted show titles, months naming a march, 'April 24 and 25', 'midday' and 'at 4 in the
    morning' are read right: 0.9401), value F1 >= 0.808 (value F1 = value accuracy x relaxed
    F1, as TempEval-3 defines it; 0.8090 held; the issue's 0.83 is not met)."""
    score = _scorer()
    gold = {}
    for line in (DATA / "tbaq-train.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        gold[doc["doc"]] = doc
    predicted = {d: {"timexes": predict(doc, gold_spans=False)} for d, doc in gold.items()}
    extraction = score.score(gold, predicted)["extraction"]
    assert 0.94 <= extraction["relaxed"]["F1"] <= 1, extraction["relaxed"]
    assert extraction["value_F1"] >= 0.808, extraction["value_F1"]
