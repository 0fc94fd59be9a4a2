"""Maintaining the projektdatabas: review, edit, merge and split, the satsning template, the Excel
round trip, the change history with undo, and the local user store.

Every write records who did what in a ``(:Change)`` node in the same transaction. Messages meant for
users (``MaintainError.message``) are Swedish. See docs/maintenance.md.
"""

from __future__ import annotations

from domain.errors import CONFLICT_MESSAGE, Conflict, MaintainError, conflict_message

__all__ = ["CONFLICT_MESSAGE", "Conflict", "MaintainError", "conflict_message"]
