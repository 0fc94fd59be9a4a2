"""Readers and classification, on the real sample texts and on PDF/DOCX files built by docgen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ingest.readers as readers
from domain.document import ReadError, SourceDocument
from ingest.readers import read_document
from ingest.readers.places import COUNTIES, MUNICIPALITY_COUNTY, count_counties, county_of
from ingest.readers.text_tables import find_text_tables, looks_like_header
from tests.docgen import (
    make_docx,
    make_encrypted_pdf,
    make_pdf,
    make_scanned_pdf,
    make_two_column_pdf,
    make_zip_bomb_docx,
)

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"
ACTIVITY_HEADER = ["Mål", "Aktivitet", "Tidsplan", "Ansvarig"]


def sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def error_of(path: Path, data: bytes | None = None, file_name: str | None = None) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_document(path, data=data, file_name=file_name)
    return caught.value


# --- the five real documents -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "kind", "county", "date"),
    [
        ("000", "protokoll", "Sörmland", None),
        ("001", "färdplan", "Sörmland", "2024"),
        ("002", "målbild", "Örebro län", "2021-12-01"),
        ("003", "projektrapport", "Sörmland", None),
        ("004", "lokal plan", "Örebro län", "2023-10-26"),
    ],
)
def test_samples_are_classified(prefix: str, kind: str, county: str, date: str | None) -> None:
    doc = read_document(sample(prefix))
    assert (doc.kind, doc.county, doc.date) == (kind, county, date)
    assert doc.media_type == "text/plain"
    assert doc.title and len(doc.title) <= 200


def test_sample_titles() -> None:
    assert read_document(sample("001")).title == "Färdplan Nära vård och hälsa i Sörmland"
    assert read_document(sample("002")).title == "Gemensam målbild nära vård i Örebro län"
    assert read_document(sample("004")).title == "Färdplan nära vård Askersund"  # all caps in the file
    assert "Länsgemensam målbild för Nära vård i Sörmland" in read_document(sample("000")).title
    assert "Nära vård i Sörmland" in read_document(sample("003")).title


@pytest.mark.parametrize(
    "head",
    [
        "TITLE: Digitala vårdmöten i Sörmland\nSOURCE: https://www.regionsormland.se/vardmoten\n\n",
        "SOURCE: Region Sörmland\nTITLE: Digitala vårdmöten i Sörmland\n\n",
        "# TITEL: Digitala vårdmöten i Sörmland\n\n",
    ],
)
def test_a_title_line_gives_the_title_without_its_label(head: str, tmp_path: Path) -> None:
    path = tmp_path / "vardmoten.md"
    path.write_text(head + "Region Sörmland erbjuder digitala vårdmöten för äldre.\n", encoding="utf-8")
    assert read_document(path).title == "Digitala vårdmöten i Sörmland"


def test_sample_text_is_kept_as_written() -> None:
    path = sample("001")
    doc = read_document(path)
    assert doc.id == __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    assert doc.pages[0].text == path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert "Sörmland" in doc.text and "Ã" not in doc.text


def test_fardplan_activity_tables() -> None:
    doc = read_document(sample("001"))
    page = doc.pages[0]
    tables = page.tables
    assert len(tables) == 5
    assert all(table.rows[0] == ACTIVITY_HEADER for table in tables)
    assert [len(table.rows) - 1 for table in tables] == [5, 5, 7, 8, 5]
    for table in tables:
        assert all(len(row) == 4 for row in table.rows)
        assert page.text[table.start :].startswith("Mål\tAktivitet\tTidsplan\tAnsvarig")
        assert not any(set(cell) <= {"-"} and cell for row in table.rows for cell in row)
    # rows written after blank lines (a page break in the source) stay in their table
    first = [row[1] for row in tables[0].rows]
    assert any(text.startswith("En förstudie ska upprättas") for text in first)
    fourth = tables[3].rows
    assert fourth[-1][3] == "Samordnas av Läns-gemensamt Regionalt Stöd"
    assert fourth[1][1] == "VFU samordning för sjuksköterskor och socionomer"  # caption row left out


def test_table_of_contents_and_page_furniture_are_not_tables() -> None:
    assert read_document(sample("002")).pages[0].tables == []
    doc = read_document(sample("000"))
    assert [table.rows[0] for table in doc.pages[0].tables] == [
        ["Behandlat av", "Mötesdatum", "Ärendnr"],
        ["Organisation", "➔", "Person och relation"],
    ]


# --- text tables -------------------------------------------------------------------------------


def test_text_tables_pipe_and_tab() -> None:
    text = (
        "Inledning\n\n| Mål | Ansvarig |\n|---|---|\n| Öka SIP | Region |\n\nBrödtext.\n"
        "a\tb\tc\n1\t2\t3\nEn rad till\nx\ty\tz\n"
    )
    tables = find_text_tables(text, page=3)
    assert [table.rows for table in tables] == [
        [["Mål", "Ansvarig"], ["Öka SIP", "Region"]],
        [["a", "b", "c"], ["1", "2", "3"]],
    ]
    assert all(table.page == 3 for table in tables)
    assert text[tables[0].start :].startswith("| Mål |")
    assert text[tables[1].start :].startswith("a\tb\tc")


def test_text_tables_need_same_width() -> None:
    tables = find_text_tables("a\tb\tc\n1\t2\t3\t4\n5\t6\t7\t8\n")
    assert [table.rows for table in tables] == [[["1", "2", "3", "4"], ["5", "6", "7", "8"]]]


def test_looks_like_header() -> None:
    assert looks_like_header(ACTIVITY_HEADER)
    assert not looks_like_header(
        ["Öka antalet patienter med fast läkarkontakt i hela länet.", "2024", "Region"]
    )
    assert not looks_like_header(["2021", "2022", "2023"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab |\t\n-:\f.1åÖ ")), max_size=400))
def test_text_table_detector_never_crashes(text: str) -> None:
    for table in find_text_tables(text):
        assert len(table.rows) >= 2
        assert 0 <= table.start < len(text)
        assert len({len(row) for row in table.rows}) == 1


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_text_table_detector_on_any_unicode(text: str) -> None:
    find_text_tables(text)


# --- encodings ---------------------------------------------------------------------------------

SWEDISH = (
    "Färdplan för Sörmland\n\nRegion Sörmland och Örebro län – åäö ÅÄÖ é.\n"
    "Mål\tAktivitet\tAnsvarig\nA\tB\tC\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = SWEDISH.replace("–", "-") if encoding == "latin-1" else SWEDISH
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.pages[0].text == text
    assert doc.pages[0].tables[0].rows == [["Mål", "Aktivitet", "Ansvarig"], ["A", "B", "C"]]


def test_short_cp1252_text(tmp_path: Path) -> None:
    path = tmp_path / "kort.txt"
    path.write_bytes("Sörmland åäö".encode("cp1252"))
    assert read_document(path).pages[0].text == "Sörmland åäö"


def test_crlf_and_form_feed_pages(tmp_path: Path) -> None:
    path = tmp_path / "sidor.txt"
    path.write_bytes("Sida ett\r\nrad två\r\n\fSida två\rslut\f\n".encode())
    doc = read_document(path)
    assert [(page.number, page.text) for page in doc.pages] == [
        (1, "Sida ett\nrad två\n"),
        (2, "Sida två\nslut"),
    ]


CONTROLS_PLAN = (
    "# Lokal plan för nära vård i Flen\n\n"
    "Kommunen och regionen arbetar tillsammans med omställningen till nära vård i Flen under 2024.\n\n"
    "## Projekt\n\n"
    "Projekt\x00et Trygg hemgång startade 2023 och pågår till 2025. Det leds av Flens kommun.\n\n"
    "In\x01satsen Mobila team\x02 ger vård i hemmet.\x0bVårdcentralen deltar.\n\n"
    "Aktivitet\tAnsvarig\tTidsplan\n"
    "Hemgångs\x00stöd\tFlens kommun\t2024\n"
    "Mobila\x1f team\tRegion Sörmland\t2025\n"
)


def _without_controls(text: str) -> str:
    return text.replace("\x0b", "\n").translate({code: None for code in (0, 1, 2, 0x1F)})


def _projects(doc: SourceDocument) -> list[str]:
    from ingest.extractors import extract

    return sorted(e.name for e in extract(doc).entities if e.label == "Project")


def test_control_characters_in_text_are_removed_and_words_stay_whole(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_text(CONTROLS_PLAN, encoding="utf-8")
    (tmp_path / "ren.txt").write_text(_without_controls(CONTROLS_PLAN), encoding="utf-8")
    doc, clean = read_document(tmp_path / "nul.txt"), read_document(tmp_path / "ren.txt")
    assert doc.pages[0].text == clean.pages[0].text
    assert "Projektet Trygg hemgång" in doc.pages[0].text and "Insatsen Mobila team ger" in doc.pages[0].text
    table = doc.pages[0].tables[0]
    assert table.rows[1:] == [
        ["Hemgångsstöd", "Flens kommun", "2024"],
        ["Mobila team", "Region Sörmland", "2025"],
    ]
    assert table.start == clean.pages[0].tables[0].start  # moved with the text
    assert [b.text for b in doc.blocks] == [b.text for b in clean.blocks]
    assert _projects(doc) == _projects(clean)  # no "satsen Mobila team" from a split word


def _docx_with_text_replaced(path: Path, old: str, new: bytes) -> Path:
    """python-docx refuses to write a NUL, as any XML writer should: put it into the XML by hand."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "word/document.xml":
                content = content.replace(old.encode(), new)
            target.writestr(entry, content)
    path.write_bytes(buffer.getvalue())
    return path


