"""Activity tables (Mål | Aktivitet | Tidsplan | Ansvarig) → projects with goals, owners, time plans.

A table is an activity table when its header names an activity column and a time-plan or responsible
column (with the usual variants; the Mål column may be missing). A table without a header continues
the previous activity table when it has as many columns and no new focus-area heading stands between
them (tables broken by a page break or blank lines). A line without tabs directly under a row goes on
that row (a cell broken across lines).

Each row gives a ``Project`` (kind "aktivitet"), a ``Goal`` from the Mål cell, the ``FocusArea`` of
the nearest focus heading, ``Actor``s from the Ansvarig cell and ``TargetGroup``s from the text.

Collective owners are actors too: "Respektive huvudman" gets type "huvudman" and "Kommunerna" type
"kommun", both with ``collective=True``, so that questions about the region or the municipalities
still find them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from domain import places
from domain.document import Page, SourceDocument, Table
from domain.model import Entity, Evidence, Extraction
from ingest.extractors.plan_structure import FocusAreas, caption_subject, find_focus_areas, focus_area_entity
from ingest.extractors.target_groups import find_target_groups
from ingest.extractors.text_utils import (
    clean_cell,
    is_separator_row,
    normalize_key,
    tables_from_text,
)
from ingest.extractors.timeplan import parse_timeplan

EXTRACTOR = "activity_table"

# column role → header words (compared after normalize_key)
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "goal": ("mål", "målsättning", "målsättningar", "syfte", "delmål", "effektmål", "mål syfte", "syfte mål"),
    "activity": (
        "aktivitet",
        "aktiviteter",
        "åtgärd",
        "åtgärder",
        "insats",
        "insatser",
        "aktivitet insats",
        "aktivitet åtgärd",
        "åtgärd aktivitet",
        "projekt",
        "vad",
        "satsning",
    ),
    "time": (
        "tidsplan",
        "tidplan",
        "när",
        "tid",
        "tidpunkt",
        "tidsperiod",
        "period",
        "klart",
        "datum",
        "när klart",
    ),
    "responsible": (
        "ansvarig",
        "ansvar",
        "vem",
        "ansvarig part",
        "ansvariga",
        "huvudansvarig",
        "vem ansvarar",
        "ansvarig samordnare",
        "samordnare",
        "ägare",
        "ansvarig aktör",
    ),
    "status": ("status", "läge", "lägesrapport"),
    "target": ("målgrupp", "målgrupper", "för vem"),
}


@dataclass(frozen=True)
class Columns:
    roles: dict[str, int]  # role → column index
    width: int


def header_columns(cells: list[str]) -> Columns | None:
    """The column roles of a header row, or None when the row is not an activity-table header."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _role(cell)
        if role and role not in roles:
            roles[role] = index
    if "activity" in roles and ({"time", "responsible", "goal"} & roles.keys()):
        return Columns(roles=roles, width=len(cells))
    return None


def _role(cell: str) -> str | None:
    key = normalize_key(cell)
    if not key or len(key) > 30:
        return None
    for role, words in _HEADER_WORDS.items():
        if key in words:
            return role
    for role, words in _HEADER_WORDS.items():
        if any(len(word) >= 5 and fuzz.ratio(key, word) >= 88 for word in words):
            return role
    return None


# --- rows --------------------------------------------------------------------------------------


@dataclass
class Row:
    cells: list[str]
    page: int
    start: int = -1  # offsets of the row as written in the page text
    end: int = -1
    quote: str = ""


@dataclass
class ActivityTable:
    columns: Columns
    caption: str | None  # a caption row above the header ("Aktiviteter - Digitalisering")
    page: int
    start: int
    rows: list[Row] = field(default_factory=list)
    focus_area: str | None = None


def find_activity_tables(
    document: SourceDocument, focus_areas: FocusAreas | None = None
) -> list[ActivityTable]:
    """Activity tables in reading order, continuation tables merged into the table they continue."""
    focus_areas = focus_areas or find_focus_areas(document)
    found: list[ActivityTable] = []
    for page in document.pages:
        for table in page.tables or tables_from_text(page.text, page.number):
            rows = _rows(table, page)
            header_at, columns, caption = _header(rows)
            position = rows[0].start if rows and rows[0].start >= 0 else table.start
            if columns is not None:
                activity = ActivityTable(columns, caption, page.number, position, rows[header_at + 1 :])
                activity.focus_area = _focus_area(activity, focus_areas, page.number, position)
                found.append(activity)
            elif found and _continues(found[-1], rows, focus_areas, page.number, position):
                found[-1].rows.extend(rows)
    for activity in found:
        activity.rows = _join_broken_rows(activity.rows, activity.columns.width)
    return found


