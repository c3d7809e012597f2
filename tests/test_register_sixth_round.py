# ruff: noqa: E501 - the papers print long lines
"""The sixth round of issue 10: the field readers on forms no golden prints, on short papers
invented for these tests (none is copied from a register test document). A row's kind is
what its own Type cell prints (the paper's own code key first), else what its words column's
header names, else what its table's heading names; a rating column is the rating, never the
status; a numbered paragraph is the reference of the entries it holds and never part of
their words; owners and dues in the forms councils print them; status words outside the
states table by a documented fallback. Each paper is read by the real loader, segmenter
and readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.register_build import due_date
from tests.conftest import read_registers


def _fields(e) -> tuple:  # noqa: ANN001
    return (e.kind, e.reference, e.text.rstrip("."), e.owner, e.due, e.status, e.state)


def _all(reg) -> list:  # noqa: ANN001
    entries = [*reg.decisions, *reg.actions, *reg.recommendations]
    return sorted(entries, key=lambda e: e.where.start)


# --- The kind of a row: its Type cell, its header, its table's heading -----------------------

MIXED = """\
Ashcombe Safer Roads Group
Log of items, position at 3 March 2026

Ref\tType\tDescription\tOwner\tDue\tStatus
SRG/26/01\t{d}\tAdopt the winter gritting routes for the three school approaches\t-\t-\t-
SRG/26/02\t{a}\tSurvey the crossing points on Fenn Road and report the results\tHighways Officer\t30/04/26\tIn progress
SRG/26/03\t{r}\tThat the County Council funds a second speed indicator device\tChair\t-\tOpen
SRG/26/04\t{a}\tCirculate the collision map to ward members\tRoad Safety Analyst\tNext meeting\tNot started
"""


@pytest.mark.parametrize(
    ("d", "a", "r"),
    [("D", "A", "R"), ("Decision", "Action", "Recommendation"), ("Dec", "Act", "Rec")],
)
def test_a_mixed_log_gives_each_row_the_kind_its_type_cell_prints(
    tmp_path: Path, d: str, a: str, r: str
) -> None:
    text = MIXED.format(d=d, a=a, r=r)
    reg = read_registers(tmp_path, "ashcombe-safer-roads-log-2026-03-03.txt", text)
    assert [_fields(e) for e in _all(reg)] == [
        ("decision", "SRG/26/01", "Adopt the winter gritting routes for the three school approaches", "", "", "", "not stated"),
        ("action", "SRG/26/02", "Survey the crossing points on Fenn Road and report the results", "Highways Officer", "30/04/26", "In progress", "in progress"),
        ("recommendation", "SRG/26/03", "That the County Council funds a second speed indicator device", "Chair", "", "Open", "open"),
        ("action", "SRG/26/04", "Circulate the collision map to ward members", "Road Safety Analyst", "Next meeting", "Not started", "open"),
    ]
    assert all(e.rag == "" for e in _all(reg))  # a Type cell's "A" or "R" is no rating


OWN_CODES = """\
Ashcombe Safer Roads Group
Log of items, position at 3 March 2026

Item types: RES = resolution of the Group; T = task (an action for a named officer); A = recommendation to the Cabinet for approval.

| Ref | Type | Description | Owner | Status |
|---|---|---|---|---|
| 1 | RES | Approve the revised terms of reference | - | - |
| 2 | T | Book the road safety roadshow for the spring term | Events Officer | Open |
| 3 | A | That the Cabinet adopts a 20 mph default on estate roads | Chair | Open |
"""


def test_a_papers_own_type_codes_win_over_the_conventions(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "ashcombe-safer-roads-log-2026-03-03.md", OWN_CODES)
    assert [(e.kind, e.reference, e.text) for e in _all(reg)] == [
        ("decision", "1", "Approve the revised terms of reference"),
        ("action", "2", "Book the road safety roadshow for the spring term"),
        # "A" is an action in the conventions; this paper's key says a recommendation
        ("recommendation", "3", "That the Cabinet adopts a 20 mph default on estate roads"),
    ]


HEADED = """\
Ashcombe Safer Roads Group
Record of the meeting of 3 March 2026