def test_control_characters_in_docx_are_removed_and_words_stay_whole(tmp_path: Path) -> None:
    blocks = [
        ("h1", "Lokal plan för nära vård i Flen"),
        ("p", "PROJEKTET Trygg hemgång startade 2023 och pågår till 2025."),
        ("p", "INSATSEN Mobila team ger vård i hemmet."),
        ("table", [["Aktivitet", "Ansvarig"], ["HEMGÅNGSSTÖD", "Flens kommun"]]),
    ]
    path = make_docx(tmp_path / "nul.docx", blocks)
    _docx_with_text_replaced(path, "PROJEKTET", b"Projekt\x00et")
    _docx_with_text_replaced(path, "INSATSEN", b"In&#1;satsen")
    _docx_with_text_replaced(path, "HEMGÅNGSSTÖD", "Hemgångs\x1fstöd".encode())
    doc = read_document(path)  # refused as a damaged Word file before
    text = doc.pages[0].text
    assert "Projektet Trygg hemgång startade" in text and "Insatsen Mobila team" in text
    assert doc.pages[0].tables[0].rows[1] == ["Hemgångsstöd", "Flens kommun"]
    assert not any(ord(char) < 32 and char not in "\t\n" for char in text)


# --- PDF and DOCX ------------------------------------------------------------------------------

