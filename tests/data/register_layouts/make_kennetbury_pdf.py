"""Build kennetbury-scrutiny-recommendation-monitoring-2025-06-17.pdf beside this script.

A register test document (see README.md here; the third kept-aside set until measured). The council,
partnership, review, places, people and figures are invented.

The layout is that of a scrutiny committee's recommendation-monitoring appendix, as a
council's Word template saves it to PDF: a title block, an intro, a "position at a glance"
count table and a status key, then **one two-column card per recommendation**. Each card is
a small ruled table whose first row is a dark full-width bar with the reference and a short
title ("TC4   Taxi marshals"), followed by label | value rows: Recommendation, Cabinet
response, Cabinet Member, Lead officer, Target date, Progress reported May 2025, Status.
The cards run one after another over four pages. Three cards (TC2, TC6, TC10) are split by
a page break, and the split card's title bar is repeated at the top of the next page. The
running header and the "Appendix 1 - page n of 4" footer are drawn at the start of each
page, before its content, so pypdf gives them first on every page.

    .venv/bin/python tests/data/register_layouts/make_kennetbury_pdf.py
"""

from __future__ import annotations

import pathlib

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = pathlib.Path(__file__).resolve().parent
rl_config.invariant = 1  # no timestamps or random ids: the same bytes on every build
FILE = "kennetbury-scrutiny-recommendation-monitoring-2025-06-17.pdf"
PAGES = 4  # printed in the footer; build() checks it

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=10, leading=13
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=9, leading=11.5)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9.5, leading=12)
LABEL = ParagraphStyle("label", parent=CELL, fontName="Helvetica-Bold")
BAR = ParagraphStyle("bar", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=11.5, leading=15, spaceAfter=3
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceBefore=4
)

HEADER = "Kennetbury Borough Council - Crime and Disorder Scrutiny Committee - 17 June 2025"
LABEL_WIDTH = 42 * mm
VALUE_WIDTH = 128 * mm


def furniture(canvas, doc) -> None:
    """Running header and footer, drawn when the page starts (before its content)."""
    width, height = A4
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.drawString(20 * mm, height - 11 * mm, HEADER)
    canvas.setStrokeColor(colors.HexColor("#888888"))
    canvas.line(20 * mm, height - 13 * mm, width - 20 * mm, height - 13 * mm)
    canvas.drawRightString(width - 20 * mm, 10 * mm, f"Appendix 1 - page {doc.page} of {PAGES}")
    canvas.restoreState()


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