{heading}

Ref\t{words}\tLead\tDate agreed\tStatus
SRG/26/11\tExtend the school crossing patrol at Fenn Road to the afternoon\tSchools Liaison Officer\t3 March 2026\tOpen
SRG/26/12\tPublish the speed survey results on the council website\tCommunications Officer\t3 March 2026\tComplete
"""


@pytest.mark.parametrize(
    ("heading", "words", "kind"),
    [
        ("Decisions taken at the meeting", "Description", "decision"),
        ("Resolutions", "Details", "decision"),  # a header naming nothing: the longest cells
        ("Recommendations to the Cabinet", "Description", "recommendation"),
        ("Actions arising", "Description", "action"),
        ("Items of business", "Description", "action"),  # a heading that names no kind
        ("Decision and action log", "Description", "action"),  # names two: no kind
        ("Recommendations to the Cabinet", "Decision", "decision"),  # the header wins
        ("Decisions taken at the meeting", "Action", "action"),
        ("Decisions taken at the meeting", "Recommendation", "recommendation"),
    ],
)
def test_a_rows_kind_comes_from_its_header_then_its_tables_heading(
    tmp_path: Path, heading: str, words: str, kind: str
) -> None:
    text = HEADED.format(heading=heading, words=words)
    reg = read_registers(tmp_path, "ashcombe-safer-roads-record-2026-03-03.txt", text)
    entries = _all(reg)
    assert [(e.kind, e.reference) for e in entries] == [(kind, "SRG/26/11"), (kind, "SRG/26/12")]
    assert [e.state for e in entries] == ["open", "done"]


# --- A rating column is the rating; a status column's word is the status --------------------

RATED = """\
Ashcombe Safer Roads Group
Delivery plan update, 3 March 2026

Ref\tAction\tLead\t{rating}\tStatus
1.1\tInstall two vehicle-activated signs on the Fenn Road approach\tHighways Officer\t{a}\tIn progress
1.2\tRun a speed awareness week with the three primary schools\tSchools Liaison Officer\t{g}\tNot started
1.3\tReview the collision data for the ring road\tRoad Safety Analyst\t{r}\tComplete
"""


@pytest.mark.parametrize(
    ("rating", "a", "g", "r"),
    [("RAG", "A", "G", "R"), ("R/A/G", "Amber", "Green", "Red"), ("Rating", "A", "G", "R"),
     ("Q3", "A", "G", "R")],  # "Q3" names nothing: its cells are ratings
)
def test_a_rating_beside_a_status_is_the_rating_never_the_status(
    tmp_path: Path, rating: str, a: str, g: str, r: str
) -> None:
    text = RATED.format(rating=rating, a=a, g=g, r=r)
    reg = read_registers(tmp_path, "ashcombe-delivery-plan-2026-03-03.txt", text)
    assert [(a.reference, a.status, a.state, a.rag) for a in reg.actions] == [
        ("1.1", "In progress", "in progress", "amber"),
        ("1.2", "Not started", "open", "green"),  # a green rating does not start it
        ("1.3", "Complete", "done", "red"),
    ]


RATING_ONLY = """\
Ashcombe Safer Roads Group
Delivery plan update, 3 March 2026

