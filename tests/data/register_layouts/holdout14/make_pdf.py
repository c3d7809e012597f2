"""Build the Brisselton Partnership Performance Board action tracker PDF (reportlab, same bytes each time).

A fictional partnership's action tracker, kept as a spreadsheet and exported to a landscape
PDF for the Board's papers. The columns are in the spreadsheet's order, Status | Target |
Owner | Action | No. | Date raised; three full-width theme rows; the table runs from page 1
onto page 2 without its header row (the sheet has no print titles); some statuses are letters
defined by a key at the foot of the sheet. Everything in it is invented.

    .venv/bin/python tests/data/register_layouts/holdout14/make_pdf.py
"""

from __future__ import annotations

import pathlib

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
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
FILE = "brisselton-csp-partnership-performance-board-action-tracker-2026-10-06.pdf"
PAGES = 2  # printed in the footer; build() checks it
PAGE = landscape(A4)
MARGIN = 15 * mm

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5
)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=2
)
KEY = ParagraphStyle("key", parent=BODY, fontName="Helvetica-Oblique", fontSize=9, leading=12)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11, spaceAfter=0)
HEADCELL = ParagraphStyle("headcell", parent=CELL, fontName="Helvetica-Bold")
GROUPCELL = ParagraphStyle("groupcell", parent=CELL, fontName="Helvetica-Bold")

HEADER_LEFT = "Brisselton Community Safety Partnership"
HEADER_RIGHT = "Partnership Performance Board - action tracker"
FOOTER_LEFT = "PPB action tracker 2026-27.xlsx / Sheet: Actions"
FOOTER_MID = "Printed 29/09/2026"

COLUMNS = ["Status", "Target", "Owner", "Action", "No.", "Date raised"]
WIDTHS = [26 * mm, 26 * mm, 58 * mm, 110 * mm, 24 * mm, 23 * mm]
GRID = colors.HexColor("#9a9a9a")
HEADFILL = colors.HexColor("#d9e1f2")
GROUPFILL = colors.HexColor("#f2f2f2")

# (status, target, owner, action, no., date raised), grouped by theme, as on the sheet.
THEMES = [
    (
        "Theme 1 - Neighbourhood crime and anti-social behaviour",
        [
            ("O", "30/11/2026", "ASB Coordinator (Ilsabet Vantongeren)",
             "Map repeat ASB calls in the Pennigrove ward against the new housing allocations and report the pattern to the Board",
             "PPB-061", "07/07/2026"),
            ("C", "31/08/2026", "Brisselton Police (Insp. Bedwyr Abelard)",
             "Agree a joint patrol plan for the Gullhaven car parks with the car park operator",
             "PPB-054", "14/04/2026"),
            ("In progress", "Dec 2026", "Head of Environmental Services",
             "Replace the failed lighting on the Tenterbrook underpass and the canal towpath steps",
             "PPB-058", "07/07/2026"),
            ("CF", "Next Board", "Community Safety Manager",
             "Present the revised shoplifting partnership offer to the Business Improvement District",
             "PPB-049", "13/01/2026"),
            ("Overdue", "30/09/2026", "Brisselton Homes (Thea Quennevaux)",
             "Share the list of properties with repeat ASB complaints with the neighbourhood policing team each month",
             "PPB-056", "14/04/2026"),
        ],
    ),
    (
        "Theme 2 - Serious violence and exploitation",
        [
            ("O", "Q4 2026/27", "Violence Reduction Lead",
             "Commission a second bleed-kit cabinet at Brisselton bus station",
             "PPB-062", "07/07/2026"),
            ("C", "31/07/2026", "Youth Justice Service Manager",
             "Circulate the revised referral form for the knife crime education sessions to all secondary schools",
             "PPB-057", "14/04/2026"),
            ("Withdrawn", "-", "Community Safety Manager",
             "Bid to the Safer Lanes grant for alley gates on Skerrow Lane",
             "PPB-051", "13/01/2026"),
            ("CF", "Mar 2027", "DA Partnership Manager (Sigrun Franceschi)",
             "Run domestic abuse awareness sessions for licensed premises staff before the Christmas period",
             "PPB-052", "13/01/2026"),
            ("O", "Quarterly", "Performance Analyst",
             "Add the serious violence indicators to the Board dashboard",
             "PPB-063", "07/07/2026"),
        ],
    ),
    (
        "Theme 3 - Partnership working",
        [
            ("C", "15/09/2026", "Chair",
             "Write to the Police and Crime Commissioner about the funding of the street pastors scheme",
             "PPB-059", "07/07/2026"),
            ("In progress", "Ongoing", "All partners",
             "Nominate a single point of contact for the review of the information-sharing agreement",
             "PPB-060", "07/07/2026"),
        ],
    ),
]


def p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


def tracker() -> Table:
    data = [[p(h, HEADCELL) for h in COLUMNS]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADFILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    for theme, rows in THEMES:
        row = len(data)
        data.append([p(theme, GROUPCELL), "", "", "", "", ""])
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUPFILL)]
        for cells in rows:
            data.append([p(cell, CELL) for cell in cells])
    table = Table(data, colWidths=WIDTHS, repeatRows=0)
    table.setStyle(TableStyle(style))
    return table


def story() -> list:
    return [
        p("Partnership Performance Board", TITLE),
        p("<b>Action tracker</b> - for the meeting on Tuesday 6 October 2026"),
        p(
            "Kept by the Community Safety Team. Actions are added when the Board agrees them and "
            "are removed from the sheet at the meeting after they are signed off. Please send "
            "changes to the team by the Friday before each Board."
        ),
        Spacer(1, 4 * mm),
        tracker(),
        Spacer(1, 5 * mm),
        p(
            "Key: C = complete, O = open, CF = carried forward. Other status cells are as entered "
            "by the owner.",
            KEY,
        ),
        p("12 actions on the sheet: 3 complete, 3 open, 2 carried forward.", KEY),
    ]


def header(canvas, doc) -> None:
    """Drawn before each page's content, so pypdf gives these lines first on each page."""
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(MARGIN, height - 9 * mm, HEADER_LEFT)
    canvas.drawRightString(width - MARGIN, height - 9 * mm, HEADER_RIGHT)
    canvas.restoreState()


def footer(canvas, doc) -> None:
    """Drawn after each page's content, so pypdf gives these lines last on each page."""
    width, _ = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(MARGIN, 7 * mm, FOOTER_LEFT)
    canvas.drawCentredString(width / 2, 7 * mm, FOOTER_MID)
    canvas.drawRightString(width - MARGIN, 7 * mm, f"Page {doc.page} of {PAGES}")
    canvas.restoreState()


def build() -> pathlib.Path:
    out = HERE / FILE
    doc = BaseDocTemplate(
        str(out),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="PPB action tracker 2026-27",
        author="Brisselton Community Safety Team",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=header, onPageEnd=footer)]
    )
    doc.build(story())
    if doc.page != PAGES:
        raise SystemExit(f"{FILE}: {doc.page} pages, footer says {PAGES}")
    return out


if __name__ == "__main__":
    print(build())
