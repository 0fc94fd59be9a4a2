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

from neo4j import ManagedTransaction

from graph.db import Graph
from graph.maintain import MaintainError, fields
from graph.maintain.edit import create_in, relate_in, update_in


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
    state: str = fields.PROCESS_STATES[0]


def create(graph: Graph, satsning: Satsning, user: str) -> str:
    """Create the project with its links in one transaction; returns the project id."""
    return graph.run_write(lambda tx: create_in_tx(tx, satsning, user))


def create_in_tx(tx: ManagedTransaction, satsning: Satsning, user: str) -> str:
    if not satsning.name.strip():
        raise MaintainError("Ange satsningens namn.")
    if satsning.state not in fields.PROCESS_STATES:
        raise MaintainError(f"Okänt processteg: {satsning.state}.")
    properties = {
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
        "status": fields.STATUS_FOR_STATE[satsning.state],
    }
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


def set_state(graph: Graph, project: str, state: str, expected_version: int, user: str) -> dict:
    """Move a project to a process state (and the matching status); recorded as a ``state`` change."""
    if state not in fields.PROCESS_STATES:
        raise MaintainError(f"Okänt processteg: {state}.")
    changes = {"process_state": state, "status": fields.STATUS_FOR_STATE[state]}
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
