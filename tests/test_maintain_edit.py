"""Editing through forms: allow-lists, optimistic locking, history and undo, against the real graph."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.maintain import Conflict, MaintainError, edit, history, undo
from tests.maintain_helpers import small_graph


def test_update_records_edited_keys_version_and_history(graph: Graph) -> None:
    ids = small_graph(graph)
    node = edit.get_node(graph, ids["project"])
    assert node["version"] == 0
    result = edit.update_node(
        graph, ids["project"], {"financing": "Statsbidrag 2024", "name": "Fast vårdkontakt"}, 0, "anna"
    )
    assert result["version"] == 1
    node = edit.get_node(graph, ids["project"])
    props = node["properties"]
    assert props["financing"] == "Statsbidrag 2024" and props["name"] == "Fast vårdkontakt"
    assert props["edited"] == ["financing", "name"] and props["updated_by"] == "anna"
    changes = history.history(graph, node_id=ids["project"])
    assert [(c.action, c.user) for c in changes] == [("update", "anna")]
    assert changes[0].before["values"] == {"financing": None, "name": "Fast vårdkontakt för äldre"}
    assert changes[0].after["values"] == {"financing": "Statsbidrag 2024", "name": "Fast vårdkontakt"}


def test_a_whole_form_changes_only_what_the_editor_changed(graph: Graph) -> None:
    """The form sends every field: an unticked box, an empty list and an empty box for properties
    the node never had are no change (before, they were saved and listed as edited)."""
    ids = small_graph(graph)
    form = {"name": "Fast vårdkontakt", "pilot": False, "aliases": [], "financing": "", "follow_up": ""}
    edit.update_node(graph, ids["project"], form, 0, "anna")
    props = edit.get_node(graph, ids["project"])["properties"]
    assert props["edited"] == ["name"]
    assert "pilot" not in props and "follow_up" not in props
    again = edit.update_node(graph, ids["project"], form, 1, "anna")
    assert again["change"] is None and again["version"] == 1


def test_two_editors_the_later_save_gets_a_conflict_and_nothing_is_lost(graph: Graph) -> None:
    ids = small_graph(graph)
    opened_by_anna = edit.get_node(graph, ids["project"])["version"]
    opened_by_bo = edit.get_node(graph, ids["project"])["version"]
    edit.update_node(graph, ids["project"], {"financing": "Region 50 %"}, opened_by_anna, "anna")
    with pytest.raises(Conflict) as conflict:
        edit.update_node(graph, ids["project"], {"financing": "Kommunerna"}, opened_by_bo, "bo")
    message = conflict.value.message
    assert "Någon annan (anna) sparade" in message and "medan du redigerade" in message
    assert "Dina ändringar sparades inte" in message
    assert conflict.value.version == opened_by_anna + 1 and conflict.value.saved_by == "anna"
    assert edit.get_node(graph, ids["project"])["properties"]["financing"] == "Region 50 %"
    # Bo reloads and saves again: both edits are in the history, none overwritten unseen
    fresh = edit.get_node(graph, ids["project"])
    edit.update_node(graph, ids["project"], {"follow_up": "Årlig uppföljning"}, fresh["version"], "bo")
    props = edit.get_node(graph, ids["project"])["properties"]
    assert props["financing"] == "Region 50 %" and props["follow_up"] == "Årlig uppföljning"
    assert [c.user for c in history.history(graph, node_id=ids["project"])] == ["bo", "anna"]


def test_form_keys_outside_the_allow_list_are_refused(graph: Graph) -> None:
    ids = small_graph(graph)
    for key in ("props_source", "version", "id", "name} SET n.x = 1 //"):
        with pytest.raises(MaintainError):
            edit.update_node(graph, ids["project"], {key: "x"}, 0, "anna")
    with pytest.raises(MaintainError):
        edit.update_node(graph, ids["project"], {"status": "inte en status"}, 0, "anna")
    assert edit.get_node(graph, ids["project"])["version"] == 0


def test_undo_an_update_and_refuse_undo_after_a_later_change(graph: Graph) -> None:
    ids = small_graph(graph)
    first = edit.update_node(graph, ids["project"], {"goal_text": "Ny"}, 0, "anna")
    second = edit.update_node(graph, ids["project"], {"goal_text": "Nyare"}, 1, "bo")
    with pytest.raises(MaintainError, match="ändrats efter"):
        undo.undo(graph, first["change"], "anna")
    undo.undo(graph, second["change"], "anna")
    assert edit.get_node(graph, ids["project"])["properties"]["goal_text"] == "Ny"
    undo.undo(graph, first["change"], "anna")
    assert edit.get_node(graph, ids["project"])["properties"]["goal_text"] == "Trygghet"
    actions = [c.action for c in history.history(graph, node_id=ids["project"])]
    assert actions == ["undo", "undo", "update", "update"]
    with pytest.raises(MaintainError, match="redan ångrad"):
        undo.undo(graph, first["change"], "anna")


def test_create_relate_delete_and_undo_restores_everything(graph: Graph) -> None:
    ids = small_graph(graph)
    actor = edit.create_node(graph, "Actor", {"name": "Vårdcentral Nyköping", "type": "enhet"}, "anna")
    node = edit.get_node(graph, actor)
    assert node["label"] == "Actor" and node["properties"]["manual"] is True
    edit.relate(graph, "PARTICIPATES_IN", actor, ids["project"], "anna")
    with pytest.raises(MaintainError, match="kan inte gå från"):
        edit.relate(graph, "TARGETS", actor, ids["project"], "anna")
    rels = edit.relationships_of(graph, ids["project"])
    assert any(r["other"] == actor and r["type"] == "PARTICIPATES_IN" and r["manual"] for r in rels)

    before = edit.relationships_of(graph, ids["project"])
    deleted = edit.delete_node(graph, ids["owner"], "anna")
    assert edit.get_node(graph, ids["owner"]) is None
    undo.undo(graph, deleted, "bo")
    assert edit.get_node(graph, ids["owner"])["properties"]["name"] == "Region Sörmland"
    assert edit.relationships_of(graph, ids["project"]) == before
    assert len(edit.mentions_of(graph, ids["owner"])) == 2  # named in both documents

    created = next(c for c in history.history(graph, node_id=actor) if c.action == "create")
    with pytest.raises(MaintainError, match="finns inte"):
        undo.undo(graph, "change-does-not-exist", "anna")
    undo.undo(graph, created.id, "anna")
    assert edit.get_node(graph, actor) is None
