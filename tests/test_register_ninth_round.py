# ruff: noqa: E501 - the papers print long lines
"""The ninth round of issue 10: a row's kind and words come from the column they sit in,
tried on short papers invented for these tests (none is copied from a register test
document). A "Decisions" column beside an "Actions" column gives each row one entry per
column, of that column's kind, the owner and due columns the action's; a cell recording a
decision verb-first ("Approved the ...", "Agreed to ...", "Noted ...") under a header that
names no kind is a decision, by `decision_cell_verbs`; a decision-only row is no group row
and "None." no entry; full-width group rows of a ruled text table are never entries; a
header's head noun before a preposition names it ("Update at this meeting"); no cell's
words run on into the next row's. Each paper is read by the real loader, segmenter and
readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.register_conventions import current
from tests.conftest import read_registers


def _all(reg) -> list:  # noqa: ANN001
    entries = [*reg.decisions, *reg.actions, *reg.recommendations]
    return sorted(entries, key=lambda e: (e.where.start, e.kind))


def _entry(e) -> tuple:  # noqa: ANN001
    return (e.kind, e.reference, e.text, e.owner, e.due)


# --- Header words and decision cells ----------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Update at this meeting", "update"),  # not "meeting" (a raised date)
        ("Progress to end of March", "update"),
        ("Lead for delivery", "owner"),
        ("Action by", "owner"),  # a whole header of the conventions wins over its head
        ("Due by", "due"),
        ("Quarter 3 update", "update"),
    ],
)
def test_a_headers_head_noun_before_a_preposition_names_it(header: str, role: str) -> None:
    assert current().column_role(header) == role


@pytest.mark.parametrize(
    ("cell", "decision"),
    [
        ("Approved the revised lighting plan", True),
        ("Agreed to consult residents on the alley gates", True),
        ("Agreed that £2,000 be set aside for leaflets", True),
        ("Noted the quarterly performance report", True),
        ("Endorsed the draft hate crime charter", True),
        ("Circulate the revised plan to members", False),  # an instruction: an action
        ("Approved Premises Manager", False),  # a job title, not a verb and its object
        ("The Board approved the plan", False),  # a subject first: another reader's
    ],
)
def test_a_decision_cell_opens_with_a_decision_verb_and_its_object(cell: str, decision: bool) -> None:
    assert current().is_decision_cell(cell) is decision


# --- Decisions beside actions, in a text table and in a PDF -----------------------------------


def test_a_decisions_column_beside_an_actions_column_in_a_pipe_table(tmp_path: Path) -> None:
    text = """\
# Ashcombe Community Safety Partnership

Summary of the Board held on 5 February 2026

| Decisions | Actions | Owner | Due |
|---|---|---|---|
| **4. Alley gating** | | | |
| Agreed to consult residents of Kiln Row on gating the rear alley | Write to every household in Kiln Row with the consultation form | Neighbourhood Officer | 27 February 2026 |
| | Book the community room for a drop-in session | Housing Officer | Next meeting |
| **5. Performance** | | | |
| Noted the quarterly performance report | | | |
| **6. Any other business** | | | |
| None. | Send members the dates of the spring leafleting | Partnership Support Officer | 13 March 2026 |
"""
    reg = read_registers(tmp_path, "ashcombe-csp-board-summary-2026-02-05.md", text)
    assert [_entry(e) for e in _all(reg)] == [
        ("decision", "4", "Agreed to consult residents of Kiln Row on gating the rear alley", "", ""),
        ("action", "4", "Write to every household in Kiln Row with the consultation form", "Neighbourhood Officer", "27 February 2026"),
        ("action", "4", "Book the community room for a drop-in session", "Housing Officer", "Next meeting"),
        ("decision", "5", "Noted the quarterly performance report", "", ""),  # alone on its row: no group row
        ("action", "6", "Send members the dates of the spring leafleting", "Partnership Support Officer", "13 March 2026"),
    ]  # the owner and due belong to the action beside the decision; "None." is no entry
    assert all(e.state == "not stated" for e in _all(reg))


def test_verb_first_decisions_in_a_column_whose_header_names_no_kind(tmp_path: Path) -> None:
    text = """\
# Ashcombe Community Safety Partnership

Tasking group outcomes - 12 March 2026

