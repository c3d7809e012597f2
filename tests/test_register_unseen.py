# ruff: noqa: E501 - the papers print long lines
"""The fourth round of issue 10: what a layout not seen yet would print differently, on
short papers invented for these tests (no golden document prints them). Status words
outside the first lists, references in other forms, an owner printed after the words, a
due printed as a quarter or "end of March", "key: value" blocks per entry, "AGREED:" over
(i)/(ii) items, "Action: owner – text – by date". Each paper is read by the real loader,
segmenter and readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.register_conventions import current
from tests.conftest import read_registers


def _fields(e) -> tuple:  # noqa: ANN001
    """The fields a match compares (the text without its trailing full stop)."""
    return (e.kind, e.reference, e.text.rstrip("."), e.owner, e.due, e.status, e.state)


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("On track", "in progress"),
        ("Off track", "in progress"),
        ("Slipped", "in progress"),
        ("Delayed", "in progress"),
        ("At risk", "in progress"),
        ("On hold", "in progress"),
        ("Achieved", "done"),
        ("Actioned", "done"),
        ("Discharged", "done"),
        ("Complete – see minute 12", "done"),
        ("Completed (June 2024)", "done"),
        ("Overdue", "open"),
        ("Not yet due", "open"),
        ("Not due", "open"),
        ("Agreed, not yet started", "open"),
        ("Rolled over to 2025/26", "carried forward"),
        ("Transferred to the Community Safety Plan", "carried forward"),
        ("No longer required", "dropped"),
        ("Closed - not required", "dropped"),
        ("Merged with A/24/02", "dropped"),
    ],
)
def test_status_words_a_new_layout_may_print(status: str, state: str) -> None:
    assert current().state_of(status) == state


ACTION_LOG = """\
Mereworth Community Safety Partnership
Action log: position at 3 March 2025

Ref\tAction\tOwner\tDue\tStatus
A/24/01\tPublish the refreshed hate crime reporting guide\tCommunications Officer\tEnd of March 2025\tOn track
A/24/02\tBook a venue for the summer youth summit\tR. Okafor\tQ3 2024/25\tSlipped
A/24/03\tReport knife arch results to the Board\tInsp. Varga\tOngoing\tNot yet due
A/24/04\tReplace the Mill Lane gate lock\tHousing Lead\t14.02.25\tComplete – see minute 12
A/24/05\tAgree a data sharing annex with the hospital\tPublic Health Lead\t–\tOff track
"""


def test_an_action_log_with_other_status_words_references_and_dues(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "mereworth-action-log-2025-03-03.txt", ACTION_LOG)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "A/24/01", "Publish the refreshed hate crime reporting guide", "Communications Officer", "End of March 2025", "On track", "in progress"),
        ("action", "A/24/02", "Book a venue for the summer youth summit", "R. Okafor", "Q3 2024/25", "Slipped", "in progress"),
        ("action", "A/24/03", "Report knife arch results to the Board", "Insp. Varga", "Ongoing", "Not yet due", "open"),
        # a status word before commentary is the status; the commentary is the update
        ("action", "A/24/04", "Replace the Mill Lane gate lock", "Housing Lead", "14.02.25", "Complete", "done"),
        ("action", "A/24/05", "Agree a data sharing annex with the hospital", "Public Health Lead", "", "Off track", "in progress"),
    ]
    assert [a.due_date for a in reg.actions] == ["2025-03-31", None, None, "2025-02-14", None]
    assert reg.actions[3].update == "see minute 12"


MINUTES = """\
MERLOW COMMUNITY SAFETY PARTNERSHIP

Minutes of the meeting held on 9 April 2025

Present: Cllr A. Hartley (Chair), Insp. B. Nwosu, C. Lindqvist

5. YOUTH DIVERSION

The Board received the youth diversion update.

AGREED:

(i) that the diversion scheme be extended to the Eastgate ward;

(ii) that the Community Safety Manager report the first results to the Board by Q3 2025/26.

Action No. 7: R. Okafor to book the venue for the summer summit by end of March 2025.

