"""Readers: a file's bytes -> ``SourceDocument`` (pages, tables, title, kind, county, date).

The format is decided from the bytes, not the file name: a ".pdf" that holds text is read as text,
and a ".txt" that holds binary data is refused with a Swedish message.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from domain.document import MAX_FILE_BYTES, Page, ReadError, SourceDocument
from domain.states import ReadFailure
from ingest.readers import docx as docx_reader
from ingest.readers import html as html_reader
from ingest.readers import pdf as pdf_reader
from ingest.readers import text as text_reader
from ingest.readers.classify import classify
from ingest.readers.controls import clean_pages, remove_controls
from ingest.readers.sniff import sniff
from ingest.readers.structure import build_structure

__all__ = ["MAX_FILE_BYTES", "classify", "read_document"]


def _too_large(size: int) -> ReadError:
    return ReadError(
        f"Filen är för stor ({size / 1024 / 1024:.1f} MB). Största tillåtna storlek är "
        f"{MAX_FILE_BYTES / 1024 / 1024:.0f} MB.",
        f"{size} bytes",
    )


def _load(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(size)
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ReadError(f"Filen hittades inte: {path.name}", str(error)) from error
    except IsADirectoryError as error:
        raise ReadError(f"Det är en mapp, inte en fil: {path.name}", str(error)) from error
    except PermissionError as error:
        raise ReadError(f"Filen får inte läsas (behörighet saknas): {path.name}", str(error)) from error


def _pages(data: bytes, file_name: str) -> tuple[str, list[Page], str]:
    """(media type, pages, title hint) for the bytes' real format."""
    kind = sniff(data)
    if kind == "pdf":
        pages, title = pdf_reader.read_pdf(data)
        return pdf_reader.MEDIA_TYPE, pages, title
    if kind == "docx":
        return docx_reader.MEDIA_TYPE, docx_reader.read_docx(data), ""
    if kind == "html":
        pages, title = html_reader.read_html(data)
        return html_reader.MEDIA_TYPE, pages, title
    suffix = Path(file_name).suffix.lower()
    try:
        return text_reader.MEDIA_TYPE, text_reader.read_text(data), ""
    except ReadError as error:
        if suffix in (".pdf", ".docx", ".doc") and error.reason is ReadFailure.BINARY:
            label = "PDF" if suffix == ".pdf" else "Word"
            raise ReadError(
                f"Filen heter {suffix} men är ingen {label}-fil som går att läsa (den kan vara skadad).",
                error.detail,
            ) from error
        raise


def read_document(path: Path, data: bytes | None = None, file_name: str | None = None) -> SourceDocument:
    """Read and classify a document; ``data`` for uploads, else the file at ``path``.

    Raises ReadError with a Swedish message for anything that cannot be read.
    """
    path = Path(path)
    file_name = file_name or path.name
    if data is None:
        data = _load(path)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    if not data:
        raise ReadError("Filen är tom.", "0 bytes")
    media_type, pages, title = _pages(data, file_name)
    clean_pages(pages)  # every format: NUL and other control characters out of words
    doc = SourceDocument(
        id=hashlib.sha256(data).hexdigest(),
        file_name=file_name,
        media_type=media_type,
        pages=pages,
        title=remove_controls(title),
    )
    classify(doc)
    build_structure(doc)
    return doc
