from typing import Any

from graph import cypher, schema
from graph.db import Graph

# The tests' own looks at the server (the app never runs these, so they are no files under cypher/).
SHOW_INDEXES = (
    "SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties "
    "RETURN name, type, state, labelsOrTypes, properties ORDER BY name"
)
FULLTEXT_ANALYZERS = (
    "SHOW FULLTEXT INDEXES YIELD name, options "
    "RETURN name, options.indexConfig.`fulltext.analyzer` AS analyzer"
)


def _rows(graph: Graph, statement: str) -> list[dict[str, Any]]:
    with graph.session() as session:
        return session.run(statement).data()


def test_migrate_twice_changes_nothing(graph: Graph) -> None:
    before = _rows(graph, SHOW_INDEXES)
    assert schema.migrate(graph) == []  # the session fixture applied everything already
    assert _rows(graph, SHOW_INDEXES) == before


def test_schema_has_keys_fulltext_and_ranges(graph: Graph) -> None:
    indexes = {row["name"]: row for row in _rows(graph, SHOW_INDEXES)}
    for label in ("document", "project", "actor", "focus_area", "goal", "indicator", "measure", "decision"):
        assert f"{label}_id" in indexes, label
    assert indexes["entity_text"]["type"] == "FULLTEXT"
    assert "Project" in indexes["entity_text"]["labelsOrTypes"]
    assert indexes["quote_text"]["type"] == "FULLTEXT"
    assert indexes["project_status"]["type"] == "RANGE"
    assert all(row["state"] == "ONLINE" for row in indexes.values())


def test_schema_version_recorded(graph: Graph) -> None:
    row = graph.read_one("admin/schema_version")
    assert row is not None and row["version"] == schema.schema_version() == len(cypher.names("schema"))
    assert schema.applied(graph) == schema.migrations()


def test_server_is_5_26(graph: Graph) -> None:
    assert graph.server_version().startswith("5.26.")


def test_swedish_analyzer_on_fulltext(graph: Graph) -> None:
    rows = _rows(graph, FULLTEXT_ANALYZERS)
    assert {row["name"]: row["analyzer"] for row in rows}["entity_text"] == "swedish"
