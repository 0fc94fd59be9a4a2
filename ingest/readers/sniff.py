"""What a file really is, decided from its bytes; the extension only sharpens error messages."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

from domain.document import ReadError

FileKind = Literal["pdf", "docx", "html", "text"]

_UNSUPPORTED = (
    "Filtypen stöds inte ({what}). "
    "Ladda upp PDF, Word (.docx), en sparad webbsida (.html) eller text (.txt, .md)."
)
# A saved web page starts (after a BOM, blanks or a comment) with a doctype or an <html> tag
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL
)

# magic bytes of formats people upload by mistake
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "äldre Office-format som .doc eller .xls; spara som .docx eller PDF",
    ),
    (b"\x89PNG\r\n\x1a\n", "bild i PNG-format"),
    (b"\xff\xd8\xff", "bild i JPEG-format"),
    (b"GIF87a", "bild i GIF-format"),
    (b"GIF89a", "bild i GIF-format"),
    (b"II*\x00", "bild i TIFF-format"),
    (b"MM\x00*", "bild i TIFF-format"),
    (b"BM", "bild i BMP-format"),
    (b"{\\rtf", "RTF; spara som .docx eller PDF"),
    (b"\x1f\x8b", "komprimerad gzip-fil"),
    (b"7z\xbc\xaf\x27\x1c", "komprimerad 7z-fil"),
    (b"Rar!", "komprimerad RAR-fil"),
)

_ZIP_FORMATS: tuple[tuple[str, str], ...] = (
    ("xl/", "Excel-arbetsbok"),
    ("ppt/", "PowerPoint-presentation"),
    ("content.xml", "OpenDocument; spara som .docx eller PDF"),
)


def unsupported(what: str) -> ReadError:
    return ReadError(_UNSUPPORTED.format(what=what), what)


def _zip_kind(data: bytes) -> FileKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ReadError(
            "Filen är en skadad ZIP- eller Word-fil och kan inte läsas.", f"zip: {error}"
        ) from error
    if "word/document.xml" in names:
        return "docx"
    for prefix, what in _ZIP_FORMATS:
        if any(name.startswith(prefix) for name in names):
            raise unsupported(what)
    raise unsupported("ZIP-arkiv utan Word-dokument")


def sniff(data: bytes) -> FileKind:
    """ "pdf", "docx", "html" or "text" from the content; ReadError for formats we do not read."""
    if b"%PDF-" in data[:1024]:  # the PDF header may follow some junk bytes
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data)
    # BMP's "BM" is too short a signature to trust alone: require its header's file size field
    for signature, what in _SIGNATURES:
        if data.startswith(signature) and (signature != b"BM" or _is_bmp(data)):
            raise unsupported(what)
    if _HTML_START.match(data[:4096]):
        return "html"
    return "text"


def _is_bmp(data: bytes) -> bool:
    return len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data)
