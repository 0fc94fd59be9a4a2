"""One vocabulary: the actor types the extractors emit are the ones the edit form offers, and
everything the loader writes has a Swedish title (domain.titles) that the UI and the forms share."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from domain import actors, forms, model, places, titles
from domain.states import GapKind, IngestStatus
from graph.db import Graph
from graph.maintain import edit
from graph.settings import PROJECT_ROOT
from ingest import pipeline
from ingest.extractors import activities
from ingest.load import document_properties
from ingest.vocabulary import actors as actor_vocabulary
from tests.conftest import SAMPLE_DIR
from ui import vocabulary

RAD_TEXT = (
    "Aktiviteter\n\nKompetens: Nationella vårdkompetensrådet har tagit fram stöd. Region Sörmland "
    "ansvarar för arbetet tillsammans med Nationella vårdkompetensrådet.\n"
)


def _form_actor_types() -> tuple[str, ...]:
    [field] = [f for f in forms.fields("Actor") if f.key == "type"]
    return field.choices


def _emittable_actor_types() -> set[str]:
    """Every type the actor vocabulary and the extractors can give an Actor, read off their rules."""
    emitted = {kind for _, kind in actor_vocabulary._TYPE_RULES}
    emitted |= {actor.type for actor in actor_vocabulary.KNOWN_ACTORS}
    emitted |= {"region", "roll", "organisation"}  # actor_type's own answers
    emitted |= {"region" if kind == "län" else kind for kind in get_args(places.PlaceKind)}
    emitted |= {kind for _, kind in activities._ACTOR_TYPES}
    emitted |= {kind for _, kind in activities._COLLECTIVES}
    return emitted


def test_every_actor_type_the_extractors_emit_is_offered_by_the_form() -> None:
    assert _form_actor_types() == actors.ACTOR_TYPES
    assert _emittable_actor_types() <= set(actors.ACTOR_TYPES)
    assert "råd" in _form_actor_types()  # the type the form once lacked


@pytest.mark.slow
def test_every_actor_type_read_from_the_sample_documents_is_offered_by_the_form() -> None:
    found = set()
    for path in pipeline.expand([SAMPLE_DIR]):
        resolved = pipeline.preview(path)
        found |= {
            n.properties["type"] for n in resolved.nodes if n.label == "Actor" and "type" in n.properties
        }
    assert found and found <= set(_form_actor_types())


def test_saving_a_name_edit_keeps_the_actor_type_rad(graph: Graph) -> None:
    pipeline.ingest_file(graph, Path("rad.txt"), data=RAD_TEXT.encode(), file_name="rad.txt")
    [actor] = [r for r in edit.nodes_by_label(graph, "Actor") if r["name"] == "Nationella vårdkompetensrådet"]
    node = edit.get_node(graph, actor["id"])
    assert node["properties"]["type"] == "råd"
    # what the edit page sends: the form as it opened on the node, with the name changed
    values = forms.form_values("Actor", node["properties"])
    assert values["type"] == "råd"
    values["name"] = "Nationellt vårdkompetensråd"
    edit.update_node(graph, actor["id"], values, node["version"], "anna")
    props = edit.get_node(graph, actor["id"])["properties"]
    assert props["name"] == "Nationellt vårdkompetensråd" and props["type"] == "råd"


def test_a_stored_choice_the_form_does_not_know_is_kept_in_the_picker() -> None:
    [field] = [f for f in forms.fields("Actor") if f.key == "type"]
    values = forms.form_values("Actor", {"name": "X", "type": "okänd sort"})
    options = forms.choice_options(field, values["type"])
    assert values["type"] == "okänd sort" and options[options.index(values["type"])] == "okänd sort"


# --- titles ------------------------------------------------------------------------------------

INGEST_CYPHER = sorted((PROJECT_ROOT / "cypher" / "ingest").glob("*.cypher"))


def _cypher_labels_and_types() -> tuple[set[str], set[str]]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in INGEST_CYPHER)
    text = re.sub(r"//[^\n]*", "", text)
    labels = set(re.findall(r"\(\w*:(\w+)", text)) - {"Entity"}  # :Entity is the shared id index
    types = set(re.findall(r"\[\w*:([A-Z_]+)", text))
    return labels, types


def test_the_forms_and_the_pages_use_the_same_titles() -> None:
    for label, title in forms.LABEL_TITLES.items():
        assert vocabulary.label_name(label) == title
    for rel_type, title in forms.RELATIONSHIP_TITLES.items():
        assert vocabulary.relation_name(rel_type, outgoing=True) == title
    for label in forms.FIELDS:
        for field in forms.fields(label):
            assert field.title.startswith(vocabulary.property_name(field.key, label)), (label, field)


def test_every_label_and_relationship_type_the_loader_writes_has_a_title() -> None:
    labels, types = _cypher_labels_and_types()
    assert {"Document"} <= labels and {"MENTIONED_IN", "IN_PLAN", "MEMBER_OF"} <= types
    for label in (labels | set(model.LABELS)) - titles.BOOKKEEPING_LABELS:
        assert label in titles.LABEL_TITLES, label
    for rel_type in types | set(model.REL_TYPES):
        assert rel_type in titles.RELATIONSHIP_TITLES, rel_type


def test_every_document_property_the_loader_writes_has_a_title() -> None:
    resolved = pipeline.preview(SAMPLE_DIR / "001_f592cce8843fa616.txt")
    for key in document_properties(resolved):
        assert key in titles.PROPERTY_TITLES or key in titles.HIDDEN_PROPERTIES, key


def test_every_property_in_the_loaded_sample_has_a_title(graph: Graph) -> None:
    pipeline.ingest_paths(graph, [SAMPLE_DIR])  # and refresh: communities, related initiatives, metrics
    facts = sorted(titles.LABEL_TITLES)  # not the schema's own bookkeeping nodes
    nodes = "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) UNWIND keys(n) AS key RETURN DISTINCT key"
    rels = "MATCH ()-[r]->() UNWIND keys(r) AS key RETURN DISTINCT key"
    with graph.session() as session:  # a look at the whole graph, not a statement of the app
        node_keys = {r["key"] for r in session.run(nodes, labels=facts)}
        rel_keys = {r["key"] for r in session.run(rels)}
    untitled = {k for k in node_keys if k not in titles.PROPERTY_TITLES and k not in titles.HIDDEN_PROPERTIES}
    assert not untitled, untitled
    bookkeeping = titles.HIDDEN_PROPERTIES | titles.PROVENANCE_PROPERTIES
    untitled = {k for k in rel_keys if k not in titles.PROPERTY_TITLES and k not in bookkeeping}
    assert not untitled, untitled


def test_the_ontology_names_the_same_labels_and_relationships() -> None:
    text = (PROJECT_ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    nodes = text.split("## Nodes", 1)[1].split("\n## ", 1)[0]
    documented_labels = set(re.findall(r"^\| `(\w+)` \|", nodes, flags=re.MULTILINE))
    documented_labels |= set(re.findall(r"\(:(\w+)[ {)]", text))
    documented_types = set(re.findall(r"\[:([A-Z_]+)", text))
    assert documented_labels == set(titles.LABEL_TITLES)
    assert documented_types == set(titles.RELATIONSHIP_TITLES)


def test_every_program_state_has_a_swedish_title() -> None:
    assert set(titles.INGEST_STATUS_TITLES) == set(IngestStatus)
    assert set(titles.GAP_KIND_TITLES) == set(GapKind)
    # the values code branches on are English; Swedish is only for showing
    assert all(value.isascii() for value in [*IngestStatus, *GapKind])


def test_counts_take_the_noun_in_the_right_number() -> None:
    from domain.titles import counted

    assert counted(1, "sida", "sidor") == "1 sida"
    assert counted(0, "sida", "sidor") == "0 sidor"
    assert counted(2, "nytt förslag", "nya förslag") == "2 nya förslag"
