# ruff: noqa: E501 - the papers print long lines
"""The eighth round of issue 10: each field reader degrades gracefully on forms it has not
seen, tried on short papers invented for these tests (none is copied from a register test
document). Statuses are looked up without the symbols and punctuation printed around them
and by their words' stems, a paper's own key (a legend of symbols, a key block at the foot
of a spreadsheet export) says what its words mean through the states table, and an
unknown word is "not stated", never a guess; a minute's number printed alone over its
title, or in a table's first cell, is the reference of what the minute holds; owners are
bracketed initials as printed, job titles, initials the paper defines; decisions are
labels inside paragraphs, "It was agreed that ...", a body's decision standing alone;
dues as printed. Each paper is read by the real loader, segmenter and readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.register_conventions import current
from ingest.register_lines import due_in
from tests.conftest import read_registers


def _all(reg) -> list:  # noqa: ANN001
    entries = [*reg.decisions, *reg.actions, *reg.recommendations]
    return sorted(entries, key=lambda e: (e.where.start, e.kind))


def _row(e) -> tuple:  # noqa: ANN001
    return (e.reference, e.owner, e.due, e.status, e.state)


def _entry(e) -> tuple:  # noqa: ANN001
    return (e.kind, e.reference, e.text, e.owner, e.due)


# --- Status values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "state"),
    [
        ("✔ Complete", "done"),
        ("Complete.", "done"),
        ("(Done)", "done"),
        ("Complete ✓", "done"),
        ("→ c/f", "carried forward"),
        ("b/f", "carried forward"),
        ("WIP", "in progress"),
        ("! Overdue", "open"),
        ("✗ Closed – not required", "dropped"),  # the whole value, not its first word
        ("Completing", "in progress"),  # the -ing form of a word that ends work: still going
        ("Cancelled", "dropped"),
        ("Frobnicated", "not stated"),  # a word nobody defines: never a guess
        ("", "not stated"),
    ],
)
def test_a_status_is_looked_up_without_its_symbols_and_by_its_stems(printed: str, state: str) -> None:
    assert current().state_of(printed) == state


BRACKENFORD = '''\ufeff"Brackenford Safer Towns Board",,,,,
"Action log - position at 2 March 2026",,,,,
,,,,,
"No.","Date raised","What","Who","When","Progress"
"LIVE ACTIONS",,,,,
"BT/1",14/01/2026,"Write to the bus operator about late-night routes","Transport Lead","w/c 9 March","▶ Moving"
"BT/2",14/01/2026,"Map repeat calls about street drinking","Community Safety Analyst","Q4 2025/26","■ Finished"
"BT/3",14/01/2026,"Fund a second outreach worker","Head of Housing","n/a","✗ Parked – no budget"
"BT/4",14/01/2026,"Refresh the CCTV protocol","Chair","Next meeting","b/f"
"BT/5",14/01/2026,"Brief ward councillors on the PSPO","Licensing Manager","Ongoing","WIP"
"BT/6",14/01/2026,"Hold a partner workshop","Chair","31/03/2026","Frobnicated"
,,,,,
"Key",,,,,
"▶ Moving","Work has started",,,,
"■ Finished","Action completed",,,,
"✗ Parked – no budget","Closed without further action",,,,
'''


def test_a_spreadsheet_export_with_title_rows_and_a_key_at_its_foot(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackenford-action-log-2026-03-02.csv", BRACKENFORD)
    assert [_row(e) for e in _all(reg)] == [
        ("BT/1", "Transport Lead", "w/c 9 March", "▶ Moving", "in progress"),  # the key
        ("BT/2", "Community Safety Analyst", "Q4 2025/26", "■ Finished", "done"),
        ("BT/3", "Head of Housing", "", "✗ Parked – no budget", "dropped"),  # "n/a": no due
        ("BT/4", "Chair", "Next meeting", "b/f", "carried forward"),  # abbreviations as data
        ("BT/5", "Licensing Manager", "Ongoing", "WIP", "in progress"),
        ("BT/6", "Chair", "31/03/2026", "Frobnicated", "not stated"),
    ]
    assert [e.text for e in _all(reg)][0] == "Write to the bus operator about late-night routes"


def test_a_key_of_symbols_alone_defines_them(tmp_path: Path) -> None:
    text = """\
