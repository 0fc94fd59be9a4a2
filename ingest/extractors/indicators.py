"""Indicators (indikatorer), their measures (mått) and goal areas (målområden).

Shapes read, from the most to the least structured:

* tables from the reader (``Page.tables``) whose header names "Indikator" (and "Mått", "Målområde");
* table-like text: "Målområde X", a caption "Tabell 1. Förslag på mått för indikatorn Y", an optional header
  line "Indikator Mått", the definition "Y – ..." (wrapping over lines, ending at a blank line) and one
  measure a line (wrapped lines and line-end hyphens are joined);
* lists: "Indikatorer: A, B och C" and bullet lists under a heading "Indikatorer".

A measure cell that says "Ej klart" (or "saknas", "-") or an empty measure list gives the indicator no
measure and ``measure_status="ej klart"``, so that the gap analysis finds it. Indicators from a plain list
say nothing about measures and get no ``measure_status``. Nothing is read from prose: "inget lämpligt mått"
in a paragraph does not make a measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.document import SourceDocument, Table
from domain.model import Entity, Evidence, Extraction

EXTRACTOR = "indicators"
MISSING = "ej klart"

_GOAL_AREA = re.compile(r"^[ \t#*]*Målområde[ \t:]+(?P<name>[^\n]{2,60}?)[ \t*]*$", re.M | re.I)
_CAPTION = re.compile(
    r"^[ \t#*]*(?:Tabell[ \t]+\d+[.:]?[ \t]*)?[^\n]{0,60}?\bmått[ \t]+(?:för|på|till)[ \t]+indikatorn[ \t]+"
    r"(?P<name>[^\n.]{2,60}?)[ \t*]*$",
    re.M | re.I,
)
_LABEL = re.compile(r"^[ \t#*-]*Indikator[ \t]*:[ \t]*(?P<name>[^\n,;]{2,60}?)[ \t*]*$", re.M | re.I)
_TABLE_HEADER = re.compile(r"^[ \t]*Indikator(?:er|n)?[ \t]+Mått[ \t]*$", re.I)
_TABLE_START = re.compile(r"^[ \t#*]*(?:Tabell[ \t]+\d+|Målområde\b|Indikator[ \t]*:)", re.I)
_NO_MEASURE = re.compile(r"^(?:ej[ \t]+klart|saknas|inget[ \t]+mått|-|–|—)[.!]?$", re.I)
_MEASURE_LABEL = re.compile(r"^[ \t#*-]*Mått[ \t]*:[ \t]*(?P<items>.*)$", re.I)
_INLINE_LIST = re.compile(r"\bIndikatorer(?:na)?[ \t]*:[ \t]*(?P<items>[^\n.]{3,300})", re.I)
_LIST_HEADING = re.compile(r"^[ \t#*]*(?:Indikatorer|Förslag på indikatorer)[ \t*:]*$", re.I)
_BULLET = re.compile(r"^[ \t]*(?:[-•*–▪◦]|\d+[.)])[ \t]+(?P<item>\S[^\n]*)$")
_DASH = re.compile(r"\s*[–—-]\s*|\s*:\s+")
_HYPHEN_END = re.compile(r"(?<=[a-zåäöé])-[ \t]*$")
_KEEP_HYPHEN_BEFORE = re.compile(r"(?:och|eller|samt|som|till)\b")


@dataclass
class _Line:
    text: str
    start: int
    end: int


@dataclass
class _Found:
    indicator: str
    indicator_evidence: Evidence
    definition: str | None = None
    goal_area: tuple[str, Evidence] | None = None
    measures: list[tuple[str, Evidence]] = field(default_factory=list)
    status: str | None = None  # MISSING when the source says the measures are not decided


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(_Line(body, pos, pos + len(body)))
        pos += len(raw)
    return lines


def _join(parts: list[str]) -> str:
    """Join wrapped lines: a line-end hyphen joins the word ("indi-" + "videns"), except before "och"."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if _HYPHEN_END.search(out) and not _KEEP_HYPHEN_BEFORE.match(part):
            out = _HYPHEN_END.sub("", out) + part
        elif out:
            out += " " + part
        else:
            out = part
    return re.sub(r"\s+", " ", out).strip(" ,;")


def _evidence(text: str, start: int, end: int, page: int) -> Evidence:
    return Evidence(page=page, quote=text[start:end].strip(), extractor=EXTRACTOR, start=start, end=end)


def _name(raw: str) -> str:
    cleaned = re.sub(r"[*_#]+", "", raw)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ,;:.")
    return cleaned[:1].upper() + cleaned[1:]


