"""Build the two PDF register test documents beside this script (reportlab platypus).

Both partnerships are invented; no place, person or figure is real.

- corveston-delivery-group-action-tracker-2024-11-04.pdf: the Corveston Community Safety
  Partnership's Delivery Group action tracker. A running header and "Page n of N" footer on
  every page; a ruled seven-column table (No. | Raised | Action | Lead | Target date |
  Status | Progress update) with two full-width group rows ("Open actions", "Closed since
  the last meeting ...") that runs from page 1 onto page 2, its header row repeated there.
- tarrowby-csp-action-plan-q2-report-2024-11-21.pdf: a Tarrowby Borough Council report to
  its Communities Scrutiny Panel on the Tarrowby Community Safety Partnership Action Plan
  2024/25 at Quarter 2: numbered paragraphs, three recommendations (2.1-2.3, "That the
  Panel ..."), and Appendix A, a RAG-rated action plan (Ref | Action | Lead | Due | RAG |
  Quarter 2 update) whose ratings are printed words on coloured cells (Blue, Green, Amber,
  Red), grouped under full-width priority rows, running onto the next page WITHOUT its
  header row repeated.

    .venv/bin/python tests/data/register_layouts/make_pdfs.py
"""

from __future__ import annotations

import pathlib

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = pathlib.Path(__file__).resolve().parent

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=10, leading=13
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10)
CELL_BOLD = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
H1 = ParagraphStyle(
    "h1", parent=STYLES["Heading1"], fontName="Helvetica-Bold", fontSize=15, leading=19
)
H2 = ParagraphStyle(
    "h2", parent=STYLES["Heading2"], fontName="Helvetica-Bold", fontSize=11, leading=14
)
# the report's paragraphs: a little smaller, so that Appendix A starts on page 1
REPORT = ParagraphStyle(
    "report", parent=BODY, fontSize=9, leading=11.5, spaceBefore=0, spaceAfter=3
)
REPORT_H = ParagraphStyle(
    "reporth", parent=H2, fontSize=10, leading=12, spaceBefore=5, spaceAfter=2
)


def numbered_canvas(header_left: str, header_right: str, with_total: bool):
    """A canvas class that draws the running header and the page footer on every page."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(15 * mm, height - 10 * mm, header_left)
            self.drawRightString(width - 15 * mm, height - 10 * mm, header_right)
            self.setStrokeColor(colors.HexColor("#888888"))
            self.line(15 * mm, height - 12 * mm, width - 15 * mm, height - 12 * mm)
            page = self._pageNumber
            footer = f"Page {page} of {total}" if with_total else f"Page {page}"
            self.drawCentredString(width / 2, 8 * mm, footer)
            self.restoreState()

    return NumberedCanvas


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


# --------------------------------------------------------------------------------------
# Corveston: Delivery Group action tracker

CORVESTON_FILE = "corveston-delivery-group-action-tracker-2024-11-04.pdf"

CORVESTON_OPEN = [
    (
        "DG24-03",
        "8 Apr 2024",
        "Set up a multi-agency problem-solving group for the Vicarage Fields estate",
        "Insp. Tamsin Olawale",
        "31 Jul 2024",
        "Overdue",
        "First meeting postponed twice; now booked for 12 November 2024.",
    ),
    (
        "DG24-05",
        "8 Apr 2024",
        "Agree a referral route from the hospital emergency "
        "department to the youth violence navigator",
        "Corveston General Hospital (K. Brannigan)",
        "30 Sep 2024",
        "In progress",
        "Draft pathway being finalised with the hospital's safeguarding lead.",
    ),
    (
        "DG24-07",
        "3 Jun 2024",
        "Produce a public leaflet on reporting hate incidents in five community languages",
        "Communities Team (S. Haddad)",
        "31 Oct 2024",
        "In progress",
        "English and Polish versions printed; Urdu, Romanian and "
        "Tigrinya versions are with the translators.",
    ),
    (
        "DG24-08",
        "3 Jun 2024",
        "Review the lighting and sightlines in the Canal Walk "
        "underpass with the county highways team",
        "Highways Liaison (P. Ndlovu)",
        "30 Nov 2024",
        "Open",
        "Site visit arranged for 14 November 2024.",
    ),
    (
        "DG24-09",
        "3 Jun 2024",
        "Report the number of Community Protection Warnings issued in each ward every quarter",
        "ASB Team (L. Carrick)",
        "Quarterly",
        "Ongoing",
        "Quarter 2 figures are included in the performance pack for this meeting.",
    ),
    (
        "DG24-11",
        "2 Sep 2024",
        "Present the draft Serious Violence Duty response plan to the Delivery Group",
        "Community Safety Manager",
        "4 Nov 2024",
        "Carried forward",
        "Deferred to the January 2025 meeting at the county council's request.",
    ),
    (
        "DG24-12",
        "2 Sep 2024",
        "Invite the British Transport Police to send a representative to the Delivery Group",
        "Chair",
        "4 Nov 2024",
        "Open",
        "Invitation sent on 10 September 2024; no reply yet.",
    ),
    (
        "DG24-13",
        "2 Sep 2024",
        "Arrange training for licensed premises staff on recognising drink spiking",
        "Licensing (R. Vasquez-Hale)",
        "31 Dec 2024",
        "Not started",
        "To be planned with the Pubwatch chair in November.",
    ),
    (
        "DG24-14",
        "2 Sep 2024",
        "Map the locations of e-scooter complaints received since January 2024",
        "Analyst (J. Whitcombe)",
        "4 Nov 2024",
        "Open",
        "Map to be presented under item 6 of this meeting.",
    ),
    (
        "DG24-15",
        "2 Sep 2024",
        "Seek a legal view on closure orders for the two flats at Hatters Court",
        "Corveston Homes (D. Achterberg)",
        "30 Nov 2024",
        "In progress",
        "Solicitors instructed on 18 October 2024.",
    ),
]

CORVESTON_CLOSED = [
    (
        "DG24-01",
        "8 Apr 2024",
        "Agree the Delivery Group's terms of reference",
        "Chair",
        "3 Jun 2024",
        "Closed",
        "Agreed at the June meeting.",
    ),
    (
        "DG24-02",
        "8 Apr 2024",
        "Nominate a police lead for the Clear, Hold, Build pilot in Vicarage Fields",
        "Insp. Tamsin Olawale",
        "31 May 2024",
        "Closed",
        "Sgt Miriam Oduya nominated on 20 May 2024.",
    ),
    (
        "DG24-04",
        "8 Apr 2024",
        "Circulate the PCC's guidance on the Safer Streets bid to all members",
        "Community Safety Manager",
        "30 Apr 2024",
        "Closed",
        "Circulated on 19 April 2024.",
    ),
    (
        "DG24-06",
        "3 Jun 2024",
        "Extend the Safe Place scheme to Corveston bus station",
        "Communities Team (S. Haddad)",
        "30 Sep 2024",
        "Complete",
        "The bus station joined the scheme on 16 September 2024.",
    ),
    (
        "DG24-10",
        "3 Jun 2024",
        "Buy a second knife arch for the autumn half-term operation",
        "Insp. Tamsin Olawale",
        "31 Aug 2024",
        "Superseded",
        "The force has bought knife arches for every district, so no local purchase is needed.",
    ),
]


def build_corveston(path: pathlib.Path) -> None:
    doc = SimpleDocTemplate(
        str(path),
        invariant=1,  # no creation date or random id: a rebuild gives the same bytes
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=16 * mm,
        title="Corveston Community Safety Partnership - Delivery Group action tracker",
        author="Corveston Community Safety Partnership",
    )
    story = [
        p("Corveston Community Safety Partnership", H1),
        p("Delivery Group action tracker", H2),
        p(
            "Meeting: Monday 4 November 2024, 10.00 am, Committee Room 1, Corveston Civic Offices",
            BODY,
        ),
        Spacer(1, 3 * mm),
        p(
            "This tracker lists the actions agreed by the Delivery Group since April 2024. "
            "Actions closed since the last meeting are listed at the end of the table and will be "
            "removed from the next version. Leads are asked to send "
            "updates to the Community Safety "
            "Team five working days before each meeting.",
            BODY,
        ),
        Spacer(1, 2 * mm),
        p(
            "Status: Open (agreed, not yet due); In progress; Ongoing (a standing action); "
            "Overdue (past its target date); Carried forward (a new date has been agreed); "
            "Not started; Closed or Complete; Superseded (overtaken by other work).",
            BODY,
        ),
        Spacer(1, 4 * mm),
    ]
    header = ["No.", "Raised", "Action", "Lead", "Target date", "Status", "Progress update"]
    data: list[list] = [[p(h, CELL_BOLD) for h in header]]
    spans = []
    data.append([p("Open actions", CELL_BOLD), "", "", "", "", "", ""])
    spans.append(len(data) - 1)
    for row in CORVESTON_OPEN:
        data.append([p(c) for c in row])
    data.append(
        [p("Closed since the last meeting (2 September 2024)", CELL_BOLD), "", "", "", "", "", ""]
    )
    spans.append(len(data) - 1)
    for row in CORVESTON_CLOSED:
        data.append([p(c) for c in row])
    widths = [16 * mm, 16 * mm, 47 * mm, 30 * mm, 18 * mm, 22 * mm, 31 * mm]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2f3")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for r in spans:
        style += [
            ("SPAN", (0, r), (-1, r)),
            ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#eeeeee")),
        ]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    story.append(table)
    story.append(Spacer(1, 5 * mm))
    story.append(
        p(
            "Contact: Community Safety Team, Corveston District Council, "
            "communitysafety@corveston.example",
            BODY,
        )
    )
    doc.build(
        story,
        canvasmaker=numbered_canvas(
            "Corveston Community Safety Partnership - Delivery Group",
            "Action tracker - 4 November 2024",
            with_total=True,
        ),
    )


# --------------------------------------------------------------------------------------
# Tarrowby: quarterly progress report on a RAG-rated action plan

TARROWBY_FILE = "tarrowby-csp-action-plan-q2-report-2024-11-21.pdf"

RAG_COLOURS = {
    "Blue": colors.HexColor("#9dc3e6"),
    "Green": colors.HexColor("#a9d18e"),
    "Amber": colors.HexColor("#ffd966"),
    "Red": colors.HexColor("#f4b183"),
}

TARROWBY_PLAN = [
    (
        "Priority 1: Anti-social behaviour and the town centre",
        [
            (
                "1.1",
                "Run a monthly multi-agency anti-social behaviour patrol in "
                "Market Place and Eastgate",
                "Tarrowby Police (Insp. Kwame Asante)",
                "Mar 2025",
                "Green",
                "Six patrols held; 41 Community Protection Warnings issued.",
            ),
            (
                "1.2",
                "Replace the four failed CCTV cameras in Market Place",
                "Tarrowby BC (CCTV Manager)",
                "Dec 2024",
                "Red",
                "Capital funding not yet agreed; see recommendation 2.3.",
            ),
            (
                "1.3",
                "Launch a youth diversion programme at the Eastgate sports hub",
                "Tarrowby Youth Service",
                "Sep 2024",
                "Blue",
                "Launched on 2 September 2024; 38 young people enrolled.",
            ),
            (
                "1.4",
                "Review the Town Centre Public Spaces Protection Order before it expires",
                "Tarrowby BC (Licensing and Enforcement)",
                "Jun 2025",
                "Green",
                "Public consultation to start in January 2025.",
            ),
        ],
    ),
    (
        "Priority 2: Violence and exploitation",
        [
            (
                "2.1",
                "Deliver knife crime awareness sessions in all six secondary schools",
                "Tarrowby Police (Schools Officer)",
                "Jul 2025",
                "Amber",
                "Four schools booked; two have not yet responded.",
            ),
            (
                "2.2",
                "Set up a county lines exploitation panel with children's services",
                "Leys County Council Children's Services",
                "Oct 2024",
                "Green",
                "Completed in August 2024: the panel has met twice.",
            ),
            (
                "2.3",
                "Open a town centre Safe Space on Friday and Saturday nights",
                "Community Safety Manager",
                "Nov 2024",
                "Red",
                "Proposed venue withdrew in August; alternative sites are being assessed.",
            ),
            (
                "2.4",
                "Publish the local Serious Violence Duty problem profile",
                "Community Safety Analyst",
                "Jan 2025",
                "Amber",
                "Hospital data received late; draft now due in December.",
            ),
        ],
    ),
    (
        "Priority 3: Domestic abuse",
        [
            (
                "3.1",
                "Train 60 frontline staff as domestic abuse champions",
                "Tarrowby Domestic Abuse Forum",
                "Mar 2025",
                "Green",
                "27 champions trained so far.",
            ),
            (
                "3.2",
                "Commission a move-on service from refuge to settled housing",
                "Tarrowby BC Housing",
                "Apr 2025",
                "Amber",
                "Tender delayed by two months; provider to be chosen in January 2025.",
            ),
            (
                "3.3",
                "Add a domestic abuse page with the local support offer to the council's website",
                "Tarrowby BC Communications",
                "Aug 2024",
                "Blue",
                "Page published on 14 August 2024.",
            ),
            (
                "3.4",
                "Share the learning from Domestic Homicide Review TDHR2 with all partners",
                "CSP Board",
                "Ongoing",
                "Green",
                "Learning event held on 26 September 2024.",
            ),
        ],
    ),
]


def build_tarrowby(path: pathlib.Path) -> None:
    doc = SimpleDocTemplate(
        str(path),
        invariant=1,  # no creation date or random id: a rebuild gives the same bytes
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=18 * mm,
        title="Community Safety Partnership Action Plan 2024/25: Quarter 2 progress",
        author="Tarrowby Borough Council",
    )
    para = lambda n, t: p(f"{n}&nbsp;&nbsp;&nbsp;{t}", REPORT)  # noqa: E731
    cover = Table(
        [
            [p("Report to", CELL_BOLD), p("Communities Scrutiny Panel")],
            [p("Date of meeting", CELL_BOLD), p("21 November 2024")],
            [p("Report of", CELL_BOLD), p("Head of Community Safety")],
            [
                p("Title", CELL_BOLD),
                p("Tarrowby Community Safety Partnership Action Plan 2024/25: Quarter 2 progress"),
            ],
            [p("Wards", CELL_BOLD), p("All")],
        ],
        colWidths=[40 * mm, 120 * mm],
    )
    cover.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.grey),
            ]
        )
    )
    story = [
        p("Tarrowby Borough Council", H1),
        cover,
        Spacer(1, 5 * mm),
        p("1. PURPOSE OF THE REPORT", REPORT_H),
        para(
            "1.1",
            "To report progress at the end of Quarter 2 (30 September 2024) on the action plan "
            "of the Tarrowby Community Safety Partnership, which the Panel reviews twice a year.",
        ),
        p("2. RECOMMENDATIONS", REPORT_H),
        para(
            "2.1",
            "That the Panel notes the progress made against the Tarrowby "
            "Community Safety Partnership "
            "Action Plan 2024/25 at the end of Quarter 2, as set out in Appendix A.",
        ),
        para(
            "2.2",
            "That the Panel asks the Partnership to bring a recovery "
            "plan for the two actions rated Red "
            "to the Panel's meeting on 13 February 2025.",
        ),
        para(
            "2.3",
            "That the Panel recommends to Cabinet that the replacement "
            "of the CCTV cameras in Market "
            "Place be included in the 2025/26 capital programme.",
        ),
        p("3. BACKGROUND", REPORT_H),
        para(
            "3.1",
            "The Partnership agreed its three-year plan in March 2024. "
            "Each year's actions are set out in "
            "an action plan with a lead, a due date and a rating for "
            "each action, reported every quarter.",
        ),
        para(
            "3.2",
            "The ratings are: Blue, the action is complete; Green, on "
            "track; Amber, some slippage that is "
            "expected to be recovered; Red, off track or will miss its due date.",
        ),
        p("4. PROGRESS IN QUARTER 2", REPORT_H),
        para("4.1", "Of the 12 actions, two are rated Blue, five Green, three Amber and two Red."),
        para(
            "4.2",
            "Action 2.3, the town centre Safe Space, is rated Red "
            "because the proposed venue withdrew in "
            "August. Officers are assessing two other sites and will "
            "report to the Partnership Board in December.",
        ),
        para(
            "4.3",
            "Action 1.2 is rated Red because the cameras cannot be "
            "replaced until capital funding is agreed, "
            "which is why recommendation 2.3 is made.",
        ),
        p("5. FINANCIAL IMPLICATIONS", REPORT_H),
        para(
            "5.1",
            "The replacement cameras are estimated to cost \u00a348,500. "
            "There are no other financial "
            "implications arising from this report.",
        ),
        p("6. BACKGROUND PAPERS", REPORT_H),
        para("6.1", "Tarrowby Community Safety Partnership Plan 2024-2027."),
        Spacer(1, 3 * mm),
        p("Contact officer: Rosalind Achebe-Fynn, Head of Community Safety", REPORT),
        Spacer(1, 6 * mm),
        p("Appendix A: Action plan progress at 30 September 2024", REPORT_H),
        p(
            "Key: Blue = complete; Green = on track; Amber = some slippage; Red = off track.",
            REPORT,
        ),
        Spacer(1, 2 * mm),
    ]
    header = ["Ref", "Action", "Lead", "Due", "RAG", "Quarter 2 update"]
    data: list[list] = [[p(h, CELL_BOLD) for h in header]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for priority, actions in TARROWBY_PLAN:
        data.append([p(priority, CELL_BOLD), "", "", "", "", ""])
        r = len(data) - 1
        style += [
            ("SPAN", (0, r), (-1, r)),
            ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f2f2f2")),
        ]
        for ref, action, lead, due, rag, update in actions:
            data.append([p(ref), p(action), p(lead), p(due), p(rag), p(update)])
            style.append(("BACKGROUND", (4, len(data) - 1), (4, len(data) - 1), RAG_COLOURS[rag]))
    table = Table(
        data, colWidths=[11 * mm, 50 * mm, 35 * mm, 16 * mm, 14 * mm, 44 * mm], repeatRows=0
    )
    table.setStyle(TableStyle(style))
    story.append(table)
    doc.build(
        story,
        canvasmaker=numbered_canvas(
            "Tarrowby Borough Council - Communities Scrutiny Panel",
            "21 November 2024",
            with_total=False,
        ),
    )


def main() -> None:
    build_corveston(HERE / CORVESTON_FILE)
    build_tarrowby(HERE / TARROWBY_FILE)
    for name in (CORVESTON_FILE, TARROWBY_FILE):
        print(HERE / name)


if __name__ == "__main__":
    main()