Action: Community Safety Manager – circulate the revised diversion protocol – by 30 June 2025

Action (A/25/03): Review the lighting survey for the Eastgate underpass – Highways Officer

6. ANY OTHER BUSINESS

None.
"""


def test_minutes_with_agreed_items_and_actions_in_other_shapes(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "merlow-csp-minutes-2025-04-09.txt", MINUTES)
    assert [_fields(d) for d in reg.decisions] == [
        ("decision", "5", "that the diversion scheme be extended to the Eastgate ward", "", "", "", "not stated"),
        ("decision", "5", "that the Community Safety Manager report the first results to the Board by Q3 2025/26", "Community Safety Manager", "Q3 2025/26", "", "not stated"),
    ]
    assert sorted(_fields(a) for a in reg.actions) == sorted([
        ("action", "5", "that the Community Safety Manager report the first results to the Board by Q3 2025/26", "Community Safety Manager", "Q3 2025/26", "", "not stated"),
        ("action", "Action No. 7", "R. Okafor to book the venue for the summer summit by end of March 2025", "R. Okafor", "end of March 2025", "", "not stated"),
        ("action", "5", "circulate the revised diversion protocol", "Community Safety Manager", "30 June 2025", "", "not stated"),
        ("action", "A/25/03", "Review the lighting survey for the Eastgate underpass", "Highways Officer", "", "", "not stated"),
    ])
    assert {a.due_date for a in reg.actions if a.due == "end of March 2025"} == {"2025-03-31"}


RECORDS = """\
Kestlow Safer Streets Partnership
Outstanding actions, position at 20 January 2025

Action No.: 7
Task: Map the CCTV cameras that are not working
Responsible officer: CCTV Manager
Target: Q3 2024/25
Current status: Slipped
Comments: The survey contractor started late.

Action No.: 8
Task: Write to the bus operator about the late-night route
Responsible officer: Transport Lead
When: end of February 2025
Current status: Achieved

- Min 14/24(2) – Repair the play area gate. Lead: Parks Manager. By: 31 January 2025. **Overdue**
"""


def test_key_value_blocks_and_list_items_with_other_references(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "kestlow-outstanding-actions-2025-01-20.txt", RECORDS)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "7", "Map the CCTV cameras that are not working", "CCTV Manager", "Q3 2024/25", "Slipped", "in progress"),
        ("action", "8", "Write to the bus operator about the late-night route", "Transport Lead", "end of February 2025", "Achieved", "done"),
        ("action", "Min 14/24(2)", "Repair the play area gate", "Parks Manager", "31 January 2025", "Overdue", "open"),
    ]


CARD_TABLES = """\
# Hartwell Community Safety Partnership

## Review recommendations: position at 2 June 2025

| **HW1   Street lighting** | |
|---|---|
| Recommendation | That the council survey the lighting on the canal towpath |
| Cabinet response | Accepted |
| Lead officer | Highways Manager |
| Target date | September 2025 |
| Status | On track |

| **HW2   Reporting** | |
|---|---|
| Recommendation | That the Partnership publish one page on how to report street harassment |
| Lead officer | Communications Manager |
| Target date | - |
| Status | Complete |
"""


def test_field_cards_as_two_column_pipe_tables(tmp_path: Path) -> None:
    """The card layout as a converter writes a Word card to Markdown: a title row with the
    reference, then a label | value row per field."""
    reg = read_registers(tmp_path, "hartwell-review-recommendations-2025-06-02.md", CARD_TABLES)
    assert [_fields(r) for r in reg.recommendations] == [
        ("recommendation", "HW1", "That the council survey the lighting on the canal towpath", "Highways Manager", "September 2025", "On track", "in progress"),
        ("recommendation", "HW2", "That the Partnership publish one page on how to report street harassment", "Communications Manager", "", "Complete", "done"),
    ]


REPORT = """\
Wendham Borough Council

Report to: Community Safety Scrutiny Panel
Date of meeting: 12 March 2025

1. PURPOSE OF THE REPORT

1.1 This report sets out the Partnership's progress on its plan.

