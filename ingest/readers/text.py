"""Plain text and markdown: decode the bytes, split pages on form feeds, find tables."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from domain.document import Page, ReadError
from domain.states import ReadFailure
from ingest.readers.text_tables import find_text_tables

MEDIA_TYPE = "text/plain"

# Western single-byte encodings a Swedish text file can be in; limiting charset-normalizer to these
# keeps it from guessing e.g. cp1250, where "å" does not exist.
_WESTERN = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850", "cp437"]
_MAX_CONTROL_RATIO = 0.02
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BINARY_MESSAGE = "Filen innehåller inte läsbar text (den verkar vara en binärfil)."


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: every other byte is NUL in Latin-script text."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    encoding = "utf-16-le" if odd_nul > 0.7 and even_nul < 0.1 else None
    encoding = "utf-16-be" if even_nul > 0.7 and odd_nul < 0.1 else encoding
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


_SWEDISH_LETTERS = set("åäöÅÄÖéÉüÜ")
_PLAIN_PUNCTUATION = set(" \t\n\r\f.,;:!?-–—()[]/'\"%&+*#§@=<>_€$\u201c\u201d\u2019\u2022")


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _swedish_score(text: str) -> int:
    """Swedish letters count for, symbols that only appear in mis-decoded text count against."""
    good = sum(1 for char in text if char in _SWEDISH_LETTERS)
    odd = sum(1 for char in text if not (char.isalnum() or char in _PLAIN_PUNCTUATION))
    return good - 3 * odd


def decode_text(data: bytes) -> str:
    """The text of a file in UTF-8 (with or without BOM), UTF-16/32 with BOM, or a Western 8-bit code page."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ReadError(_BINARY_MESSAGE, f"{encoding}: {error}", ReadFailure.BINARY) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    if b"\x00" in data:
        raise ReadError(_BINARY_MESSAGE, "NUL bytes in text", ReadFailure.BINARY)
    guess = from_bytes(data, cp_isolation=_WESTERN).best()
    candidates = ["cp1252"] + ([guess.encoding] if guess is not None else [])
    decoded = [
        (encoding, text) for encoding in candidates if (text := _try_decode(data, encoding)) is not None
    ]
    if not decoded:
        return data.decode("latin_1")
    # charset-normalizer alone takes short Swedish cp1252 text for mac_roman ("Sˆrmland"); weigh letters
    return max(decoded, key=lambda item: _swedish_score(item[1]))[1]


def check_readable(text: str) -> None:
    """Refuse decoded bytes that are not text: too many control characters."""
    if not text:
        return
    controls = sum(1 for char in text if ord(char) < 32 and char not in _ALLOWED_CONTROLS)
    controls += text.count("\ufffd") + text.count("\x7f")
    if controls / len(text) > _MAX_CONTROL_RATIO:
        raise ReadError(_BINARY_MESSAGE, f"{controls} control characters in {len(text)}", ReadFailure.BINARY)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_pages(text: str) -> list[Page]:
    """One page per form feed (a page break in text exported from PDF); trailing blank pages dropped."""
    parts = text.split("\f")
    while len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    pages = [Page(number=number, text=part) for number, part in enumerate(parts, start=1)]
    for page in pages:
        page.tables = find_text_tables(page.text, page.number)
    return pages


def read_text(data: bytes) -> list[Page]:
    """Pages of a text or markdown file. Raises ReadError for empty files and binary junk."""
    text = decode_text(data)
    check_readable(text)
    text = normalise_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise ReadError("Filen innehåller ingen text.", "only whitespace")
    return split_pages(text)
