"""Build a fictional council scrutiny report as a PDF with ruled tables.

Kestrel Bay District Council is invented. The report has a running header on every
page, a cover table of report fields, decimal-numbered sections, a lead-in sentence
followed by a bulleted list, a ward crime-rate table long enough to run onto the next
page (its header row repeats there), a funding table and a small status table.

    .venv/bin/python tests/data/layouts/make_report_pdf.py   # writes the PDF beside this file
"""

from __future__ import annotations

import pathlib

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HEADER = "Kestrel Bay District Council \u2014 Scrutiny Committee \u2014 9 October 2024"
FILE_NAME = "kestrel-bay-scrutiny-report-2024-10-09.pdf"

# ward, crime rate per 1,000 residents 2022/23, 2023/24
WARDS = [
    ("Harbourside", 128.4, 141.9),
    ("Old Town", 96.2, 92.5),
    ("Lighthouse", 71.8, 66.0),
    ("Saltings", 48.3, 45.1),
    ("Gull Point", 39.5, 40.7),
    ("Ropewalk", 88.1, 83.4),
    ("Chapel Hill", 35.2, 31.9),
    ("Westcliff", 44.6, 41.8),
    ("Eastcliff", 52.0, 49.3),
    ("Dunebank", 29.7, 27.4),
    ("Marram", 31.4, 30.2),
    ("Fishermen's Quarter", 77.5, 79.6),
    ("Kestrel Park", 52.7, 41.3),
    ("Upper Bay", 41.9, 38.8),
    ("Lower Bay", 63.3, 60.1),
    ("Tidewater", 58.6, 55.0),
    ("Shingle End", 33.8, 34.9),
    ("Beacon", 46.2, 42.7),
    ("Ferry Reach", 55.4, 51.6),
    ("Causeway", 37.1, 35.3),
    ("Orchard Rise", 27.9, 25.6),
    ("Millstream", 42.3, 39.9),
    ("Heathside", 30.6, 28.1),
    ("Windmill", 36.4, 33.0),
    ("Coastguard", 49.8, 47.5),
    ("Quarry Vale", 26.1, 24.3),
]
DISTRICT = ("Kestrel Bay district", 61.8, 58.1)

FUNDING = [
    (
        "Community Safety Fund",
        "Office of the Police and Crime Commissioner",
        "\u00a362,000",
        "Partnership projects and the ASB caseworker post",
    ),
    (
        "Serious Violence Duty grant",
        "Home Office via the OPCC",
        "\u00a318,450",
        "Youth outreach in Harbourside and Old Town",
    ),
    (
        "Safer Streets Fund (Round 5)",
        "Home Office",
        "\u00a396,700",
        "Seafront lighting and two new CCTV cameras",
    ),
    (
        "Core community safety budget",
        "Kestrel Bay District Council",
        "\u00a345,000",
        "Community Safety Officer and CCTV monitoring",
    ),
    ("Total", "", "\u00a3222,150", ""),
]

PREVIOUS_RECOMMENDATIONS = [
    ("R1 (2023)", "Publish a plain-English guide to reporting anti-social behaviour", "Complete"),
    (
        "R2 (2023)",
        "Hold quarterly ward briefings for councillors with the neighbourhood policing team",
        "In progress",
    ),
    ("R3 (2023)", "Review CCTV coverage on the seafront and in Harbourside", "Complete"),
    ("R4 (2023)", "Report domestic abuse outreach outcomes to the Committee", "Not yet started"),
]


def _change(a: float, b: float) -> str:
    return f"{(b - a) / a * 100:+.1f}%"


def _grid(header_rows: int = 1, total_row: bool = False) -> TableStyle:
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), "Helvetica-Bold"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#d9d9d9")),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if total_row:
        cmds.append(("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"))
    return TableStyle(cmds)


