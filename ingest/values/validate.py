"""From raw rows to values that can be written: each row is matched and checked, or rejected with
its line and reason. Nothing is guessed; a key twice in one file is a duplicate, not a choice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.municipality_codes import CodedArea
from ingest.values.areas import resolve_area
from ingest.values.cells import CellError, parse_gender, parse_value, text
from ingest.values.measures import MeasureIndex
from ingest.values.periods import PeriodError, parse_period
from ingest.values.rows import RawRow, RowProblem


@dataclass(frozen=True)
class ValueRow:
    line: int
    measure_id: str
    measure_name: str
    area: CodedArea
    period: str
    gender: str
    value: float
    unit: str
    source: str
    status: str
    kolada_kpi: str | None

    @property
    def key(self) -> str:
        """What a value is of: a new value for the same key is a new version of it."""
        return "|".join((self.measure_id, self.area.kind, self.area.name, self.period, self.gender))


def validate(
    rows: list[RawRow], measures: MeasureIndex, today: date | None = None
) -> tuple[list[ValueRow], list[RowProblem]]:
    valid: list[ValueRow] = []
    rejected: list[RowProblem] = []
    first_line: dict[str, int] = {}
    for raw in rows:
        checked = _check(raw, measures, today)
        if isinstance(checked, str):
            rejected.append(RowProblem(raw.line, raw.where, checked))
            continue
        if checked.key in first_line:
            rejected.append(
                RowProblem(
                    raw.line,
                    raw.where,
                    f"dubblett: samma mått, område, period och kön som rad {first_line[checked.key]}",
                )
            )
            continue
        first_line[checked.key] = raw.line
        valid.append(checked)
    return valid, rejected


def _check(raw: RawRow, measures: MeasureIndex, today: date | None) -> ValueRow | str:
    measure, reason = measures.find(text(raw.measure), kolada=raw.kolada)
    if measure is None:
        return reason
    area = resolve_area(raw.area)
    if area is None:
        written = text(raw.area)
        return f"okänt område: {written}" if written else "område saknas"
    try:
        period = parse_period(raw.period, today)
        gender = parse_gender(raw.gender)
        value, unit = parse_value(raw.value, text(raw.unit))
    except (PeriodError, CellError) as error:
        return str(error)
    return ValueRow(
        line=raw.line,
        measure_id=measure.id,
        measure_name=measure.name,
        area=area,
        period=period,
        gender=gender,
        value=value,
        unit=unit,
        source=text(raw.source),
        status=raw.status,
        kolada_kpi=text(raw.measure).upper() if raw.kolada else None,
    )
