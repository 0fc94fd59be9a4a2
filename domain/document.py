"""What a reader gives: one structure for every format (TXT/MD, PDF, DOCX, HTML).

file → reader → ``SourceDocument`` → extractors (domain.model).

A document is its pages (the text as read, which quotes and offsets refer to) and, over them, its
blocks in reading order: headings with a level, paragraphs, list items with a depth, tables,
"Label: value" lines and page furniture. Every block knows its page, its character offsets in that
page's text and the section it stands in; the sections form a tree, so every block has a heading
path ("Färdplan 2024–2027" > "Fokusområde 2" > "Aktiviteter"). Extractors read this structure, not
raw lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from domain.states import ReadFailure

DocumentKind = Literal["färdplan", "målbild", "protokoll", "projektrapport", "lokal plan", "övrigt"]


@dataclass
class Table:
    """A table as rows of cell texts; the first row is the header when the source had one."""

    page: int
    rows: list[list[str]]
    # character offset of the table's first row in its page's text, when the table came from text
    start: int = -1


@dataclass
class Page:
    number: int  # 1-based; plain text without page breaks is one page
    text: str
    tables: list[Table] = field(default_factory=list)
    # lines the format itself marks as headings (a PDF's larger or bold type): line text -> level
    marked_headings: dict[str, int] = field(default_factory=dict)


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    FIELD = "field"  # a "Label: value" line: ``label`` holds the label, ``text`` the value
    FURNITURE = "furniture"  # page furniture: running headers/footers, menus, cookie notices, "Läs mer"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str  # as a person reads it (line-break hyphens joined, whitespace folded)
    page: int  # 1-based
    start: int  # character offsets of the block in its page's text (Page.text[start:end])
    end: int
    level: int = 0  # HEADING: 1 = top; LIST_ITEM: depth, 1 = top level; else 0
    # index into SourceDocument.sections: a heading's own section, else the one it stands in;
    # -1 before the first heading
    section: int = -1
    label: str = ""  # FIELD: the label before the colon
    rows: tuple[tuple[str, ...], ...] = ()  # TABLE: cell texts, row by row
    header: bool = False  # TABLE: the first row is a header row
    cue: str = ""  # what the format said, as evidence: "docx:Heading 2", "pdf:bold 14pt", "html:h2", "md:##"


@dataclass(frozen=True)
class Section:
    index: int
    heading: str
    level: int
    parent: int  # index of the enclosing section, -1 at the top
    block: int  # index of its heading block in SourceDocument.blocks
    path: tuple[str, ...]  # headings from the top down to this one


@dataclass
class SourceDocument:
    id: str  # sha256 of the file's bytes
    file_name: str
    media_type: str  # "text/plain", "application/pdf", "application/vnd...wordprocessingml.document"
    pages: list[Page]
    title: str = ""
    kind: DocumentKind = "övrigt"
    county: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) or year-month / year when that is all there is
    blocks: list[Block] = field(default_factory=list)  # reading order
    sections: list[Section] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(page.text for page in self.pages)

    def section_of(self, block: Block) -> Section | None:
        return self.sections[block.section] if block.section >= 0 else None

    def heading_path(self, block: Block) -> tuple[str, ...]:
        section = self.section_of(block)
        return section.path if section else ()

    def blocks_in(self, section: Section) -> list[Block]:
        """The blocks under ``section`` and its sub-sections, without its own heading."""
        inside = {section.index}
        for other in self.sections[section.index + 1 :]:
            if other.parent in inside:
                inside.add(other.index)
        return [b for i, b in enumerate(self.blocks) if b.section in inside and i != section.block]


# The largest file a reader accepts (and the app's upload limit, .streamlit/config.toml).
MAX_FILE_BYTES = 50 * 1024 * 1024


class ReadError(Exception):
    """A file that cannot be read. ``message`` is Swedish and shown to users as it is."""

    def __init__(self, message: str, detail: str = "", reason: ReadFailure = ReadFailure.OTHER) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.reason = reason
