# ruff: noqa: E501 - the papers print long lines
"""The tenth round of issue 10, tried on short papers invented for these tests (none is
copied from a register test document or the generator): entries after a marker of their
own ("> **D1** The Board approved ..."), their kind from the paper's key or their sentence;
a share complete as the status ("75%"); a key whose pairs are set apart by dashes; the due
of several date columns (the last no header names, the revised of two named); a header of
three fields over an unnamed words column; an owner header ending in a role noun; a column
of short labels no key defines as the status; a column of dates and "Next meeting" cells as
the due; a PDF header repeated on the next page as one table; tab-separated and lined-up
rows never read as label lines. Each paper is read by the real loader, segmenter and
readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.register_conventions import current
from tests.conftest import read_registers


def _all(reg) -> list:  # noqa: ANN001
    entries = [*reg.decisions, *reg.actions, *reg.recommendations]
    return sorted(entries, key=lambda e: (e.where.start, e.kind))


def _fields(e) -> tuple:  # noqa: ANN001
    return (e.kind, e.reference, e.text, e.owner, e.due, e.status, e.state)


# --- Entries after a marker of their own --------------------------------------------------

NOTES = """\
# Brackwater Safety Forum

Notes of the meeting on 3 March 2026

_Outcomes are numbered O1, O2 ... through these notes._

## 1. Street drinking

Members discussed the Quayside problem.

> **O1** The Forum approved the alcohol-free zone consultation.
>
> **O2** That the Quayside signage be replaced.

## 2. Tasking

**T4** Warden Team to patrol the slipway before Easter.

Three cases were closed (T4 in January).
"""


def test_entries_after_their_own_marker_in_quotes_and_paragraphs(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "brackwater-forum-notes-2026-03-03.md", NOTES)
    assert [_fields(e) for e in _all(reg)] == [
        ("decision", "O1", "The Forum approved the alcohol-free zone consultation", "", "", "", "not stated"),
        ("decision", "O2", "That the Quayside signage be replaced", "", "", "", "not stated"),
        ("action", "T4", "Warden Team to patrol the slipway before Easter", "Warden Team", "Easter", "", "not stated"),
    ]


def test_a_papers_key_names_the_kind_its_letters_give() -> None:
    from ingest.register_markers import marker_key

    key = marker_key("Decisions are numbered D1, D2 ...; actions are numbered A1, A2 ...", current())
    assert key == {"d": "decision", "a": "action"}


def test_a_marker_before_words_that_decide_nothing_is_no_entry(tmp_path: Path) -> None:
    text = "# Notes\n\n**Q3** Figures for the quarter are in the appendix.\n\n**Q4** 12 cases\n"
    reg = read_registers(tmp_path, "kellow-notes-2026-04-01.md", text)
    assert _all(reg) == []


# --- Statuses: a share complete, a key with dashes, labels no key defines -------------------


@pytest.mark.parametrize(
    ("status", "state"),
    [("0%", "open"), ("40%", "in progress"), ("100%", "done"), ("100 %", "done"), ("130%", "not stated")],
)
def test_a_share_complete_is_a_status(status: str, state: str) -> None:
    assert current().state_of(status) == state


PLAN = """\
# Selby Marsh Partnership plan

Position at 30 April 2026

Progress key: Frozen - held until the new contract starts; Ditched - ended without being completed.

| Ref | Action | Lead | Kick-off | Finish | Progress | Notes |
|---|---|---|---|---|---|---|
| P1 | Recruit two more wardens | Wardens Manager | Jan 2026 | Jun 2026 | 50% | Interviews in May. |
| P2 | Replace the harbour cameras | CCTV Manager | Feb 2026 | Sep 2026 | Ditched | Funding went to P1. |
| P3 | Run the summer diversion scheme | Youth Worker | Mar 2026 | Aug 2026 | 0% | - |
"""


def test_a_percentage_progress_column_and_the_last_of_two_unnamed_dates(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "selby-marsh-plan-2026-04-30.md", PLAN)
    assert [_fields(e) for e in _all(reg)] == [
        ("action", "P1", "Recruit two more wardens", "Wardens Manager", "Jun 2026", "50%", "in progress"),
        ("action", "P2", "Replace the harbour cameras", "CCTV Manager", "Sep 2026", "Ditched", "dropped"),
        ("action", "P3", "Run the summer diversion scheme", "Youth Worker", "Aug 2026", "0%", "open"),
    ]


LOG = """\
Ravensfold Partnership action log

