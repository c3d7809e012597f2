# ruff: noqa: E501 - the papers print long lines
"""The fifth round of issue 10: the field readers on forms no golden prints, on short
papers invented for these tests. A minute or item identifier in any form heading or in the
margin of its minute is the reference of what the minute holds (unless an entry prints its
own); every label line is its own entry; a PDF plan printed as one table per section, in
landscape, its header repeated after a page break; status words a paper defines in its own
key. Each paper is read by the real loader, segmenter and readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_registers


def _fields(e) -> tuple:  # noqa: ANN001
    return (e.kind, e.reference, e.text.rstrip("."), e.owner, e.due, e.status, e.state)


# --- References: the identifier a heading or a margin opens with ----------------------------

MINUTES = """\
Brackwater Safer Streets Board
Minutes of the meeting held on 4 February 2026

{first}
{underline}
The Board discussed the lighting survey of the riverside path.

Action: R. Quill to send the survey to the parish councils by 27 February 2026.


{second}
{underline}
The Board heard that two cameras on Dock Road are out of service.

Action (BSB/ACT/31): T. Marr to ask the contractor for a repair date by 13 February 2026.
"""


@pytest.mark.parametrize(
    ("first", "second", "ref1", "ref2"),
    [
        ("KLP/26/03  Riverside path lighting", "KLP/26/04  Dock Road cameras", "KLP/26/03", "KLP/26/04"),
        ("BSB 07/26 Riverside path lighting", "BSB 08/26 Dock Road cameras", "BSB 07/26", "BSB 08/26"),
        ("Min. 23 Riverside path lighting", "Min. 24 Dock Road cameras", "23", "24"),
        ("M/2026/07 – Riverside path lighting", "M/2026/08 – Dock Road cameras", "M/2026/07", "M/2026/08"),
        ("07/26(2)\tRiverside path lighting", "07/26(3)\tDock Road cameras", "07/26(2)", "07/26(3)"),
        ("Item 6.1 Riverside path lighting", "Item 6.2 Dock Road cameras", "6.1", "6.2"),
        ("Agenda item 9: Riverside path lighting", "Agenda item 10: Dock Road cameras", "9", "10"),
    ],
)
@pytest.mark.parametrize("underline", ["", "~" * 30])
def test_an_entry_takes_its_minutes_identifier_unless_it_prints_its_own(
    tmp_path: Path, first: str, second: str, ref1: str, ref2: str, underline: str
) -> None:
    text = MINUTES.format(first=first, second=second, underline=underline)
    if not underline:
        text = text.replace("\n\n\n", "\n\n").replace(f"{first}\n\n", f"{first}\n")
        text = text.replace(f"{second}\n\n", f"{second}\n")
    reg = read_registers(tmp_path, "brackwater-board-minutes-2026-02-04.txt", text)
    assert [_fields(a) for a in reg.actions] == [
        ("action", ref1, "R. Quill to send the survey to the parish councils by 27 February 2026", "R. Quill", "27 February 2026", "", "not stated"),
        ("action", "BSB/ACT/31", "T. Marr to ask the contractor for a repair date by 13 February 2026", "T. Marr", "13 February 2026", "", "not stated"),
    ]
    assert [a.item for a in reg.actions] == [ref1, ref2]


MARGIN = """\
Brackwater Safer Streets Board
Minutes of the meeting held on 4 March 2026

PRESENT:   Cllr J. Pym (Chair), R. Quill, T. Marr

11/26(1)    The Board received the quarterly hate crime report. Reports had risen by 8%,
            mostly online.

            RESOLVED that the report be noted.

11/26(2)    The Board considered the draft hate crime charter.

            Action: T. Marr to send the charter to the schools forum by 20 March 2026.