Corriebank Safer Streets Partnership
Action tracker at 5 March 2026

Ref\tAction\tLead\tDue\tStatus
CB1\tWrite to the bus operator about late-night routes\tTransport Lead\t31/03/2026\t✓
CB2\tMap repeat calls about street drinking\tCommunity Safety Analyst\tQ4 2025/26\t◐
CB3\tFund a second outreach worker\tHead of Housing\t–\t✗
CB4\tRefresh the CCTV protocol\tChair\tNext meeting\t?

Key: ✓ = complete; ◐ = work under way; ✗ = no longer needed; ? = not yet begun
"""
    reg = read_registers(tmp_path, "corriebank-tracker-2026-03-05.txt", text)
    assert [(e.reference, e.status, e.state) for e in _all(reg)] == [
        ("CB1", "✓", "done"), ("CB2", "◐", "in progress"), ("CB3", "✗", "dropped"),
        ("CB4", "?", "open"),
    ]


def test_a_legend_of_symbols_each_before_its_meaning() -> None:
    from ingest.register_keys import status_key

    assert status_key("Key: ✓ Complete  ◐ In progress  ✗ Not needed", current()) == {
        "✓": "done", "◐": "in progress", "✗": "dropped",
    }


def test_the_papers_own_key_wins_over_the_states_table(tmp_path: Path) -> None:
    text = """\
Ref\tAction\tLead\tStatus
K1\tWrite to the bus operator\tChair\tClosed
K2\tMap repeat calls\tAnalyst\tComplete