def _split_definition(text: str, name: str) -> str | None:
    """The definition in "Name – definition"; a repeated "Name –" (a layout echo) is dropped too."""
    rest = text
    pattern = re.compile(re.escape(name) + r"\s*(?:[–—-]|:)\s*", re.I)
    while True:
        match = pattern.match(rest)
        if not match:
            break
        rest = rest[match.end() :]
    if rest == text:
        return None
    return rest.strip() or None


def _is_stop(line: _Line, next_line: _Line | None) -> bool:
    text = line.text.strip()
    if _TABLE_START.match(text) or _CAPTION.match(text):
        return True
    if len(text) > 110:
        return True  # prose, not a table cell
    # a heading followed by prose ends the table ("Resultatsammanställning" / "I nedanstående ...")
    return bool(next_line and len(next_line.text.strip()) > 80 and not next_line.text.strip()[:1].islower())


def _measure_block(lines: list[_Line], index: int, text: str, page: int, found: _Found) -> int:
    """Read measure lines from ``index``; wraps join onto the measure before. Returns the next index."""
    current: list[_Line] = []

    def flush() -> None:
        if current:
            name = _join([c.text for c in current])
            if name:
                found.measures.append((name, _evidence(text, current[0].start, current[-1].end, page)))
            current.clear()

    while index < len(lines):
        line = lines[index]
        stripped = line.text.strip()
        following = next((x for x in lines[index + 1 :] if x.text.strip()), None)
        if not stripped:
            index += 1
            continue
        if _NO_MEASURE.match(stripped):
            flush()
            if not found.measures:
                found.status = MISSING
            return index + 1
        continuation = current and (stripped[:1].islower() or _HYPHEN_END.search(current[-1].text))
        if not continuation and _is_stop(line, following):
            break
        if not continuation:
            flush()
        current.append(line)
        index += 1
    flush()
    if not found.measures and found.status is None:
        found.status = MISSING
    return index


def _from_text(
    text: str, page: int, goal_area: tuple[str, Evidence] | None
) -> tuple[list[_Found], tuple | None]:
    lines = _lines(text)
    found: list[_Found] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        area = _GOAL_AREA.match(line.text)
        if area:
            goal_area = (_name(area.group("name")), _evidence(text, line.start, line.end, page))
            index += 1
            continue
        caption = _CAPTION.match(line.text) or _LABEL.match(line.text)
        if not caption:
            index += 1
            continue
        name = _name(caption.group("name"))
        item = _Found(name, _evidence(text, line.start, line.end, page), goal_area=goal_area)
        index += 1
        while index < len(lines) and (
            not lines[index].text.strip() or _TABLE_HEADER.match(lines[index].text)
        ):
            index += 1
        # the definition: a paragraph that opens with the indicator's name
        if index < len(lines) and lines[index].text.strip().lower().startswith(name.lower()):
            block: list[_Line] = []
            while index < len(lines) and lines[index].text.strip():
                block.append(lines[index])
                index += 1
            item.definition = _split_definition(_join([b.text for b in block]), name)
            item.indicator_evidence = _evidence(text, line.start, block[-1].end, page)
        measure_label = index < len(lines) and _MEASURE_LABEL.match(lines[index].text)
        if measure_label and measure_label.group("items").strip():
            row = lines[index]
            for part in re.split(r"[;,]\s*", measure_label.group("items")):
                if part.strip():
                    item.measures.append((_name(part), _evidence(text, row.start, row.end, page)))
            if not item.measures or all(_NO_MEASURE.match(m) for m, _ in item.measures):
                item.measures, item.status = [], MISSING
            index += 1
        else:
            index = _measure_block(lines, index + (1 if measure_label else 0), text, page, item)
        found.append(item)
    return found, goal_area


def _from_lists(text: str, page: int) -> list[_Found]:
    found: list[_Found] = []
    for match in _INLINE_LIST.finditer(text):
        for part in re.split(r",\s*|\s+och\s+|;\s*", match.group("items")):
            name = _name(part)
            if 1 <= len(name.split()) <= 5:
                found.append(_Found(name, _evidence(text, match.start(), match.end(), page)))
    lines = _lines(text)
    for index, line in enumerate(lines):
        if not _LIST_HEADING.match(line.text):
            continue
        for later in lines[index + 1 :]:
            if not later.text.strip():
                continue
            bullet = _BULLET.match(later.text)
            if not bullet:
                break
            head, *rest = _DASH.split(bullet.group("item").strip(), maxsplit=1)
            if len(head.split()) > 5:
                continue
            item = _Found(_name(head), _evidence(text, later.start, later.end, page))
            item.definition = rest[0].strip() if rest and rest[0].strip() else None
            found.append(item)
    return found