def _header(rows: list[Row]) -> tuple[int, Columns | None, str | None]:
    caption = None
    for index, row in enumerate(rows[:3]):
        columns = header_columns(row.cells)
        if columns is not None:
            return index, columns, caption
        filled = [cell for cell in row.cells if cell.strip()]
        if len(filled) == 1:
            caption = filled[0]
    return -1, None, None


def _continues(previous: ActivityTable, rows: list[Row], areas: FocusAreas, page: int, position: int) -> bool:
    width = max((len(row.cells) for row in rows), default=0)
    if width != previous.columns.width:
        return False
    if position < 0:
        return True  # no position to check: the reader gave the tables in order
    return areas.at(page, position) == areas.at(previous.page, previous.start)


def _focus_area(table: ActivityTable, areas: FocusAreas, page: int, position: int) -> str | None:
    if table.caption and (subject := caption_subject(table.caption)):
        return areas.match(subject) or subject
    if position >= 0:
        return areas.at(page, position)
    return None


def _rows(table: Table, page: Page) -> list[Row]:
    """The table's rows, located in the page text when possible (offsets, continuation lines)."""
    wanted = [cells for cells in table.rows if not is_separator_row(cells)]
    if table.start >= 0:
        located = _rows_from_text(page, table.start, len(wanted))
        as_written = [normalize_key(page.text[r.start : r.end].split("\n")[0])[:40] for r in located]
        if as_written == [normalize_key(" ".join(cells))[:40] for cells in wanted]:
            return located
    return [Row(cells=list(cells), page=page.number, quote="\t".join(cells)) for cells in wanted]