Ref\tAction\tLead\tDue\tRAG\tUpdate
2.1\tRepaint the worn school keep-clear markings\tHighways Officer\tw/c 13 April\tGreen\tCompleted over the February half term.
2.2\tPilot a community speedwatch group in Oldbury\tRoad Safety Analyst\tby end of Q3\tAmber\tVolunteers recruited; training booked.
2.3\tAgree a data-sharing protocol with the fire service\tRoad Safety Analyst\tOngoing\tR\tAwaiting the fire service's reply.
"""


def test_a_rating_printed_alone_is_the_status_as_printed_and_never_makes_it_done_by_itself(
    tmp_path: Path,
) -> None:
    """The register test documents' rule (a RAG word is the status as printed when the
    plan prints nothing else); the state is "in progress" unless the update says done."""
    reg = read_registers(tmp_path, "ashcombe-delivery-plan-2026-03-03.txt", RATING_ONLY)
    assert [(a.reference, a.due, a.status, a.state, a.rag) for a in reg.actions] == [
        ("2.1", "w/c 13 April", "Green", "done", "green"),
        ("2.2", "by end of Q3", "Amber", "in progress", "amber"),
        ("2.3", "Ongoing", "R", "in progress", "red"),
    ]
    assert [a.due_date for a in reg.actions] == [None, None, None]  # dues as printed only


# --- Paragraph numbers are the references of what they hold ---------------------------------

PARAGRAPHS = """\
Harbury Road Safety Forum
Minutes of the meeting held on 12 March 2026

Item 3. Speed cameras

3.1 The Forum heard that average speeds on Mill Lane had fallen by 4 mph since the cameras were installed.

3.2 The police would publish the camera data for each site every month.

  • Action - Road Safety Officer

3.3 Members discussed the congestion at the school gates at the end of the day.

  • Decision - The Forum approved a trial 20 mph zone outside the two schools on Mill Lane.

3.4 A consultation with residents on the trial would be run before it starts.

  • Action Councillor Tamsin Hale

3.4.1 The results of the consultation to be reported to the Forum by w/c 8 June 2026.

  • Action - All members

Item 4. Any other business

4.1 The next meeting will be held on 11 June 2026.
"""


def test_numbered_paragraphs_are_the_references_and_never_left_in_the_words(
    tmp_path: Path,
) -> None:
    reg = read_registers(tmp_path, "harbury-road-safety-forum-minutes-2026-03-12.txt", PARAGRAPHS)
    assert [_fields(e) for e in _all(reg)] == [
        ("action", "3.2", "The police would publish the camera data for each site every month", "Road Safety Officer", "", "", "not stated"),
        ("decision", "3.3", "The Forum approved a trial 20 mph zone outside the two schools on Mill Lane", "", "", "", "not stated"),
        ("action", "3.4", "A consultation with residents on the trial would be run before it starts", "Councillor Tamsin Hale", "", "", "not stated"),
        ("action", "3.4.1", "The results of the consultation to be reported to the Forum by w/c 8 June 2026", "All members", "w/c 8 June 2026", "", "not stated"),
    ]


ROMAN = """\
Harbury Road Safety Forum
Minutes of the meeting held on 12 March 2026

Item 5. Parking enforcement

(i) The Forum received the parking enforcement report for the winter quarter.

(ii) Enforcement officers would patrol the school streets twice a week during term.

  • Action - Parking Manager

(iii) Members asked about the pavement parking on Church Row.

  • Decision - The Forum noted the parking enforcement report.
"""


def test_a_corpus_that_numbers_paragraphs_with_roman_numerals_says_so_in_its_conventions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "harbury-road-safety-forum-minutes-2026-03-12.txt"
    (tmp_path / "plain").mkdir()
    plain = read_registers(tmp_path / "plain", name, ROMAN)
    assert [(e.kind, e.reference) for e in _all(plain)] == [("action", "5"), ("decision", "5")]
    papers = tmp_path / "own" / "papers"
    papers.mkdir(parents=True)
    (papers / "conventions.toml").write_text(
        "[registers]\nparagraph_numbers = ['\\([ivx]{1,6}\\)']\n", encoding="utf-8"
    )
    monkeypatch.setenv("CSP_CORPUS_DIR", str(papers))
    own = read_registers(tmp_path / "own", name, ROMAN)
    assert [_fields(e) for e in _all(own)] == [
        ("action", "(ii)", "Enforcement officers would patrol the school streets twice a week during term", "Parking Manager", "", "", "not stated"),
        ("decision", "(iii)", "The Forum noted the parking enforcement report", "", "", "", "not stated"),
    ]


# --- Owners and dues in the forms councils print them -----------------------------------------

OWNERS = """\
Harbury Road Safety Forum
Minutes of the meeting held on 12 March 2026

