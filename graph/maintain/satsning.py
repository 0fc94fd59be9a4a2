"""The joint-investment template (mall för gemensam satsning) and the process states.

The template asks for name, goal, owner, target group, focus area and time plan, plus the five
readiness criteria of docs/ontology.md. The criteria are stored where the readiness analysis reads
them: the assignment/decision text in ``assignment`` (and a ``(:Decision)-[:CONCERNS]->`` when one
is chosen), the responsible owner as ``(:Actor)-[:RESPONSIBLE_FOR]->`` plus ``resources``,
``financing``, ``follow_up``, and ``pilot`` / ``pilot_plan``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction
from rapidfuzz import fuzz, process

from domain import forms
from domain.ids import name_key
from domain.states import DuplicateReason
from graph.db import Graph, run
from graph.maintain import MaintainError, history
from graph.maintain.edit import _same, create_in, relate_in, update_in
from graph.maintain.names import DUPLICATE_THRESHOLD, duplicate_reason

# the relationships the template makes, as (type, project is the start)
TEMPLATE_RELATIONSHIPS = ("RESPONSIBLE_FOR", "TARGETS", "IN_FOCUS_AREA", "FOLLOWED_BY", "CONCERNS")
TWIN_MESSAGE = (
    "En likadan satsning finns redan: {name}, med samma namn och samma uppgifter. Ingen ny post "
    "skapades (formuläret skickades troligen två gånger). Öppna den befintliga under Redigera om "
    "du vill ändra något."
)
SIMILAR_MESSAGE = (
    "Det finns redan {count} med liknande namn. Kontrollera att din satsning inte redan finns; "
    "välj Skapa ändå om den är en annan."
)


@dataclass
class Satsning:
    name: str
    goal_text: str = ""
    owner: str | None = None  # Actor id: RESPONSIBLE_FOR
    target_groups: list[str] = field(default_factory=list)  # TargetGroup ids
    focus_areas: list[str] = field(default_factory=list)  # FocusArea ids
    timeplan_text: str = ""
    start: str = ""
    end: str = ""
    county: str = ""
    description: str = ""
    # the five readiness criteria
    assignment: str = ""  # 1. clear assignment and decision from Länsstyrgruppen
    decision: str | None = None  # ... optionally a Decision id that CONCERNS the project
    resources: str = ""  # 2. allotted resources, e.g. a named responsible
    financing: str = ""  # 3. defined financing
    follow_up: str = ""  # 4. a follow-up plan
    indicators: list[str] = field(default_factory=list)  # ... Indicator ids: FOLLOWED_BY
    pilot: bool = False  # 5. a test before broad roll-out
    pilot_plan: str = ""
    state: str = forms.PROCESS_STATES[0]


@dataclass(frozen=True)
class SimilarProject:
    """An existing project whose name may be the same initiative as a new satsning's."""

    id: str
    name: str
    county: str | None
    score: float
    reason: DuplicateReason
    addition: str = ""  # with ADDITION: the words one name has beyond the other


class SimilarExists(MaintainError):
    """Projects with similar names exist: the editor is shown them and creates only on purpose."""

    def __init__(self, similar: list[SimilarProject]) -> None:
        count = "en post" if len(similar) == 1 else f"{len(similar)} poster"
        super().__init__(SIMILAR_MESSAGE.format(count=count))
        self.similar = similar


class TwinSubmit(MaintainError):
    """The same form again: a project with this name and these very values exists (nothing made)."""

    def __init__(self, project: str, name: str) -> None:
        super().__init__(TWIN_MESSAGE.format(name=name))
        self.project = project


def create(graph: Graph, satsning: Satsning, user: str, allow_similar: bool = False) -> str:
    """Create the project with its links in one transaction; returns the project id.

    Refused with ``TwinSubmit`` when a project with the same name and the same values exists (a
    double click or a re-submit), and, unless ``allow_similar``, with ``SimilarExists`` when
    projects with similar names exist (``similar_projects``)."""
    return graph.run_write(lambda tx: create_in_tx(tx, satsning, user, allow_similar=allow_similar))


def create_in_tx(tx: ManagedTransaction, satsning: Satsning, user: str, *, allow_similar: bool = True) -> str:
    if not satsning.name.strip():
        raise MaintainError("Ange satsningens namn.")
    if satsning.state not in forms.PROCESS_STATES:
        raise MaintainError(f"Okänt processteg: {satsning.state}.")
    properties = _properties(satsning)
    run(tx, "maintain/satsning_lock", at=history.now())
    twin = _twin(tx, satsning, properties)
    if twin is not None:
        raise TwinSubmit(twin, satsning.name.strip())
    if not allow_similar:
        similar = similar_in_tx(tx, satsning.name)
        if similar:
            raise SimilarExists(similar)
    project = create_in(tx, "Project", properties, user)
    if satsning.owner:
        relate_in(tx, "RESPONSIBLE_FOR", satsning.owner, project, user, {"role": "Ansvarig"})
    for target in satsning.target_groups:
        relate_in(tx, "TARGETS", project, target, user, {})
    for focus in satsning.focus_areas:
        relate_in(tx, "IN_FOCUS_AREA", project, focus, user, {})
    for indicator in satsning.indicators:
        relate_in(tx, "FOLLOWED_BY", project, indicator, user, {})
    if satsning.decision:
        relate_in(tx, "CONCERNS", satsning.decision, project, user, {})
    return project


