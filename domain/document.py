"""What a reader gives: a document as pages of text and tables, whatever its format.

file → reader → ``SourceDocument`` → extractors (domain.model).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

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

    @property
    def text(self) -> str:
        return "\n\n".join(page.text for page in self.pages)


class ReadError(Exception):
    """A file that cannot be read. ``message`` is Swedish and shown to users as it is."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
