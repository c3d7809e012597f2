"""How questions are read and passages cut into answer units, on text of our own (no
corpus paper, no model): the mechanisms issue 6 asks to hold on any council's papers."""

from __future__ import annotations

import dataclasses

from assistant.answer import Unit, units_of
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
    assert subject == "Who does the partnership report to?"  # its own word stays


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


# --- Session 4: mechanisms found on the two never-read sets, tested on text of our own ---


def test_a_preamble_about_the_asker_is_not_searched_but_names_the_partnership():
    q = understand(
        "I'm new to the Ormsby Vale partnership. How much did shoplifting rise in 2023/24?",
        PARTNERSHIPS,
    )
    assert q.partnership == "Ormsby Vale Community Safety Partnership"
    assert q.subject.startswith("How much did shoplifting")
    q = understand(
        "As a new member of the Brackwater partnership: which bids were approved, "
        "and what did they come to in total?",
        PARTNERSHIPS,
    )
    assert q.partnership == "Safer Brackwater Partnership"
    assert q.subject.startswith("Which bids were approved") and len(q.parts) == 2


def test_most_similar_family_group_is_a_name_not_a_ranking():
    q = understand("Where does Brackwater sit in its most similar family group for robbery?")
    assert q.ranking is None
    assert understand("Which beat had the most burglaries?").ranking == "high"


def test_a_second_part_with_its_own_subject_keeps_it():
    parts = split_parts(
        "When will the Brackwater board agree its plan, and when does the committee want "
        "its rural crime report?",
        PARTNERSHIPS,
    )
    assert parts[1] == "when does the committee want its rural crime report?"
    parts = split_parts("What is LANTERN, and how is the Brackwater partnership involved with it?",
                        PARTNERSHIPS)
    assert "LANTERN" in parts[1]  # the partnership's name is no subject of its own


def test_a_ranking_reads_the_column_the_question_names_not_a_rank_column():
    table = "Table 4: Neighbourhoods ranked by crime rate"
    facts = []
    for rank, (place, crimes, rate) in enumerate(
        [("Old Quay", 1904, 194.3), ("Marsh End", 2310, 106.0), ("High Cross", 510, 23.4)],
        start=1,
    ):
        facts += [
            _fact(table, place, "Rank 2024/25", str(rank), float(rank)),
            _fact(table, place, "Recorded crimes", f"{crimes:,}", float(crimes)),
            _fact(table, place, "Rate per 1,000", str(rate), rate),
        ]
    facts = [Fact(f.table, f.row, f.column, f.value, f.number, "count", "", f.where) for f in facts]
    high = answer_ranked(understand("Which neighbourhood has the highest crime rate?"), facts)
    assert high and high.text.startswith("Old Quay has the highest in “Rate per 1,000”: 194.3")
    low = answer_ranked(understand("Which neighbourhood has the lowest crime rate?"), facts)
    assert low and low.text.startswith("High Cross has the lowest in “Rate per 1,000”")


def test_a_table_row_whose_status_the_question_names_is_preferred():
    from assistant.answer import _cell_named

    row = "SOV-06 — Action: Upgrade CCTV; Lead: Council; Status: Delayed"
    assert _cell_named("Which actions are delayed?", row)
    assert not _cell_named("Which actions are on track?", row)
    achieved = "Reduce ASB — Target: 5% reduction; Status: Achieved"
    assert not _cell_named("Which target was not achieved?", achieved)
    assert _cell_named("Which target was not achieved?", "IDVA — Status: Not achieved")


def test_a_passage_that_starts_inside_a_table_quotes_its_first_row():
    text = (
        "7.\tThe CSP reviews its trigger policy with the aim of a pool of 12 trained officers.\t"
        "The CSP now has 10 officers able to undertake case reviews.\n"
        "8.\tThe CSP commissions a local violence plan.\tThe plan has been adopted."
    )
    units = units_of([Hit(_chunk(text, "Recommendations 2022/23"), 1.0, 0.5, 1.0)], "pool")
    first = [u.shown for u in units if "pool of 12" in u.shown]
    assert first and "10 officers" in first[0]
    assert not any(u.shown.startswith("8. — ") for u in units)  # row 7 is no header


