"""Maps a measure to a Kolada KPI id, so Kolada files' values land on it. Done by a user, never
inferred; one KPI maps to at most one measure (also a schema constraint)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from neo4j import ManagedTransaction

from graph.db import Graph, run
from ingest.values.measures import KPI_ID, MeasureIndex


class MappingError(ValueError):
    """``str(error)`` is the Swedish reason."""


def find_measure(graph: Graph, written: str) -> dict[str, Any]:
    """A measure by its id, name or alias; MappingError when none or several fit."""
    ref, reason = MeasureIndex(graph.read("values/measures")).find(written)
    if ref is None:
        raise MappingError(reason)
    return {"id": ref.id, "name": ref.name, "kolada_kpi": ref.kolada_kpi}


def map_measure_to_kolada(graph: Graph, measure_id: str, kpi_id: str | None) -> dict[str, Any]:
    """Set (or with None, remove) the measure's Kolada KPI id; returns the measure's id, name, kpi."""
    kpi = kpi_id.strip().upper() if kpi_id else None
    if kpi is not None and not KPI_ID.fullmatch(kpi):
        raise MappingError(f"{kpi_id} är inget Kolada-KPI-id (de ser ut som N00945 eller U00400).")

    def work(tx: ManagedTransaction) -> dict[str, Any]:
        if kpi is not None:
            for other in run(tx, "values/measure_by_kpi", kpi=kpi):
                if other["id"] != measure_id:
                    raise MappingError(f"{kpi} är redan kopplat till måttet {other['name']}.")
        at = datetime.now(UTC).isoformat(timespec="seconds")
        rows = run(tx, "values/set_kolada_kpi", measure=measure_id, kpi=kpi, at=at)
        if not rows:
            raise MappingError(f"Måttet {measure_id} finns inte.")
        return rows[0]

    return graph.run_write(work)
