# ruff: noqa: E501 - the papers print long lines
"""The third round's families of issue 10, in forms the golden documents do not print:
tables whose columns the header words do not name (read by their cells), minutes printed
as a pipe table with an owner column, and resolutions and "X to ..." lines in a paper no
other reader knows. Each paper is read by the real loader, segmenter and readers."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import read_registers


def _fields(e) -> tuple:  # noqa: ANN001
    return (e.kind, e.reference, e.text, e.owner, e.due, e.status, e.state)


UNNAMED_COLUMNS = """\
Ashcombe Community Safety Partnership
Delivery commitments: position at 12 May 2025

Code\tCommitment\tOfficer\tMonth\tState
C1\tOpen a second youth hub in the Fairfield ward before the summer holidays\tJW\tJul 2025\tIn progress
C2\tRefresh the hate crime reporting centres list and publish it on the website\tPN / LO\t30/06/2025\tComplete
C3\tAgree a protocol for closing problem premises with the licensing team\tInsp. Drury\tMar 2026\tNot started
"""


def test_a_table_whose_headers_name_nothing_is_read_by_its_cells(tmp_path) -> None:
    """"Code | Commitment | Officer | Month | State": none of these header words is in the
    conventions, but a column of references, the longest text, initials and names, dates
    and status words say what each column is."""
    reg = read_registers(tmp_path, "ashcombe-commitments-2025-05-12.txt", UNNAMED_COLUMNS)
    assert [_fields(a) for a in reg.actions] == [
        ("action", "C1", "Open a second youth hub in the Fairfield ward before the summer holidays", "JW", "Jul 2025", "In progress", "in progress"),
        ("action", "C2", "Refresh the hate crime reporting centres list and publish it on the website", "PN / LO", "30/06/2025", "Complete", "done"),
        ("action", "C3", "Agree a protocol for closing problem premises with the licensing team", "Insp. Drury", "Mar 2026", "Not started", "open"),
    ]
    assert not reg.decisions and not reg.recommendations


PIPE_MINUTES = """\
# Brackenford Community Safety Partnership

## Minutes of the Strategy Group, 8 April 2025

| No. | Discussion | Action by |
|---|---|---|
| 21 | **Hate crime** |  |
|  | The Group received the quarterly hate crime profile. Reports rose by 9%. |  |
|  | JW to circulate the profile to the third-party reporting centres by 30 April 2025. | JW |
|  | Tenancy data to be added to the next profile. | SM / LO |
|  | Resolved: |  |
|  | (1) That the profile be noted; and |  |
|  | (2) That the Chair write to the Police and Crime Commissioner about the reporting centres. |  |
| 22 | **Any other business** |  |
|  | None. |  |
"""


def test_minutes_as_a_pipe_table_with_an_action_by_column(tmp_path) -> None:
    reg = read_registers(tmp_path, "brackenford-csp-strategy-group-minutes-2025-04-08.md", PIPE_MINUTES)
    assert [_fields(d) for d in reg.decisions] == [
        ("decision", "21", "That the profile be noted", "", "", "", "not stated"),
        ("decision", "21", "That the Chair write to the Police and Crime Commissioner about the reporting centres", "Chair", "", "", "not stated"),
    ]
    assert [_fields(a) for a in reg.actions] == [
        ("action", "21", "JW to circulate the profile to the third-party reporting centres by 30 April 2025", "JW", "30 April 2025", "", "not stated"),
        ("action", "21", "Tenancy data to be added to the next profile", "SM / LO", "", "", "not stated"),
        ("action", "21", "That the Chair write to the Police and Crime Commissioner about the reporting centres", "Chair", "", "", "not stated"),
    ]


NOTES = """\
Safer Kelderby Partnership

Notes of the partnership meeting, 3 June 2025

1. Notes of the last meeting

The notes of the meeting on 4 March were agreed as a correct record.

2. Street drinking

The group discussed street drinking in the market square.

Agreed: that the dispersal protocol be adopted for a trial of six months.

KT to share the dispersal data with the licensing team by 20 June 2025.

- Resolved - that the Chair write to the town council about the benches.