def _on_page(canvas, doc) -> None:
    canvas.saveState()
    width, height = A4
    canvas.setFont("Helvetica", 8.5)
    canvas.drawString(20 * mm, height - 12 * mm, HEADER)
    canvas.setLineWidth(0.5)
    canvas.line(20 * mm, height - 14 * mm, width - 20 * mm, height - 14 * mm)
    canvas.drawRightString(width - 20 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


def build(path: pathlib.Path) -> None:
    path = pathlib.Path(path)
    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=styles["BodyText"], fontSize=10, leading=13, alignment=TA_LEFT, spaceAfter=5
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0)
    h1 = ParagraphStyle("h1", parent=styles["Heading1"], fontSize=14, spaceAfter=8)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontSize=11.5, spaceBefore=8, spaceAfter=4)
    caption = ParagraphStyle("caption", parent=body, fontName="Helvetica-Bold", fontSize=9.5)

    def p(text: str) -> Paragraph:
        return Paragraph(text, body)

    def c(text: str) -> Paragraph:
        return Paragraph(text, cell)

    story: list = []
    story.append(Paragraph("Kestrel Bay District Council", h1))
    story.append(p("<b>Scrutiny Committee \u2013 9 October 2024</b>"))
    story.append(p("<b>Agenda item 6</b>"))
    story.append(Spacer(1, 4))

    cover = [
        [
            c("<b>Title of Report</b>"),
            c("Annual Scrutiny of the Kestrel Bay Community Safety Partnership 2023/24"),
        ],
        [c("<b>Presented by</b>"), c("Nadia Ferreira, Community Safety and Resilience Manager")],
        [
            c("<b>Lead Member</b>"),
            c("Councillor Jonah Whitcombe, Cabinet Member for Safer Communities"),
        ],
        [
            c("<b>Recommendations</b>"),
            c(
                "That the Committee:<br/>(a) notes the Partnership's performance in 2023/24;<br/>"
                "(b) endorses the Partnership's priorities for 2024/25;<br/>"
                "(c) asks for a report on retail crime in Harbourside by March 2025."
            ),
        ],
        [c("<b>Wards affected</b>"), c("All wards")],
        [c("<b>Key decision</b>"), c("No")],
        [c("<b>Exempt information</b>"), c("None")],
    ]
    t = Table(cover, colWidths=[45 * mm, 125 * mm])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(t)

    story.append(Paragraph("1. Purpose of the report", h2))
    story.append(
        p(
            "1.1 This report gives the Scrutiny Committee its annual review of the work of "
            "the Kestrel Bay Community Safety Partnership (the Partnership), as required by "
            "section 19 of the Police and Justice Act 2006 and the Crime and Disorder "
            "(Overview and Scrutiny) Regulations 2009."
        )
    )
    story.append(
        p("1.2 It covers the financial year 2023/24 and the Partnership's plans for 2024/25.")
    )

    story.append(Paragraph("2. Background", h2))
    story.append(
        p(
            "2.1 The Partnership brings together the Council, Coastmoor Constabulary, "
            "Coastmoor Fire and Rescue Service, the Probation Service, the Coastmoor "
            "Integrated Care Board and Coastmoor County Council."
        )
    )
    story.append(
        p(
            "2.2 The Partnership is chaired by Chief Inspector Rosalind Avery, District "
            "Commander for Kestrel Bay. It meets quarterly, and its Joint Action Group "
            "meets every month."
        )
    )

    story.append(Paragraph("3. Crime and anti-social behaviour in 2023/24", h2))
    story.append(
        p(
            "3.1 There were 5,327 recorded crimes in the district in 2023/24, a fall of 6% "
            "on 2022/23."
        )
    )
    story.append(
        p("3.2 Anti-social behaviour incidents fell to 2,419 in 2023/24 from 2,688 in 2022/23.")
    )
    story.append(
        p(
            "3.3 The crime rate for the district as a whole was 58.1 crimes per 1,000 "
            "residents in 2023/24, compared with 61.8 in 2022/23."
        )
    )
    story.append(
        p(
            "3.4 Reports of fraud and scams targeting older residents rose to 214 in "
            "2023/24, and the Partnership trained 46 bank and post office staff to spot "
            "them."
        )
    )

    story.append(Paragraph("4. Crime by ward", h2))
    story.append(
        p(
            "4.1 Table 1 gives the crime rate in each ward. Rates are crimes per 1,000 "
            "residents, using the mid-2022 population estimates. Four wards recorded a "
            "rise in their crime rate."
        )
    )
    story.append(Paragraph("Table 1: Recorded crime rate per 1,000 residents by ward", caption))
    rows = [["Ward", "Rate per 1,000 2022/23", "Rate per 1,000 2023/24", "Change"]]
    for name, a, b in WARDS + [DISTRICT]:
        rows.append([name, f"{a:.1f}", f"{b:.1f}", _change(a, b)])
    t = Table(rows, colWidths=[60 * mm, 38 * mm, 38 * mm, 30 * mm], repeatRows=1)
    style = _grid(total_row=True)
    style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
    t.setStyle(style)
    story.append(t)
    story.append(Spacer(1, 6))
    story.append(
        p(
            "4.2 Harbourside includes the harbour, the amusement arcades and most of the "
            "late-night venues, and has the highest rate of any ward."
        )
    )

    story.append(Paragraph("5. Partnership priorities", h2))
    story.append(p("5.1 The Partnership's priorities for 2024/25 are:"))
    bullets = [
        "reducing anti-social behaviour in the town centre and on the seafront;",
        "tackling domestic abuse and sexual violence;",
        "preventing serious violence and the exploitation of young people;",
        "protecting vulnerable residents from fraud and scams.",
    ]
    story.append(
        ListFlowable(
            [ListItem(Paragraph(b, body), leftIndent=12) for b in bullets],
            bulletType="bullet",
            start="\u2022",
            bulletFontName="Helvetica",
            leftIndent=14,
        )
    )
    story.append(
        p(
            "5.2 These priorities were agreed by the Partnership on 11 April 2024 "
            "following its strategic assessment."
        )
    )

    story.append(Paragraph("6. Funding", h2))
    story.append(p("6.1 The Partnership's funding for 2024/25 is set out in Table 2."))
    story.append(Paragraph("Table 2: Community safety funding 2024/25", caption))
    rows = [["Funding stream", "Provider", "2024/25", "Used for"]]
    rows += [[c(a), c(b), x, c(d)] for a, b, x, d in FUNDING]
    t = Table(rows, colWidths=[42 * mm, 48 * mm, 22 * mm, 58 * mm], repeatRows=1)
    style = _grid(total_row=True)
    style.add("ALIGN", (2, 1), (2, -1), "RIGHT")
    t.setStyle(style)
    story.append(t)
    story.append(Spacer(1, 6))
    story.append(p("6.2 The Safer Streets Fund grant must be spent by 31 March 2025."))

    story.append(Paragraph("7. Progress on the Committee's 2023 recommendations", h2))
    story.append(
        p(
            "7.1 The Committee made four recommendations after its review in October "
            "2023. Their status is shown in Table 3."
        )
    )
    story.append(Paragraph("Table 3: Status of the 2023 scrutiny recommendations", caption))
    rows = [["Ref", "Recommendation", "Status"]]
    rows += [[a, c(b), s] for a, b, s in PREVIOUS_RECOMMENDATIONS]
    t = Table(rows, colWidths=[22 * mm, 118 * mm, 30 * mm], repeatRows=1)
    t.setStyle(_grid())
    story.append(t)

    story.append(Paragraph("8. Financial and legal implications", h2))
    story.append(
        p(
            "8.1 There are no direct financial implications arising from this report. "
            "The Council's contribution to the Partnership is met from the existing "
            "community safety budget."
        )
    )
    story.append(
        p(
            "8.2 The Council has a duty under section 17 of the Crime and Disorder Act "
            "1998 to consider crime and disorder in the exercise of all its functions."
        )
    )

    story.append(Paragraph("9. Background papers", h2))
    story.append(
        p(
            "9.1 Kestrel Bay Community Safety Partnership Strategic Assessment 2024; "
            "minutes of the Scrutiny Committee, 11 October 2023."
        )
    )
    story.append(
        p(
            "<b>Contact officer:</b> Nadia Ferreira, Community Safety and Resilience "
            "Manager, tel. 01632 960775."
        )
    )

    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=18 * mm,
        invariant=True,
        title="Annual Scrutiny of the Kestrel Bay Community Safety Partnership 2023/24",
        author="Kestrel Bay District Council",
    )
    doc.build(story, onFirstPage=_on_page, onLaterPages=_on_page)


if __name__ == "__main__":
    out = pathlib.Path(__file__).with_name(FILE_NAME)
    build(out)
    print(out)
