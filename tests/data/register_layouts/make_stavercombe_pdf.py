"""Build the Stavercombe Operational Delivery Group notes PDF (reportlab, same bytes each time).

A fictional partnership's meeting notes, typed into a two-column Word table (Minute | Notes and
actions) and saved as PDF. Everything in it is invented.

    .venv/bin/python tests/data/register_layouts/make_stavercombe_pdf.py
"""

from __future__ import annotations

import pathlib

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = pathlib.Path(__file__).resolve().parent
rl_config.invariant = 1  # no timestamps or random ids: the same bytes on every build
FILE = "stavercombe-csp-operational-delivery-group-notes-2025-11-13.pdf"
PAGES = 2  # printed in the footer; build() checks it
PAGE = A4

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=10, leading=13
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9.5, leading=12.5, spaceAfter=3)
KEY = ParagraphStyle("key", parent=SMALL, fontName="Helvetica-Oblique")
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9.5, leading=12, spaceAfter=4)
MINNO = ParagraphStyle("minno", parent=CELL, fontName="Helvetica-Bold")
HEADCELL = ParagraphStyle("headcell", parent=CELL, fontName="Helvetica-Bold", spaceAfter=0)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4
)

HEADER = "Stavercombe Community Safety Partnership - Operational Delivery Group"
HEADER2 = "Notes - 13 November 2025"
RULE = colors.HexColor("#808080")
SHADE = colors.HexColor("#d9e2f3")

# (minute number, title, [paragraphs]); <b>…</b> runs are the bold ACTION: / DECISION: runs.
MINUTES = [
    (
        "38.",
        "Welcome, apologies and declarations of interest",
        [
            "The Chair welcomed members, and in particular Wilhelmina Sarkis, who attends for "
            "Stavercombe Homes for the first time. Apologies are recorded above.",
            "No declarations of interest were made.",
        ],
    ),
    (
        "39.",
        "Notes of the last meeting and matters arising",
        [
            "The notes of the meeting held on 11 September 2025 were agreed as an accurate "
            "record.",
            "Matters arising: actions 25/33 (street lighting on Curlew Lane) and 25/36 (hate "
            "crime reporting centres) are complete. Action 25/35 (taxi marshal funding) was "
            "carried forward and is picked up under minute 41.",
        ],
    ),
    (
        "40.",
        "Anti-social behaviour on the Abbotsmead estate",
        [
            "BP reported 46 incidents of anti-social behaviour on the Abbotsmead estate in "
            "September and October 2025, against 29 in the same months last year. Most involved "
            "off-road motorbikes on the playing fields off Curlew Lane, usually between 6 pm and "
            "9 pm. Residents had raised the issue at the Abbotsmead residents' forum on 4 "
            "November. <b>ACTION: BP and OFO to carry out a joint walkabout of the estate with "
            "Stavercombe Homes by 28 November 2025 (BP / OFO).</b>",
            "WS said that Stavercombe Homes owned two of the three field entrances and would "
            "allow barriers to be fitted. Members discussed whether the problem would move to "
            "the allotments. <b>DECISION: The Group agreed to fund two lockable barriers at the "
            "Curlew Lane field entrances from the problem-solving budget, at a cost of "
            "£3,200.</b>",
            "OFO asked that the analyst's weekly products continue through the winter. "
            "<b>ACTION: Share the weekly motorbike nuisance hotspot map with the Abbotsmead "
            "Safer Neighbourhood Team (ET).</b>",
        ],
    ),
    (
        "41.",
        "Night-time economy: Tollgate Square",
        [
            "OFO presented the autumn night-time economy analysis. Violence with injury in the "
            "Tollgate Square area fell by 12% compared with September and October 2024, but "
            "reports of spiking rose from four to eleven, eight of them from two premises.",
            "PO said licensees had asked for refreshed Ask for Angela and spiking awareness "
            "training, and that the two premises had agreed to host it. <b>ACTION: PO to "
            "arrange a refresher training session for door staff and bar managers before the "
            "Christmas party season (PO).</b>",
            "On action 25/35, carried forward from September, the Chair reported that the "
            "Business Improvement District had offered half the cost of taxi marshals for the "
            "festive period. <b>DECISION: The Group agreed to meet the remaining £2,750 so that "
            "taxi marshals can work on Friday and Saturday nights from 5 December 2025 to 3 "
            "January 2026.</b> <b>ACTION: ET to confirm the marshal rota with the Business "
            "Improvement District by 21 November 2025 (ET).</b>",
        ],
    ),
    (
        "42.",
        "Youth diversion and the Ravensholme Centre",
        [
            "YBR reported that 63 young people had taken part in the summer detached youth work "
            "programme, 19 of them referred by the police or schools. YBR agreed to bring the "
            "evaluation of the summer detached youth work programme to the January meeting.",
            "SNH asked whether the Ravensholme Centre's Friday sessions could include drug and "
            "alcohol awareness, given the rise in cannabis-related referrals. <b>ACTION: SNH and "
            "YBR to agree a programme of four awareness sessions for the Friday club by 12 "
            "December 2025 (SNH / YBR).</b>",
            "The Group considered the Ravensholme Centre's draft bid for a second detached youth "
            "worker. <b>DECISION: The Group endorsed the Ravensholme Centre's bid to the Police "
            "and Crime Commissioner's Safer Streets Fund, and asked the Community Safety Manager "
            "to submit it by 5 December 2025.</b>",
        ],
    ),
    (
        "43.",
        "Deliberate fires",
        [
            "CY reported 23 deliberate secondary fires since 1 September 2025, 15 of them in "
            "wheelie bins and fly-tipped waste behind the Harbour Steps shops. Three young "
            "people had been identified and two had accepted the fire-setter intervention "
            "scheme.",
            "<b>ACTION: CY to share the fire-setter referral form with the Youth Justice Service "
            "and the schools' safeguarding leads by 28 November 2025 (CY).</b>",
            "<b>ACTION: Bin storage at the rear of Harbour Steps to be reviewed with the "
            "landlords and the council's Environmental Health team before the bonfire period "
            "next year (WS / BP).</b>",
        ],
    ),
    (
        "44.",
        "Performance report - Quarter 2 2025/26",
        [
            "ET presented the performance report. Of the 14 measures, nine are on track, three "
            "are behind target and two have no data yet. Shop theft is 18% higher than a year "
            "ago.",
            "<b>DECISION: The Group noted the Quarter 2 2025/26 performance report.</b>",
            "<b>ACTION: None.</b>",
        ],
    ),
    (
        "45.",
        "Any other business",
        [
            "CY reminded partners that the winter home fire safety campaign starts on 1 "
            "December 2025 and asked them to share the referral link.",
        ],
    ),
    (
        "46.",
        "Date of next meeting",
        [
            "Thursday 15 January 2026 at 10.00 am, Committee Room 2, Stavercombe House.",
        ],
    ),
]