def similar_projects(graph: Graph, name: str) -> list[SimilarProject]:
    """Existing projects whose names may be the same initiative: the comparison of the duplicate
    suggestions (``names.duplicate_reason``), most similar first."""
    return graph.run_read(lambda tx: similar_in_tx(tx, name))


def similar_in_tx(tx: ManagedTransaction, name: str) -> list[SimilarProject]:
    key = name_key(name)
    if not key:
        return []
    rows = run(tx, "queries/nodes_by_label", label="Project")
    keys = [name_key(str(row["name"] or "")) for row in rows]
    found = []
    for _, score, index in process.extract(
        key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=DUPLICATE_THRESHOLD, limit=None
    ):
        row = rows[index]
        why = duplicate_reason(name, str(row["name"]), score)
        if why is not None:
            found.append(SimilarProject(row["id"], row["name"], row["county"], score, *why))
    return sorted(found, key=lambda p: (-p.score, p.name.casefold(), p.id))


def _twin(tx: ManagedTransaction, satsning: Satsning, properties: dict[str, Any]) -> str | None:
    """The project this submit would repeat: the same name, values and relationships."""
    wanted = forms.clean_changes("Project", properties)
    rels = sorted(_relationships(satsning, "new"))
    for row in run(tx, "maintain/projects_named", name=satsning.name, types=list(TEMPLATE_RELATIONSHIPS)):
        stored = row["properties"]
        if not all(_same(stored.get(key), value) for key, value in wanted.items() if key != "name"):
            continue
        theirs = sorted(
            tuple("new" if end == row["id"] else end for end in rel) for rel in row["relationships"]
        )
        if theirs == rels:
            return str(row["id"])
    return None


def _relationships(satsning: Satsning, project: str) -> list[tuple[str, str, str]]:
    rels = [("TARGETS", project, t) for t in satsning.target_groups]
    rels += [("IN_FOCUS_AREA", project, f) for f in satsning.focus_areas]
    rels += [("FOLLOWED_BY", project, i) for i in satsning.indicators]
    if satsning.owner:
        rels.append(("RESPONSIBLE_FOR", satsning.owner, project))
    if satsning.decision:
        rels.append(("CONCERNS", satsning.decision, project))
    return list(dict.fromkeys(rels))


def _properties(satsning: Satsning) -> dict[str, Any]:
    return {
        "name": satsning.name,
        "kind": "gemensam satsning",
        "goal_text": satsning.goal_text,
        "description": satsning.description,
        "timeplan_text": satsning.timeplan_text,
        "start": satsning.start,
        "end": satsning.end,
        "county": satsning.county,
        "assignment": satsning.assignment,
        "resources": satsning.resources,
        "financing": satsning.financing,
        "follow_up": satsning.follow_up,
        "pilot": satsning.pilot,
        "pilot_plan": satsning.pilot_plan,
        "process_state": satsning.state,
        "status": forms.STATUS_FOR_STATE[satsning.state],
    }


def set_state(graph: Graph, project: str, state: str, expected_version: int, user: str) -> dict:
    """Move a project to a process state (and the matching status); recorded as a ``state`` change."""
    if state not in forms.PROCESS_STATES:
        raise MaintainError(f"Okänt processteg: {state}.")
    changes = {"process_state": state, "status": forms.STATUS_FOR_STATE[state]}
    return graph.run_write(lambda tx: update_in(tx, project, changes, expected_version, user, action="state"))


def state_history(graph: Graph, project: str) -> list[dict]:
    """``[{"at", "user", "from", "to", "undone"}]``, oldest first."""
    out = []
    for row in graph.read("maintain/state_history", id=project):
        before = json.loads(row["before"])["values"].get("process_state")
        after = json.loads(row["after"])["values"].get("process_state")
        out.append(
            {
                "at": row["at"],
                "user": row["user"],
                "from": before,
                "to": after,
                "undone": bool(row["undone_by"]),
            }
        )
    return out


def readiness(properties: dict, relationships: list[dict]) -> dict[str, bool]:
    """The five criteria for one project, as the template's checklist shows them."""
    types = {r["type"] for r in relationships}
    text = lambda key: bool(str(properties.get(key) or "").strip())  # noqa: E731
    return {
        "Tydligt uppdrag och beslut från Länsstyrgruppen": text("assignment") or "CONCERNS" in types,
        "Avsatta resurser, t.ex. namngiven ansvarig": text("resources") or "RESPONSIBLE_FOR" in types,
        "Definierad finansiering": text("financing"),
        "Plan för uppföljning": text("follow_up") or "FOLLOWED_BY" in types,
        "Test före breddinförande": bool(properties.get("pilot")) or text("pilot_plan"),
    }