def _lines_from(text: str, offset: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of the lines of ``text`` from the one that holds ``offset`` on, read only as far
    as the caller goes (a page's tables each read their own lines, not the page from its start)."""
    start = text.rfind("\n", 0, offset) + 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, end, text[start:end]
        start = end + 1


def _rows_from_text(page: Page, start: int, count: int) -> list[Row]:
    rows: list[Row] = []
    gap = False
    for line_start, line_end, text in _lines_from(page.text, start):
        if line_end < start:
            continue
        if "\t" in text and text.strip():
            cells = [cell.strip() for cell in text.split("\t")]
            if is_separator_row(cells):
                continue
            if len(rows) == count:
                break
            rows.append(Row(cells=cells, page=page.number, start=line_start, end=line_end))
            gap = False
        elif not text.strip():
            gap = True
            if len(rows) == count:
                break
        elif rows and not gap and caption_subject(text) is None:
            # a cell broken across lines
            index = _broken_cell(rows[-1].cells)
            rows[-1].cells[index] = f"{rows[-1].cells[index]} {text.strip()}".strip()
            rows[-1].end = line_end
        elif rows:
            break
    for row in rows:
        row.quote = page.text[row.start : row.end]
    return rows


_OPEN_ENDING = re.compile(
    r"(?:-|\b(?:i|och|eller|för|av|med|till|att|som|på|om|den|det|de|en|ett|samt|inom|kring|mellan))$",
    re.IGNORECASE,
)


def _broken_cell(cells: list[str]) -> int:
    """The cell a line without tabs goes on: one that ends mid-phrase ("… i"), else the last filled one."""
    filled = [i for i, cell in enumerate(cells) if cell.strip()]
    if not filled:
        return 0
    open_cells = [i for i in filled if _OPEN_ENDING.search(cells[i].strip())]
    return open_cells[0] if open_cells else filled[-1]


def _join_broken_rows(rows: list[Row], width: int) -> list[Row]:
    """A row with one filled cell under a full row is the rest of that row's cell (a PDF line break)."""
    joined: list[Row] = []
    for row in rows:
        filled = [i for i, cell in enumerate(row.cells) if cell.strip()]
        if joined and len(filled) == 1 and width > 1:
            previous = joined[-1]
            index = min(filled[0], len(previous.cells) - 1)
            previous.cells[index] = f"{previous.cells[index]} {row.cells[filled[0]].strip()}".strip()
            if previous.start >= 0 and row.end >= 0:
                previous.end = row.end
            previous.quote = f"{previous.quote}\n{row.quote}"
            continue
        if filled:
            joined.append(row)
    return joined


# --- responsible actors ------------------------------------------------------------------------


@dataclass(frozen=True)
class Responsible:
    name: str
    role: str  # "ansvarig", "samordnar", "sammankallande"
    type: str | None = None
    collective: bool = False


_COORDINATED = re.compile(r"^(?:samordnas|samordnad|koordineras|leds)\s+av\s+", re.IGNORECASE)
_COORDINATOR = re.compile(r"^(?:samordnare|samordning)\s*:\s*", re.IGNORECASE)
_RESPONSIBLE_LABEL = re.compile(r"^(?:ansvarig|ansvar|huvudansvarig)\s*:\s*", re.IGNORECASE)
_CONVENER = re.compile(r"\s*\(?\bsammankallande\b\)?\s*:?\s*", re.IGNORECASE)
_FRAMEWORK = re.compile(r"\s*\binom\s+ramen\s+för\s+(?P<initiative>.+)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"(\s*(?:\+|,|;|/|&)\s*|\s+och\s+|\s+samt\s+)")
_COLLECTIVES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^respektive\s+(?:huvudman|huvudmän|vårdgivare|huvudmannen)$", re.IGNORECASE), "huvudman"),
    (re.compile(r"^(?:berörda|samtliga|alla)\s+huvudmän$", re.IGNORECASE), "huvudman"),
    (
        re.compile(
            r"^(?:kommunerna|länets kommuner|samtliga kommuner|alla kommuner|respektive kommun)$",
            re.IGNORECASE,
        ),
        "kommun",
    ),
]
_ACTOR_TYPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), t)
    for p, t in [
        (r"^region\b|regionen$", "region"),
        (r"\bkommun$", "kommun"),
        (r"beredningsgrupp", "beredningsgrupp"),
        (r"styrgrupp", "styrgrupp"),
        (r"arbetsgrupp", "arbetsgrupp"),
        (r"nätverk", "nätverk"),
        (r"samverkansstruktur", "nätverk"),
        (r"nämnd|^NSV$", "nämnd"),
        (r"regionalt\s+stöd|^LRS$|^FoU|förvaltning|\benhet", "enhet"),
        (r"universitet|högskola|^MDU$", "lärosäte"),
        (r"^NVK$|koordinator|processledare|samordnare", "roll"),
    ]
]


def parse_responsible(text: str) -> tuple[list[Responsible], str | None]:
    """Actors and their roles from an Ansvarig cell, and the initiative it names ("inom ramen för X")."""
    text = clean_cell(text)
    initiative = None
    framework = _FRAMEWORK.search(text)
    if framework:
        initiative = _strip_quotes(framework.group("initiative"))
        text = text[: framework.start()]
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(" .")
    role = "ansvarig"
    for pattern, named_role in (
        (_COORDINATED, "samordnar"),
        (_COORDINATOR, "samordnar"),
        (_RESPONSIBLE_LABEL, "ansvarig"),
    ):
        if pattern.match(text):
            text, role = pattern.sub("", text, count=1), named_role
            break
    actors = []
    for part in _split_actors(text):
        part_role = role
        if _CONVENER.search(part):
            part, part_role = _CONVENER.sub(" ", part).strip(), "sammankallande"
        name = part.strip(" .,:;")
        if name:
            actors.append(_responsible(name, part_role))
    return actors, initiative or None


def _split_actors(text: str) -> list[str]:
    """Split on "och", "+", ",", "/" only where the next part starts a new actor (a capital letter or a
    collective word), so that "Nämnden för samverkan kring socialtjänst och vård" stays whole."""
    pieces = _SEPARATOR.split(text)
    parts = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=False):
        if _starts_actor(piece):
            parts.append(piece)
        else:
            parts[-1] = f"{parts[-1]}{separator}{piece}"
    return [part.strip() for part in parts if part.strip()]


