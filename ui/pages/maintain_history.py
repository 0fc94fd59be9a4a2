"""Förvalta: historik: vem ändrade vad och när; ångra en ändring (redaktör)."""

from __future__ import annotations

import streamlit as st

from service.maintain import MaintainError
from ui import auth
from ui.history_view import show_change

user = auth.require("editor")
service = auth.maintenance_for(user)
st.title("Historik")
only_mine = st.checkbox("Bara mina ändringar")
changes = service.history(user=user.name if only_mine else None, limit=300)
for change in changes:
    cols = st.columns([10, 1])
    with cols[0]:
        show_change(change)
    undoable = change.action not in ("undo", "split", "import") and not change.undone_by
    if undoable and cols[1].button("Ångra", key=f"undo:{change.id}"):
        try:
            service.undo(change.id, user.name)
        except MaintainError as error:
            st.error(error.message)
        else:
            st.rerun()
