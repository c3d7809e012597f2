"""Build the Lowhythe sub-group action plan progress report PDF (reportlab, same bytes each time).

A fictional partnership's sub-group reports progress on its yearly action plan to the
Partnership Board. Progress is printed as a percentage (or a word) in a shaded cell. Everything
in it is invented.

    .venv/bin/python tests/data/register_layouts/make_lowhythe_pdf.py
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
FILE = "lowhythe-reducing-reoffending-subgroup-action-plan-progress-2025-10-16.pdf"
PAGES = 2  # printed in the footer; build() checks it
PAGE = A4
MARGIN = 15 * mm

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6
)
KEY = ParagraphStyle("key", parent=BODY, fontName="Helvetica-Oblique", fontSize=9, leading=12)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
HEADCELL = ParagraphStyle(
    "headcell", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white
)
GROUP = ParagraphStyle("group", parent=CELL, fontName="Helvetica-Bold", fontSize=9, leading=11.5)
PCT = ParagraphStyle("pct", parent=CELL, fontName="Helvetica-Bold", alignment=1)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4
)

HEADER = "Safer Lowhythe Partnership - Partnership Board - 16 October 2025"
FOOTER = "Agenda item 5 - Reducing Reoffending and Substance Misuse Sub-Group"
RULE = colors.HexColor("#7f7f7f")
HEADFILL = colors.HexColor("#1f3864")
GROUPFILL = colors.HexColor("#d9d9d9")
# The Progress cell is shaded by band; pypdf keeps only the printed value.
FILLS = {
    "100%": colors.HexColor("#9bd19b"),
    "75%": colors.HexColor("#c6e6a8"),
    "50%": colors.HexColor("#fff2a8"),
    "25%": colors.HexColor("#ffd8a8"),
    "0%": colors.HexColor("#f4b6b6"),
    "Deferred": colors.HexColor("#bdd7ee"),
    "Stopped": colors.HexColor("#e7e6e6"),
}

HEADINGS = [
    "Ref",
    "What we will do",
    "Lead",
    "Start",
    "Finish",
    "Progress",
    "Commentary (September 2025)",
]
WIDTHS = [9 * mm, 48 * mm, 32 * mm, 15 * mm, 19 * mm, 16 * mm, 41 * mm]

# Objective rows (a str) and action rows (ref, action, lead, start, finish, progress, commentary).
PLAN = [
    "Objective 1 - Reduce reoffending by the most prolific adult offenders",
    (
        "1a",
        "Extend the Integrated Offender Management cohort to take in eight more prolific "
        "shop thieves",
        "Probation Service (IOM Manager)",
        "Apr 2025",
        "Sep 2025",
        "100%",
        "Completed in August 2025. The cohort now stands at 46.",
    ),
    (
        "1b",
        "Agree a housing pathway for people leaving HMP Saltcote with no fixed address",
        "Housing Options Manager, Lowhythe Borough Council",
        "Apr 2025",
        "Dec 2025",
        "75%",
        "Draft pathway agreed with the prison; sign-off is due at the November housing panel.",
    ),
    (
        "1c",
        "Give IOM cohort members priority places at the Lowhythe employment and skills hub",
        "Employment Support Lead, Work and Skills Hub",
        "Jul 2025",
        "Mar 2026",
        "25%",
        "Eleven referrals made since July; three people have started training.",
    ),
    (
        "1d",
        "Hold a joint review of the IOM cohort with the police and Probation each year",
        "Westerholt Constabulary / Probation Service",
        "Apr 2025",
        "Annually",
        "50%",
        "The first review was held on 9 September 2025; its findings go to the January meeting.",
    ),
    "Objective 2 - Reduce drug- and alcohol-related harm",
    (
        "2a",
        "Open a second needle and syringe programme site in Eastquay",
        "Substance Misuse Commissioner",
        "May 2025",
        "Nov 2025",
        "75%",
        "Pharmacy on Brenning Street signed up; staff training booked for October.",
    ),
    (
        "2b",
        "Pilot a drug testing on arrest route into treatment at Lowhythe custody suite",
        "Custody Inspector, Westerholt Constabulary",
        "Jun 2025",
        "Mar 2026",
        "Deferred",
        "Moved to the 2026/27 plan because the custody suite is being refurbished until "
        "February 2026.",
    ),
    (
        "2c",
        "Train all front-line housing staff to carry and use naloxone",
        "Partnership Manager, Tidewell Recovery",
        "Apr 2025",
        "Oct 2025",
        "100%",
        "Completed on 24 September 2025: 63 staff trained.",
    ),
    (
        "2d",
        "Review drug-related deaths with the coroner's officer twice a year and share the "
        "learning with treatment services",
        "Public Health Consultant, Westerholt County Council",
        "Apr 2025",
        "Six-monthly",
        "50%",
        "The spring review took place in May; the autumn review is booked for 4 November.",
    ),
    (
        "2e",
        "Set up an alcohol licensing early-warning group with Trading Standards",
        "Licensing Manager, Lowhythe Borough Council",
        "Sep 2025",
        "Jan 2026",
        "0%",
        "Not yet begun: the first meeting is planned for November.",
    ),
    "Objective 3 - Keep young people out of the justice system",
    (
        "3a",
        "Agree a joint out-of-court disposal panel with the Youth Justice Service",
        "Youth Justice Service Manager",
        "Apr 2025",
        "Jul 2025",
        "100%",
        "Completed in June 2025. The panel meets fortnightly and has heard 17 cases.",
    ),
    (
        "3b",
        "Deliver substance misuse sessions in the three secondary schools with the highest "
        "exclusion rates",
        "Young People's Drug and Alcohol Worker",
        "Sep 2025",
        "Jul 2026",
        "25%",
        "Sessions under way at Fenlow Academy; the other two schools start in January.",
    ),
    (
        "3c",
        "Fund mentoring for young people leaving custody through the Cobblestow Foundation",
        "Youth Justice Service Manager",
        "Apr 2025",
        "Mar 2026",
        "Stopped",
        "The Foundation withdrew from the contract in June. The Sub-Group agreed in July to "
        "end this action and move the funding to 3b.",
    ),
]


def p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


def cover_table() -> Table:
    rows = [
        ["Meeting", "Partnership Board, Thursday 16 October 2025"],
        [
            "Report of",
            "Cressida Evercreech, Chair of the Sub-Group (Head of Probation Delivery, Lowhythe)",
        ],
        ["Period covered", "April to September 2025 (Quarters 1 and 2 of 2025/26)"],
        ["Contact", "Hamish Tregunna, Substance Misuse Commissioner, Lowhythe Borough Council"],
    ]
    table = Table(
        [[p(f"<b>{a}</b>", CELL), p(b, CELL)] for a, b in rows], colWidths=[35 * mm, 145 * mm]
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (0, -1), GROUPFILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def plan_table() -> Table:
    data = [[p(h, HEADCELL) for h in HEADINGS]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADFILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for item in PLAN:
        row = len(data)
        if isinstance(item, str):
            data.append([p(item, GROUP)] + [""] * (len(HEADINGS) - 1))
            style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUPFILL)]
            continue
        ref, action, lead, start, finish, progress, commentary = item
        data.append(
            [
                p(f"<b>{ref}</b>", CELL),
                p(action, CELL),
                p(lead, CELL),
                p(start, CELL),
                p(finish, CELL),
                p(progress, PCT),
                p(commentary, CELL),
            ]
        )
        style.append(("BACKGROUND", (5, row), (5, row), FILLS[progress]))
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def story() -> list:
    return [
        p("Safer Lowhythe Partnership", TITLE),
        p("Reducing Reoffending and Substance Misuse Sub-Group", SUBTITLE),
        p("Action plan 2025/26: progress report to the Partnership Board", SUBTITLE),
        Spacer(1, 2 * mm),
        cover_table(),
        p("1. Purpose", HEAD),
        p(
            "The Sub-Group agreed its 2025/26 action plan in March 2025. This report gives the "
            "position on each action at the end of September 2025, as reported by its lead at "
            "the Sub-Group meeting on 2 October 2025. It is for information; the Board is not "
            "asked to take a decision."
        ),
        p("2. Summary", HEAD),
        p(
            "Of the twelve actions in the plan, three are complete, six are under way, one has "
            "not started, one has been deferred and one has been stopped."
        ),
        p(
            "Two actions need the Board's attention. Action 2b, the drug testing on arrest pilot, "
            "cannot start until the custody suite reopens and has been moved to next year's "
            "plan. Action 3c, the custody mentoring scheme, has ended because the provider "
            "withdrew; its funding now supports the schools sessions in action 3b."
        ),
        p(
            "<b>Progress key.</b> The Progress column is the lead's estimate of how much of the "
            "action has been delivered: 0% - not started; 25%, 50% or 75% - under way; 100% - "
            "complete. Deferred - moved by the Sub-Group to the 2026/27 plan. Stopped - ended by "
            "the Sub-Group without being completed. Finish is the month the action is due to be "
            "delivered by, or how often it recurs.",
            KEY,
        ),
        p("3. Action plan 2025/26 - position at the end of September 2025", HEAD),
        Spacer(1, 1 * mm),
        plan_table(),
        p("4. Next steps", HEAD),
        p(
            "The Sub-Group will report the position at the end of December 2025 to the Board on "
            "22 January 2026, together with a draft plan for 2026/27."
        ),
        p(
            "Contact: Hamish Tregunna, Substance Misuse Commissioner, Lowhythe Borough Council.",
            KEY,
        ),
    ]


def header_footer(canvas, doc) -> None:
    """Drawn before each page's content, so pypdf gives these lines first on each page."""
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(MARGIN, height - 10 * mm, HEADER)
    canvas.drawRightString(width - MARGIN, height - 10 * mm, "OFFICIAL")
    canvas.drawString(MARGIN, 8 * mm, FOOTER)
    canvas.drawRightString(width - MARGIN, 8 * mm, f"Page {doc.page} of {PAGES}")
    canvas.restoreState()


def build() -> pathlib.Path:
    out = HERE / FILE
    doc = BaseDocTemplate(
        str(out),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=15 * mm,
        title="Reducing Reoffending and Substance Misuse Sub-Group - action plan progress",
        author="Lowhythe Borough Council",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header_footer)])
    doc.build(story())
    if doc.page != PAGES:
        raise SystemExit(f"{FILE}: {doc.page} pages, footer says {PAGES}")
    return out


if __name__ == "__main__":
    print(build())
