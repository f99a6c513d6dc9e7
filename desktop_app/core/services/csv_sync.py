"""Import a timeline CSV: compare it with the project (preview), then apply it in one step."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.bulk import insert_rows
from desktop_app.core.changes import note
from desktop_app.core.clock import now
from desktop_app.core.edits import EventEdit
from desktop_app.core.eventdates import format_event_date
from desktop_app.core.gc_pause import gc_paused
from desktop_app.core.importers.csv_import import CsvFile, CsvProblem, CsvRow
from desktop_app.core.importers.decoding import normalise_newlines
from desktop_app.core.orm import Event, ImportKey
from desktop_app.core.records import EventRecord
from desktop_app.core.services.convert import date_columns
from desktop_app.core.services.event_rows import insert_events_in, restore_events_in
from desktop_app.core.services.events import EventService


@dataclass(frozen=True)
class CsvPlan:
    """What importing a CSV file would do; nothing has been written yet."""

    source: CsvFile
    creates: tuple[CsvRow, ...]
    updates: tuple[tuple[CsvRow, EventRecord, EventEdit], ...]
    unchanged: tuple[CsvRow, ...]
    problems: tuple[CsvProblem, ...]
    imported: tuple[CsvRow, ...] = ()  # new rows this project already imported once

    def summary(self) -> str:
        """'2 to create, 3 to update, 5 unchanged, 1 error' (and 'N already imported')."""
        again = (f", {len(self.imported)} already imported (skipped)" if self.imported
                 else "")
        return (f"{len(self.creates)} to create, {len(self.updates)} to update, "
                f"{len(self.unchanged)} unchanged{again}, {len(self.problems)} "
                f"error{'s' if len(self.problems) != 1 else ''}")

    def outcome(self) -> str:
        """What applying the plan did, in the past tense: '2 created, 3 updated, 5
        unchanged, 1 row with an error left out' (and 'N already imported')."""
        again = (f", {len(self.imported)} already imported (skipped)" if self.imported
                 else "")
        bad = len(self.problems)
        return (f"{len(self.creates)} created, {len(self.updates)} updated, "
                f"{len(self.unchanged)} unchanged{again}, {bad} "
                f"row{'s' if bad != 1 else ''} with an error left out")


@dataclass(frozen=True)
class PlannedChange:
    """One field of one event as an import would change it (a new event: one line)."""

    line: int  # in the file
    event: str  # the event's title as it is now (or will be, if new)
    field: str  # "new event", "date", "title", "tags" or "notes"
    before: str
    after: str


def planned_changes(plan: CsvPlan) -> list[PlannedChange]:
    """Every change an import would make, event by event and field by field, in file order:
    what the preview lists so nothing changes unseen."""
    out = [PlannedChange(row.line, row.title or "", "new event", "",
                         format_event_date(row.date) if row.date else "")
           for row in plan.creates]
    for row, before, edit in plan.updates:
        def add(field: str, old: str, new: str, line: int = row.line,
                title: str = before.title) -> None:
            out.append(PlannedChange(line, title, field, old, new))
        if edit.date is not None:
            add("date", format_event_date(before.date), format_event_date(edit.date))
        if edit.title is not None:
            add("title", before.title, edit.title)
        if edit.tags is not None:
            add("tags", ", ".join(before.tags), ", ".join(edit.tags))
        if edit.notes is not None:
            add("notes", before.notes, edit.notes)
    return sorted(out, key=lambda c: c.line)


@dataclass(frozen=True)
class CsvImportResult:
    """What an import did, as records an undo command can reverse."""

    created: tuple[EventRecord, ...]
    updated: tuple[tuple[EventRecord, EventRecord], ...]  # (before, after)
    keys: tuple[str, ...] = ()  # the created events' import keys, in the same order


