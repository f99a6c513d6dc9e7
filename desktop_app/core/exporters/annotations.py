"""W3C Web Annotation (JSON-LD): one annotation per event, to and from Hypothesis-style tools."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.core.eventdates import iso_at_precision
from desktop_app.core.exporters.common import ArticleInfo
from desktop_app.core.limits import DEFAULT_LIMITS, Limit, Limits
from desktop_app.core.records import EventDate, EventRecord

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def annotation_page(events: Iterable[EventRecord], articles: dict[int, ArticleInfo],
                    title: str, project_uuid: str) -> dict[str, Any]:
    """An AnnotationPage with one Annotation per event: every quote a target of its own
    (an event without quotes targets its article, or itself), the date (a range as an ISO
    8601 interval) as a classifying body, so that no tag is ever mistaken for it."""
    items = [_annotation_of(e, articles, project_uuid) for e in events]
    return {"@context": CONTEXT, "id": stable_id(project_uuid, "page"),
            "type": "AnnotationPage", "label": title, "items": items}


def stable_id(project_uuid: str, name: str) -> str:
    """A globally unique IRI for a thing of a project, the same at every export."""
    return uuid.uuid5(uuid.UUID(project_uuid), name).urn


def date_value(d: EventDate) -> str:
    """An event's date as one ISO 8601 value: '2021-07-05', '2021-07', '2021-07-05/2021-07-08'."""
    start = iso_at_precision(d.start, d.precision)
    return f"{start}/{iso_at_precision(d.end, d.precision)}" if d.end else start


def _annotation_of(e: EventRecord, articles: dict[int, ArticleInfo],
                   project_uuid: str) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "describing", "value": e.title,
         "format": "text/plain"},
        {"type": "TextualBody", "purpose": "classifying", "value": date_value(e.date),
         "format": "text/plain"}]
    body += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in e.tags]
    if e.notes:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": e.notes,
                     "format": "text/plain"})
    targets: list[Any] = []
    for q in e.quotes:
        a = articles.get(q.article_id)
        if a is None:
            continue
        targets.append({"type": "SpecificResource", "source": a.target, "selector": [
            {"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix,
             "suffix": q.suffix},
            {"type": "TextPositionSelector", "start": q.start, "end": q.end}]})
    if not targets:
        article = articles.get(e.article_id) if e.article_id is not None else None
        targets = [article.target if article else stable_id(project_uuid, f"event-{e.id}")]
    return {"@context": CONTEXT, "id": stable_id(project_uuid, f"event-{e.id}"),
            "type": "Annotation", "motivation": "highlighting",
            "created": e.created_at.isoformat() + "Z", "modified": e.updated_at.isoformat() + "Z",
            "body": body, "target": targets[0] if len(targets) == 1 else targets}


@dataclass(frozen=True)
class IncomingTarget:
    """One place an imported annotation points at: a document, and maybe a passage in it."""

    source: str
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class IncomingAnnotation:
    """What an imported annotation says: where its passages are, and the event's fields."""

    targets: tuple[IncomingTarget, ...]
    title: str
    date: str
    tags: tuple[str, ...]
    notes: str

    @property
    def label(self) -> str:
        """How the import report names it: its first passage, else its document."""
        first = self.targets[0] if self.targets else IncomingTarget("")
        return repr(first.exact[:40]) if first.exact else first.source


def read_annotations(doc: Any, limits: Limits = DEFAULT_LIMITS,
                     ) -> tuple[list[IncomingAnnotation], list[str]]:
    """Annotations in any shape people save: a W3C AnnotationPage or AnnotationCollection, a
    list, one annotation, or Hypothesis's API forms (one, a list, a search result with
    ``rows``); with a reason for each one that cannot be used."""
    if isinstance(doc, dict):
        if doc.get("type") == "AnnotationCollection":
            first = doc.get("first")
            doc = first.get("items", []) if isinstance(first, dict) else []
        elif doc.get("type") == "AnnotationPage":
            doc = doc.get("items", [])
        elif isinstance(doc.get("rows"), list):  # a Hypothesis search result
            doc = doc["rows"]
        else:
            doc = [doc]
    if not isinstance(doc, list):
        return [], ["the file holds no annotations"]
    if len(doc) > limits[Limit.ANNOTATIONS]:
        return [], [f"the file holds {len(doc):,} annotations "
                    f"({limits.stated(Limit.ANNOTATIONS)}); split the file"]
    found, skipped = [], []
    for n, item in enumerate(doc, 1):
        try:
            found.append(_annotation(item))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            reason = exc.args[0] if isinstance(exc, ValueError) and exc.args else \
                f"not an annotation ({type(exc).__name__}: {exc})"
            skipped.append(f"annotation {n}: {reason}")
    return found, skipped


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _annotation(item: Any) -> IncomingAnnotation:
    if not isinstance(item, dict):
        raise ValueError("not an annotation (expected a JSON object)")
    targets = tuple(t for t in (_target(t, item) for t in _as_list(item.get("target")))
                    if t is not None)
    if not targets and isinstance(item.get("uri"), str):  # Hypothesis without selectors
        targets = (IncomingTarget(item["uri"]),)
    if not targets:
        raise ValueError("it has no target")
    title = date = ""
    notes: list[str] = []
    tags: list[str] = []
    legacy = str(item.get("id", "")).startswith("urn:timeline-annotator:")
    for body in _as_list(item.get("body")):
        if not isinstance(body, dict):
            continue  # a body given as an IRI is a resource elsewhere: nothing to read
        value = str(body.get("value", "")).strip()
        purpose = body.get("purpose", "commenting")
        purpose = purpose[0] if isinstance(purpose, list) and purpose else purpose
        if not value:
            continue
        if purpose == "describing" and not title:
            title = value
        elif purpose == "classifying" and not date:
            date = value
        elif purpose == "tagging" and legacy and not date and value[:4].isdigit():
            date = value  # this app's exports before schema 7 tagged the date
        elif purpose == "tagging":
            tags.append(value)
        else:
            notes.append(value)
    for key in ("bodyValue", "text"):  # the W3C shortcut; Hypothesis's comment
        if isinstance(item.get(key), str) and item[key].strip():
            notes.append(item[key].strip())
    tags += [str(t) for t in _as_list(item.get("tags")) if str(t).strip()]  # Hypothesis
    return IncomingAnnotation(targets, title, date, tuple(tags), "\n\n".join(notes))


def _target(target: Any, item: dict[str, Any]) -> IncomingTarget | None:
    if isinstance(target, str):  # a target given as a plain IRI: the whole document
        return IncomingTarget(target)
    if not isinstance(target, dict):
        return None
    source = target.get("source", target.get("id", item.get("uri", "")))
    if isinstance(source, dict):
        source = source.get("id", "")
    selectors = [sel for s in _as_list(target.get("selector")) for sel in _refined(s)]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"
                  and s.get("exact")), {})
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), {})
    start, end = position.get("start"), position.get("end")
    return IncomingTarget(str(source), str(quote.get("exact", "")), str(quote.get("prefix", "")),
                          str(quote.get("suffix", "")),
                          start if isinstance(start, int) else None,
                          end if isinstance(end, int) else None)


def _refined(selector: Any, depth: int = 0) -> list[dict[str, Any]]:
    """A selector and those that refine it (RangeSelector ends, refinedBy chains), a few
    levels deep."""
    if not isinstance(selector, dict) or depth > 4:
        return []
    out = [selector]
    for key in ("refinedBy", "startSelector", "endSelector"):
        for inner in _as_list(selector.get(key))[:10]:
            out += _refined(inner, depth + 1)
    return out