Item 6. Cycle routes

Action: Map the gaps in the cycle network around the rail station. Action by: Cycling Officer. Due: Next meeting.

Action: Publish the cycle parking audit. Lead: Transport Planner. By: end of Q3.

Action: Write to the rail operator about cycle storage at the station (Forum Clerk).

Action: Review the lighting on the canal towpath – Parks Manager – by w/c 3 March 2027.
"""


def test_owners_and_dues_as_printed(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "harbury-road-safety-forum-minutes-2026-03-12.txt", OWNERS)
    assert [(a.text.rstrip("."), a.owner, a.due, a.due_date) for a in reg.actions] == [
        ("Map the gaps in the cycle network around the rail station", "Cycling Officer", "Next meeting", None),
        ("Publish the cycle parking audit", "Transport Planner", "end of Q3", None),
        ("Write to the rail operator about cycle storage at the station", "Forum Clerk", "", None),
        ("Review the lighting on the canal towpath", "Parks Manager", "w/c 3 March 2027", "2027-03-03"),
    ]
    assert {a.reference for a in reg.actions} == {"6"}


# --- Status words outside the states table: key, else table, else not stated ---------------

STATUSES = """\
Ashcombe Safer Roads Group
Action log, position at 3 March 2026

Ref\tAction\tOwner\tStatus
SRG/25/40\tReplace the faded signs on the bypass\tHighways Officer\tParked
SRG/25/41\tAudit the bus stop lighting\tTransport Planner\tBanked
SRG/25/42\tRefresh the school travel plans\tSchools Liaison Officer\tClosed
SRG/25/43\tSurvey the verge parking on Oak Row\tParking Manager\tMothballed

Status key: Parked = taken out of the plan; Banked = finished and signed off; Closed = moved to next year's plan.
"""


def test_status_words_by_the_papers_key_then_the_states_table_else_not_stated(
    tmp_path: Path,
) -> None:
    reg = read_registers(tmp_path, "ashcombe-action-log-2026-03-03.txt", STATUSES)
    assert [(a.reference, a.status, a.state) for a in reg.actions] == [
        ("SRG/25/40", "Parked", "dropped"),  # the key's meaning
        ("SRG/25/41", "Banked", "done"),
        ("SRG/25/42", "Closed", "carried forward"),  # the paper's key wins over the table
        ("SRG/25/43", "Mothballed", "not stated"),  # neither knows it: never guessed
    ]


def test_due_dates_parse_only_where_a_date_is_printed() -> None:
    assert due_date("w/c 3 March 2027") == "2027-03-03"
    assert [due_date(d) for d in ("Ongoing", "Next meeting", "end of Q3", "w/c 3 March")] == [
        None, None, None, None,
    ]


# --- Owners printed after the words, plain section headings, minutes as a table --------------

AFTER = """\
Ellerby Community Safety Partnership
Minutes of the meeting held on 5 May 2026

Item 4. Shop theft

The Partnership heard that shop theft in the market square had risen for a third quarter. The retail liaison officer would circulate the offender patterns to traders by 20 May 2026. Lead: Business Crime Manager

The police would attend the next traders' forum. Owner: Inspector Kay Moss

Decisions

- The Partnership approved the town centre shop theft plan.
- The Partnership noted the Quarter 4 report.

Actions

- Business Crime Manager to update the plan by 30 June 2026.
- JW to book the venue for the traders' forum.

