"""Build thornbeck-snp-partnership-plan-delivery-report-2025-05-22.pdf beside this script.

A register test document (see README.md here; the fourth kept-aside set until measured). The
council, partnership, places, people and figures are invented.

The layout is that of a partnership plan's year-end delivery report, as a council's Word
template saves it to PDF in **landscape**: a title block and a short cover table, then a ruled
**Recommendations** table (number | recommendation), a summary paragraph with counts, a
**RAG key** table (colour swatch | status word | meaning), and the delivery plan as **one
table per priority**, each under its own heading paragraph (not a full-width group row) and
each with its own header row: Ref | Action | Lead | Supporting partners | Milestone | Status |
Year-end commentary. The Status cell holds a word ("Achieved", "On track", "At risk",
"Off track", "Not started", "Withdrawn") on a cell shaded in the key's colour. The Priority A
table runs from page 1 onto page 2 (the break falls between A.2 and A.3) and its header row
is repeated there. A section of exceptions then names some actions by reference in prose.

The running header is drawn when each page starts (pypdf gives it first), the footer when the
page ends (pypdf gives it last).

    .venv/bin/python tests/data/register_layouts/make_thornbeck_pdf.py
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
FILE = "thornbeck-snp-partnership-plan-delivery-report-2025-05-22.pdf"
PAGES = 3  # printed in the footer; build() checks it
PAGE = landscape(A4)

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5)
HEADCELL = ParagraphStyle(
    "headcell", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white
)
BOLDCELL = ParagraphStyle("boldcell", parent=CELL, fontName="Helvetica-Bold")
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=1
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceAfter=2
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceBefore=3,
    spaceAfter=2,
)
PRIORITY = ParagraphStyle(
    "priority", parent=HEAD, fontSize=10, textColor=colors.HexColor("#5a2a6e")
)

HEADER = "Thornbeck Safer Neighbourhoods Partnership - Partnership Board - 22 May 2025"
FOOTER = "Agenda item 6 - Partnership Plan 2024-27: year 1 delivery report"
DARK = colors.HexColor("#5a2a6e")
GRIDC = colors.HexColor("#9a8aa6")

# The key's colours, by status word.
SHADE = {
    "Achieved": colors.HexColor("#9fc5e8"),
    "On track": colors.HexColor("#b6d7a8"),
    "At risk": colors.HexColor("#ffd966"),
    "Off track": colors.HexColor("#ea9999"),
    "Not started": colors.HexColor("#d9d9d9"),
    "Withdrawn": colors.white,
}


def header(canvas, doc) -> None:
    """Running header, drawn when the page starts (before its content)."""
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(15 * mm, height - 9 * mm, HEADER)
    canvas.setStrokeColor(GRIDC)
    canvas.line(15 * mm, height - 11 * mm, width - 15 * mm, height - 11 * mm)
    canvas.restoreState()


def footer(canvas, doc) -> None:
    """Footer, drawn when the page ends (after its content)."""
    width, _ = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(15 * mm, 8 * mm, FOOTER)
    canvas.drawRightString(width - 15 * mm, 8 * mm, f"Page {doc.page} of {PAGES}")
    canvas.restoreState()


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


COLUMNS = [
    "Ref",
    "Action",
    "Lead",
    "Supporting partners",
    "Milestone",
    "Status",
    "Year-end commentary",
]
WIDTHS = [13 * mm, 62 * mm, 42 * mm, 34 * mm, 20 * mm, 20 * mm, 76 * mm]

# (heading, rows); each row: ref, action, lead, supporting partners, milestone, status, comment
PRIORITIES = [
    (
        "Priority A: Safer town and district centres",
        [
            (
                "A.1",
                "Extend the town centre CCTV network to Market Place and the bus interchange",
                "CCTV Manager, Thornbeck MBC",
                "Harrowdale Police",
                "Dec 2024",
                "Achieved",
                "Completed in November 2024. Eight new cameras are monitored from the "
                "Wellgate control room.",
            ),
            (
                "A.2",
                "Train staff in at least 40 licensed premises in the Ask for Angela scheme",
                "Licensing Team Leader",
                "Thornbeck Pubwatch",
                "Mar 2025",
                "Achieved",
                "43 premises trained by February 2025, including all 12 late-night venues on "
                "Tenter Street.",
            ),
            (
                "A.3",
                "Run a retail crime partnership with the Westgate Centre traders, with monthly "
                "joint patrols",
                "Insp. Cordelia Asante-Burke, Harrowdale Police",
                "Thornbeck BID; Westgate Centre management",
                "Quarterly",
                "On track",
                "Eleven joint patrols held. Shop theft reported by member stores fell by 14% "
                "between the first and last quarters.",
            ),
            (
                "A.4",
                "Install new lighting on the Calder Lane ginnel and the Brewhouse underpass",
                "Highways Asset Manager",
                "-",
                "Jun 2025",
                "At risk",
                "The Brewhouse underpass is done. Calder Lane needs the consent of two "
                "landowners; one has not replied.",
            ),
        ],
    ),
    (
        "Priority B: Tackling violence and exploitation",
        [
            (
                "B.1",
                "Deliver knife crime prevention workshops in all nine secondary schools",
                "Youth Justice Service Manager",
                "Harrowdale Police schools officers",
                "Jul 2025",
                "On track",
                "Workshops held in seven schools; the other two are booked for June 2025.",
            ),
            (
                "B.2",
                "Set up a multi-agency child exploitation panel that meets every month",
                "Head of Children's Safeguarding, Thornbeck MBC",
                "Harrowdale Police; Thornbeck ICB",
                "Oct 2024",
                "Achieved",
                "The panel first met on 17 September 2024 and has reviewed 26 young people.",
            ),
            (
                "B.3",
                "Disrupt the county lines supplying the Eastfield and Moss Bank estates, closing "
                "at least two lines",
                "DCI Mirela Fenwick-Oduya, Harrowdale Police",
                "Thornbeck Homes",
                "Mar 2025",
                "Off track",
                "One line closed in December 2024. A second operation was paused when the "
                "regional unit's officers were redeployed. A revised date is proposed in "
                "section 4.",
            ),
            (
                "B.4",
                "Publish a map of youth provision in each ward on the Partnership website",
                "Youth Services Manager",
                "Voluntary Action Thornbeck",
                "Jan 2025",
                "Withdrawn",
                "Withdrawn by the Board in January 2025, because the county's Youth Offer "
                "review will publish the same information in the autumn.",
            ),
        ],
    ),
    (
        "Priority C: Protecting people from domestic abuse",
        [
            (
                "C.1",
                "Launch a domestic abuse champions network in GP practices",
                "Domestic Abuse Coordinator",
                "Thornbeck ICB",
                "Nov 2024",
                "Achieved",
                "31 of the borough's 34 practices have a trained champion.",
            ),
            (
                "C.2",
                "Commission a community perpetrator programme for men who are not on probation",
                "Head of Community Safety",
                "Probation Service; Harrowdale Police",
                "Mar 2025",
                "Off track",
                "The first tender drew no compliant bids. The service will be re-tendered "
                "with a longer contract.",
            ),
            (
                "C.3",
                "Publish the findings of the domestic homicide review \"Adult K\" and its "
                "action plan",
                "Partnership Manager",
                "-",
                "Sep 2025",
                "Not started",
                "Awaiting the Home Office quality assurance panel.",
            ),
        ],
    ),
]


def plan_table(rows) -> Table:
    data = [[p(c, HEADCELL) for c in COLUMNS]]
    data += [[p(ref, BOLDCELL)] + [p(v) for v in values] for ref, *values in rows]
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), DARK),
        ("GRID", (0, 0), (-1, -1), 0.4, GRIDC),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for i, row in enumerate(rows, start=1):
        style.append(("BACKGROUND", (5, i), (5, i), SHADE[row[5]]))
    table = Table(data, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def boxed(data, widths, head: bool = True) -> Table:
    table = Table(data, colWidths=widths, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRIDC),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#ece6f0")))
    table.setStyle(TableStyle(style))
    return table


def build() -> pathlib.Path:
    path = HERE / FILE
    width, height = PAGE
    doc = BaseDocTemplate(
        str(path),
        pagesize=PAGE,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=14 * mm,
        title="Partnership Plan 2024-27: year 1 delivery report",
        author="Thornbeck Safer Neighbourhoods Partnership",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=header, onPageEnd=footer)]
    )

    cover = boxed(
        [
            [p("Report of", BOLDCELL), p("Partnership Manager (Tamsin Everleigh-Kane)")],
            [p("Wards", BOLDCELL), p("All")],
            [p("Purpose", BOLDCELL), p("For decision")],
        ],
        [30 * mm, 110 * mm],
        head=False,
    )
    recommendations = boxed(
        [
            [p("No.", BOLDCELL), p("Recommendation", BOLDCELL)],
            [
                p("1"),
                p(
                    "That the Board notes the delivery position at the end of year 1 of the "
                    "Partnership Plan 2024-27, set out in section 3."
                ),
            ],
            [
                p("2"),
                p(
                    "That actions B.3 and C.2 be carried into the year 2 delivery plan with the "
                    "revised milestones proposed in section 4."
                ),
            ],
        ],
        [12 * mm, 200 * mm],
    )
    key_rows = [
        ("Blue", "Achieved", "The action is complete."),
        ("Green", "On track", "Work is under way and the milestone will be met."),
        ("Amber", "At risk", "The milestone may be missed unless the issue shown is resolved."),
        ("Red", "Off track", "The milestone will be missed; a recovery plan is needed."),
        ("Grey", "Not started", "Work is not yet due to begin."),
        ("None", "Withdrawn", "Taken out of the plan by the Board."),
    ]
    key = boxed(
        [[p("Colour", BOLDCELL), p("Status", BOLDCELL), p("Meaning", BOLDCELL)]]
        + [[p(c), p(s), p(m)] for c, s, m in key_rows],
        [16 * mm, 22 * mm, 100 * mm],
    )
    key.setStyle(
        TableStyle(
            [("BACKGROUND", (0, i), (0, i), SHADE[s]) for i, (_, s, _) in enumerate(key_rows, 1)]
        )
    )

    story: list = [
        p("THORNBECK SAFER NEIGHBOURHOODS PARTNERSHIP", TITLE),
        p("Partnership Board, Thursday 22 May 2025 - Agenda item 6", SUBTITLE),
        p("Partnership Plan 2024-27: year 1 delivery report (April 2024 to March 2025)", SUBTITLE),
        Spacer(1, 1 * mm),
        cover,
        Spacer(1, 2 * mm),
        p("Recommendations", HEAD),
        recommendations,
        Spacer(1, 2 * mm),
        p("2. Summary", HEAD),
        p(
            "The Partnership Plan 2024-27 was agreed by the Board in March 2024 and by "
            "Thornbeck Metropolitan Borough Council's Cabinet in April 2024. Of the 11 actions "
            "in the year 1 delivery plan, four have been achieved, two are on track, one is at "
            "risk, two are off track, one has not started and one was withdrawn. Each lead has "
            "given a year-end commentary.",
            BODY,
        ),
        Spacer(1, 1 * mm),
        p("RAG key", HEAD),
        key,
        Spacer(1, 2 * mm),
        p("3. Delivery against the plan", HEAD),
    ]
    for heading, rows in PRIORITIES:
        story += [p(heading, PRIORITY), plan_table(rows), Spacer(1, 3 * mm)]
    story += [
        p("4. Exceptions and revised milestones", HEAD),
        p(
            "4.1 Action B.3 is off track because the regional organised crime unit's officers "
            "were moved to another operation in January. Harrowdale Police propose a revised "
            "milestone of September 2025.",
            BODY,
        ),
        p(
            "4.2 Action C.2 is off track after a failed tender. The Head of Community Safety "
            "proposes a revised milestone of December 2025, with the new contract starting in "
            "January 2026.",
            BODY,
        ),
        p(
            "4.3 Action A.4 is at risk but is expected to be delivered if the second landowner "
            "consents by the end of May. It stays in the year 1 plan for now.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        p("5. Next steps", HEAD),
        p(
            "The year 2 delivery plan will be brought to the Board on 18 September 2025. "
            "Contact: Tamsin Everleigh-Kane, Partnership Manager, Thornbeck Metropolitan "
            "Borough Council.",
            BODY,
        ),
    ]
    doc.build(story)
    from pypdf import PdfReader

    pages = len(PdfReader(str(path)).pages)
    assert pages == PAGES, f"{pages} pages, the footer says {PAGES}"
    return path


if __name__ == "__main__":
    print(build())
