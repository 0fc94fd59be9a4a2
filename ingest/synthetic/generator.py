"""A seeded, deterministic national corpus of Nära vård plans, for benchmarks at any size.

``national_plans(seed, projects)`` gives one county plan (färdplan) per region and one local plan
per municipality, with ``projects`` activity rows spread over them (a third in the county plans).
Each plan becomes

* an ``Extraction`` plus a ``SourceDocument`` (``to_document``), so a benchmark measures the real
  resolve → load path without the readers; and
* layout blocks (``plan_blocks``) that ``ingest.synthetic.writers`` writes as .txt, .docx or .pdf,
  so the readers and extractors can be measured on the same content.

Same seed and size, same plans, byte for byte: every random choice comes from a ``random.Random``
seeded with the seed and the plan's name (string seeds hash with SHA-512, independent of
PYTHONHASHSEED).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from domain.document import DocumentKind, Page, SourceDocument
from domain.ids import name_key
from domain.model import Entity, Evidence, Extraction
from domain.municipalities import COUNTIES
from domain.places import genitive, municipality_actor
from ingest.synthetic import vocabulary as words

EXTRACTOR = "synthetic"
ROWS_PER_PAGE = 25
COUNTY_SHARE = 0.33  # of the projects, in the county plans; the rest in the local plans
DECISIONS_PER_COUNTY = 6

Block = tuple[str, Any]
# The official county letters (länsbokstäver), in the vocabulary's order: unique diarienummer prefixes.
_LETTERS: tuple[str, ...] = (
    "AB",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "K",
    "M",
    "N",
    "O",
    "S",
    "T",
    "U",
    "W",
    "X",
    "Y",
    "Z",
)
_LETTERS += ("AC", "BD")
COUNTY_LETTERS: dict[str, str] = {row.display: letter for row, letter in zip(COUNTIES, _LETTERS, strict=True)}


@dataclass(frozen=True)
class ActivityRow:
    focus_area: str
    goal: str
    name: str
    description: str
    kind: str
    status: str
    start: int
    end: int
    timeplan: str
    responsible: tuple[str, ...]
    partners: tuple[str, ...]
    target_groups: tuple[str, ...]
    location: str  # a municipality's actor name, or the county for county-wide work
    indicators: tuple[str, ...]

    def cells(self) -> list[str]:
        """The row as an activity table writes it: Mål | Aktivitet | Tidsplan | Ansvarig."""
        return [self.goal, f"{self.name}. {self.description}", self.timeplan, ", ".join(self.responsible)]


@dataclass(frozen=True)
class DecisionSpec:
    diarienummer: str
    date: str
    paragraph: str
    summary: str
    decided_by: str
    concerns: str  # the project's name


@dataclass
class PlanSpec:
    """One synthetic document: a county's färdplan or a municipality's lokal plan."""

    file_stem: str
    title: str
    kind: DocumentKind
    county: str  # display name ("Sörmland", "Örebro län")
    region: str  # the region's actor name
    municipality: str | None  # the municipality's actor name, for a local plan
    date: str
    rows: list[ActivityRow] = field(default_factory=list)
    decisions: list[DecisionSpec] = field(default_factory=list)
    members: tuple[str, ...] = ()  # the county's municipalities (county plans)
    bodies: tuple[tuple[str, str], ...] = ()  # (name, type) of the county's bodies

    @property
    def pages(self) -> int:
        return 2 + len(self.rows) // ROWS_PER_PAGE


@dataclass(frozen=True)
class _Place:
    county: str
    region: str
    municipalities: tuple[tuple[str, str], ...]  # (bare name, actor name)


def places(counties: int | None = None) -> list[_Place]:
    """The real counties with their regions and municipalities, in the vocabulary's order."""
    rows = COUNTIES if counties is None else COUNTIES[:counties]
    return [
        _Place(row.display, row.region, tuple((m, municipality_actor(m)) for m in row.municipalities))
        for row in rows
    ]


