"""Word (.docx): paragraphs and tables in body order, via python-docx's XML.

Headings become markdown-style lines ("# Title", "## Heading 2") so extractors see the same
structure as in markdown text. Each table's rows are also written into the page text as
tab-separated lines (``Table.start`` is their offset), so quotes from table rows point into the text.
A table nested in a cell is a table of its own, written after the table it stands in.
Pages follow Word's own pagination (``w:lastRenderedPageBreak``) when the file has it, else hard breaks.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from lxml import etree

from domain.document import Page, ReadError, Table

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ENTRIES = 10_000

CORRUPT = "Word-filen är skadad och kan inte läsas. Försök spara om den från Word."
_BOMB = "Word-filen packas upp till orimligt mycket data (möjlig zip-bomb) och läses inte av säkerhetsskäl."

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_LEVEL = re.compile(r"(?:heading|rubrik)\s*(\d)", re.IGNORECASE)
_BREAK = object()  # page-break marker among paragraph text pieces


def check_zip(data: bytes) -> None:
    """Refuse archives that would expand to far more than a Word file ever holds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ReadError(CORRUPT, f"zip: {error}") from error
    if len(entries) > MAX_ENTRIES:
        raise ReadError(_BOMB, f"{len(entries)} entries")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReadError(_BOMB, f"{total} bytes uncompressed")
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise ReadError(_BOMB, f"{entry.filename}: ratio {ratio:.0f}")


class _PageBuilder:
    """Blocks of text per page, separated by blank lines, with offsets for tables."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.lengths: list[int] = [0]
        self.tables: list[list[Table]] = [[]]

    def add(self, text: str) -> int:
        if not text.strip():
            return -1
        blocks = self.pages[-1]
        start = self.lengths[-1] + (2 if blocks else 0)
        blocks.append(text)
        self.lengths[-1] = start + len(text)
        return start

    def add_table(self, rows: list[list[str]]) -> None:
        start = self.add("\n".join("\t".join(row) for row in rows))
        if start >= 0:
            self.tables[-1].append(Table(page=len(self.pages), rows=rows, start=start))

    def new_page(self) -> None:
        self.pages.append([])
        self.lengths.append(0)
        self.tables.append([])

    def result(self) -> list[Page]:
        pages = [
            Page(number=number, text="\n\n".join(blocks), tables=tables)
            for number, (blocks, tables) in enumerate(zip(self.pages, self.tables, strict=True), start=1)
        ]
        while len(pages) > 1 and not pages[-1].text.strip():
            pages.pop()
        return pages


def _pieces(element: Any, rendered: bool) -> Iterator[str | object]:
    """Text of a paragraph's runs in order, with _BREAK where a page ends."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag == f"{_W}pPr" or tag == _MC_FALLBACK:
            continue  # comments, paragraph properties, duplicate text of text boxes
        if tag == f"{_W}t":
            yield child.text or ""
        elif tag == f"{_W}tab":
            yield "\t"
        elif tag in (f"{_W}cr",):
            yield "\n"
        elif tag == f"{_W}noBreakHyphen":
            yield "-"
        elif tag == f"{_W}br":
            if child.get(f"{_W}type") == "page":
                if not rendered:
                    yield _BREAK
            else:
                yield "\n"
        elif tag == f"{_W}lastRenderedPageBreak":
            if rendered:
                yield _BREAK
        else:
            yield from _pieces(child, rendered)


def _paragraph_segments(p: Any, rendered: bool) -> list[str | object]:
    """Paragraph text split at page breaks: [text, _BREAK, text, ...]."""
    segments: list[str | object] = []
    ppr = p.find(f"{_W}pPr")
    if not rendered and ppr is not None:
        before = ppr.find(f"{_W}pageBreakBefore")
        if before is not None and before.get(f"{_W}val", "true") not in ("false", "0"):
            segments.append(_BREAK)
    current: list[str] = []
    for piece in _pieces(p, rendered):
        if piece is _BREAK:
            segments.append("".join(current))
            segments.append(_BREAK)
            current = []
        else:
            current.append(piece)  # type: ignore[arg-type]
    segments.append("".join(current))
    if not rendered and ppr is not None:
        sect = ppr.find(f"{_W}sectPr")
        if sect is not None:
            kind = sect.find(f"{_W}type")
            if kind is None or kind.get(f"{_W}val") != "continuous":
                segments.append(_BREAK)
    return segments


def _heading_prefix(p: Any, style_names: dict[str, str]) -> str:
    ppr = p.find(f"{_W}pPr")
    style = ppr.find(f"{_W}pStyle") if ppr is not None else None
    name = style_names.get(style.get(f"{_W}val", ""), "") if style is not None else ""
    if name.lower() in ("title", "rubrik"):
        return "# "
    match = _HEADING_LEVEL.match(name)
    if match:
        return "#" * max(1, int(match.group(1))) + " "
    outline = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
    if outline is not None and outline.get(f"{_W}val", "9").isdigit() and int(outline.get(f"{_W}val")) < 9:
        return "#" * (int(outline.get(f"{_W}val")) + 1) + " "
    return ""


