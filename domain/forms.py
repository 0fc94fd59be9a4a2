"""What a form may edit: the allow-list of property keys per label and the relationships per type.

Form keys never reach Cypher as text: they are checked against these lists and passed as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from domain import actors, titles
from domain.errors import MaintainError

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
ACTOR_TYPES = actors.ACTOR_TYPES


@dataclass(frozen=True)
class Field:
    key: str
    title: str  # Swedish, shown in forms and in the Excel "Läs mig" sheet
    kind: Kind = "text"
    choices: tuple[str, ...] = ()


def _fields(label: str, *specs: tuple[Any, ...]) -> tuple[Field, ...]:
    """(key, kind, choices, hint): the title is the property's in ``domain.titles``, with a hint
    for the form appended ("Start (år eller datum)")."""
    out = []
    for key, kind, choices, hint in (tuple(spec) + (None,) * (4 - len(spec)) for spec in specs):
        title = titles.property_title(key, label) + (f" ({hint})" if hint else "")
        out.append(Field(key, title, kind or "text", choices or ()))
    return tuple(out)


FIELDS: dict[str, tuple[Field, ...]] = {
    "Project": _fields(
        "Project",
        ("name",),
        ("description", "textarea"),
        ("goal_text", "textarea"),
        ("kind", "text", (), "projekt, gemensam satsning, pilot ..."),
        ("status", "choice", STATUSES),
        ("process_state", "choice", PROCESS_STATES),
        ("start", "text", (), "år eller datum"),
        ("end", "text", (), "år eller datum"),
        ("timeplan_text",),
        ("county",),
        ("assignment", "textarea"),
        ("resources", "textarea", (), "t.ex. namngiven ansvarig"),
        ("financing", "textarea"),
        ("follow_up", "textarea"),
        ("pilot", "bool"),
        ("pilot_plan", "textarea"),
        ("aliases", "list"),
    ),
    "Actor": _fields("Actor", ("name",), ("type", "choice", ACTOR_TYPES), ("county",), ("aliases", "list")),
    "County": _fields("County", ("name",), ("aliases", "list")),
    "GoalArea": _fields("GoalArea", ("name",), ("description", "textarea"), ("county",), ("aliases", "list")),
    "FocusArea": _fields("FocusArea", ("name",), ("period",), ("county",), ("aliases", "list")),
    "Goal": _fields("Goal", ("text", "textarea"), ("name",), ("number", "int"), ("reference",), ("county",)),
    "Indicator": _fields(
        "Indicator",
        ("name",),
        ("definition", "textarea"),
        ("measure_status",),
        ("county",),
        ("aliases", "list"),
    ),
    "Measure": _fields("Measure", ("name",), ("source",), ("aliases", "list")),
    "Decision": _fields(
        "Decision",
        ("name",),
        ("date",),
        ("diarienummer",),
        ("paragraph",),
        ("summary", "textarea"),
        ("body",),
        ("county",),
    ),
    "TargetGroup": _fields("TargetGroup", ("name",), ("aliases", "list")),
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
# Swedish, as seen from the start node (the form's and the workbook's one title per type)
RELATIONSHIP_TITLES: dict[str, str] = {t: titles.relationship_title(t) for t in RELATIONSHIPS}
# the labels a form edits
LABEL_TITLES: dict[str, str] = {label: titles.LABEL_TITLES[label] for label in FIELDS}


def fields(label: str) -> tuple[Field, ...]:
    if label not in FIELDS:
        raise MaintainError(f"Okänd typ av post: {label}.")
    return FIELDS[label]


def form_values(label: str, properties: dict[str, Any]) -> dict[str, Any]:
    """What the edit form holds when it opens on a node: {key: value} as its widgets show them.

    Saving the form unchanged sends these back through ``clean_changes`` and must change nothing.
    A choice keeps its stored value even when it is not one of the choices (the form then
    offers it too), so that a save never silently drops it.
    """
    values: dict[str, Any] = {}
    for field in fields(label):
        current = properties.get(field.key)
        if field.kind == "bool":
            values[field.key] = bool(current)
        elif field.kind == "list":
            values[field.key] = "\n".join(current or [])
        else:
            values[field.key] = "" if current is None else str(current)
    return values


def choice_options(field: Field, current: Any) -> list[str]:
    """The picker's options: none, the field's choices, and a stored value that is not one of them."""
    options = ["", *field.choices]
    if current and current not in options:
        options.append(str(current))
    return options


# Bookkeeping that the app itself writes through the same locked update (never from a form).
REVIEW_FIELDS: tuple[Field, ...] = _fields(
    "Project", ("reviewed", "bool"), ("reviewed_by",), ("reviewed_at",)
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
