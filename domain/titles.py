"""The graph's vocabulary in the users' Swedish: one title per label, relationship type and property.

The app's pages (ui.vocabulary), the edit forms and the Excel workbook (domain.forms) all
take their titles from here. tests/test_titles.py checks that everything the loader writes has one.
"""

from __future__ import annotations

from domain.states import DuplicateReason, GapKind, IngestStatus

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
    "Document": "Dokument",
    "Community": "Grupp av liknande projekt",
}

# type → (as seen from the start node, as seen from the end node)
# Labels of the database's own bookkeeping (the refresh lock and the "derived data is stale"
# marker): never shown, so they have no title.
BOOKKEEPING_LABELS: frozenset[str] = frozenset({"Meta"})

RELATIONSHIP_TITLES: dict[str, tuple[str, str]] = {
    "IN_FOCUS_AREA": ("ingår i fokusområde", "har projekt"),
    "ADDRESSES": ("arbetar mot målsättning", "arbetas mot av"),
    "UNDER": ("hör till fokusområde", "omfattar"),
    "IN_PLAN": ("ingår i planen", "har fokusområde"),
    "RESPONSIBLE_FOR": ("ansvarar för", "ansvarig"),
    "PARTICIPATES_IN": ("deltar i", "deltagare"),
    "TARGETS": ("riktar sig till", "målgrupp för"),
    "LOCATED_IN": ("genomförs i", "plats för"),
    "FOLLOWED_BY": ("följs upp med indikator", "följer upp"),
    "IN_GOAL_AREA": ("hör till målområde", "har indikator"),
    "MEASURED_BY": ("mäts med", "mått för"),
    "DECIDED": ("beslutade", "beslutat av"),
    "CONCERNS": ("gäller", "berörs av beslut"),
    "MEMBER_OF": ("ingår i", "har medlem"),
    "IN_COUNTY": ("i länet", "omfattar"),
    "MENTIONED_IN": ("nämns i", "nämner"),
    "RELATED_TO": ("liknar", "liknar"),
    "CONTINUES": ("fortsätter", "fortsätts av"),
}

PROPERTY_TITLES: dict[str, str] = {
    "name": "Namn",
    "title": "Titel",
    "description": "Beskrivning",
    "goal_text": "Mål",
    "kind": "Typ",
    "type": "Typ",
    "status": "Status",
    "process_state": "Processteg",
    "start": "Start",
    "end": "Slut",
    "timeplan_text": "Tidsplan (som skriven)",
    "responsible_text": "Ansvarig (som skrivet)",
    "county": "Län",
    "period": "Period",
    "text": "Text",
    "number": "Nummer",
    "reference": "Referens",
    "definition": "Definition",
    "measure_status": "Status för mått",
    "source": "Datakälla",
    "date": "Datum",
    "body": "Beslutande organ",
    "diarienummer": "Diarienummer",
    "other_diarienummer": "Andra diarienummer",
    "paragraph": "Paragraf",
    "summary": "Sammanfattning",
    "aliases": "Andra namn",
    "initiative": "Initiativ",
    "assignment": "Uppdrag och beslut från Länsstyrgruppen",
    "resources": "Avsatta resurser",
    "financing": "Finansiering",
    "follow_up": "Uppföljningsplan",
    "pilot": "Testas före breddinförande",
    "pilot_plan": "Test/pilot före breddinförande",
    "collective": "Flera aktörer (t.ex. respektive huvudman)",
    "role": "Roll",
    "partners": "Samverkanspartner (antal aktörer)",
    "centrality": "Centralitet i aktörsnätverket",
    "reviewed": "Granskad",
    "reviewed_by": "Granskad av",
    "reviewed_at": "Granskad den",
    "file_name": "Filnamn",
    "media_type": "Filformat",
    "pages": "Sidor",
    "warnings": "Varningar vid inläsningen",
    "ingested_at": "Inläst",
    "score": "Likhet",
    "shared_words": "Gemensamma ord",
    "shared_goals": "Gemensamma målsättningar",
    "confirmed": "Bekräftad",
    "reasons": "Skäl",
    "members": "Projekt",
    "size": "Antal projekt",
    "counties": "Län",
    "min_score": "Lägsta likhet",
    "text_score": "Likhet i texten",
    "across_counties": "Över länsgränsen",
    "computed_at": "Beräknad",
}
# Where a label calls a property by another name.
LABEL_PROPERTY_TITLES: dict[tuple[str, str], str] = {
    ("Decision", "name"): "Rubrik",
    ("Goal", "name"): "Kort namn",
    ("Goal", "text"): "Målsättning",
    ("Actor", "aliases"): "Andra namn och förkortningar",
}