"""


def test_an_identifier_in_the_margin_opens_its_minute(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackwater-board-minutes-2026-03-04.txt", MARGIN)
    assert [_fields(d) for d in reg.decisions] == [
        ("decision", "11/26(1)", "the report be noted", "", "", "", "not stated"),
    ]
    assert [_fields(a) for a in reg.actions] == [
        ("action", "11/26(2)", "T. Marr to send the charter to the schools forum by 20 March 2026", "T. Marr", "20 March 2026", "", "not stated"),
    ]


def test_a_numbered_sentence_or_a_table_row_opens_no_minute(tmp_path: Path) -> None:
    """A numbered paragraph that is a sentence, or a line of an aligned table, heads no
    item: an action under it takes the heading above."""
    text = (
        "Brackwater Safer Streets Board\nMinutes of the meeting held on 1 April 2026\n\n"
        "KLP/26/09  Youth diversion\n\n"
        "12/26 was the number of referrals made in the year, the Board heard.\n\n"
        "Action: R. Quill to report the referral figures by 29 May 2026.\n"
    )
    reg = read_registers(tmp_path, "brackwater-board-minutes-2026-04-01.txt", text)
    assert [a.reference for a in reg.actions] == ["KLP/26/09"]


# --- One entry per label line -------------------------------------------------------------

LABELS = """\
Brackwater Safer Streets Board
Minutes of the meeting held on 6 May 2026

KLP/26/14  Night-time economy

The Board discussed the taxi marshal pilot.

Decision: That the taxi marshal pilot continue until October 2026.
Action: Licensing Lead – book the marshals for the summer weekends – by 22 May 2026
Action: R. Quill – ask the bus operator about a late service
Action: T. Marr to brief the pubwatch on the pilot by the next meeting.
"""


def test_every_label_line_is_its_own_entry(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackwater-board-minutes-2026-05-06.txt", LABELS)
    assert [_fields(d) for d in reg.decisions] == [
        ("decision", "KLP/26/14", "That the taxi marshal pilot continue until October 2026", "", "", "", "not stated"),
    ]
    assert [_fields(a) for a in reg.actions] == [
        ("action", "KLP/26/14", "book the marshals for the summer weekends", "Licensing Lead", "22 May 2026", "", "not stated"),
        ("action", "KLP/26/14", "ask the bus operator about a late service", "R. Quill", "", "", "not stated"),
        ("action", "KLP/26/14", "T. Marr to brief the pubwatch on the pilot by the next meeting", "T. Marr", "the next meeting", "", "not stated"),
    ]


def test_a_label_line_keeps_its_wrapped_words(tmp_path: Path) -> None:
    """A label's words wrapped onto the next line are still its words; the next label is
    another entry."""
    text = (
        "Brackwater Safer Streets Board\nMinutes of the meeting held on 3 June 2026\n\n"
        "KLP/26/20  Street drinking\n\n"
        "Action: R. Quill to map the street drinking reports near the station\n"
        "and the bus interchange by 30 June 2026.\n"
        "Action: T. Marr to ask the outreach team to visit by 19 June 2026.\n"
    )
    reg = read_registers(tmp_path, "brackwater-board-minutes-2026-06-03.txt", text)
    assert [a.text.rstrip(".") for a in reg.actions] == [
        "R. Quill to map the street drinking reports near the station and the bus interchange by 30 June 2026",
        "T. Marr to ask the outreach team to visit by 19 June 2026",
    ]


# --- Status words from the paper's own key ----------------------------------------------

KEYED_LOG = """\
Brackwater Safer Streets Board
Action log, position at 2 July 2026

Key: Embedded = complete and now part of routine work; Scoping = not yet started; Parked = taken out of the plan by the Board; Wobbling = under way but behind

