"""``kg neo4j start|stop|status|index|fetch|admin``: the local Neo4j Community server.

    kg neo4j start      # fetch jars on first use (mvn), start, wait until Bolt answers
    kg neo4j status     # exit 0 if Neo4j answers at NEO4J_URI, 4 if not
    kg neo4j stop
    kg neo4j index      # kg's indexes and count nodes, after a neo4j-admin import
    kg neo4j admin -- database import full --nodes=... neo4j
"""
from __future__ import annotations

import argparse
from pathlib import Path

from kg import db, neo4j_server


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "neo4j", help="start, stop or check the local Neo4j server",
        description="Run a local Neo4j Community 5.26 (embedded engine with Bolt) on the host and port of "
                    f"NEO4J_URI (default {db.DEFAULT_URI}), user NEO4J_USERNAME, password NEO4J_PASSWORD "
                    f"(default {db.DEFAULT_PASSWORD!r}). Data and logs go to KG_NEO4J_HOME (default ./.kg/neo4j), "
                    "jars to KG_NEO4J_CACHE (default ~/.cache/kg/neo4j-5.26); the first start fetches them "
                    "with mvn.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    actions.add_parser("start", help="start the server (no-op if it already answers)").set_defaults(func=run_start)
    actions.add_parser("stop", help="stop the server and wait until it has exited").set_defaults(func=run_stop)
    actions.add_parser("status", help="exit 0 if Neo4j answers at NEO4J_URI, else 4").set_defaults(func=run_status)
    actions.add_parser(
        "index", help="create kg's indexes and count nodes (after a neo4j-admin import)",
        description="On the database at NEO4J_URI: create the constraints and indexes the named queries use "
                    "(docs/schema.md), only the missing ones, recount every method's count nodes, and wait "
                    "until every index is online. `kg load` does this itself for what it loads; run it after "
                    "`neo4j-admin database import`, which writes neither.").set_defaults(func=run_index)
    actions.add_parser("fetch", help="only fetch the jars and compile the launcher").set_defaults(func=run_fetch)
    admin = actions.add_parser("admin", help="run neo4j-admin with KG_NEO4J_HOME as NEO4J_HOME",
                               description="Run the neo4j-admin tool (e.g. `database import full`) from the "
                                           "cached jars. Stop the server before importing into its database.")
    admin.add_argument("admin_args", nargs=argparse.REMAINDER, metavar="ARGS", help="neo4j-admin arguments")
    admin.set_defaults(func=run_admin)


def run_start(args) -> int:
    uri = db.settings()["uri"]
    started = neo4j_server.start()
    print(f"Neo4j {'started' if started else 'already running'} at {uri}")
    return 0


def run_stop(args) -> int:
    stopped = neo4j_server.stop()
    print("Neo4j stopped" if stopped else "Neo4j was not running (no live pid file)")
    return 0


def run_status(args) -> int:
    uri = db.settings()["uri"]
    if neo4j_server.is_up(uri):
        print(f"Neo4j is up at {uri}")
        return 0
    print(f"Neo4j is not answering at {uri}")
    return db.Neo4jUnavailable.exit_code


def run_index(args) -> int:
    import queries
    from loaders.neo4j_writer import await_indexes, count_methods, ensure_schema
    uri, database = db.settings()["uri"], db.default_database()
    with db.connect() as driver, db.translated_errors(uri, database), driver.session(database=database) as session:
        created = ensure_schema(session)
        methods = [row["id"] for row in db.read_rows(driver, queries.load("internal/method_ids"), {}, database)]
        count_methods(session, methods)
        await_indexes(session)
    print(f"Created {created} constraints and indexes and counted {len(methods)} methods at {uri}; "
          "every index is online")
    return 0


def run_fetch(args) -> int:
    print(f"Neo4j jars and launcher ready in {neo4j_server.fetch()}")
    return 0


def run_admin(args) -> int:
    admin_args = args.admin_args[1:] if args.admin_args[:1] == ["--"] else args.admin_args
    result = neo4j_server.run_neo4j_admin(admin_args, Path(neo4j_server.home_dir()))
    print(result.stdout, end="")
    print(result.stderr, end="")
    return result.returncode
