"""Synthetic plans as files: plain text (tab-separated tables), DOCX (Word tables), PDF (ruled tables).

The same blocks in each format, so the readers and extractors can be measured and compared on the
same content. Kinds: "title", "h1", "h2", "p", "table" (rows, the first is the header), "pagebreak".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ingest.synthetic.generator import Block, PlanSpec, plan_blocks

FORMATS = ("txt", "docx", "pdf")
_HEADING_SIZES = {"title": 20, "h1": 16, "h2": 13}


def write_plan(plan: PlanSpec, folder: Path, fmt: str) -> Path:
    """Write one plan as ``folder/<file_stem>.<fmt>``; returns the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{plan.file_stem}.{fmt}"
    blocks = plan_blocks(plan)
    if fmt == "txt":
        path.write_text(text_of(blocks), encoding="utf-8")
    elif fmt == "docx":
        write_docx(path, blocks)
    elif fmt == "pdf":
        write_pdf(path, blocks)
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return path


def text_of(blocks: Sequence[Block]) -> str:
    """Plain text: headings on their own lines, table rows tab-separated, form feeds between pages."""
    parts: list[str] = []
    for kind, content in blocks:
        if kind in _HEADING_SIZES or kind == "p":
            parts.append(f"{content}\n")
        elif kind == "table":
            parts.append("\n".join("\t".join(_one_line(c) for c in row) for row in content) + "\n")
        elif kind == "pagebreak":
            parts.append("\f")
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    return "\n".join(parts)


def write_docx(path: Path, blocks: Sequence[Block]) -> None:
    import docx

    document = docx.Document()
    for kind, content in blocks:
        if kind == "title":
            document.add_heading(content, level=0)
        elif kind in ("h1", "h2"):
            document.add_heading(content, level=int(kind[1]))
        elif kind == "p":
            document.add_paragraph(content)
        elif kind == "table":
            table = document.add_table(rows=len(content), cols=max(len(row) for row in content))
            table.style = "Table Grid"
            for r, row in enumerate(content):
                cells = table.rows[r].cells
                for c, value in enumerate(row):
                    cells[c].text = str(value)
        elif kind == "pagebreak":
            document.add_page_break()
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    document.save(str(path))


def write_pdf(path: Path, blocks: Sequence[Block]) -> None:
    """A PDF with a real text layer (Helvetica covers åäö) and ruled tables that repeat their header."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]
    cell_style = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    flow: list[Any] = []
    for kind, content in blocks:
        if kind in _HEADING_SIZES:
            size = _HEADING_SIZES[kind]
            style = ParagraphStyle(
                kind, parent=body, fontName="Helvetica-Bold", fontSize=size, leading=size * 1.2
            )
            flow += [Paragraph(_escape(content), style), Spacer(1, 6)]
        elif kind == "p":
            flow.append(Paragraph(_escape(content), body))
        elif kind == "table":
            rows = [[Paragraph(_escape(str(cell)), cell_style) for cell in row] for row in content]
            table = Table(rows, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            flow += [Spacer(1, 6), table, Spacer(1, 6)]
        elif kind == "pagebreak":
            flow.append(PageBreak())
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    SimpleDocTemplate(str(path), pagesize=A4, title=_title(blocks)).build(flow)


def _title(blocks: Sequence[Block]) -> str:
    return next((str(content) for kind, content in blocks if kind == "title"), "")


def _one_line(cell: Any) -> str:
    return " ".join(str(cell).split())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
