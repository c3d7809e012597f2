# ruff: noqa: E501 - the papers print long lines
"""The seventh round of issue 10: the field readers' brittle spots, on short papers invented
for these tests (none is copied from a register test document). A status column is found by
its header in any wording and by its cells (a column of status words is the status column,
whatever its header says); a status cell that opens with a status word and carries on with
commentary gives that word; decisions printed as bare "To note ..." / "That ..." items under
a decisions label or a "The Group decided" lead-in, in lists lettered, numbered or bulleted;
group owners ("All partners", "Each partner"); dues printed whole ("the October half-term",
"end of Q2 2025/26"); a paper's own key in running prose ("Accepted: agreed, not yet done.")
maps its words as it says. Each paper is read by the real loader, segmenter and readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.register_conventions import current
from tests.conftest import read_registers


def _all(reg) -> list:  # noqa: ANN001
    entries = [*reg.decisions, *reg.actions, *reg.recommendations]
    return sorted(entries, key=lambda e: (e.where.start, e.kind))


def _status(e) -> tuple:  # noqa: ANN001
    return (e.reference, e.status, e.state)


# --- A status column by its header in any wording, and by its cells ---------------------------

TRACKER = """\
Hazelmere Safer Streets Group
Recommendations tracker, position at 4 February 2026

Ref\tRecommendation\tLead\tTarget\t{header}\tNotes
HS1\tThat the council extends the night-time taxi marshal scheme to Saturdays\tLicensing Manager\tMarch 2026\t{s1}\tThe pilot ran in January.
HS2\tThat the Group maps repeat calls about street drinking by ward\tCommunity Safety Analyst\tQ4 2025/26\t{s2}\tA first map went to the December meeting.
HS3\tThat the Partnership funds a second outreach worker\tHead of Housing\t-\t{s3}\tNo budget was found.
"""


@pytest.mark.parametrize(
    "header",
    ["Executive response", "Response", "Progress", "Position", "RAG/Status", "Current position",
     "Outcome", "Where we are"],
)
def test_a_status_column_in_any_wording_is_the_status(tmp_path: Path, header: str) -> None:
    text = TRACKER.format(header=header, s1="In progress", s2="Complete", s3="Withdrawn")
    reg = read_registers(tmp_path, "hazelmere-tracker-2026-02-04.txt", text)
    assert [_status(e) for e in _all(reg)] == [
        ("HS1", "In progress", "in progress"),
        ("HS2", "Complete", "done"),
        ("HS3", "Withdrawn", "dropped"),
    ]
    assert [e.update for e in _all(reg)][0] == "The pilot ran in January"


def test_a_status_cell_opening_with_a_status_word_gives_that_word(tmp_path: Path) -> None:
    text = TRACKER.format(
        header="Progress",
        s1="In progress – the pilot ran in January",
        s2="Implemented: the map went to the December meeting",
        s3="Withdrawn, as no budget was found",
    )
    reg = read_registers(tmp_path, "hazelmere-tracker-2026-02-04.txt", text)
    assert [_status(e) for e in _all(reg)] == [
        ("HS1", "In progress", "in progress"),
        ("HS2", "Implemented", "done"),
        ("HS3", "Withdrawn", "dropped"),
    ]


def test_a_status_column_beside_a_response_column_keeps_the_status(tmp_path: Path) -> None:
    text = """\
Ref\tRecommendation\tCabinet response\tLead\tStatus
HS1\tThat the council extends the taxi marshal scheme to Saturdays\tAccepted\tLicensing Manager\tComplete
HS2\tThat the Group maps repeat calls about street drinking by ward\tAccepted in part\tCommunity Safety Analyst\tOn track
"""
    reg = read_registers(tmp_path, "hazelmere-tracker-2026-02-04.txt", text)
    assert [_status(e) for e in _all(reg)] == [("HS1", "Complete", "done"), ("HS2", "On track", "in progress")]


# --- A paper's own key, in running prose -------------------------------------------------------

KEYED = """\
Hazelmere Scrutiny Committee
Recommendations tracker, 4 February 2026

