"""PDF with a text layer: text and ruled tables per page, via pdfplumber.

A table's rows are written into the page text as tab-separated lines where the table stands, so
quotes from table rows point into ``Page.text`` exactly as they do for text and DOCX files.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import time
from typing import Any

import pdfplumber
from pdfplumber.page import Page as PdfPage
from pdfplumber.utils.exceptions import PdfminerException

from domain.document import Page, ReadError, Table

MEDIA_TYPE = "application/pdf"
MAX_PAGES = 2000
MAX_SECONDS = 300.0  # a whole document; beyond this the upload is refused rather than hanging
MAX_GRAPHICS_FOR_TABLES = 5000  # lines/rects/curves; table finding is quadratic-ish on drawings

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\x00": ""})

_ENCRYPTED = "PDF-filen är lösenordsskyddad och kan inte läsas."
_CORRUPT = "PDF-filen är skadad och kan inte läsas. Försök spara om den från originalprogrammet."
_SCANNED = (
    "Ingen textrad hittades: är det en skannad PDF? Kör textigenkänning (OCR) på filen "
    "eller ladda upp originaldokumentet."
)


def _is_password_error(error: BaseException) -> bool:
    causes = [error, *getattr(error, "args", ())]
    return any(type(cause).__name__ in {"PDFPasswordIncorrect", "PDFEncryptionError"} for cause in causes)


_UNMAPPED_BULLET = re.compile(r"\(cid:(?:127|149|183|8226)\)")  # a bullet glyph without a Unicode mapping


def _clean(text: str | None) -> str:
    return _UNMAPPED_BULLET.sub("•", (text or "").translate(_LIGATURES))


def _cell(value: str | None) -> str:
    # wrapped lines inside a cell are layout; tabs would break the row's tab-separated line
    return " ".join(_clean(value).replace("\t", " ").split())


def _band_text(page: PdfPage, top: float, bottom: float, exclude: tuple[float, ...] | None = None) -> str:
    """Text of the characters whose centre lies in [top, bottom), leaving out ``exclude`` (a bbox)."""

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return False
        cy = (obj["top"] + obj["bottom"]) / 2
        if not top <= cy < bottom:
            return False
        if exclude is None:
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        x0, y0, x1, y1 = exclude
        return not (x0 <= cx <= x1 and y0 <= cy <= y1)

    return _clean(page.filter(keep).extract_text()).strip("\n")


def _tables(page: PdfPage) -> list[tuple[tuple[float, ...], list[list[str]]]]:
    graphics = sum(len(page.objects.get(kind, [])) for kind in ("line", "rect", "curve"))
    if graphics > MAX_GRAPHICS_FOR_TABLES:
        return []
    found: list[tuple[tuple[float, ...], list[list[str]]]] = []
    for table in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
        if found and table.bbox[1] < found[-1][0][3]:
            continue  # overlaps the previous table
        rows = [[_cell(value) for value in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
            found.append((tuple(table.bbox), rows))
    return found


# Two text columns: an x-range near the middle of the page that no word crosses (but for a few lines
# that run across both, such as a title), with a column of running text on either side.
_GUTTER_SPAN = (0.3, 0.7)  # where the gutter may lie, as fractions of the page width
_MIN_GUTTER = 6.0  # points: wider than the space between words
_MIN_COLUMN_LINES = 5
_MAX_CROSSING_SHARE = 0.1  # lines that run across the gutter (a title above both columns)
_MIN_FILL = 0.6  # a column of running text: its lines mostly fill the column's width


def _lines_of(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The words in lines, top to bottom and left to right (words within 2 pt of height: one line)."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(word["top"] - lines[-1][-1]["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _running_text(words: list[dict[str, Any]]) -> bool:
    """Enough lines that mostly fill their column's width (not a list of labels or short items)."""
    lines = _lines_of(words)
    if len(lines) < _MIN_COLUMN_LINES:
        return False
    left, right = min(w["x0"] for w in words), max(w["x1"] for w in words)
    widths = sorted(max(w["x1"] for w in line) - min(w["x0"] for w in line) for line in lines)
    return widths[len(widths) // 2] >= _MIN_FILL * (right - left)


def _words(page: PdfPage) -> list[dict[str, Any]]:
    """The page's words with their type size and font (one extraction serves every use on the page)."""
    words: list[dict[str, Any]] = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    return words


def column_gutter(page: PdfPage, words: list[dict[str, Any]] | None = None) -> float | None:
    """The x of the gutter between two text columns on the page, None for a page in one column."""
    words = _words(page) if words is None else words
    if len(words) < 4 * _MIN_COLUMN_LINES:
        return None
    lines = _lines_of(words)
    x0, x1 = page.bbox[0], page.bbox[2]
    low, high = (round(x0 + share * (x1 - x0)) for share in _GUTTER_SPAN)
    crossing = [0] * (high - low + 1)  # lines with a word across each whole point from low to high
    for line in lines:
        across: set[int] = set()
        for word in line:
            across.update(
                range(max(math.floor(word["x0"]) + 1, low), min(math.ceil(word["x1"]) - 1, high) + 1)
            )
        for x in across:
            crossing[x - low] += 1
    # the widest run of x positions that at most a few lines cross
    allowed = _MAX_CROSSING_SHARE * len(lines)
    best = (0, -1)
    run_start = None
    for index, count in enumerate([*crossing, len(lines) + 1]):
        if count <= allowed:
            run_start = index if run_start is None else run_start
        elif run_start is not None:
            if index - 1 - run_start > best[1] - best[0]:
                best = (run_start, index - 1)
            run_start = None
    if best[1] - best[0] < _MIN_GUTTER:
        return None
    best = (low + best[0], low + best[1])
    gutter = (best[0] + best[1]) / 2
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    if not (_running_text(left) and _running_text(right)):
        return None
    top = max(min(w["top"] for w in left), min(w["top"] for w in right))
    bottom = min(max(w["bottom"] for w in left), max(w["bottom"] for w in right))
    shorter = min(max(w["bottom"] for w in side) - min(w["top"] for w in side) for side in (left, right))
    if bottom - top < 0.5 * shorter:
        return None  # one side above the other: not side by side
    return gutter


def _region_text(page: PdfPage, top: float, bottom: float, x0: float, x1: float) -> str:
    """Text of the characters whose centre lies in the rectangle [x0, x1) x [top, bottom)."""

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return False
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return top <= cy < bottom and x0 <= cx < x1

    return _clean(page.filter(keep).extract_text()).strip("\n")


def _columns_text(page: PdfPage, gutter: float, words: list[dict[str, Any]]) -> str:
    """A two-column page read the left column top to bottom, then the right; a line across the
    gutter (a title over both columns) is read whole where it stands, the columns above it first."""
    crossing: list[list[float]] = []
    for word in sorted(words, key=lambda w: w["top"]):
        if word["x0"] < gutter < word["x1"]:
            if crossing and word["top"] <= crossing[-1][1]:
                crossing[-1][1] = max(crossing[-1][1], word["bottom"])
            else:
                crossing.append([word["top"], word["bottom"]])
    left, right = page.bbox[0] - 1, page.bbox[2] + 1
    parts: list[str] = []
    cursor = page.bbox[1]
    for top, bottom in crossing:
        parts += [
            _region_text(page, cursor, top, left, gutter),
            _region_text(page, cursor, top, gutter, right),
        ]
        parts.append(_region_text(page, top, bottom + 0.01, left, right))
        cursor = bottom + 0.01
    bottom_edge = page.bbox[3] + 1
    parts += [
        _region_text(page, cursor, bottom_edge, left, gutter),
        _region_text(page, cursor, bottom_edge, gutter, right),
    ]
    return "\n".join(part for part in parts if part)


def read_page(page: PdfPage, number: int) -> Page:
    """A page's text in reading order with each table's rows as tab-separated lines; a page set in two
    columns (and without tables) is read one column after the other."""
    found = _tables(page)
    words = _words(page)
    if not found and (gutter := column_gutter(page, words)) is not None:
        text = _columns_text(page, gutter, words)
        return Page(number=number, text=text, marked_headings=_marked_headings(words))
    parts: list[str] = []
    tables: list[Table] = []
    length = 0  # length of "\n".join(parts) so far

    def add(text: str) -> int:
        nonlocal length
        if not text:
            return -1
        if parts:
            length += 1
        start = length
        parts.append(text)
        length += len(text)
        return start

    cursor = page.bbox[1]
    for bbox, rows in found:
        add(_band_text(page, cursor, bbox[1]))
        start = add("\n".join("\t".join(row) for row in rows))
        tables.append(Table(page=number, rows=rows, start=start))
        add(_band_text(page, bbox[1], bbox[3], exclude=bbox))
        cursor = bbox[3]
    add(_band_text(page, cursor, page.bbox[3] + 1))
    return Page(number=number, text="\n".join(parts), tables=tables, marked_headings=_marked_headings(words))


_MAX_HEADING_WORDS = 14


def _marked_headings(words: list[dict[str, Any]]) -> dict[str, int]:
    """Lines set in larger or bold type than the body text: heading text -> level (2 = largest)."""
    if len(words) < 3:
        return {}
    body = statistics.median(word["size"] for word in words)
    found: dict[str, float] = {}
    for line in _lines_of(words):
        size = max(w["size"] for w in line)
        bold = all("bold" in w["fontname"].lower() for w in line)
        if len(line) <= _MAX_HEADING_WORDS and (size >= 1.15 * body or (bold and size >= body)):
            found[" ".join(_clean(w["text"]) for w in line)] = size
    sizes = sorted(set(found.values()), reverse=True)
    return {text: 2 + min(sizes.index(size), 3) for text, size in found.items()}


def title_from_fonts(page: PdfPage) -> str:
    """The first page's largest text when it clearly stands out from the body text, else ""."""
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
    if len(words) < 3:
        return ""
    body = statistics.median(word["size"] for word in words)
    largest = max(word["size"] for word in words)
    if largest < 1.3 * body:
        return ""
    big = sorted((w for w in words if w["size"] >= largest - 0.5), key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for word in big:
        if lines and abs(word["top"] - lines[-1][-1]["top"]) < 2:
            lines[-1].append(word)
        elif lines and word["top"] - lines[-1][-1]["bottom"] > 1.5 * largest:
            break  # a second block of big text is not part of the title
        else:
            lines.append([word])
    title = " ".join(_clean(w["text"]) for line in lines for w in line).strip()
    letters = sum(char.isalpha() for char in title)
    return title if letters >= 3 and len(title) <= 200 else ""


def read_pdf(data: bytes) -> tuple[list[Page], str]:
    """Pages of a PDF and a title when the layout shows one. ReadError if unreadable."""
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as error:
        message = _ENCRYPTED if _is_password_error(error) else _CORRUPT
        raise ReadError(message, f"pdfplumber: {error!r}") from error
    except Exception as error:  # pdfminer raises many unrelated types on broken files
        raise ReadError(_CORRUPT, f"open: {error!r}") from error
    pages: list[Page] = []
    title = ""
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as error:
            raise ReadError(_CORRUPT, f"pages: {error!r}") from error
        if count == 0:
            raise ReadError(_CORRUPT, "no pages")
        if count > MAX_PAGES:
            raise ReadError(
                f"PDF-filen har för många sidor ({count}). Högst {MAX_PAGES} sidor kan läsas.", str(count)
            )
        for index, pdf_page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > MAX_SECONDS:
                raise ReadError(
                    "PDF-filen tog för lång tid att läsa. Dela upp den i mindre delar och försök igen.",
                    f"stopped at page {index} of {count}",
                )
            try:
                pages.append(read_page(pdf_page, pdf_page.page_number))
                if index == 1:
                    title = title_from_fonts(pdf_page)
            except Exception as error:
                if _is_password_error(error):
                    raise ReadError(_ENCRYPTED, repr(error)) from error
                raise ReadError(_CORRUPT, f"page {index}: {error!r}") from error
            finally:
                pdf_page.close()  # frees the page's parsed objects; large PDFs otherwise fill memory
    if not any(page.text.strip() for page in pages):
        raise ReadError(_SCANNED, f"{count} pages without text")
    return pages, title
