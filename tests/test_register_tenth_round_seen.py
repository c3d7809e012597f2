# ruff: noqa: E501 - the papers print long lines
"""The eleventh round of issue 10, on what the tenth round's kept-aside pair showed, tried
on short papers invented for these tests (none is copied from a register test document):

- a record headed by its reference alone on a line, its words the paragraph under it, then
  `Lead:` / `Timescale:` / `Position at <date>:` lines, the position's free text opening
  with a word of the paper's own key (the status), a response paragraph between them that
  is no field;
- a key printed as two aligned columns of plain text, a wrapped meaning indented under its
  column;
- numbered paragraphs hard-wrapped at a column are still the references of what they hold,
  and "The following actions were agreed:" ending one heads a list of "X to ..." actions
  (`[registers] action_lead_ins`);
- a PDF plan whose first column groups its rows (merged down them, so printed once) opens
  each row at the reference in the column after it, and a RAG column beside a Status column
  is the entry's rag (the rating where one is given, issue 10) but never its status or state;
- a header's words before its bracket name it ("Quarter 3 update (October to December)");
- a boxed table of recommendations under a "Recommendations" row, in a PDF's text a
  reference line over each "That the Board ..." paragraph.

Each paper is read by the real loader, segmenter and readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.register_conventions import current
from ingest.register_keys import status_key
from tests.conftest import read_registers


def _all(reg) -> list:  # noqa: ANN001
    entries = [*reg.decisions, *reg.actions, *reg.recommendations]
    return sorted(entries, key=lambda e: (e.where.start, e.kind))


def _fields(e) -> tuple:  # noqa: ANN001
    return (e.kind, e.reference, e.text, e.owner, e.due, e.status, e.state)


# --- Records headed by their reference, positions opening with the key's word ---------------

REVIEW = """\
BRACKENSIDE SCRUTINY PANEL

Meeting: Tuesday 3 March 2026
Item 5

REVIEW OF THE HOLLOWAY VALE SAFER STREETS PARTNERSHIP'S WORK ON SHOP THEFT

1. PURPOSE

1.1 The Panel's task group reported on shop theft in the town centre in
October 2025 and made three recommendations, SP/R/01 to SP/R/03, set out
below with the response and the position reported by each lead.

2. HOW THE POSITION IS REPORTED

   Done             the recommendation has been carried out in full
   Moving           work has started and is not yet finished
   Parked           set aside by the Panel, and nothing more will be done
                    on it this year

3. THE RECOMMENDATIONS

------------------------------------------------------------------

SP/R/01
That the Partnership fund a retail radio link for the Market Street
traders.

Addressed to: Holloway Vale Safer Streets Partnership
Response (Partnership Chair, 2 December 2025): Accepted. The link will
be bought from the crime reduction budget.
Lead: Retail Crime Officer, Brackenside Borough Council
Timescale: end Q4
Position at 20 February 2026: Moving. Radios ordered; twelve traders
have signed up.

------------------------------------------------------------------

SP/R/02
That the Partnership publish its shop theft figures each quarter.

Addressed to: Holloway Vale Safer Streets Partnership
Response (Partnership Chair, 2 December 2025): Accepted.
Lead: Community Safety Analyst
Timescale: Jan-26
Position at 20 February 2026: Done. The first figures went online on
14 January 2026.

------------------------------------------------------------------

SP/R/03
That the Panel ask the police to assign a named shop theft sergeant.

Addressed to: Chief Constable
Response (Chief Constable, 9 December 2025): Not accepted. Deployment is
an operational matter.
Lead: -
Timescale: -
Position at 20 February 2026: Parked. The Panel has noted the response.

------------------------------------------------------------------

4. FOLLOW-UP

4.1 The Chair reviewed this report with the scrutiny officer on 24
February 2026. The following actions were agreed:

   * Scrutiny Officer to invite the Retail Crime Officer to the June
     meeting by 10 April 2026.
   * Cllr Ama Pettigrew to visit the Market Street traders before the
     end of May 2026.

