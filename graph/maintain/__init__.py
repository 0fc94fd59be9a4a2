"""Maintaining the projektdatabas: review, edit, merge and split, the satsning template, the Excel
round trip, the change history with undo, and the local user store.

Every write records who did what in a ``(:Change)`` node in the same transaction. Messages meant for
users (``MaintainError.message``) are Swedish. See docs/maintenance.md.
"""

from __future__ import annotations


class MaintainError(Exception):
    """A maintenance action that cannot be done; ``message`` is Swedish and shown as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Conflict(MaintainError):
    """Someone else saved the node after this editor opened it (optimistic locking)."""


CONFLICT_MESSAGE = (
    "Någon annan har sparat ändringar i den här posten sedan du öppnade den. Din ändring sparades "
    "inte. Ladda om sidan för att se den senaste versionen och gör din ändring igen."
)
