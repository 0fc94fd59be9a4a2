"""Quoted passages found in a page's text and the page cut into marked pieces (domain.passages)."""

from domain.passages import Mark, locate, pieces

PAGE = "Inledning\n\nProjektet   Tryggt hem\nstartade 2024 i Katrineholm.\n\nSlut."


def test_stored_offsets_are_used_when_they_fit() -> None:
    start = PAGE.index("Tryggt")
    assert locate(PAGE, "whatever", start, start + 10) == (start, start + 10)


def test_a_quote_with_folded_spaces_is_found_again_across_line_breaks() -> None:
    span = locate(PAGE, "Projektet Tryggt hem startade 2024")
    assert span is not None
    assert PAGE[span[0] : span[1]] == "Projektet   Tryggt hem\nstartade 2024"


def test_offsets_outside_the_page_fall_back_to_the_words() -> None:
    span = locate(PAGE, "startade 2024", 500, 520)
    assert span is not None and PAGE[span[0] : span[1]] == "startade 2024"


def test_a_quote_cut_at_its_end_is_found_by_its_first_words() -> None:
    quote = "Projektet Tryggt hem startade 2024 i Katrineholm. Slut. " + " ".join(["mer"] * 20)
    span = locate(PAGE, quote)
    assert span is not None and PAGE[span[0] :].startswith("Projektet")


def test_a_quote_the_page_does_not_hold_is_not_placed() -> None:
    assert locate(PAGE, "Ett helt annat citat") is None
    assert locate(PAGE, "") is None


def test_pieces_cover_the_text_once_and_carry_the_marks_over_them() -> None:
    a = Mark(PAGE.index("Projektet"), PAGE.index("startade"), "Project", "Tryggt hem")
    b = Mark(PAGE.index("Tryggt"), PAGE.index("Katrineholm") + len("Katrineholm"), "Actor", "Katrineholm")
    parts = pieces(PAGE, [b, a, Mark(900, 950)])
    assert "".join(p.text for p in parts) == PAGE
    assert [p.start for p in parts] == sorted(p.start for p in parts)
    both = [p for p in parts if len(p.marks) == 2]
    assert len(both) == 1 and both[0].text == "Tryggt hem\n"
    assert {m.name for p in parts for m in p.marks} == {"Tryggt hem", "Katrineholm"}
    assert parts[0].marks == () and parts[-1].marks == ()