def _starts_actor(piece: str) -> bool:
    piece = piece.strip()
    if not piece:
        return False
    if piece[0].isupper():
        return True
    return any(pattern.match(piece) for pattern, _ in _COLLECTIVES) or piece.casefold().startswith(
        ("kommunerna", "regionen", "respektive ", "länets kommuner")
    )


def _responsible(name: str, role: str) -> Responsible:
    for pattern, actor_type in _COLLECTIVES:
        if pattern.match(name):
            return Responsible(name=name[0].upper() + name[1:], role=role, type=actor_type, collective=True)
    actor_type = next((t for pattern, t in _ACTOR_TYPES if pattern.search(name)), None)
    return Responsible(name=name, role=role, type=actor_type)


def _strip_quotes(text: str) -> str:
    return text.strip().strip("\"'”“«»").strip()


# --- project names -----------------------------------------------------------------------------

_ITALIC = re.compile(r"<i>\s*(?P<name>[^<]{3,120}?)\s*</i>|(?<!\*)\*(?!\*)(?P<star>[^*\n]{3,120}?)\*(?!\*)")
_QUOTED = re.compile(r"[\"”“«](?P<name>[^\"”“«»]{3,120})[\"”»]")
_LABEL = re.compile(r"^(?P<label>[^-–—:.]{2,40}?)\s+[-–—:]\s+(?P<rest>.{15,})$")
_REFERENCE = re.compile(r"\s*\((?P<note>från\s[^)]*)\)\s*\.?$", re.IGNORECASE)


def project_name(activity_cell: str) -> str:
    """A short name for the activity: an initiative named in italics or quotes, a label before a dash
    ("Besökskort - ett hjälpmedel ..."), else the cell's first sentence."""
    for pattern in (_ITALIC, _QUOTED):
        match = pattern.search(activity_cell)
        if match:
            named = clean_cell(match.group("name") or match.groupdict().get("star") or "")
            if len(named.split()) >= 2:
                return named
    text = clean_cell(activity_cell)
    label = _LABEL.match(text)
    if label and len(label.group("label").split()) <= 3:
        return label.group("label").strip()
    if len(text) > 160:
        first = re.split(r"(?<=[.!?])\s+", text)[0]
        text = first if len(first) <= 160 else text[:160].rsplit(" ", 1)[0]
    return text.rstrip(" .")


def goal_text(goal_cell: str) -> tuple[str, str | None]:
    """The goal without a trailing source note: ("Utveckla goda lärandemiljöer i vården", "från ÖK 2024")."""
    text = clean_cell(goal_cell)
    note = _REFERENCE.search(text)
    if note:
        return text[: note.start()].rstrip(" ."), note.group("note")
    return text.rstrip(" ."), None


# --- the extractor -----------------------------------------------------------------------------


def extract_activities(document: SourceDocument) -> Extraction:
    result = Extraction()
    focus_areas = find_focus_areas(document)
    focus_entities: dict[str, Entity] = {}
    target_entities: dict[str, Entity] = {}
    goal_entities: dict[str, Entity] = {}
    find_places = places.find_places
    for table in find_activity_tables(document, focus_areas):
        focus = _focus_entity(result, focus_entities, focus_areas, table)
        for row in table.rows:
            _row_to_entities(result, table, row, focus, goal_entities, target_entities, find_places)
    return result


def _focus_entity(
    result: Extraction, cache: dict[str, Entity], areas: FocusAreas, table: ActivityTable
) -> Entity | None:
    if not table.focus_area:
        result.warnings.append(
            f"Aktivitetstabellen på sida {table.page} kunde inte knytas till ett fokusområde."
        )
        return None
    if table.focus_area not in cache:
        area = areas.get(table.focus_area)
        if area is None:  # a caption naming an area that plan_structure did not list
            cache[table.focus_area] = result.entity("FocusArea", table.focus_area, period=areas.period)
        else:
            cache[table.focus_area] = focus_area_entity(result, area)
    return cache[table.focus_area]


def _cell(table: ActivityTable, row: Row, role: str) -> str:
    index = table.columns.roles.get(role)
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index]


