"""Build the Caddenham Partnership Board summary of decisions and actions (reportlab, same bytes).

A fictional partnership's summary of decisions and actions, typed into a Word table whose rows are
grouped under full-width agenda item rows, with separate Decisions and Actions columns, and
saved as PDF. Everything in it is invented.

    .venv/bin/python tests/data/register_layouts/make_caddenham_pdf.py
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
FILE = "caddenham-csp-partnership-board-decisions-and-actions-2025-10-09.pdf"
PAGES = 2  # printed in the footer; build() checks it
PAGE = A4

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=10, leading=13
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9.5, leading=12.5, spaceAfter=4)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5, spaceAfter=0)
HEADCELL = ParagraphStyle("headcell", parent=CELL, fontName="Helvetica-Bold")
ITEMCELL = ParagraphStyle("itemcell", parent=CELL, fontName="Helvetica-Bold", fontSize=9.5)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4
)
HEADING = ParagraphStyle(
    "heading", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceBefore=4,
    spaceAfter=3,
)

HEADER = "Caddenham Community Safety Partnership - Partnership Board"
HEADER2 = "Summary of decisions and actions - 9 October 2025"
RULE = colors.HexColor("#7f7f7f")
HEAD_SHADE = colors.HexColor("#1f3864")
ITEM_SHADE = colors.HexColor("#dde4ee")

# (item number, title, [(decision, action, responsible officer, timescale)]); "" is an empty cell.
ITEMS = [
    (
        "3.",
        "Serious Violence Duty: refresh of the local strategy",
        [
            (
                "Approved the refreshed Caddenham Serious Violence Strategy 2025-2028 for "
                "publication, with the amendments to the delivery section tabled at the meeting",
                "Publish the strategy and a plain-English summary on the council website",
                "Community Safety Manager",
                "31 October 2025",
            ),
            (
                "",
                "Circulate the revised serious violence problem profile to all Board members",
                "Community Safety Analyst",
                "Next meeting",
            ),
        ],
    ),
    (
        "4.",
        "Town centre anti-social behaviour: Public Spaces Protection Order",
        [
            (
                "Agreed to begin a six-week public consultation on varying the town centre Public "
                "Spaces Protection Order to take in the Priory Gardens car park",
                "Run the consultation and bring the results and a recommended variation to the "
                "Board",
                "Head of Environmental Services",
                "Q3 2025/26",
            ),
            (
                "",
                "Provide ward-level anti-social behaviour incident data for the consultation "
                "report",
                "Neighbourhood Policing Inspector, Wrexley Constabulary",
                "14 November 2025",
            ),
        ],
    ),
    (
        "5.",
        "Domestic abuse: safe accommodation needs assessment",
        [
            (
                "Noted the findings of the 2025 safe accommodation needs assessment",
                "",
                "",
                "",
            ),
            (
                "Agreed that the Board's 2025/26 underspend of £14,200 be held towards a second "
                "Independent Domestic Violence Adviser post in 2026/27",
                "Prepare a joint funding bid for the second adviser post with the county council",
                "Domestic Abuse Coordinator / Head of Community Services",
                "Q4 2025/26",
            ),
        ],
    ),
    (
        "6.",
        "Youth diversion and the Haskayne Road youth centre",
        [
            (
                "Agreed to continue the Friday night detached outreach from the Haskayne Road "
                "youth centre until the end of March 2026",
                "Present an evaluation of the summer holiday diversion programme, including "
                "referrals by ward and by referring agency",
                "Youth Justice Service Manager",
                "Next meeting",
            ),
        ],
    ),
    (
        "7.",
        "Performance report: Quarter 2 2025/26",
        [
            (
                "Noted the Quarter 2 2025/26 performance report",
                "Add emergency department assault data to the performance report from Quarter 3 "
                "onwards",
                "Community Safety Analyst",
                "Q3 2025/26",
            ),
        ],
    ),
    (
        "8.",
        "Any other business",
        [
            (
                "None.",
                "Send partners the dates of the winter night-time economy operations in "
                "Caddenham and Wetherden",
                "Licensing Team Leader",
                "End of October 2025",
            ),
        ],
    ),
]

WIDTHS = [56 * mm, 56 * mm, 38 * mm, 24 * mm]


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


def summary_table() -> Table:
    white = ParagraphStyle("white", parent=HEADCELL, textColor=colors.white)
    data = [[p("Decisions", white), p("Actions", white), p("Responsible officer", white),
             p("Timescale", white)]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for number, title, rows in ITEMS:
        row = len(data)
        data.append([p(f"{number}  {title}", ITEMCELL), "", "", ""])
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), ITEM_SHADE)]
        for cells in rows:
            data.append([p(cell) if cell else "" for cell in cells])
    table = Table(data, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def story() -> list:
    return [
        p("Caddenham Community Safety Partnership", TITLE),
        p("Partnership Board: summary of decisions and actions", SUBTITLE),
        p(
            "Meeting held on Thursday 9 October 2025 at 2.00 pm in the Council Chamber, "
            "Caddenham House. Circulated to Board members on 14 October 2025.",
            SMALL,
        ),
        Spacer(1, 2 * mm),
        p(
            "<b>Present (by role):</b> Chair (Cabinet Member for Communities, Caddenham District "
            "Council); Head of Community Services; Community Safety Manager; Community Safety "
            "Analyst; Head of Environmental Services; Licensing Team Leader; Neighbourhood "
            "Policing Inspector, Wrexley Constabulary; Youth Justice Service Manager; Domestic "
            "Abuse Coordinator; Group Manager, Wrexley Fire and Rescue Service; Head of "
            "Probation Delivery Unit; Designated Nurse for Safeguarding, integrated care board.",
            SMALL,
        ),
        p(
            "<b>Apologies:</b> Director of Public Health (substitute: Public Health Principal).",
            SMALL,
        ),
        p(
            "This summary records the decisions taken and the actions agreed at the meeting, "
            "grouped by agenda item. It is not the minutes: the full minutes will be presented "
            "to the next meeting for approval. Items 1 and 2 (apologies and declarations, and "
            "the minutes of 10 July 2025) are recorded in the full minutes only. A timescale of "
            "\"Next meeting\" means the Board meeting of 11 December 2025; quarters are financial "
            "quarters (Q3 is October to December 2025, Q4 is January to March 2026).",
            SMALL,
        ),
        Spacer(1, 2 * mm),
        summary_table(),
        Spacer(1, 5 * mm),
        p("Actions from earlier meetings", HEADING),
        p(
            "The action log was reviewed under item 2. The CCTV control room upgrade (action "
            "25/09, July 2025) remains open and the Community Safety Manager will report on it "
            "at the next meeting. Actions 25/11 and 25/14 are complete and have been closed.",
            SMALL,
        ),
        p("Matters for other bodies", HEADING),
        p(
            "The funding decision under item 5 will be reported to the Cabinet on 20 November "
            "2025. The consultation agreed under item 4 needs no further decision until its "
            "results are known.",
            SMALL,
        ),
        p(
            "Date of next meeting: Thursday 11 December 2025, 2.00 pm, Council Chamber, "
            "Caddenham House.",
            SMALL,
        ),
        p(
            "Contact: Ottavia Brackenbury, Partnership Support Officer, Caddenham District "
            "Council.",
            SMALL,
        ),
    ]


def header_footer(canvas, doc) -> None:
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(18 * mm, height - 12 * mm, HEADER)
    canvas.drawRightString(width - 18 * mm, height - 12 * mm, HEADER2)
    canvas.drawString(18 * mm, 10 * mm, "OFFICIAL")
    canvas.drawRightString(width - 18 * mm, 10 * mm, f"Page {doc.page} of {PAGES}")
    canvas.restoreState()


def build() -> pathlib.Path:
    out = HERE / FILE
    doc = BaseDocTemplate(
        str(out),
        pagesize=PAGE,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title="Partnership Board - summary of decisions and actions - 9 October 2025",
        author="Caddenham District Council",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=header_footer)])
    doc.build(story())
    if doc.page != PAGES:
        raise SystemExit(f"{FILE}: {doc.page} pages, footer says {PAGES}")
    return out


if __name__ == "__main__":
    print(build())
