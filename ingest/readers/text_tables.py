"""Tables written as plain text: tab-separated lines and markdown pipe tables.

Documents converted to text keep tables as one line per row. A table's rows may be split by blank
lines (page breaks and spacing in the source), so blank lines do not end a table; any other line does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.document import Table

MIN_TAB_CELLS = 3  # two columns are too often "Heading<TAB>page number" or label/value pairs
MIN_PIPE_CELLS = 2  # pipes are explicit, so two columns are a real table
MIN_ROWS = 2

_SEPARATOR_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")
_SENTENCE_END = re.compile(r"[.!?;]\s*$")


@dataclass
class _Line:
    start: int  # offset in the page text
    text: str
    cells: list[str]
    pipe: bool


def _split_pipe(line: str) -> list[str] | None:
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1):
        return None
    cells = [cell.strip() for cell in stripped[1:-1].split("|")]
    return cells if len(cells) >= MIN_PIPE_CELLS else None


def _lines(text: str) -> list[_Line | None]:
    """Candidate rows in order; None for a line that ends any table, blank lines are dropped."""
    result: list[_Line | None] = []
    offset = 0
    for raw in text.split("\n"):
        start = offset
        offset += len(raw) + 1
        if not raw.strip():
            continue
        pipe_cells = _split_pipe(raw)
        if pipe_cells is not None:
            result.append(_Line(start, raw, pipe_cells, pipe=True))
        elif "\t" in raw and raw.count("\t") + 1 >= MIN_TAB_CELLS:
            result.append(_Line(start, raw, [cell.strip() for cell in raw.split("\t")], pipe=False))
        else:
            result.append(None)
    return result


def _is_separator(cells: list[str]) -> bool:
    """A markdown rule row: "---<TAB>--<TAB>---" or "|---|:--:|"; empty cells may sit between."""
    return any(cells) and all(not cell or _SEPARATOR_CELL.match(cell) for cell in cells)


def _is_caption(cells: list[str]) -> bool:
    """A title over a table written as a row with only its first cell filled."""
    return bool(cells[0]) and not any(cells[1:])


def _is_table_of_contents(rows: list[list[str]]) -> bool:
    """Headings with page numbers (and usually dot leaders) are a table of contents, not data."""
    numbers = [int(row[-1]) for row in rows if _PAGE_NUMBER.match(row[-1])]
    if len(numbers) < 0.6 * len(rows):
        return False
    if sum(1 for row in rows if any(_DOT_LEADER.search(cell) for cell in row)) >= 0.3 * len(rows):
        return True
    worded = sum(1 for row in rows if re.search(r"[^\W\d]{3}", " ".join(row[:-1])))
    return len(numbers) == len(rows) and worded == len(rows) and numbers == sorted(numbers)


def looks_like_header(row: list[str]) -> bool:
    """Whether a row reads as column names: short cells, no sentences, not mostly numbers."""
    filled = [cell for cell in row if cell]
    if len(filled) < max(2, len(row) // 2):
        return False
    if any(len(cell) > 60 or len(cell.split()) > 6 or _SENTENCE_END.search(cell) for cell in filled):
        return False
    numeric = sum(1 for cell in filled if re.fullmatch(r"[\d\s.,:%/–-]+", cell))
    return numeric <= len(filled) // 3


def _finish(run: list[_Line], page: int, tables: list[Table]) -> None:
    rows = [line for line in run if not _is_separator(line.cells)]
    while rows and _is_caption(rows[0].cells) and not rows[0].pipe:
        rows.pop(0)
    if len(rows) < MIN_ROWS:
        return
    cells = [line.cells for line in rows]
    if _is_table_of_contents(cells):
        return
    tables.append(Table(page=page, rows=cells, start=rows[0].start))


def find_text_tables(text: str, page: int = 1) -> list[Table]:
    """Tables in a page's text; ``Table.start`` is the offset of the first row in ``text``.

    Consecutive rows with the same number of cells form one table even across blank lines;
    markdown separator rows are dropped, and a caption row ("Title<TAB><TAB><TAB>") just above a
    table of the same width is left out so the header comes first.
    """
    tables: list[Table] = []
    run: list[_Line] = []
    for line in _lines(text):
        if line is not None and run and line.pipe == run[-1].pipe and len(line.cells) == len(run[-1].cells):
            run.append(line)
            continue
        if run:
            _finish(run, page, tables)
        run = [line] if line is not None else []
    if run:
        _finish(run, page, tables)
    return tables