5. BACKGROUND PAPERS

Report of the Shop Theft Task Group, October 2025.
"""


def test_a_record_headed_by_its_reference_alone_with_lead_timescale_and_position(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackenside-scrutiny-review-2026-03-03.txt", REVIEW)
    recs = [e for e in _all(reg) if e.kind == "recommendation"]
    assert [_fields(e) for e in recs] == [
        ("recommendation", "SP/R/01", "That the Partnership fund a retail radio link for the Market Street traders",
         "Retail Crime Officer, Brackenside Borough Council", "end Q4", "Moving", "in progress"),
        ("recommendation", "SP/R/02", "That the Partnership publish its shop theft figures each quarter",
         "Community Safety Analyst", "Jan-26", "Done", "done"),
        # "Parked" is a word no convention holds: the paper's own key says what it means
        ("recommendation", "SP/R/03", "That the Panel ask the police to assign a named shop theft sergeant",
         "", "", "Parked", "dropped"),
    ]
    assert [e.update for e in recs] == [
        "Radios ordered; twelve traders have signed up",
        "The first figures went online on 14 January 2026",
        "The Panel has noted the response",
    ]
    # the response paragraph and "Addressed to:" are neither the status, the owner nor entries
    assert not any("Accepted" in e.text or "Chief Constable" == e.owner for e in _all(reg))
    assert {e.where.date for e in recs} == {"2026-03-03"}


def test_actions_listed_after_a_lead_in_sentence_of_a_wrapped_numbered_paragraph(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackenside-scrutiny-review-2026-03-03.txt", REVIEW)
    assert [_fields(e) for e in _all(reg) if e.kind == "action"] == [
        ("action", "4.1", "Scrutiny Officer to invite the Retail Crime Officer to the June meeting by 10 April 2026",
         "Scrutiny Officer", "10 April 2026", "", "not stated"),
        ("action", "4.1", "Cllr Ama Pettigrew to visit the Market Street traders before the end of May 2026",
         "Cllr Ama Pettigrew", "the end of May 2026", "", "not stated"),
    ]
    # the next numbered heading is not a third item of the list
    assert not any(e.text == "BACKGROUND PAPERS" for e in _all(reg))


def test_an_update_opening_with_a_word_no_key_defines_keeps_it(tmp_path: Path) -> None:
    """Without the paper's own key a position line is all update: "Moving." is commentary
    there, not a status the reader may guess."""
    start, end = REVIEW.index("2. HOW THE POSITION"), REVIEW.index("3. THE RECOMMENDATIONS")
    text = REVIEW[:start] + REVIEW[end:]
    reg = read_registers(tmp_path, "brackenside-scrutiny-review-2026-03-03.txt", text)
    first = next(e for e in reg.recommendations if e.reference == "SP/R/01")
    assert (first.status, first.state) == ("", "not stated")
    assert first.update.startswith("Moving. Radios ordered")


def test_a_key_of_two_aligned_columns_with_a_wrapped_meaning() -> None:
    key = status_key(REVIEW, current())
    assert key == {"done": "done", "moving": "in progress", "parked": "dropped"}


def test_two_aligned_lines_are_no_key() -> None:
    text = "Lead officer     the Community Safety Manager\nTimescale        end of the year\n"
    assert status_key(text, current()) == {}


@pytest.mark.parametrize(
    ("line", "lead_in"),
    [
        ("The Chair reviewed the report. The following actions were agreed:", True),
        ("The following action was agreed at the meeting:", True),
        ("Actions agreed at the meeting were as follows:", True),
        ("It was agreed that the following actions be taken:", True),
        ("The following members were present:", False),
        ("The following actions were agreed last year.", False),  # no list follows a full stop
    ],
)
def test_action_lead_ins_are_patterns_of_the_conventions(line: str, lead_in: bool) -> None:
    from ingest.register_notices import _action_lead_in

    assert _action_lead_in(line, current()) is lead_in


# --- A plan with a merged first column, a RAG beside a Status --------------------------------


def _plan_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"].clone("c", fontSize=8, leading=10)
    recs = Table(
        [[Paragraph("<b>Recommendations</b>", style), ""],
         [Paragraph("R1", style), Paragraph("That the Board notes the position of the plan at the end of the third quarter.", style)],
         [Paragraph("R2", style), Paragraph("That the Board agrees that action 2.1 be carried into next year's plan.", style)]],
        colWidths=[40, 400],
    )
    recs.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (0, 0), (-1, 0))]))
    head = ["Priority", "Ref", "Action", "Lead", "Target", "RAG", "Status", "Update (October to December)"]
    rows = [
        ["Priority 1 Safer parks and open spaces", "1.1", "Install lighting along the canal towpath between the two bridges", "Parks Manager", "Nov-25", "Green", "Complete", "Lights switched on in November."],
        ["", "1.2", "Run a summer diversion programme in the three largest parks with the youth service", "Youth Service Lead", "end Q1 2026/27", "Amber", "Not started", "Provider to be chosen in March."],
        ["", "1.3", "Agree a dog warden patrol rota for the riverside", "Environmental Health Manager", "Quarterly", "Red", "Overdue", "No rota agreed yet."],
        ["Priority 2 Safer nights", "2.1", "Recruit volunteer night marshals for the bus station", "Night-time Economy Officer", "Jan-26", "Red", "Carried forward", "No volunteers came forward."],
        ["", "2.2", "Publish a safe late-night transport map", "Transport Officer", "Dec-25", "Green", "In progress", "Draft map with the printers."],
    ]
    data = [[Paragraph(c, style) for c in head]] + [[Paragraph(c, style) for c in r] for r in rows]
    table = Table(data, colWidths=[80, 28, 190, 95, 60, 40, 65, 170], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (0, 1), (0, 3)), ("SPAN", (0, 4), (0, 5)),  # the priority merged down its rows
    ]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4))
    doc.build([Paragraph("Safer Quernley Partnership - delivery plan update, 12 February 2026", style),
               Spacer(1, 8), recs, Spacer(1, 12), table])


@pytest.fixture()
def plan(tmp_path: Path):  # noqa: ANN201 - the registers of the plan's PDF
    folder = tmp_path / "papers"
    folder.mkdir()
    _plan_pdf(folder / "quernley-delivery-plan-2026-02-12.pdf")
    return read_registers(tmp_path)


def test_a_plans_merged_first_column_groups_rows_each_its_own_action(plan) -> None:  # noqa: ANN001
    assert [(e.reference, e.text, e.owner, e.due, e.status, e.state) for e in plan.actions] == [
        ("1.1", "Install lighting along the canal towpath between the two bridges", "Parks Manager", "Nov-25", "Complete", "done"),
        ("1.2", "Run a summer diversion programme in the three largest parks with the youth service", "Youth Service Lead", "end Q1 2026/27", "Not started", "open"),
        ("1.3", "Agree a dog warden patrol rota for the riverside", "Environmental Health Manager", "Quarterly", "Overdue", "open"),
        ("2.1", "Recruit volunteer night marshals for the bus station", "Night-time Economy Officer", "Jan-26", "Carried forward", "carried forward"),
        ("2.2", "Publish a safe late-night transport map", "Transport Officer", "Dec-25", "In progress", "in progress"),
    ]
    assert [e.update for e in plan.actions][:1] == ["Lights switched on in November"]
    # the priority is a label of its rows: no entry, no part of a row's words or reference
    assert not any("Priority" in e.text or "Priority" in e.reference for e in _all(plan))


def test_a_rag_beside_a_status_is_the_rag_never_the_status(plan) -> None:  # noqa: ANN001
    """Issue 10: "a RAG rating where one is given". The RAG cell beside the Status cell is
    the entry's rag; the status and the state come from the Status cell alone: Red beside
    "Carried forward" leaves it carried forward, Amber beside "Not started" does not start
    it, Green beside "In progress" does not finish it."""
    assert [(e.reference, e.rag, e.status, e.state) for e in plan.actions] == [
        ("1.1", "green", "Complete", "done"),
        ("1.2", "amber", "Not started", "open"),
        ("1.3", "red", "Overdue", "open"),
        ("2.1", "red", "Carried forward", "carried forward"),
        ("2.2", "green", "In progress", "in progress"),
    ]


def test_a_boxed_recommendations_table_under_its_heading_row(plan) -> None:  # noqa: ANN001
    assert [_fields(e) for e in plan.recommendations] == [
        ("recommendation", "R1", "That the Board notes the position of the plan at the end of the third quarter", "", "", "", "not stated"),
        ("recommendation", "R2", "That the Board agrees that action 2.1 be carried into next year's plan", "", "", "", "not stated"),
    ]


def test_a_merged_first_column_in_a_pipe_table(tmp_path: Path) -> None:
    text = """\
