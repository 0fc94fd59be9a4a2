"""`projektdb bench`: the synthetic national corpus at several sizes, measured; results as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from projektdb.app import app, console, err, fail


@app.command()
def bench(
    json_path: Path = typer.Option(..., "--json", help="Where to write the results (JSON)."),
    quick: bool = typer.Option(False, "--quick", help="One small size, few runs: checks that it works (CI)."),
    sizes: str = typer.Option("1000,10000,50000", "--sizes", help="Numbers of projects, comma-separated."),
    seed: int = typer.Option(20240209, "--seed", help="Seed of the synthetic corpus."),
    runs: int = typer.Option(50, "--runs", help="Timed runs per latency measure (after warm-up)."),
    heap: str = typer.Option("2g", "--heap", help="Heap of the benchmark's own Neo4j."),
    pagecache: str = typer.Option("1g", "--pagecache", help="Page cache of the benchmark's own Neo4j."),
    no_pages: bool = typer.Option(False, "--no-pages", help="Do not render the app's pages."),
    use_configured: bool = typer.Option(
        False, "--use-configured", help="Use the configured database instead of a dedicated one: EMPTIES it."
    ),
    yes: bool = typer.Option(False, "--yes", help="Do not ask before emptying the configured database."),
) -> None:
    """Generate the national corpus, ingest it into a fresh database and measure every query and page."""
    from projektdb.bench.runner import BenchOptions, run_benchmark

    try:
        wanted = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError as error:
        raise fail(f"--sizes takes numbers separated by commas, not {sizes!r}") from error
    if not wanted or min(wanted) < 1:
        raise fail("--sizes needs at least one positive number of projects")
    if use_configured and not yes:
        typer.confirm("This deletes everything in the configured database. Go on?", abort=True)
    common: dict[str, Any] = {"seed": seed, "use_configured": use_configured, "render_pages": not no_pages}
    if quick:
        options = BenchOptions.quick_run(**common)
    else:
        options = BenchOptions(sizes=wanted, runs=runs, heap=heap, pagecache=pagecache, **common)
    json_path.parent.mkdir(parents=True, exist_ok=True)

    def write(report: dict) -> None:  # after every size, so a long run keeps what it measured
        json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    results = run_benchmark(options, log=lambda message: err.print(f"[dim]{message}[/dim]"), on_size=write)
    for size in results["sizes"]:
        missed = [name for name, t in size["targets"].items() if t["met"] is False]
        console.print(
            f"{size['projects']} projects: {size['ingest']['documents_per_s']} documents/s, "
            f"ratio {size['loader']['batched_vs_naive_ratio']}, "
            + ("targets missed: " + ", ".join(missed) if missed else "no target missed")
        )
    console.print(f"Wrote {json_path}.")