Reading the tracker. The Response column gives the Cabinet's answer. Welcomed: agreed by the Cabinet, not yet done. Parked = taken out of the work programme; it is not reported again. Banked: delivered and signed off by the Committee.

Ref\tRecommendation\tResponse\tLead officer
HS1\tThat the council extends the taxi marshal scheme to Saturdays\tWelcomed\tLicensing Manager
HS2\tThat the Group maps repeat calls about street drinking by ward\tBanked\tCommunity Safety Analyst
HS3\tThat the Partnership funds a second outreach worker\tParked\tHead of Housing
"""


def test_a_papers_own_key_in_prose_maps_its_words(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "hazelmere-scrutiny-tracker-2026-02-04.txt", KEYED)
    assert [_status(e) for e in _all(reg)] == [
        ("HS1", "Welcomed", "open"),
        ("HS2", "Banked", "done"),
        ("HS3", "Parked", "dropped"),
    ]


def test_a_key_in_prose_needs_two_definitions_close_together() -> None:
    from ingest.register_keys import prose_key

    conv = current()
    assert prose_key("Apologies: the Chair was delayed, so the meeting was completed late.", conv) == {}
    assert prose_key(
        "Agreed in principle: accepted by the Cabinet and still to be delivered; it is reported\n"
        "at each update. Declined: no further action will be taken. Lead: Community Safety Manager.",
        conv,
    ) == {"agreed in principle": "open", "declined": "dropped"}
    far = "Welcomed: not yet done. " + "The group met. " * 5 + "Banked: signed off."
    assert prose_key(far, conv) == {}


# --- Decisions as bare "To note ..." / "That ..." items -------------------------------------------

DECIDED = """\
# Hazelmere Community Safety Partnership

## Problem Solving Group - notes, 12 January 2026

### 3. Street drinking in the market square

The Group heard that calls had fallen since the autumn.

{lead}

{items}

### 4. Any other business

None.
"""


@pytest.mark.parametrize(
    "lead",
    ["**The Group decided:**", "The Group decided:", "**Decisions:**", "Decisions", "### Decisions",
     "The Board agreed:", "RESOLVED:"],
)
@pytest.mark.parametrize(
    "marks", [("- ", "- ", "- "), ("(a) ", "(b) ", "(c) "), ("1. ", "2. ", "3. "), ("• ", "• ", "• ")]
)
def test_bare_to_and_that_items_under_a_decisions_lead_in_are_decisions(
    tmp_path: Path, lead: str, marks: tuple[str, str, str]
) -> None:
    items = "\n".join(
        m + t
        for m, t in zip(marks, [
            "To note the Quarter 3 calls report;",
            "To approve a second Saturday patrol in February; and",
            "That the Licensing Manager write to the two off-licences by 30 January 2026.",
        ])
    )
    reg = read_registers(tmp_path, "hazelmere-psg-notes-2026-01-12.md", DECIDED.format(lead=lead, items=items))
    got = [(e.kind, e.reference, e.text, e.owner, e.due) for e in _all(reg)]
    assert got == [
        ("decision", "3", "To note the Quarter 3 calls report", "", ""),
        ("decision", "3", "To approve a second Saturday patrol in February", "", ""),
        ("action", "3", "That the Licensing Manager write to the two off-licences by 30 January 2026", "Licensing Manager", "30 January 2026"),
        ("decision", "3", "That the Licensing Manager write to the two off-licences by 30 January 2026", "Licensing Manager", "30 January 2026"),
    ], lead


def test_a_bold_decided_label_inline_is_one_decision_and_narrative_is_none(tmp_path: Path) -> None:
    text = DECIDED.format(
        lead="The Group agreed that the square was quieter than last year.",
        items="**The Group decided** to keep the Saturday patrol until the end of March 2026.",
    )
    reg = read_registers(tmp_path, "hazelmere-psg-notes-2026-01-12.md", text)
    assert [(e.kind, e.reference, e.text) for e in _all(reg)] == [
        ("decision", "3", "to keep the Saturday patrol until the end of March 2026"),
    ]
    assert reg.decisions[0].owner == reg.decisions[0].due == ""


# --- Owners and dues as printed ----------------------------------------------------------------

ACTIONS = """\
# Hazelmere Community Safety Partnership