BLOCKS = [
    ("title", "Färdplan nära vård i Västmanland 2025–2027"),
    ("p", "Region Västmanland och Västerås stad samverkar. Sörmland nämns en gång."),
    ("h1", "Fokusområde Delaktighet"),
    ("table", [ACTIVITY_HEADER, ["Öka SIP", "Utbildning i SIP", "2025", "Region Västmanland"]]),
    ("pagebreak", None),
    ("h2", "Fokusområde Digitalisering"),
    ("p", "Digitala vårdmöten för äldre i Köping."),
    (
        "table",
        [
            ["Mål", "Aktivitet", "Tidsplan"],
            ["Digitalt först", "Skärmbesök", "Påbörjas 2026"],
            ["x", "y", "z"],
        ],
    ),
]


def _check_generated(doc: SourceDocument) -> None:
    assert [page.number for page in doc.pages] == [1, 2]
    assert (doc.kind, doc.county, doc.date) == ("färdplan", "Västmanlands län", "2025")
    assert doc.title.startswith("Färdplan nära vård i Västmanland")
    first, second = doc.pages
    assert "Fokusområde Delaktighet" in first.text and "Digitalisering" not in first.text
    assert "Köping" in second.text
    assert [table.rows for table in first.tables] == [
        [ACTIVITY_HEADER, ["Öka SIP", "Utbildning i SIP", "2025", "Region Västmanland"]]
    ]
    assert second.tables[0].rows[1] == ["Digitalt först", "Skärmbesök", "Påbörjas 2026"]
    for page in doc.pages:
        for table in page.tables:
            assert table.page == page.number
            assert page.text[table.start :].startswith("\t".join(table.rows[0]))
            assert "\t".join(table.rows[1]) in page.text


