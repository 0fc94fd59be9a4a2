"""`projektdb quality`: extraction precision and recall against hand-written gold files."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from projektdb.app import app, console, fail


@app.command()
def quality(
    documents: Path = typer.Argument(Path("sample_data"), help="Folder of documents."),
    gold: Path = typer.Option(
        Path("tests/gold"), "--gold", help="Folder of <document stem>.json gold files."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Precision and recall per entity type (no database needed)."""
    from ingest.pipeline import expand
    from ingest.quality import evaluate, totals

    pairs = [(p, gold / f"{p.stem}.json") for p in expand([documents]) if (gold / f"{p.stem}.json").exists()]
    if not pairs:
        raise fail(f"no document in {documents} has a gold file in {gold}")
    results = evaluate(pairs)
    summary = totals(results)
    if as_json:
        payload = {
            "documents": {
                doc: {k: s.as_dict() for k, s in scores.items()} for doc, scores in results.items()
            },
            "total": {k: s.as_dict() for k, s in summary.items()},
        }
        console.print_json(json.dumps(payload, ensure_ascii=False))
        return
    table = Table("type", "gold", "extracted", "matched", "precision", "recall")
    for label, s in summary.items():
        table.add_row(label, str(s.gold), str(s.extracted), str(s.matched), _pct(s.precision), _pct(s.recall))
    console.print(table)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