## Problem Solving Group - notes, 12 January 2026

### 5. Actions

**Action:** All partners to send their street drinking calls to the analyst before the February half-term.

**Action:** Each partner to name a single point of contact by end of Q2 2025/26.

**Action:** All member agencies to share the patrol rota before the next meeting.

**Action:** Hazelmere Homes to repair the square's lighting by Friday, 6 February 2026.

**Action:** JT / MR to draft the letter by the end of January, 2026.
"""


def test_group_owners_and_dues_printed_whole(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "hazelmere-psg-notes-2026-01-12.md", ACTIONS)
    assert [(e.owner, e.due) for e in _all(reg)] == [
        ("All partners", "the February half-term"),
        ("Each partner", "end of Q2 2025/26"),
        ("All member agencies", "the next meeting"),
        ("Hazelmere Homes", "Friday, 6 February 2026"),
        ("JT / MR", "the end of January, 2026"),
    ]
    assert all(e.kind == "action" and e.state == "not stated" for e in _all(reg))


def test_passive_items_name_no_owner(tmp_path: Path) -> None:
    text = ACTIONS.replace("All partners to send", "All calls to be sent")
    reg = read_registers(tmp_path, "hazelmere-psg-notes-2026-01-12.md", text)
    assert _all(reg)[0].owner == ""


# --- Minutes with a table of actions, "It was agreed:" and "Owner: verb ..." items -------------

MINUTES = """\
# Tillbury Community Safety Partnership

## Board minutes, 3 March 2026

### 5. Night-time economy

The Board discussed the taxi marshal pilot.

| What | Who | When |
|---|---|---|
| Extend the marshal pilot to Fridays | Licensing Manager | April 2026 |
| Report footfall figures to the next Board | BID Manager | the June meeting |

### 6. Hate crime

It was agreed:

(a) to note the quarterly report;

(b) to refresh the reporting centre list.

Actions:

- PC Dunn to visit the three reporting centres by end of April 2026.
- Cohesion Officer: circulate the list to members.
"""


def test_a_minutes_table_of_actions_takes_its_minutes_number(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "tillbury-csp-minutes-2026-03-03.md", MINUTES)
    assert [(e.kind, e.reference, e.text, e.owner, e.due) for e in _all(reg)] == [
        ("action", "5", "Extend the marshal pilot to Fridays", "Licensing Manager", "April 2026"),
        ("action", "5", "Report footfall figures to the next Board", "BID Manager", "the June meeting"),
        ("decision", "6", "to note the quarterly report", "", ""),
        ("decision", "6", "to refresh the reporting centre list", "", ""),
        ("action", "6", "PC Dunn to visit the three reporting centres by end of April 2026", "PC Dunn", "end of April 2026"),
        ("action", "6", "circulate the list to members", "Cohesion Officer", ""),
    ]


# --- A report's "It is recommended that the Board:" items; a rating beside commentary --------

REPORT = """\
# Report to the Safer Ormsby Partnership Board

**Date of meeting:** 12 February 2026

## 2. Recommendations

2.1 It is recommended that the Board:

(a) notes the progress made on the response strategy;

(b) approves the revised governance arrangements at Appendix B; and

(c) asks the Community Safety Manager to report again in June 2026.

## 3. Background

