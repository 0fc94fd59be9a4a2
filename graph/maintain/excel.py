"""The Excel workbook: the graph out as sheets FoUiS edits, and a workbook (ours or FoUiS's own) in.

Layout (also written into the workbook's "Läs mig" sheet and docs/maintenance.md):

- ``Läs mig``: how to edit, in Swedish;
- editable sheets, one per label the forms edit, with Swedish sheet and column names (``Projekt``:
  ``Namn``, ``Fokusområden``, ``Ansvarig`` ..., from domain.titles): one row per post, related posts
  as names joined by "; ", drop-down lists for the closed vocabularies, filters, a frozen header
  row and the key in the last, hidden column;
- hidden technical sheets for a lossless restore: one per label (``Project``, ``Actor``, ...,
  ``Document``; a node with several labels goes to ``A+B``) with ``id``, ``name`` and every
  property; ``Relationer`` (``typ``, ``start``, ``slut``, ``egenskaper`` as JSON); ``Kolumntyper``
  (how each property column is written: ``värde``, ``decimaltal``, ``lista`` or ``JSON``, and the
  names of the technical sheets).

Import upserts the technical sheets by id (relationships merged on (type, start, end), except
MENTIONED_IN, of which there may be several between the same nodes), then compares every cell of
the editable sheets with the post as it is and changes exactly the cells that differ; a related
post is named, and a name no post has is refused for its cell (no posts are invented). Visible
sheets named with an English label (FoUiS's own spreadsheets) are read as technical sheets; their
rows without an id get a stable id from name and county and ``manual: true``. Export, then import
into an empty database, gives the same graph (tests/test_excel.py compares the JSON exports).
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
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from domain import forms, titles
from domain.ids import ID_PREFIX, make_id
from domain.model import LABELS
from graph import export as graph_export
from graph.db import Graph, run
from graph.maintain import MaintainError, history
from graph.workbook import Sheet, Sheets, WorkbookError, hidden_warning, read_workbook

README_SHEET = "Läs mig"
RELATIONS_SHEET = "Relationer"
TYPES_SHEET = "Kolumntyper"
# a value longer than one Excel cell (a document's page texts) is written here in parts, in order
LONG_SHEET = "Långa värden"
LONG_COLUMNS = ("blad", "id", "kolumn", "del", "text")
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
    "Projektdatabas Nära vård: arbetsbok att redigera",
    "",
    "Ett blad per typ av post: Projekt, Aktör, Län, Målområde, Fokusområde, Målsättning, Indikator,",
    "Mått, Beslut och Målgrupp. En rad per post, en kolumn per fält som i formulären på sidan Redigera.",
    "Projektens fokusområden, ansvariga, deltagare, kommuner och län samt målgrupper står med namn,",
    "flera åtskilda med '; ' (t.ex. Psykisk hälsa; Barn och unga). Ändra namnen för att ändra",
    "kopplingen; ett namn som ingen post har läses inte in (lägg först till posten).",
    "Status, processteg, aktörstyp och ja/nej-fält har listor att välja ur. Filter finns i rubrikraden.",
    "Andra namn skrivs också med '; ' mellan.",
    "",
    "Den sista, dolda kolumnen är postens nyckel: ändra den inte. En ny rad utan nyckel blir en ny post.",
    "",
    "Import (sidan Excel i appen, eller projektdb import FIL) jämför varje cell med databasen och",
    "ändrar precis de celler som skiljer; den visar vad som ändrades och vad som inte lästes in, och varför.",
    "En tömd cell tar bort värdet. En borttagen rad tar inte bort posten.",
    "",
    "De dolda bladen (Project, Actor ..., Relationer, Kolumntyper) är hela grafen för säkerhetskopia",
    "och återläsning; de behöver inte ändras.",
]


@dataclass
class ImportReport:
    nodes: Counter = field(default_factory=Counter)
    relationships: Counter = field(default_factory=Counter)
    generated_ids: int = 0
    change: str | None = None
    warnings: list[str] = field(default_factory=list)  # Swedish: what was not read, and why
    changes: list[CellChange] = field(default_factory=list)  # the editable sheets' changed cells
    refused: list[CellRefusal] = field(default_factory=list)  # ... and the cells not read
    created: list[str] = field(default_factory=list)  # names of posts new rows made


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

    counts: dict[str, int] = {}
    for label in FIELDS_ORDER:
        counts[titles.LABEL_TITLES[label]] = _write_editable(workbook, label, data)

    sheets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in data["nodes"]:
        sheets[_sheet_name(node["labels"])].append(node)
    types_rows: list[tuple[str, str, str]] = []
    long_rows: list[list[Any]] = []
    for name in sorted(sheets, key=_sheet_order):
        nodes = sheets[name]
        keys = sorted({k for n in nodes for k in n["properties"]} - {"id"}, key=lambda k: (k != "name", k))
        kinds = {k: _column_kind([n["properties"][k] for n in nodes if k in n["properties"]]) for k in keys}
        columns = ["id", *keys]
        sheet = _new_sheet(workbook, name, columns, hidden=True)
        for node in nodes:
            props = node["properties"]
            values = [_encode(props.get(k), kinds[k]) for k in keys]
            for index, (key, value) in enumerate(zip(keys, values, strict=True)):
                if isinstance(value, str) and len(value) > MAX_CELL:
                    parts = range(0, len(value), MAX_CELL)
                    long_rows.extend(
                        [name, node["id"], key, n + 1, value[at : at + MAX_CELL]]
                        for n, at in enumerate(parts)
                    )
                    values[index] = None
            _append(sheet, columns, [node["id"], *values], node["id"])
        types_rows.extend((name, k, kinds[k]) for k in keys)
        types_rows.append((name, "", ""))  # every technical sheet is named here, also one without columns
        counts[name] = len(nodes)

    relations = _new_sheet(workbook, RELATIONS_SHEET, list(RELATION_COLUMNS), hidden=True)
    for rel in data["relationships"]:
        properties = json.dumps(rel["properties"], ensure_ascii=False, sort_keys=True)
        row = [rel["type"], rel["start"], rel["end"], properties]
        _append(relations, RELATION_COLUMNS, row, f"{rel['type']} {rel['start']} → {rel['end']}")
    counts[RELATIONS_SHEET] = len(data["relationships"])

    long_values = _new_sheet(workbook, LONG_SHEET, list(LONG_COLUMNS), hidden=True)
    for long_row in long_rows:
        _append(long_values, LONG_COLUMNS, long_row, f"{long_row[1]} {long_row[2]}")
    types_rows.append((LONG_SHEET, "", ""))

    types = _new_sheet(workbook, TYPES_SHEET, ["blad", "kolumn", "typ"], hidden=True)
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
                f"Exporten avbröts: en Excel-cell rymmer högst {_thousands(MAX_CELL)} tecken, men {column} "
                f"på {row_name} (bladet {sheet.title}) har {_thousands(len(value))}. Inget har skrivits "
                "och inget kortas av: korta texten, eller använd en säkerhetskopia (projektdb backup), "
                "som tar med allt."
            )
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text that starts with "=" stays text, not a formula
        cells.append(cell)
    sheet.append(cells)


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def _bold(sheet: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True)
    return cell


def _new_sheet(workbook: Workbook, name: str, header: list[str], hidden: bool = False) -> Any:
    """A streamed sheet with its bold header row frozen (set before any row is written)."""
    sheet = workbook.create_sheet(name)
    if hidden:
        sheet.sheet_state = "hidden"
    sheet.freeze_panes = "B2"
    sheet.append([_bold(sheet, column) for column in header])
    return sheet


# --- import --------------------------------------------------------------------------------------


def import_xlsx(
    graph: Graph, path: Path | BinaryIO, user: str | None = None, name: str | None = None
) -> ImportReport:
    """Read the workbook into the database, in one transaction. With ``user``, the import is
    recorded in the history (the app does this; a plain CLI restore into an empty database does not).
    The workbook is read as it is shown (graph/workbook.py): hidden sheets are skipped with a
    warning (except the export's own technical sheets), formulas give their calculated values,
    merged cells their top-left value. A row that would make a node without a name is skipped with
    a warning. The technical sheets are upserted first; then every cell of the editable sheets
    that differs from the post as it is changes it (``report.changes``), or is refused with a
    reason (``report.refused``). ``path`` may be any binary stream (an upload held in memory);
    ``name`` names it in the history."""
    try:
        workbook = read_workbook(path, read_hidden=True)
    except WorkbookError as error:
        raise MaintainError(error.message) from error
    report = ImportReport(warnings=list(workbook.warnings))
    technical = _technical_sheets(workbook, report)
    kinds = _read_kinds(technical.get(TYPES_SHEET) or workbook.get(TYPES_SHEET))
    editable = _editable_sheets(workbook)
    editable_titles = {sheet.title for _, sheet in editable}
    node_rows: list[dict[str, Any]] = []
    for sheet in [*workbook.sheets, *technical.values()]:
        if (
            sheet.title in (README_SHEET, RELATIONS_SHEET, TYPES_SHEET, LONG_SHEET)
            or sheet.title in editable_titles
        ):
            continue
        node_rows.extend(_node_rows(sheet, kinds, report))
    if LONG_SHEET in technical:
        _long_values(technical[LONG_SHEET], node_rows, kinds)
    node_rows = _without_new_nameless(graph, node_rows, report)
    relations = technical.get(RELATIONS_SHEET) or workbook.get(RELATIONS_SHEET)
    rel_rows = _relationship_rows(relations) if relations is not None else []
    counts = Counter((r["type"], r["start"], r["end"]) for r in rel_rows)
    single = [
        r for r in rel_rows if r["type"] not in MULTI_TYPES and counts[(r["type"], r["start"], r["end"])] == 1
    ]
    each = [r for r in rel_rows if r["type"] in MULTI_TYPES or counts[(r["type"], r["start"], r["end"])] > 1]
    source_name = name or getattr(path, "name", None) or "arbetsbok"
    overlay = _Overlay()

    def work(tx: ManagedTransaction) -> None:
        nonlocal overlay
        overlay = _Overlay()  # a transaction that runs again starts over
        for batch in _batches(node_rows):
            run(tx, "maintain/import_nodes", rows=batch)
        for batch in _batches(single):
            run(tx, "maintain/import_relationships", rows=batch)
        for batch in _batches(each):
            run(tx, "maintain/import_relationships_each", rows=batch)
        for label, sheet in editable:
            _apply_editable(tx, label, sheet, user, overlay)
        if user:
            report.change = history.record(
                tx,
                user=user,
                action="import",
                node_id=source_name,
                summary=f"{len(node_rows)} poster, {len(rel_rows)} relationer, "
                f"{len(overlay.changes)} ändrade celler från {source_name}",
            )

    graph.run_write(work)
    for row in node_rows:
        report.nodes[row["labels"][0]] += 1
    for row in rel_rows:
        report.relationships[row["type"]] += 1
    report.changes, report.refused, report.created = overlay.changes, overlay.refused, overlay.created
    report.warnings.extend(overlay.warnings)
    return report


def _long_values(sheet: Sheet, node_rows: list[dict[str, Any]], kinds: dict[tuple[str, str], str]) -> None:
    """Put the values too long for one cell back together from their parts, into their rows."""
    parts: dict[tuple[str, str, str], list[tuple[int, str]]] = defaultdict(list)
    for number, values in sheet.rows[1:]:
        if len(values) < len(LONG_COLUMNS) or not all(v not in (None, "") for v in values[:4]):
            continue
        try:
            part = int(values[3])
        except (TypeError, ValueError) as error:
            raise MaintainError(f"Bladet {sheet.title}, rad {number}: del ska vara ett heltal.") from error
        parts[(str(values[0]), str(values[1]), str(values[2]))].append((part, str(values[4] or "")))
    rows = {(row["sheet"], row["id"]): row for row in node_rows}
    for (sheet_name, node_id, key), pieces in parts.items():
        row = rows.get((sheet_name, node_id))
        if row is None:
            continue  # its node's row was removed from the workbook
        joined = "".join(text for _, text in sorted(pieces))
        kind = kinds.get((sheet_name, key), "värde")
        row["properties"][key] = _decode(joined, kind, sheet_name, row["line"], key)


def _technical_sheets(workbook: Sheets, report: ImportReport) -> dict[str, Sheet]:
    """The hidden sheets the export wrote (named in its hidden Kolumntyper sheet); every other
    hidden sheet is skipped with a warning, as the reader does not see it."""
    types = workbook.hidden_sheet(TYPES_SHEET)
    known = {RELATIONS_SHEET, TYPES_SHEET} | set(_read_kinds_sheets(types)) if types is not None else set()
    technical = {}
    for sheet in workbook.hidden:
        if sheet.title in known:
            technical[sheet.title] = sheet
        else:
            report.warnings.append(hidden_warning(sheet.title))
    return technical


def _read_kinds_sheets(sheet: Sheet) -> list[str]:
    return [str(values[0]) for _, values in sheet.rows[1:] if values and values[0]]


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


# --- the editable sheets -------------------------------------------------------------------------
#
# One sheet per kind of post the forms edit, named and headed in Swedish (domain.titles): one row
# per post, one column per form field, a project's related posts as cells of names joined by "; ",
# drop-down lists for the closed vocabularies, filters, a frozen header row, and the post's key in
# the last column, hidden. Import compares every cell with the post as it is (after the technical
# sheets are read) and changes exactly the cells that differ.

LINK_SEPARATOR = "; "
FIELDS_ORDER: tuple[str, ...] = tuple(label for label in LABELS if label in forms.FIELDS)
EXCEL_ROWS = 1_048_576


@dataclass(frozen=True)
class Link:
    """A column of related posts: the relationship type, whether the post is its start ("out") or
    end ("in"), and the labels a name in the cell may name."""

    key: str
    type: str
    direction: str
    labels: tuple[str, ...]

    @property
    def title(self) -> str:
        return titles.WORKBOOK_LINK_TITLES[self.key]


LINKS: dict[str, tuple[Link, ...]] = {
    "Project": (
        Link("focus_areas", "IN_FOCUS_AREA", "out", ("FocusArea",)),
        Link("responsible", "RESPONSIBLE_FOR", "in", ("Actor",)),
        Link("participants", "PARTICIPATES_IN", "in", ("Actor",)),
        Link("places", "LOCATED_IN", "out", ("Actor", "County")),
        Link("target_groups", "TARGETS", "out", ("TargetGroup",)),
    )
}
WIDTHS = {"textarea": 60, "list": 40, "choice": 24, "bool": 12, "int": 10, "text": 24}


@dataclass(frozen=True)
class Column:
    title: str
    field: forms.Field | None = None
    link: Link | None = None
    key: bool = False  # the post's id: last, hidden

    @property
    def width(self) -> float:
        if self.link is not None:
            return 40
        if self.field is None:
            return 20
        return 40 if self.field.key == "name" else WIDTHS[self.field.kind]

    @property
    def choices(self) -> tuple[str, ...]:
        if self.field is None:
            return ()
        if self.field.kind == "bool":
            return (titles.YES, titles.NO)
        return self.field.choices if self.field.kind == "choice" else ()


def editable_columns(label: str) -> list[Column]:
    """The columns of a label's editable sheet, in order: name, the related posts, the other form
    fields, the key."""
    form = [
        Column(titles.property_title(field.key, label), field=field)  # the title without the form's hint
        for field in forms.fields(label)
    ]
    links = [Column(link.title, link=link) for link in LINKS.get(label, ())]
    return [form[0], *links, *form[1:], Column(titles.WORKBOOK_KEY_TITLE, key=True)]


@dataclass(frozen=True)
class CellChange:
    """One cell of an editable sheet that changed the database."""

    sheet: str
    row: int
    column: str
    before: str
    after: str

    @property
    def message(self) -> str:
        before = _short(self.before) or "(tomt)"
        after = _short(self.after) or "(tomt)"
        return f"Bladet {self.sheet}, rad {self.row}, {self.column}: {before} → {after}."


@dataclass(frozen=True)
class CellRefusal:
    """One cell (or row, when ``column`` is None) of an editable sheet that was not read, and why."""

    sheet: str
    row: int
    column: str | None
    reason: str  # Swedish

    @property
    def message(self) -> str:
        where = f"Bladet {self.sheet}, rad {self.row}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return titles.YES if value else ""
    if isinstance(value, list):
        return LINK_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value).strip()


def _field_cell(field: forms.Field, value: Any) -> Any:
    """A stored value as its cell shows it."""
    if field.kind == "bool":
        return titles.YES if value else None
    if field.kind == "list":
        return LINK_SEPARATOR.join(value) if value else None
    if value is None or value == "":
        return None
    return value


def _write_editable(workbook: Workbook, label: str, data: dict[str, Any]) -> int:
    columns = editable_columns(label)
    nodes = sorted(
        (n for n in data["nodes"] if [x for x in n["labels"] if x != "Entity"] == [label]),
        key=lambda n: (str(n["properties"].get("name") or ""), n["id"]),
    )
    links = _links_by_node(data, LINKS.get(label, ()))
    sheet = workbook.create_sheet(titles.LABEL_TITLES[label])
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{len(nodes) + 1}"
    for number, column in enumerate(columns, start=1):
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = column.width
        if column.key:
            sheet.column_dimensions[letter].hidden = True
        if column.choices:
            validation = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=column.title,
                error="Välj ett värde i listan.",
            )
            validation.add(f"{letter}2:{letter}{EXCEL_ROWS}")
            sheet.data_validations.append(validation)
    sheet.append([_bold(sheet, column.title) for column in columns])
    for node in nodes:
        props = node["properties"]
        values: list[Any] = []
        for column in columns:
            if column.key:
                values.append(node["id"])
            elif column.link is not None:
                values.append(LINK_SEPARATOR.join(links[(node["id"], column.link.key)]) or None)
            else:
                assert column.field is not None
                values.append(_field_cell(column.field, props.get(column.field.key)))
        _append(sheet, [c.title for c in columns], values, str(props.get("name") or node["id"]))
    return len(nodes)


def _links_by_node(data: dict[str, Any], links: tuple[Link, ...]) -> dict[tuple[str, str], list[str]]:
    names = {n["id"]: str(n["properties"].get("name") or n["id"]) for n in data["nodes"]}
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rel in data["relationships"]:
        for link in links:
            if rel["type"] == link.type:
                node, other = (
                    (rel["start"], rel["end"]) if link.direction == "out" else (rel["end"], rel["start"])
                )
                out[(node, link.key)].append(names.get(other, other))
    for value in out.values():
        value.sort()
    return out


@dataclass
class _Overlay:
    """What the editable sheets changed, built inside the transaction (which may run again)."""

    changes: list[CellChange] = field(default_factory=list)
    refused: list[CellRefusal] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _editable_sheets(workbook: Sheets) -> list[tuple[str, Sheet]]:
    by_title = {titles.LABEL_TITLES[label]: label for label in FIELDS_ORDER}
    return [(by_title[s.title], s) for s in workbook.sheets if s.title in by_title]


def _apply_editable(
    tx: ManagedTransaction, label: str, sheet: Sheet, user: str | None, overlay: _Overlay
) -> None:
    columns = editable_columns(label)
    by_title = {c.title: c for c in columns}
    header = sheet.rows[0][1] if sheet.rows else []
    positions: list[tuple[int, Column]] = []
    for index, title in enumerate(header):
        text = _cell_text(title)
        if not text:
            continue
        if text not in by_title:
            overlay.warnings.append(
                f"Bladet {sheet.title}: kolumnen {text!r} känns inte igen och lästes inte in."
            )
            continue
        positions.append((index, by_title[text]))
    key_index = next((i for i, c in positions if c.key), None)
    rows = [(n, v) for n, v in sheet.rows[1:] if any(_cell_text(x) for x in v)]
    ids = [_cell_text(v[key_index]) for _, v in rows if key_index is not None and key_index < len(v)]
    links = LINKS.get(label, ())
    current = {
        row["id"]: row
        for row in run(
            tx,
            "maintain/workbook_current",
            ids=[i for i in ids if i],
            out_types=[link.type for link in links if link.direction == "out"],
            in_types=[link.type for link in links if link.direction == "in"],
        )
    }
    for number, values in rows:
        cells = {c.title: (values[i] if i < len(values) else None) for i, c in positions}
        node_id = _cell_text(cells.get(titles.WORKBOOK_KEY_TITLE))
        if node_id and node_id not in current:
            overlay.refused.append(
                CellRefusal(sheet.title, number, None, "posten finns inte i databasen; raden lästes inte in.")
            )
            continue
        if node_id and label not in current[node_id]["labels"]:
            overlay.refused.append(
                CellRefusal(
                    sheet.title, number, None, f"posten är inte en {titles.label_title(label).lower()}."
                )
            )
            continue
        node = current.get(node_id) or {"id": None, "properties": {}, "links": []}
        _apply_row(tx, label, sheet.title, number, cells, node, positions, user, overlay)


def _apply_row(
    tx: ManagedTransaction,
    label: str,
    title: str,
    number: int,
    cells: dict[str, Any],
    node: dict[str, Any],
    positions: list[tuple[int, Column]],
    user: str | None,
    overlay: _Overlay,
) -> None:
    props = node["properties"]
    changed: dict[str, Any] = {}
    cell_changes: list[CellChange] = []
    for _, column in positions:
        if column.field is None:
            continue
        field_ = column.field
        before = _cell_text(_field_cell(field_, props.get(field_.key)))
        after = _cell_text(cells[column.title])
        if before == after:
            continue
        try:
            value = forms.clean_changes(label, {field_.key: _form_value(field_, cells[column.title])})[
                field_.key
            ]
        except MaintainError as error:
            overlay.refused.append(CellRefusal(title, number, column.title, error.message))
            continue
        changed[field_.key] = value
        cell_changes.append(CellChange(title, number, column.title, before, after))
    at = history.now()
    node_id = node["id"]
    if node_id is None:  # a new row: a new post, named
        name = changed.get("name")
        if not name:
            overlay.refused.append(
                CellRefusal(title, number, None, "raden har inget namn och lästes inte in.")
            )
            return
        node_id = make_id(ID_PREFIX[label], str(name), changed.get("county"))
        stored = {k: v for k, v in changed.items() if v is not None}
        stored |= {"manual": True, "confidence": 1.0, "version": 1, "created_at": at, "created_by": user}
        stored["edited"] = sorted(k for k in changed if changed[k] is not None)
        run(tx, "maintain/import_nodes", rows=[_node_row(node_id, label, stored)])
        overlay.created.append(str(name))
    elif changed:
        edited = sorted(set(props.get("edited") or []) | set(changed))
        update = {**changed, "edited": edited, "version": int(props.get("version") or 0) + 1}
        update |= {"updated_at": at, "updated_by": user}
        run(tx, "maintain/import_nodes", rows=[_node_row(node_id, label, update)])
    overlay.changes.extend(cell_changes)
    for _, column in positions:
        if column.link is not None:
            _apply_link(
                tx, column.link, title, number, cells[column.title], node, node_id, changed, user, overlay
            )


def _node_row(node_id: str, label: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {"id": node_id, "labels": ["Entity", label], "key": "Entity", "properties": properties}


def _form_value(field_: forms.Field, value: Any) -> Any:
    if field_.kind == "bool":
        text = _cell_text(value).lower()
        if value is True or text in (titles.YES, "sant", "true", "1", "x"):
            return True
        if value is False or text in (titles.NO, "falskt", "false", "0", ""):
            return False
        raise MaintainError(f"skriv {titles.YES} eller {titles.NO}, inte {text!r}.")
    if field_.kind == "list":
        return "\n".join(_split(value))
    if field_.kind == "int":
        return value if isinstance(value, int) else _cell_text(value)
    return _cell_text(value)


def _split(value: Any) -> list[str]:
    return [part.strip() for part in _cell_text(value).split(";") if part.strip()]


def _apply_link(
    tx: ManagedTransaction,
    link: Link,
    title: str,
    number: int,
    value: Any,
    node: dict[str, Any],
    node_id: str,
    changed: dict[str, Any],
    user: str | None,
    overlay: _Overlay,
) -> None:
    """The cell names every related post of the link's type: names removed unrelate, names added
    relate to the post of that name (in the project's county when several have it). A name no
    post has is refused: the import does not invent posts."""
    linked = [x for x in node["links"] if x["type"] == link.type and x["dir"] == link.direction]
    before_names = sorted(str(x["name"]) for x in linked)
    before = LINK_SEPARATOR.join(before_names)
    after_names = _split(value)
    if before == _cell_text(value) or sorted(after_names) == before_names:
        return
    added = [name for name in dict.fromkeys(after_names) if name not in before_names]
    removed = [x for x in linked if str(x["name"]) not in after_names]
    county = changed.get("county") or node["properties"].get("county")
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if added:
        for row in run(tx, "maintain/workbook_names", names=added, labels=list(link.labels)):
            found[row["name"]].append(row)
    accepted: list[str] = []
    for name in added:
        candidates = found.get(name, [])
        if len(candidates) > 1:
            candidates = [c for c in candidates if c["county"] == county] or candidates
        if not candidates:
            kinds = " eller ".join(titles.label_title(x).lower() for x in link.labels)
            overlay.refused.append(
                CellRefusal(title, number, link.title, f"det finns ingen {kinds} som heter {name!r}.")
            )
            continue
        if len(candidates) > 1:
            overlay.refused.append(
                CellRefusal(
                    title, number, link.title, f"flera poster heter {name!r}; välj en på sidan Redigera."
                )
            )
            continue
        start, end = (
            (node_id, candidates[0]["id"]) if link.direction == "out" else (candidates[0]["id"], node_id)
        )
        run(
            tx,
            "maintain/relate",
            start=start,
            end=end,
            type=link.type,
            properties={},
            user=user,
            at=history.now(),
        )
        accepted.append(name)
    for other in removed:
        start, end = (node_id, other["id"]) if link.direction == "out" else (other["id"], node_id)
        run(tx, "maintain/unrelate", start=start, end=end, type=link.type)
    after = sorted({*before_names, *accepted} - {str(x["name"]) for x in removed})
    if after != before_names:
        overlay.changes.append(CellChange(title, number, link.title, before, LINK_SEPARATOR.join(after)))
