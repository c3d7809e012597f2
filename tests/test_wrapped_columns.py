"""Tables laid out in columns whose cells wrap onto the lines below (issue 6, session 8), on
papers of an invented partnership in the real index (Chroma, bm25s, SQLite) with the
word-hash embedder and the gate off:

- a decision record saved as text, whose bid table is aligned with spaces, has a two-line
  header ("Requested" over "(£)"), rule lines, rows whose description and lead wrap, and a
  Total row;
- an evaluation as a PDF with ruled tables (reportlab), whose plain text gives one cell per
  line: a two-row header whose groups ("Target area", "Comparison area") span three columns
  each, a label that wraps, and the table running onto the next page without its header;
  a table of interventions whose cells wrap, with counts of things ("400 kits");
- section headings in sentence case ("3. What was delivered" over "3.1 ...") and table
  cells that are not headings ("3.2 km");
- a question that opens with who is asking ("Chair prepping for the PCC: ...").
"""

from __future__ import annotations

import io

import pytest
from conftest import assistant_over
from pypdf import PdfReader

from assistant.engine import Assistant
from ingest.knowledge import read

RECORD = """Office of the Police and Crime Commissioner for Westmarch
Decision record PCC/DR/2025/112: Ostmoor town centre grant 2025/26

Decided: 2 September 2025

1. Executive summary

1.1 The Commissioner has approved a grant of £61,300 to the Safer Ostmoor Partnership.

2. What the grant pays for

Table 1: Elements of the bid and the Commissioner's decision

Element  Description                          Lead             Requested   Approved    Decision
                                                                (£)         (£)
-------  -----------------------------------  ---------------  ----------  ----------  ------------
E1       Night-time safe space at Ryeholm     Ostmoor Street    21,000      21,000     Approved
         Square, Friday and Saturday nights   Pastors
E2       Two street wardens for the Cobble    Ostmoor Borough   33,400      27,500     Approved in
         Reach estate, evenings only          Council                                  part
E3       Taxi marshals at the bus station     Ostmoor Borough   12,800      0          Declined
                                              Council
E4       Evaluation of the grant              University of     12,800      12,800     Approved
                                              Westmarch
-------  -----------------------------------  ---------------  ----------  ----------  ------------
         Total                                                  80,000      61,300
-------  -----------------------------------  ---------------  ----------  ----------  ------------

2.1 The wardens element is reduced because the council pays the wardens' uniforms.

2.2 The University of Westmarch's evaluation of the Ostmoor grant is due in March 2026
and has not yet been commissioned.

3. Signature

Signed: Police and Crime Commissioner for Westmarch
"""

MEASURES = [
    ["Measure", "Target area (Ryeholm and\nCobble Reach)", "", "", "Comparison area (Ostmoor\nWest)", "", ""],
    ["", "Before", "After", "% change", "Before", "After", "% change"],
    ["Residential burglary", "142", "104", "-26.8%", "91", "87", "-4.4%"],
    ["Theft from vehicles", "187", "151", "-19.3%", "120", "118", "-1.7%"],
    ["Theft of vehicles", "64", "58", "-9.4%", "39", "41", "+5.1%"],
    ["Bicycle theft", "132", "112", "-15.2%", "86", "79", "-8.1%"],
    ["Neighbourhood crime (total)", "614", "501", "-18.4%", "388", "372", "-4.1%"],
    ["Neighbourhood crime per 1,000 residents", "62.4", "50.9", "-18.4%", "53.8", "51.6", "-4.1%"],
]

INTERVENTIONS = [
    ["Ref", "Intervention", "Location", "Planned", "Delivered", "Spend (£)", "Status"],
    ["I01", "Alleygates for the Cobble Reach terraces", "Cobble Reach", "14 sets", "14 sets",
     "58,800", "Complete"],
    ["I02", "Vehicle security: steering locks and catalytic converter marking kits",
     "Both areas", "400 kits", "312 kits", "9,360", "Partly delivered"],
    ["I03", "Cutting back overgrown paths, Ryeholm Fields", "Ryeholm", "3.2 km", "3.2 km",
     "12,600", "Complete"],
]


def evaluation_pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    out = io.BytesIO()
    style = getSampleStyleSheet()["Normal"]

    def cells(rows):
        return [[Paragraph(c.replace("\n", "<br/>"), style) if c else "" for c in r] for r in rows]

    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    measures = Table(cells(MEASURES), colWidths=[150] + [70] * 6, splitByRow=1)
    measures.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (4, 0), (6, 0)),
                ("SPAN", (0, 0), (0, 1)),
            ]
        )
    )
    wide = [40, 220, 90, 70, 70, 60, 90]
    interventions = Table(cells(INTERVENTIONS), colWidths=wide, repeatRows=1)
    interventions.setStyle(grid)
    story = [
        Paragraph("Safer Ostmoor Partnership: Safer Streets evaluation summary", style),
        Paragraph("1. Summary", style),
        Paragraph(
            "1.1 Neighbourhood crime in the target area fell by 18.4%. The evaluation compares "
            "the target area with Ostmoor West, an area that received no funding.",
            style,
        ),
        Spacer(1, 300),  # the outcome table starts low on the page and runs onto the next
        Paragraph("2. Outcome measures", style),
        Paragraph("Table 1: Outcome measures, target area and comparison area", style),
        measures,
        Paragraph("3. What was delivered", style),
        Paragraph("3.1 Table 2 lists the interventions and what they cost.", style),
        Paragraph("Table 2: Interventions delivered", style),
        interventions,
        Paragraph("3.2 Two interventions were delivered only in part.", style),
    ]
    SimpleDocTemplate(out, pagesize=landscape(A4), invariant=1).build(story)
    return out.getvalue()


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    return assistant_over(
        tmp_path_factory.mktemp("ostmoor"),
        {
            "westmarch-pcc-decision-record-ostmoor-2025-112.txt": RECORD,
            "ostmoor-safer-streets-evaluation-summary-2025.pdf": evaluation_pdf(),
        },
    )


def facts_of(assistant: Assistant, source_part: str) -> dict[tuple[str, str], str]:
    facts = read(assistant.settings.knowledge_db).facts
    return {(f.row, f.column): f.value for f in facts if source_part in f.where.source}


def test_a_space_aligned_table_with_wrapped_cells_gives_whole_rows(assistant: Assistant) -> None:
    got = facts_of(assistant, "decision-record")
    wardens = "E2 Two street wardens for the Cobble Reach estate, evenings only"
    assert got[(wardens, "Requested (£)")] == "33,400"
    assert got[(wardens, "Approved (£)")] == "27,500"
    assert got[(wardens, "Decision")] == "Approved in part"
    assert got[(wardens, "Lead")] == "Ostmoor Borough Council"
    assert got[("E4 Evaluation of the grant", "Lead")] == "University of Westmarch"
    assert got[("Total", "Requested (£)")] == "80,000"
    assert got[("Total", "Approved (£)")] == "61,300"
    facts = read(assistant.settings.knowledge_db).facts
    assert {f.table for f in facts if f.row == wardens} == {
        "Table 1: Elements of the bid and the Commissioner's decision"
    }


def test_a_ruled_pdf_table_is_read_by_its_columns_across_the_page_break(
    assistant: Assistant,
) -> None:
    data = evaluation_pdf()
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    plain = [ln.strip() for ln in "\n".join(pages).splitlines()]
    at = plain.index("Residential burglary")
    assert plain[at : at + 3] == ["Residential burglary", "142", "104"]  # one cell a line
    got = facts_of(assistant, "evaluation")
    assert got[("Residential burglary", "Target area (Ryeholm and Cobble Reach) › Before")] == "142"
    assert got[("Residential burglary", "Comparison area (Ostmoor West) › After")] == "87"
    # the first row on the new page: its figures open the page, and are no running header
    assert got[("Theft from vehicles", "Target area (Ryeholm and Cobble Reach) › Before")] == "187"
    assert got[("Theft from vehicles", "Comparison area (Ostmoor West) › Before")] == "120"
    rate = "Neighbourhood crime per 1,000 residents"
    assert got[(rate, "Comparison area (Ostmoor West) › Before")] == "53.8"
    assert got[(rate, "Comparison area (Ostmoor West) › After")] == "51.6"
    facts = read(assistant.settings.knowledge_db).facts
    row_pages = {f.row: f.where.page for f in facts if "Outcome measures" in f.table}
    assert len(set(row_pages.values())) == 2, row_pages  # the table runs onto the next page
    assert {f.table for f in facts if f.row == rate} == {
        "Table 1: Outcome measures, target area and comparison area"
    }
    for f in facts:  # each quote is the text as printed; a PDF's gives each cell whole
        assert set(f.value.split()) <= set(f.quote.split()), f
        if f.where.source.endswith(".pdf"):
            assert " ".join(f.value.split()) in " ".join(f.quote.split()), f


def test_wrapped_cells_of_a_ruled_table_stay_in_their_row(assistant: Assistant) -> None:
    got = facts_of(assistant, "evaluation")
    kits = "I02 Vehicle security: steering locks and catalytic converter marking kits"
    assert got[(kits, "Planned")] == "400 kits"
    assert got[(kits, "Delivered")] == "312 kits"
    assert got[(kits, "Status")] == "Partly delivered"
    answer = assistant.ask(
        "How many vehicle security kits did the Safer Ostmoor Partnership's project deliver?"
    )
    assert "312 kits" in answer.text[:600], answer.text


def test_sentence_case_headings_are_sections_and_cells_are_not(assistant: Assistant) -> None:
    facts = read(assistant.settings.knowledge_db).facts
    sections = {f.where.section for f in facts if f.row.startswith("I0")}
    assert sections and all(s.startswith("3 What was delivered") for s in sections), sections
    chunks = [c for c in assistant.chunks if "evaluation" in c.source]
    assert not any("3.2 km" in c.section or "km" == c.section.split(" ")[-1] for c in chunks)


def test_a_question_led_by_who_is_asking_is_answered_as_the_question(
    assistant: Assistant,
) -> None:
    plain = assistant.ask("How much did the Safer Ostmoor Partnership ask for the street wardens?")
    led = assistant.ask(
        "Chair prepping for the PCC: how much did the Safer Ostmoor Partnership ask for the "
        "street wardens?"
    )
    assert "33,400" in plain.text[:600], plain.text
    assert led.text == plain.text


def test_how_much_was_approved_is_a_figure_not_a_decision(assistant: Assistant) -> None:
    answer = assistant.ask(
        "How much did the Westmarch PCC approve for the Ostmoor street wardens?"
    )
    assert "27,500" in answer.text[:600], answer.text


def test_a_passage_prints_a_ruled_tables_rows_whole(assistant: Assistant) -> None:
    # the plain text gives one cell a line; the passage gives the header, then a row a line
    lines = [
        ln
        for c in assistant.chunks
        if "evaluation" in c.source
        for ln in c.text.split("\n")
        if "\t" in ln
    ]
    assert "Ref Intervention\tLocation\tPlanned\tDelivered\tSpend (£)\tStatus" in lines
    assert (
        "I02 Vehicle security: steering locks and catalytic converter marking kits\tBoth areas"
        "\t400 kits\t312 kits\t9,360\tPartly delivered"
    ) in lines
    wardens = [ln for c in assistant.chunks if "decision-record" in c.source
               for ln in c.text.split("\n") if ln.startswith("E2 ")]
    assert wardens == [
        "E2 Two street wardens for the Cobble Reach estate, evenings only\tOstmoor Borough Council"
        "\t33,400\t27,500\tApproved in part"
    ]


def test_the_rows_whose_status_is_asked_are_quoted_not_their_neighbours(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(
        "Which of the Safer Ostmoor Partnership's interventions were only partly delivered?"
    )
    first = answer.text.split("\n\n")[0]
    assert "I02 Vehicle security" in first, answer.text
    assert "I01 Alleygates" not in first and "I03 Cutting back" not in first



def test_a_wrapped_cell_opening_with_a_day_stays_in_its_row(tmp_path) -> None:
    from ingest.load import load
    from ingest.segment import segment
    from ingest.tables import laid_out

    path = tmp_path / "ostmoor-action-log.txt"
    path.write_text(
        "Action log\n\n"
        "Ref      Action                          Owner        Update                          Status\n"
        "OS/12    Invite the Commissioner to a    Chair        She will attend the Board       Complete\n"
        "         Board meeting                                on the morning of\n"
        "                                                      10 April 2025.\n"
        "OS/13    Review the licensing levy       Licensing    Postponed to 2025/26            Deferred\n"
        "                                         Manager\n",
        encoding="utf-8",
    )
    doc = load(path)
    segment(doc)
    rows = [line for _, _, lines in laid_out(doc) for _, line in lines]
    assert (
        "OS/12 Invite the Commissioner to a Board meeting\tChair\tShe will attend the Board on the "
        "morning of 10 April 2025.\tComplete"
    ) in rows, rows
