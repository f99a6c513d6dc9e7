"""Generate large projects quickly for benchmarks (bulk inserts; test code only)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from desktop_app.core.orm import Article, Event, Quote
from desktop_app.core.project import Project, open_project
from desktop_app.core.services.articles import text_sha256

SENTENCE = ("On {weekday}, officials in the {n}th district said the convoy had reached the "
            "border crossing before dawn. ")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def article_text(n_chars: int) -> str:
    """A long article of repeated, slightly varied sentences."""
    parts, size, i = [], 0, 0
    while size < n_chars:
        s = SENTENCE.format(weekday=WEEKDAYS[i % 7], n=i)
        if i % 6 == 5:
            s += "\n\n"
        parts.append(s)
        size += len(s)
        i += 1
    return "".join(parts)[:n_chars]


def build_project(path: Path, n_events: int, n_chars: int = 200_000, seed: int = 7,
                  n_articles: int = 1) -> tuple[Project, int]:
    """A project with n_events events quoting one long article (or spread over n_articles,
    one in ten of them then at month or year precision); returns the first article's id."""
    rng = random.Random(seed)
    project = open_project(path)
    text = article_text(n_chars)
    now = datetime.now(UTC).replace(tzinfo=None)
    with project.db.sessions.begin() as s:
        articles = []
        for k in range(n_articles):
            body = text if k == 0 else f"{text}\n\nUpdate {k}."
            article = Article(title="Long article" if k == 0 else f"Dispatch {k}: border report",
                              outlet="Bench", url="", author="", published_on=date(2021, 7, 9),
                              published_source="user", text=body, sha256=text_sha256(body),
                              source_path="", imported_at=now)
            s.add(article)
            articles.append(article)
        s.flush()
        base = date(1990, 1, 1)
        events, quotes = [], []
        for i in range(1, n_events + 1):
            d = base + timedelta(days=rng.randrange(0, 12_000))
            precision = "day"
            if n_articles > 1 and i % 10 == 0:
                precision = "month" if i % 20 else "year"
                d = d.replace(day=1) if precision == "month" else d.replace(month=1, day=1)
            events.append(dict(id=i, title=f"Event {i}: convoy reached the crossing",
                               notes="", start_date=d, end_date=None, precision=precision,
                               earliest=d, latest=d, date_expression="on Monday",
                               date_rule="generated", date_anchor=date(2021, 7, 9),
                               date_assumed=False, date_edited_by_user=False, created_at=now,
                               updated_at=now))
            start = rng.randrange(0, max(1, len(text) - 120))
            quotes.append(dict(event_id=i, article_id=articles[i % n_articles].id, start=start,
                               end=start + 80, exact=text[start:start + 80], prefix="",
                               suffix=""))
        s.execute(insert(Event), events)
        s.execute(insert(Quote), quotes)
        article_id = articles[0].id
    return project, article_id
