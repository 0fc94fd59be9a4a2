"""The graph's vocabulary in the users' Swedish: labels, relationships, statuses, page links."""

from __future__ import annotations

from urllib.parse import quote

from domain import titles

# one source for the Swedish names: domain.titles (the maintenance forms use the same)
LABEL_NAMES: dict[str, str] = titles.LABEL_TITLES
# type → (as seen from the start node, as seen from the end node)
RELATION_NAMES: dict[str, tuple[str, str]] = titles.RELATIONSHIP_TITLES

# label → url path of the page that shows one such node (see streamlit_app.py)
DETAIL_PAGES: dict[str, str] = {"Project": "projekt", "Actor": "aktor", "Document": "dokument"}
GENERIC_DETAIL_PAGE = "detaljer"
DETAIL_FILES: dict[str, str] = {
    "Project": "ui/pages/project.py",
    "Actor": "ui/pages/actor.py",
    "Document": "ui/pages/documents.py",
}
GENERIC_DETAIL_FILE = "ui/pages/details.py"


label_name = titles.label_title
property_name = titles.property_title


def relation_name(rel_type: str, outgoing: bool) -> str:
    return titles.relationship_title(rel_type, outgoing)


def detail_path(label: str | None) -> str:
    return DETAIL_PAGES.get(label or "", GENERIC_DETAIL_PAGE)


def detail_url(label: str | None, node_id: str) -> str:
    """A relative link to the page that shows the node (works in markdown and link columns)."""
    return f"./{detail_path(label)}?id={quote(node_id, safe='')}"


def detail_file(label: str | None) -> str:
    """The page file that shows one node of the label (for st.page_link / st.switch_page)."""
    return DETAIL_FILES.get(label or "", GENERIC_DETAIL_FILE)