3.1 The duty came into force in January 2023.
"""


@pytest.mark.parametrize(
    "lead",
    ["2.1 It is recommended that the Board:", "The Board is recommended to:", "Members are asked to:",
     "2.1 That the Board:", "2.1 It is recommended that the Partnership\nBoard:"],
)
def test_items_under_a_recommending_lead_in_are_recommendations(tmp_path: Path, lead: str) -> None:
    text = REPORT.replace("2.1 It is recommended that the Board:", lead)
    reg = read_registers(tmp_path, "ormsby-svd-report-2026-02-12.md", text)
    # a letter is no reference of its own: under a numbered lead-in the items are its
    # paragraph's (round 12, as the golden rule for lettered report recommendations says)
    refs = ["2.1"] * 3 if lead.startswith("2.1") else ["(a)", "(b)", "(c)"]
    assert [(e.kind, e.reference, e.text) for e in _all(reg)] == [
        ("recommendation", refs[0], "notes the progress made on the response strategy"),
        ("recommendation", refs[1], "approves the revised governance arrangements at Appendix B"),
        ("recommendation", refs[2], "asks the Community Safety Manager to report again in June 2026"),
    ]


def test_a_rating_column_beside_a_column_of_status_words_and_commentary(tmp_path: Path) -> None:
    text = """\
# Safer Ormsby Partnership — Action log

Updated 12 February 2026

| # | Date raised | Action | Owner | Target | RAG | Latest position |
|---|---|---|---|---|---|---|
| 1 | 13/11/2025 | Map repeat ASB callers by ward | Analyst | Jan 2026 | G | Complete – map shared on 10 January |
| 2 | 13/11/2025 | Agree a joint patrol plan for the market | Insp. Hale | Dec 2025 | R | Not started – awaiting police resourcing |
| 3 | 11/12/2025 | Write to the bus operator about late services | Chair | ASAP | A | In progress |
"""
    reg = read_registers(tmp_path, "ormsby-action-log-2026-02-12.md", text)
    assert [(*_status(e), e.rag, e.update) for e in _all(reg)] == [
        ("1", "Complete", "done", "green", "map shared on 10 January"),
        ("2", "Not started", "open", "red", "awaiting police resourcing"),
        ("3", "In progress", "in progress", "amber", ""),
    ]


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("JW to circulate the map by mid-March 2026.", "mid-March 2026"),
        ("AB to report by the end of the financial year.", "the end of the financial year"),
        ("CD to book the room by early April.", "early April"),
        ("GH to write by w/e 14 March 2026.", "w/e 14 March 2026"),
        ("IJ to report back at the next meeting.", "the next meeting"),
        ("QR to circulate the notes in advance of the next meeting.", "the next meeting"),
        ("UV to report by the end of the summer term.", "the end of the summer term"),
        ("AA to share the leaflet before the October half-term.", "the October half-term"),
        ("BB to report to the Board each quarter.", ""),
    ],
)
def test_dues_in_more_printed_forms(line: str, due: str) -> None:
    from ingest.register_lines import due_in

    assert due_in(line, current()) == due


# --- A PDF tracker: two columns of status words under wrapped headers ------------------------


def _response_tracker_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    rows = [
        ["Ref", "Recommendation", "Cabinet response to the review", "Lead officer", "Where we are at January 2026"],
        ["WS1", "That the council lights the Mill Race footpath", "Agreed", "Highways Manager", "Implemented – lit in November 2025"],
        ["WS2", "That the Partnership funds a street pastors pilot", "Agreed in part", "Community Safety Manager", "In progress – a one-year pilot started"],
        ["WS3", "That the council closes the Mill Race car park at night", "Not agreed", "Parking Manager", "Closed"],
        ["WS4", "That the Committee receives a further report in a year", "Agreed", "Scrutiny Officer", "Not started"],
    ]
    table = Table([[Paragraph(x, cell) for x in r] for r in rows], colWidths=[35, 170, 70, 90, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph("Wexcombe Scrutiny Committee", styles["Title"]),
               Paragraph("Review of the town at night: tracker, 20 January 2026", styles["Normal"]),
               table])


def test_of_two_columns_of_status_words_the_later_is_the_status(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    _response_tracker_pdf(papers / "wexcombe-scrutiny-tracker-2026-01-20.pdf")
    reg = read_registers(tmp_path)
    assert [(e.kind, *_status(e), e.owner) for e in _all(reg)] == [
        ("recommendation", "WS1", "Implemented", "done", "Highways Manager"),
        ("recommendation", "WS2", "In progress", "in progress", "Community Safety Manager"),
        ("recommendation", "WS3", "Closed", "done", "Parking Manager"),
        ("recommendation", "WS4", "Not started", "open", "Scrutiny Officer"),
    ]


BOARD = """\
Brackley Vale Community Safety Partnership
Minutes of the Partnership Board held on 4 March 2026

