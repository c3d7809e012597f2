"""How questions are read and passages cut into answer units, on text of our own (no
corpus paper, no model): the mechanisms issue 6 asks to hold on any council's papers."""

from __future__ import annotations

from assistant.answer import units_of
from assistant.question import named_partnership, split_parts, understand
from assistant.ranking import answer_ranked
from assistant.retrieve import Hit
from ingest.types import Chunk, Fact, Where

PARTNERSHIPS = ["Safer Brackwater Partnership", "Ormsby Vale Community Safety Partnership"]


def _chunk(text: str, section: str = "3 Funding") -> Chunk:
    return Chunk(
        id="c1", text=text, embed_text=text, source="brackwater.md", part="Report",
        part_index=0, doc_type="report", section=section, page=1, date="2024-06-01",
        partnership=PARTNERSHIPS[0], start=0, end=len(text), dup_group="c1",
    )


def test_a_partnership_named_with_its_own_words_is_taken_out_of_what_is_searched():
    name, subject = named_partnership(
        "What makes a Safer Brackwater Partnership meeting quorate?", PARTNERSHIPS
    )
    assert name == "Safer Brackwater Partnership"
    assert "Brackwater" not in subject and "Safer" not in subject
    assert "quorate" in subject
    # Lower case "partnership" after the place is the partnership's name too.
    name, subject = named_partnership(
        "Who does the Ormsby Vale partnership report to?", PARTNERSHIPS
    )
    assert name == "Ormsby Vale Community Safety Partnership"
    assert subject == "Who does the partnership report to?"


def test_a_second_part_that_names_nothing_asks_about_the_first_parts_subject():
    parts = split_parts(
        "What is the domestic burglary rate in Brackwater, and which ward has the highest?"
    )
    assert len(parts) == 2
    assert "burglary" in parts[1] and "ward" in parts[1]
    # A pronoun no longer keeps a two-part question whole: the second part says what "it" is.
    parts = split_parts("When did Project Lantern go live, and what would it include?")
    assert len(parts) == 2 and "Lantern" in parts[1]


def test_a_sentence_that_introduces_a_table_is_quoted_with_its_rows():
    text = (
        "The partnership bids for underspends each year. The following table shows the "
        "2024/25 funding allocations the partnership has secured.\n"
        "\t24/25 Funding\tUnderspend\tTotal Funding 24/25\n"
        "SBP\t£41,200.00\t+£3,115.50\t£44,315.50\n"
        "These funds are allocated to projects that target the priorities."
    )
    units = units_of([Hit(_chunk(text), 1.0, 0.5, 1.0)], "What is the total funding?")
    tables = [u for u in units if u.listing and "following table" in u.shown]
    assert tables, [u.shown for u in units]
    assert "£44,315.50" in tables[0].shown and "Total Funding 24/25" in tables[0].shown


def test_a_table_row_quoted_alone_keeps_what_its_first_column_names():
    text = (
        "Ward rates per 1,000 are set out below.\n"
        "Burglary (Domestic)\tRate\nDistrict average\t2.72\nMarsh End\t11.38\nHigh Cross\t9.27"
    )
    units = units_of([Hit(_chunk(text, "2.6 Acquisitive crime"), 1.0, 0.5, 1.0)], "burglary rate")
    rows = [u.shown for u in units if not u.listing and "Marsh End" in u.shown]
    assert rows and "Burglary (Domestic)" in rows[0]


def _fact(table: str, row: str, column: str, value: str, number: float) -> Fact:
    where = Where("sa.md", "Assessment", table, 3, "2024-12-01", PARTNERSHIPS[0])
    return Fact(table, row, column, value, number, "%", "2024/25", where)


def test_which_crime_type_is_not_answered_from_a_table_whose_rows_are_all_beats():
    table = "Table 2: Crime type totals per beat"
    beats = [_fact(table, f"Beat {n}", "Change", f"-{n * 3}%", -n * 3.0) for n in (11, 12, 13)]
    types = [_fact("Table 1: Crime performance", t, "Change", v, float(v.rstrip("%")))
             for t, v in (("Robbery", "-30%"), ("Shoplifting", "+43%"), ("Arson", "-5%"))]
    q = understand("Which crime type saw the biggest reduction?", PARTNERSHIPS)
    answer = answer_ranked(q, beats + types)
    assert answer is not None and answer.text.startswith("Robbery")


def test_a_name_only_one_partnerships_papers_print_points_to_that_partnership():
    from assistant.places import PlaceIndex

    index = PlaceIndex(
        [
            (PARTNERSHIPS[0], "Complaints on the Marsh End estate rose. Marsh End has a JAG."),
            (PARTNERSHIPS[1], "The Ormsby Vale Youth Forum met. Police and Crime Commissioner."),
            (PARTNERSHIPS[0], "The Police and Crime Commissioner visited Marsh End."),
        ]
    )
    assert index.partnership_of("What was agreed about the Marsh End estate?") == PARTNERSHIPS[0]
    # A name both partnerships print says nothing of which one is meant.
    assert index.partnership_of("What did the Police and Crime Commissioner say?") is None


def test_a_cover_field_run_onto_the_value_before_it_is_quoted_with_its_own_value():
    text = (
        "That the Committee:\n(a) notes the performance;\n(b) asks for a report by March 2025."
        " Wards affected\nAll wards\nKey decision\nNo"
    )
    units = units_of([Hit(_chunk(text, "Cover"), 1.0, 0.5, 1.0)], "Which wards are affected?")
    assert "Wards affected: All wards" in [u.shown for u in units]


def test_a_sentence_pointing_back_is_quoted_with_the_one_before_it():
    text = (
        "In respect of funding, a late bid had been received from The Lantern Trust, which "
        "required match funding of £4,000 towards the post. The Performance Group have "
        "approved that bid, leaving £2,100.50 unallocated. Other matters were noted here."
    )
    units = units_of([Hit(_chunk(text, "9 Funding"), 1.0, 0.5, 1.0)], "What was approved?")
    assert any("Lantern Trust" in u.shown and "approved that bid" in u.shown for u in units)


def test_how_many_is_answered_by_a_count_not_by_a_year():
    from assistant.answer import _COUNT

    assert not _COUNT.search("reporting has remained above the 2019 level in 2023/24")
    assert _COUNT.search("1,185 interventions were delivered")


def test_a_second_part_does_not_quote_again_what_the_first_part_quoted():
    from assistant.answer import combine
    from ingest.types import Answer, Citation

    where = Where("m.md", "Minutes", "4 Funding", 1, "2014-10-16", PARTNERSHIPS[0])
    received, unallocated = "Funds received: £50,200", "Unallocated: £11,861.15"
    first = Answer(f"Minutes: “{received}” [1]", (Citation.at(1, where, received),), True)
    second = Answer(
        f"Minutes: “{received}” [1]\n\nMinutes: “{unallocated}” [2]",
        (Citation.at(1, where, received), Citation.at(2, where, unallocated)),
        True,
    )
    both = combine([first, second], ("How much was received?", "How much was unallocated?"))
    assert both.text.count("£50,200") == 1 and "£11,861.15” [2]" in both.text
    assert [c.n for c in both.citations] == [1, 2]
    alone = combine([first, first], ("How much was received?", "And in total?"))
    assert "don't cover" not in alone.text and alone.text.count("£50,200") == 1