# Safer Quernley Partnership

Delivery plan update, 12 February 2026

| Theme | Ref | Action | Lead | Target | RAG | Status |
|---|---|---|---|---|---|---|
| Safer parks | 1.1 | Install lighting along the canal towpath | Parks Manager | Nov-25 | Green | Complete |
| | 1.2 | Agree a dog warden patrol rota for the riverside | Environmental Health Manager | Quarterly | Red | Overdue |
| Safer nights | 2.1 | Recruit volunteer night marshals for the bus station | Night-time Economy Officer | Jan-26 | Amber | In progress |
| | 2.2 | Publish a safe late-night transport map | Transport Officer | Dec-25 | - | Carried forward |
| | 2.3 | Agree a taxi marshal rota for the station rank | Licensing Manager | Mar-26 | Red | Carried forward |
"""
    reg = read_registers(tmp_path, "quernley-delivery-plan-2026-02-12.md", text)
    assert [(e.reference, e.text, e.owner, e.status, e.state, e.rag) for e in reg.actions] == [
        ("1.1", "Install lighting along the canal towpath", "Parks Manager", "Complete", "done", "green"),
        ("1.2", "Agree a dog warden patrol rota for the riverside", "Environmental Health Manager", "Overdue", "open", "red"),
        ("2.1", "Recruit volunteer night marshals for the bus station", "Night-time Economy Officer", "In progress", "in progress", "amber"),
        # a "-" RAG cell gives no rag; the RAG column beside the Status never sets the state
        ("2.2", "Publish a safe late-night transport map", "Transport Officer", "Carried forward", "carried forward", ""),
        ("2.3", "Agree a taxi marshal rota for the station rank", "Licensing Manager", "Carried forward", "carried forward", "red"),
    ]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Quarter 3 update (October to December 2025)", "update"),
        ("Quarter 3 update (October to December", "update"),  # a PDF's header cut at its wrap
        ("Progress (RAG)", "rag"),  # the bracket still names it first
        ("Priority", "group"),
        ("Strategic theme", "group"),
    ],
)
def test_a_headers_words_before_its_bracket_name_it(header: str, role: str) -> None:
    assert current().column_role(header) == role


# --- What the generated papers showed (tests/register_fuzz.py's new grammar) ----------------


def test_a_decision_log_whose_reference_header_names_nothing(tmp_path: Path) -> None:
    text = """\
