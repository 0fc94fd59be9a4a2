"""The Excel workbook: the whole graph out, and a workbook (ours or FoUiS's own) in.

Layout (also written into the workbook's "Läs mig" sheet and docs/maintenance.md):

- one sheet per label (``Project``, ``Actor``, ..., ``Document``; a node with several labels goes
  to a sheet named ``A+B``): column ``id``, then ``name``, then every other property, one column
  each; an empty cell means the node has no such property;
- ``Relationer``: ``typ``, ``start``, ``slut`` (node ids) and ``egenskaper`` (the properties as JSON);
- ``Kolumntyper``: how each property column is written: ``värde`` (text, number or TRUE/FALSE as
  Excel holds them), ``decimaltal`` (numbers read back as decimals), ``lista`` (items joined with
  " | ", or a JSON list when an item holds "|" or the list is empty) or ``JSON``;
- ``Läs mig``: this explanation in Swedish.

Import upserts by id: nodes are merged on id and get the sheet's properties added; relationships are
merged on (type, start, end) and get their properties added, except MENTIONED_IN, of which there may
be several between the same nodes (created unless an identical one exists). Rows without an id in an
entity sheet get a stable id from name and county and ``manual: true``. Export, then import into an
empty database, gives the same graph (tests/test_excel.py compares the JSON exports).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from neo4j import ManagedTransaction
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from domain.ids import ID_PREFIX, make_id
from domain.model import LABELS
from graph import export as graph_export
from graph.db import Graph, run
from graph.maintain import MaintainError, history
from graph.workbook import Sheet, WorkbookError, read_workbook

README_SHEET = "Läs mig"
RELATIONS_SHEET = "Relationer"
TYPES_SHEET = "Kolumntyper"
RELATION_COLUMNS = ("typ", "start", "slut", "egenskaper")
SEPARATOR = " | "
KEYED_LABELS = ("Document", "MeasureValue", "Change", "Suggestion")  # id-unique labels besides Entity
MULTI_TYPES = frozenset({"MENTIONED_IN"})  # relationship types that may repeat between two nodes
# list properties in workbooks without a Kolumntyper sheet (spreadsheets FoUiS keeps themselves)
KNOWN_LISTS = frozenset(
    {
        "aliases",
        "merged_ids",
        "edited",
        "distinct_from",
        "warnings",
        "sources",
        "source_docs",
        "other_diarienummer",
    }
)
MAX_CELL = 32_767
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LABEL = re.compile(r"^[A-Z][A-Za-z0-9_]*$")
_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")
BATCH = 1000

README = [
    "Projektdatabas Nära vård: hela grafen som arbetsbok",
    "",
    "Ett blad per etikett (Project = projekt, Actor = aktör, FocusArea = fokusområde, Goal = målsättning,",
    "Indicator = indikator, Measure = mått, Decision = beslut, TargetGroup = målgrupp,",
    "Document = dokument ...).",
    "Kolumn id är postens nyckel, sedan name och en kolumn per egenskap. Tom cell = egenskapen saknas.",
    "Listor skrivs med ' | ' mellan delarna (t.ex. aliases: LRS | Länsgemensamt regionalt stöd);",
    "en lista som innehåller '|' eller är tom skrivs som JSON, t.ex. [].",
    "Bladet Relationer: en rad per relation med typ, start (id), slut (id) och egenskaper som JSON.",
    "Bladet Kolumntyper: hur varje kolumn ska läsas (värde, decimaltal, lista, JSON). Ändra det inte.",
    "",
    "Import (projektdb import FIL eller sidan Excel i appen) uppdaterar poster med samma id",
    "och lägger till nya.",
    "En rad utan id på ett av etikettbladen får ett id av namn och län och räknas som manuellt inlagd.",
    "Relationer slås ihop på typ, start och slut; MENTIONED_IN (källhänvisningar) kan finnas flera gånger.",
    "Import tar aldrig bort något: töm en cell eller en rad ändrar inte databasen.",
]


@dataclass
class ImportReport:
    nodes: Counter = field(default_factory=Counter)
    relationships: Counter = field(default_factory=Counter)
    generated_ids: int = 0
    change: str | None = None
    warnings: list[str] = field(default_factory=list)  # Swedish: what was not read, and why


# --- export --------------------------------------------------------------------------------------


def write_xlsx(graph: Graph, path: Path | BinaryIO) -> dict[str, int]:
    """Write the workbook to a file or a binary stream; returns the number of rows per sheet.
    Streamed (openpyxl's write-only mode): rows go out as they are appended, in time linear in the
    rows. A value longer than an Excel cell holds is refused (MaintainError), never cut."""
    data = graph_export.snapshot(graph)
    workbook = Workbook(write_only=True)
    readme = workbook.create_sheet(README_SHEET)
    readme.column_dimensions["A"].width = 110
    readme.append([_bold(readme, README[0])])
    for line in README[1:]:
        readme.append([line])

    sheets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in data["nodes"]:
        sheets[_sheet_name(node["labels"])].append(node)
    types_rows: list[tuple[str, str, str]] = []
    counts: dict[str, int] = {}
    for name in sorted(sheets, key=_sheet_order):
        nodes = sheets[name]
        keys = sorted({k for n in nodes for k in n["properties"]} - {"id"}, key=lambda k: (k != "name", k))
        kinds = {k: _column_kind([n["properties"][k] for n in nodes if k in n["properties"]]) for k in keys}
        columns = ["id", *keys]
        sheet = _new_sheet(workbook, name, columns)
        for node in nodes:
            props = node["properties"]
            _append(
                sheet, columns, [node["id"], *(_encode(props.get(k), kinds[k]) for k in keys)], node["id"]
            )
        types_rows.extend((name, k, kinds[k]) for k in keys)
        counts[name] = len(nodes)

    relations = _new_sheet(workbook, RELATIONS_SHEET, list(RELATION_COLUMNS))
    for rel in data["relationships"]:
        properties = json.dumps(rel["properties"], ensure_ascii=False, sort_keys=True)
        row = [rel["type"], rel["start"], rel["end"], properties]
        _append(relations, RELATION_COLUMNS, row, f"{rel['type']} {rel['start']} → {rel['end']}")
    counts[RELATIONS_SHEET] = len(data["relationships"])

    types = _new_sheet(workbook, TYPES_SHEET, ["blad", "kolumn", "typ"])
    for type_row in types_rows:
        types.append(list(type_row))
    workbook.save(path)
    return counts


def _sheet_name(labels: list[str]) -> str:
    return "+".join(sorted(label for label in labels if label != "Entity"))


def _sheet_order(name: str) -> tuple[int, str]:
    return (LABELS.index(name), name) if name in LABELS else (len(LABELS), name)


def _column_kind(values: list[Any]) -> str:
    if all(isinstance(v, list) for v in values):
        return "lista"
    if any(isinstance(v, list | dict) or v == "" for v in values):
        return "JSON"
    if any(isinstance(v, str) and (ILLEGAL_CHARACTERS_RE.search(v) or len(v) > MAX_CELL) for v in values):
        return "JSON"
    floats = [v for v in values if isinstance(v, float)]
    if floats and len(floats) == len(values):
        return "decimaltal"
    if any(v.is_integer() for v in floats):
        return "JSON"  # mixed with other kinds: Excel would turn 1.0 into 1
    return "värde"


def _encode(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "JSON":
        return json.dumps(value, ensure_ascii=False)
    if kind == "lista":
        items = value
        plain = (
            items
            and all(isinstance(i, str) and i and i == i.strip() and "|" not in i for i in items)
            and not items[0].startswith("[")
        )
        return SEPARATOR.join(items) if plain else json.dumps(items, ensure_ascii=False)
    return value


def _append(sheet: Any, columns: Sequence[str], values: list[Any], row_name: str) -> None:
    cells: list[Any] = []
    for column, value in zip(columns, values, strict=True):
        if not isinstance(value, str):
            cells.append(value)
            continue
        if len(value) > MAX_CELL:
            raise MaintainError(
                f"Exporten avbröts: en Excel-cell rymmer högst {MAX_CELL:,} tecken, men {column} på "
                f"{row_name} (bladet {sheet.title}) har {len(value):,}. Inget har skrivits och inget "
                f"kortas av: korta texten, eller använd en säkerhetskopia (projektdb backup), som tar "
                f"med allt.".replace(",", " ")
            )
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text that starts with "=" stays text, not a formula
        cells.append(cell)
    sheet.append(cells)


def _bold(sheet: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True)
    return cell


def _new_sheet(workbook: Workbook, name: str, header: list[str]) -> Any:
    """A streamed sheet with its bold header row frozen (set before any row is written)."""
    sheet = workbook.create_sheet(name)
    sheet.freeze_panes = "B2"
    sheet.append([_bold(sheet, column) for column in header])
    return sheet


# --- import --------------------------------------------------------------------------------------


def import_xlsx(graph: Graph, path: Path | BinaryIO, user: str | None = None) -> ImportReport:
    """Upsert everything in the workbook, in one transaction. With ``user``, the import is recorded
    in the history (the app does this; a plain CLI restore into an empty database does not).
    The workbook is read as it is shown (graph/workbook.py): hidden sheets are skipped with a
    warning, formulas give their calculated values, merged cells their top-left value. A row that
    would make a node without a name is skipped with a warning."""
    try:
        workbook = read_workbook(path)
    except WorkbookError as error:
        raise MaintainError(error.message) from error
    report = ImportReport(warnings=list(workbook.warnings))
    kinds = _read_kinds(workbook.get(TYPES_SHEET))
    node_rows: list[dict[str, Any]] = []
    for sheet in workbook.sheets:
        if sheet.title in (README_SHEET, RELATIONS_SHEET, TYPES_SHEET):
            continue
        node_rows.extend(_node_rows(sheet, kinds, report))
    node_rows = _without_new_nameless(graph, node_rows, report)
    relations = workbook.get(RELATIONS_SHEET)
    rel_rows = _relationship_rows(relations) if relations is not None else []
    counts = Counter((r["type"], r["start"], r["end"]) for r in rel_rows)
    single = [
        r for r in rel_rows if r["type"] not in MULTI_TYPES and counts[(r["type"], r["start"], r["end"])] == 1
    ]
    each = [r for r in rel_rows if r["type"] in MULTI_TYPES or counts[(r["type"], r["start"], r["end"])] > 1]
    source_name = getattr(path, "name", "arbetsbok")

    def work(tx: ManagedTransaction) -> None:
        for batch in _batches(node_rows):
            run(tx, "maintain/import_nodes", rows=batch)
        for batch in _batches(single):
            run(tx, "maintain/import_relationships", rows=batch)
        for batch in _batches(each):
            run(tx, "maintain/import_relationships_each", rows=batch)
        if user:
            report.change = history.record(
                tx,
                user=user,
                action="import",
                node_id=source_name,
                summary=f"{len(node_rows)} poster, {len(rel_rows)} relationer från {source_name}",
            )

    graph.run_write(work)
    for row in node_rows:
        report.nodes[row["labels"][0]] += 1
    for row in rel_rows:
        report.relationships[row["type"]] += 1
    return report


def _read_kinds(sheet: Sheet | None) -> dict[tuple[str, str], str]:
    if sheet is None:
        return {}
    rows = [values for _, values in sheet.rows[1:]]
    return {(str(r[0]), str(r[1])): str(r[2]) for r in rows if len(r) >= 3 and r[0] and r[1] and r[2]}


def _without_new_nameless(
    graph: Graph, rows: list[dict[str, Any]], report: ImportReport
) -> list[dict[str, Any]]:
    """Rows of entity sheets with an id but no name may update a node that exists; one that would
    create a node gives a warning instead (a nameless project cannot be found or shown)."""
    nameless = [r for r in rows if r["key"] == "Entity" and not _named(r["properties"])]
    ids = [r["id"] for r in nameless]
    existing = {row["id"] for row in graph.read("maintain/existing_ids", ids=ids)} if ids else set()
    missing = {id(r) for r in nameless if r["id"] not in existing}
    kept = []
    for row in rows:
        where = (row.pop("sheet"), row.pop("line"))
        if id(row) in missing:
            report.warnings.append(
                f"Bladet {where[0]}, rad {where[1]}: {row['id']} har inget namn och finns inte i "
                "databasen; raden lästes inte in (ange ett namn)."
            )
            continue
        kept.append(row)
    return kept


def _named(properties: dict[str, Any]) -> bool:
    return any(properties.get(key) not in (None, "") for key in ("name", "title", "text", "summary"))


def _node_rows(sheet: Sheet, kinds: dict[tuple[str, str], str], report: ImportReport) -> list[dict[str, Any]]:
    labels = sheet.title.split("+")
    if not all(_LABEL.match(label) for label in labels):
        raise MaintainError(f"Bladet {sheet.title!r} är inte en etikett (t.ex. Project, Actor).")
    entity = all(label in LABELS for label in labels)
    header = sheet.rows[0][1] if sheet.rows else None
    if not header or header[0] != "id":
        raise MaintainError(f"Bladet {sheet.title}: första kolumnen ska heta id.")
    keys = [str(k).strip() if k is not None else "" for k in header]
    for key in keys[1:]:
        if key and not _KEY.match(key):
            raise MaintainError(f"Bladet {sheet.title}: kolumnnamnet {key!r} är inte tillåtet.")
    out = []
    for number, values in sheet.rows[1:]:
        if all(v is None or v == "" for v in values):
            continue
        properties: dict[str, Any] = {}
        for key, value in zip(keys[1:], values[1:], strict=False):
            if not key or value is None or value == "":
                continue
            kind = kinds.get((sheet.title, key)) or ("lista" if key in KNOWN_LISTS else "värde")
            properties[key] = _decode(value, kind, sheet.title, number, key)
        node_id = values[0]
        if node_id is None or str(node_id).strip() == "":
            if not entity:
                raise MaintainError(f"Bladet {sheet.title}, rad {number}: ange id.")
            if not properties.get("name"):
                report.warnings.append(
                    f"Bladet {sheet.title}, rad {number}: raden har varken id eller namn och lästes inte in."
                )
                continue
            node_id = make_id(ID_PREFIX[labels[0]], str(properties["name"]), properties.get("county"))
            properties["manual"] = True
            report.generated_ids += 1
        key_label = "Entity" if entity else next((k for k in KEYED_LABELS if k in labels), None)
        out.append(
            {
                "id": str(node_id).strip(),
                "labels": labels,
                "key": key_label,
                "properties": properties,
                "sheet": sheet.title,
                "line": number,
            }
        )
    return out


def _decode(value: Any, kind: str, sheet: str, row: int, key: str) -> Any:
    try:
        if kind == "JSON":
            return json.loads(value) if isinstance(value, str) else value
        if kind == "decimaltal":
            return float(value)
        if kind == "lista":
            text = str(value)
            if text.startswith("["):
                try:
                    parsed = json.loads(text)
                    if isinstance(parsed, list):
                        return parsed
                except json.JSONDecodeError:
                    pass
            return [item.strip() for item in text.split("|") if item.strip()]
    except (TypeError, ValueError) as error:
        raise MaintainError(
            f"Bladet {sheet}, rad {row}, kolumn {key}: värdet kan inte läsas ({error})."
        ) from error
    if hasattr(value, "isoformat"):  # a date typed into Excel by hand
        return value.isoformat()
    return value


def _relationship_rows(sheet: Sheet) -> list[dict[str, Any]]:
    header = sheet.rows[0][1] if sheet.rows else None
    if not header or tuple(str(h) for h in header[:4]) != RELATION_COLUMNS:
        raise MaintainError(f"Bladet {RELATIONS_SHEET} ska ha kolumnerna {', '.join(RELATION_COLUMNS)}.")
    out = []
    for number, values in sheet.rows[1:]:
        if all(v is None or v == "" for v in values[:4]):
            continue
        rel_type, start, end, properties = (list(values) + [None] * 4)[:4]
        if not rel_type or not _TYPE.match(str(rel_type)) or not start or not end:
            raise MaintainError(f"Bladet {RELATIONS_SHEET}, rad {number}: ange typ, start och slut.")
        try:
            props = json.loads(properties) if properties else {}
        except json.JSONDecodeError as error:
            raise MaintainError(
                f"Bladet {RELATIONS_SHEET}, rad {number}: egenskaperna är inte JSON."
            ) from error
        if not isinstance(props, dict):
            raise MaintainError(
                f"Bladet {RELATIONS_SHEET}, rad {number}: egenskaperna ska vara ett JSON-objekt."
            )
        out.append({"type": str(rel_type), "start": str(start), "end": str(end), "properties": props})
    return out


def _batches(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]