# Bookkeeping of the loader and the maintenance tools, not facts for a reader: no title, never shown.
HIDDEN_PROPERTIES: frozenset[str] = frozenset(
    {"id", "name", "props_source", "confidence", "search_terms", "source_docs", "doc_props", "extracted_keys"}
    | {"edited", "version", "merged_ids", "manual", "extractor_version", "page_texts"}
    | {"created_at", "created_by", "updated_at", "updated_by"}  # the change history tells who and when
)
# What a MENTIONED_IN or an extracted relationship carries about where it was read: provenance,
# shown as quotes and sources, not as properties.
PROVENANCE_PROPERTIES: frozenset[str] = frozenset(
    {"page", "quote", "start", "end", "extractor", "as_written", "reason", "sources", "source_docs"}
)

# The Excel workbook's editable sheets (graph.maintain.excel): a project's related posts as one cell
# of names each, the key column (hidden, last) and how a yes/no property is written.
WORKBOOK_LINK_TITLES: dict[str, str] = {
    "focus_areas": "Fokusområden",
    "responsible": "Ansvarig",
    "participants": "Deltagare",
    "places": "Kommuner och län",
    "target_groups": "Målgrupper",
}
WORKBOOK_KEY_TITLE = "Nyckel (ändra inte)"
YES, NO = "ja", "nej"


INGEST_STATUS_TITLES: dict[IngestStatus, str] = {
    IngestStatus.LOADED: "inläst",
    IngestStatus.UNCHANGED: "oförändrad",
    IngestStatus.FAILED: "fel",
}
DUPLICATE_REASON_TITLES: dict[DuplicateReason, str] = {
    DuplicateReason.INFLECTION: "samma ord i en annan form",
    DuplicateReason.ADDITION: "samma namn med tillägget",
    DuplicateReason.SPELLING: "nästan samma stavning",
}
GAP_KIND_TITLES: dict[GapKind, str] = {
    GapKind.INDICATOR_WITHOUT_MEASURE: "indikator utan mått",
    GapKind.MEASURE_WITHOUT_SOURCE: "mått utan datakälla",
    GapKind.OVERDUE: "tidplan passerad",
    GapKind.YEAR_WITHOUT_ACTIVITY: "år utan aktivitet",
}


def label_title(label: str | None) -> str:
    return LABEL_TITLES.get(label or "", label or "Okänd")


def relationship_title(rel_type: str, outgoing: bool = True) -> str:
    titles = RELATIONSHIP_TITLES.get(rel_type)
    if titles is None:
        return rel_type.lower().replace("_", " ")
    return titles[0] if outgoing else titles[1]


def property_title(key: str, label: str | None = None) -> str:
    if label is not None and (label, key) in LABEL_PROPERTY_TITLES:
        return LABEL_PROPERTY_TITLES[(label, key)]
    return PROPERTY_TITLES.get(key, key)


def counted(n: int, singular: str, plural: str) -> str:
    """A count with its noun in the right number: "1 sida", "2 sidor", "1 nytt förslag"."""
    return f"{n} {singular if n == 1 else plural}"