def test_a_named_quarter_must_be_the_quarter_quoted():
    from ingest.text import carries_period

    assert not carries_period("How many incidents in quarter 2 of 2024/25?", "Q1 2024/25: 948")
    assert carries_period("How many in Q2 2024/25?", "July to September 2024/25: 901")
    assert carries_period("second quarter of 2024/25", "Q2 2024/25: 901")


def test_a_paper_named_by_kind_and_month_narrows_the_search_to_it():
    from assistant.papers import paper_filters, without_reference
    from assistant.retrieve import Filters

    minutes = _chunk("Knife crime rose by 12%.", "5 Performance")
    minutes = Chunk(**{**minutes.__dict__, "doc_type": "minutes", "date": "2024-09-12"})
    f = paper_filters("Brief me on knife crime from the September 2024 board minutes",
                      Filters(), [minutes])
    assert (f.doc_type, f.since, f.until) == ("minutes", "2024-09-01", "2024-09-30")
    assert paper_filters("knife crime in the March 2023 minutes", Filters(), [minutes]) == Filters()
    assert without_reference("knife crime from the September 2024 board minutes") == "knife crime"


def test_who_reads_role_colon_name_lines_agenda_presenters_and_the_named_month():
    from assistant.roles import answer_role

    contacts = _chunk(
        "9. Governance and contacts\n**Community Safety Manager:** Ada Quill, Brackwater "
        "District Council – community.safety@brackwater.example – 01632 498220",
        "9 Governance and contacts",
    )
    q = understand("Who is the Community Safety Manager for the Brackwater partnership?",
                   PARTNERSHIPS)
    found = answer_role(q, [contacts], [contacts])
    assert found and "Ada Quill" in found.text
    agenda = _chunk("3  2023/24 PERFORMANCE (Insp Tom Reed) 15 mins\n4  FUNDING (Ada Quill)",
                    "Agenda")
    q = understand("Who is presenting the 2023/24 performance item?", PARTNERSHIPS)
    found = answer_role(q, [agenda], [agenda])
    assert found and "Tom Reed" in found.text
    attendance = _chunk("Present: Cllr J. Marsh (Vice-Chair) - Brackwater Council", "Present")
    q = understand("Who was appointed Vice-Chair of the Brackwater board in December 2024?",
                   PARTNERSHIPS)
    assert answer_role(q, [attendance], [attendance]) is None  # a June paper cannot say


def test_a_chair_whose_entry_wraps_onto_a_second_line_is_quoted_with_the_name():
    from assistant.roles import answer_role

    present = _chunk(
        "Present:\nCouncillor Ada Quill, Portfolio Holder\nfor Safer Neighbourhoods, "
        "Brackwater Borough Council (Chair)\nCllr B. Reed (Vice-Chair)",
        "Present",
    )
    q = understand("Who chaired the Brackwater partnership's meeting?", PARTNERSHIPS)
    found = answer_role(q, [present], [present])
    assert found and "Ada Quill" in found.text and "Reed" not in found.text


def test_a_listed_heading_that_wraps_is_quoted_whole():
    from assistant.lists import _heading_line

    wrapped = _chunk(
        "5. Priority 2: To reduce the harm caused by Youth\n\nASB and Youth Crime\n"
        "Youth ASB is a concern in the town centre.",
        "5 Priority 2: To reduce the harm caused by Youth ASB and Youth Crime",
    )
    assert _heading_line(wrapped).endswith("Youth ASB and Youth Crime")
    dangling = _chunk("4. Priority 1: Safeguarding Communities from\nAbuse and Violence\nText.",
                      "4 Priority 1")
    assert _heading_line(dangling).endswith("from Abuse and Violence")
    whole = _chunk("6. Priority 3: Exploitation\nWe will work with partners.", "6 Priority 3")
    assert _heading_line(whole) == "6. Priority 3: Exploitation"


# --- Session 5: checks on what an answer says, before it is given ---------------------


def test_a_holder_printed_before_the_year_asked_about_does_not_answer_for_it():
    from assistant.roles import answer_role

    present = _chunk("Present:\nCouncillor Ada Quill (Chair)\nCllr B. Reed", "Present")
    asked = understand("Who was elected Chair of the Brackwater partnership for 2025/26?",
                       PARTNERSHIPS)
    assert answer_role(asked, [present], [present]) is None  # a June 2024 paper
    q = understand("Who chaired the Brackwater partnership in 2024/25?", PARTNERSHIPS)
    found = answer_role(q, [present], [present])
    assert found and "Ada Quill" in found.text  # June 2024 is in 2024/25


