"""What people see when the machinery fails or a file is hostile: a Swedish message and exit code 1,
never a traceback, and nothing half-written (docs/bad-input.md, docs/reliability.md).

- a nearly full disk: writes refused before they start, reads answer, writes work again once there
  is space;
- the database killed in the middle of a CLI ingest;
- value files and workbooks beyond the limits, JSON nested too deep or with a number of 5 001 digits;
- escape codes in a file name never reach the terminal.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from graph import export, queries, workbook
from graph.db import DiskFull, Graph
from graph.server import LocalNeo4j
from graph.settings import PROJECT_ROOT, Settings
from ingest.pipeline import ingest_file
from ingest.values import rows
from ingest.values.read import read_value_file
from ingest.values.rows import ValueFileError
from projektdb.cli import app
from service import failures
from tests.conftest import FARDPLAN, SAMPLE_DIR
from tests.test_durability import big_plan, wait_for_open_write
from tests.test_durability import own_server as own_server  # the fixture: a server of the test's own


def _cli(
    settings: Settings, *args: str, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`projektdb ARGS` as a user runs it (through its entry point, main), against ``settings``."""
    env = os.environ.copy() | {
        "PROJEKTDB_DATA_DIR": str(settings.data_dir),
        "PROJEKTDB_BOLT_PORT": str(settings.bolt_port),
        **(extra or {}),
    }
    return subprocess.run(
        [sys.executable, "-c", "from projektdb.cli import main; main()", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


# --- a nearly full disk ------------------------------------------------------------------------------


def test_a_nearly_full_disk_refuses_writes_before_they_start_and_reads_go_on(
    graph: Graph, neo4j_settings: Settings
) -> None:
    other = next(path for path in sorted(SAMPLE_DIR.iterdir()) if path != FARDPLAN)
    assert ingest_file(graph, other).ok
    before = export.to_json(graph)
    full = dataclasses.replace(neo4j_settings, min_free_mb=10**9)  # "less free than needed"
    with Graph(full) as cramped:
        with pytest.raises(DiskFull) as refused:
            ingest_file(cramped, FARDPLAN)
        assert queries.documents(cramped)  # reads answer as before
    assert export.to_json(graph) == before  # nothing of the refused document
    message = failures.describe(refused.value)
    assert message is not None and message.startswith("Disken är full (") and "MB kvar" in message
    assert ingest_file(graph, FARDPLAN).ok  # with space again, the same write goes through


def test_the_cli_says_so_in_swedish_when_the_disk_is_nearly_full(
    graph: Graph, neo4j_settings: Settings
) -> None:
    done = _cli(neo4j_settings, "ingest", str(FARDPLAN), extra={"PROJEKTDB_MIN_FREE_MB": str(10**9)})
    assert done.returncode == 1
    assert "Disken är full" in done.stderr and "Traceback" not in done.stderr + done.stdout
    assert queries.documents(graph) == []


def test_describe_knows_the_servers_own_words_for_trouble() -> None:
    import neo4j.exceptions

    assert failures.describe(neo4j.exceptions.ServiceUnavailable("gone")) == failures.DATABASE_GONE
    assert failures.describe(OSError(28, "No space left on device")) == failures.DISK_FULL
    server_error = neo4j.exceptions.Neo4jError._hydrate_neo4j  # as the driver builds them from the server's
    oom = server_error(
        code="Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        message="The allocation of an extra 2.0 MiB would use more than the limit 1.0 GiB.",
    )
    assert failures.describe(oom) == failures.OUT_OF_MEMORY
    panic = server_error(
        code="Neo.TransientError.General.DatabaseUnavailable",
        message="The database has encountered a critical error, and needs to be restarted.",
    )
    assert failures.describe(panic) == failures.DATABASE_NEEDS_RESTART
    try:
        try:
            raise ConnectionResetError("reset")
        except ConnectionResetError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert failures.describe(outer) == failures.DATABASE_GONE  # found through the cause
    assert failures.describe(KeyError("a defect")) is None  # defects keep their traceback


# --- the database killed in the middle of a CLI ingest -------------------------------------------


@pytest.mark.db  # its own server, killed by the test
@pytest.mark.slow
def test_the_cli_says_so_in_swedish_when_the_database_dies_mid_ingest(
    own_server: tuple[LocalNeo4j, Settings], tmp_path: Path
) -> None:
    server, settings = own_server
    big = big_plan(tmp_path / "gen")
    env = os.environ.copy() | {
        "PROJEKTDB_DATA_DIR": str(settings.data_dir),
        "PROJEKTDB_BOLT_PORT": str(settings.bolt_port),
    }
    with Graph(settings) as graph:
        from graph import schema

        schema.migrate(graph)
        process = subprocess.Popen(
            [sys.executable, "-c", "from projektdb.cli import main; main()", "ingest", str(big)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        watcher = threading.Thread(target=process.wait, daemon=True)
        watcher.start()
        assert wait_for_open_write(graph, watcher), "the CLI's write transaction never showed up"
        server.kill()
        out, err = process.communicate(timeout=180)
    assert process.returncode == 1
    assert "Databasen svarar inte" in err, err
    assert "Traceback" not in out + err


# --- files beyond the limits -----------------------------------------------------------------------


def test_kolada_json_too_deep_or_with_an_absurd_number_is_refused_in_swedish() -> None:
    deep = b'{"values": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(ValueFileError, match="nästlad"):
        read_value_file(deep, "kolada.json")
    entry = {"kpi": "N00945", "municipality": "0480", "period": 2023, "values": [{"gender": "T", "value": 1}]}
    huge = json.dumps({"values": [entry]}).replace('"value": 1', '"value": ' + "9" * 5001).encode()
    with pytest.raises(ValueFileError, match="siffror"):
        read_value_file(huge, "kolada.json")


def test_a_value_file_over_the_row_limit_is_refused_quickly() -> None:
    lines = ["mått;period;område;värde"] + [
        f"Andel;2023;Eskilstuna;{i}" for i in range(rows.MAX_VALUE_ROWS + 5)
    ]
    data = ("\n".join(lines) + "\n").encode()
    began = time.perf_counter()
    with pytest.raises(ValueFileError, match="högst") as refused:
        read_value_file(data, "värden.csv")
    assert "100\u00a0005 värden" in refused.value.message
    assert time.perf_counter() - began < 30  # refused while reading, not after an import


def test_workbooks_over_the_limits_are_refused_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Projekt"
    sheet.merge_cells("A1:Z50000")  # 1.3 million cells: read cell by cell, it fills the memory
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(workbook.WorkbookError, match="sammanfogade"):
        workbook.read_workbook(buffer.getvalue())

    monkeypatch.setattr(workbook, "MAX_SHEET_ROWS", 100)
    book = Workbook()
    for number in range(150):
        book.active.append([f"rad {number}"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(workbook.WorkbookError, match="150 rader; högst 100"):
        workbook.read_workbook(buffer.getvalue())
    monkeypatch.setattr(workbook, "MAX_WORKBOOK_BYTES", 1000)
    with pytest.raises(workbook.WorkbookError, match="MB"):
        workbook.read_workbook(buffer.getvalue())


# --- the terminal --------------------------------------------------------------------------------------


def test_escape_codes_in_a_file_name_never_reach_the_terminal(
    graph: Graph, neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROJEKTDB_DATA_DIR", str(neo4j_settings.data_dir))
    monkeypatch.setenv("PROJEKTDB_BOLT_PORT", str(neo4j_settings.bolt_port))
    hostile = tmp_path / "plan\x1b[2J\x1b]0;titel\x07\u202eabc.txt"
    hostile.write_bytes(FARDPLAN.read_bytes())
    result = CliRunner().invoke(app, ["ingest", str(hostile)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    assert "plan" in result.output
    assert [d["file_name"] for d in queries.documents(graph)] == [hostile.name]  # the test's own database