def _inside_nested_table(element: Any, tc: Any) -> bool:
    """Whether ``element`` (below the cell ``tc``) stands in a table nested in that cell."""
    parent = element.getparent()
    while parent is not None and parent is not tc:
        if parent.tag == f"{_W}tbl":
            return True
        parent = parent.getparent()
    return False


def _cell_text(tc: Any) -> str:
    """The cell's own text on one line (tabs would split the row); a nested table is read on its own."""
    parts = []
    for p in tc.iter(f"{_W}p"):
        if _inside_nested_table(p, tc):
            continue
        text = "".join(piece for piece in _pieces(p, rendered=True) if isinstance(piece, str))
        parts.append(text)
    return " ".join(" ".join(parts).split())


def _nested_tables(tc: Any) -> list[Any]:
    """Tables nested directly in the cell (a table in one of those belongs to that one)."""
    return [tbl for tbl in tc.iter(f"{_W}tbl") if not _inside_nested_table(tbl, tc)]


def _table_rows(tbl: Any) -> tuple[list[list[list[str]]], int]:
    """The table's rows of cell texts (a merged cell is padded to its span), then the rows of each table
    nested in its cells, in document order, and the rendered page breaks inside.

    A nested table (a cell holding a table of projects) is a table of its own: its rows are not run
    together into the outer cell's text, but follow the outer table as another table."""
    rows: list[list[str]] = []
    nested: list[Any] = []
    breaks = 0
    for tr in tbl.iter(f"{_W}tr"):
        if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:
            continue  # rows of nested tables belong to their cell
        row: list[str] = []
        for tc in tr.findall(f"{_W}tc"):
            row.append(_cell_text(tc))
            nested.extend(_nested_tables(tc))
            span = tc.find(f"{_W}tcPr/{_W}gridSpan")
            if span is not None and span.get(f"{_W}val", "1").isdigit():
                row.extend([""] * (int(span.get(f"{_W}val")) - 1))
        if any(tr.iter(f"{_W}lastRenderedPageBreak")):
            breaks += 1
        if any(row):
            rows.append(row)
    tables = [rows] if rows else []
    for inner in nested:
        inner_tables, _ = _table_rows(inner)  # its page breaks are counted in the outer row
        tables.extend(inner_tables)
    return tables, breaks


def _body_blocks(body: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, looking inside content controls (w:sdt)."""
    for child in body:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)


def _style_names(document: Any) -> dict[str, str]:
    try:
        return {style.style_id: style.name or "" for style in document.styles}
    except Exception:  # a broken styles part only costs us heading marks
        return {}


# control characters XML does not allow, written raw or as a character reference ("&#0;", "&#x1F;")
_XML_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|&#(?:[xX](?P<hex>[0-9a-fA-F]+)|(?P<dec>[0-9]+));")
_XML_ALLOWED = {0x09, 0x0A, 0x0D}


def _xml_control(match: re.Match[bytes]) -> bytes:
    if match.group("hex") is None and match.group("dec") is None:
        return b""
    value = int(match.group("hex"), 16) if match.group("hex") else int(match.group("dec"))
    return b"" if value < 0x20 and value not in _XML_ALLOWED else match.group(0)


def without_xml_controls(data: bytes) -> bytes | None:
    """The package with the control characters removed from its XML parts, None when it had none.

    A program that writes a NUL into a Word file's text ("Projekt\x00et") makes XML that no parser
    accepts; without the character the text reads as the words it was meant to be."""
    changed = False
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename.endswith((".xml", ".rels")) and not content.startswith(
                (b"\xff\xfe", b"\xfe\xff")
            ):
                cleaned = _XML_CONTROL.sub(_xml_control, content)
                changed = changed or cleaned != content
                content = cleaned
            target.writestr(entry, content)
    return buffer.getvalue() if changed else None


def _open(data: bytes) -> Any:
    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        repaired = without_xml_controls(data)
        if repaired is None:
            raise
        try:
            return docx.Document(io.BytesIO(repaired))
        except Exception:
            raise error from None


def read_docx(data: bytes) -> list[Page]:
    """Pages of a Word file. ReadError if unreadable."""
    check_zip(data)
    try:
        document = _open(data)
        body = document.element.body
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as error:
        raise ReadError(CORRUPT, f"python-docx: {error!r}") from error
    except Exception as error:  # python-docx surfaces package problems as assorted types
        raise ReadError(CORRUPT, f"python-docx: {error!r}") from error
    rendered = any(True for _ in body.iter(f"{_W}lastRenderedPageBreak"))
    names = _style_names(document)
    builder = _PageBuilder()
    for block in _body_blocks(body):
        if block.tag == f"{_W}tbl":
            tables, breaks = _table_rows(block)
            for rows in tables:
                builder.add_table(rows)
            for _ in range(breaks if rendered else 0):
                builder.new_page()
            continue
        prefix = _heading_prefix(block, names)
        for segment in _paragraph_segments(block, rendered):
            if segment is _BREAK:
                builder.new_page()
            elif isinstance(segment, str) and segment.strip():
                builder.add(prefix + segment)
    pages = builder.result()
    if not any(page.text.strip() for page in pages):
        raise ReadError("Word-filen innehåller ingen text.", "empty body")
    return pages