Ulbury Community Safety Partnership

Executive Group decision log - position at 12 March 2026

Code   Meeting date       What was decided
DL-01  13 September 2025  That the tasking protocol be adopted
DL-02  14 May 2025        The Board endorsed the serious violence action plan
"""
    reg = read_registers(tmp_path, "ulbury-decision-log-2026-03-12.txt", text)
    assert [(e.kind, e.reference, e.text, e.due) for e in _all(reg)] == [
        ("decision", "DL-01", "That the tasking protocol be adopted", ""),
        ("decision", "DL-02", "The Board endorsed the serious violence action plan", ""),
    ]


def test_a_title_over_an_aligned_table_names_the_kind_without_its_header_row(tmp_path: Path) -> None:
    """"Scrutiny recommendations tracker" over an aligned table whose header says "Action
    no." and "Proposal": the rows are recommendations (the header row is no title line)."""
    text = """\
Carnmoor Community Safety Partnership

Scrutiny recommendations tracker - position at 12 March 2026

Action no.  Proposal                                                   Stage        Responsible officer  Target date
SC/01       That the Partnership reviews its tasking protocol          On track     Licensing Manager    May 2026
SC/02       The Board should publish the plan on the council website   Complete     Partnership Analyst  Mar 2026
"""
    reg = read_registers(tmp_path, "carnmoor-tracker-2026-03-12.txt", text)
    assert [(e.kind, e.reference, e.status, e.owner) for e in _all(reg)] == [
        ("recommendation", "SC/01", "On track", "Licensing Manager"),
        ("recommendation", "SC/02", "Complete", "Partnership Analyst"),
    ]


