"""Page text → blocks in reading order and a section tree (domain.document).

Every reader ends here, so every format gives extractors the same structure. What a format marks
itself (Markdown ``#``, a ``TITLE:`` line, numbered heads "2.1 …", bullets) is taken as marked; in
plain text a heading is a short line of its own that does not end a sentence and has text after
it. Page furniture (menus, cookie notices, "Läs mer", "-----" part separators) becomes FURNITURE
blocks, which extractors skip.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from domain.document import Block, BlockKind, Page, Section, SourceDocument
from ingest.lexicon import Lexicon, lexicon

_BULLET = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>[•●○◦▪■□‣·\-\*–—]|\d{1,2}[.)]|[a-zA-Z][.)])[ \t]+(?P<text>\S.*)$"
)
_MARKDOWN_HEAD = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>\S.*?)[ \t#]*$")
_NUMBERED_HEAD = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+(?P<text>[A-ZÅÄÖÉ].*)$")
_SEPARATOR = re.compile(r"^[ \t]*(?:-{3,}|_{3,}|={3,}|\*{3,})[ \t]*$")
_FIELD = re.compile(r"^(?P<label>[A-ZÅÄÖ][\wåäöÅÄÖ/\- ]{1,40}?)[ \t]*:[ \t]+(?P<value>\S.*)$")
_PART_HEADER = re.compile(r"^(?P<label>SOURCE|TITLE|KÄLLA|TITEL)[ \t]*:[ \t]*(?P<value>.*)$")
_DERIVED = re.compile(r"^\[[^\]]*\][ \t]*")  # "[härledd från URL] Titel"
_SENTENCE_END = (".", ",", ";", ":")
_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|\. \. \.)\s*\d{1,3}\s*$")  # "2.1 Nationella utredningar ..... 5"
_EMPHASIS = re.compile(r"^(?:\*\*|__)(?P<text>.+?)(?:\*\*|__)$")


@dataclass
class _Line:
    text: str
    start: int
    end: int

    @property
    def stripped(self) -> str:
        return self.text.strip()


def fold(text: str) -> str:
    """As a person reads it: line-break hyphens joined ("sam-\\nverkan"), whitespace folded."""
    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(?=[a-zåäö])", r"\1", text)
    return " ".join(text.split())


def _lines(text: str) -> list[_Line]:
    lines, position = [], 0
    for raw in text.split("\n"):
        lines.append(_Line(raw, position, position + len(raw)))
        position += len(raw) + 1
    return lines


def _looks_like_heading(line: str, lex: Lexicon) -> bool:
    text = line.strip()
    if not text or len(text) > lex.heading_max_chars or len(text.split()) > lex.heading_max_words:
        return False
    if text.endswith(_SENTENCE_END) or text[0] in "(>»\"'" or text.count(",") >= 2:
        return False
    return text[0].isupper() or text[0].isdigit()


class _Builder:
    def __init__(self, document: SourceDocument, lex: Lexicon) -> None:
        self.document = document
        self.lex = lex
        self.blocks: list[Block] = []
        self.sections: list[Section] = []
        self.stack: list[int] = []  # open sections, outermost first

    def section_now(self) -> int:
        return self.stack[-1] if self.stack else -1

    def add(self, kind: BlockKind, text: str, page: int, start: int, end: int, **extra: object) -> None:
        self.blocks.append(
            Block(kind=kind, text=text, page=page, start=start, end=end, section=self.section_now(), **extra)  # type: ignore[arg-type]
        )

    def heading(self, text: str, level: int, page: int, start: int, end: int, cue: str) -> None:
        while self.stack and self.sections[self.stack[-1]].level >= level:
            self.stack.pop()
        parent = self.section_now()
        path = (*self.sections[parent].path, text) if parent >= 0 else (text,)
        index = len(self.sections)
        self.sections.append(Section(index, text, level, parent, len(self.blocks), path))
        self.stack.append(index)
        self.blocks.append(
            Block(BlockKind.HEADING, text, page, start, end, level=level, section=index, cue=cue)
        )

    def page(self, page: Page) -> None:
        lines = _lines(page.text)
        table_rows = self._table_lines(page)
        index = 0
        while index < len(lines):
            line = lines[index]
            text = line.stripped
            if not text:
                index += 1
                continue
            if index in table_rows:
                index = self._table(page, lines, index, table_rows)
                continue
            if _SEPARATOR.match(line.text):
                self.stack.clear()  # a new part of a multi-part file starts from the top
                self.add(BlockKind.FURNITURE, text, page.number, line.start, line.end)
                index += 1
                continue
            header = _PART_HEADER.match(text)
            if header:
                self._part_header(header, page, line)
                index += 1
                continue
            if self.lex.is_furniture(text) or _TOC_LINE.search(text):
                self.add(BlockKind.FURNITURE, fold(text), page.number, line.start, line.end)
                index += 1
                continue
            level = page.marked_headings.get(" ".join(text.split()))
            if level:
                self.heading(fold(text), level, page.number, line.start, line.end, "pdf:font")
                index += 1
                continue
            marked = _MARKDOWN_HEAD.match(text)
            if marked:
                level = len(marked.group("marks")) + 1
                self.heading(fold(marked.group("text")), level, page.number, line.start, line.end, "md:#")
                index += 1
                continue
            bullet = _BULLET.match(line.text)
            if bullet and (not _NUMBERED_HEAD.match(text) or self._numbered_item(lines, index)):
                index = self._list_item(page, lines, index, bullet)
                continue
            index = self._paragraph_or_heading(page, lines, index)

    @staticmethod
    def _numbered_item(lines: list[_Line], index: int) -> bool:
        """ "1. Hälsofrämjande arbete" is a list item when indented or one of a run of numbered lines."""
        line = lines[index]
        if line.text[:1] in (" ", "\t"):
            return True
        neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        return any(_NUMBERED_HEAD.match(n.stripped) for n in neighbours if n.stripped)

    def _part_header(self, header: re.Match[str], page: Page, line: _Line) -> None:
        label, value = header.group("label"), fold(header.group("value"))
        if label in ("TITLE", "TITEL") and value:
            self.stack.clear()
            self.heading(_DERIVED.sub("", value), 1, page.number, line.start, line.end, "text:title")
        else:
            self.add(BlockKind.FIELD, value, page.number, line.start, line.end, label=label)

    def _list_item(self, page: Page, lines: list[_Line], index: int, bullet: re.Match[str]) -> int:
        indent = len(bullet.group("indent").expandtabs(4))
        depth = 1 + min(indent // 4, 3)
        first = lines[index]
        parts, end = [bullet.group("text")], first.end
        index += 1
        # continuation lines: indented deeper than the mark, not themselves items
        while index < len(lines):
            nxt = lines[index]
            if not nxt.stripped or _BULLET.match(nxt.text):
                break
            lead = len(nxt.text) - len(nxt.text.lstrip())
            if lead <= indent:
                break
            parts.append(nxt.stripped)
            end = nxt.end
            index += 1
        text = fold("\n".join(parts))
        self.add(BlockKind.LIST_ITEM, text, page.number, first.start, end, level=depth)
        return index

    def _paragraph_or_heading(self, page: Page, lines: list[_Line], index: int) -> int:
        first = lines[index]
        text = first.stripped
        emphasis = _EMPHASIS.match(text)
        if emphasis:  # "**4. Uppdraget**": a heading marked by bold
            text = emphasis.group("text").strip()
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        after = self._next_text(lines, index + 1)
        numbered = _NUMBERED_HEAD.match(text)
        if after is not None and _looks_like_heading(text, self.lex):
            continues = nxt is not None and nxt.stripped and not _BULLET.match(nxt.text)
            # a short line that runs on into lowercase text is a wrapped sentence, not a heading
            if not (continues and nxt is not None and nxt.stripped[0].islower()):
                level = 2 + numbered.group("number").count(".") if numbered else 2
                self.heading(fold(text), level, page.number, first.start, first.end, "text:line")
                return index + 1
        field = _FIELD.match(text)
        if field and len(field.group("label").split()) <= 4 and (nxt is None or not nxt.stripped):
            self.add(
                BlockKind.FIELD,
                fold(field.group("value")),
                page.number,
                first.start,
                first.end,
                label=field.group("label").strip(),
            )
            return index + 1
        parts, end = [first.text], first.end
        index += 1
        while index < len(lines):
            line = lines[index]
            if not line.stripped or _BULLET.match(line.text) or _SEPARATOR.match(line.text):
                break
            if _looks_like_heading(line.stripped, self.lex) and parts[-1].rstrip().endswith(
                (".", ":", "!", "?")
            ):
                break
            parts.append(line.text)
            end = line.end
            index += 1
        self.add(BlockKind.PARAGRAPH, fold("\n".join(parts)), page.number, first.start, end)
        return index

    @staticmethod
    def _next_text(lines: list[_Line], index: int) -> str | None:
        for line in lines[index:]:
            if line.stripped:
                return (
                    None
                    if _SEPARATOR.match(line.text) or _PART_HEADER.match(line.stripped)
                    else line.stripped
                )
        return None

    @staticmethod
    def _table_lines(page: Page) -> dict[int, int]:
        """Line index → table index, for tables the text reader found in this page's text."""
        found: dict[int, int] = {}
        if not page.tables:
            return found
        lines = page.text.split("\n")
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        for number, table in enumerate(page.tables):
            if table.start < 0:
                continue
            line = bisect_right(starts, table.start) - 1  # the line the table starts in
            # a text table is its run of non-blank lines (rows and any separator row)
            while line < len(lines) and lines[line].strip():
                found[line] = number
                line += 1
        return found

    def _table(self, page: Page, lines: list[_Line], index: int, table_rows: dict[int, int]) -> int:
        number = table_rows[index]
        first = lines[index]
        last = index
        while last + 1 < len(lines) and table_rows.get(last + 1) == number:
            last += 1
        table = page.tables[number]
        self._add_table(table.rows, page.number, first.start, lines[last].end)
        return last + 1

    def _add_table(self, rows: list[list[str]], page: int, start: int, end: int) -> None:
        cells = tuple(tuple(fold(c or "") for c in row) for row in rows)
        text = " | ".join(c for row in cells[:1] for c in row)
        self.add(BlockKind.TABLE, text, page, start, end, rows=cells, header=len(cells) > 1)

    def tables_without_offsets(self, page: Page) -> None:
        """Tables a layout reader found (PDF, DOCX) that do not sit in the page text at an offset."""
        for table in page.tables:
            if table.start < 0 and table.rows:
                self._add_table(table.rows, page.number, 0, 0)


def build_structure(document: SourceDocument) -> None:
    """Fill ``document.blocks`` and ``document.sections`` from its pages."""
    builder = _Builder(document, lexicon())
    opening = document.pages[0].text[:2000] if document.pages else ""
    first_line = opening.strip().split("\n", 1)[0].strip() if opening.strip() else ""
    if (
        document.title
        and first_line != document.title
        and not re.search(r"^(?:TITLE|TITEL)\s*:|^#", opening, re.MULTILINE)
    ):
        builder.heading(document.title, 1, 1, 0, 0, "document:title")
    for page in document.pages:
        builder.page(page)
        builder.tables_without_offsets(page)
    document.blocks = builder.blocks
    document.sections = builder.sections