2. RECOMMENDATIONS

1. That the Panel notes the progress made on the plan.

2. That the Panel asks the Partnership to report on the night-time economy in September.

3. BACKGROUND

3.1 The plan was agreed in 2024. See recommendation 2 above.

Recommendations of the review

R1. The Partnership should commission a review of the CCTV network.

R2 – The Partnership should agree one referral form for all agencies.
"""


def test_report_recommendations_numbered_once_and_marked_without_bold(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "wendham-scrutiny-report-2025-03-12.txt", REPORT)
    assert [(r.reference, r.text.rstrip(".")) for r in reg.recommendations] == [
        ("1", "That the Panel notes the progress made on the plan"),
        ("2", "That the Panel asks the Partnership to report on the night-time economy in September"),
        ("R1", "The Partnership should commission a review of the CCTV network"),
        ("R2", "The Partnership should agree one referral form for all agencies"),
    ]


OWNER_LINES = """\
ORTON COMMUNITY SAFETY PARTNERSHIP

Minutes of the meeting held on 4 February 2025

Present: Cllr D. Amis (Chair), S. Marsh, T. Lyle

3. HATE CRIME

The Partnership discussed the reporting centres. Two have closed since the autumn and
a new list is needed by the end of March 2025.

Action: SM

DECIDED: that the hate crime action plan be approved.

4. ANY OTHER BUSINESS

T. Lyle to circulate the draft protocol by next meeting.
"""


def test_an_owner_only_action_label_and_a_decided_line(tmp_path: Path) -> None:
    """"Action: SM" under a paragraph names who does what the paragraph says; "DECIDED:"
    opens a resolution as "RESOLVED:" does; "by next meeting" is a due."""
    reg = read_registers(tmp_path, "orton-csp-minutes-2025-02-04.txt", OWNER_LINES)
    assert [_fields(d) for d in reg.decisions] == [
        # the "that" after "DECIDED:" is the label's, as after "Resolved:-"
        ("decision", "3", "the hate crime action plan be approved", "", "", "", "not stated"),
    ]
    assert sorted(_fields(a) for a in reg.actions) == sorted([
        ("action", "3", "The Partnership discussed the reporting centres. Two have closed since the autumn and a new list is needed by the end of March 2025", "SM", "the end of March 2025", "", "not stated"),
        ("action", "4", "T. Lyle to circulate the draft protocol by next meeting", "T. Lyle", "next meeting", "", "not stated"),
    ])


ALIGNED_LOG = """\
                      SELBY VALE COMMUNITY SAFETY PARTNERSHIP
                        Action log - position at 7 May 2025

Ref       Action                                   Owner            Due          Status
SV/25/01  Publish the summer safety campaign       Comms Officer    31 May 2025  On track
          plan on the council website
SV/25/02  Commission a street lighting survey of   Highways Lead    Jul 2025     Not started
          the Abbey Road underpass
SV/25/03  Share the youth diversion figures with   Insp. Harlow     -            Complete
          the Board

                                     Page 1 of 1
"""


def test_an_action_log_printed_as_space_aligned_columns(tmp_path: Path) -> None:
    """A log as `pdftotext -layout` writes it: columns lined up with spaces, a cell's
    words wrapped onto the next line under the same column."""
    reg = read_registers(tmp_path, "selby-vale-action-log-2025-05-07.txt", ALIGNED_LOG)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "SV/25/01", "Publish the summer safety campaign plan on the council website", "Comms Officer", "31 May 2025", "On track", "in progress"),
        ("action", "SV/25/02", "Commission a street lighting survey of the Abbey Road underpass", "Highways Lead", "Jul 2025", "Not started", "open"),
        ("action", "SV/25/03", "Share the youth diversion figures with the Board", "Insp. Harlow", "", "Complete", "done"),
    ]


CSV_LOG = """\
Tamford Community Safety Partnership - action log, 14 April 2025