def test_pdf_text_tables_and_pages(tmp_path: Path) -> None:
    doc = read_document(make_pdf(tmp_path / "plan.pdf", BLOCKS))
    assert doc.media_type == "application/pdf"
    _check_generated(doc)


def test_docx_text_tables_and_pages(tmp_path: Path) -> None:
    doc = read_document(make_docx(tmp_path / "plan.docx", BLOCKS))
    assert doc.media_type.endswith("wordprocessingml.document")
    _check_generated(doc)
    assert "# Fokusområde Delaktighet" in doc.pages[0].text
    assert "## Fokusområde Digitalisering" in doc.pages[1].text
    # body order: the table stands between its heading and the next page's content
    text = doc.pages[0].text
    assert text.index("Fokusområde Delaktighet") < text.index("Öka SIP")


def test_upload_bytes_with_name(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "x.docx", BLOCKS).read_bytes()
    doc = read_document(Path("uppladdad.docx"), data=data)
    assert doc.file_name == "uppladdad.docx" and doc.kind == "färdplan"
    doc = read_document(Path("ignored"), data=data, file_name="annat.docx")
    assert doc.file_name == "annat.docx"


def test_protocol_and_local_plan_in_docx(tmp_path: Path) -> None:
    protocol = [
        ("p", "Protokollsutdrag"),
        ("p", "Sammanträdesdatum 2023-05-17"),
        ("h1", "Socialnämnden § 42 Handlingsplan för nära vård i Gnesta kommun"),
        ("p", "Nämnden beslutar att anta handlingsplanen."),
        ("p", "Justerandes sign"),
    ]
    doc = read_document(make_docx(tmp_path / "p.docx", protocol))
    assert (doc.kind, doc.county, doc.date) == ("protokoll", "Sörmland", "2023-05-17")
    local = [("title", "Handlingsplan nära vård Kiruna kommun"), ("p", "Mars 2022"), ("p", "Text.")]
    doc = read_document(make_docx(tmp_path / "l.docx", local))
    assert (doc.kind, doc.county, doc.date) == ("lokal plan", "Norrbottens län", "2022-03")


def test_nested_docx_table_is_read_as_a_table_of_its_own(tmp_path: Path) -> None:
    import docx

    from domain.document import BlockKind

    document = docx.Document()
    document.add_heading("Lokal plan för nära vård i Flen", level=1)
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "Område", "Projekt"
    outer.cell(1, 0).text = "Hemsjukvård"
    cell = outer.cell(1, 1)
    cell.text = "Pågående projekt:"
    nested = cell.add_table(rows=4, cols=3)
    projects = [
        ["Aktivitet", "Ansvarig", "Tidsplan"],
        ["Trygg hemgång", "Flens kommun", "2024"],
        ["Mobila team", "Region Sörmland", "2025"],
        ["Digitala vårdmöten", "Vårdcentralen Flen", "2026"],
    ]
    for r, row in enumerate(projects):
        for c, value in enumerate(row):
            nested.cell(r, c).text = value
    cell.add_paragraph("Fler projekt planeras.")
    document.add_paragraph("Planen följs upp varje år.")
    document.save(str(tmp_path / "nästlad.docx"))

    doc = read_document(tmp_path / "nästlad.docx")
    page = doc.pages[0]
    # the outer cell keeps its own text; the nested table follows the outer one as a table of its own
    assert [table.rows for table in page.tables] == [
        [["Område", "Projekt"], ["Hemsjukvård", "Pågående projekt: Fler projekt planeras."]],
        projects,
    ]
    for table in page.tables:  # each table's rows are tab-separated lines where the table starts
        assert page.text[table.start :].startswith("\t".join(table.rows[0]))
    blocks = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert [list(map(list, b.rows)) for b in blocks] == [table.rows for table in page.tables]
    assert page.text.index("Digitala vårdmöten\tVårdcentralen Flen\t2026") < page.text.index("Planen följs")


