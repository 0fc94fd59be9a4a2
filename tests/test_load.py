"""The loader: every relationship type is written, few statements per document, and the known
nodes a batch ingest keeps equal what a fresh read gives."""

from __future__ import annotations

import json
from typing import Any

import pytest

import ingest.load as load_module
from domain.model import LABELS, REL_TYPES, Extraction
from graph import export
from graph.db import Graph
from graph.settings import PROJECT_ROOT
from ingest.load import KNOWN_LABELS, KnownNodes, known_nodes, write_document
from ingest.pipeline import ingest_file
from ingest.resolve import ResolvedDocument, resolve
from tests.factories import document, evidence

EXTRACTED_TYPES = [t for t in REL_TYPES if t != "IN_PLAN"]


def _every_type(quote: str) -> Extraction:
    """One relationship of every extracted type, each from the plan's project to its own node."""
    ex = Extraction()
    project = ex.entity("Project", "Mobila team för äldre", evidence(quote))
    ex.entity("FocusArea", "Primärvården som nav", evidence(quote))
    for number, rel_type in enumerate(EXTRACTED_TYPES):
        label = LABELS[number % len(LABELS)]
        target = ex.entity(label, f"Mål {rel_type.lower()}", evidence(quote))
        ex.relate(rel_type, project, target, evidence(f"{quote} {rel_type}"), role=rel_type.lower())
    return ex


def _relationships(graph: Graph) -> dict[str, dict[str, Any]]:
    return {r["type"]: r["properties"] for r in export.snapshot(graph)["relationships"]}


def _resolve(graph: Graph, name: str, ex: Extraction) -> ResolvedDocument:
    return resolve(ex, document(name, name), known_nodes(graph))


def test_every_relationship_type_is_written_with_its_sources(graph: Graph) -> None:
    first = _resolve(graph, "a.txt", _every_type("a"))
    write_document(graph, first)
    found = _relationships(graph)
    assert set(EXTRACTED_TYPES) <= found.keys()
    assert "IN_PLAN" in found  # the plan's focus area
    for rel_type in EXTRACTED_TYPES:
        assert found[rel_type]["role"] == rel_type.lower()
        assert found[rel_type]["source_docs"] == [first.document.id]
        assert [json.loads(s)["quote"] for s in found[rel_type]["sources"]] == [f"a {rel_type}"]

    second = _resolve(graph, "b.txt", _every_type("b"))
    write_document(graph, second)
    write_document(graph, first)  # a re-ingest takes back its share and writes it again
    found = _relationships(graph)
    for rel_type in EXTRACTED_TYPES:
        assert found[rel_type]["source_docs"] == sorted([first.document.id, second.document.id])
        sources = found[rel_type]["sources"]
        assert sources == sorted(sources)
        assert sorted(json.loads(s)["quote"] for s in sources) == [f"a {rel_type}", f"b {rel_type}"]


def test_statements_per_document(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 7: a document new to the graph costs three statements, whatever its relationship
    types; a re-ingest one more (retract)."""
    ran: list[str] = []
    run = load_module.run

    def counted(tx: Any, name: str, /, **params: Any) -> Any:
        ran.append(name)
        return run(tx, name, **params)

    monkeypatch.setattr(load_module, "run", counted)
    resolved = _resolve(graph, "a.txt", _every_type("a"))
    write_document(graph, resolved)
    assert ran == ["ingest/merge_document", "ingest/merge_nodes", "ingest/relate"]
    ran.clear()
    write_document(graph, resolved)
    assert ran == ["ingest/merge_document", "ingest/retract_document", "ingest/merge_nodes", "ingest/relate"]


def test_known_nodes_kept_across_a_batch_equal_a_fresh_read(graph: Graph) -> None:
    known = KnownNodes(graph)
    for path in sorted((PROJECT_ROOT / "sample_data").glob("*.txt")):
        ingest_file(graph, path, known=known)
        assert sorted(known.nodes(), key=lambda n: n.id) == sorted(known_nodes(graph), key=lambda n: n.id)
    assert {n.label for n in known.nodes()} <= KNOWN_LABELS


def test_known_nodes_after_a_rename(graph: Graph) -> None:
    """ "NSV" first, then a document that defines it: the node takes the smaller id (a rename)."""
    full = "Nämnden för samverkan kring socialtjänst och vård"
    known = KnownNodes(graph)
    for name, ex in (("a.txt", Extraction()), ("b.txt", Extraction())):
        if name == "a.txt":
            ex.entity("Actor", "NSV", evidence("NSV"))
        else:
            ex.entity("Actor", full, evidence(full), aliases=["NSV"])
        resolved = resolve(ex, document(name, name), known.nodes())
        known.after(write_document(graph, resolved))
    assert resolved.renames  # the case this test is about
    assert sorted(known.nodes(), key=lambda n: n.id) == sorted(known_nodes(graph), key=lambda n: n.id)
