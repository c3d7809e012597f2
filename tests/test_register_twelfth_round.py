# ruff: noqa: E501 - the papers print long lines
"""The twelfth round of issue 10, on what the eleventh round's kept-aside pair showed, tried
on short papers invented for these tests (none is copied from a register test document).
Each mechanism learns from the paper itself or from the conventions' vocabularies rather
than from a pattern of one layout:

- an item identifier whose shape the paper teaches: a code of letters and figures
  ("QSG.11") opening three or more headed lines, numbers rising, is the reference of what
  each item holds, though no `item_references` pattern names it;
- an owner flag ending a paragraph, however far right and however indented, by any owner
  column label of the conventions ("ACTION BY:", "Owner:", "Lead:"): the paragraph is the
  action, without the flag, and the flag names its owner over the paragraph's own words;
- "RESOLVED – That ..." keeps its "That" (a dash label, as "Decision:"); "RESOLVED – (1)
  That ...; and" reads the numbered items under it;
- lettered items under a numbered recommending lead-in take its number, a letter being no
  reference of its own;
- a PDF table's rows open at a code whose shape the paper teaches ("SV2/1" ...), not only
  at the conventions' reference pattern;
- a key headed by any word naming a status, rating or progress column ("Position key.")
  printed as running prose wrapped over lines.

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


# --- Minutes with identifiers of their own and owner flags --------------------------------

MINUTES = """\
Brambleford Borough Council

Quarry Hill Safer Neighbourhoods Group

Date:      Tuesday, 10th February, 2026
Venue:     The Council Chamber, Brambleford

MINUTES

Present:
    Councillor Juno Peverell (Chair)                              JP
    Kit Tamsin, Neighbourhood Sergeant                            KT
    Mira Walcott, Housing Officer                                 MW

QSG.11    APOLOGIES
          ---------

          There were none.

QSG.12    GRAFFITI ON THE FOOTBRIDGE
          --------------------------

          The Housing Officer reported that the footbridge had been
          sprayed again over the half term.

          KT and MW to walk the footbridge and the lanes beside it with
          the caretakers before the end of February 2026.           ACTION BY: KT / MW

          The graffiti removal contract to be extended to cover the
          footbridge from April.                                    Owner: MW

          RESOLVED – (1) That the graffiti report be noted; and
                     (2) That a bid be made to the ward budget for an
                         anti-graffiti coating.

QSG.13    NEXT STEPS
          ----------

          RESOLVED – That the Group meet again in May.

The meeting ended at 8.10 pm.
"""


@pytest.fixture()
def minutes(tmp_path: Path):  # noqa: ANN201 - the registers of the invented minutes
    return read_registers(tmp_path, "quarry-hill-sng-minutes-2026-02-10.txt", MINUTES)


def test_an_identifier_the_paper_teaches_is_each_items_reference(minutes) -> None:  # noqa: ANN001
    assert [(e.kind, e.reference) for e in _all(minutes)] == [
        ("action", "QSG.12"), ("action", "QSG.12"), ("decision", "QSG.12"),
        ("decision", "QSG.12"), ("decision", "QSG.13"),
    ]


def test_two_coded_lines_teach_no_identifier(tmp_path: Path) -> None:
    """Three headed lines make a shape the paper's own; two could be anything."""
    start, end = MINUTES.index("QSG.13"), MINUTES.index("The meeting ended")
    text = MINUTES[:start] + "          RESOLVED – That the Group meet again in May.\n\n" + MINUTES[end:]
    reg = read_registers(tmp_path, "quarry-hill-sng-minutes-2026-02-10.txt", text)
    assert not any(e.reference.startswith("QSG") for e in _all(reg))


def test_an_owner_flag_ends_the_paragraph_and_names_its_owner(minutes) -> None:  # noqa: ANN001
    assert [(e.text, e.owner, e.due) for e in minutes.actions] == [
        ("KT and MW to walk the footbridge and the lanes beside it with the caretakers before the end of February 2026",
         "KT / MW", "the end of February 2026"),
        ("The graffiti removal contract to be extended to cover the footbridge from April", "MW", ""),
    ]
    assert not any("ACTION BY" in e.text or "Owner:" in e.text for e in _all(minutes))


def test_a_dash_label_keeps_that_and_reads_the_numbered_items_under_it(minutes) -> None:  # noqa: ANN001
    assert [e.text.rstrip(".") for e in minutes.decisions] == [
        "That the graffiti report be noted",
        "That a bid be made to the ward budget for an anti-graffiti coating",
        "That the Group meet again in May",
    ]