def test_a_measure_is_carried_by_its_rarest_words_not_by_a_count_of_words():
    from assistant.facts import carries, measure_words

    idf = {"knife": 6.0, "crime": 0.5, "offenc": 1.0}.get
    words = measure_words("How many knife crime offences were recorded?")
    unit = "All recorded crime fell by 3.5% to 11,777 offences."
    assert carries(unit, "", words)  # two words of three: a count says yes
    assert not carries(unit, "", words, weight=lambda t: idf(t, 1.0))  # but not knife crime
    knife = "Knife crime offences rose to 212."
    assert carries(knife, "", words, weight=lambda t: idf(t, 1.0))


def test_a_result_only_promised_is_still_to_come():
    from assistant.answer import FUTURE

    for said in (
        "The scheme is being evaluated by the university, whose report is due in March 2026.",
        "The items added to the forward plan for 10 June 2025 are the deep-dive and the budget.",
        "The findings are awaited.",
    ):
        assert FUTURE.search(said), said
    assert not FUTURE.search("The evaluation found 40 fewer calls to the night-time line.")


def test_a_question_about_one_day_is_not_answered_from_another_days_passage():
    from assistant.gate import other_day
    from ingest.types import Answer, Citation

    def cited(quote: str, date: str) -> Answer:
        where = _chunk(quote, "Table 1")
        c = Citation.at(1, where, quote)
        return Answer(f"“{quote}” [1]", (dataclasses.replace(c, date=date),))

    q = understand("What was the family group position at 31 October 2024?", PARTNERSHIPS)
    assert other_day(q, cited("Family Group Position 31st October 2022: 12/15", "2023-12-05"))
    assert not other_day(q, cited("Family Group Position 31 October 2024: 9/15", "2024-12-01"))
    met = understand("What was agreed at the meeting on 3 June 2025?", PARTNERSHIPS)
    assert not other_day(met, cited("RESOLVED that the plan be approved.", "2025-06-03"))
    after = understand("When is the next meeting after 20 April 2023?", PARTNERSHIPS)
    assert not other_day(after, cited("Future meetings: 13th July 2023", "2023-04-20"))


def test_who_holds_a_role_is_declined_when_the_papers_say_only_how_one_is_chosen():
    from assistant.roles import names_holder, says_who

    rule = "The partnership is chaired by the person duly elected at its annual meeting."
    assert says_who(rule, "chair") and not names_holder(rule, "chair")
    for named in (
        "The partnership is chaired by Chief Inspector Jo Avery, District Commander.",
        "Since May 2024 it has been chaired by Group Manager Idris Vaughan.",
        "It is chaired by the Cabinet Member for Communities.",
    ):
        assert names_holder(named, "chair"), named


def test_a_measure_word_printed_in_another_form_still_counts():
    from assistant.facts import carries, measure_words

    idf = {"hear": 9.0, "case": 2.0, "marac": 6.0}
    words = measure_words("How many cases did the MARAC hear in 2023/24?")
    said = "The MARAC heard 486 cases in 2023/24."
    assert carries(said, "", words, weight=lambda t: idf.get(t, 1.0))


def test_the_sentence_that_asks_says_what_kind_of_answer_is_wanted():
    q = understand(
        "The council's briefing in the April 2023 pack summarises the national plan. "
        "How much money in total is there to support it?",
        PARTNERSHIPS,
    )
    assert q.kind == "figure"  # not a "briefing" request
    assert understand("I am preparing for the PCC visit. Brief me on shoplifting.").kind == (
        "topic brief"
    )


def test_an_action_plan_or_action_group_named_in_a_question_asks_for_no_actions():
    assert understand("Under the ASB Action Plan, what is the new limit for fines?").kind != (
        "action"
    )
    assert understand("What did the Joint Action Group decide?").kind == "decision"
    assert understand("Which actions are still open?").kind == "action"


def test_a_role_printed_on_its_own_line_under_a_wrapped_entry_is_its_holders():
    from assistant.roles import answer_role

    present = _chunk(
        "PRESENT:\n  Councillor Ada Quill      Cabinet Member for Safer Streets,\n"
        "                            Brackwater Borough Council (Chair)\n"
        "  Chief Inspector Tom Reed  Neighbourhood Policing Commander,\n"
        "                            Brackwater District, Vale Police\n"
        "                            (Vice-Chair)\n"
        "  Helen Fair                Director of Communities",
        "Minutes",
    )
    q = understand("Who is the vice-chair of the Brackwater partnership?", PARTNERSHIPS)
    found = answer_role(q, [present], [present])
    assert found and "Tom Reed" in found.text and "Ada Quill" not in found.text


