"""Build real PDF and DOCX files for tests, from a simple list of blocks.

    blocks = [("h1", "Fokusområde X"), ("p", "text"), ("table", [["Mål", "Aktivitet"], ["a", "b"]]),
              ("pagebreak", None)]

Kinds: "title", "h1", "h2", "h3", "p", "table" (rows, first row the header), "pagebreak".
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Block = tuple[str, Any]

_HEADING_SIZES = {"title": 22, "h1": 18, "h2": 14, "h3": 12}


def make_pdf(path: Path, blocks: Sequence[Block], encrypt_password: str | None = None) -> Path:
    """A PDF with real text (Helvetica covers åäö) and ruled tables; "pagebreak" starts a page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    cell_style = ParagraphStyle("cell", parent=body, fontSize=9, leading=11)
    flow: list[Any] = []
    for kind, content in blocks:
        if kind in _HEADING_SIZES:
            size = _HEADING_SIZES[kind]
            style = ParagraphStyle(
                kind, parent=body, fontName="Helvetica-Bold", fontSize=size, leading=size * 1.2
            )
            flow.append(Paragraph(content, style))
            flow.append(Spacer(1, 6))
        elif kind == "p":
            flow.append(Paragraph(content, body))
        elif kind == "table":
            rows = [[Paragraph(str(cell), cell_style) for cell in row] for row in content]
            table = Table(rows, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            flow.append(Spacer(1, 6))
            flow.append(table)
            flow.append(Spacer(1, 6))
        elif kind == "pagebreak":
            flow.append(PageBreak())
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    encrypt = StandardEncryption(encrypt_password, canPrint=0) if encrypt_password else None
    SimpleDocTemplate(str(path), pagesize=A4, encrypt=encrypt).build(flow)
    return path


def make_two_column_pdf(path: Path, title: str, left: Sequence[str], right: Sequence[str]) -> Path:
    """One page: ``title`` across the page, then the ``left`` paragraphs in the left column and the
    ``right`` ones in the right column, set side by side as in a newsletter."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    body = getSampleStyleSheet()["BodyText"]
    heading = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=18, leading=22)
    width, height = A4
    margin, gutter, title_height = 50, 24, 60
    column = (width - 2 * margin - gutter) / 2
    top = height - margin - title_height
    frames = [
        Frame(margin, top, width - 2 * margin, title_height, id="title"),
        Frame(margin, margin, column, top - margin, id="left"),
        Frame(margin + column + gutter, margin, column, top - margin, id="right"),
    ]
    document = BaseDocTemplate(str(path), pagesize=A4)
    document.addPageTemplates([PageTemplate(id="columns", frames=frames)])
    flow: list[Any] = [Paragraph(title, heading), FrameBreak()]
    flow += [Paragraph(text, body) for text in left] + [FrameBreak()]
    flow += [Paragraph(text, body) for text in right]
    document.build(flow)
    return path


def make_encrypted_pdf(path: Path, password: str = "hemligt") -> Path:
    """A PDF that needs a password to open."""
    return make_pdf(
        path, [("h1", "Hemlig plan"), ("p", "Text som ingen får läsa.")], encrypt_password=password
    )


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with only drawings and no text layer, like a scan without OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        for line in range(30):
            pdf.rect(60, 780 - line * 22, 300 + (line * 37 + page * 11) % 170, 9, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path, blocks: Sequence[Block]) -> Path:
    """A Word file with heading styles, paragraphs, tables (first row header) and page breaks."""
    import docx

    document = docx.Document()
    for kind, content in blocks:
        if kind == "title":
            document.add_heading(content, level=0)
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(content, level=int(kind[1]))
        elif kind == "p":
            document.add_paragraph(content)
        elif kind == "table":
            table = document.add_table(rows=len(content), cols=max(len(row) for row in content))
            table.style = "Table Grid"
            for r, row in enumerate(content):
                for c, value in enumerate(row):
                    table.cell(r, c).text = str(value)
        elif kind == "pagebreak":
            document.add_page_break()
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    document.save(str(path))
    return path


def make_zip_bomb_docx(path: Path, megabytes: int = 300) -> Path:
    """A valid .docx whose extra part expands to ``megabytes`` of zeros (a few hundred kB on disk)."""
    buffer = io.BytesIO()
    innocent = make_docx(path, [("p", "Oskyldig text.")]).read_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(innocent)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        with target.open("word/media/bomb.bin", "w", force_zip64=True) as bomb:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                bomb.write(chunk)
    path.write_bytes(buffer.getvalue())
    return path


def docx_bytes(blocks: Sequence[Block], tmp: Path) -> bytes:
    """The bytes of a generated .docx (for upload-style tests)."""
    return make_docx(tmp, blocks).read_bytes()