| Item | Discussion | Action by |
|---|---|---|
| 5. | The Group asked for the CCTV footage policy to be circulated before the next meeting. | KM |
| | The Chair thanked members for their attendance. | |
"""


def test_owners_after_the_words_plain_headings_over_lists_and_a_minutes_table(
    tmp_path: Path,
) -> None:
    reg = read_registers(tmp_path, "ellerby-csp-minutes-2026-05-05.md", AFTER)
    assert [_fields(e) for e in _all(reg)] == [
        ("action", "4", "The Partnership heard that shop theft in the market square had risen for a third quarter. The retail liaison officer would circulate the offender patterns to traders by 20 May 2026", "Business Crime Manager", "20 May 2026", "", "not stated"),
        ("action", "4", "The police would attend the next traders' forum", "Inspector Kay Moss", "", "", "not stated"),
        ("decision", "4", "The Partnership approved the town centre shop theft plan", "", "", "", "not stated"),
        ("decision", "4", "The Partnership noted the Quarter 4 report", "", "", "", "not stated"),
        ("action", "4", "Business Crime Manager to update the plan by 30 June 2026", "Business Crime Manager", "30 June 2026", "", "not stated"),
        ("action", "4", "JW to book the venue for the traders' forum", "JW", "", "", "not stated"),
        # the minute's number beside its first paragraph, initials in the right-hand column
        ("action", "5", "The Group asked for the CCTV footage policy to be circulated before the next meeting", "KM", "the next meeting", "", "not stated"),
    ]


NUMBERED_LABELS = """\
Fenwick Safer Communities Board
Minutes of the meeting held on 9 April 2026

12. Anti-social behaviour

12.1 The Board received the quarterly anti-social behaviour report from the police.

12.2 RESOLVED that the report be noted.

12.3 Sergeant Lara Quinn agreed to share the hotspot map with ward members by 30 April 2026.

12.4 ACTION: JW to circulate the map to the housing providers.

12.5 Decision: The Board approved the dispersal order for the bus station.

13. Domestic abuse

13.1 The Board RESOLVED:
(a) that the refuge funding bid be supported; and
(b) that the Chair write to the county council about the waiting list.
"""


def test_a_paragraph_number_opening_a_label_or_resolution_line_is_its_reference(
    tmp_path: Path,
) -> None:
    reg = read_registers(tmp_path, "fenwick-scb-minutes-2026-04-09.txt", NUMBERED_LABELS)
    assert [_fields(e) for e in _all(reg)] == [
        ("decision", "12.2", "the report be noted", "", "", "", "not stated"),
        ("action", "12.3", "Sergeant Lara Quinn agreed to share the hotspot map with ward members by 30 April 2026", "Sergeant Lara Quinn", "30 April 2026", "", "not stated"),
        ("action", "12.4", "JW to circulate the map to the housing providers", "JW", "", "", "not stated"),
        ("decision", "12.5", "The Board approved the dispersal order for the bus station", "", "", "", "not stated"),
        ("decision", "13.1", "that the refuge funding bid be supported", "", "", "", "not stated"),
        ("decision", "13.1", "that the Chair write to the county council about the waiting list", "Chair", "", "", "not stated"),
        ("action", "13.1", "that the Chair write to the county council about the waiting list", "Chair", "", "", "not stated"),
    ]
    for e in _all(reg):  # each cited where its words are printed (offsets kept)
        assert e.text[:12] in NUMBERED_LABELS[e.where.start : e.where.start + 40], e.text


# --- The same in a PDF: a mixed log over two pages, kinds wrapped in a narrow Type column ----

KINDS = ("Decision", "Action", "Recommendation")


def _mixed_log_pdf(path: Path) -> list[tuple]:
    """A landscape PDF log of 30 rows (Ref | Type | Item | Lead | Target | R/A/G | Status |
    Comments) whose header row is repeated on page 2; the golden of each row."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    rows: list[list] = [["Ref", "Type", "Item", "Lead", "Target", "R/A/G", "Status", "Comments"]]
    want = []
    ratings = {"A": "amber", "G": "green", "R": "red"}
    for n in range(1, 31):
        kind = KINDS[n % 3]
        ref = f"HB/26/{n:02d}"
        words = f"Review the harbour quarter patrol plan number {n} with the traders and report back"
        if kind == "Decision":
            row = [ref, kind, words, "-", "-", "", "", ""]
            want.append((ref, "decision", "", "", "", ""))
        else:
            rating = "AGR"[n % 3]
            row = [ref, kind, words, "Harbour Master", "w/c 4 May", rating, "In progress",
                   "Survey firm appointed."]
            want.append((ref, kind.lower(), "Harbour Master", "w/c 4 May", "In progress",
                         ratings[rating]))
        rows.append([Paragraph(x, cell) for x in row])
    table = Table(rows, colWidths=[55, 48, 190, 80, 60, 35, 60, 120], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4))
    doc.build([Paragraph("Holmbridge Safer Harbour Group", styles["Title"]),
               Paragraph("Decision and action log, position at 2 June 2026", styles["Normal"]),
               table])
    return want


