"""The graph's vocabulary in the users' Swedish: labels, relationships, statuses, page links."""

from __future__ import annotations

from urllib.parse import quote

from graph.maintain.fields import LABEL_TITLES

# one source for the labels' Swedish names: the maintenance forms use the same
LABEL_NAMES: dict[str, str] = {**LABEL_TITLES, "Document": "Dokument"}

# type → (as seen from the start node, as seen from the end node)
RELATION_NAMES: dict[str, tuple[str, str]] = {
    "IN_FOCUS_AREA": ("ingår i fokusområde", "har projekt"),
    "ADDRESSES": ("arbetar mot", "arbetas mot av"),
    "UNDER": ("hör till", "omfattar"),
    "RESPONSIBLE_FOR": ("ansvarar för", "ansvarig"),
    "PARTICIPATES_IN": ("deltar i", "deltagare"),
    "TARGETS": ("riktar sig till", "målgrupp för"),
    "LOCATED_IN": ("genomförs i", "plats för"),
    "FOLLOWED_BY": ("följs upp med", "följer upp"),
    "IN_GOAL_AREA": ("hör till målområde", "har indikator"),
    "MEASURED_BY": ("mäts med", "mått för"),
    "DECIDED": ("beslutade", "beslutat av"),
    "CONCERNS": ("gäller", "berörs av beslut"),
    "MEMBER_OF": ("medlem i", "har medlem"),
    "IN_COUNTY": ("i länet", "omfattar"),
    "RELATED_TO": ("liknar", "liknar"),
}

PROPERTY_NAMES: dict[str, str] = {
    "description": "Beskrivning",
    "goal_text": "Mål",
    "kind": "Typ",
    "type": "Typ",
    "status": "Status",
    "start": "Start",
    "end": "Slut",
    "timeplan_text": "Tidsplan",
    "responsible_text": "Ansvarig (som skrivet)",
    "county": "Län",
    "period": "Period",
    "text": "Text",
    "definition": "Definition",
    "source": "Datakälla",
    "date": "Datum",
    "body": "Beslutande organ",
    "diarienummer": "Diarienummer",
    "paragraph": "Paragraf",
    "summary": "Beslut",
    "aliases": "Andra namn",
    "initiative": "Initiativ",
    "partners": "Samverkanspartner (antal aktörer)",
    "centrality": "Centralitet i aktörsnätverket",
}
# bookkeeping of the loader and the maintenance tools, not facts for a reader
HIDDEN_PROPERTIES = frozenset(
    {"id", "name", "props_source", "confidence", "search_terms", "source_docs", "doc_props", "extracted_keys"}
    | {"edited", "version", "merged_ids", "manual"}
)

# label → url path of the page that shows one such node (see streamlit_app.py)
DETAIL_PAGES: dict[str, str] = {"Project": "projekt", "Actor": "aktor", "Document": "dokument"}
GENERIC_DETAIL_PAGE = "detaljer"
DETAIL_FILES: dict[str, str] = {
    "Project": "ui/pages/project.py",
    "Actor": "ui/pages/actor.py",
    "Document": "ui/pages/documents.py",
}
GENERIC_DETAIL_FILE = "ui/pages/details.py"


def label_name(label: str | None) -> str:
    return LABEL_NAMES.get(label or "", label or "Okänd")


def relation_name(rel_type: str, outgoing: bool) -> str:
    names = RELATION_NAMES.get(rel_type)
    if names is None:
        return rel_type.lower().replace("_", " ")
    return names[0] if outgoing else names[1]


def detail_path(label: str | None) -> str:
    return DETAIL_PAGES.get(label or "", GENERIC_DETAIL_PAGE)


def detail_url(label: str | None, node_id: str) -> str:
    """A relative link to the page that shows the node (works in markdown and link columns)."""
    return f"./{detail_path(label)}?id={quote(node_id, safe='')}"


def detail_file(label: str | None) -> str:
    """The page file that shows one node of the label (for st.page_link / st.switch_page)."""
    return DETAIL_FILES.get(label or "", GENERIC_DETAIL_FILE)
