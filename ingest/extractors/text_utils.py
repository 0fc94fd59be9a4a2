"""Small text helpers shared by the plan-structure extractors.

Text from PDFs keeps its layout noise: words hyphenated at line ends ("kom-\\nmer"), runs of spaces,
markup from the converter (``<i>``, ``**``, ``#``) and tables of contents. These helpers clean that
up without touching real hyphens ("läns-gemensamt", "hälso- och sjukvård").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from domain.document import Table

# A word broken at a line end: the next line goes on in lower case. "hälso- och" stays as it is.
_LINE_END_HYPHEN = re.compile(r"(\w)-[ \t]*\n[ \t]*(?!(?:och|eller|samt|till|respektive)\b)([a-zåäöé])")
_MARKUP = re.compile(r"</?(?:i|b|em|strong|u|sup|sub)>|\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_SPACE = re.compile(r"\s+")
_TOC_LINE = re.compile(r"(?:\.{3,}|…)\s*\d*\s*$|\t\s*\d{1,3}\s*$")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+")
_BULLET = re.compile(r"^\s*(?:[-–•*▪◦·]|\d{1,2}[.)]|[a-z][.)])\s+")
_SENTENCE_END = re.compile(r"[.!?]\s*$")
_UPPER_START = re.compile(r"^[\"'”«(]?[A-ZÅÄÖÉÜ0-9]")


def dehyphenate(text: str) -> str:
    """Join words split at a line end ("kom-\\nmer" → "kommer"); keep "läns-gemensamt" and "hälso- och"."""
    return _LINE_END_HYPHEN.sub(r"\1\2", text)


def strip_markup(text: str) -> str:
    """Remove inline markup a converter left behind (HTML italics, Markdown bold/italics, headings)."""
    text = re.sub(r"^\s*#{1,6}\s*", "", text, flags=re.MULTILINE)
    return _MARKUP.sub("", text)


def fold_whitespace(text: str) -> str:
    """Collapse any run of whitespace (including newlines and tabs) to one space and strip."""
    return _SPACE.sub(" ", text).strip()


def clean_cell(text: str) -> str:
    """A table cell or list item as one clean line: no markup, no line-end hyphens, single spaces."""
    cleaned = fold_whitespace(strip_markup(dehyphenate(text)))
    # a space left before punctuation when markup was removed ("</i> ." → " .")
    return re.sub(r"\s+([.,;:])", r"\1", cleaned)


@lru_cache(maxsize=1 << 16)  # names are compared with many others: each is keyed once
def normalize_key(text: str) -> str:
    """A comparison key: case-folded, hyphens/slashes/commas as spaces, single spaces."""
    text = clean_cell(text).casefold()
    text = re.sub(r"[-–—/,;:.()\"'”]+", " ", text)
    return fold_whitespace(text)


def is_toc_line(line: str) -> bool:
    """A table-of-contents entry: "Inledning\\t5", "Indikatorer.....18"."""
    return bool(_TOC_LINE.search(line.rstrip()))


def is_list_item(line: str) -> bool:
    return bool(_BULLET.match(line))


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1).strip()


def strip_numbering(text: str) -> str:
    """ "3. Mål" → "Mål", "6.1 Invånarens upplevelse" → "Invånarens upplevelse"."""
    return _NUMBERING.sub("", text, count=1).strip()


def heading_text(line: str) -> str:
    """The words of a heading line, without markup, numbering, trailing colon or tabs."""
    text = clean_cell(line.replace("\t", " "))
    text = strip_numbering(text)
    return text.rstrip(":").strip()


@dataclass(frozen=True)
class Line:
    index: int  # line number, 0-based
    start: int  # offsets in the text
    end: int
    text: str


def iter_lines(text: str) -> Iterator[Line]:
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        yield Line(index=index, start=offset, end=offset + len(raw), text=raw)
        offset += len(raw) + 1


def is_heading(line: str, previous: str = "", following: str = "") -> bool:
    """Whether a line reads as a heading: short, capitalised, not a sentence, not a list item or TOC entry.

    ``previous``/``following`` are the neighbouring lines; a heading stands apart from running text
    (a blank line before it) unless it is marked up as one.
    """
    raw = line.rstrip()
    if not raw.strip() or is_toc_line(raw):
        return False
    if re.match(r"^\s*#{1,6}\s+\S", raw) or re.fullmatch(r"\s*\*\*[^*]{2,100}\*\*\s*", raw):
        return True
    if "\t" in raw.strip():  # a table row, not a heading
        return False
    if "http" in raw or is_list_item(raw) and not _NUMBERING.match(raw):
        return False
    text = heading_text(raw)
    words = text.split()
    if not words or len(words) > 10 or len(text) > 90:
        return False
    if not _UPPER_START.match(text) or _SENTENCE_END.search(text) or text.endswith((",", ";")):
        return False
    if _NUMBERING.match(raw) and len(words) > 8:  # "1. Chefer och medarbetare ..." is a list item
        return False
    # A heading stands apart from running text; in PDF text short lines directly above a paragraph too.
    return not previous.strip() or len(words) <= 4 and not previous.rstrip().endswith((",", "-"))


_SEPARATOR_CELL = re.compile(r"^[\s\-–—=:|+]*$")


def is_separator_row(cells: list[str]) -> bool:
    """Rows such as "---\\t--\\t----" or "|---|---|" that only draw the table."""
    return all(_SEPARATOR_CELL.match(cell) for cell in cells)


def tables_from_text(text: str, page: int) -> list[Table]:
    """Tables from tab-separated (or Markdown pipe) runs of lines in a page's text.

    A fallback for readers that give no ``Table`` objects: each run of consecutive table lines is one
    table; separator rows are left out.
    """
    tables: list[Table] = []
    rows: list[list[str]] = []
    start = -1
    for line in iter_lines(text):
        cells = _split_row(line.text)
        if cells is not None:
            if not rows:
                start = line.start
            if not is_separator_row(cells):
                rows.append(cells)
            continue
        if rows:
            tables.append(Table(page=page, rows=rows, start=start))
            rows = []
    if rows:
        tables.append(Table(page=page, rows=rows, start=start))
    return tables


def _split_row(line: str) -> list[str] | None:
    stripped = line.strip()
    if "\t" in line and stripped:
        return [cell.strip() for cell in line.split("\t")]
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return [cell.strip() for cell in stripped[1:-1].split("|")]
    return None