def test_a_holder_in_a_table_column_headed_by_the_role_is_read_with_its_row():
    from assistant.roles import answer_role

    header = _chunk(  # the table is cut across two passages: the header in the first
        "| Delivery group | Chair | Meets |\n|---|---|---|\n"
        "| Violence Group | Lorna Pike (Council) | Monthly |",
        "5 How we deliver",
    )
    rest = dataclasses.replace(
        _chunk("| Violence Group | Lorna Pike (Council) | Monthly |\n"
               "| Exploitation and Drugs Group | Janice Wold (Youth Justice) | Monthly |",
               "5 How we deliver"),
        id="c2", start=60,
    )
    board = dataclasses.replace(
        _chunk("- Chair: Councillor Bethan Cole, Deputy Leader", "4 Board"), id="c3"
    )
    q = understand("Who chairs Brackwater's Exploitation and Drugs Group?", PARTNERSHIPS)
    found = answer_role(q, [board, header, rest], [rest, board, header])
    assert found and "Janice Wold" in found.text and "Bethan" not in found.text
    board_q = understand("Who chairs the Brackwater board?", PARTNERSHIPS)
    found = answer_role(board_q, [board, header, rest], [board, header, rest])
    assert found and "Bethan Cole" in found.text  # a sub-group's row is not the board's


def test_went_up_the_most_is_a_rise():
    assert understand("Which measure went up the most between 2023/24 and 2024/25?").ranking == (
        "rise"
    )


def test_a_quote_is_not_led_by_a_heading_its_part_title_already_says():
    from assistant.answer import _lead
    from assistant.retrieve import Hit

    item = dataclasses.replace(
        _chunk("The funds received are: PCC - £50,200", "9 FUNDING PROPOSALS"),
        part="Item 9 Funding Proposals",
    )
    assert _lead(Hit(item, 1.0, 0.5, 1.0)) == "Item 9 Funding Proposals (1 June 2024)"
    table = dataclasses.replace(item, section="9 FUNDING PROPOSALS › Table 2: Bids")
    assert _lead(Hit(table, 1.0, 0.5, 1.0)).endswith("Table 2: Bids")


def test_quotes_from_one_paper_name_the_paper_once():
    """Three quotes of one item of one meeting's minutes are led by the meeting once: the
    facts stand sooner in the answer, and every citation still gives the whole place."""
    from assistant.answer import _render, units_of
    from assistant.retrieve import Hit

    minutes = dataclasses.replace(
        _chunk("The duty started on 31 January 2023.", "10 SERIOUS VIOLENCE DUTY"),
        doc_type="minutes",
    )
    other = dataclasses.replace(
        minutes, id="b", text="Authorities had until 31 January 2024.", section="11 AOB"
    )
    hits = [Hit(minutes, 1.0, 0.5, 1.0), Hit(other, 0.9, 0.5, 1.0)]
    units = units_of(hits, "When did the duty start?")
    answer = _render(hits, units, list(range(len(units))))
    assert answer.text.count("The minutes of the 1 June 2024 meeting") == 1
    assert "“Authorities had until 31 January 2024.” [2]" in answer.text
    assert "\n\n11 AOB: “Authorities" in answer.text  # the section still says where
    assert all(c.source and c.section for c in answer.citations)


def test_a_lead_does_not_repeat_the_caption_its_quote_opens_with():
    from assistant.answer import _render, short_part
    from assistant.retrieve import Hit

    table = dataclasses.replace(
        _chunk("Table 2: Funding 2024/25 | Grant | £61,400", "7 Money › Table 2: Funding 2024/25"),
        part=f"Annual Scrutiny of the {PARTNERSHIPS[0]} 2023/24",
    )
    assert short_part(table) == "Annual Scrutiny 2023/24"  # the question named it
    units = [Unit(0, table.text, table.text)]
    answer = _render([Hit(table, 1.0, 0.5, 1.0)], units, [0])
    assert answer.text.startswith("Annual Scrutiny 2023/24 (1 June 2024): “Table 2: Funding")
    assert answer.citations[0].part == table.part  # the citation keeps the whole title