Present: Cllr A. Rowe (Chair), Insp. D. Kaur, Ms J. Frith

1. Minutes of the last meeting

The minutes of the meeting on 3 December 2025 were agreed as a correct record.

2. Performance report

The Analyst presented the Quarter 3 figures.

The Board RESOLVED to note the Quarter 3 performance report.

ACTION (KM): circulate the ward breakdown to members by 18 March 2026.

3. Serious violence duty

Action – JF: book the partner workshop before the end of April 2026.

5. Any other business

Decision: The Board approved the 2026/27 meeting dates.
"""


def test_an_action_labels_bracket_of_initials_is_its_owner_not_its_reference(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackley-vale-csp-minutes-2026-03-04.txt", BOARD)
    assert [(e.kind, e.reference, e.text.rstrip("."), e.owner, e.due) for e in _all(reg)] == [
        ("decision", "2", "to note the Quarter 3 performance report", "", ""),
        ("action", "2", "circulate the ward breakdown to members by 18 March 2026", "KM", "18 March 2026"),
        ("action", "3", "book the partner workshop before the end of April 2026", "JF", "the end of April 2026"),
        ("decision", "5", "The Board approved the 2026/27 meeting dates", "", ""),
    ]


PLAN = """\
# Kirkby Moor Community Safety Partnership

## Delivery plan update, 9 March 2026

### How to read this update

| Status | What it means |
|---|---|
| Embedded | The work is done and part of routine business |
| Live | Work is under way |
| Paused | Work has been stopped for now and taken out of the plan |

### Plan

| Ref | Action | Lead | Due | Status |
|---|---|---|---|---|
| KM1 | Launch the online ASB reporting form | Digital Team | April 2026 | Embedded |
| KM2 | Train licensed premises staff in vulnerability | Licensing | June 2026 | Live |
| KM3 | Open a second youth hub | Youth Service | 2027 | Paused |
"""


def test_a_key_table_under_any_heading_maps_its_words(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "kirkby-moor-plan-update-2026-03-09.md", PLAN)
    assert [_status(e) for e in _all(reg)] == [
        ("KM1", "Embedded", "done"), ("KM2", "Live", "in progress"), ("KM3", "Paused", "dropped"),
    ]
    assert len(_all(reg)) == 3  # the key table is no register


# --- Record blocks under a reference alone; list items with fields in italics ---------------

RECORDS = """\
Pendle Cross Community Safety Partnership
Scrutiny recommendations: progress report, 21 April 2026

Recommendation 1
Recommendation: That the council installs CCTV at the Orchard Way underpass.
Response: Agreed
Lead officer: CCTV Manager
Target date: September 2026
Progress: Cameras ordered in March.
Status: In progress

Recommendation 2
Recommendation: That the Partnership reviews its ASB case review process.
Response: Agreed in part
Lead officer: ASB Coordinator
Target date: June 2026
Progress: Review completed in February.
Status: Complete
"""


def test_a_record_block_under_a_reference_alone_takes_it(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "pendle-cross-scrutiny-progress-2026-04-21.txt", RECORDS)
    assert [(e.kind, *_status(e), e.owner, e.due) for e in _all(reg)] == [
        ("recommendation", "Recommendation 1", "In progress", "in progress", "CCTV Manager", "September 2026"),
        ("recommendation", "Recommendation 2", "Complete", "done", "ASB Coordinator", "June 2026"),
    ]


def test_list_items_with_their_fields_in_italics(tmp_path: Path) -> None:
    text = """\
