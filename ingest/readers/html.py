"""Saved web pages (.html/.htm): the page's main content as Markdown, then read as text.

trafilatura finds the main content (menus, cookie banners, footers and sidebars dropped) and writes
it as Markdown with its headings, lists and tables, which the text reader and the structure builder
read like any Markdown file; quotes and offsets refer to that text. A page with no main content, a
page in another language and a page over the size limit are refused with a Swedish message.
"""

from __future__ import annotations

import re

import trafilatura

from domain.document import Page, ReadError
from ingest.lexicon import lexicon
from ingest.readers.text import decode_text, read_text

MEDIA_TYPE = "text/html"
MAX_HTML_BYTES = 10 * 1024 * 1024  # a saved article is well under 1 MB; 10 MB is a page of other things
_MIN_TEXT_CHARS = 40
_MIN_SWEDISH_SHARE = 0.03
_WORD = re.compile(r"[^\W\d_]+")


def _swedish_share(text: str) -> float:
    words = [w.casefold() for w in _WORD.findall(text)]
    swedish = lexicon().swedish_function_words
    return sum(w in swedish for w in words) / len(words) if words else 0.0


def read_html(data: bytes) -> tuple[list[Page], str]:
    """(pages, title) of a saved web page. Raises ReadError."""
    if len(data) > MAX_HTML_BYTES:
        megabytes = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")  # Swedish decimal comma
        raise ReadError(
            f"Webbsidan är för stor ({megabytes} MB); högst "
            f"{MAX_HTML_BYTES // (1024 * 1024)} MB läses. Spara bara själva sidan (inte hela webbplatsen).",
            f"{len(data)} bytes",
        )
    html = decode_text(data)
    markdown = trafilatura.extract(
        html,
        output_format="markdown",
        include_tables=True,
        include_formatting=True,
        include_links=False,
        include_images=False,
        include_comments=False,
    )
    if not markdown or len(markdown.strip()) < _MIN_TEXT_CHARS:
        raise ReadError(
            "Webbsidan innehåller ingen text att läsa in (bara menyer, skript eller liknande). "
            "Spara sidan med sitt innehåll, eller kopiera texten till en textfil.",
            "no main content",
        )
    words = _WORD.findall(markdown)
    if len(words) >= 30 and _swedish_share(markdown) < _MIN_SWEDISH_SHARE:
        raise ReadError(
            "Webbsidan verkar inte vara skriven på svenska, så den läses inte in.",
            f"Swedish function words: {_swedish_share(markdown):.3f}",
        )
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title or "").strip() if metadata else ""
    text = f"# {title}\n\n{markdown}" if title and not markdown.lstrip().startswith("#") else markdown
    return read_text(text.encode("utf-8")), title
