"""Which measure a value file means: by id, by name or alias (case and spacing folded), or by the
Kolada KPI id a user mapped to it. Exact matches only: a name that fits two measures is ambiguous,
one that fits none is unknown; neither is guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from domain.ids import name_key

KPI_ID = re.compile(r"[NU]\d{5}")


@dataclass(frozen=True)
class MeasureRef:
    id: str
    name: str
    kolada_kpi: str | None


class MeasureIndex:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, MeasureRef] = {}
        self.by_kpi: dict[str, MeasureRef] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            ref = MeasureRef(row["id"], row["name"] or row["id"], row.get("kolada_kpi"))
            self.by_id[ref.id] = ref
            if ref.kolada_kpi:
                self.by_kpi[ref.kolada_kpi] = ref
            for written in (row["name"] or "", *row.get("aliases", [])):
                if name_key(written):
                    self.by_key[name_key(written)].add(ref.id)

    def find(self, written: str, kolada: bool = False) -> tuple[MeasureRef | None, str]:
        """The measure and "", or None and the Swedish reason."""
        written = " ".join(written.split())
        if not written:
            return None, "mått saknas"
        if kolada or KPI_ID.fullmatch(written.upper()):
            ref = self.by_kpi.get(written.upper())
            if ref is not None:
                return ref, ""
            if kolada:
                return None, (
                    f"okänt mått: Kolada-KPI {written} är inte kopplat till något mått "
                    "(koppla det med projektdb map-kolada eller på sidan Indikatorer)"
                )
        if written in self.by_id:
            return self.by_id[written], ""
        ids = sorted(self.by_key.get(name_key(written), ()))
        if len(ids) == 1:
            return self.by_id[ids[0]], ""
        if ids:
            names = ", ".join(self.by_id[i].name for i in ids)
            return None, f"tvetydigt mått: {written} passar flera mått ({names})"
        return None, f"okänt mått: {written}"
