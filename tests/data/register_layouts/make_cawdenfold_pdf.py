"""Build the Cawdenfold delivery group highlight report PDF (reportlab, same bytes each time).

A fictional partnership's quarterly highlight report from its Serious Violence and
Exploitation Delivery Group to its Executive Board: boxed "Decisions made", "Actions agreed"
(continued on page 2 in a second box) and "Escalations to the Board" sections, with a
"Risks and issues" box that holds no entries. Everything in it is invented.

    .venv/bin/python tests/data/register_layouts/make_cawdenfold_pdf.py
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
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = pathlib.Path(__file__).resolve().parent
rl_config.invariant = 1  # no timestamps or random ids: the same bytes on every build
FILE = "cawdenfold-csp-serious-violence-delivery-group-highlight-report-2026-07-09.pdf"
PAGES = 2
PAGE = A4
MARGIN = 18 * mm

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6
)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=6 * mm, bulletIndent=1 * mm)
KEY = ParagraphStyle("key", parent=BODY, fontName="Helvetica-Oblique", fontSize=9, leading=12)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
BOLDCELL = ParagraphStyle("boldcell", parent=CELL, fontName="Helvetica-Bold")
BAR = ParagraphStyle(
    "bar", parent=CELL, fontName="Helvetica-Bold", fontSize=10, leading=12,
    textColor=colors.white,
)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=6
)

HEADER = "Cawdenfold Community Safety Partnership - Executive Board - 9 July 2026"
FOOTER = "Highlight report - Serious Violence and Exploitation Delivery Group"
BARFILL = colors.HexColor("#1f4e5a")
HEADFILL = colors.HexColor("#d7e6ea")
RULE = colors.HexColor("#6b6b6b")

DETAILS = [
    ("Reporting to", "Executive Board, 9 July 2026"),
    ("Meetings covered", "21 April 2026 and 16 June 2026"),
    ("Group chair", "Supt. Ffion Aldergrove, Ravensmere Police (FA)"),
    ("Prepared by", "Serious Violence Coordinator, Cawdenfold Borough Council (GM)"),
    ("Overall status", "AMBER - one workstream behind plan (see Risks and issues)"),
]

MEMBERS = (
    "<b>Members this quarter:</b> Supt. Ffion Aldergrove (FA, Chair); Gideon Mabry-Fenn (GM, "
    "Serious Violence Coordinator); Ryszard Kowal-Lind (RKL, Youth Justice Service); "
    "Odette Brannagh (OB, Cawdenfold Schools Partnership); Insp. Dov Sarandon (DS, Ravensmere "
    "Police); Priti Vasquez-Holm (PVH, Public Health); Abel Turnwright (AT, Cawdenfold Homes)."
)

HEADLINES = [
    "Knife-enabled offences in the town centre fell by 14% on the same quarter last year.",
    "The Group closed action SV/31 from the March report and carried SV/36 into this quarter; "
    "both are reported in the March highlight report and are not repeated here.",
    "The youth outreach contract with Northgate Detached Youth Work was extended to March 2027.",
]

DECISIONS = [
    ("D1", "Approved the terms of reference for the Knife Crime Task and Finish Group"),
    (
        "D2",
        "Agreed that £6,400 of the Serious Violence Duty grant be moved from the data "
        "workstream to the summer diversion programme",
    ),
    (
        "D3",
        "Agreed that the Serious Violence Coordinator circulate the revised response strategy "
        "to Executive Board members by 26 June 2026",
    ),
    (
        "D4",
        "Authorised the Chair to approve minor changes to the information-sharing agreement "
        "with the Youth Justice Service",
    ),
]

ACTION_HEADINGS = ["Ref", "Agreed", "Action", "Who", "When", "Progress", "Note"]
# (ref, agreed, action, who, when, progress, note)
ACTIONS_PAGE1 = [
    (
        "SV/40",
        "21/04",
        "Map knife possession arrests against school travel routes for the Chillerton and "
        "Westfold wards",
        "Community Safety Analyst",
        "31/05/26",
        "Finished",
        "Map shared with the Schools Partnership on 28 May.",
    ),
    (
        "SV/41",
        "21/04",
        "Agree a referral route from the emergency department to the youth navigators",
        "PVH / RKL",
        "End of July",
        "Live",
        "Draft route tested with two referrals in June.",
    ),
    (
        "SV/42",
        "21/04",
        "Arrange weapons awareness assemblies in all six secondary schools",
        "OB",
        "End of summer term",
        "Parked",
        "Held over to the autumn term at the schools' request.",
    ),
    (
        "SV/43",
        "16/06",
        "Review the lighting and CCTV coverage of the Harrow Lane underpass",
        "Cawdenfold Homes (Abel Turnwright)",
        "Q2 2026/27",
        "Queued",
        "",
    ),
]
ACTIONS_PAGE2 = [
    (
        "SV/44",
        "16/06",
        "Bring a proposal for a second summer diversion site to the next meeting",
        "GM",
        "Next meeting",
        "Live",
        "Two venues visited; costs awaited.",
    ),
    (
        "SV/45",
        "16/06",
        "Share the weekly exploitation hotspot briefing with Cawdenfold Homes",
        "Ravensmere Police (Insp. Dov Sarandon)",
        "Each meeting",
        "Live",
        "",
    ),
    (
        "SV/46",
        "16/06",
        "Commission a second cohort of the mentoring pilot at Westfold Academy",
        "All members",
        "-",
        "Dropped",
        "The Academy has joined the county mentoring scheme instead. See E2.",
    ),
]

KEY_TEXT = (
    "Key to the Progress column. <b>Finished</b>: the action is done and will be taken off the "
    "list. <b>Live</b>: work has started and is not finished. <b>Queued</b>: agreed, but work "
    "has not begun. <b>Parked</b>: held over to a later quarter by the Group. <b>Dropped</b>: "
    "no longer needed; closed without being carried out."
)

ESCALATIONS_LEAD = "The Group asks the Executive Board to consider the following:"
ESCALATIONS = [
    (
        "E1",
        "That the Executive Board asks Cawdenfold Borough Council to fund the youth navigator "
        "posts for a further twelve months from April 2027",
    ),
    (
        "E2",
        "That the Executive Board writes to the county mentoring scheme to secure places for "
        "Cawdenfold pupils referred by the Youth Justice Service",
    ),
]

RISKS = [
    ("RSK3", "Data workstream: the analyst post is vacant until September 2026.", "Amber"),
    ("RSK5", "Summer diversion sites may be oversubscribed in August.", "Green"),
]

CLOSING = [
    "Next Delivery Group meeting: 15 September 2026. Next highlight report: Executive Board, "
    "8 October 2026.",
    "Contact: Gideon Mabry-Fenn, Serious Violence Coordinator, Cawdenfold Borough Council.",
]


def bar_table(title: str, rows: list[list], widths: list[float], header: list[str] | None):
    """A box: a dark full-width title bar, an optional column header row, then rows."""
    ncol = len(widths)
    data = [[Paragraph(title, BAR)] + [""] * (ncol - 1)]
    style = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), BARFILL),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("INNERGRID", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        data.append([Paragraph(h, BOLDCELL) for h in header])
        style.append(("BACKGROUND", (0, 1), (-1, 1), HEADFILL))
    for row in rows:
        data.append([Paragraph(cell, BOLDCELL if i == 0 else CELL) for i, cell in enumerate(row)])
    table = Table(data, colWidths=widths)
    table.setStyle(TableStyle(style))
    return table


ACTION_WIDTHS = [13 * mm, 16 * mm, 49 * mm, 27 * mm, 19 * mm, 18 * mm, 32 * mm]
TWO_WIDTHS = [14 * mm, 160 * mm]


def story() -> list:
    s: list = [
        Paragraph("Cawdenfold Community Safety Partnership", TITLE),
        Paragraph("Highlight report: Serious Violence and Exploitation Delivery Group", SUBTITLE),
        Paragraph("Quarter 1 2026/27 (April to June 2026)", BODY),
        Spacer(1, 3 * mm),
    ]
    details = Table(
        [[Paragraph(k, BOLDCELL), Paragraph(v, CELL)] for k, v in DETAILS],
        colWidths=[40 * mm, 134 * mm],
    )
    details.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
                ("BACKGROUND", (0, 0), (0, -1), HEADFILL),
            ]
        )
    )
    s += [details, Spacer(1, 3 * mm), Paragraph(MEMBERS, BODY)]
    s.append(Paragraph("Headlines", HEAD))
    s += [Paragraph(h, BULLET, bulletText="\u2022") for h in HEADLINES]
    s.append(Spacer(1, 4 * mm))
    s.append(bar_table("Decisions made", [list(d) for d in DECISIONS], TWO_WIDTHS, None))
    s.append(Spacer(1, 4 * mm))
    s.append(bar_table("Actions agreed", [list(a) for a in ACTIONS_PAGE1], ACTION_WIDTHS,
                       ACTION_HEADINGS))
    s.append(PageBreak())
    s.append(bar_table("Actions agreed (continued)", [list(a) for a in ACTIONS_PAGE2],
                       ACTION_WIDTHS, ACTION_HEADINGS))
    s += [Spacer(1, 2 * mm), Paragraph(KEY_TEXT, KEY), Spacer(1, 4 * mm)]
    s.append(bar_table("Escalations to the Board", [["", ESCALATIONS_LEAD]]
                       + [list(e) for e in ESCALATIONS], TWO_WIDTHS, None))
    s.append(Spacer(1, 4 * mm))
    s.append(bar_table("Risks and issues", [list(r) for r in RISKS],
                       [14 * mm, 140 * mm, 20 * mm], ["ID", "Risk or issue", "Rating"]))
    s.append(Spacer(1, 4 * mm))
    s += [Paragraph(c, BODY) for c in CLOSING]
    return s


def draw_footer(canvas, doc) -> None:
    # Drawn before the page's content, so pypdf gives these lines first.
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(MARGIN, 10 * mm, FOOTER)
    canvas.drawRightString(PAGE[0] - MARGIN, 10 * mm, f"Page {doc.page} of {PAGES}")
    canvas.restoreState()


def draw_header(canvas, doc) -> None:
    # Drawn after the page's content, so pypdf gives these lines last.
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(MARGIN, PAGE[1] - 11 * mm, HEADER)
    canvas.drawRightString(PAGE[0] - MARGIN, PAGE[1] - 11 * mm, "OFFICIAL")
    canvas.restoreState()


def build() -> pathlib.Path:
    out = HERE / FILE
    doc = BaseDocTemplate(
        str(out), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=18 * mm, bottomMargin=16 * mm,
        title="Highlight report - Serious Violence and Exploitation Delivery Group",
        author="Cawdenfold Community Safety Partnership",
    )
    frame = Frame(MARGIN, 16 * mm, PAGE[0] - 2 * MARGIN, PAGE[1] - 34 * mm, id="body")
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=draw_footer, onPageEnd=draw_header)]
    )
    doc.build(story())
    from pypdf import PdfReader

    pages = PdfReader(str(out)).pages
    assert len(pages) == PAGES, f"{len(pages)} pages, expected {PAGES}"
    assert "SV/43" in pages[0].extract_text() and "SV/44" in pages[1].extract_text()
    return out


if __name__ == "__main__":
    print(build())
