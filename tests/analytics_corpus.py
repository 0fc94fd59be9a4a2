"""The shared corpus for analytics tests: the hand-made gold annotations of the five sample
documents (tests/gold/), loaded through the real ingest path (Extraction → resolve → load).

Links the gold files state only as text become relationships the way an extractor would make them:
a project ADDRESSES the goal whose text is its Mål cell, IN_FOCUS_AREA its focus area, TARGETS the
target groups its text names, RESPONSIBLE_FOR the actors its Ansvarig cell names; a local plan's
projects are LOCATED_IN its municipality; an indicator is MEASURED_BY its measures.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from domain.model import Entity, Extraction
from graph.db import Graph
from ingest.extractors.timeplan import parse_timeplan
from tests.factories import document, evidence, load

GOLD_FILES = (
    "000_afb530c70a69af00",
    "001_f592cce8843fa616",
    "002_6fb966d9dd1e7c89",
    "003_1956bef3643964a7",
    "004_0478605a8248e46a",
)
TODAY = date(2025, 6, 1)  # fixed, so statuses do not change with the calendar
LOCAL_PLAN_PLACE = {"004_0478605a8248e46a": "Askersunds kommun"}


def _key(text: str) -> str:
    return re.sub(r"[\s\-–—]+", "", text or "").casefold()


def _gold(name: str) -> dict[str, Any]:
    from graph.settings import PROJECT_ROOT

    return json.loads((PROJECT_ROOT / "tests" / "gold" / f"{name}.json").read_text(encoding="utf-8"))


def extraction_for(name: str) -> tuple[Any, Extraction]:
    gold = _gold(name)
    meta = gold["document"]
    doc = document(
        name=f"{name}.txt", text=name, county=meta.get("county"), kind=meta["kind"], date=meta.get("date")
    )
    ex = Extraction()
    ev = evidence
    areas = {
        f["name"]: ex.entity("FocusArea", f["name"], ev(f["name"]), period=f.get("period"))
        for f in gold.get("FocusArea", [])
    }
    goal_areas = {
        g["name"]: ex.entity("GoalArea", g["name"], ev(g["name"]), description=g.get("description"))
        for g in gold.get("GoalArea", [])
    }
    goals: dict[str, Entity] = {}
    for g in gold.get("Goal", []):
        goal = ex.entity("Goal", g["text"], ev(g["text"]), text=g["text"])
        goals[_key(g["text"])] = goal
        if g.get("focus_area") in areas:
            ex.relate("UNDER", goal, areas[g["focus_area"]], ev(g["text"]))
    actors: dict[str, Entity] = {}
    for a in gold.get("Actor", []):
        actor = ex.entity("Actor", a["name"], ev(a["name"]), aliases=a.get("aliases"), type=a["type"])
        for written in (a["name"], *a.get("aliases", [])):
            actors[_key(written)] = actor
    groups = {
        t["name"]: ex.entity("TargetGroup", t["name"], ev(t["name"])) for t in gold.get("TargetGroup", [])
    }
    place = LOCAL_PLAN_PLACE.get(name)
    for p in gold.get("Project", []):
        plan = parse_timeplan(p.get("timeplan_text"), today=TODAY)
        project = ex.entity(
            "Project",
            p["name"],
            ev(p["activity_text"] or p["name"]),
            description=p.get("activity_text"),
            goal_text=p.get("goal_text"),
            timeplan_text=p.get("timeplan_text"),
            status=plan.status,
            start=plan.start,
            end=plan.end,
        )
        quote = ev(p["activity_text"] or p["name"])
        if p.get("focus_area") in areas:
            ex.relate("IN_FOCUS_AREA", project, areas[p["focus_area"]], quote)
        goal = goals.get(_key(p.get("goal_text") or ""))
        if goal is not None:
            ex.relate("ADDRESSES", project, goal, quote)
        for written in p.get("responsible", []):
            if _key(written) in actors:
                ex.relate("RESPONSIBLE_FOR", actors[_key(written)], project, quote)
        text = _key(" ".join(filter(None, [p["name"], p.get("activity_text"), p.get("goal_text")])))
        for group_name, group in groups.items():
            if _key(group_name) in text:
                ex.relate("TARGETS", project, group, quote)
        if place and _key(place) in actors:
            ex.relate("LOCATED_IN", project, actors[_key(place)], quote)
    for i in gold.get("Indicator", []):
        indicator = ex.entity("Indicator", i["name"], ev(i["name"]), definition=i.get("definition"))
        if i.get("goal_area") in goal_areas:
            ex.relate("IN_GOAL_AREA", indicator, goal_areas[i["goal_area"]], ev(i["name"]))
        for m in i.get("measures", []):
            ex.relate("MEASURED_BY", indicator, ex.entity("Measure", m, ev(m)), ev(m))
    return doc, ex


def load_corpus(graph: Graph) -> None:
    for name in GOLD_FILES:
        doc, ex = extraction_for(name)
        load(graph, doc, ex)
