"""Build kilbarrow-csp-executive-group-decision-action-log-2025-07-10.pdf beside this script.

A register test document of the main set (see README.md here; it was the fifth kept-aside
set). The council, partnership, places, people and figures are invented.

The layout is that of a partnership executive group's combined **decision and action log**,
as a council's Word template saves it to PDF (portrait A4): a title block, a short "About this
log" paragraph that explains the one-letter **Type** codes (D = decision, A = action,
R = recommendation to the Partnership Board), a status key paragraph, and then one ruled
table in which decisions, actions and recommendations are mixed, in log order:
Ref | Raised | Type | Description | Owner | Due | Status | Update. Decisions have "-" in the
Owner, Due and Status cells unless they have been superseded. The "Raised" cell is the date of
the meeting that raised the item (printed 17/04/25), not the log's date. The table runs from
page 1 onto page 2 with its header row repeated. After it come a count paragraph and a
paragraph for the Partnership Board that names items by reference.

The running header is drawn when each page starts (pypdf gives it first), the footer when the
page ends (pypdf gives it last).

    .venv/bin/python tests/data/register_layouts/make_kilbarrow_pdf.py
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
FILE = "kilbarrow-csp-executive-group-decision-action-log-2025-07-10.pdf"
PAGES = 2  # printed in the footer; build() checks it
PAGE = A4

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=9, leading=12
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=9.8)
HEADCELL = ParagraphStyle("headcell", parent=CELL, fontName="Helvetica-Bold")
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=0
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceAfter=2
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=4,
    spaceAfter=1,
)

HEADER = "Kilbarrow Community Safety Partnership - Executive Group"
FOOTER = "Decision and action log - position at 10 July 2025"
GRIDC = colors.HexColor("#7f8c8d")
HEADFILL = colors.HexColor("#d6e4ea")


def header(canvas, doc) -> None:
    """Running header, drawn when the page starts (before its content)."""
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(14 * mm, height - 9 * mm, HEADER)
    canvas.drawRightString(width - 14 * mm, height - 9 * mm, "OFFICIAL")
    canvas.setStrokeColor(GRIDC)
    canvas.line(14 * mm, height - 11 * mm, width - 14 * mm, height - 11 * mm)
    canvas.restoreState()


def footer(canvas, doc) -> None:
    """Footer, drawn when the page ends (after its content)."""
    width, _ = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(14 * mm, 8 * mm, FOOTER)
    canvas.drawRightString(width - 14 * mm, 8 * mm, f"Page {doc.page} of {PAGES}")
    canvas.restoreState()


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


COLUMNS = ["Ref", "Raised", "Type", "Description", "Owner", "Due", "Status", "Update"]
WIDTHS = [17 * mm, 15 * mm, 10 * mm, 50 * mm, 27 * mm, 16 * mm, 18 * mm, 29 * mm]

# ref, raised, type, description, owner, due, status, update
ROWS = [
    (
        "EG/25/01",
        "17/04/25",
        "D",
        "Adopt the Kilbarrow Community Safety Strategy 2025-28 and its three priorities: "
        "violence against women and girls, serious violence, and neighbourhood crime",
        "-",
        "-",
        "-",
        "Published on the council website on 2 May 2025.",
    ),
    (
        "EG/25/02",
        "17/04/25",
        "A",
        "Draft terms of reference for the new Tillerton town centre task group",
        "Community Safety Manager",
        "31/05/25",
        "Complete",
        "Agreed by email on 28 May 2025. The task group first met on 12 June.",
    ),
    (
        "EG/25/03",
        "17/04/25",
        "A",
        "Map the licensed premises trading after midnight in Crayhithe and share the map "
        "with Hexmoor Constabulary's licensing team",
        "Licensing Manager (KDC)",
        "30/06/25",
        "Overdue",
        "Premises data checked; the map was delayed by the licensing system migration. "
        "Now expected by 25 July.",
    ),
    (
        "EG/25/04",
        "17/04/25",
        "R",
        "That the Partnership Board asks each responsible authority to name a lead officer "
        "for the Serious Violence Duty",
        "Chair",
        "22/05/25",
        "Complete",
        "Accepted by the Board on 22 May 2025. Five of the six leads are named.",
    ),
    (
        "EG/25/05",
        "17/04/25",
        "D",
        "Fund the Wendlecombe night-time economy marshals for a further six months from "
        "the Safer Streets underspend (£14,200)",
        "-",
        "-",
        "Superseded",
        "Replaced by decision EG/25/09 when the underspend was confirmed as £9,800.",
    ),
    (
        "EG/25/06",
        "05/06/25",
        "A",
        "Arrange Ask for Angela refresher training for door staff at the 11 late-night "
        "venues in Tillerton and Crayhithe",
        "Hexmoor Constabulary (PS Orla Menzies-Boyd)",
        "31/08/25",
        "In progress",
        "Staff at six of the 11 venues trained by 4 July. The rest are booked for August.",
    ),
    (
        "EG/25/07",
        "05/06/25",
        "A",
        "Report the domestic abuse repeat referral rate to every meeting of the Executive "
        "Group",
        "Domestic Abuse Lead",
        "Each meeting",
        "Ongoing",
        "Reported on 10 July: 27% in Quarter 1, against 31% a year earlier.",
    ),
    (
        "EG/25/08",
        "05/06/25",
        "A",
        "Agree a data-sharing agreement with Kilbarrow General Hospital for emergency "
        "department assault data",
        "Information Governance Officer (KDC)",
        "31/07/25",
        "Carried forward",
        "Moved to the 2025/26 delivery plan as action SV3 at the hospital's request.",
    ),
    (
        "EG/25/09",
        "05/06/25",
        "D",
        "Replace the Wendlecombe marshal scheme with a Street Pastors grant of £9,800 for "
        "2025/26",
        "-",
        "-",
        "-",
        "Grant letter issued on 20 June 2025.",
    ),
    (
        "EG/25/10",
        "05/06/25",
        "R",
        "That the Partnership Board adopts the Safe Places standard for every council "
        "building open to the public",
        "Head of Communities",
        "-",
        "Open",
        "To go to the Board on 18 September 2025.",
    ),
    (
        "EG/25/11",
        "10/07/25",
        "D",
        "Note the Quarter 1 2025/26 performance report",
        "-",
        "-",
        "-",
        "",
    ),
    (
        "EG/25/12",
        "10/07/25",
        "D",
        "Delegate approval of the Street Pastors grant conditions to the Community Safety "
        "Manager, in consultation with the Chair",
        "-",
        "-",
        "-",
        "",
    ),
    (
        "EG/25/13",
        "10/07/25",
        "A",
        "Write to the highway authority asking for the Oxtrey Lane underpass lighting to be "
        "repaired",
        "Chair",
        "-",
        "Open",
        "",
    ),
    (
        "EG/25/14",
        "10/07/25",
        "A",
        "Circulate the draft refresh of the Serious Violence Duty strategic needs assessment "
        "to members for comment",
        "Community Safety Analyst",
        "25/07/25",
        "Not started",
        "",
    ),
]


def log_table() -> Table:
    data = [[p(c, HEADCELL) for c in COLUMNS]]
    for row in ROWS:
        data.append([p(c) for c in row])
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRIDC),
                ("BACKGROUND", (0, 0), (-1, 0), HEADFILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def story() -> list:
    return [
        p("Kilbarrow Community Safety Partnership", TITLE),
        p("Executive Group: decision and action log", SUBTITLE),
        p(
            "Position at 10 July 2025, as updated at the Executive Group meeting held on "
            "10 July 2025 at Kilbarrow District Council Offices, Tillerton.",
            BODY,
        ),
        Spacer(1, 3 * mm),
        p("About this log", HEAD),
        p(
            "The log lists every decision, recommendation and action of the Executive Group "
            "since 1 April 2025, in the order they were raised. The Type column shows what "
            "each item is: D = decision of the Executive Group; A = action; R = "
            "recommendation to the Partnership Board. Items shown as Complete are reported "
            "once and then removed from the log.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        p(
            "Status key: Open - agreed and not yet due; In progress and Ongoing - work under "
            "way; Overdue - past its due date and not complete; Complete - done; Carried "
            "forward - moved to the 2025/26 delivery plan; Superseded - replaced by a later "
            "decision. Decisions have no status unless they have been superseded.",
            BODY,
        ),
        Spacer(1, 4 * mm),
        log_table(),
        Spacer(1, 4 * mm),
        p("Summary", HEAD),
        p(
            "The log holds 14 items: five decisions, seven actions and two recommendations. "
            "Of the seven actions, one is complete, one is overdue and one has been carried "
            "forward.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        p("For the Partnership Board", HEAD),
        p(
            "The Executive Group asks the Board to consider recommendation EG/25/10 at its "
            "September meeting, and to note that action EG/25/03 is overdue and that the "
            "hospital data-sharing agreement (EG/25/08) now sits in the delivery plan.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        p(
            "Contact: Community Safety Team, Kilbarrow District Council, "
            "safer.kilbarrow@example.org",
            BODY,
        ),
    ]


def build() -> pathlib.Path:
    out = HERE / FILE
    width, height = PAGE
    doc = BaseDocTemplate(
        str(out),
        pagesize=PAGE,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=16 * mm,
        bottomMargin=14 * mm,
        title="Kilbarrow Community Safety Partnership - Executive Group decision and action log",
        author="Kilbarrow District Council",
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=header, onPageEnd=footer)]
    )
    doc.build(story())
    if doc.page != PAGES:
        raise SystemExit(f"{FILE}: {doc.page} pages, footer says {PAGES}")
    return out


if __name__ == "__main__":
    print(build())