Ref,Action,Owner,Due,Status
T1,"Refresh the ASB case review leaflet, in plain English",ASB Coordinator,30/04/2025,✅ Complete
T2,Map the shop theft hotspots,Insp. Quayle,Q1 2025/26,In progress
"""


def test_an_action_log_as_comma_separated_values(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "tamford-action-log-2025-04-14.txt", CSV_LOG)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "T1", "Refresh the ASB case review leaflet, in plain English", "ASB Coordinator", "30/04/2025", "✅ Complete", "done"),
        ("action", "T2", "Map the shop theft hotspots", "Insp. Quayle", "Q1 2025/26", "In progress", "in progress"),
    ]


def test_header_words_joined_by_a_slash_and_references_with_a_letter() -> None:
    conv = current()
    assert conv.column_role("Update / comments") == "update"
    assert conv.column_role("Owner/Lead") == "owner"
    assert conv.reference.match("2.1a")


INLINE_OWNERS = """\
ASHVALE COMMUNITY SAFETY PARTNERSHIP

Minutes of the meeting held on 2 June 2025

Present: Cllr P. Rowe (Chair), J. Wells, S. Marsh

7. NIGHT-TIME ECONOMY

The Partnership asked for a list of the venues that had not renewed their Best Bar None
accreditation by 30 June 2025. ACTION: JW/SM

Actions:
- Circulate the night-time economy dashboard to members (Community Safety Manager)
- The Licensing Manager and the Community Safety Manager to visit the three venues before the summer.
"""


def test_owners_printed_at_the_end_of_a_paragraph_or_in_brackets(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "ashvale-csp-minutes-2025-06-02.txt", INLINE_OWNERS)
    assert sorted(_fields(a) for a in reg.actions) == sorted([
        ("action", "7", "The Partnership asked for a list of the venues that had not renewed their Best Bar None accreditation by 30 June 2025", "JW/SM", "30 June 2025", "", "not stated"),
        ("action", "7", "Circulate the night-time economy dashboard to members", "Community Safety Manager", "", "", "not stated"),
        ("action", "7", "The Licensing Manager and the Community Safety Manager to visit the three venues before the summer", "Licensing Manager and the Community Safety Manager", "the summer", "", "not stated"),
    ])


DECISION_LOG = """\
# Brampton Vale Community Safety Partnership

## Decision log, as at 30 April 2025

| Ref | Date | Decision | Decided by | Status |
|---|---|---|---|---|
| D25/01 | 14 January 2025 | To fund two more street pastors' nights from the grant | Executive Group | Implemented |
| D25/02 | 11 March 2025 | To adopt the revised ASB case review procedure | Board | In progress |
"""


def test_a_decision_log_table(tmp_path: Path) -> None:
    """A table whose words column is headed "Decision" (and no action or recommendation
    column) is a log of decisions."""
    reg = read_registers(tmp_path, "brampton-vale-decision-log-2025-04-30.md", DECISION_LOG)
    assert [(d.reference, d.text, d.status, d.state) for d in reg.decisions] == [
        ("D25/01", "To fund two more street pastors' nights from the grant", "Implemented", "done"),
        ("D25/02", "To adopt the revised ASB case review procedure", "In progress", "in progress"),
    ]
    assert not reg.actions


MARKDOWN_MINUTES = """\
# Corrin Bay Community Safety Partnership

Minutes of the Board, 21 May 2025

Present: Cllr E. Ward (Chair), H. Okoro, D. Finch

### 12/25 Street drinking

Decision: That the dispersal order be renewed for a year.

**Minute 13/25 – Youth diversion**