class CsvSyncService:
    """CSV import that round-trips with the CSV export."""

    def __init__(self, sessions: sessionmaker[Session], events: EventService) -> None:
        self._sessions = sessions
        self._events = events

    @gc_paused()  # 100,000 rows and records, no cycles: no collection rescans them
    def plan(self, source: CsvFile) -> CsvPlan:
        """Compare the file with the project: to create, to update, unchanged, errors."""
        ids = {r.event_id for r in source.rows if r.event_id is not None}
        existing = self._events.get_many(ids)
        known = self._known_keys({r.key for r in source.rows if r.key})
        creates: list[CsvRow] = []
        imported: list[CsvRow] = []
        updates, unchanged = [], []
        problems = list(source.problems)
        seen: dict[int, int] = {}
        for row in source.rows:
            if row.event_id is None:
                (imported if row.key in known else creates).append(row)
                continue
            if row.event_id not in existing:
                problems.append(CsvProblem(row.line, f"event_id {row.event_id} is not in this "
                                                     "project (remove the id to create it)"))
                continue
            if row.event_id in seen:
                problems.append(CsvProblem(row.line, f"event_id {row.event_id} also on line "
                                                     f"{seen[row.event_id]}"))
                continue
            seen[row.event_id] = row.line
            before = existing[row.event_id]
            edit = _edit_for(row, before)
            (updates.append((row, before, edit)) if edit else unchanged.append(row))
        return CsvPlan(source, tuple(creates), tuple(updates), tuple(unchanged),
                       tuple(sorted(problems, key=lambda p: p.line)), tuple(imported))

    def _known_keys(self, keys: set[str]) -> set[str]:
        """Which of these import keys the project holds already."""
        found: set[str] = set()
        with self._sessions() as s:
            ordered = sorted(keys)
            for i in range(0, len(ordered), 1000):
                found.update(s.scalars(select(ImportKey.key).where(
                    ImportKey.key.in_(ordered[i:i + 1000]))))
        return found

    @gc_paused()
    def apply(self, plan: CsvPlan) -> CsvImportResult:
        """Create and update as planned, all in one transaction: a failure part-way leaves
        the project as it was."""
        with self._sessions.begin() as s:
            stamp = now()
            rows = []
            for row in plan.creates:
                assert row.date is not None  # the reader refuses new rows without a date
                rows.append({"title": normalise_newlines(row.title or "").strip()[:1000],
                             "notes": normalise_newlines(row.notes or ""),
                             **date_columns(row.date), "date_edited_by_user": True,
                             "created_at": stamp, "updated_at": stamp})
            created = insert_events_in(s, rows, [r.tags or () for r in plan.creates])
            keys = tuple(r.key for r in plan.creates)
            _keep_keys(s, [e.id for e in created], keys)
            edited = [self._events.edit_in(s, before.id, edit).id
                      for _row, before, edit in plan.updates]
            s.flush()
            after = self._events.records_in(s, edited)
            return CsvImportResult(tuple(created), tuple(
                (before, after[before.id]) for _row, before, _edit in plan.updates), keys)

    @gc_paused()
    def undo(self, result: CsvImportResult) -> None:
        """Reverse an import in one transaction (its undo command calls this)."""
        with self._sessions.begin() as s:
            ids = [r.id for r in result.created]
            for i in range(0, len(ids), 1000):  # the database deletes their quotes and tags
                s.execute(delete(Event).where(Event.id.in_(ids[i:i + 1000])))
            note(s, "deleted", "events", ids)
            for before, _after in result.updated:
                self._events.write_state_in(s, before)

    @gc_paused()
    def redo(self, result: CsvImportResult) -> CsvImportResult:
        """Apply an undone import again, with the same ids, in one transaction."""
        with self._sessions.begin() as s:
            restore_events_in(s, list(result.created))
            _keep_keys(s, [e.id for e in result.created], result.keys)
            for _before, after in result.updated:
                self._events.write_state_in(s, after)
            s.flush()
            records = self._events.records_in(s, [a.id for _b, a in result.updated])
            return CsvImportResult(result.created,
                                   tuple((b, records[a.id]) for b, a in result.updated),
                                   result.keys)


def _keep_keys(s: Session, event_ids: list[int], keys: tuple[str, ...]) -> None:
    """Record the import keys of events just created (undo deletes them with the events)."""
    insert_rows(s, ImportKey.__table__, [{"event_id": i, "key": k}
                                         for i, k in zip(event_ids, keys, strict=True) if k])


def _edit_for(row: CsvRow, before: EventRecord) -> EventEdit | None:
    """The edit that makes the event match the row, or None when it already does."""
    d = row.date
    edit = EventEdit(
        title=row.title if row.title and row.title != before.title else None,
        notes=row.notes if row.notes is not None and row.notes != before.notes else None,
        tags=row.tags if row.tags is not None and tuple(sorted(row.tags, key=str.casefold))
        != before.tags else None,
        date=d if d is not None and (d.start, d.precision, d.end) != (
            before.date.start, before.date.precision, before.date.end) else None)
    return None if edit == EventEdit() else edit
