"""Setting up a team project on a server: the schema, and who may edit or only read it.

Run once by the team lead (the database's owner): ``timeline-annotator team init URL
--editors ROLE --readers ROLE``. Editors may add, change and delete; readers open the project
read-only (the window disables editing and says why). Only the owner upgrades the schema.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.core.db_server import open_server_database, server_problem
from desktop_app.core.errors import ProjectServerError
from desktop_app.core.locations import project_location

_EDIT = ("GRANT USAGE ON SCHEMA public TO {role}",
         "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
         "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}")
_READ = ("GRANT USAGE ON SCHEMA public TO {role}",
         "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")


def init_team_project(url: str, editors: list[str], readers: list[str]) -> str:
    """Create (or upgrade) the schema and grant the roles; return what was done, in words."""
    location = project_location(url)
    if location.url is None:
        raise ProjectServerError(str(url), "is not a server address; a team project lives "
                                           "on a PostgreSQL server (postgresql://...)")
    db = open_server_database(location)
    try:
        if db.read_only:
            raise ProjectServerError(location.shown, "this login may only read the project; "
                                     "the database's owner sets a team project up")
        with db.engine.begin() as conn:
            preparer = conn.dialect.identifier_preparer
            for roles, grants in ((editors, _EDIT), (readers, _READ)):
                for role in roles:
                    for grant in grants:
                        conn.execute(text(grant.format(role=preparer.quote(role))))
    except SQLAlchemyError as exc:
        raise ProjectServerError(location.shown, server_problem(exc)) from None
    finally:
        db.close()
    said = [f"team project ready at {location.shown}"]
    if editors:
        said.append(f"editors: {', '.join(editors)}")
    if readers:
        said.append(f"readers (read-only): {', '.join(readers)}")
    return "; ".join(said)