def test_a_pdf_mixed_log_gives_each_row_its_printed_kind_and_rating(tmp_path: Path) -> None:
    from pypdf import PdfReader

    papers = tmp_path / "papers"
    papers.mkdir()
    pdf = papers / "holmbridge-harbour-group-log-2026-06-02.pdf"
    want = _mixed_log_pdf(pdf)
    assert len(PdfReader(str(pdf)).pages) >= 2  # the table runs onto a second page
    assert "Recomm\nendation" in PdfReader(str(pdf)).pages[0].extract_text()  # wrapped kind
    reg = read_registers(tmp_path)
    got = sorted((e.reference, e.kind, e.owner, e.due, e.status, e.rag) for e in _all(reg))
    assert got == sorted(want)


# --- A report: lettered recommendations, a rating opening a status, a decision log ----------

REPORT = """\
# Kelsey Community Safety Partnership

## Report to the Partnership Board, 14 July 2026

### Recommendations

The Board is asked:

(a) That the Board approves the revised hate crime reporting pathway;

(b) That the Board notes the progress on the Safer Streets bid.

## Action log

| No. | Action | Action owner | Target date | RAG / status | Comments |
|---|---|---|---|---|---|
| 1 | Refresh the third-party reporting centre list | Community Cohesion Officer | 31/08/2026 | Amber – in progress | Four centres re-trained |
| 2 | Publish the annual hate crime figures | Analyst | Sept 2026 | Complete | Published 1 July |

## Decision log

| Date | Decision | Decision maker | Ref |
|---|---|---|---|
| 12/05/2026 | To fund the victim support worker post for a further year | Partnership Board | DL-07 |
| 09/06/2026 | To adopt the revised information-sharing agreement | Partnership Board | DL-08 |
"""


def test_lettered_recommendations_a_rating_opening_a_status_and_a_decision_logs_dates(
    tmp_path: Path,
) -> None:
    reg = read_registers(tmp_path, "kelsey-csp-board-report-2026-07-14.md", REPORT)
    assert [(*_fields(e), e.rag) for e in _all(reg)] == [
        ("recommendation", "(a)", "That the Board approves the revised hate crime reporting pathway", "", "", "", "not stated", ""),
        ("recommendation", "(b)", "That the Board notes the progress on the Safer Streets bid", "", "", "", "not stated", ""),
        ("action", "1", "Refresh the third-party reporting centre list", "Community Cohesion Officer", "31/08/2026", "Amber – in progress", "in progress", "amber"),
        ("action", "2", "Publish the annual hate crime figures", "Analyst", "Sept 2026", "Complete", "done", ""),
        # the date a decision was made is no due
        ("decision", "DL-07", "To fund the victim support worker post for a further year", "", "", "", "not stated", ""),
        ("decision", "DL-08", "To adopt the revised information-sharing agreement", "", "", "", "not stated", ""),
    ]


# --- Numbered action points, sub-numbered plan items with their fields -----------------------

