"""The area of a value: a municipality, a region, a county or the whole country, by name or code.

Names go through the places vocabulary (any written form: "Eskilstuna", "Eskilstuna kommun");
four-digit codes through the kommunkod table (Kolada's ids: "0484", "0004" for a region,
"0000" for riket). Anything else is unknown: areas are never guessed.
"""

from __future__ import annotations

import re

from domain import places
from domain.municipality_codes import (
    COUNTY_CODES,
    NATIONAL_CODE,
    CodedArea,
    area_for_code,
    code_for_municipality,
)
from ingest.values.cells import text
from ingest.values.rows import Cell

NATIONAL_NAMES = frozenset({"riket", "hela riket", "sverige", "hela sverige", "hela landet", "riket totalt"})
_CODE = re.compile(r"\d{4}")


def resolve_area(cell: Cell) -> CodedArea | None:
    if isinstance(cell, int) and not isinstance(cell, bool) and 0 <= cell <= 9999:
        cell = f"{cell:04d}"  # a spreadsheet drops the leading zero of "0484"
    written = text(cell)
    if _CODE.fullmatch(written):
        return area_for_code(written)
    if written.casefold() in NATIONAL_NAMES:
        return area_for_code(NATIONAL_CODE)
    canon = places.canonical_actor(written)
    if canon is None:
        return None
    if canon.type == "kommun":
        return CodedArea(code_for_municipality(canon.name) or "", canon.name, "kommun", canon.county)
    county_code = _county_codes().get(canon.county, "")
    if canon.type == "region":
        return CodedArea(f"00{county_code}" if county_code else "", canon.name, "region", canon.county)
    return CodedArea(county_code, canon.name, "län", canon.county)


def _county_codes() -> dict[str, str]:
    official_to_display = {official: display for display, official in places.counties().items()}
    return {official_to_display[official]: code for code, official in COUNTY_CODES.items()}