LEFT_COLUMN = [
    "Projektet Trygg hemgång startade i januari 2024 och ska göra det tryggare för äldre att komma hem "
    "från sjukhuset. Kommunens hemsjukvård och vårdcentralen planerar hemgången tillsammans.",
    "Under våren utbildades all personal i samordnad individuell plan, och fler patienter fick en plan "
    "redan innan de skrevs ut från sjukhuset i Nyköping.",
]
RIGHT_COLUMN = [
    "Projektet Mobila team ger vård i hemmet till patienter med stora behov. Teamet består av "
    "sjuksköterskor, läkare och rehabiliteringspersonal från regionen och kommunen.",
    "Teamet arbetar dygnet runt sedan hösten 2024 och följs upp av styrgruppen för nära vård varje "
    "kvartal med gemensamma mått på besök och återinläggningar.",
]


def _sentences(paragraphs: list[str]) -> list[str]:
    return [s.strip() + "." for text in paragraphs for s in text.split(".") if s.strip()]


def test_two_column_pdf_is_read_one_column_after_the_other(tmp_path: Path) -> None:
    path = make_two_column_pdf(tmp_path / "nyhetsbrev.pdf", "Nyhetsbrev nära vård", LEFT_COLUMN, RIGHT_COLUMN)
    doc = read_document(path)
    text = " ".join(doc.pages[0].text.split())  # line breaks within a column are layout
    assert text.startswith("Nyhetsbrev nära vård")
    sentences = _sentences(LEFT_COLUMN) + _sentences(RIGHT_COLUMN)
    positions = {sentence: text.find(sentence) for sentence in sentences}
    assert -1 not in positions.values(), [s for s, p in positions.items() if p < 0]  # whole sentences
    assert list(positions.values()) == sorted(positions.values())  # the whole left column, then the right


def test_one_column_pdf_is_not_split_into_columns(tmp_path: Path) -> None:
    import pdfplumber

    from ingest.readers.pdf import column_gutter

    blocks = [("h1", "Nyhetsbrev nära vård")] + [("p", text) for text in LEFT_COLUMN + RIGHT_COLUMN] * 3
    with pdfplumber.open(make_pdf(tmp_path / "en-spalt.pdf", blocks)) as pdf:
        assert column_gutter(pdf.pages[0]) is None
    text = " ".join(read_document(tmp_path / "en-spalt.pdf").pages[0].text.split())
    assert all(sentence in text for sentence in _sentences(LEFT_COLUMN + RIGHT_COLUMN))


# --- bad input ---------------------------------------------------------------------------------


def test_empty_and_whitespace(tmp_path: Path) -> None:
    (tmp_path / "tom.txt").write_bytes(b"")
    assert error_of(tmp_path / "tom.txt").message == "Filen är tom."
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\r\n  \f ")
    assert error_of(tmp_path / "blank.txt").message == "Filen innehåller ingen text."


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "skräp.txt"
    path.write_bytes(os.urandom(4000))
    assert "inte läsbar text" in error_of(path).message
    path.write_bytes(bytes(range(1, 32)) * 50)
    assert "inte läsbar text" in error_of(path).message


def test_missing_file(tmp_path: Path) -> None:
    assert error_of(tmp_path / "finns-inte.pdf").message.startswith("Filen hittades inte")