def national_plans(seed: int, projects: int, counties: int | None = None) -> list[PlanSpec]:
    """Every plan of the corpus, projects spread over them; ``counties`` limits it to the first n."""
    chosen = places(counties)
    shells: list[tuple[PlanSpec, float, list[str]]] = []
    for place in chosen:
        rng = random.Random(f"{seed}:weights:{place.county}")
        county_plan = PlanSpec(
            file_stem=f"fardplan_{_slug(place.county)}",
            title=f"Färdplan Nära vård i {place.county} {words.PERIOD}",
            kind="färdplan",
            county=place.county,
            region=place.region,
            municipality=None,
            date=f"2024-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
            members=tuple(actor for _, actor in place.municipalities),
            bodies=tuple((name.format(county=place.county), kind) for name, kind in words.COUNTY_BODIES),
        )
        shells.append((county_plan, COUNTY_SHARE * len(place.municipalities), []))
        for bare, actor in place.municipalities:
            local = PlanSpec(
                file_stem=f"lokal_plan_{_slug(bare)}",
                title=f"Lokal plan för Nära vård i {actor} {words.PERIOD}",
                kind="lokal plan",
                county=place.county,
                region=place.region,
                municipality=actor,
                date=f"2024-{rng.randint(10, 12)}-{rng.randint(10, 28)}",
            )
            units = [name.format(place=bare) for name, _ in words.LOCAL_UNITS]
            shells.append((local, (1 - COUNTY_SHARE) * rng.uniform(0.4, 1.6), units))
    counts = _allocate(projects, [weight for _, weight, _ in shells])
    used: dict[str, set[str]] = {}
    for (plan, _, units), count in zip(shells, counts, strict=True):
        rng = random.Random(f"{seed}:{plan.file_stem}")
        taken = used.setdefault(plan.county, set())
        plan.rows = [_row(rng, plan, units, taken) for _ in range(count)]
        if plan.kind == "färdplan":
            plan.decisions = _decisions(rng, plan)
    return [plan for plan, _, _ in shells]


