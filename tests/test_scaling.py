"""Reading and extracting one long text file takes time in proportion to its length (ratios only: the
machine's speed does not matter, only how the time grows)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest.extractors import extract
from ingest.readers import read_document
from tests.conftest import FARDPLAN

pytestmark = pytest.mark.slow  # about twenty seconds of reading and extraction

# each copy of the sample plan is about another county's, so names differ from copy to copy
_COUNTIES = ["Sörmland", "Värmland", "Halland", "Dalarna", "Jämtland", "Gotland", "Kronoberg", "Blekinge"]
_TOWNS = ["Eskilstuna", "Karlstad", "Halmstad", "Falun", "Östersund", "Visby", "Växjö", "Karlskrona"]
_BASE_COPIES = 2  # about 70 KB; the sample is a 35 KB färdplan with tables, lists and decisions
_MAX_RATIO = 5.0  # four times the text may take at most five times as long


def _plans(copies: int) -> str:
    sample = FARDPLAN.read_text(encoding="utf-8")
    places = [(_COUNTIES[i % len(_COUNTIES)], _TOWNS[i % len(_TOWNS)]) for i in range(copies)]
    return "\n\n".join(
        sample.replace("Sörmland", county).replace("Eskilstuna", town) for county, town in places
    )


def _seconds(path: Path) -> float:
    """CPU seconds to read and extract the file (another process on the machine does not count)."""
    started = time.process_time()
    extract(read_document(path))
    return time.process_time() - started


def test_time_grows_linearly_with_the_length_of_one_text_file(tmp_path: Path) -> None:
    paths = {}
    for factor in (1, 2, 4):
        paths[factor] = tmp_path / f"plan-{factor}x.txt"
        paths[factor].write_text(_plans(_BASE_COPIES * factor), encoding="utf-8")
    _seconds(paths[1])  # loads the lexicons and compiles the patterns once
    # the faster of two runs: other work on the machine only ever adds time
    seconds = {factor: min(_seconds(path), _seconds(path)) for factor, path in paths.items()}
    assert seconds[4] / seconds[1] <= _MAX_RATIO, {f"{factor}x": round(s, 2) for factor, s in seconds.items()}
