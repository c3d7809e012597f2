"""Build the Brindlecombe scrutiny recommendations tracker PDF (reportlab, same bytes each time).

A fictional council's overview and scrutiny committee appendix: a portrait A4 tracker of the
recommendations the committee made to the Executive and to the Brindlecombe Community Safety
Partnership, with the Executive's response word as each row's position. Everything in it is
invented.

    .venv/bin/python tests/data/register_layouts/make_brindlecombe_pdf.py
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
FILE = "brindlecombe-scrutiny-recommendations-tracker-2025-10-14.pdf"
PAGES = 2  # printed in the footer; build() checks it
PAGE = A4

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Times-Roman", fontSize=10.5, leading=13.5
)
CELL = ParagraphStyle("cell", parent=BODY, fontName="Helvetica", fontSize=8.5, leading=10.5)
HEADCELL = ParagraphStyle("headcell", parent=CELL, fontName="Helvetica-Bold")
REFCELL = ParagraphStyle("refcell", parent=CELL, fontName="Helvetica-Bold")
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Times-Bold", fontSize=16, leading=20, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Times-Bold", fontSize=12, leading=15, spaceAfter=4
)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName="Times-Bold", fontSize=11, leading=14, spaceBefore=6,
    spaceAfter=2,
)

HEADER = "Brindlecombe Borough Council"
HEADER2 = "Communities and Place Overview and Scrutiny Committee - 14 October 2025"
FOOTER = "Agenda item 7 - Appendix A"
RULE = colors.HexColor("#7f7f7f")
SHADE = colors.HexColor("#e7e6e6")

# Ref | Recommendation | Executive response / position | Lead officer | Timescale | Progress
ROWS = [
    (
        "SN1",
        "That the Executive extend the late-night bus stop lighting scheme to the four "
        "remaining stops on Tanner's Row and Quayhead Road.",
        "Accepted",
        "Head of Highways and Transport",
        "March 2026",
        "Two of the four stops were relit in August 2025. The other two are programmed for "
        "January 2026, after the bus shelters there are replaced.",
    ),
    (
        "SN2",
        "That the Brindlecombe Community Safety Partnership commission a walk-audit of the "
        "town centre at night with local women's groups.",
        "Implemented",
        "Community Safety Manager (Ewan Ferrand)",
        "June 2025",
        "The audit took place on 12 and 19 June 2025 with 31 participants. Its findings went "
        "to the Partnership in July 2025 and the Committee signed the recommendation off on "
        "9 September 2025.",
    ),
    (
        "SN3",
        "That the council make membership of the Ask for Angela scheme a condition of every "
        "premises licence for venues open after midnight.",
        "Rejected",
        "Licensing Manager",
        "-",
        "The Executive's view is that a blanket condition would not be proportionate to each "
        "premises. Voluntary sign-up is being promoted instead: 38 of the 44 late venues "
        "have joined.",
    ),
    (
        "SN4",
        "That the Executive fund a second night-time economy coordinator for two years.",
        "Partially accepted",
        "Head of Community Safety",
        "April 2026",
        "One year of funding is agreed from the UK Shared Prosperity Fund and the post was "
        "advertised in September 2025. A second year depends on the 2026/27 budget.",
    ),
    (
        "SN5",
        "That the Partnership publish a quarterly summary of the night-time safety concerns "
        "reported through StreetSafe and what was done about them.",
        "Accepted",
        "Community Safety Analyst",
        "Quarterly",
        "The first summary was published in August 2025. The next is due in November 2025.",
    ),
    (
        "SN6",
        "That the council and Wendlebury Police review CCTV coverage of the Cobbler's Park "
        "underpass and the Scarrow riverside path.",
        "Accepted",
        "CCTV Manager / Insp. Ada Cresswell",
        "December 2025",
        "A joint site survey was completed in July 2025. An options report with costs will "
        "go to the Partnership in December 2025.",
    ),
    (
        "SN7",
        "That the Executive Member for Communities write to the Police and Crime "
        "Commissioner supporting a Safer Streets bid for Brindlecombe town centre.",
        "Implemented",
        "Executive Member for Communities",
        "May 2025",
        "The letter was sent on 6 May 2025 and the Commissioner replied on 2 June 2025. "
        "Signed off by the Committee on 9 September 2025.",
    ),
    (
        "SN8",
        "That the Committee receive a further report on the task group's recommendations "
        "twelve months after the Executive's response.",
        "Accepted",
        "Scrutiny Officer",
        "April 2026",
        "Added to the Committee's work programme for April 2026.",
    ),
    (
        "AR1",
        "That the Partnership include repeat victims of anti-social behaviour in its "
        "quarterly performance report.",
        "Implemented",
        "Community Safety Analyst",
        "Q1 2025/26",
        "Repeat victim figures have been included from the Quarter 1 2025/26 report. Signed "
        "off by the Committee on 9 September 2025.",
    ),
    (
        "AR2",
        "That the Partnership set out how young people will be involved in its next "
        "strategic assessment.",
        "Partially accepted",
        "Community Safety Manager (Ewan Ferrand)",
        "January 2026",
        "The Youth Council will be consulted in November 2025. The Partnership did not agree "
        "to a separate survey in schools because of its cost.",
    ),
    (
        "AR3",
        "That the Partnership's annual report show spending from the problem-solving fund "
        "by ward.",
        "Accepted",
        "Partnership Support Manager",
        "July 2026",
        "To be included in the 2025/26 annual report, due in July 2026.",
    ),
]

WIDTHS = [13 * mm, 50 * mm, 23 * mm, 29 * mm, 20 * mm, 45 * mm]
HEADS = [
    "Ref",
    "Recommendation",
    "Executive response / position",
    "Lead officer",
    "Timescale",
    "Progress at 30 September 2025",
]


def footer(canvas, doc) -> None:
    """Footer, drawn when the page starts (before its content), so pypdf gives it first."""
    width, _ = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(18 * mm, 10 * mm, FOOTER)
    canvas.drawRightString(width - 18 * mm, 10 * mm, f"{doc.page} of {PAGES}")
    canvas.restoreState()


def header(canvas, doc) -> None:
    """Running header, drawn when the page ends (after its content), so pypdf gives it last."""
    width, height = PAGE
    canvas.saveState()
    canvas.setFont("Helvetica-Bold", 8)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawString(18 * mm, height - 10 * mm, HEADER)
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(width - 18 * mm, height - 10 * mm, HEADER2)
    canvas.setStrokeColor(RULE)
    canvas.line(18 * mm, height - 12 * mm, width - 18 * mm, height - 12 * mm)
    canvas.restoreState()


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text.replace("&", "&amp;"), style)


def tracker() -> Table:
    data = [[p(h, HEADCELL) for h in HEADS]]
    for ref, rec, response, lead, timescale, progress in ROWS:
        data.append(
            [p(ref, REFCELL), p(rec), p(response), p(lead), p(timescale), p(progress)]
        )
    table = Table(data, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def build() -> pathlib.Path:
    out = HERE / FILE
    doc = BaseDocTemplate(
        str(out),
        pagesize=PAGE,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title="Scrutiny recommendations tracker",
        author="Brindlecombe Borough Council",
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", showBoundary=0
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=footer, onPageEnd=header)]
    )
    story = [
        p("Appendix A", SUBTITLE),
        p("Scrutiny recommendations tracker", TITLE),
        p("Communities and Place Overview and Scrutiny Committee, 14 October 2025", SUBTITLE),
        Spacer(1, 3 * mm),
        p(
            "This tracker reports progress on the recommendations the Committee made to the "
            "Executive and to the Brindlecombe Community Safety Partnership after its Streets "
            "at Night task group review (reported to the Committee on 11 March 2025, references "
            "SN1 to SN8) and its scrutiny of the Partnership's annual report for 2023/24 "
            "(10 December 2024, references AR1 to AR3). The Executive responded to both on "
            "22 April 2025. Progress is as reported by the lead officers at 30 September 2025.",
            BODY,
        ),
        p("How to read the tracker", HEAD),
        p(
            "The <i>Executive response / position</i> column gives the Executive's response "
            "to each recommendation, or its position once the Committee has signed it off. "
            "<b>Accepted</b>: agreed in full by the Executive and still to be delivered; it is "
            "reported on at each update. <b>Partially accepted</b>: agreed in part, and the "
            "part agreed is still to be delivered. <b>Rejected</b>: not agreed by the "
            "Executive; no further action will be taken. <b>Implemented</b>: delivered and "
            "signed off by the Committee. Recommendations shown as Implemented or Rejected "
            "are taken off the tracker after the meeting that first reports them so.",
            BODY,
        ),
        p("Summary", HEAD),
        p(
            "Of the 11 recommendations, three have been implemented and signed off, five are "
            "accepted and two partially accepted and are still being delivered, and one was "
            "rejected.",
            BODY,
        ),
        Spacer(1, 4 * mm),
        tracker(),
        Spacer(1, 5 * mm),
        p("Issues for the Committee", HEAD),
        p(
            "Members may wish to ask the Executive Member for Communities about SN4 and AR2, "
            "the two Partially accepted recommendations, and about the revised timescale for "
            "SN1, which was first expected by December 2025.",
            BODY,
        ),
        p(
            "Next update: the tracker will return to the Committee on 10 February 2026.",
            BODY,
        ),
        p(
            "Contact: Nell Fairclough, Scrutiny Officer, Brindlecombe Borough Council, "
            "Pannier Market Offices, Linnet Street.",
            BODY,
        ),
    ]
    doc.build(story)
    from pypdf import PdfReader

    pages = len(PdfReader(str(out)).pages)
    assert pages == PAGES, f"{pages} pages, the footer says {PAGES}"
    return out


if __name__ == "__main__":
    print(build())
