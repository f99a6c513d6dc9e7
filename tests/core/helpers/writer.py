"""A separate process that edits a project through the services and reports each commit.

Usage: python -m tests.core.helpers.writer DB ARTICLE_ID COUNT TAG
DB is a project file or a team project's address. Prints "created ID TITLE", "edited ID
TITLE", "deleted ID" after each service call returns (that is, after its transaction
committed), and "pending ID" before an edit or delete starts, flushing every line: a kill can
land between a commit and its report. An operation refused by the environment (the server's
connection dropped) is reported as "lost", as a user would be told, and the writer goes on.
"""

from __future__ import annotations

import random
import sys

from desktop_app.core.edits import EventEdit
from desktop_app.core.errors import TimelineError
from desktop_app.core.project import open_project


def main() -> int:
    db, article_id, count, tag = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    project = open_project(db)
    text_len = len(project.events.article_text(article_id))
    rng = random.Random(tag)
    alive: list[int] = []
    for i in range(count):
        try:
            _one(project, rng, alive, article_id, text_len, tag, i)
        except TimelineError as exc:
            print(f"lost 0 {' '.join(str(exc).split())}", flush=True)
    project.close()
    return 0


def _one(project, rng, alive, article_id, text_len, tag, i) -> None:  # noqa: ANN001
    """One random operation: create (55 %), edit (30 %) or delete (15 %)."""
    action = rng.random()
    if action < 0.55 or not alive:
        start = rng.randrange(0, text_len - 40)
        e = project.events.create_from_selection(article_id, start, start + 30)
        alive.append(e.id)
        print(f"created {e.id} {e.title}", flush=True)
    elif action < 0.85:
        event_id = rng.choice(alive)
        title = f"{tag} edit {i}"
        print(f"pending {event_id}", flush=True)
        project.events.edit(event_id, EventEdit(title=title, notes=f"note {i}"))
        print(f"edited {event_id} {title}", flush=True)
    else:
        event_id = alive.pop(rng.randrange(len(alive)))
        print(f"pending {event_id}", flush=True)
        project.events.delete(event_id)
        print(f"deleted {event_id}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