def _allocate(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights``, exactly (largest remainder)."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - shares[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _row(rng: random.Random, plan: PlanSpec, units: list[str], taken: set[str]) -> ActivityRow:
    focus_area = rng.choice(words.FOCUS_AREAS)
    goal = rng.choice(words.GOALS[focus_area])
    target_groups = tuple(sorted(set(rng.sample(words.TARGET_GROUPS, rng.choice((1, 1, 2))))))
    verb = rng.choice(words.VERBS)
    thing = rng.choice(words.OBJECTS[focus_area])
    place = plan.municipality or plan.county
    name = f"{verb} {thing} för {target_groups[0]}"
    if plan.municipality is not None and rng.random() < 0.5:
        name += f" i {_bare(plan.municipality)}"
    name = _unique(name, taken)
    start = rng.randint(2023, 2026)
    end = start + rng.randint(0, 3)
    if plan.municipality is None:
        bodies = [body for body, _ in plan.bodies]
        responsible = (rng.choice([plan.region, *bodies, rng.choice(plan.members)]),)
        partners = tuple(sorted(set(rng.sample(plan.members, min(len(plan.members), rng.randint(0, 3))))))
        location = plan.county if rng.random() < 0.6 else rng.choice(plan.members)
    else:
        responsible = (rng.choice([plan.municipality, plan.municipality, *units]),)
        partners = tuple(sorted({plan.region} if rng.random() < 0.5 else set()))
        location = plan.municipality
    partners = tuple(p for p in partners if p not in responsible)
    indicators = tuple(sorted(set(rng.sample(list(words.INDICATORS), rng.randint(0, 2)))))
    description = (
        f"Syftet är att {verb.lower()} {thing} så att {target_groups[-1]} {rng.choice(words.BENEFITS)}"
        f" i {place}."
    )
    return ActivityRow(
        focus_area=focus_area,
        goal=goal,
        name=name,
        description=description,
        kind=rng.choice(words.KINDS),
        status=rng.choice(words.STATUSES),
        start=start,
        end=end,
        timeplan=rng.choice(words.TIMEPLANS).format(start=start, end=end),
        responsible=responsible,
        partners=partners,
        target_groups=target_groups,
        location=location,
        indicators=indicators,
    )


def _unique(name: str, taken: set[str]) -> str:
    candidate, stage = name, 1
    while name_key(candidate) in taken:
        stage += 1
        candidate = f"{name}, etapp {stage}"
    taken.add(name_key(candidate))
    return candidate


def _decisions(rng: random.Random, plan: PlanSpec) -> list[DecisionSpec]:
    joint = [row for row in plan.rows if row.kind == "gemensam satsning"]
    prefix = f"NV{COUNTY_LETTERS.get(plan.county, 'X')}"
    found = []
    for number, row in enumerate(joint[:DECISIONS_PER_COUNTY], start=1):
        found.append(
            DecisionSpec(
                diarienummer=f"{prefix}24-{number:04d}",
                date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                paragraph=f"§ {rng.randint(1, 200)}",
                summary=f"Länsstyrgruppen beslutar att {row.name.lower()} genomförs som gemensam satsning.",
                decided_by=plan.bodies[0][0],
                concerns=row.name,
            )
        )
    return found


def _bare(actor: str) -> str:
    for suffix in (" kommun", " stad"):
        if actor.endswith(suffix):
            stem = actor.removesuffix(suffix)
            return stem[:-1] if stem.endswith("s") and genitive(stem[:-1]) == stem else stem
    return actor.removeprefix("Region ")


def _slug(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O", "é": "e"})
    return "".join(c if c.isalnum() else "_" for c in text.translate(table).lower()).strip("_")


# --- plans as extractions -------------------------------------------------------------------------


def document_id(seed: int, plan: PlanSpec) -> str:
    return hashlib.sha256(f"synthetic:{seed}:{plan.file_stem}:{len(plan.rows)}".encode()).hexdigest()


def to_document(seed: int, plan: PlanSpec) -> tuple[SourceDocument, Extraction]:
    """The document and what the extractors would find in it, for the resolve → load path."""
    document = SourceDocument(
        id=document_id(seed, plan),
        file_name=f"{plan.file_stem}.txt",
        media_type="text/plain",
        pages=[Page(number=n, text="") for n in range(1, plan.pages + 1)],
        title=plan.title,
        kind=plan.kind,
        county=plan.county,
        date=plan.date,
    )
    return document, _Builder(plan).build()


def documents(seed: int, plans: list[PlanSpec]) -> Iterator[tuple[SourceDocument, Extraction]]:
    for plan in plans:
        yield to_document(seed, plan)


class _Builder:
    """Entities once per document (evidence for every row that names them), relations per row."""

    def __init__(self, plan: PlanSpec) -> None:
        self.plan = plan
        self.out = Extraction()
        self.cache: dict[tuple[str, str], Entity] = {}

    def entity(self, label: Any, name: str, evidence: Evidence, **properties: Any) -> Entity:
        key = (label, name)
        found = self.cache.get(key)
        if found is None:
            found = self.out.entity(label, name, evidence, **properties)
            self.cache[key] = found
        elif evidence not in found.evidence:
            found.evidence.append(evidence)
        return found

    def actor(self, name: str, evidence: Evidence) -> Entity:
        return self.entity("Actor", name, evidence, type=_actor_type(self.plan, name))

    def build(self) -> Extraction:
        plan = self.plan
        head = Evidence(page=1, quote=plan.title, extractor=EXTRACTOR)
        county = self.entity("County", plan.county, head)
        region = self.actor(plan.region, head)
        self.out.relate("IN_COUNTY", region, county, head)
        if plan.municipality is not None:
            self.out.relate("IN_COUNTY", self.actor(plan.municipality, head), county, head)
        self._structure(head)
        if plan.kind == "färdplan":
            self._organisation(head, county, region)
            self._indicators()
        by_name: dict[str, Entity] = {}
        for index, row in enumerate(plan.rows):
            by_name[row.name] = self._activity(index, row)
        for decision in plan.decisions:
            self._decision(decision, by_name[decision.concerns])
        return self.out

    def _structure(self, head: Evidence) -> None:
        for focus_area in words.FOCUS_AREAS:
            area = self.entity("FocusArea", focus_area, head, period=words.PERIOD)
            for goal_text in words.GOALS[focus_area]:
                goal = self.entity("Goal", goal_text, head, text=goal_text)
                self.out.relate("UNDER", goal, area, head)

    def _organisation(self, head: Evidence, county: Entity, region: Entity) -> None:
        network = self.actor(self.plan.bodies[1][0], head)
        for name, _ in self.plan.bodies:
            body = self.actor(name, head)
            self.out.relate("IN_COUNTY", body, county, head)
        for member in (region.name, *self.plan.members):
            actor = self.actor(member, head)
            self.out.relate("IN_COUNTY", actor, county, head)
            self.out.relate("MEMBER_OF", actor, network, head)

    def _indicators(self) -> None:
        page = self.plan.pages
        for name, (goal_area, measures) in words.INDICATORS.items():
            quote = f"{name} | {goal_area} | {', '.join(measures) or 'Ej klart'}"
            evidence = Evidence(page=page, quote=quote, extractor=EXTRACTOR)
            indicator = self.entity("Indicator", name, evidence)
            area = self.entity("GoalArea", goal_area, evidence)
            self.out.relate("IN_GOAL_AREA", indicator, area, evidence)
            for measure in measures:
                self.out.relate("MEASURED_BY", indicator, self.entity("Measure", measure, evidence), evidence)

    def _activity(self, index: int, row: ActivityRow) -> Entity:
        evidence = Evidence(
            page=2 + index // ROWS_PER_PAGE, quote=" | ".join(row.cells()), extractor=EXTRACTOR
        )
        project = self.out.entity(
            "Project",
            row.name,
            evidence,
            description=row.description,
            goal_text=row.goal,
            kind=row.kind,
            status=row.status,
            start=str(row.start),
            end=str(row.end),
            timeplan_text=row.timeplan,
        )
        relate = self.out.relate
        relate("IN_FOCUS_AREA", project, self.entity("FocusArea", row.focus_area, evidence), evidence)
        relate("ADDRESSES", project, self.entity("Goal", row.goal, evidence, text=row.goal), evidence)
        for name in row.responsible:
            relate("RESPONSIBLE_FOR", self.actor(name, evidence), project, evidence, role="Ansvarig")
        for name in row.partners:
            relate("PARTICIPATES_IN", self.actor(name, evidence), project, evidence)
        for group in row.target_groups:
            relate("TARGETS", project, self.entity("TargetGroup", group, evidence), evidence)
        if row.location == self.plan.county:
            place = self.entity("County", row.location, evidence)
        else:
            place = self.actor(row.location, evidence)
        relate("LOCATED_IN", project, place, evidence)
        for name in row.indicators:
            relate("FOLLOWED_BY", project, self.entity("Indicator", name, evidence), evidence)
        return project

    def _decision(self, spec: DecisionSpec, project: Entity) -> None:
        evidence = Evidence(
            page=self.plan.pages, quote=f"{spec.paragraph} {spec.summary}", extractor=EXTRACTOR
        )
        decision = self.out.entity(
            "Decision",
            f"Beslut {spec.diarienummer}",
            evidence,
            diarienummer=spec.diarienummer,
            date=spec.date,
            paragraph=spec.paragraph,
            summary=spec.summary,
        )
        self.out.relate("DECIDED", self.actor(spec.decided_by, evidence), decision, evidence)
        self.out.relate("CONCERNS", decision, project, evidence)


def _actor_type(plan: PlanSpec, name: str) -> str:
    if name == plan.region:
        return "region"
    if name.endswith((" kommun", " stad")) or name in plan.members or name == plan.municipality:
        return "kommun"
    for body, kind in plan.bodies:
        if body == name:
            return kind
    return "enhet"


# --- plans as documents ---------------------------------------------------------------------------


def plan_blocks(plan: PlanSpec) -> list[Block]:
    """The plan's layout: title, focus-area headings, goal lists, activity tables, decisions."""
    blocks: list[Block] = [
        ("title", plan.title),
        (
            "p",
            f"{plan.region} och kommunerna i {plan.county} arbetar tillsammans med omställningen "
            "till nära vård.",
        ),
        ("p", f"Dokumentet fastställdes {plan.date}."),
        ("pagebreak", None),
    ]
    for number, focus_area in enumerate(words.FOCUS_AREAS, start=1):
        rows = [row for row in plan.rows if row.focus_area == focus_area]
        blocks.append(("h1", f"Fokusområde {number}: {focus_area}"))
        blocks.append(("h2", f"Målsättningar inom fokusområdet {focus_area}"))
        blocks.extend(("p", f"- {goal}") for goal in words.GOALS[focus_area])
        if rows:
            blocks.append(("h2", f"Aktiviteter – {focus_area}"))
            header = ["Mål", "Aktivitet", "Tidsplan", "Ansvarig"]
            blocks.append(("table", [header, *(row.cells() for row in rows)]))
    if plan.kind == "färdplan":
        blocks.append(("h1", "Indikatorer"))
        table = [["Indikator", "Målområde", "Mått"]]
        for name, (goal_area, measures) in words.INDICATORS.items():
            table.append([name, goal_area, ", ".join(measures) or "Ej klart"])
        blocks.append(("table", table))
    if plan.decisions:
        blocks.append(("h1", "Beslut"))
        for spec in plan.decisions:
            blocks.append(("p", f"{spec.paragraph} Dnr {spec.diarienummer}. {spec.summary} ({spec.date})"))
    return blocks
