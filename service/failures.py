"""Failures of the machinery around the data (the database gone, its memory or the disk full), said
in Swedish for the people who meet them in the app or the CLI, instead of a traceback.

``describe`` knows only such failures; anything else is a defect and keeps its traceback.
"""

from __future__ import annotations

import errno

import neo4j.exceptions

from graph.db import DatabaseUnavailable, DiskFull

NOTHING_HALF_WRITTEN = "Inget blev halvt sparat: det som inte hann sparas är inte sparat."

DATABASE_GONE = (
    "Databasen svarar inte. Starta den med `projektdb db start` (eller `make run`) och försök igen. "
    + NOTHING_HALF_WRITTEN
)
DISK_FULL_WHAT_TO_DO = (
    "Frigör utrymme (till exempel gamla säkerhetskopior) och försök igen; sökning och läsning fungerar "
    "som vanligt under tiden. " + NOTHING_HALF_WRITTEN
)
DISK_FULL = "Disken är full: databasen kan inte skriva. " + DISK_FULL_WHAT_TO_DO
DATABASE_NEEDS_RESTART = (
    "Databasen har stannat efter ett allvarligt fel (ofta en full disk). Frigör utrymme och starta om "
    "den med `projektdb db stop` och `projektdb db start`. " + NOTHING_HALF_WRITTEN
)
OUT_OF_MEMORY = (
    "Databasen fick slut på arbetsminne för den här uppgiften. Dela upp den i mindre delar "
    "(till exempel en mindre värdefil) och försök igen. " + NOTHING_HALF_WRITTEN
)


def describe(error: BaseException) -> str | None:
    """The Swedish message for a failure of the database, its memory or the disk; None otherwise."""
    for cause in _chain(error):
        if isinstance(cause, DiskFull):
            return (
                f"Disken är full ({cause.free_mb} MB kvar, minst {cause.needed_mb} MB behövs). "
                + DISK_FULL_WHAT_TO_DO
            )
        text = f"{getattr(cause, 'code', '') or ''} {cause}"
        if (
            isinstance(cause, OSError)
            and cause.errno == errno.ENOSPC
            or "No space left on device" in text
            or "TransactionLogError" in text
        ):
            return DISK_FULL
        if "critical error" in text and "restart" in text:
            return DATABASE_NEEDS_RESTART
        if "MemoryPoolOutOfMemoryError" in text or "OutOfMemory" in text:
            return OUT_OF_MEMORY
        if isinstance(
            cause, DatabaseUnavailable | neo4j.exceptions.ServiceUnavailable | neo4j.exceptions.SessionExpired
        ):
            return DATABASE_GONE
        if isinstance(cause, ConnectionError):
            return DATABASE_GONE
    return None


def _chain(error: BaseException) -> list[BaseException]:
    """The error and what caused it (``raise … from …`` and the exception being handled)."""
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen and len(seen) < 20:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen
