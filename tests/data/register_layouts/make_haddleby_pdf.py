"""Build the Haddleby ASB case review annual report PDF (reportlab, same bytes each time).

A fictional partnership's annual report on the ASB case review (the "Community Trigger") to
its Strategic Board, with the case reviews' recommendations and the agencies' responses in an
appendix table with a two-row header. Everything in it is invented.

    .venv/bin/python tests/data/register_layouts/make_haddleby_pdf.py
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
FILE = "haddleby-csp-asb-case-review-annual-report-2025-26-2026-05-21.pdf"
PAGES = 3  # printed in the footer; build() checks it
PAGE = A4
MARGIN = 18 * mm

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6,
    keepWithNext=1,
)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=12 * mm, firstLineIndent=-6 * mm)
PARA = ParagraphStyle("para", parent=BODY, leftIndent=9 * mm, firstLineIndent=-9 * mm)
KEY = ParagraphStyle("key", parent=BODY, fontName="Helvetica-Oblique", fontSize=9, leading=12)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
BOLDCELL = ParagraphStyle("boldcell", parent=CELL, fontName="Helvetica-Bold")
HEADCELL = ParagraphStyle(
    "headcell", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white
)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4
)

HEADER = "Haddleby Community Safety Partnership - Strategic Board - 21 May 2026"
FOOTER = "Agenda item 7 - ASB case review annual report 2025/26"
RULE = colors.HexColor("#7f7f7f")
HEADFILL = colors.HexColor("#3b3561")
SUBFILL = colors.HexColor("#6a6395")
GROUPFILL = colors.HexColor("#e6e4f0")

# The appendix table: a two-row header. The first row spans "Case review recommendation" over
# Ref and Recommendation, and "Agency response" over the other four columns.
WIDTHS = [13 * mm, 50 * mm, 33 * mm, 17 * mm, 17 * mm, 44 * mm]
SUBHEADINGS = ["Ref", "Recommendation", "Lead", "By", "Position", "Progress at 30 April 2026"]

# (group row, [(ref, recommendation, lead, by, position, progress), ...])
REVIEWS = [
    (
        "CR1 - Noise and intimidation, Linnet Close, Tamsford (review held 14 May 2025)",
        [
            (
                "CR1/1",
                "That Ryeholme Housing and Kestermoor Police keep a single shared incident log "
                "for any household that is the subject of more than three ASB reports in six "
                "months",
                "Tenancy Enforcement Manager, Ryeholme Housing",
                "30 Sep 2025",
                "Embedded",
                "The shared log has been in use since August 2025. An audit in January 2026 "
                "found no gaps.",
            ),
            (
                "CR1/2",
                "That the council's noise service make an out-of-hours visit within 24 hours "
                "of any repeat complaint from the same address",
                "Environmental Protection Manager, HBC",
                "Dec 2025",
                "Embedded",
                "The out-of-hours rota was extended to Sunday nights from 1 December 2025.",
            ),
        ],
    ),
    (
        "CR2 - Targeted harassment of a disabled resident, Coldwell Rise (review held 2 July "
        "2025)",
        [
            (
                "CR2/1",
                "That every applicant be given one named contact for the whole of the case "
                "review, from application to outcome letter",
                "Community Safety Manager",
                "Immediate",
                "Embedded",
                "Named contacts have been given on all reviews since July 2025.",
            ),
            (
                "CR2/2",
                "That call handlers in all agencies be trained to recognise repeated, targeted "
                "ASB against disabled residents as a possible hate incident",
                "ASB Coordinator / Kestermoor Police Hate Crime Lead",
                "Mar 2026",
                "In hand",
                "48 of the 70 call handlers have been trained. The remaining sessions are "
                "booked for May 2026.",
            ),
        ],
    ),
    (
        "CR3 - Youth ASB and criminal damage, Skelmoor Parade (review held 10 September 2025)",
        [
            (
                "CR3/1",
                "That Ryeholme Housing review its use of acceptable behaviour contracts with "
                "tenants' children aged under 18",
                "Neighbourhood Lead, Ryeholme Housing",
                "Q1 2026/27",
                "Awaiting start",
                "The review will begin once the new youth engagement officer is in post.",
            ),
            (
                "CR3/2",
                "That the council install a permanent CCTV camera at the Skelmoor Parade "
                "underpass",
                "CCTV Manager",
                "-",
                "Not pursued",
                "Kestermoor Police assessed the site in February 2026 and advised that better "
                "lighting, not a camera, is needed. See CR6/1.",
            ),
        ],
    ),
    (
        "CR4 - Repeat victim of ASB with mental health needs, Tamsford town centre (review "
        "held 5 November 2025)",
        [
            (
                "CR4/1",
                "That all agencies use the case review panel's risk assessment form for every "
                "repeat victim, not only for those who apply for a review",
                "All agencies (coordinated by the ASB Coordinator)",
                "31/03/26",
                "In hand",
                "The form is in use by the council and Ryeholme Housing. Kestermoor Police "
                "will adopt it when its new case system goes live in June 2026.",
            ),
            (
                "CR4/2",
                "That Wendmoor Mental Health NHS Trust nominate a standing member of the case "
                "review panel",
                "Associate Director of Community Services, Wendmoor Mental Health NHS Trust",
                "30 Jun 2026",
                "Awaiting start",
                "The Trust has agreed in principle and will name its member after its "
                "restructure.",
            ),
        ],
    ),
    (
        "CR5 - Drug dealing from a private rented flat, Thirlby Road (review held 21 January "
        "2026)",
        [
            (
                "CR5/1",
                "That a joint police and council visit be made to the applicant within ten "
                "working days of every review that meets the threshold",
                "Neighbourhood Inspector, Kestermoor Police (Insp. Yusuf Okafor-Brandt)",
                "Each review",
                "Rolled over",
                "Only two of the four visits this year were made within ten days. Moved to the "
                "2026/27 programme with a new police rota.",
            ),
            (
                "CR5/2",
                "That the outcome letter set out the applicant's right to ask the Police and "
                "Crime Commissioner to review how the case review was carried out",
                "Community Safety Manager",
                "end of April 2026",
                "Embedded",
                "A new letter has been used since 7 April 2026.",
            ),
        ],
    ),
    (
        "CR6 - ASB on the footpath to Thirlby Road, Skelmoor (review held 4 March 2026)",
        [
            (
                "CR6/1",
                "That the council and Ryeholme Housing improve the lighting in the Skelmoor "
                "Parade underpass and on the footpath to Thirlby Road",
                "Street Lighting Manager, HBC / Estates Manager, Ryeholme Housing",
                "Q2 2026/27",
                "In hand",
                "A lighting survey has been done and costs are being agreed between the two "
                "landlords.",
            ),
        ],
    ),
]


def p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


def details_table() -> Table:
    rows = [
        ["Meeting", "Haddleby Community Safety Partnership Strategic Board"],
        ["Date", "21 May 2026"],
        ["Report of", "Perpetua Lisle, Community Safety Manager, Haddleby Borough Council"],
        ["Period", "1 April 2025 to 31 March 2026"],
    ]
    table = Table(
        [[p(f"<b>{a}</b>", CELL), p(b, CELL)] for a, b in rows], colWidths=[28 * mm, 146 * mm]
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def numbers_table() -> Table:
    rows = [
        ["Applications for a case review", "14"],
        ["Threshold met - review held", "6"],
        ["Threshold not met", "8"],
        ["Reviews held within 25 working days of the application", "5"],
        ["Recommendations made by the reviews", "11"],
        ["Applicants who asked the Commissioner to review the process", "1"],
    ]
    table = Table(
        [[p("<b>2025/26</b>", CELL), p("<b>Number</b>", CELL)]]
        + [[p(a, CELL), p(b, CELL)] for a, b in rows],
        colWidths=[110 * mm, 20 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), GROUPFILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def response_table() -> Table:
    data = [
        [
            p("Case review recommendation", HEADCELL),
            "",
            p("Agency response", HEADCELL),
            "",
            "",
            "",
        ],
        [p(h, HEADCELL) for h in SUBHEADINGS],
    ]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("SPAN", (0, 0), (1, 0)),
        ("SPAN", (2, 0), (5, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADFILL),
        ("BACKGROUND", (0, 1), (-1, 1), SUBFILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for group, rows in REVIEWS:
        row = len(data)
        data.append([p(f"<b>{group}</b>", CELL), "", "", "", "", ""])
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUPFILL)]
        for ref, text, lead, by, position, progress in rows:
            data.append(
                [
                    p(ref, BOLDCELL),
                    p(text, CELL),
                    p(lead, CELL),
                    p(by, CELL),
                    p(position, CELL),
                    p(progress, CELL),
                ]
            )
    table = Table(data, colWidths=WIDTHS, repeatRows=2)
    table.setStyle(TableStyle(style))
    return table


def story() -> list:
    return [
        p("Haddleby Community Safety Partnership", TITLE),
        p("ASB Case Review (Community Trigger): annual report 2025/26", SUBTITLE),
        Spacer(1, 2 * mm),
        details_table(),
        p("1. Purpose of the report", HEAD),
        p(
            "1.1 This report tells the Board how the ASB case review (formerly known as the "
            "Community Trigger) was used in Haddleby in 2025/26, what the six reviews held in "
            "the year found, and how far agencies have got with the recommendations the "
            "reviews made. It is published each year, as the Anti-social Behaviour, Crime and "
            "Policing Act 2014 requires.",
            PARA,
        ),
        p("2. Recommendations", HEAD),
        p("2.1 The Board is recommended to:", PARA),
        p(
            "(a) note the use of the ASB case review in 2025/26 and the learning set out in "
            "section 4;",
            ITEM,
        ),
        p(
            "(b) approve the revised case review procedure at Appendix B, to take effect from "
            "1 July 2026; and",
            ITEM,
        ),
        p(
            "(c) agree that recommendation CR3/2 be closed as not pursued and that CR5/1 be "
            "rolled over into the 2026/27 case review programme.",
            ITEM,
        ),
        p("3. The year in numbers", HEAD),
        p(
            "3.1 The partnership received 14 applications in 2025/26, against 9 in 2024/25. "
            "The table gives the figures for the year.",
            PARA,
        ),
        Spacer(1, 1 * mm),
        numbers_table(),
        Spacer(1, 2 * mm),
        p(
            "3.2 The six reviews made 11 recommendations between them. At 30 April 2026 four "
            "are embedded, three are in hand, two are awaiting a start, one has been rolled "
            "over and one has not been pursued. All seven recommendations of the 2024/25 "
            "reviews were closed by the Board in July 2025.",
            PARA,
        ),
        p("4. Learning from the reviews", HEAD),
        p(
            "4.1 Three reviews (CR1, CR4 and CR5) found that agencies held parts of the same "
            "history without sharing it. CR1/1 and CR4/1 respond to this. Two reviews found "
            "that applicants did not know who was dealing with their case, which CR2/1 "
            "answers.",
            PARA,
        ),
        p(
            "4.2 The Board asked in November 2025 (minute SB/25/44) that recommendations "
            "to Ryeholme Housing be shown separately. They are marked by the Lead column in "
            "Appendix A. The Community Safety Manager will take the revised procedure to the "
            "Cabinet Member for Communities in June 2026.",
            PARA,
        ),
        p("5. How the position is shown", HEAD),
        p(
            "Position key. <b>Embedded</b> - the change has been made and checked by the case "
            "review panel. <b>In hand</b> - the work has started but is not finished. "
            "<b>Awaiting start</b> - the agency has accepted the recommendation but has not "
            "begun the work. <b>Rolled over</b> - moved into the 2026/27 case review "
            "programme, to be reported next year. <b>Not pursued</b> - the panel has agreed "
            "that no further work will be done.",
            KEY,
        ),
        Spacer(1, 2 * mm),
        p(
            "Appendix A: Case review recommendations and agency responses (position at 30 "
            "April 2026)",
            HEAD,
        ),
        Spacer(1, 1 * mm),
        response_table(),
        p("Appendix B", HEAD),
        p(
            "The revised case review procedure is published with the agenda as a separate "
            "document."
        ),
        p(
            "Contact: Perpetua Lisle, Community Safety Manager, Haddleby Borough Council.",
            KEY,
        ),
    ]


def header(canvas, doc) -> None:
    """Drawn before each page's content, so pypdf gives these lines first on each page."""
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(MARGIN, height - 10 * mm, HEADER)
    canvas.drawRightString(width - MARGIN, height - 10 * mm, "OFFICIAL")
    canvas.restoreState()


def footer(canvas, doc) -> None:
    """Drawn after each page's content, so pypdf gives these lines last on each page."""
    width, _ = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(MARGIN, 8 * mm, FOOTER)
    canvas.drawRightString(width - MARGIN, 8 * mm, f"Page {doc.page} of {PAGES}")
    canvas.drawCentredString(width / 2, 4 * mm, "OFFICIAL")
    canvas.restoreState()


def build() -> pathlib.Path:
    out = HERE / FILE
    doc = BaseDocTemplate(
        str(out),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="ASB Case Review (Community Trigger): annual report 2025/26",
        author="Haddleby Borough Council",
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
