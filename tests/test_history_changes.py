"""A change of the history as an editor reads it: old → new per field, with Swedish titles and
values in words, bookkeeping left out (graph.maintain.history.value_changes)."""

from graph.maintain.history import Change, ValueChange, value_changes


def _change(action: str, before: object, after: object) -> Change:
    return Change(
        "change-1", "2026-12-02T13:05:00+00:00", "redaktor", action, "project-1", "Project", "", before, after
    )


def test_an_update_lists_each_changed_field_old_to_new() -> None:
    change = _change(
        "update",
        {"values": {"name": "Gammalt", "pilot": None, "timeplan_text": "2025"}, "version": 1},
        {"values": {"name": "Nytt", "pilot": True, "timeplan_text": "2025"}, "version": 2},
    )
    assert value_changes(change) == [
        ValueChange("Namn", "Gammalt", "Nytt"),
        ValueChange("Testas före breddinförande", "", "ja"),
    ]


def test_bookkeeping_and_other_actions_show_no_fields() -> None:
    bookkeeping = _change(
        "update", {"values": {"updated_at": "x", "version": 1}}, {"values": {"updated_at": "y"}}
    )
    assert value_changes(bookkeeping) == []
    assert value_changes(_change("create", None, {"name": "Ny"})) == []


def test_a_field_without_a_title_is_not_shown_by_its_key() -> None:
    shown = value_changes(_change("update", {"values": {"odd_key": 1}}, {"values": {"odd_key": 2}}))
    assert shown == [ValueChange("Annat fält", "1", "2")]