WIDTHS = [42 * mm, 128 * mm]


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


def minutes_table() -> Table:
    data = [[p("Minute", HEADCELL), p("Notes and actions", HEADCELL)]]
    for number, title, paragraphs in MINUTES:
        data.append(
            [
                [p(number, MINNO), p(f"<b>{title}</b>", CELL)],
                [p(text) for text in paragraphs],
            ]
        )
    table = Table(data, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def story() -> list:
    return [
        p("Stavercombe Community Safety Partnership", TITLE),
        p("Operational Delivery Group", SUBTITLE),
        p(
            "Notes of the meeting held on Thursday 13 November 2025 at 10.00 am in Committee "
            "Room 2, Stavercombe House",
            SMALL,
        ),
        Spacer(1, 3 * mm),
        p(
            "<b>Present:</b> Cllr Margery Thistlewood, Stavercombe District Council (Chair) (MT); "
            "Insp. Osric Fairweather-Obi, Wessendale Police (OFO); Elspeth Tuckett, Community "
            "Safety Manager, Stavercombe District Council (ET); Priyanka Ostrowska, Licensing "
            "Team Leader, Stavercombe District Council (PO); Bryn Penrose, Anti-social "
            "Behaviour Officer, Stavercombe District Council (BP); Yaw Balogun-Reeve, Youth "
            "Justice Service, Hallamore County Council (YBR); Sabine Nwachukwu-Hale, Public "
            "Health, Hallamore County Council (SNH); Station Manager Caradog Yardley, Wessendale "
            "Fire and "
            "Rescue Service (CY); Wilhelmina Sarkis, Stavercombe Homes (WS).",
            SMALL,
        ),
        p(
            "<b>In attendance:</b> Faye Linthwaite, Democratic Services Officer (notes).",
            SMALL,
        ),
        p(
            "<b>Apologies:</b> Chief Inspector Perpetua Delacroix-Penn, Wessendale Police; "
            "Barnabas Thackwray, Probation Service.",
            SMALL,
        ),
        p(
            "Agreed actions appear in bold within the notes, each introduced by ACTION: and "
            "ending with the initials of the person responsible in brackets. Decisions of the "
            "Group are introduced by DECISION:.",
            KEY,
        ),
        Spacer(1, 3 * mm),
        minutes_table(),
        Spacer(1, 6 * mm),
        p("Signed (Chair) ....................................   Date ....................", SMALL),
    ]


def header_footer(canvas, doc) -> None:
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(20 * mm, height - 12 * mm, HEADER)
    canvas.drawRightString(width - 20 * mm, height - 12 * mm, HEADER2)
    canvas.drawCentredString(width / 2, 10 * mm, f"Page {doc.page} of {PAGES}")
    canvas.restoreState()


def build() -> pathlib.Path:
    out = HERE / FILE
    doc = BaseDocTemplate(
        str(out),
        pagesize=PAGE,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title="Operational Delivery Group - notes - 13 November 2025",
        author="Stavercombe District Council",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=header_footer)])
    doc.build(story())
    if doc.page != PAGES:
        raise SystemExit(f"{FILE}: {doc.page} pages, footer says {PAGES}")
    return out


if __name__ == "__main__":
    print(build())