# (reference, short title, recommendation, Cabinet response, Cabinet Member, lead officer,
#  target date, progress reported May 2025, status)
CABINET_COMMUNITIES = "Cllr Judith Amankwah-Ross (Communities and Safety)"
CABINET_PLACE = "Cllr Peter Szabo-Whitlock (Place and Regulatory Services)"
CARDS = [
    (
        "TC1",
        "CCTV in Sheep Street and the bus station",
        "That the council replace the analogue CCTV cameras in Sheep Street and at the bus "
        "station with digital cameras that can be monitored from the Guildhall control room.",
        "Accepted",
        CABINET_COMMUNITIES,
        "CCTV and Control Room Manager",
        "31 December 2024",
        "All nine cameras were replaced in November 2024 and are now monitored from the "
        "Guildhall control room.",
        "Complete",
    ),
    (
        "TC2",
        "Safe Haven scheme",
        "That the Kennetbury Safer Communities Partnership extend the Safe Haven scheme to at "
        "least twenty shops and other premises in the town centre.",
        "Accepted",
        CABINET_COMMUNITIES,
        "Community Safety Officer (Safe Places)",
        "30 September 2024",
        "Fourteen premises have signed up. The scheme is being promoted again through the "
        "Business Improvement District newsletter, and six more premises have been approached.",
        "Overdue",
    ),
    (
        "TC3",
        "Lighting on Abbey Walk and the Millrace footpath",
        "That the council ask Ashmere County Council to bring forward the LED lighting upgrade "
        "for Abbey Walk and the Millrace footpath.",
        "Accepted",
        CABINET_PLACE,
        "Head of Environment and Neighbourhoods",
        "30 June 2024",
        "The county council has put both routes in its 2026/27 programme. The recommendation "
        "has been moved into the Partnership's Community Safety Strategy 2025-28, with a new "
        "target date of March 2027.",
        "Carried forward",
    ),
    (
        "TC4",
        "Taxi marshals",
        "That the Partnership fund a second pair of taxi marshals at the Market Square rank on "
        "Friday and Saturday nights between 10 pm and 3 am.",
        "Accepted in part",
        CABINET_COMMUNITIES,
        "Kennetbury BID (Hamza Oyelowo-Price)",
        "October 2025",
        "One extra pair has been funded since April 2025 for Saturday nights only. The "
        "Business Improvement District has applied to the Police and Crime Commissioner's "
        "Safer Nights fund for Fridays; a decision is expected in July.",
        "On track",
    ),
    (
        "TC5",
        "One page for reporting",
        "That the Partnership publish a single web page explaining how to report anti-social "
        "behaviour, hate crime and street harassment to each agency.",
        "Accepted",
        CABINET_COMMUNITIES,
        "Communications Manager",
        "31 July 2024",
        "Published on 1 July 2024; the page had 3,120 visits up to the end of April 2025.",
        "Complete",
    ),
    (
        "TC6",
        "Night-time safety walk",
        "That the Partnership hold a night-time safety walk with women and girls each year and "
        "report what it finds to this Committee.",
        "Accepted",
        CABINET_COMMUNITIES,
        "Community Safety Manager",
        "November 2025",
        "The first walk will be held in the autumn with the Kennetbury Women's Network.",
        "Not started",
    ),
    (
        "TC7",
        "Cumulative impact assessment",
        "That the Licensing Committee review the cumulative impact assessment for the Market "
        "Square area before it expires.",
        "Accepted",
        CABINET_PLACE,
        "Licensing Manager",
        "January 2026",
        "Evidence gathering began in March 2025. Public consultation is planned for September "
        "2025.",
        "On track",
    ),
    (
        "TC8",
        "Youth sessions in the school holidays",
        "That the council and Ashmere County Council keep the Friday night youth session at "
        "The Forge open during the school holidays.",
        "Accepted",
        CABINET_COMMUNITIES,
        "Youth Services Manager, Ashmere County Council",
        "August 2024",
        "Completed. The session ran through the summer and Christmas holidays of 2024, with "
        "an average of 46 young people each week.",
        "Complete",
    ),
    (
        "TC9",
        "Knife crime action plan",
        "That the Partnership produce a town centre knife crime action plan with Ashmere Police.",
        "Accepted",
        CABINET_COMMUNITIES,
        "Ashmere Police (Ch Insp Rowena Tallis)",
        "30 September 2024",
        "Overtaken by the county's Serious Violence Duty strategy, which has had a Kennetbury "
        "town centre section since October 2024.",
        "Superseded",
    ),
    (
        "TC10",
        "Alcohol-free town centre",
        "That the council make a Public Spaces Protection Order banning the drinking of "
        "alcohol in public across the whole town centre.",
        "Not accepted",
        CABINET_PLACE,
        "-",
        "-",
        "Not accepted by Cabinet on 16 April 2024: the existing order for Market Square and "
        "the riverside is enforced, and the police evidence did not support a wider order.",
        "Closed",
    ),
    (
        "TC11",
        "Six-monthly figures",
        "That the Partnership report the town centre crime and anti-social behaviour figures to "
        "this Committee every six months.",
        "Accepted",
        CABINET_COMMUNITIES,
        "Community Safety Analyst",
        "Six-monthly",
        "Reports were received in November 2024 and May 2025.",
        "Ongoing",
    ),
]