Sergeant Amir Khan agreed to arrange joint patrols on market days.
"""


def test_resolutions_and_x_to_lines_in_a_paper_no_reader_knows(tmp_path) -> None:
    """No minutes heading, no Present list, no labels: the last reader still finds the
    sentence-case resolutions and who is to do what; the narrative "agreed as a correct
    record" is no decision."""
    reg = read_registers(tmp_path, "kelderby-notes-2025-06-03.txt", NOTES)
    assert sorted(d.text for d in reg.decisions) == [  # "that" belongs to the label
        "the Chair write to the town council about the benches",
        "the dispersal protocol be adopted for a trial of six months",
    ]
    actions = {a.text: (a.owner, a.due) for a in reg.actions}
    assert actions == {
        "KT to share the dispersal data with the licensing team by 20 June 2025": ("KT", "20 June 2025"),
        "the Chair write to the town council about the benches": ("Chair", ""),
        "Sergeant Amir Khan agreed to arrange joint patrols on market days": ("Sergeant Amir Khan", ""),
    }


def _plan_pdf(path: Path) -> None:
    """A recommendations-and-actions plan as a ruled PDF table with no reference column:
    the recommendation's cell is left empty on its further actions' rows, a full-width
    theme row stands between groups, and the table runs onto a second page without its
    header row."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
    rows = [["Recommendation", "What we will do", "Lead", "By", "Status"]]
    spans = []
    actions = [
        ("Licensed premises should report suspected drink spiking to the police on the night it happens.",
         "Brief every Pubwatch member on the reporting route", "Licensing Team", "31 July 2025", "Complete"),
        ("", "Add drink spiking to the licensing inspection checklist", "Licensing Team", "Sep 2025", "In progress"),
    ]
    for n in range(1, 12):
        actions.append(("", f"Visit late-night venue {n} with the licensing officer and record the visit", "Licensing Team", "Oct 2025", "Not started"))
    rows.append(["Theme 1: Night-time economy", "", "", "", ""])
    spans.append(len(rows) - 1)
    rows += [[Paragraph(x, cell) for x in a] for a in actions]
    rows.append(["Theme 2: Youth violence", "", "", "", ""])
    spans.append(len(rows) - 1)
    rows.append([Paragraph(x, cell) for x in (
        "Schools should receive knife crime awareness sessions every year.",
        "Deliver knife crime sessions in all six secondary schools", "Police Schools Officer",
        "March 2026", "Withdrawn")])
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTSIZE", (0, 0), (-1, -1), 8),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    style += [("SPAN", (0, r), (-1, r)) for r in spans]
    table = Table(rows, colWidths=[150, 150, 80, 60, 60], style=TableStyle(style))
    story = [Paragraph("Ashcombe Community Safety Partnership", body),
             Paragraph("Review action plan: position at 30 June 2025", body), Spacer(1, 420), table]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)


def test_a_pdf_plan_with_two_entry_columns_and_no_reference_column(tmp_path) -> None:
    """Rows are told apart by their lines' spacing (no reference opens them); a row with
    an empty recommendation cell is a further action, the theme rows are no entries, and
    the rows on page 2 keep their columns without a header."""
    from ingest.load import load

    folder = tmp_path / "papers"
    folder.mkdir()
    path = folder / "ashcombe-review-action-plan-2025-06-30.pdf"
    _plan_pdf(path)
    assert len(load(path).pages) == 2
    reg = read_registers(tmp_path)
    assert [(r.text, r.owner, r.status) for r in reg.recommendations] == [
        ("Licensed premises should report suspected drink spiking to the police on the night it happens", "", ""),
        ("Schools should receive knife crime awareness sessions every year", "", ""),
    ]
    actions = [(a.text, a.owner, a.due, a.status, a.state) for a in reg.actions]
    assert len(actions) == 14
    assert actions[:2] == [
        ("Brief every Pubwatch member on the reporting route", "Licensing Team", "31 July 2025", "Complete", "done"),
        ("Add drink spiking to the licensing inspection checklist", "Licensing Team", "Sep 2025", "In progress", "in progress"),
    ]
    assert actions[-1] == ("Deliver knife crime sessions in all six secondary schools", "Police Schools Officer", "March 2026", "Withdrawn", "dropped")
    assert {a.where.page for a in reg.actions} == {1, 2}
    assert not any(a.text.startswith("Theme") for a in reg.actions)
