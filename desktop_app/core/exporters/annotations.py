"""W3C Web Annotation (JSON-LD): one annotation per quote, to and from Hypothesis-style tools."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.core.eventdates import iso_at_precision
from desktop_app.core.exporters.common import ArticleInfo
from desktop_app.core.records import EventRecord

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation_page(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                    title: str) -> dict[str, Any]:
    """An AnnotationPage holding one Annotation per quote of every event."""
    items = []
    for e in events:
        for q in e.quotes:
            a = articles.get(q.article_id)
            if a is None:
                continue
            body = [{"type": "TextualBody", "purpose": "describing", "value": e.title,
                     "format": "text/plain"},
                    {"type": "TextualBody", "purpose": "tagging",
                     "value": iso_at_precision(e.date.start, e.date.precision)}]
            body += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in e.tags]
            if e.notes:
                body.append({"type": "TextualBody", "purpose": "commenting", "value": e.notes})
            items.append({
                "@context": CONTEXT,
                "id": f"urn:timeline-annotator:quote:{q.id}",
                "type": "Annotation",
                "motivation": "highlighting",
                "created": e.created_at.isoformat() + "Z",
                "body": body,
                "target": {"source": a.target, "selector": [
                    {"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix,
                     "suffix": q.suffix},
                    {"type": "TextPositionSelector", "start": q.start, "end": q.end}]},
            })
    return {"@context": CONTEXT, "type": "AnnotationPage", "label": title, "items": items}


@dataclass(frozen=True)
class IncomingAnnotation:
    """What an imported annotation says: where the passage is, and the event's title/date."""

    source: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    title: str
    date: str
    tags: tuple[str, ...]
    notes: str


def read_annotations(doc: Any) -> tuple[list[IncomingAnnotation], list[str]]:
    """Annotations in a page, a collection, a list or a single one; with reasons for skips."""
    if isinstance(doc, dict) and doc.get("type") == "AnnotationCollection":
        doc = (doc.get("first") or {}).get("items", [])
    elif isinstance(doc, dict) and doc.get("type") == "AnnotationPage":
        doc = doc.get("items", [])
    elif isinstance(doc, dict):
        doc = [doc]
    if not isinstance(doc, list):
        return [], ["the file holds no annotations"]
    found, skipped = [], []
    for n, item in enumerate(doc, 1):
        try:
            found.append(_annotation(item))
        except (KeyError, TypeError, ValueError) as exc:
            skipped.append(f"annotation {n}: {exc}")
    return found, skipped


def _annotation(item: dict[str, Any]) -> IncomingAnnotation:
    target = item["target"]
    target = target[0] if isinstance(target, list) else target
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is None or not quote.get("exact"):
        raise ValueError("no TextQuoteSelector with exact text")
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), {})
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    title = date = notes = ""
    tags = []
    for b in bodies:
        value = str(b.get("value", "")) if isinstance(b, dict) else str(b)
        purpose = b.get("purpose", "describing") if isinstance(b, dict) else "describing"
        if purpose == "describing" and not title:
            title = value
        elif purpose == "tagging" and not date and value[:4].isdigit():
            date = value
        elif purpose == "tagging":
            tags.append(value)
        elif purpose == "commenting":
            notes = value
    return IncomingAnnotation(str(target["source"]), quote["exact"], quote.get("prefix", ""),
                              quote.get("suffix", ""), position.get("start"), title, date,
                              tuple(tags), notes)