| Ref | Outcome | Lead | Deadline |
|---|---|---|---|
| AT/26/01 | Approved the revised patrol plan for the retail park | | |
| AT/26/02 | Share the shoplifting hotspot map with the retail radio scheme | Insp. Ada Quill | 20 March 2026 |
| AT/26/03 | Noted the fire service's arson figures for the quarter | | |
"""
    reg = read_registers(tmp_path, "ashcombe-csp-tasking-outcomes-2026-03-12.md", text)
    assert [(e.kind, e.reference, e.owner) for e in _all(reg)] == [
        ("decision", "AT/26/01", ""),
        ("action", "AT/26/02", "Insp. Ada Quill"),
        ("decision", "AT/26/03", ""),
    ]


def _summary_pdf(path: Path) -> None:
    """A summary of decisions and actions typed into a Word table (Decisions | Actions |
    Lead officer | By when), rows grouped under full-width item rows, saved as PDF."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    rows = [
        ["Decisions", "Actions", "Lead officer", "By when"],
        ["2.  Night-time economy", "", "", ""],
        ["Agreed that £3,500 of the reserve be spent on taxi marshals for December",
         "Arrange the marshals with the taxi association", "Licensing Manager", "28 November 2025"],
        ["Noted the street pastors' annual report", "", "", ""],
        ["3.  Any other business", "", "", ""],
        ["None.", "Circulate the winter campaign leaflet to all members", "Communications Officer", "Next meeting"],
    ]
    table = Table([[Paragraph(c, style) for c in r] for r in rows], colWidths=[170, 170, 90, 70])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (0, 1), (-1, 1)),
        ("SPAN", (0, 4), (-1, 4)),
    ]))
    story = [
        Paragraph("Brackenholt Community Safety Partnership", style),
        Paragraph("Board: summary of decisions and actions, 6 November 2025", style),
        table,
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_pdf_of_decisions_beside_actions_never_runs_a_cell_on(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    _summary_pdf(papers / "brackenholt-csp-board-summary-2025-11-06.pdf")
    reg = read_registers(tmp_path)
    assert [_entry(e) for e in _all(reg)] == [
        ("decision", "2", "Agreed that £3,500 of the reserve be spent on taxi marshals for December", "", ""),
        ("action", "2", "Arrange the marshals with the taxi association", "Licensing Manager", "28 November 2025"),
        ("decision", "2", "Noted the street pastors' annual report", "", ""),
        ("action", "3", "Circulate the winter campaign leaflet to all members", "Communications Officer", "Next meeting"),
    ]  # "Agreed that ..." is the cell alone: the action, owner and due beside it are not in it


# --- Ruled text tables ------------------------------------------------------------------------


def test_full_width_group_rows_of_a_ruled_text_table_are_no_entries(tmp_path: Path) -> None:
    text = """\
WESTLING COMMUNITY SAFETY PARTNERSHIP
Problem-solving group: action log, 15 January 2026

+---------+--------------------------+--------------+----------+-----------+------------------+
| Ref     | Action agreed            | Lead         | By       | Status    | Update at this   |
|         |                          |              |          |           | meeting          |
+=========+==========================+==============+==========+===========+==================+
| NEW ACTIONS FROM THIS MEETING                                                                |
+---------+--------------------------+--------------+----------+-----------+------------------+
| PS/26/1 | Survey the lighting in   | Street       | 29/01/26 | Open      | -                |
|         | the Orchard Way subway   | Lighting     |          |           |                  |
|         |                          | Engineer     |          |           |                  |
+---------+--------------------------+--------------+----------+-----------+------------------+
| EARLIER ACTIONS                                                                              |
+---------+--------------------------+--------------+----------+-----------+------------------+
| PS/25/9 | Refer the Mill Lane      | Housing      | 08/01/26 | Carried   | Awaiting the     |
|         | tenancy to the panel     | Officer      |          | forward   | panel's date.    |
+---------+--------------------------+--------------+----------+-----------+------------------+
"""
    reg = read_registers(tmp_path, "westling-csp-problem-solving-log-2026-01-15.txt", text)
    got = [(e.reference, e.text, e.owner, e.due, e.status, e.state, e.update) for e in _all(reg)]
    assert got == [
        ("PS/26/1", "Survey the lighting in the Orchard Way subway", "Street Lighting Engineer", "29/01/26", "Open", "open", ""),
        ("PS/25/9", "Refer the Mill Lane tenancy to the panel", "Housing Officer", "08/01/26", "Carried forward", "carried forward", "Awaiting the panel's date"),
    ]  # "NEW ACTIONS ..." and "EARLIER ACTIONS", cut at the columns' rules, would be junk


def test_an_item_column_left_of_decisions_and_actions_numbers_both(tmp_path: Path) -> None:
    text = """\
Ashcombe Community Safety Partnership
Board summary - 5 February 2026

Minute\tDecision(s) made\tAction(s) agreed\tWho\tWhen
4\tApproved the draft alley gating scheme for consultation\tWrite to every household in Kiln Row\tNeighbourhood Officer\t27 February 2026
5\tNoted the quarterly performance report\t\t\t
6\t-\tSend members the dates of the spring leafleting\tSupport Officer\t13 March 2026
"""
    reg = read_registers(tmp_path, "ashcombe-csp-board-summary-2026-02-05.txt", text)
    assert [_entry(e) for e in _all(reg)] == [
        ("decision", "4", "Approved the draft alley gating scheme for consultation", "", ""),
        ("action", "4", "Write to every household in Kiln Row", "Neighbourhood Officer", "27 February 2026"),
        ("decision", "5", "Noted the quarterly performance report", "", ""),
        ("action", "6", "Send members the dates of the spring leafleting", "Support Officer", "13 March 2026"),
    ]  # "Decision(s) made" is a decisions header; a dash decision cell is no entry


def test_a_header_line_of_columns_is_no_decisions_label(tmp_path: Path) -> None:
    text = """\
Ashcombe Community Safety Partnership
Board summary - 5 February 2026

Decisions                           Actions                              Owner                 Due
Agreed to consult residents of      Write to every household in Kiln     Neighbourhood         27 February 2026
Kiln Row on gating the rear alley   Row                                  Officer
"""
    reg = read_registers(tmp_path, "ashcombe-csp-board-summary-2026-02-05.txt", text)
    assert not any(e.text.startswith("Actions Owner Due") for e in _all(reg))


def test_a_column_of_job_titles_is_the_owner_whatever_its_header(tmp_path: Path) -> None:
    text = """\
# Ashcombe Community Safety Partnership

Action log at 5 February 2026

| No. | What we agreed | Assignee | Report back | Where we are |
|---|---|---|---|---|
| 1 | Write to every household in Kiln Row about the gating consultation | Neighbourhood Officer | 27/02/2026 | Complete |
| 2 | Send members the dates of the spring leafleting | Partnership Support Officer | 13/03/2026 | In progress |
| 3 | Map the repeat call addresses for the panel | Head of Housing / Community Safety Analyst | Next meeting | Not started |
"""
    reg = read_registers(tmp_path, "ashcombe-csp-action-log-2026-02-05.md", text)
    assert [(e.reference, e.owner, e.due, e.state) for e in _all(reg)] == [
        ("1", "Neighbourhood Officer", "27/02/2026", "done"),
        ("2", "Partnership Support Officer", "13/03/2026", "in progress"),
        ("3", "Head of Housing / Community Safety Analyst", "Next meeting", "open"),
    ]


def test_decisions_beside_actions_in_an_html_table(tmp_path: Path) -> None:
    text = """\
# Ashcombe Community Safety Partnership

Board summary - 5 February 2026

<table>
<thead><tr><th>Decisions</th><th>Actions</th><th>Responsibility</th><th>Report back</th></tr></thead>
<tbody>
<tr><td>Agreed to consult residents of Kiln Row on gating the rear alley</td><td>Write to every household in Kiln Row</td><td>Neighbourhood Officer</td><td>27 February 2026</td></tr>
<tr><td>Noted the quarterly performance report</td><td></td><td></td><td></td></tr>
</tbody></table>
"""
    reg = read_registers(tmp_path, "ashcombe-csp-board-summary-2026-02-05.md", text)
    assert sorted((e.kind, e.text, e.owner, e.due) for e in _all(reg)) == [
        ("action", "Write to every household in Kiln Row", "Neighbourhood Officer", "27 February 2026"),
        ("decision", "Agreed to consult residents of Kiln Row on gating the rear alley", "", ""),
        ("decision", "Noted the quarterly performance report", "", ""),
    ]  # an HTML row's cells share the row's place, so the order within a row is not asserted


def test_a_resolution_item_asking_someone_to_act_is_an_action_too(tmp_path: Path) -> None:
    text = """\
Ashcombe Community Safety Partnership
Minutes of the Board meeting held on 5 February 2026

5. Alley gating

The Board RESOLVED to:
a) approve the gating of the Kiln Row alley; and
b) ask the Housing Officer to write to residents by 6 March 2026.
"""
    reg = read_registers(tmp_path, "ashcombe-csp-board-minutes-2026-02-05.txt", text)
    words = "ask the Housing Officer to write to residents by 6 March 2026"
    assert [(e.kind, e.text.rstrip("."), e.owner, e.due) for e in _all(reg)] == [
        ("decision", "approve the gating of the Kiln Row alley", "", ""),
        ("action", words, "Housing Officer", "6 March 2026"),
        ("decision", words, "Housing Officer", "6 March 2026"),
    ]  # "ask" as "asked" ([registers] asking_verbs): the decision names who acts