def _from_table(table: Table, text: str) -> list[_Found]:
    if not table.rows:
        return []
    header = [cell.strip().lower() for cell in table.rows[0]]
    col = {
        key: next((i for i, h in enumerate(header) if h.startswith(key)), None)
        for key in ("indikator", "mått", "målområde")
    }
    if col["indikator"] is None:
        return []
    found: list[_Found] = []
    for row in table.rows[1:]:
        cell = row[col["indikator"]] if col["indikator"] < len(row) else ""
        if not cell.strip():
            continue
        joined = _join(cell.splitlines())
        head, *rest = _DASH.split(joined, maxsplit=1)
        evidence = Evidence(page=table.page, quote=" | ".join(c.strip() for c in row), extractor=EXTRACTOR)
        item = _Found(_name(head), evidence)
        item.definition = _split_definition(joined, item.indicator) or (rest[0] if rest else None)
        if col["målområde"] is not None and col["målområde"] < len(row) and row[col["målområde"]].strip():
            item.goal_area = (_name(row[col["målområde"]]), evidence)
        if col["mått"] is not None:
            measures = row[col["mått"]] if col["mått"] < len(row) else ""
            names = _measure_lines(measures)
            if not names or all(_NO_MEASURE.match(n) for n in names):
                item.status = MISSING
            else:
                item.measures = [(n, evidence) for n in names]
        found.append(item)
    return found


def _measure_lines(cell: str) -> list[str]:
    groups: list[list[str]] = []
    for raw in cell.splitlines():
        stripped = raw.strip().lstrip("•-–* ").strip()
        if not stripped:
            continue
        if groups and (stripped[:1].islower() or _HYPHEN_END.search(groups[-1][-1])):
            groups[-1].append(stripped)
        else:
            groups.append([stripped])
    return [_join(g) for g in groups]


def _key(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.lower()).strip()


def _emit(items: list[_Found], result: Extraction) -> None:
    indicators: dict[str, Entity] = {}
    measures: dict[str, Entity] = {}
    areas: dict[str, Entity] = {}
    related: set[tuple[str, int, int]] = set()
    for item in items:
        indicator = indicators.get(_key(item.indicator))
        if indicator is None:
            indicator = result.entity("Indicator", item.indicator)
            indicators[_key(item.indicator)] = indicator
        indicator.evidence.append(item.indicator_evidence)
        if item.definition and "definition" not in indicator.properties:
            indicator.properties["definition"] = item.definition
        if item.status and not any(
            r.type == "MEASURED_BY" and r.source is indicator for r in result.relations
        ):
            indicator.properties["measure_status"] = item.status
        if item.goal_area:
            area_name, area_evidence = item.goal_area
            area = areas.get(_key(area_name))
            if area is None:
                area = result.entity("GoalArea", area_name, area_evidence)
                areas[_key(area_name)] = area
            if ("area", id(indicator), id(area)) not in related:
                related.add(("area", id(indicator), id(area)))
                result.relate("IN_GOAL_AREA", indicator, area, item.indicator_evidence)
        for measure_name, evidence in item.measures:
            measure = measures.get(_key(measure_name))
            if measure is None:
                measure = result.entity("Measure", measure_name)
                measures[_key(measure_name)] = measure
            measure.evidence.append(evidence)
            indicator.properties.pop("measure_status", None)
            if ("measure", id(indicator), id(measure)) not in related:
                related.add(("measure", id(indicator), id(measure)))
                result.relate("MEASURED_BY", indicator, measure, evidence)
    for indicator in indicators.values():
        if "measure_status" in indicator.properties:
            result.warnings.append(
                f"Indikatorn {indicator.name} saknar mått ({indicator.properties['measure_status']})."
            )


def extract_indicators(doc: SourceDocument) -> Extraction:
    """Indicator, Measure and GoalArea entities with MEASURED_BY and IN_GOAL_AREA, with evidence."""
    result = Extraction()
    items: list[_Found] = []
    goal_area = None
    for page in doc.pages:
        for table in page.tables:
            items += _from_table(table, page.text)
        tabled, goal_area = _from_text(page.text, page.number, goal_area)
        items += tabled
        items += _from_lists(page.text, page.number)
    _emit(items, result)
    return result
