"""Answers from two more kinds of paper (issue 6, session 9): a board's plain-text decision
log (a cover block of `Label:   value` fields, capitalised meeting headings in wrapped
text, numbered decisions) and a neighbourhood panel's notes (people over their role's
line, a space-aligned table of two periods, lettered updates whose first sentence is only a
title). Invented papers, ingested into a real index; the questions are asked as new users
ask them ("New to the X board - who's the chair?")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assistant_over

from ingest.load import load
from ingest.segment import segment

LOG = """ASHBRENT YOUTH JUSTICE AND EXPLOITATION BOARD – DECISION LOG 2026-27

A sub-board of the Ashbrent Community Safety Partnership
(Ashbrent Borough Council and Wendlow Police)

Chair:        Councillor Imelda Farthingale, Cabinet Member for Communities
Vice-chair:   Chief Inspector Rowan Tessiter, Wendlow Police
Log kept by:  Oswin Radley, Board Secretary

Decisions are numbered AB/26/nn in the order they were taken. Items the
Board did not decide are marked DEFERRED and listed again at the end.


MEETING OF 12 MAY 2026

AB/26/01 – The Board AGREED its terms of reference for 2026-27, with the
quorum set at five of the eight member agencies.

AB/26/02 – The Board AGREED to award £12,400 to the Quillfield Boxing Club
for a summer diversion programme in 2026.


MEETING OF 14 JULY 2026

AB/26/03 – DEFERRED: the proposal to fund a second youth outreach worker,
pending the Home Office grant letter for 2026-27.

AB/26/04 – The Board AGREED to adopt the regional missing-from-home protocol
from 1 September 2026.
"""

NOTES = """MARSHCOTE EAST SAFER NEIGHBOURHOOD PANEL
Notes of the panel meeting

Date:     Tuesday 3 November 2026, 6.30pm
Venue:    Marshcote Methodist Hall
Supports: Marshcote Community Safety Partnership

PRESENT

Winifred Ashgrove
    Panel chair (resident, Toller ward)
Sgt Caspian Hurlstone
    Beat sergeant, Marshcote East neighbourhood team

and 19 residents.


1. PRIORITIES SET IN AUGUST: WHAT HAPPENED

(a) Cycling on the Toller Street pavements. Two joint patrols were held with
    the council's wardens and eleven riders were spoken to.
(b) Drug dealing at Pellow Lane garages. One warrant was executed and two men
    were arrested and charged. The priority was closed.


2. POLICE BEAT WARD FIGURES

Sgt Hurlstone presented the figures for 1 July to 31 December 2026.

Ward              Beat   All crime   All crime   ASB         ASB
                         Jul-Sep     Oct-Dec     Jul-Sep     Oct-Dec
Toller            ME1    64          71          22          19
Gannet Hill       ME2    38          33          17          21
Brinkwell         ME3    29          41           9          12
Total                    131         145         48          52

Sgt Hurlstone said that the rise in Brinkwell came mostly from thefts from
vehicles at the station car park.


3. PRIORITIES FOR JANUARY TO MARCH 2027

Residents voted on the priorities for the next quarter. The three agreed were:

  1. Thefts from vehicles at Brinkwell station car park - 12 votes
  2. Speeding on Gannet Hill Road - 8 votes
  3. Dog fouling in Toller Park - 5 votes
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory):
    return assistant_over(
        tmp_path_factory.mktemp("s9"),
        {
            "ashbrent-yje-board-decision-log-2026-27.txt": LOG,
            "marshcote-east-snp-notes-2026-11-03.txt": NOTES,
        },
    )


def _parts(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return segment(load(path))


def test_a_decision_log_is_titled_by_its_first_line_and_its_meetings_are_sections(
    tmp_path: Path,
) -> None:
    parts = _parts(tmp_path, "log.txt", LOG)
    assert parts[0].title.startswith("ASHBRENT YOUTH JUSTICE AND EXPLOITATION BOARD")
    assert "Strategy" not in parts[0].title  # (not a phrase the decisions mention)
    titles = [s.title for p in parts for s in p.sections]
    assert "MEETING OF 12 MAY 2026" in titles and "MEETING OF 14 JULY 2026" in titles


def test_panel_notes_are_minutes_not_an_unofficial_source(tmp_path: Path) -> None:
    parts = _parts(tmp_path, "notes.txt", NOTES)
    assert parts[0].doc_type == "minutes"


def test_new_to_the_board_who_is_the_chair_reads_the_cover_field(assistant) -> None:
    answer = assistant.ask("New to the Ashbrent board - who's the chair?")
    assert answer.covered
    assert "Imelda Farthingale" in answer.text[:600]
    assert "Rowan Tessiter" not in answer.citations[0].quote  # the field's own line only


def test_a_name_over_its_role_line_answers_who_chairs_the_panel(assistant) -> None:
    answer = assistant.ask("Who chairs the Marshcote East Safer Neighbourhood Panel?")
    assert answer.covered and "Winifred Ashgrove" in answer.text[:600]


def test_a_month_range_reads_that_periods_columns(assistant) -> None:
    answer = assistant.ask(
        "How many crimes were recorded in Brinkwell ward in October to December 2026, "
        "per the Marshcote East panel notes?"
    )
    assert answer.covered
    assert "41" in answer.text[:300]
    assert "29" not in answer.text.split("[1]")[0]  # not July to September's column


def test_the_total_row_is_read_for_a_columns_measure(assistant) -> None:
    answer = assistant.ask("What was the total ASB for Marshcote East in Jul-Sep and Oct-Dec "
                           "2026, per the beat ward figures?")
    assert "48" in answer.text[:400] and "52" in answer.text[:400]


def test_which_ward_had_the_most_names_the_row_of_the_period_asked(assistant) -> None:
    answer = assistant.ask(
        "Which ward in the Marshcote East beat figures had the most ASB in October to "
        "December 2026?"
    )
    assert answer.text.startswith("Gannet Hill")


def test_an_items_title_sentence_is_quoted_with_what_happened(assistant) -> None:
    answer = assistant.ask("Did the Marshcote East panel get anywhere with the dealing at "
                           "Pellow Lane?")
    assert answer.covered
    assert "arrested" in answer.text[:600] and "closed" in answer.text[:600]


def test_focus_on_asks_for_the_priorities(assistant) -> None:
    answer = assistant.ask(
        "What have residents asked the Marshcote East police team to focus on for January "
        "to March 2027?"
    )
    assert answer.covered
    first = answer.text[:600]
    assert "Brinkwell station car park" in first and "Gannet Hill Road" in first


def test_parked_items_are_the_deferred_ones(assistant) -> None:
    answer = assistant.ask("What's still parked on the Ashbrent board's log?")
    assert answer.covered and "second youth outreach worker" in answer.text[:600]