def test_pdf_named_txt_and_text_named_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", BLOCKS).read_bytes()
    assert read_document(Path("plan.txt"), data=pdf).media_type == "application/pdf"
    doc = read_document(Path("plan.pdf"), data="Färdplan för Sörmland\n".encode("cp1252"))
    assert doc.media_type == "text/plain" and doc.county == "Sörmland"
    junk = os.urandom(3000).replace(b"%PDF-", b"")
    assert "Filen heter .pdf men är ingen PDF-fil" in error_of(Path("x.pdf"), data=b"\x00" + junk).message


def test_docx_named_pdf(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "a.docx", BLOCKS).read_bytes()
    assert read_document(Path("plan.pdf"), data=data).media_type.endswith("document")


def test_encrypted_pdf(tmp_path: Path) -> None:
    message = error_of(make_encrypted_pdf(tmp_path / "låst.pdf")).message
    assert message == "PDF-filen är lösenordsskyddad och kan inte läsas."


def test_scanned_pdf(tmp_path: Path) -> None:
    assert error_of(make_scanned_pdf(tmp_path / "skannad.pdf")).message.startswith(
        "Ingen textrad hittades: är det en skannad PDF?"
    )


def test_corrupt_and_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "a.pdf", BLOCKS).read_bytes()
    assert error_of(Path("halv.pdf"), data=data[: len(data) // 3]).message.startswith("PDF-filen är skadad")
    assert error_of(Path("skräp.pdf"), data=b"%PDF-1.7\n" + b"trasig " * 100).message.startswith(
        "PDF-filen är skadad"
    )


def test_truncated_and_corrupt_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "a.docx", BLOCKS).read_bytes()
    assert "skadad" in error_of(Path("halv.docx"), data=data[: len(data) // 2]).message
    broken = data.replace(b"word/document.xml", b"word/documenX.xml")
    assert error_of(Path("fel.docx"), data=broken).message.startswith("Filtypen stöds inte")


def test_zip_bomb_docx(tmp_path: Path) -> None:
    path = make_zip_bomb_docx(tmp_path / "bomb.docx", megabytes=250)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert "zip-bomb" in error_of(path).message


def test_unsupported_types(tmp_path: Path) -> None:
    import zipfile

    xlsx = tmp_path / "tabell.xlsx"
    with zipfile.ZipFile(xlsx, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert error_of(xlsx).message.startswith("Filtypen stöds inte (Excel")
    png = b"\x89PNG\r\n\x1a\n" + bytes(100)
    assert error_of(Path("bild.txt"), data=png).message.startswith("Filtypen stöds inte")
    doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    assert ".doc" in error_of(Path("gammal.doc"), data=doc).message


def test_file_over_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "stor.txt"
    path.write_text("Färdplan " * 200, encoding="utf-8")
    assert error_of(path).message.startswith("Filen är för stor")
    assert error_of(Path("stor.txt"), data=b"a" * 1001).message.startswith("Filen är för stor")
    assert read_document(Path("liten.txt"), data=b"Sm\xe5 ord").pages[0].text == "Små ord"


# --- places ------------------------------------------------------------------------------------


def test_places() -> None:
    assert len(COUNTIES) == 21 and len(MUNICIPALITY_COUNTY) == 290
    assert "Sörmland" in COUNTIES and "Örebro län" in COUNTIES
    assert county_of("Region Sörmland") == "Sörmland"
    assert county_of("Södermanlands län") == "Sörmland"
    assert county_of("Askersunds kommun") == "Örebro län"
    assert county_of("Örebro") == "Örebro län"
    assert county_of("Ingenstans") is None
    # ambiguous names count only with "kommun": "vara" the verb is no place
    assert count_counties("Vara en del av Mark och Berg.") == {}
    assert count_counties("Vara kommun och Lunds kommun") == {"Västra Götalands län": 1, "Skåne län": 1}


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=1000).map(str.encode))
def test_any_bytes_give_a_document_or_a_read_error(data: bytes) -> None:
    try:
        doc = read_document(Path("fuzz.txt"), data=data)
    except ReadError as error:
        assert error.message
    else:
        assert doc.pages and doc.kind in (
            "färdplan",
            "målbild",
            "protokoll",
            "projektrapport",
            "lokal plan",
            "övrigt",
        )