NOTES = """\
# Ravenholt Tasking Group

Notes of the meeting held on 20 August 2026

AP1: Sergeant Neil Abara to map repeat callers in Westfield by 10 September 2026.

AP2: Housing Manager to write to the three landlords.

Action point 3 – Community Safety Officer – arrange the drop-in session – by 1 October 2026

## Delivery plan

1. Priority: reduce repeat victimisation
   1.1 Introduce a repeat-victim flag on the case system. Lead: ASB Coordinator. Due: Dec-26. RAG: Amber.
   1.2 Train call handlers to use the flag. Lead: Contact Centre Manager. Due: 2026-11-30. Status: Not started. RAG: Green.
"""


def test_numbered_action_points_and_sub_numbered_plan_items(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "ravenholt-tasking-group-notes-2026-08-20.md", NOTES)
    assert [(*_fields(e), e.rag) for e in _all(reg)] == [
        ("action", "AP1", "Sergeant Neil Abara to map repeat callers in Westfield by 10 September 2026", "Sergeant Neil Abara", "10 September 2026", "", "not stated", ""),
        ("action", "AP2", "Housing Manager to write to the three landlords", "Housing Manager", "", "", "not stated", ""),
        ("action", "Action point 3", "arrange the drop-in session", "Community Safety Officer", "1 October 2026", "", "not stated", ""),
        ("action", "1.1", "Introduce a repeat-victim flag on the case system", "ASB Coordinator", "Dec-26", "Amber", "in progress", "amber"),
        # a status field beside a rating field: the status is the status, the rating the rag
        ("action", "1.2", "Train call handlers to use the flag", "Contact Centre Manager", "2026-11-30", "Not started", "open", "green"),
    ]


MINUTE_COLUMN = """\
Westcombe Community Safety Partnership
Action log as at 15 October 2026

Minute\tAction required\tAccountable officer\tDeadline\tStatus
12/26\tRefresh the ASB case review leaflet\tASB Officer\t30/11/2026\tOpen
14/26\tReport the knife crime figures by ward\tPolice Analyst\tNext meeting\tComplete
15/26(b)\tWrite to the bus operator about late-night services\tChair\tTBC\tIn progress
"""


def test_a_trackers_minute_column_of_identifiers_is_the_reference(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "westcombe-csp-action-log-2026-10-15.txt", MINUTE_COLUMN)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "12/26", "Refresh the ASB case review leaflet", "ASB Officer", "30/11/2026", "Open", "open"),
        ("action", "14/26", "Report the knife crime figures by ward", "Police Analyst", "Next meeting", "Complete", "done"),
        ("action", "15/26(b)", "Write to the bus operator about late-night services", "Chair", "TBC", "In progress", "in progress"),
    ]


OWNER_LINES = """\
Brindle Valley Community Safety Partnership
Minutes of the meeting held on 2 November 2026

5. Fireworks season

The police would run joint patrols with the fire service on the three nights around 5 November.

Action by: Inspector Dale Rook

Members agreed that the council would send a letter to retailers about the sale of fireworks to under-18s.

Lead: Trading Standards Manager

6. Any other business

Ms Ruth Okafor agreed to circulate the winter campaign dates.
"""


def test_an_owner_line_under_a_paragraph_and_a_numbered_title_standing_alone(
    tmp_path: Path,
) -> None:
    reg = read_registers(tmp_path, "brindle-valley-csp-minutes-2026-11-02.txt", OWNER_LINES)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "5", "The police would run joint patrols with the fire service on the three nights around 5 November", "Inspector Dale Rook", "", "", "not stated"),
        ("action", "5", "Members agreed that the council would send a letter to retailers about the sale of fireworks to under-18s", "Trading Standards Manager", "", "", "not stated"),
        ("action", "6", "Ms Ruth Okafor agreed to circulate the winter campaign dates", "Ms Ruth Okafor", "", "", "not stated"),
    ]