def _row_to_entities(
    result: Extraction,
    table: ActivityTable,
    row: Row,
    focus: Entity | None,
    goals: dict[str, Entity],
    targets: dict[str, Entity],
    find_places,
) -> None:
    activity_cell = _cell(table, row, "activity")
    goal_cell = _cell(table, row, "goal")
    quote = row.quote or "\t".join(row.cells)
    evidence = Evidence(page=row.page, quote=quote, extractor=EXTRACTOR, start=row.start, end=row.end)
    if not clean_cell(activity_cell):
        if clean_cell(goal_cell):
            result.warnings.append(
                f"Rad utan aktivitet på sida {row.page} hoppades över: {clean_cell(goal_cell)[:80]}"
            )
        return
    plan = parse_timeplan(clean_cell(_cell(table, row, "time")))
    if plan.text and plan.status == "okänd" and plan.start is None and plan.end is None:
        result.warnings.append(f'Tidsplanen "{plan.text}" på sida {row.page} kunde inte tolkas.')
    responsible_cell = clean_cell(_cell(table, row, "responsible"))
    actors, initiative = parse_responsible(responsible_cell)
    goal, reference = goal_text(goal_cell) if goal_cell.strip() else ("", None)
    status_cell = clean_cell(_cell(table, row, "status"))
    project = result.entity(
        "Project",
        project_name(activity_cell),
        evidence,
        description=clean_cell(activity_cell),
        goal_text=goal or None,
        timeplan_text=plan.text or None,
        start=plan.start,
        end=plan.end,
        status=_status_word(status_cell) or plan.status,
        kind="aktivitet",
        initiative=initiative,
        responsible_text=responsible_cell or None,
    )
    if goal:
        key = normalize_key(goal)
        if key not in goals:
            goals[key] = result.entity("Goal", goal, evidence, text=goal, kind="mål", reference=reference)
            if focus is not None:
                result.relate("UNDER", goals[key], focus, evidence)
        result.relate("ADDRESSES", project, goals[key], evidence)
    if focus is not None:
        result.relate("IN_FOCUS_AREA", project, focus, evidence)
    if not actors:
        result.warnings.append(f'Aktiviteten "{project.name[:60]}" på sida {row.page} saknar ansvarig.')
    for actor in actors:
        entity = result.entity(
            "Actor", actor.name, evidence, type=actor.type, collective=actor.collective or None
        )
        result.relate("RESPONSIBLE_FOR", entity, project, evidence, role=actor.role)
    cells = [part for part in (activity_cell, goal_cell, _cell(table, row, "target")) if part.strip()]
    for name in _row_target_groups(cells):
        if name not in targets:
            targets[name] = result.entity("TargetGroup", name, evidence)
        elif evidence not in targets[name].evidence:
            targets[name].evidence.append(evidence)
        result.relate("TARGETS", project, targets[name], evidence)
    text = ". ".join([*cells, _cell(table, row, "time")])
    if find_places is not None:
        _locate(result, project, text, evidence, find_places)


def _row_target_groups(cells: list[str]) -> list[str]:
    """Target groups of a row, each cell read on its own; "unga vuxna" gives way to "unga vuxna 18–29 år"."""
    names: list[str] = []
    for cell in cells:
        for mention in find_target_groups(clean_cell(cell)):
            if mention.name not in names:
                names.append(mention.name)
    return [name for name in names if not any(other.startswith(f"{name} ") for other in names)]


def _status_word(cell: str) -> str | None:
    key = cell.casefold()
    for word, status in (
        ("pågå", "pågående"),
        ("avslut", "avslutad"),
        ("klar", "avslutad"),
        ("planer", "planerad"),
    ):
        if word in key:
            return status
    return None


def _locate(result: Extraction, project: Entity, text: str, evidence: Evidence, find_places) -> None:
    """LOCATED_IN a municipality (Actor of type kommun), or the county for a region or län."""
    seen: set[str] = set()
    for place in find_places(clean_cell(text)):
        kind = getattr(place, "kind", "kommun")
        county = getattr(place, "county", None)
        if kind in {"län", "region"} and county:
            key, label, name, props = f"County:{county}", "County", county, {}
        else:
            key, label, name, props = f"Actor:{place.name}", "Actor", place.name, {"type": "kommun"}
        if key in seen:
            continue
        seen.add(key)
        target = result.entity(label, name, evidence, **props)
        result.relate("LOCATED_IN", project, target, evidence)