Status key
Closed – no longer needed, closed without further action
Complete – action completed
"""
    reg = read_registers(tmp_path, "kelderby-tracker-2026-01-10.txt", text)
    assert [(e.reference, e.status, e.state) for e in _all(reg)] == [
        ("K1", "Closed", "dropped"),  # "Closed" alone is done in the states table
        ("K2", "Complete", "done"),
    ]


# --- References: the minute's number as the paper prints it ------------------------------------


def _notes_pdf(path: Path) -> None:
    """A two-column table of minutes (number and title on the left, the notes on the right),
    as a Word table saved to PDF: the numbers come out on lines of their own."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    style = getSampleStyleSheet()["BodyText"]
    rows = [
        ("Minute", "Notes"),
        ("7.<br/>Shop theft in the<br/>market hall",
         "TY reported a rise in shop theft since October. Members discussed the retail radio scheme. "
         "ACTION: Share the prolific offender list with the retail radio scheme by 30 January 2026 (TY). "
         "DECISION: The Group agreed to fund two body-worn cameras for the market wardens."),
        ("8.<br/>Fly-tipping",
         "DM reported 31 incidents at the recycling site. ACTION: DM and SK to visit the site "
         "with the waste contractor by 6 February 2026 (DM / SK)."),
        ("9.<br/>Any other<br/>business", "ACTION: None."),
    ]
    table = Table([[Paragraph(a, style), Paragraph(b, style)] for a, b in rows],
                  colWidths=[90, 380])
    story = [
        Paragraph("Pendlebury Community Safety Partnership", style),
        Paragraph("Notes of the operational group held on 9 January 2026", style),
        Paragraph("Present: Dee Marsh, ASB Officer (DM); Tom Yates, Police (TY); Sue Kell, Housing (SK).", style),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_minutes_number_alone_over_its_title_is_the_reference(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    _notes_pdf(papers / "pendlebury-csp-notes-2026-01-09.pdf")
    reg = read_registers(tmp_path)
    assert [_entry(e) for e in _all(reg)] == [
        ("action", "7", "Share the prolific offender list with the retail radio scheme by 30 January 2026", "TY", "30 January 2026"),
        ("decision", "7", "The Group agreed to fund two body-worn cameras for the market wardens", "", ""),
        ("action", "8", "DM and SK to visit the site with the waste contractor by 6 February 2026", "DM / SK", "6 February 2026"),
    ]  # "ACTION: None." is an empty label; no number is left in any entry's words


def test_a_minutes_number_in_a_tables_first_cell_is_the_reference(tmp_path: Path) -> None:
    text = """\
# Pendlebury Community Safety Partnership

Present: Dee Marsh, ASB Officer (DM); Tom Yates, Police (TY); Sue Kell, Housing (SK)

| Minute | Notes |
|---|---|
| 7. Shop theft | TY reported a rise in shop theft. ACTION: Share the prolific offender list with the retail radio scheme by 30 January 2026 (TY). |
| 8. Fly-tipping | DM reported 31 incidents. SK agreed to bring a costed plan for CCTV at the recycling site to the March meeting. |
"""
    reg = read_registers(tmp_path, "pendlebury-csp-notes-2026-01-09.md", text)
    assert [(e.reference, e.owner) for e in _all(reg)] == [("7", "TY"), ("8", "SK")]


def test_one_number_alone_is_no_convention_of_the_paper(tmp_path: Path) -> None:
    text = """\
Ashdown Partnership notes

Present: Ann Byre (AB)

12.
Street drinking
ACTION: Review the signage on the quay (AB).
"""
    reg = read_registers(tmp_path, "ashdown-notes-2026-02-03.txt", text)
    assert [e.reference for e in _all(reg)] == [""]


# --- Owners ------------------------------------------------------------------------------------

ASHCOMBE = """\
Ashcombe Community Safety Partnership
Notes of the Tasking Group held on 3 February 2026
Present: Ann Byre, Community Safety Officer (AB); Jon Roe, Police (JR); Kim Lo, Housing (KL).

Min 12 Street drinking on the quay
AB reported 14 calls since December. Members discussed dispersal powers. ACTION: Review the signage on the quay with the harbour master by 27 February 2026 (AB/JR). It was agreed that the council would fund two extra bins.

Min 13 Youth diversion
JR reported on the summer scheme. KL agreed to bring costings to the next meeting. ZQ agreed to look at the figures. DECISION: The Group approved the youth diversion plan and asked the Youth Worker to report back in Q1 2026/27.
ACTION: Licensing Manager to check premises licences before the summer holidays.
"""


def test_owners_in_brackets_job_titles_and_defined_initials(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "ashcombe-tasking-notes-2026-02-03.txt", ASHCOMBE)
    assert [_entry(e) for e in _all(reg)] == [
        # the label's words end with their sentence; the bracket is who, as printed
        ("action", "12", "Review the signage on the quay with the harbour master by 27 February 2026", "AB/JR", "27 February 2026"),
        ("decision", "12", "It was agreed that the council would fund two extra bins", "", ""),
        # "KL" is defined by the Present line; "ZQ" is not, so it is nobody's action
        ("action", "13", "KL agreed to bring costings to the next meeting", "KL", ""),
        # a decision that asks a job title to act: a decision and an action, owner and due
        ("action", "13", "The Group approved the youth diversion plan and asked the Youth Worker to report back in Q1 2026/27", "Youth Worker", "Q1 2026/27"),
        ("decision", "13", "The Group approved the youth diversion plan and asked the Youth Worker to report back in Q1 2026/27", "Youth Worker", "Q1 2026/27"),
        ("action", "13", "Licensing Manager to check premises licences before the summer holidays", "Licensing Manager", "the summer holidays"),
    ]


# --- Decisions ---------------------------------------------------------------------------------


def test_a_bodys_decision_standing_alone_is_a_decision_and_narrative_is_not(tmp_path: Path) -> None:
    text = """\
Minutes of the Harrowgate Safer Communities Board held on 5 March 2026

Present: A. Cole (Chair), B. Dunn, C. Eyre

4. Annual report

The Board received the annual report.

The Board endorsed the annual report.

The Board approved the summer plan. Members thanked the officers for their work.

5. Youth diversion

Resolved – (1) that the youth diversion plan be approved; (2) that the Chair write to the PCC about funding by the end of April 2026.
"""
    reg = read_registers(tmp_path, "harrowgate-board-minutes-2026-03-05.txt", text)
    assert [_entry(e) for e in _all(reg) if e.kind == "decision"] == [
        ("decision", "4", "The Board endorsed the annual report", "", ""),
        ("decision", "5", "that the youth diversion plan be approved", "", ""),
        ("decision", "5", "that the Chair write to the PCC about funding by the end of April 2026", "Chair", "the end of April 2026"),
    ]


# --- Dues --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "due"),
    [
        ("Report the figures by the next meeting", "the next meeting"),
        ("Circulate the plan by Q3 2025/26", "Q3 2025/26"),
        ("Visit the site by w/c 3 March", "w/c 3 March"),
        ("Report back in Q1 2026/27", "Q1 2026/27"),
        ("Review the bin storage before the bonfire period next year", "the bonfire period next year"),
        ("Share the hotspot map weekly", ""),  # a frequency is no due
        ("Bring the evaluation to the January meeting", ""),  # a destination is no due
    ],
)
def test_dues_as_printed_without_their_preposition(said: str, due: str) -> None:
    assert due_in(said, current()) == due


def test_a_grid_table_is_read_as_a_table(tmp_path: Path) -> None:
    text = """\
Elmbridge Vale Community Safety Partnership

Action log, position at 12 February 2026

+------+--------------------------------------+-------------------+------------+-------------+
| Ref  | Action                               | Owner             | Due        | Status      |
+======+======================================+===================+============+=============+
| EV1  | Write to the bus operator about      | Transport Lead    | 31/03/2026 | Complete    |
|      | late-night routes                    |                   |            |             |
+------+--------------------------------------+-------------------+------------+-------------+
| EV2  | Map repeat calls about street        | Community Safety  | Spring     | In progress |
|      | drinking by ward                     | Analyst           | 2026       |             |
+------+--------------------------------------+-------------------+------------+-------------+
| EV3  | Fund a second outreach worker        | Head of Housing   | TBC        | Deferred    |
+------+--------------------------------------+-------------------+------------+-------------+
"""
    reg = read_registers(tmp_path, "elmbridge-vale-action-log-2026-02-12.md", text)
    assert [(e.text, *_row(e)) for e in _all(reg)] == [
        ("Write to the bus operator about late-night routes", "EV1", "Transport Lead", "31/03/2026", "Complete", "done"),
        ("Map repeat calls about street drinking by ward", "EV2", "Community Safety Analyst", "Spring 2026", "In progress", "in progress"),
        ("Fund a second outreach worker", "EV3", "Head of Housing", "TBC", "Deferred", "carried forward"),
    ]


def test_a_bracket_of_who_before_the_due(tmp_path: Path) -> None:
    text = """\
Holmfirth Safer Streets Group
Notes of the meeting held on 2 March 2026
Present: Ann Byre (AB), Jon Roe (JR)

Item 3 - Town centre

Actions arising:
1. Circulate the patrol plan to partners (JR) - by 9 March 2026
2. Arrange a walkabout with traders (AB/JR), due end of March
"""
    reg = read_registers(tmp_path, "holmfirth-notes-2026-03-02.txt", text)
    assert [_entry(e) for e in _all(reg)] == [
        ("action", "3", "Circulate the patrol plan to partners", "JR", "9 March 2026"),
        ("action", "3", "Arrange a walkabout with traders", "AB/JR", "end of March"),
    ]


def test_labels_and_resolutions_inside_a_paragraph_give_their_sentence(tmp_path: Path) -> None:
    text = """\
# Fenwick Community Safety Partnership

Minutes of the Board meeting held on 12 February 2026

Present: Ann Byre (AB), Jon Roe (JR), Kim Lo (KL)

## 5. Shop theft

JR reported on shop theft. **ACTION: JR to share the offender list with the retail radio scheme by 27 February 2026.** Members discussed funding. AGREED: that the Board fund two body-worn cameras.

## 6. Performance

KL presented the report. RESOLVED that the performance report be noted. Members then asked about ASB.
"""
    reg = read_registers(tmp_path, "fenwick-csp-board-minutes-2026-02-12.md", text)
    assert [(e.kind, e.reference, e.text.rstrip("."), e.owner) for e in _all(reg)] == [
        ("action", "5", "JR to share the offender list with the retail radio scheme by 27 February 2026", "JR"),
        ("decision", "5", "the Board fund two body-worn cameras", ""),
        ("decision", "6", "the performance report be noted", ""),
    ]


def test_a_spreadsheet_export_with_a_two_cell_title_row_and_rag_symbols(tmp_path: Path) -> None:
    text = '''"Action log","","Updated: 4 March 2026","","",""
"Ref","Action","Who","When","RAG","Comments"
"F1","Write to the bus operator","Chair","31/03/2026","🟢","On track"
"F2","Map repeat calls","Analyst","Q4 2025/26","🔴","Late data"
'''
    reg = read_registers(tmp_path, "fenwick-action-log-2026-03-04.csv", text)
    assert [(e.reference, e.owner, e.due, e.status, e.rag, e.state) for e in _all(reg)] == [
        ("F1", "Chair", "31/03/2026", "🟢", "green", "in progress"),
        ("F2", "Analyst", "Q4 2025/26", "🔴", "red", "in progress"),  # a rating is never done
    ]


def _log_pdf(path: Path) -> None:
    """A landscape action log whose header cells wrap ("Action" / "No.", "Date" / "agreed")
    and whose references carry one stroke ("TG/01")."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    rows = [["Action No.", "Date agreed", "Action", "Responsible officer", "Deadline", "Progress", "Status"],
            ["TG/01", "14/01/2026", "Arrange a joint patrol of the harbour with the wardens", "Insp. Jon Roe", "31/03/2026", "Dates agreed.", "c/f"],
            ["TG/02", "14/01/2026", "Write to the marina operator about lighting on the slipway", "Harbour Master", "Next meeting", "", "Complete"]]
    table = Table([[Paragraph(c, style) for c in r] for r in rows],
                  colWidths=[40, 45, 220, 110, 70, 150, 60], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph("Tanglewood Community Safety Partnership", style),
             Paragraph("Tasking Group action log - position at 4 March 2026", style), table]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def test_a_pdf_log_whose_header_cells_wrap(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    _log_pdf(papers / "tanglewood-tasking-group-action-log-2026-03-04.pdf")
    reg = read_registers(tmp_path)
    assert [(e.text, *_row(e)) for e in _all(reg)] == [
        ("Arrange a joint patrol of the harbour with the wardens", "TG/01", "Insp. Jon Roe", "31/03/2026", "c/f", "carried forward"),
        ("Write to the marina operator about lighting on the slipway", "TG/02", "Harbour Master", "Next meeting", "Complete", "done"),
    ]


def test_resolution_and_action_required_labels(tmp_path: Path) -> None:
    text = """\
Minutes of the Ravenscar Safer Neighbourhoods Board held on 10 March 2026

Present: Ann Byre (AB), Jon Roe (JR)

1. Street lighting

Resolution: That the street lighting survey be approved.

Action required: AB to commission the survey by 30 April 2026.
"""
    reg = read_registers(tmp_path, "ravenscar-board-minutes-2026-03-10.txt", text)
    assert [_entry(e) for e in _all(reg)] == [
        ("decision", "1", "That the street lighting survey be approved", "", ""),
        ("action", "1", "AB to commission the survey by 30 April 2026", "AB", "30 April 2026"),
    ]


def test_a_reports_recommendations_once_each_and_a_recommends_that_lead_in(tmp_path: Path) -> None:
    text = """\
Westbury Borough Council
Report to the Crime and Disorder Scrutiny Panel, 17 March 2026

2. Recommendations

Recommendation 1: That the Panel notes the Partnership's performance in 2025/26.

4. Task group findings

The task group recommends that:
(a) the Partnership publishes its action log quarterly;
(b) the council funds a second ASB officer.
"""
    reg = read_registers(tmp_path, "westbury-scrutiny-report-2026-03-17.txt", text)
    assert [(e.reference, e.text.rstrip(".")) for e in _all(reg)] == [
        ("Recommendation 1", "That the Panel notes the Partnership's performance in 2025/26"),
        ("(a)", "the Partnership publishes its action log quarterly"),
        ("(b)", "the council funds a second ASB officer"),
    ]  # a year at the sentence's end ("2025/26.") does not tell two readings apart
