"""What a form may edit: the allow-list of property keys per label and the relationships per type.

Form keys never reach Cypher as text: they are checked against these lists and passed as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from graph.maintain import MaintainError

Kind = Literal["text", "textarea", "int", "list", "bool", "choice"]

PROCESS_STATES: tuple[str, ...] = (
    "idé/behov",
    "underlag",
    "beslutad i Länsstyrgruppen",
    "pågående",
    "uppföljd/avslutad",
)
# The project status the rest of the app filters on, for each process state.
STATUS_FOR_STATE: dict[str, str] = {
    "idé/behov": "planerad",
    "underlag": "planerad",
    "beslutad i Länsstyrgruppen": "planerad",
    "pågående": "pågående",
    "uppföljd/avslutad": "avslutad",
}
STATUSES = ("planerad", "pågående", "avslutad", "okänd")
ACTOR_TYPES = (
    "region",
    "kommun",
    "nämnd",
    "styrgrupp",
    "nätverk",
    "beredningsgrupp",
    "arbetsgrupp",
    "enhet",
    "myndighet",
    "lärosäte",
    "civilsamhälle",
    "roll",
    "person",
    "organisation",
)


@dataclass(frozen=True)
class Field:
    key: str
    title: str  # Swedish, shown in forms and in the Excel "Läs mig" sheet
    kind: Kind = "text"
    choices: tuple[str, ...] = ()


def _f(key: str, title: str, kind: Kind = "text", choices: tuple[str, ...] = ()) -> Field:
    return Field(key, title, kind, choices)


FIELDS: dict[str, tuple[Field, ...]] = {
    "Project": (
        _f("name", "Namn"),
        _f("description", "Beskrivning", "textarea"),
        _f("goal_text", "Mål", "textarea"),
        _f("kind", "Typ (projekt, gemensam satsning, pilot ...)"),
        _f("status", "Status", "choice", STATUSES),
        _f("process_state", "Processteg", "choice", PROCESS_STATES),
        _f("start", "Start (år eller datum)"),
        _f("end", "Slut (år eller datum)"),
        _f("timeplan_text", "Tidplan (som skriven)"),
        _f("county", "Län"),
        _f("assignment", "Uppdrag och beslut från Länsstyrgruppen", "textarea"),
        _f("resources", "Avsatta resurser (t.ex. namngiven ansvarig)", "textarea"),
        _f("financing", "Finansiering", "textarea"),
        _f("follow_up", "Uppföljningsplan", "textarea"),
        _f("pilot", "Testas före breddinförande", "bool"),
        _f("pilot_plan", "Test/pilot före breddinförande", "textarea"),
        _f("aliases", "Andra namn", "list"),
    ),
    "Actor": (
        _f("name", "Namn"),
        _f("type", "Typ", "choice", ACTOR_TYPES),
        _f("county", "Län"),
        _f("aliases", "Andra namn och förkortningar", "list"),
    ),
    "County": (_f("name", "Namn"), _f("aliases", "Andra namn", "list")),
    "GoalArea": (
        _f("name", "Namn"),
        _f("description", "Beskrivning", "textarea"),
        _f("county", "Län"),
        _f("aliases", "Andra namn", "list"),
    ),
    "FocusArea": (
        _f("name", "Namn"),
        _f("period", "Period"),
        _f("county", "Län"),
        _f("aliases", "Andra namn", "list"),
    ),
    "Goal": (
        _f("text", "Målsättning", "textarea"),
        _f("name", "Kort namn"),
        _f("number", "Nummer", "int"),
        _f("reference", "Referens"),
        _f("county", "Län"),
    ),
    "Indicator": (
        _f("name", "Namn"),
        _f("definition", "Definition", "textarea"),
        _f("measure_status", "Status för mått"),
        _f("county", "Län"),
        _f("aliases", "Andra namn", "list"),
    ),
    "Measure": (
        _f("name", "Namn"),
        _f("source", "Datakälla"),
        _f("aliases", "Andra namn", "list"),
    ),
    "Decision": (
        _f("name", "Rubrik"),
        _f("date", "Datum"),
        _f("diarienummer", "Diarienummer"),
        _f("paragraph", "Paragraf"),
        _f("summary", "Sammanfattning", "textarea"),
        _f("body", "Beslutande organ"),
        _f("county", "Län"),
    ),
    "TargetGroup": (_f("name", "Namn"), _f("aliases", "Andra namn", "list")),
}

# type -> (allowed start labels, allowed end labels); None means any entity label.
RELATIONSHIPS: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {
    "IN_FOCUS_AREA": (("Project",), ("FocusArea",)),
    "ADDRESSES": (("Project",), ("Goal",)),
    "UNDER": (("Goal",), ("FocusArea",)),
    "RESPONSIBLE_FOR": (("Actor",), ("Project",)),
    "PARTICIPATES_IN": (("Actor",), ("Project",)),
    "TARGETS": (("Project",), ("TargetGroup",)),
    "LOCATED_IN": (("Project",), ("Actor", "County")),
    "FOLLOWED_BY": (("Project",), ("Indicator",)),
    "IN_GOAL_AREA": (("Indicator",), ("GoalArea",)),
    "MEASURED_BY": (("Indicator",), ("Measure",)),
    "DECIDED": (("Actor",), ("Decision",)),
    "CONCERNS": (("Decision",), None),
    "MEMBER_OF": (("Actor",), ("Actor",)),
    "IN_COUNTY": (("Actor",), ("County",)),
}
RELATIONSHIP_TITLES: dict[str, str] = {
    "IN_FOCUS_AREA": "hör till fokusområde",
    "ADDRESSES": "arbetar mot målsättning",
    "UNDER": "under fokusområde",
    "RESPONSIBLE_FOR": "ansvarar för",
    "PARTICIPATES_IN": "deltar i",
    "TARGETS": "riktar sig till",
    "LOCATED_IN": "genomförs i",
    "FOLLOWED_BY": "följs upp med indikator",
    "IN_GOAL_AREA": "i målområde",
    "MEASURED_BY": "mäts med",
    "DECIDED": "beslutade",
    "CONCERNS": "gäller",
    "MEMBER_OF": "ingår i",
    "IN_COUNTY": "i län",
}
LABEL_TITLES: dict[str, str] = {
    "Project": "Projekt",
    "Actor": "Aktör",
    "County": "Län",
    "GoalArea": "Målområde",
    "FocusArea": "Fokusområde",
    "Goal": "Målsättning",
    "Indicator": "Indikator",
    "Measure": "Mått",
    "Decision": "Beslut",
    "TargetGroup": "Målgrupp",
}


def fields(label: str) -> tuple[Field, ...]:
    if label not in FIELDS:
        raise MaintainError(f"Okänd typ av post: {label}.")
    return FIELDS[label]


# Bookkeeping that the app itself writes through the same locked update (never from a form).
REVIEW_FIELDS: tuple[Field, ...] = (
    _f("reviewed", "Granskad", "bool"),
    _f("reviewed_by", "Granskad av"),
    _f("reviewed_at", "Granskad"),
)


def clean_changes(label: str, changes: dict[str, Any], system: tuple[Field, ...] = ()) -> dict[str, Any]:
    """The changes with keys checked against the label's allow-list and values of the right kind.

    Empty text and empty lists become None (the property is removed).
    """
    allowed = {f.key: f for f in (*fields(label), *system)}
    cleaned: dict[str, Any] = {}
    for key, value in changes.items():
        field = allowed.get(key)
        if field is None:
            raise MaintainError(f"Fältet {key!r} kan inte redigeras för {LABEL_TITLES.get(label, label)}.")
        cleaned[key] = _value(field, value)
    return cleaned


def _value(field: Field, value: Any) -> Any:
    if value is None:
        return None
    if field.kind == "bool":
        return bool(value)
    if field.kind == "int":
        if isinstance(value, str) and not value.strip():
            return None
        try:
            return int(value)
        except (TypeError, ValueError) as error:
            raise MaintainError(f"{field.title}: ange ett heltal.") from error
    if field.kind == "list":
        items = value.split("\n") if isinstance(value, str) else list(value)
        items = [" ".join(str(i).split()) for i in items]
        return [i for i in dict.fromkeys(items) if i] or None
    text = str(value).strip()
    if field.kind == "choice" and text and text not in field.choices:
        raise MaintainError(f"{field.title}: {text!r} är inte ett giltigt val.")
    return text or None


def check_relationship(rel_type: str, start_label: str, end_label: str) -> None:
    if rel_type not in RELATIONSHIPS:
        raise MaintainError(f"Okänd relation: {rel_type}.")
    starts, ends = RELATIONSHIPS[rel_type]
    if start_label not in starts or (ends is not None and end_label not in ends):
        raise MaintainError(
            f"Relationen {RELATIONSHIP_TITLES[rel_type]!r} kan inte gå från "
            f"{LABEL_TITLES.get(start_label, start_label)} till {LABEL_TITLES.get(end_label, end_label)}."
        )
