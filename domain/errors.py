"""The refusals of maintenance: an edit, a merge or an import that cannot be done.

They live in the domain because the form vocabulary (``domain.forms``) refuses values too;
``graph.maintain`` raises them for everything else. ``message`` is Swedish and shown as it is.
"""

from __future__ import annotations


class MaintainError(Exception):
    """A maintenance action that cannot be done; ``message`` is Swedish and shown as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Conflict(MaintainError):
    """Someone else saved the node after this editor opened it (optimistic locking): ``version`` is
    the version saved in between and ``saved_by`` who saved it (None when not known)."""

    def __init__(self, message: str, version: int | None = None, saved_by: str | None = None) -> None:
        super().__init__(message)
        self.version = version
        self.saved_by = saved_by


CONFLICT_MESSAGE = (
    "Någon annan sparade ändringar i den här posten medan du redigerade. Dina ändringar sparades "
    "inte. Formuläret visar nu det som sparades senast; gör dina ändringar igen och spara."
)


def conflict_message(saved_by: str | None) -> str:
    """The conflict in words, naming who saved in between when that is known."""
    if not saved_by:
        return CONFLICT_MESSAGE
    return CONFLICT_MESSAGE.replace("Någon annan sparade", f"Någon annan ({saved_by}) sparade", 1)