# Pendle Cross Community Safety Partnership

## Outstanding actions at 21 April 2026

- **PX/25/04** – Publish the street drinking leaflet. *Lead:* Licensing Officer. *Due:* May 2026. *Status:* Open.
- **PX/25/07** – Survey the Orchard Way lighting. _Lead:_ Highways. _Due:_ 30 April 2026. _Status:_ In progress – survey booked.
"""
    reg = read_registers(tmp_path, "pendle-cross-outstanding-actions-2026-04-21.md", text)
    assert [(e.kind, e.reference, e.text, e.owner, e.due, e.status, e.update) for e in _all(reg)] == [
        ("action", "PX/25/04", "Publish the street drinking leaflet", "Licensing Officer", "May 2026", "Open", ""),
        ("action", "PX/25/07", "Survey the Orchard Way lighting", "Highways", "30 April 2026", "In progress", "survey booked"),
    ]


# --- A row's kind from the paper's title; a date's header over sentences ------------------------

TITLED = """\
Pendle Cross Overview and Scrutiny Committee
Scrutiny recommendations tracker
21 April 2026

This tracker reports on the task group's findings.

Ref\t{words}\tLead\tStatus
PX1\tThat the council lights the Orchard Way underpass\tCCTV Manager\tOpen
PX2\tThat the Partnership reviews its ASB case review process\tASB Coordinator\tComplete
"""


@pytest.mark.parametrize("words", ["Description", "Issue raised", "Detail"])
def test_a_rows_kind_from_the_papers_title_when_header_and_heading_name_none(
    tmp_path: Path, words: str
) -> None:
    reg = read_registers(tmp_path, "pendle-cross-tracker-2026-04-21.txt", TITLED.format(words=words))
    assert [(e.kind, *_status(e), e.owner, e.due) for e in _all(reg)] == [
        ("recommendation", "PX1", "Open", "open", "CCTV Manager", ""),
        ("recommendation", "PX2", "Complete", "done", "ASB Coordinator", ""),
    ]


# --- A log without references: its header is no label, two like rows are two entries --------

LOG = """\
Marlcombe Community Safety Partnership
Action log, 2 March 2026

Action\tOwner\tDue\tStatus
Write to the bus operator about the late services on route 12\tChair\tMarch 2026\tOpen
Write to the bus operator about the late services on route 14\tChair\tMarch 2026\tComplete
Write to the bus operator about the late services on route 16\tChair\tMarch 2026\tComplete
"""


def test_a_log_without_references_keeps_each_row(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "marlcombe-action-log-2026-03-02.txt", LOG)
    assert [(e.kind, e.text[-8:], e.owner, e.due, e.status) for e in _all(reg)] == [
        ("action", "route 12", "Chair", "March 2026", "Open"),
        ("action", "route 14", "Chair", "March 2026", "Complete"),
        ("action", "route 16", "Chair", "March 2026", "Complete"),
    ]


EXECUTIVE = """\
# Ashwell Fen Community Safety Partnership

## Minutes of the Executive Board — 26 February 2026

### Item 4: Domestic abuse strategy

- The Board received the draft strategy.
- **Decision:** The strategy was approved for consultation.
- **Action:** Cllr Patel to present the strategy to Cabinet on 17 March 2026.

### Item 5: Funding

RESOLVED (unanimously) that the £12,000 underspend be carried forward to 2026/27.

- **Actions:**
  - Finance Officer to confirm the carry-forward with the county by 6 March 2026.
  - All members to send bids for the underspend to the Chair.
