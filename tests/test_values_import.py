"""Importing measure values from real CSV, XLSX and Kolada files into the real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from domain import places
from domain.municipality_codes import MUNICIPALITY_CODES, area_for_code
from graph.db import Graph
from graph.indicators import measure_values, value_history
from graph.settings import Settings
from ingest.values.load import import_values
from ingest.values.mapping import MappingError, map_measure_to_kolada
from tests.value_fixtures import CONTINUITY, SIP, VISITS, build_indicator_graph

HEADER = "mått;period;område;värde;enhet;källa"
GOOD_CSV = f"""{HEADER}
{CONTINUITY};2021;Eskilstuna;0,41;index;Vårdanalys
{CONTINUITY};2022;Eskilstuna kommun;0,43;index;Vårdanalys
{CONTINUITY};2022;Flen;0,38;index;Vårdanalys
{CONTINUITY};2022;Region Sörmland;0,40;index;Vårdanalys
{CONTINUITY};2022;Riket;0,45;index;Vårdanalys
"""


@pytest.fixture
def ids(graph: Graph) -> dict[str, str]:
    return build_indicator_graph(graph)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def current(graph: Graph, measure_id: str) -> dict[tuple[str, str], float]:
    return {(r["area"], r["period"]): r["value"] for r in measure_values(graph, measure_id)}


def test_csv_values_are_imported_with_areas_and_sources(graph: Graph, ids: dict, tmp_path: Path) -> None:
    report = import_values(
        graph, write(tmp_path / "kontinuitet.csv", GOOD_CSV), recorded_at="2024-03-01T10:00:00"
    )
    assert (report.rows_read, report.matched, report.unmatched, report.created) == (5, 5, 0, 5)
    assert report.imported and report.format == "csv"
    rows = {(r["area"], r["period"]): r for r in measure_values(graph, ids[CONTINUITY])}
    assert set(rows) == {
        ("Eskilstuna kommun", "2021"),
        ("Eskilstuna kommun", "2022"),
        ("Flens kommun", "2022"),
        ("Region Sörmland", "2022"),
        ("Riket", "2022"),
    }
    eskilstuna = rows[("Eskilstuna kommun", "2022")]
    assert eskilstuna["value"] == pytest.approx(0.43)
    assert (eskilstuna["area_kind"], eskilstuna["area_code"], eskilstuna["county"]) == (
        "kommun",
        "0484",
        "Sörmland",
    )
    assert (eskilstuna["unit"], eskilstuna["source"], eskilstuna["file"], eskilstuna["line"]) == (
        "index",
        "Vårdanalys",
        "kontinuitet.csv",
        3,
    )
    assert (rows[("Region Sörmland", "2022")]["area_kind"], rows[("Riket", "2022")]["area_kind"]) == (
        "region",
        "riket",
    )
    assert eskilstuna["version"] == 1 and eskilstuna["recorded_at"] == "2024-03-01T10:00:00"


def test_reimporting_the_same_file_changes_nothing(graph: Graph, ids: dict, tmp_path: Path) -> None:
    path = write(tmp_path / "kontinuitet.csv", GOOD_CSV)
    import_values(graph, path, recorded_at="2024-03-01T10:00:00")
    before = measure_values(graph, ids[CONTINUITY], history=True)
    again = import_values(graph, path, recorded_at="2024-04-01T10:00:00")
    assert (again.created, again.changed, again.unchanged, again.imported) == (0, 0, 5, True)
    assert measure_values(graph, ids[CONTINUITY], history=True) == before


def test_a_changed_value_becomes_a_new_version_and_the_old_one_is_kept(
    graph: Graph, ids: dict, tmp_path: Path
) -> None:
    import_values(graph, write(tmp_path / "v1.csv", GOOD_CSV), recorded_at="2024-03-01T10:00:00")
    revised = GOOD_CSV.replace("2022;Flen;0,38", "2022;Flen;0,39")
    report = import_values(graph, write(tmp_path / "v2.csv", revised), recorded_at="2024-05-02T09:30:00")
    assert (report.created, report.changed, report.unchanged) == (0, 1, 4)
    change = report.changes[0]
    assert (change.area, change.period, change.old, change.new, change.line) == (
        "Flens kommun",
        "2022",
        pytest.approx(0.38),
        pytest.approx(0.39),
        4,
    )
    versions = value_history(graph, ids[CONTINUITY], "Flens kommun", "2022")
    assert [(v["version"], v["value"], v["superseded"]) for v in versions] == [
        (1, pytest.approx(0.38), True),
        (2, pytest.approx(0.39), False),
    ]
    assert versions[0]["superseded_at"] == "2024-05-02T09:30:00"
    assert (versions[0]["file"], versions[1]["file"]) == ("v1.csv", "v2.csv")
    assert current(graph, ids[CONTINUITY])[("Flens kommun", "2022")] == pytest.approx(0.39)


BAD_CSV = f"""{HEADER}
{CONTINUITY};2022;Eskilstuna;0,43;index;Vårdanalys
Okänt mått;2022;Eskilstuna;1;index;x
{CONTINUITY};2022;Atlantis;1;index;x
{CONTINUITY};2021;Flen;många;index;x
{CONTINUITY};2022;Eskilstuna kommun;0,44;index;x
{CONTINUITY};2022-13;Flen;1;index;x
{CONTINUITY};2099;Flen;1;index;x
{SIP};2023;Trosa;120;antal;Region Sörmland
"""


def test_bad_rows_are_reported_with_lines_and_nothing_is_imported(
    graph: Graph, ids: dict, tmp_path: Path
) -> None:
    report = import_values(graph, write(tmp_path / "fel.csv", BAD_CSV))
    assert not report.imported and not report.ok
    assert (report.rows_read, report.matched, report.unmatched) == (8, 2, 6)
    reasons = {p.line: p.reason for p in report.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8]
    assert reasons[3] == "okänt mått: Okänt mått"
    assert reasons[4] == "okänt område: Atlantis"
    assert reasons[5] == "värdet är inte ett tal: många"
    assert reasons[6] == "dubblett: samma mått, område, period och kön som rad 2"
    assert reasons[7].startswith("omöjlig period: 2022-13")
    assert reasons[8] == "omöjlig period: 2099 ligger i framtiden"
    assert measure_values(graph, ids[CONTINUITY]) == [] and measure_values(graph, ids[SIP]) == []


def test_skip_invalid_imports_the_valid_rows_and_reports_the_rest(
    graph: Graph, ids: dict, tmp_path: Path
) -> None:
    report = import_values(graph, write(tmp_path / "fel.csv", BAD_CSV), skip_invalid=True)
    assert report.imported and report.ok and report.created == 2 and report.unmatched == 6
    assert current(graph, ids[CONTINUITY]) == {("Eskilstuna kommun", "2022"): pytest.approx(0.43)}
    assert current(graph, ids[SIP]) == {("Trosa kommun", "2023"): pytest.approx(120.0)}


def test_missing_columns_reject_the_file(graph: Graph, ids: dict, tmp_path: Path) -> None:
    report = import_values(graph, write(tmp_path / "utan.csv", "mått;år;värde\nx;2022;1\n"))
    assert not report.imported and report.error is not None and "område" in report.error


def test_windows_1252_csv_with_commas_and_quoted_decimals(graph: Graph, ids: dict, tmp_path: Path) -> None:
    text = (
        "Mått,År,Kommun,Värde,Enhet\n"
        f'"{SIP}",2022,Strängnäs,"1 204",antal\n'
        f'"{SIP}",2022-Q3,Nyköping,"17,5",antal\n'
    )
    report = import_values(graph, write(tmp_path / "sip.csv", text, encoding="cp1252"))
    assert report.imported and report.created == 2, report.rejected
    assert current(graph, ids[SIP]) == {
        ("Strängnäs kommun", "2022"): pytest.approx(1204.0),
        ("Nyköpings kommun", "2022-Q3"): pytest.approx(17.5),
    }


def test_xlsx_with_numbers_codes_and_english_headers(graph: Graph, ids: dict, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Measure", "Period", "Area", "Value", "Unit", "Source"])
    sheet.append([VISITS, 2022, 484, 61.5, "%", "Region Sörmland"])  # kommunkod without its leading 0
    sheet.append([VISITS, 2023, "0482", "58,0 %", None, "Region Sörmland"])
    sheet.append([VISITS, 2023, "Sörmland", 60, "%", "Region Sörmland"])
    sheet.append([])
    sheet.append([VISITS, "T2 2023", "Eskilstuna", "abc", "%", "x"])
    path = tmp_path / "besok.xlsx"
    book.save(path)
    report = import_values(graph, path, skip_invalid=True)
    assert report.format == "xlsx" and report.created == 3
    assert [(p.line, p.reason) for p in report.rejected] == [(6, "värdet är inte ett tal: abc")]
    rows = {(r["area"], r["period"]): r for r in measure_values(graph, ids[VISITS])}
    assert rows[("Eskilstuna kommun", "2022")]["value"] == pytest.approx(61.5)
    assert (rows[("Flens kommun", "2023")]["value"], rows[("Flens kommun", "2023")]["unit"]) == (
        pytest.approx(58.0),
        "%",
    )
    assert rows[("Sörmland", "2023")]["area_kind"] == "län"


def test_a_date_is_not_taken_for_a_period(graph: Graph, ids: dict, tmp_path: Path) -> None:
    from datetime import datetime

    book = Workbook()
    book.active.append(["mått", "period", "område", "värde"])
    book.active.append([VISITS, datetime(2022, 3, 1), "Eskilstuna", 1])
    book.save(tmp_path / "datum.xlsx")
    report = import_values(graph, tmp_path / "datum.xlsx")
    assert not report.imported and report.rejected[0].line == 2
    assert report.rejected[0].reason.startswith("okänd period: 2022-03-01")


def kolada_json(entries: list[dict]) -> str:
    return json.dumps({"count": len(entries), "values": entries, "next_page": None}, indent=2)


def kolada_entry(municipality: str, period: int, *values: tuple[str, float | None, str]) -> dict:
    return {
        "kpi": "N00945",
        "municipality": municipality,
        "period": period,
        "values": [{"gender": g, "status": s, "value": v, "count": 1} for g, v, s in values],
    }


def test_kolada_json_lands_on_the_mapped_measure(graph: Graph, ids: dict, tmp_path: Path) -> None:
    map_measure_to_kolada(graph, ids[SIP], "n00945")
    text = kolada_json(
        [
            kolada_entry("0484", 2022, ("T", 812.0, ""), ("K", 430.0, ""), ("M", 382.0, "")),
            kolada_entry("0004", 2022, ("T", 2900.0, "")),
            kolada_entry("0000", 2022, ("T", 98000.0, "")),
            kolada_entry("0482", 2022, ("T", None, "Saknas")),
            kolada_entry("9999", 2022, ("T", 1.0, "")),
        ]
    )
    path = write(tmp_path / "kolada.json", text)
    report = import_values(graph, path, skip_invalid=True)
    assert report.format == "kolada-json"
    assert (report.rows_read, report.created, len(report.skipped), report.unmatched) == (7, 5, 1, 1)
    assert report.skipped[0].reason == "värde saknas i Kolada (status Saknas)"
    bad_line = text.splitlines().index('      "municipality": "9999",') + 1
    gender_line = next(
        n for n, line in enumerate(text.splitlines(), 1) if n > bad_line and '"gender"' in line
    )
    assert [(p.line, p.reason) for p in report.rejected] == [(gender_line, "okänt område: 9999")]
    rows = measure_values(graph, ids[SIP], gender=None)
    found = {(r["area"], r["gender"]): (r["value"], r["source"], r["kolada_kpi"]) for r in rows}
    assert found == {
        ("Eskilstuna kommun", "T"): (812.0, "Kolada", "N00945"),
        ("Eskilstuna kommun", "K"): (430.0, "Kolada", "N00945"),
        ("Eskilstuna kommun", "M"): (382.0, "Kolada", "N00945"),
        ("Region Sörmland", "T"): (2900.0, "Kolada", "N00945"),
        ("Riket", "T"): (98000.0, "Kolada", "N00945"),
    }
    again = import_values(graph, path, skip_invalid=True)
    assert (again.created, again.changed, again.unchanged) == (0, 0, 5)


def test_kolada_values_of_an_unmapped_kpi_are_rejected(graph: Graph, ids: dict, tmp_path: Path) -> None:
    path = write(tmp_path / "kolada.json", kolada_json([kolada_entry("0484", 2022, ("T", 1.0, ""))]))
    report = import_values(graph, path)
    assert not report.imported
    assert report.rejected[0].reason.startswith("okänt mått: Kolada-KPI N00945 är inte kopplat")


def test_kolada_csv(graph: Graph, ids: dict, tmp_path: Path) -> None:
    map_measure_to_kolada(graph, ids[CONTINUITY], "N79004")
    text = (
        "kpi,municipality_id,municipality,period,gender,value,status\n"
        "N79004,0484,Eskilstuna,2021,T,0.41,\n"
        "N79004,0484,Eskilstuna,2022,T,0.43,\n"
        "N79004,0480,Nyköping,2022,T,,Saknas\n"
        "N79004,0480,Nyköping,2022,X,0.5,\n"
    )
    report = import_values(graph, write(tmp_path / "kolada.csv", text))
    assert report.format == "kolada-csv" and not report.imported
    assert [(p.line, p.reason) for p in report.rejected] == [(5, "okänt kön: X (skriv T, K eller M)")]
    report = import_values(graph, tmp_path / "kolada.csv", skip_invalid=True)
    assert report.created == 2 and len(report.skipped) == 1
    assert current(graph, ids[CONTINUITY]) == {
        ("Eskilstuna kommun", "2021"): pytest.approx(0.41),
        ("Eskilstuna kommun", "2022"): pytest.approx(0.43),
    }


def test_mapping_refuses_bad_ids_taken_kpis_and_unknown_measures(graph: Graph, ids: dict) -> None:
    with pytest.raises(MappingError, match="inget Kolada-KPI-id"):
        map_measure_to_kolada(graph, ids[SIP], "945")
    assert map_measure_to_kolada(graph, ids[SIP], "N00945")["kolada_kpi"] == "N00945"
    with pytest.raises(MappingError, match="redan kopplat till måttet Antal Samordnad"):
        map_measure_to_kolada(graph, ids[VISITS], "N00945")
    with pytest.raises(MappingError, match="finns inte"):
        map_measure_to_kolada(graph, "measure-none", "N00946")
    assert map_measure_to_kolada(graph, ids[SIP], None)["kolada_kpi"] is None
    assert map_measure_to_kolada(graph, ids[VISITS], "N00945")["kolada_kpi"] == "N00945"


@pytest.fixture
def cli_env(neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password or "")


def test_cli_import_values_and_map_kolada(graph: Graph, ids: dict, tmp_path: Path, cli_env: None) -> None:
    from projektdb.cli import app

    runner = CliRunner()
    bad = write(tmp_path / "fel.csv", BAD_CSV)
    result = runner.invoke(app, ["import-values", str(bad), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["rows_read"], report["matched"], report["unmatched"], report["imported"]) == (
        8,
        2,
        6,
        False,
    )
    assert [p["line"] for p in report["rejected"]] == [3, 4, 5, 6, 7, 8]
    result = runner.invoke(app, ["import-values", str(bad), "--skip-invalid"])
    assert result.exit_code == 0 and "2 nya" in result.stdout
    result = runner.invoke(app, ["map-kolada", SIP, "N00945"])
    assert result.exit_code == 0 and "N00945" in result.stdout
    assert map_measure_to_kolada(graph, ids[SIP], "N00945")["kolada_kpi"] == "N00945"
    result = runner.invoke(app, ["map-kolada", "Inget sådant mått", "N00946"])
    assert result.exit_code == 1


def test_every_municipality_has_its_code_in_its_county() -> None:
    assert len(MUNICIPALITY_CODES) == 290
    names = places.municipalities()
    for code in MUNICIPALITY_CODES:
        area = area_for_code(code)
        assert area is not None and area.kind == "kommun"
        assert names[area.name] == area.county
    assert {area_for_code(c).name for c in MUNICIPALITY_CODES} == set(names)  # type: ignore[union-attr]
    assert area_for_code("0004").name == "Region Sörmland"  # type: ignore[union-attr]
    assert area_for_code("0018").name == "Region Örebro län"  # type: ignore[union-attr]
    assert area_for_code("0000").kind == "riket"  # type: ignore[union-attr]
    assert area_for_code("0499") is None and area_for_code("0002") is None