def test_a_column_of_people_under_a_header_naming_nothing_is_the_owner(tmp_path: Path) -> None:
    text = """\
# Fenwick Vale Community Safety Partnership

Tasking Group action log - position at 12 March 2026

| Ref | Task | Who leads | Due | Status |
|---|---|---|---|---|
| A1 | Survey the street lighting around the bus station | Sgt. Ilse Marwood | May 2026 | Open |
| A2 | Draft the youth outreach schedule | Tobin Ashgrove / Dr Emlyn Forde | June 2026 | Complete |
| A3 | Map the knife crime hotspots | Priya Colebrook | Next meeting | Open |
"""
    reg = read_registers(tmp_path, "fenwick-vale-log-2026-03-12.md", text)
    assert [e.owner for e in reg.actions] == [
        "Sgt. Ilse Marwood", "Tobin Ashgrove / Dr Emlyn Forde", "Priya Colebrook"]


def test_a_column_of_bodies_is_no_column_of_people(tmp_path: Path) -> None:
    from ingest.register_columns import content_role

    assert content_role(["Partnership Board", "Executive Group", "Partnership Board"],
                        current()) != "owner"
    assert content_role(["Tobin Ashgrove", "Sgt. Ilse Marwood"], current()) == "owner"


def test_a_group_columns_neighbour_holds_the_references_whatever_its_header(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"].clone("c", fontSize=8, leading=10)
    label = "Theme 1 - Violence against women and girls in the night-time economy"
    rows = [["Theme", "Code", "Action", "Lead", "Due", "Status"],
            [label, "V1", "Train bar staff in spotting drink spiking", "Licensing Manager", "May 2026", "Open"],
            ["", "V2", "Publish a safe routes home map", "Transport Officer", "June 2026", "Complete"],
            ["", "V3", "Fund a second street pastor team", "Community Safety Manager", "Q1 2026/27", "In progress"]]
    table = Table([[Paragraph(c, style) for c in r] for r in rows],
                  colWidths=[60, 40, 220, 120, 60, 70])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (0, 1), (0, 3))]))
    folder = tmp_path / "papers"
    folder.mkdir()
    SimpleDocTemplate(str(folder / "ulbury-plan-2026-03-12.pdf"),
                      pagesize=landscape(A4)).build([table])
    reg = read_registers(tmp_path)
    assert [(e.reference, e.text, e.status) for e in reg.actions] == [
        ("V1", "Train bar staff in spotting drink spiking", "Open"),
        ("V2", "Publish a safe routes home map", "Complete"),
        ("V3", "Fund a second street pastor team", "In progress"),
    ]