"""


def test_a_bracket_after_resolved_nested_action_bullets_and_a_due_on_a_date(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "ashwell-fen-csp-minutes-2026-02-26.md", EXECUTIVE)
    assert [(e.kind, e.reference, e.text.rstrip("."), e.owner, e.due) for e in _all(reg)] == [
        ("decision", "4", "The strategy was approved for consultation", "", ""),
        ("action", "4", "Cllr Patel to present the strategy to Cabinet on 17 March 2026", "Cllr Patel", "17 March 2026"),
        ("decision", "5", "the £12,000 underspend be carried forward to 2026/27", "", ""),
        ("action", "5", "Finance Officer to confirm the carry-forward with the county by 6 March 2026", "Finance Officer", "6 March 2026"),
        ("action", "5", "All members to send bids for the underspend to the Chair", "All members", ""),
    ]


@pytest.mark.parametrize(
    ("status", "state"),
    [("Accepted", "open"), ("Partially accepted", "open"), ("Agreed", "open"), ("Not agreed", "dropped"),
     ("Rejected", "dropped"), ("Implemented", "done"), ("Achieved in part", "in progress"),
     ("Implemented in part", "in progress"), ("On target", "in progress"), ("Not achieved", "open"),
     ("No longer applicable", "dropped"), ("Accepted in principle", "open")],
)
def test_responses_and_partial_statuses_by_the_states_table(status: str, state: str) -> None:
    assert current().state_of(status) == state


# --- PDF minutes: a dotted number and title between prose heads its minute -------------------


def _minutes_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = getSampleStyleSheet()

    def furniture(c, d) -> None:  # noqa: ANN001 - reportlab's canvas and document
        c.setFont("Helvetica", 8)
        c.drawString(40, 810, "Ravenholt Community Safety Partnership - Board minutes")
        c.drawString(500, 20, f"Page {d.page}")

    p = lambda text: Paragraph(text, st["Normal"])  # noqa: E731
    story = [Paragraph("Ravenholt Community Safety Partnership", st["Title"]),
             p("Minutes of the Board meeting held on 11 March 2026"),
             p("Present: Cllr S. Okoro (Chair), Insp. L. Marsh, Ms P. Dunne")]
    topics = {3: "Shop theft in the town centre", 4: "Youth diversion", 5: "Any other business"}
    for n, title in topics.items():
        story += [p(f"<b>{n}. {title}</b>"),
                  p("The Board discussed the report and asked about the rise in reports from the "
                    "east of the borough, which officers said reflected a new reporting app."),
                  p("The Board decided:"),
                  p(f"(a) to note the {title.lower()} report;"),
                  p("(b) that the Community Safety Manager report back by 30 June 2026."),
                  Spacer(1, 12)]
    story += [p("Actions:"), p("1. JW to book the partner workshop by 20 March 2026."),
              p("2. KM to circulate the ward figures."), p("The meeting closed at 4.10 pm.")]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=furniture,
                                                    onLaterPages=furniture)


def test_pdf_minutes_numbered_titles_are_the_references_and_a_numbered_list_is_none(
    tmp_path: Path,
) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    _minutes_pdf(papers / "ravenholt-csp-board-minutes-2026-03-11.pdf")
    reg = read_registers(tmp_path)
    got = [(e.kind, e.reference, e.text, e.owner) for e in _all(reg)]
    assert [g for g in got if g[0] == "decision"] == [
        ("decision", "3", "to note the shop theft in the town centre report", ""),
        ("decision", "3", "that the Community Safety Manager report back by 30 June 2026", "Community Safety Manager"),
        ("decision", "4", "to note the youth diversion report", ""),
        ("decision", "4", "that the Community Safety Manager report back by 30 June 2026", "Community Safety Manager"),
        ("decision", "5", "to note the any other business report", ""),
        ("decision", "5", "that the Community Safety Manager report back by 30 June 2026", "Community Safety Manager"),
    ]
    listed = [g for g in got if g[0] == "action" and g[3] in ("JW", "KM")]
    assert [(ref, owner) for _, ref, _, owner in listed] == [("5", "JW"), ("5", "KM")]