LABELS = [
    "Recommendation",
    "Cabinet response",
    "Cabinet Member",
    "Lead officer",
    "Target date",
    "Progress reported May 2025",
    "Status",
]


def card(ref: str, title: str, *values: str) -> Table:
    rows = [[p(f"{ref}&nbsp;&nbsp;&nbsp;{title}", BAR), ""]]
    rows += [[p(label, LABEL), p(value)] for label, value in zip(LABELS, values, strict=True)]
    table = Table(rows, colWidths=[LABEL_WIDTH, VALUE_WIDTH], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("BACKGROUND", (0, 0), (1, 0), colors.HexColor("#1f3a5f")),
                ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#eef2f6")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a9bb0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def build() -> pathlib.Path:
    path = HERE / FILE
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title="Crime and Disorder Scrutiny Committee - recommendation monitoring",
        author="Kennetbury Borough Council Scrutiny Team",
    )
    story: list = [
        p("KENNETBURY BOROUGH COUNCIL", TITLE),
        p("Crime and Disorder Scrutiny Committee, Tuesday 17 June 2025", SUBTITLE),
        p(
            "Agenda item 7, Appendix 1: Monitoring the recommendations of the review "
            "<i>Feeling safe in Kennetbury town centre</i>",
            SUBTITLE,
        ),
        Spacer(1, 2 * mm),
        p(
            "In March 2024 the Committee's task and finish group made eleven recommendations "
            "to Cabinet and to the Kennetbury Safer Communities Partnership, which is the "
            "community safety partnership for the borough. Cabinet gave its response on 16 "
            "April 2024. This appendix sets out the position reported by each lead officer in "
            "May 2025. Recommendations shown as Complete or Closed will be taken off the list "
            "once the Committee has seen them.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        p("Position at a glance", HEAD),
    ]
    counts = [
        ["Status", "Number"],
        ["Complete", "3"],
        ["On track", "2"],
        ["Ongoing", "1"],
        ["Overdue", "1"],
        ["Not started", "1"],
        ["Carried forward", "1"],
        ["Superseded", "1"],
        ["Closed (not accepted)", "1"],
        ["Total", "11"],
    ]
    bold = {0, len(counts) - 1}  # the header and the total
    glance = Table(
        [[p(a, LABEL if i in bold else CELL), p(b)] for i, (a, b) in enumerate(counts)],
        colWidths=[50 * mm, 20 * mm],
        hAlign="LEFT",
    )
    glance.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a9bb0")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story += [
        glance,
        Spacer(1, 3 * mm),
        p(
            "TC3 has been carried forward into the Partnership's Community Safety Strategy "
            "2025-28, and TC9 was superseded by the county's Serious Violence Duty strategy. "
            "The Committee may wish to ask the Business Improvement District about the Friday "
            "marshals (TC4) when it reports in December.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        p(
            "<b>Status key.</b> Complete: the lead officer has shown that the recommendation is "
            "in place. On track: work is under way and the target date will be met. Ongoing: "
            "now part of routine work. Overdue: the target date has passed. Not started: work "
            "has not begun. Carried forward: moved into another plan with a new date. "
            "Superseded: overtaken by other work. Closed: not accepted by Cabinet, so no longer "
            "monitored.",
            SMALL,
        ),
        Spacer(1, 4 * mm),
        p("Recommendations", HEAD),
        Spacer(1, 1 * mm),
    ]
    for ref, title, *values in CARDS:
        story += [card(ref, title, *values), Spacer(1, 4 * mm)]
    story += [
        Spacer(1, 2 * mm),
        p(
            "Next update: the Committee's meeting on 9 December 2025.<br/>"
            "Contact: Anwen Gallacher-Boyd, Scrutiny Officer, Kennetbury Borough Council",
            SMALL,
        ),
    ]
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    from pypdf import PdfReader

    pages = len(PdfReader(str(path)).pages)
    assert pages == PAGES, f"{pages} pages, the footer says {PAGES}"
    return path


if __name__ == "__main__":
    print(build())
