"""Build the Tressock quarterly delivery plan update PDF (reportlab, same bytes each time).

A fictional partnership's community safety delivery plan, reported to its Board at the end of
Quarter 3, as a landscape PDF. Everything in it is invented.

    .venv/bin/python tests/data/register_layouts/make_tressock_pdf.py
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
FILE = "safer-tressock-partnership-delivery-plan-2025-26-q3-update-2026-01-22.pdf"
PAGES = 3  # printed in the footer; build() checks it
PAGE = landscape(A4)
MARGIN = 15 * mm

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6,
    keepWithNext=1,
)
KEY = ParagraphStyle("key", parent=BODY, fontName="Helvetica-Oblique", fontSize=9, leading=12)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5, spaceAfter=0)
BOLDCELL = ParagraphStyle("boldcell", parent=CELL, fontName="Helvetica-Bold")
HEADCELL = ParagraphStyle(
    "headcell", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white
)
CENTRE = ParagraphStyle("centre", parent=CELL, fontName="Helvetica-Bold", alignment=1)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4
)

HEADER = "Safer Tressock Partnership Board - 22 January 2026"
FOOTER = "Agenda item 6 - Community Safety Delivery Plan 2025/26: Quarter 3 update"
RULE = colors.HexColor("#7f7f7f")
HEADFILL = colors.HexColor("#2e4a3b")
LABELFILL = colors.HexColor("#e2e9e4")
PRIORITYFILL = colors.HexColor("#f2f2f2")
# The RAG cell is coloured and carries its word; pypdf keeps only the word.
RAGFILL = {
    "Green": colors.HexColor("#92d050"),
    "Amber": colors.HexColor("#ffc000"),
    "Red": colors.HexColor("#ff6b6b"),
    "-": colors.HexColor("#d9d9d9"),
}

HEADINGS = [
    "Priority",
    "Ref",
    "Action",
    "Lead",
    "Target",
    "RAG",
    "Status",
    "Quarter 3 update (October to December 2025)",
]
WIDTHS = [34 * mm, 11 * mm, 62 * mm, 38 * mm, 19 * mm, 14 * mm, 21 * mm, 68 * mm]

# (priority, [(ref, action, lead, target, rag, status, update), ...]); the priority cell is
# merged down the rows of its actions.
PLAN = [
    (
        "Priority 1<br/>Anti-social behaviour and neighbourhood nuisance",
        [
            (
                "1.1",
                "Run a joint Tressock Homes and police week of action on the Dunstree estate, "
                "with clean-up days and door-knocking",
                "Tressock Homes Neighbourhood Manager",
                "Oct-25",
                "Green",
                "Complete",
                "Held 13 to 17 October 2025. 212 homes visited, 9 tonnes of waste removed and "
                "four tenancy warnings issued.",
            ),
            (
                "1.2",
                "Agree a single ASB case review procedure for the district, with a named "
                "lead for each review",
                "Community Safety Manager, Tressock District Council",
                "end Q4",
                "Green",
                "On track",
                "Draft procedure shared with partners in December; comments close on 30 "
                "January 2026.",
            ),
            (
                "1.3",
                "Install two redeployable CCTV cameras at the Scarrowby Road shops and "
                "evaluate them after three months",
                "CCTV and Parking Manager",
                "w/c 12/01/26",
                "Red",
                "Overdue",
                "The cameras have been bought, but the power supply has not been connected. "
                "The electricity company has given no date.",
            ),
            (
                "1.4",
                "Train all Tressock District Council and Tressock Homes front-line staff in "
                "reporting ASB through the shared case system",
                "Dashiell Tremlow, ASB Coordinator",
                "Mar-26",
                "Amber",
                "In progress",
                "74 of 130 staff trained. Two further sessions are booked for February.",
            ),
        ],
    ),
    (
        "Priority 2<br/>Violence against women and girls",
        [
            (
                "2.1",
                "Report the uptake of the Oxmere Women's Centre outreach service by ward to "
                "the Board",
                "Domestic Abuse Lead (Cosima Pemberthy)",
                "Quarterly",
                "Green",
                "In progress",
                "The Quarter 3 figures were reported to the December Board. Ravensett ward "
                "remains the lowest.",
            ),
            (
                "2.2",
                "Commission a bystander training programme for Tressock town centre bar and "
                "taxi staff",
                "Harnside Constabulary / Licensing Manager",
                "Jan-26",
                "Red",
                "Carried forward",
                "No provider bid within the budget. To be carried into the 2026/27 plan with "
                "the county's new funding.",
            ),
            (
                "2.3",
                "Carry out a safety audit of the Ravensett riverside path with women who use "
                "it, and agree the works needed",
                "Insp. Lysander Hollis, Harnside Constabulary",
                "end Q1 2026/27",
                "Amber",
                "Not started",
                "Waiting for the Environment Agency's flood works to finish before the walk "
                "can be arranged.",
            ),
            (
                "2.4",
                "Sign up every late-night venue in Tressock town centre to the Safe Haven "
                "scheme for people who feel unsafe",
                "Licensing Manager / Pubwatch Chair",
                "Dec-25",
                "Amber",
                "In progress",
                "31 of 40 venues have signed up; the other nine have been sent reminders and "
                "will be visited in January.",
            ),
        ],
    ),
    (
        "Priority 3<br/>Reducing harm from drugs and alcohol",
        [
            (
                "3.1",
                "Open a weekend drop-in at the Oxmere recovery hub for people leaving the "
                "night-time economy",
                "Service Manager, Tressock Recovery Partnership",
                "Nov-25",
                "Green",
                "Complete",
                "Opened on 7 November 2025. 38 people used it in the first eight weekends.",
            ),
            (
                "3.2",
                "Pilot test-strip kits in three Tressock pharmacies",
                "Public Health Principal (Xanthe Ibbotson)",
                "Feb-26",
                "-",
                "Withdrawn",
                "The county's public health team will run a county-wide scheme instead, so "
                "the local pilot is not needed.",
            ),
            (
                "3.3",
                "Hold a quarterly joint licensing and police visit to every off-licence that "
                "has had a test purchase failure",
                "Florian Sandral, Licensing Manager / PS Niamh Stannard",
                "Ongoing",
                "Green",
                "Ongoing",
                "Five visits in the quarter; one premises licence review has been requested.",
            ),
        ],
    ),
]


def p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


def cover_table() -> Table:
    rows = [
        ["Report to", "Safer Tressock Partnership Board"],
        ["Date of meeting", "22 January 2026"],
        ["Report of", "Esmond Hesketh, Head of Community Safety, Tressock District Council"],
        ["Period covered", "Quarter 3 2025/26 (October to December 2025)"],
    ]
    table = Table(
        [[p(f"<b>{a}</b>", CELL), p(b, CELL)] for a, b in rows], colWidths=[38 * mm, 140 * mm]
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (0, -1), LABELFILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def recommendations_box() -> Table:
    rows = [
        [p("<b>Recommendations</b>", CELL), ""],
        [
            p("<b>R1</b>", CELL),
            p(
                "That the Board notes the Quarter 3 position of the Community Safety Delivery "
                "Plan 2025/26, as set out in the appendix.",
                CELL,
            ),
        ],
        [
            p("<b>R2</b>", CELL),
            p(
                "That the Board agrees that action 2.2 be carried forward into the 2026/27 "
                "delivery plan and that action 3.2 be withdrawn.",
                CELL,
            ),
        ],
        [
            p("<b>R3</b>", CELL),
            p(
                "That the Board agrees that the Safe Haven scheme (action 2.4) continue in "
                "2026/27 as part of the next delivery plan.",
                CELL,
            ),
        ],
    ]
    table = Table(rows, colWidths=[14 * mm, 164 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, HEADFILL),
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), LABELFILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def key_table() -> Table:
    rows = [
        [p("<b>RAG</b> - how confident the lead is that the action will be delivered by "
           "its target", CELL), p("<b>Status</b> - where the action has got to", CELL)],
        [p("<b>Green</b> - confident", CELL), p("<b>Complete</b> - delivered", CELL)],
        [p("<b>Amber</b> - some risk to the target", CELL),
         p("<b>On track</b> / <b>In progress</b> / <b>Ongoing</b> - under way", CELL)],
        [p("<b>Red</b> - the target will be missed", CELL),
         p("<b>Not started</b> / <b>Overdue</b> - agreed, not yet under way or past its "
           "target", CELL)],
        [p("<b>-</b> - no rating (the action has ended)", CELL),
         p("<b>Carried forward</b> - moved to the next plan; <b>Withdrawn</b> - ended by the "
           "Board", CELL)],
    ]
    table = Table(rows, colWidths=[89 * mm, 89 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), LABELFILL),
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
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for priority, actions in PLAN:
        first = len(data)
        for n, (ref, action, lead, target, rag, status, update) in enumerate(actions):
            row = len(data)
            data.append(
                [
                    p(priority, BOLDCELL) if n == 0 else "",
                    p(ref, BOLDCELL),
                    p(action, CELL),
                    p(lead, CELL),
                    p(target, CELL),
                    p(rag, CENTRE),
                    p(status, CELL),
                    p(update, CELL),
                ]
            )
            style.append(("BACKGROUND", (5, row), (5, row), RAGFILL[rag]))
        last = len(data) - 1
        style += [
            ("SPAN", (0, first), (0, last)),
            ("BACKGROUND", (0, first), (0, last), PRIORITYFILL),
        ]
    table = Table(data, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def story() -> list:
    return [
        p("Safer Tressock Partnership", TITLE),
        p("Community Safety Delivery Plan 2025/26 - Quarter 3 update", SUBTITLE),
        Spacer(1, 2 * mm),
        cover_table(),
        Spacer(1, 4 * mm),
        recommendations_box(),
        p("1. Summary", HEAD),
        p(
            "The delivery plan has eleven actions under the Partnership's three priorities "
            "for 2025/26. At the end of December 2025 two are complete, five are under way, "
            "one has not started, one is overdue, one is proposed to be carried forward and "
            "one has been withdrawn. Five are rated Green, three Amber and two Red; the "
            "withdrawn action has no rating."
        ),
        p("2. Reading the plan", HEAD),
        p(
            "Each action has two ratings. The RAG column is the lead's view of whether the "
            "target will be met; the Status column says where the work has got to. An action "
            "can be Green and not yet started, or Red and in progress.",
        ),
        Spacer(1, 1 * mm),
        key_table(),
        p("3. Exceptions", HEAD),
        p(
            "Action 1.3 (the Scarrowby Road cameras) is overdue and rated Red: the Head of "
            "Community Safety has written to the electricity company. Action 2.2 could not be "
            "commissioned within this year's budget and action 3.2 is no longer needed; "
            "recommendation R2 deals with both. Action 2.3 has not started for reasons outside "
            "the Partnership's control."
        ),
        Spacer(1, 2 * mm),
        p("Appendix: Community Safety Delivery Plan 2025/26 - position at 31 December 2025", HEAD),
        Spacer(1, 1 * mm),
        plan_table(),
        p("4. Next update", HEAD),
        p(
            "The year-end position will be reported to the Board on 23 April 2026, with the "
            "draft delivery plan for 2026/27."
        ),
        p(
            "Contact: Esmond Hesketh, Head of Community Safety, Tressock District Council.",
            KEY,
        ),
    ]


def header_footer(canvas, doc) -> None:
    """Drawn after each page's content, so pypdf gives these lines last on each page."""
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
        title="Community Safety Delivery Plan 2025/26 - Quarter 3 update",
        author="Tressock District Council",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=header_footer)])
    doc.build(story())
    if doc.page != PAGES:
        raise SystemExit(f"{FILE}: {doc.page} pages, footer says {PAGES}")
    return out


if __name__ == "__main__":
    print(build())