def test_the_year_before_is_asked_for_too():
    from assistant.facts import asked_periods

    assert asked_periods("What was the rate in 2023/24, and what was it the year before?") == {
        "2023/24", "2022/23",
    }
    assert asked_periods("What was the rate in 2023/24?") == {"2023/24"}


def test_a_rise_is_ranked_by_a_change_column_not_a_years_level():
    from assistant.ranking import answer_ranked

    facts = [
        _fact("Table 2: ASB by locality", row, col, val, num)
        for row, a, b, ch in (
            ("Town Centre", 1602, 1397, "-12.8%"),
            ("Hythe Common", 1188, 1296, "+9.1%"),
            ("Saltmarsh", 744, 802, "+7.8%"),
        )
        for col, val, num in (
            ("Incidents 2022/23", f"{a:,}", a), ("Incidents 2023/24", f"{b:,}", b),
            ("Change", ch, float(ch.rstrip("%"))),
        )
    ]
    q = understand("Which locality saw the biggest rise in ASB incidents in 2023/24?",
                   PARTNERSHIPS)
    found = answer_ranked(q, facts)
    assert found and found.text.startswith("Hythe Common"), found and found.text


# --- Session 6: what a table answers for, found on questions not seen before ------------


def _table(table: str, rows: dict[str, dict[str, str]], section: str = "4 Performance"):
    where = Where("sa.md", "Assessment", section, 3, "2024-12-01", PARTNERSHIPS[0])
    return [
        Fact(table, row, column, value, float(value.strip("+%£").replace(",", "")), "count",
             "", where)
        for row, cells in rows.items()
        for column, value in cells.items()
    ]


def test_a_count_noun_is_what_a_row_counts_and_a_bare_total_row_answers_nothing():
    from assistant.facts import answer_figures

    crime = _table("Performance summary, April to December", {
        "Shoplifting": {"Apr-Dec 2023": "913", "Apr-Dec 2024": "1,187"},
        "Vehicle crime": {"Apr-Dec 2023": "702", "Apr-Dec 2024": "744"},
    })
    funding = _table("Funding proposals", {
        "Shoplifting › Total": {"Funding received": "£6,000"},
        "Total": {"Funding received": "£50,200"},
    }, "9 Funding")
    found = answer_figures("How many shoplifting offences were there?", crime + funding)
    assert found and "1,187" in found.text  # "offences" is what the row counts
    assert "£6,000" not in found.text and "£50,200" not in found.text  # funding is no count
    assert answer_figures("What was the total in 2023/24?", _table("T", {
        "2023/24": {"Rank": "1"}, "Total": {"Rank": "2"}})) is None  # a period, a bare total


def test_which_option_came_bottom_reads_a_table_whose_rows_are_options():
    from assistant.ranking import answer_ranked

    criteria = _table("Scores by criterion", {
        name: {"Option 1": a, "Option 2": b, "Option 3": c}
        for name, a, b, c in (("Cost", "8", "6", "2"), ("Resilience", "3", "7", "9"),
                              ("Coverage", "5", "5", "6"))
    })
    options = _table("Options appraisal", {
        "Option 1": {"Score (out of 100)": "61"}, "Option 2": {"Score (out of 100)": "74"},
        "Option 3": {"Score (out of 100)": "29"},
    })
    q = understand("Which option came bottom of the Brackwater options appraisal?", PARTNERSHIPS)
    found = answer_ranked(q, criteria + options)
    assert found and found.text.startswith("Option 3"), found and found.text


def test_a_rate_is_ranked_only_where_a_rate_is_printed_and_a_rise_only_as_a_change():
    from assistant.ranking import answer_ranked

    counts = _table("ASB incidents by locality", {
        place: {"Incidents 2023/24": a, "Incidents 2024/25": b}
        for place, a, b in (("Northgate", "2,310", "2,046"), ("Riverside", "1,188", "1,296"),
                            ("Moorside", "744", "802"))
    })
    rate = understand("Which Brackwater locality has the highest rate of ASB incidents per "
                      "1,000 residents?", PARTNERSHIPS)
    assert answer_ranked(rate, counts) is None  # counts are no rate
    rise = understand("Which Brackwater locality saw the biggest rise in ASB incidents?",
                      PARTNERSHIPS)
    assert answer_ranked(rise, counts) is None  # no change is printed: not calculated