Action: H. Okoro to report the diversion figures by Q2 2025/26.
"""


def test_minute_numbers_in_markdown_headings_are_the_references(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "corrin-bay-csp-minutes-2025-05-21.md", MARKDOWN_MINUTES)
    assert [_fields(d) for d in reg.decisions] == [
        ("decision", "12/25", "That the dispersal order be renewed for a year", "", "", "", "not stated"),
    ]
    assert [_fields(a) for a in reg.actions] == [
        ("action", "13/25", "H. Okoro to report the diversion figures by Q2 2025/26", "H. Okoro", "Q2 2025/26", "", "not stated"),
    ]


def test_a_due_printed_tbc_is_kept_and_a_dash_is_none(tmp_path: Path) -> None:
    log = (
        "Lenwick Community Safety Partnership\nAction tracker, 9 June 2025\n\n"
        "No.\tAction\tLead\tTarget\tProgress (RAG)\n"
        "1\tAgree the CCTV sharing protocol\tCCTV Manager\tTBC\tAmber\n"
        "2\tRefresh the hate crime leaflet\t–\t–\tGreen\n"
    )
    reg = read_registers(tmp_path, "lenwick-action-tracker-2025-06-09.txt", log)
    assert [(a.reference, a.owner, a.due, a.status, a.rag) for a in reg.actions] == [
        ("1", "CCTV Manager", "TBC", "Amber", "amber"),
        ("2", "", "", "Green", "green"),
    ]


def test_an_action_label_with_its_fields_after_its_words(tmp_path: Path) -> None:
    minutes = (
        "DENHOLM COMMUNITY SAFETY PARTNERSHIP\n\nMinutes of the meeting held on 3 July 2025\n\n"
        "Present: Cllr R. Tate (Chair), J. Wells\n\n4. CCTV\n\n"
        "Action: Circulate the revised camera map to members. Owner: JW. Due: 31 July 2025.\n"
    )
    reg = read_registers(tmp_path, "denholm-csp-minutes-2025-07-03.txt", minutes)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "4", "Circulate the revised camera map to members", "JW", "31 July 2025", "", "not stated"),
    ]


def test_labelled_lines_in_a_pdf_end_where_their_sentence_ends(tmp_path: Path) -> None:
    """A PDF's text has no blank lines: a "Decision:" or "Action:" line ends at the end of
    its sentence (or at the next label), not at the end of the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    folder = tmp_path / "papers"
    folder.mkdir()
    style = getSampleStyleSheet()["BodyText"]
    lines = [
        "HEXLEY COMMUNITY SAFETY PARTNERSHIP",
        "Minutes of the meeting held on 10 June 2025",
        "Present: Cllr A. Boyd (Chair), T. Lyle, S. Marsh",
        "<b>5. Shop theft</b>",
        "The Board received the shop theft profile, which showed a rise of 14% in the year to "
        "March 2025, mostly in the town centre and at the two retail parks on the ring road.",
        "Decision: That the shop theft profile be noted.",
        "Action: T. Lyle to share the retail crime figures with the Business Improvement "
        "District by 30 June 2025.",
        "The Chair thanked officers for the report and asked that the next update give the "
        "figures for the retail parks apart from those for the town centre.",
    ]
    SimpleDocTemplate(str(folder / "hexley-csp-minutes-2025-06-10.pdf"), pagesize=A4).build(
        [x for t in lines for x in (Paragraph(t, style), Spacer(1, 4))]
    )
    reg = read_registers(tmp_path)
    assert [_fields(d) for d in reg.decisions] == [
        ("decision", "5", "That the shop theft profile be noted", "", "", "", "not stated"),
    ]
    assert [_fields(a) for a in reg.actions] == [
        ("action", "5", "T. Lyle to share the retail crime figures with the Business Improvement District by 30 June 2025", "T. Lyle", "30 June 2025", "", "not stated"),
    ]


def test_a_report_recommendation_printed_once_without_a_number(tmp_path: Path) -> None:
    report = (
        "Fenmoor District Council\n\nReport to: Safer Fenmoor Partnership Board\n"
        "Date of meeting: 8 May 2025\n\nRECOMMENDATION\n\n"
        "That the Board approves the revised information-sharing agreement.\n\n"
        "1. BACKGROUND\n\n1.1 The agreement was last revised in 2021.\n\n"
        "Recommendation: That the Board asks each partner to name a data protection lead.\n"
    )
    reg = read_registers(tmp_path, "fenmoor-report-2025-05-08.txt", report)
    assert [r.text.rstrip(".") for r in reg.recommendations] == [
        "That the Board approves the revised information-sharing agreement",
        "That the Board asks each partner to name a data protection lead",
    ]
