"""The CLI mirrors the service verb for verb: every operation of ``service.reads.Reads`` and
``service.maintain.Maintenance`` has a command that calls it, and the commands give on the real
database what the service gives (``--json`` is the service's result, unchanged)."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from graph.db import Graph
from graph.settings import Settings
from ingest.pipeline import ingest_paths
from projektdb.cli import app
from projektdb.commands import edit as edit_commands
from projektdb.commands import reads as read_commands
from service.maintain import Maintenance
from service.reads import Reads
from tests.conftest import SAMPLE_DIR

# Maintenance operations with a command in commands/maintain.py and commands/data.py
OTHER_MAINTENANCE_COMMANDS: dict[str, tuple[str, ...]] = {
    "history": ("history",),
    "undo": ("undo",),
    "import": ("import_workbook",),
    "export": ("export_workbook",),
}
# Reads not worth a verb of their own: the cache's bookkeeping, the JSON export (`export`), the
# titles by id the pages look names up in
NOT_VERBS = {
    "written",
    "export_json",
    "document_titles",
    "search_projects",
    "related_to_project",
    "related_to_text",
}
NOT_VERBS |= {"indicator_gaps", "readiness", "time_gaps", "target_group_gaps", "overlap_pairs"}
# ... the last two lines: `search`, `related`, `gaps` and `overlaps` run the same analyses


def _operations(cls: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")}


def _commands() -> dict[str, object]:
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return dict(group.commands)


def _callback_source(command: object) -> str:
    callback = command.callback  # type: ignore[attr-defined]
    source = inspect.getsource(callback)
    if "export_xlsx(" in source:  # `export --format xlsx` hands over to commands/maintain.py
        from projektdb.commands import maintain

        source += inspect.getsource(maintain.export_xlsx)
    return source


@pytest.mark.parametrize(
    ("service", "mapping", "left_out"),
    [
        (Reads, read_commands.READ_COMMANDS, NOT_VERBS),
        # nodes: the editors' pickers' fresh list; `projektdb nodes` (a read) lists the same
        (Maintenance, {**edit_commands.EDIT_COMMANDS, **OTHER_MAINTENANCE_COMMANDS}, {"nodes"}),
    ],
    ids=["reads", "maintenance"],
)
def test_every_service_operation_has_a_command_that_calls_it(
    service: type, mapping: dict[str, tuple[str, ...]], left_out: set[str]
) -> None:
    commands = _commands()
    covered = {op for ops in mapping.values() for op in ops}
    missing = _operations(service) - covered - left_out
    assert not missing, f"{service.__name__} operations without a command: {sorted(missing)}"
    unknown = covered - _operations(service)
    assert not unknown, f"the mapping names operations {service.__name__} does not have: {sorted(unknown)}"
    for name, operations in mapping.items():
        assert name in commands, f"`projektdb {name}` is not a command"
        source = _callback_source(commands[name])
        for operation in operations:
            assert f".{operation}(" in source, f"`projektdb {name}` does not call {operation}"


def test_every_command_has_help_and_every_verb_with_output_takes_json() -> None:
    for name, command in _commands().items():
        assert (command.help or "").strip(), f"`projektdb {name}` has no help"  # type: ignore[attr-defined]
    for name in [*read_commands.READ_COMMANDS, *edit_commands.EDIT_COMMANDS, "history", "import"]:
        options = {o for p in _commands()[name].params for o in p.opts}  # type: ignore[attr-defined]
        assert "--json" in options, f"`projektdb {name}` has no --json"


# --- on the real database ----------------------------------------------------------------------


@pytest.fixture
def cli(graph: Graph, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == code, result.output
        return result.output

    return run


def test_read_verbs_give_the_service_results(cli, graph: Graph) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    reads = Reads(graph)
    assert json.loads(cli("labels", "--json")) == reads.label_sizes()
    assert json.loads(cli("decisions", "--json")) == json.loads(json.dumps(reads.decisions(), default=str))
    project = reads.nodes_by_label("Project")[0]
    shown = json.loads(cli("node", project["id"], "--json"))
    assert shown["node"]["properties"]["name"] == project["name"]
    assert {g["type"] for g in shown["relations"]} == {
        g["type"] for g in reads.node_relation_groups(project["id"])
    }
    found = json.loads(cli("nodes", "Actor", "--text", "Region Sörmland", "--json"))
    assert "Region Sörmland" in [row["name"] for row in found]
    totals = json.loads(cli("focus-areas", "--json"))["totals"]
    assert sum(a["count"] for a in totals["areas"]) == reads.focus_area_totals().projects
    clusters = json.loads(cli("clusters", "--json"))
    assert [c["size"] for c in clusters["summaries"]] == [c.size for c in reads.cluster_summaries()]
    # a person's table names the project, and the page text keeps its lines
    assert project["name"][:20] in cli("facts")
    document = reads.documents()[0]
    page = cli("document", document["id"], "--page", "1")
    assert "\n" in page.strip() and "?" * 4 not in page


def test_read_verbs_refuse_what_does_not_exist(cli, graph: Graph) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    assert "no node with id" in cli("node", "project-finns-inte", code=1)
    assert "no nodes labelled" in cli("nodes", "Nonsense", code=1)
    document = Reads(graph).documents()[0]
    assert "has no page 99" in cli("document", document["id"], "--page", "99", code=1)


def test_edit_save_and_edit_again_with_the_version_checked(cli, graph: Graph) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    project = Reads(graph).nodes_by_label("Project")[0]["id"]
    first = json.loads(
        cli(
            "edit", project, "--set", "financing=50 % region", "--set", "pilot=ja", "--user", "anna", "--json"
        )
    )
    assert first["change"] and first["properties"]["pilot"] is True
    again = json.loads(cli("edit", project, "--set", "aliases=A; B", "--user", "anna", "--json"))
    assert again["version"] == first["version"] + 1 and again["properties"]["aliases"] == ["A", "B"]
    # an editor who read the first version is refused, and nothing is written
    stale = cli(
        "edit",
        project,
        "--set",
        "financing=annat",
        "--version",
        str(first["version"]),
        "--user",
        "bo",
        code=1,
    )
    assert "Någon annan" in stale
    node = Maintenance(graph).node(project)
    assert node is not None and node.properties["financing"] == "50 % region"
    assert "Fält som kan" in cli("edit", project, "--set", "nonsense=1", "--user", "anna", code=1)
    assert [c.user for c in Maintenance(graph).history(node_id=project)] == ["anna", "anna"]


def test_create_relate_merge_split_and_undo(cli, graph: Graph) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    project = Reads(graph).nodes_by_label("Project")[0]["id"]
    a = json.loads(
        cli(
            "create",
            "Actor",
            "--set",
            "name=Testnätverket",
            "--set",
            "type=nätverk",
            "--user",
            "anna",
            "--json",
        )
    )["id"]
    b = json.loads(cli("create", "Actor", "--set", "name=Test-nätverket", "--user", "anna", "--json"))["id"]
    cli("relate", "RESPONSIBLE_FOR", b, project, "--user", "anna")
    merged = json.loads(cli("merge", a, b, "--user", "anna", "--json"))["change"]
    assert Maintenance(graph).node(b) is None
    relations = Reads(graph).node_relation_groups(a)
    assert any(g["type"] == "RESPONSIBLE_FOR" and g["other_id"] == project for g in relations)
    cli("split", merged, "--user", "anna")
    assert Maintenance(graph).node(b) is not None
    deleted = json.loads(cli("delete", b, "--user", "anna", "--json"))["change"]
    assert Maintenance(graph).node(b) is None
    cli("undo", deleted, "--user", "anna")
    assert Maintenance(graph).node(b) is not None


def test_review_accept_reject_and_the_brevlada(cli, graph: Graph) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    queue = json.loads(cli("review", "--threshold", "1.01", "--json"))
    assert len(queue) >= 2
    first, second = queue[0]["id"], queue[1]["id"]
    cli("accept", first, "--user", "anna")
    cli("reject", second, "--user", "anna")
    after = {item["id"] for item in json.loads(cli("review", "--threshold", "1.01", "--json"))}
    assert first not in after and second not in after
    assert Maintenance(graph).node(second) is None
    suggestion = json.loads(cli("suggest", "Mobil hemsjukvård på helger", "--user", "bo", "--json"))["id"]
    assert [s["id"] for s in json.loads(cli("suggestions", "--json"))] == [suggestion]
    created = json.loads(cli("suggestions", "--accept", suggestion, "--user", "anna", "--json"))["project"]
    assert Maintenance(graph).node(created) is not None
    assert json.loads(cli("suggestions", "--json")) == []


def test_write_verbs_need_a_user(cli, tmp_path: Path) -> None:
    assert "--user" in cli("delete", "project-x", code=2)


def test_satsning_state_sources_and_relationships(cli, graph: Graph) -> None:
    ingest_paths(graph, [SAMPLE_DIR])
    project = json.loads(
        cli(
            "satsning",
            "Mobil hemsjukvård på helger",
            "--set",
            "pilot=ja",
            "--set",
            "resources=en samordnare",
            "--user",
            "anna",
            "--json",
        )
    )["project"]
    # a second one with the same name is held back unless asked for on purpose
    assert "--allow-similar" in cli("satsning", "Mobil hemsjukvård på helger", "--user", "anna", code=1)
    moved = json.loads(cli("state", project, "--to", "underlag", "--user", "anna", "--json"))
    assert moved["state"] == "underlag" and [s["to"] for s in moved["steps"]][-1] == "underlag"
    assert moved["readiness"]["Test före breddinförande"] is True
    assert "Det finns inget projekt" in cli("state", "project-finns-inte", code=1)
    extracted = Reads(graph).nodes_by_label("Project")[0]["id"]
    quotes = json.loads(cli("sources", extracted, "--json"))
    assert quotes and all(q["quote"] for q in quotes)
    links = json.loads(cli("relationships", extracted, "--json"))
    assert {link["type"] for link in links} == {
        g["type"] for g in Reads(graph).node_relation_groups(extracted)
    } - {
        "MENTIONED_IN",
        "IN_PLAN",
    }
