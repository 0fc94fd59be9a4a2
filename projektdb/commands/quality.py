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
        Path("tests/gold"),
        "--gold",
        metavar="DIR|FILE",
        help="Folder of <document stem>.json gold files, or one gold file (gold.json) for many documents.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Precision and recall per entity type (no database needed)."""
    from ingest.pipeline import expand

    if gold.is_file():
        _corpus_quality(expand([documents]), gold, as_json)
        return
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


def _corpus_quality(paths: list[Path], gold_file: Path, as_json: bool) -> None:
    from ingest.quality_corpus import evaluate_corpus, load_gold

    try:
        gold = load_gold(gold_file)
    except (OSError, ValueError) as error:
        raise fail(f"cannot read the gold file {gold_file}: {error}") from error
    result = evaluate_corpus(paths, gold)
    if as_json:
        payload = {
            "documents": result.documents,
            "total": {k: s.as_dict() for k, s in result.scores.items()},
            "per_document": {
                doc: {k: s.as_dict() for k, s in scores.items()}
                for doc, scores in result.per_document.items()
            },
            "merged_pairs": result.merged_pairs,
        }
        console.print_json(json.dumps(payload, ensure_ascii=False))
        return
    table = Table("kind", "gold", "extracted", "matched", "precision", "recall")
    for kind, s in result.scores.items():
        table.add_row(kind, str(s.gold), str(s.extracted), str(s.matched), _pct(s.precision), _pct(s.recall))
    console.print(table)
    console.print(f"{result.documents} documents; forbidden merges: {len(result.merged_pairs)}")


@app.command("fit-confidence")
def fit_confidence(
    annotated: list[str] = typer.Option(
        ["sample_data=tests/gold", "tests/data/corpus-dev=tests/data/corpus-dev/gold.json"],
        "--annotated",
        metavar="DOCUMENTS=GOLD",
        help="DOCUMENTS=GOLD: documents and their gold (folder of <stem>.json, or a gold.json); repeatable.",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Fit and report, but keep the stored weights."),
) -> None:
    """Refit the confidence of structural candidates from annotated documents, and report precision
    and recall on the documents held back from the fit (no database needed)."""
    from ingest.confidence_fit import fit, from_corpus_gold, from_gold_folder
    from ingest.extractors.confidence import evaluating
    from ingest.pipeline import expand
    from ingest.quality import evaluate, totals
    from ingest.quality_corpus import evaluate_corpus, load_gold

    sets: list[tuple[list[Path], Path]] = []
    for entry in annotated:
        folder, _, gold_name = entry.partition("=")
        if not gold_name:
            raise fail(f"--annotated takes DOCUMENTS=GOLD, not {entry!r}")
        sets.append((expand([Path(folder)]), Path(gold_name)))
    documents = []
    for paths, gold in sets:
        documents += from_corpus_gold(paths, gold) if gold.is_file() else from_gold_folder(paths, gold)
    with console.status("Fitting …"):
        report, train_model = fit(documents, write=not dry_run)
    console.print(
        f"{report.rows} candidates from {report.documents} documents, {report.positives} correct; "
        f"{len(report.model.weights)} weights {'(not written)' if dry_run else 'written'}."
    )
    held = set(report.held_out)
    console.print("Held back from the fit: " + ", ".join(sorted(held)))
    table = Table("gold", "kind", "gold items", "extracted", "matched", "precision", "recall")
    with evaluating(train_model):
        for paths, gold in sets:
            held_paths = [p for p in paths if p.name in held]
            if not held_paths:
                continue
            if gold.is_file():
                scores = evaluate_corpus(held_paths, load_gold(gold)).scores
            else:
                scores = totals(evaluate([(p, gold / f"{p.stem}.json") for p in held_paths]))
            for kind, s in scores.items():
                if kind == "actors_must_exist":
                    continue  # listed once for the whole corpus: no figure for a part of it
                table.add_row(
                    str(gold),
                    kind,
                    str(s.gold),
                    str(s.extracted),
                    str(s.matched),
                    _pct(s.precision),
                    _pct(s.recall),
                )
    console.print(table)