| Ref | Task | Who leads | Target date | New target | Stage | Comments |
|---|---|---|---|---|---|---|
| R1 | Write to the bus company | Chair | 31/01/2026 | 28/02/2026 | Tbc | Letter drafted. |
| R2 | Map the lighting faults | Analyst | 31/03/2026 | 30/04/2026 | See note | Survey due. |
"""


def test_the_revised_target_is_the_due_and_unknown_labels_are_the_status(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "ravensfold-log-2026-03-01.md", LOG)
    assert [_fields(e) for e in _all(reg)] == [
        ("action", "R1", "Write to the bus company", "Chair", "28/02/2026", "Tbc", "not stated"),
        ("action", "R2", "Map the lighting faults", "Analyst", "30/04/2026", "See note", "not stated"),
    ]


ALIGNED = """\
Fenmoor Tasking Group

Ref   Due           Status       Commitment                               Named officer     Remarks
F/K/01  Next meeting  Open         Visit the three licensed premises again  Licensing Officer  Booked.
F/K/02  12 May 2026   Complete     Fit the alley gate at Weir Street        Housing Officer    Done in April.
"""


def test_a_header_of_three_fields_and_an_owner_header_ending_in_a_role_noun(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "fenmoor-tasking-2026-05-20.txt", ALIGNED)
    assert [_fields(e) for e in _all(reg)] == [
        ("action", "F/K/01", "Visit the three licensed premises again", "Licensing Officer", "Next meeting", "Open", "open"),
        ("action", "F/K/02", "Fit the alley gate at Weir Street", "Housing Officer", "12 May 2026", "Complete", "done"),
    ]


TABBED = (
    "Ref\tComments\tStatus\tAction\tLead\tDue\n"
    "AP1\tDraft agreed.\tOpen\tAgree the CCTV protocol\tCCTV Manager\t31/05/2026\n"
    "AP2\t-\tOpen\tPublish the patrol map\tAnalyst\tEnd date\n"
)


def test_a_tab_separated_row_with_a_dash_cell_is_no_label_line(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "tarnby-log-2026-06-01.txt", TABBED)
    assert [(e.reference, e.text, e.owner) for e in _all(reg)] == [
        ("AP1", "Agree the CCTV protocol", "CCTV Manager"),
        ("AP2", "Publish the patrol map", "Analyst"),
    ]


# --- A PDF table whose header row is repeated on the next page ------------------------------


def _two_page_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A6, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"].clone("c", fontSize=7, leading=8)
    rows = [["Ref", "Action", "Lead", "Where it stands"]]
    rows += [[f"K{n}", f"Check the lighting on route {n}", "Street Lighting Officer",
              "Lilac" if n % 2 else "Tbc"] for n in range(1, 8)]
    table = Table([[Paragraph(c, style) for c in r] for r in rows], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A6))
    doc.build([Paragraph("Kestle Partnership lighting log", style), Spacer(1, 40), table])


def test_a_pdf_tables_repeated_header_continues_one_table(tmp_path: Path) -> None:
    from pypdf import PdfReader

    folder = tmp_path / "papers"
    folder.mkdir()
    pdf = folder / "kestle-lighting-log-2026-02-02.pdf"
    _two_page_pdf(pdf)
    assert len(PdfReader(pdf).pages) >= 2  # the table breaks across a page
    reg = read_registers(tmp_path)
    assert [(e.reference, e.status, e.state) for e in _all(reg)] == [
        (f"K{n}", "Lilac" if n % 2 else "Tbc", "not stated") for n in range(1, 8)
    ]


def test_a_pdf_rows_wrapped_lines_that_read_like_labels_are_no_header(tmp_path: Path) -> None:
    """A row whose wrapped lines print "the last meeting." and "date agreed" (words the
    conventions name columns by) carries on its row: a header's labels are capitalised."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"].clone("c", fontSize=7, leading=8)
    rows = [["Ref", "Recommendation", "Update", "Status", "Lead", "Due"],
            ["G1", "That the council funds taxi marshals for a further year", "Visits began in the spring.",
             "Open", "PC", "Mar 2026"],
            ["G2", "The Board should publish the serious violence action plan on the council website",
             "No change since the last meeting.", "Complete – new date agreed", "PC", "01/11/2026"]]
    widths = [73] * 6  # so that the cells wrap as "No change since" / "the last meeting."
    table = Table([[Paragraph(c, style) for c in r] for r in rows], colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    folder = tmp_path / "papers"
    folder.mkdir()
    SimpleDocTemplate(str(folder / "gorsey-log-2026-01-12.pdf"), pagesize=A5).build([table])
    reg = read_registers(tmp_path)
    assert [(e.reference, e.text, e.status, e.state) for e in _all(reg)] == [
        ("G1", "That the council funds taxi marshals for a further year", "Open", "open"),
        ("G2", "The Board should publish the serious violence action plan on the council website", "Complete", "done"),
    ]