Ref\tAction\tOwner\tDue\tStatus
BSB/26/01\tPublish the hate crime charter\tT. Marr\tJune 2026\tEmbedded
BSB/26/02\tCommission a lighting survey of the towpath\tR. Quill\tSep 2026\tScoping
BSB/26/03\tRun a summer knife amnesty\tInsp. Dove\tAug 2026\tParked
BSB/26/04\tTrain door staff in vulnerability spotting\tLicensing Lead\tJul 2026\tWobbling
BSB/26/05\tReview the dispersal order\tInsp. Dove\tJul 2026\tComplete
"""


def test_status_words_take_their_state_from_the_papers_key(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackwater-action-log-2026-07-02.txt", KEYED_LOG)
    assert [(a.reference, a.status, a.state) for a in reg.actions] == [
        ("BSB/26/01", "Embedded", "done"),
        ("BSB/26/02", "Scoping", "open"),
        ("BSB/26/03", "Parked", "dropped"),
        ("BSB/26/04", "Wobbling", "in progress"),
        ("BSB/26/05", "Complete", "done"),
    ]
    assert not [e for e in (*reg.decisions, *reg.recommendations)]  # the key is no entry


def test_a_key_printed_as_lines_under_a_heading(tmp_path: Path) -> None:
    text = KEYED_LOG.replace(
        "Key: Embedded = complete and now part of routine work; Scoping = not yet started; Parked = taken out of the plan by the Board; Wobbling = under way but behind",
        "Status key\nEmbedded – complete and now part of routine work\nScoping – not yet started\n"
        "Parked – taken out of the plan by the Board\nWobbling – under way but behind",
    )
    reg = read_registers(tmp_path, "brackwater-action-log-2026-07-02.txt", text)
    assert [a.state for a in reg.actions] == ["done", "open", "dropped", "in progress", "done"]


def test_a_key_never_makes_a_rating_done(tmp_path: Path) -> None:
    """"Green = complete" in a key: a RAG rating alone still never closes an entry."""
    text = KEYED_LOG.replace("Key: Embedded", "Key: Green = complete; Embedded").replace(
        "\tEmbedded\n", "\tGreen\n")
    reg = read_registers(tmp_path, "brackwater-action-log-2026-07-02.txt", text)
    assert (reg.actions[0].status, reg.actions[0].state, reg.actions[0].rag) == (
        "Green", "in progress", "green")


def test_a_status_word_no_key_defines_and_no_convention_knows_is_not_stated() -> None:
    from ingest.register_conventions import current
    from ingest.register_keys import status_key

    conv = current()
    key = status_key("Key: Embedded = complete; Parked = withdrawn\n", conv)
    assert key == {"embedded": "done", "parked": "dropped"}
    assert conv.state_of("Wobbling") == "not stated"
    assert status_key("The key issue is funding.\nKey dates: 3 May = launch\n", conv) == {}


# --- A PDF plan: one table per section, landscape, the header repeated ------------------

def _plan_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]
    cell = body.clone("cell", fontSize=8, leading=10)
    header = ["Ref", "Deliverable", "Responsible", "Partners", "Target", "Status", "Commentary"]
    words = (
        "The commissioning panel met twice and the specification was agreed with the "
        "voluntary sector forum after a second round of comments."
    )
    sections = {
        "Theme 1: Safer streets": [
            (f"S1.{n}", f"Deliver the safer streets measure number {n} in the riverside wards",
             "Community Safety Officer", "Police", "Dec 2026", status, words)
            for n, status in zip(range(1, 15), ["Embedded", "Wobbling", "Scoping"] * 5)
        ],
        "Theme 2: Domestic abuse": [
            ("S2.1", "Open a second refuge move-on flat", "Housing Options Manager", "-",
             "Mar 2027", "Parked", "Taken out of the plan in May."),
            ("S2.2", "Train GP receptionists in safe enquiry", "DA Coordinator", "ICB",
             "Quarterly", "Embedded", "All practices trained."),
        ],
    }
    story = [
        Paragraph("Brackwater Safer Streets Board - delivery plan update, 9 September 2026", body),
        Paragraph("Key: Embedded = complete and now part of routine work; Scoping = not yet "
                  "started; Parked = taken out of the plan by the Board; Wobbling = under way "
                  "but behind", body),
    ]
    for title, rows in sections.items():
        story += [Spacer(1, 8), Paragraph(f"<b>{title}</b>", body)]
        data = [header] + [[Paragraph(c, cell) for c in r] for r in rows]
        table = Table(data, colWidths=[40, 200, 110, 70, 55, 60, 230], repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def test_a_pdf_plan_with_one_table_per_section(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    _plan_pdf(folder / "brackwater-delivery-plan-2026-09-09.pdf")
    from pypdf import PdfReader

    pages = PdfReader(str(folder / "brackwater-delivery-plan-2026-09-09.pdf")).pages
    assert len(pages) >= 2 and pages[1].extract_text().count("Deliverable") >= 1  # repeated
    reg = read_registers(tmp_path, "brackwater-delivery-plan-2026-09-09.pdf")
    got = [(a.reference, a.owner, a.due, a.status, a.state) for a in reg.actions]
    states = {"Embedded": "done", "Wobbling": "in progress", "Scoping": "open"}
    assert got == [
        (f"S1.{n}", "Community Safety Officer", "Dec 2026", s, states[s])
        for n, s in zip(range(1, 15), ["Embedded", "Wobbling", "Scoping"] * 5)
    ] + [
        ("S2.1", "Housing Options Manager", "Mar 2027", "Parked", "dropped"),
        ("S2.2", "DA Coordinator", "Quarterly", "Embedded", "done"),
    ]
    assert reg.actions[0].text == "Deliver the safer streets measure number 1 in the riverside wards"
    assert reg.actions[-1].update == "All practices trained"


# --- More forms: a dash after the label, numbered words in a table, a PDF's headings -----

def test_a_label_followed_by_a_dash(tmp_path: Path) -> None:
    text = (
        "Brackwater Safer Streets Board\nMinutes of the meeting held on 1 July 2026\n\n"
        "KLP/26/25  Taxi marshals\n\n"
        "Decision: The Board agreed to fund the marshals for August (£4,000).\n"
        "Action – Licensing Lead – book the marshals – by 17 July 2026\n"
    )
    reg = read_registers(tmp_path, "brackwater-board-minutes-2026-07-01.txt", text)
    assert [d.text.rstrip(".") for d in reg.decisions] == [
        "The Board agreed to fund the marshals for August (£4,000)"]
    assert [_fields(a) for a in reg.actions] == [
        ("action", "KLP/26/25", "book the marshals", "Licensing Lead", "17 July 2026", "", "not stated"),
    ]


def test_a_tracker_whose_words_cells_open_with_their_number(tmp_path: Path) -> None:
    text = (
        "Brackwater Council\nScrutiny recommendation tracker\nReport date: 15 July 2026\n\n"
        "Recommendation\tCabinet response\tLead officer\tTimescale\tProgress\tStatus\n"
        "1. The council should fund a second street warden\tAgreed\tHead of Neighbourhoods\tMarch 2027\tWarden recruited\tImplemented\n"
        "2. Licensing should review the late-night levy\tPartly agreed\tLicensing Manager\tDecember 2026\tReview begun\tIn progress\n"
    )
    reg = read_registers(tmp_path, "brackwater-scrutiny-tracker-2026-07-15.txt", text)
    assert [_fields(r) for r in reg.recommendations] == [
        ("recommendation", "1", "The council should fund a second street warden", "Head of Neighbourhoods", "March 2027", "Implemented", "done"),
        ("recommendation", "2", "Licensing should review the late-night levy", "Licensing Manager", "December 2026", "In progress", "in progress"),
    ]


def test_a_pdfs_minute_headings_with_a_coded_identifier(tmp_path: Path) -> None:
    """A PDF's text has no blank lines and no bold: "BSB 31/26 Domestic abuse" still heads
    its minute."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    folder = tmp_path / "papers"
    folder.mkdir()
    style = getSampleStyleSheet()["BodyText"]
    lines = [
        "BRACKWATER SAFER STREETS BOARD", "Minutes of the Board meeting, 21 May 2026",
        "<b>BSB 31/26 Domestic abuse</b>", "The Board received the strategy refresh.",
        "Action: DA Coordinator to circulate the strategy to partners by 5 June 2026.",
        "<b>BSB 32/26 Shop theft</b>", "The Board received the shop theft profile.",
        "Action: Chair to write to the retail forum about the profile.",
    ]
    SimpleDocTemplate(str(folder / "brackwater-board-minutes-2026-05-21.pdf"), pagesize=A4).build(
        [x for t in lines for x in (Paragraph(t, style), Spacer(1, 4))])
    reg = read_registers(tmp_path, "brackwater-board-minutes-2026-05-21.pdf")
    assert [(a.reference, a.owner) for a in reg.actions] == [
        ("BSB 31/26", "DA Coordinator"), ("BSB 32/26", "Chair")]


def test_two_partnerships_meeting_on_one_day_keep_their_own_decisions(tmp_path: Path) -> None:
    """The same words resolved by two partnerships on the same date are two decisions: a
    copy of a meeting is of the same partnership (minutes filed twice are kept once)."""
    folder = tmp_path / "papers"
    folder.mkdir()
    for place in ("Brackwater", "Ottermouth"):
        (folder / f"{place.lower()}-csp-minutes-2026-03-05.md").write_text(
            f"# {place} Community Safety Partnership\n\nMinutes of the meeting held on "
            "5 March 2026\n\n## 4. Performance report\n\nRESOLVED that the information be "
            "noted.\n", encoding="utf-8")
    reg = read_registers(tmp_path)
    assert sorted(d.partnership for d in reg.decisions) == [
        "Brackwater Community Safety Partnership", "Ottermouth Community Safety Partnership"]