def test_resolved_that_without_a_dash_still_leaves_that_to_the_label(tmp_path: Path) -> None:
    text = MINUTES.replace("RESOLVED – That the Group meet", "RESOLVED that the Group meet")
    reg = read_registers(tmp_path, "quarry-hill-sng-minutes-2026-02-10.txt", text)
    assert reg.decisions[-1].text.rstrip(".") == "the Group meet again in May"


# --- Lettered items under a numbered lead-in ----------------------------------------------

REPORT = """\
# Report to the Hartwell Vale Partnership Board, 4 March 2026

## 1. Recommendations

1.1 The Board is recommended to:

(a) note the year's use of the case review;

(b) agree the revised referral form; and

(c) ask the Community Safety Manager to report again in the autumn.

## 2. Background

2.1 The Board last considered the case review in March 2025.
"""


def test_lettered_items_take_their_numbered_lead_ins_reference(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "hartwell-vale-report-2026-03-04.md", REPORT)
    assert [(e.reference, e.text) for e in reg.recommendations] == [
        ("1.1", "note the year's use of the case review"),
        ("1.1", "agree the revised referral form"),
        ("1.1", "ask the Community Safety Manager to report again in the autumn"),
    ]


def test_an_item_marked_another_way_ends_the_lead_ins_list(tmp_path: Path) -> None:
    text = REPORT[: REPORT.index("## 2. Background")] + "2. The year in figures\n"
    reg = read_registers(tmp_path, "hartwell-vale-report-2026-03-04.md", text)
    assert [e.text for e in reg.recommendations][-1:] == [
        "ask the Community Safety Manager to report again in the autumn"]
    assert not any("year in figures" in e.text for e in _all(reg))


# --- A PDF table whose references are codes the paper teaches -----------------------------

KEY = ("Position key. Finished - the work has been made part of routine practice. Going - "
       "the work has started but is not finished. Shelved - the panel has agreed that no "
       "further work will be done. Moved on - moved into next year's review programme.")


def _review_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"].clone("c", fontSize=8, leading=10)
    head = ["Ref", "Recommendation", "Lead", "By", "Position", "Progress at 31 January 2026"]
    rows = [
        ["SV1/1", "That the housing team share its case notes with the police for every repeat caller", "Housing Manager", "Dec 2025", "Finished", "Notes shared since October."],
        ["SV1/2", "That the council write to every applicant within five working days", "Community Safety Manager", "Immediate", "Going", "Letters sent on time in eight of ten cases."],
        ["SV2/1", "That the police attend the panel for every review", "Neighbourhood Inspector", "Mar 2026", "Shelved", "The panel agreed a written report would do."],
        ["SV2/2", "That the panel review its threshold each year", "Panel Chair", "Each review", "Moved on", "To the 2026/27 programme."],
    ]
    data = [[Paragraph(c, style) for c in head]]
    for n, r in enumerate(rows):
        if n in (0, 2):  # a full-width case row over each case's recommendations
            data.append([Paragraph(f"Case {n // 2 + 1} - review held in 2025", style), "", "", "", "", ""])
        data.append([Paragraph(c, style) for c in r])
    table = Table(data, colWidths=[40, 150, 90, 50, 50, 140], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (0, 1), (-1, 1)), ("SPAN", (0, 4), (-1, 4)),
    ]))
    SimpleDocTemplate(str(path), pagesize=A4).build([
        Paragraph("Safer Dunholm Partnership - case review report, 26 February 2026", style),
        Spacer(1, 8), Paragraph(KEY, style), Spacer(1, 8), table,
    ])


def test_a_pdf_tables_rows_open_at_codes_the_paper_teaches(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    _review_pdf(folder / "dunholm-case-review-report-2026-02-26.pdf")
    reg = read_registers(tmp_path)
    assert [(e.reference, e.owner, e.due, e.status, e.state) for e in reg.recommendations] == [
        ("SV1/1", "Housing Manager", "Dec 2025", "Finished", "done"),
        ("SV1/2", "Community Safety Manager", "Immediate", "Going", "in progress"),
        ("SV2/1", "Neighbourhood Inspector", "Mar 2026", "Shelved", "dropped"),
        ("SV2/2", "Panel Chair", "Each review", "Moved on", "carried forward"),
    ]
    assert reg.recommendations[0].text == (
        "That the housing team share its case notes with the police for every repeat caller")
    assert not any(e.text.startswith("Case ") for e in _all(reg))


def test_a_position_key_wrapped_over_lines_is_the_papers_key() -> None:
    wrapped = KEY.replace(" Shelved - ", "\nShelved - ").replace("is not finished.", "is not\nfinished.")
    assert status_key(wrapped, current()) == {
        "finished": "done", "going": "in progress", "shelved": "dropped",
        "moved on": "carried forward",
    }
