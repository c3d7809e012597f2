"""Build hollinsford-csp-responsible-authorities-group-minutes-2025-03-05.pdf beside this script.

A register test document (see README.md here; written for the second round's kept-aside
set, measured 0/15 there, in the main set since). The partnership, council, places,
people and figures are invented.

The layout is that of minutes typed into a Word table and saved as PDF: a title block,
an attendance table (Name | Role and organisation | Initials), then a ruled three-column
minutes table, **Item | Minute | Action by**, whose header row repeats on every page. Each
paragraph of a minute is its own row; the minute number and title are printed only on
the first row of a minute, and the owners' initials (or "Chair", "PN / LO" ...) stand in
the right-hand "Action by" column beside the paragraph they belong to. Resolutions are a
"Resolved:" row followed by numbered "(1) That ...;" rows. A running header and a
"Page n of N" footer are drawn on every page.

    .venv/bin/python tests/data/register_layouts/make_hollinsford_pdf.py
"""

from __future__ import annotations

import pathlib

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = pathlib.Path(__file__).resolve().parent
rl_config.invariant = 1  # no timestamps or random ids: the same bytes on every build
FILE = "hollinsford-csp-responsible-authorities-group-minutes-2025-03-05.pdf"

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=10, leading=13
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9.5, leading=12)
CELL_BOLD = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=2
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4
)

HEADER_LEFT = "Hollinsford Community Safety Partnership"
HEADER_RIGHT = "Responsible Authorities Group - minutes - 5 March 2025"


class NumberedCanvas(rl_canvas.Canvas):
    """Draws the running header and the footer after each page's content."""

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
        self.drawString(20 * mm, height - 11 * mm, HEADER_LEFT)
        self.drawRightString(width - 20 * mm, height - 11 * mm, HEADER_RIGHT)
        self.setStrokeColor(colors.HexColor("#888888"))
        self.line(20 * mm, height - 13 * mm, width - 20 * mm, height - 13 * mm)
        self.drawString(20 * mm, 10 * mm, "OFFICIAL")
        self.drawRightString(width - 20 * mm, 10 * mm, f"Page {self._pageNumber} of {total}")
        self.restoreState()


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


ATTENDANCE = [
    (
        "Cllr Beatrice Olumide (Chair)",
        "Cabinet Member for Communities, Hollinsford City Council",
        "BO",
    ),
    ("Supt Alasdair Penhaligon", "District Commander, Hollinsford Police", "AP"),
    ("Joanna Whitsun", "Community Safety Manager, Hollinsford City Council", "JW"),
    ("Insp Dev Rathore", "Neighbourhood Policing Inspector, Hollinsford Police", "DR"),
    ("GM Tessa Vaughan-Reid", "Group Manager, Hollinsford Fire and Rescue Service", "TVR"),
    ("Colm Ashdown", "Head of the Probation Delivery Unit", "CA"),
    ("Dr Priti Nandakumar", "Consultant in Public Health, Hollinsford City Council", "PN"),
    ("Sian Mallory", "Head of Tenancy Services, Hollinsford Homes", "SM"),
    ("Lewis Okonjo", "Community Safety Analyst, Hollinsford City Council", "LO"),
    ("Harriet Cavanagh", "Democratic Services (minutes)", "HC"),
]

# (item number, title, [(paragraph, action by), ...]); the number and title go on the first row.
MINUTES = [
    (
        "12.",
        "Welcome, introductions and apologies",
        [
            (
                "The Chair welcomed members, in particular Colm Ashdown, who has joined the "
                "Group as the Probation Service's representative. Apologies were received from "
                "Andrea Fenwick (Integrated Care Board) and Cllr Martin Sowerby.",
                "",
            ),
        ],
    ),
    (
        "13.",
        "Minutes of the meeting held on 4 December 2024 and matters arising",
        [
            (
                "The minutes of the meeting held on 4 December 2024 were agreed as a correct "
                "record.",
                "",
            ),
            (
                "Matters arising: JW reported that action 3 from December (the ASB case review "
                "leaflet) had been completed, and that action 5 (the Serious Violence Duty "
                "strategy refresh) was on the agenda at item 15.",
                "",
            ),
        ],
    ),
    (
        "14.",
        "Anti-social behaviour: Community Trigger annual report 2024",
        [
            (
                "JW presented the annual report. Eleven Community Trigger applications were "
                "received in 2024, compared with seven in 2023; eight met the threshold for a "
                "case review. Most applicants had first reported the problem to their landlord "
                "rather than to the council or the police.",
                "",
            ),
            (
                "Members noted that the only way to apply was by telephone or letter. SM said "
                "that several Hollinsford Homes tenants had asked to apply online.",
                "",
            ),
            ("Resolved:", ""),
            ("(1) That the Community Trigger annual report for 2024 be noted;", ""),
            (
                "(2) That the Community Trigger procedure be amended so that a case review can be "
                "requested through the council's online reporting form; and",
                "",
            ),
            (
                "(3) That the Community Safety Manager publish the amended procedure on the "
                "Partnership's web pages by 30 April 2025.",
                "",
            ),
        ],
    ),
    (
        "15.",
        "Serious Violence Duty: draft strategy 2025-28",
        [
            (
                "LO presented the refreshed strategic needs assessment. Knife-enabled robbery "
                "had fallen by 14% over the year, but assaults with injury in the night-time "
                "economy had risen, chiefly around Bridge Street and the bus interchange.",
                "",
            ),
            (
                "AP said that door supervisors were often first on the scene and would benefit "
                "from the knife crime awareness input already given to school staff.",
                "",
            ),
            (
                "DR to arrange a knife crime awareness session for licensed door supervisors by "
                "31 May 2025.",
                "DR",
            ),
            (
                "Hospital emergency department assault data to be added to the quarterly "
                "performance report each quarter.",
                "PN / LO",
            ),
            ("Resolved:", ""),
            (
                "(1) That the draft Serious Violence Strategy 2025-28 be approved for "
                "consultation;",
                "",
            ),
            ("(2) That the consultation run for six weeks from 17 March 2025.", ""),
        ],
    ),
    (
        "16.",
        "Domestic abuse: MARAC quarterly performance",
        [
            (
                "The Group received the MARAC performance summary for October to December "
                "2024. Repeat referrals stood at 33%, within the expected range of 28% to 40%. "
                "Members asked how many MARAC cases involved a Hollinsford Homes tenancy.",
                "",
            ),
            (
                "SM agreed to share the tenancy sustainment figures for MARAC cases with the "
                "Domestic Abuse Coordinator before the next meeting.",
                "SM",
            ),
        ],
    ),
    (
        "17.",
        "Town Centre Public Spaces Protection Order: renewal",
        [
            (
                "JW reported that the Town Centre Public Spaces Protection Order expires on 30 "
                "September 2025. The council's Environment directorate proposes to extend it for "
                "three years with an added prohibition on riding e-scooters in the pedestrian "
                "zone. Public consultation opens on 24 March 2025.",
                "",
            ),
            (
                "TVR to provide the fire service's data on deliberate fires in the PSPO area to "
                "the consultation by 21 March 2025.",
                "TVR",
            ),
            ("Resolved:", ""),
            (
                "(1) That the Group supports the proposal to extend the Town Centre Public Spaces "
                "Protection Order for three years; and",
                "",
            ),
            (
                "(2) That the Chair write to the Cabinet Member for Environment setting out the "
                "Group's support.",
                "",
            ),
        ],
    ),
    (
        "18.",
        "Partnership funding 2025/26",
        [
            (
                "JW set out the Partnership's grant from the Police and Crime Commissioner for "
                "2025/26, which is unchanged at £64,000. Street pastors had asked for a "
                "contribution towards a second Saturday night team.",
                "",
            ),
            ("Resolved:", ""),
            (
                "(1) That £18,500 of the Partnership's grant be allocated to the street pastors "
                "scheme for 2025/26.",
                "",
            ),
            (
                "The Group discussed the integrated offender management hub, which has been "
                "without a Probation officer since January.",
                "",
            ),
            (
                "CA to confirm by 14 March 2025 whether Probation can second an officer to the "
                "hub.",
                "CA",
            ),
        ],
    ),
    (
        "19.",
        "Any other business",
        [("None.", "")],
    ),
    (
        "20.",
        "Date of next meeting",
        [("Wednesday 4 June 2025 at 10.00 am, Committee Room 2, Hollinsford Civic Centre.", "")],
    ),
]


def build() -> pathlib.Path:
    path = HERE / FILE
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title="Hollinsford Community Safety Partnership - Responsible Authorities Group minutes",
        author="Hollinsford City Council Democratic Services",
    )
    story: list = [
        p("HOLLINSFORD COMMUNITY SAFETY PARTNERSHIP", TITLE),
        p("Responsible Authorities Group", SUBTITLE),
        p(
            "Minutes of the meeting held on Wednesday 5 March 2025 at 10.00 am in Committee "
            "Room 2, Hollinsford Civic Centre",
            BODY,
        ),
        Spacer(1, 4 * mm),
        p("<b>Present</b>", BODY),
        Spacer(1, 1 * mm),
    ]
    attendance = [
        [p("Name", CELL_BOLD), p("Role and organisation", CELL_BOLD), p("Initials", CELL_BOLD)]
    ]
    attendance += [[p(n), p(r), p(i)] for n, r, i in ATTENDANCE]
    table = Table(attendance, colWidths=[55 * mm, 95 * mm, 20 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e3e3e3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    story += [table, Spacer(1, 5 * mm)]

    rows = [[p("Item", CELL_BOLD), p("Minute", CELL_BOLD), p("Action by", CELL_BOLD)]]
    style = [
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("LINEBEFORE", (1, 0), (1, -1), 0.4, colors.black),
        ("LINEBEFORE", (2, 0), (2, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ec")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for number, title, paragraphs in MINUTES:
        first = len(rows)
        rows.append([p(f"<b>{number}</b>"), p(title, CELL_BOLD), p("")])
        style.append(("LINEABOVE", (0, first), (-1, first), 0.6, colors.black))
        for text, owner in paragraphs:
            rows.append([p(""), p(text), p(f"<b>{owner}</b>" if owner else "")])
    minutes = Table(rows, colWidths=[14 * mm, 128 * mm, 28 * mm], repeatRows=1)
    minutes.setStyle(TableStyle(style))
    story += [minutes, Spacer(1, 10 * mm)]
    gap = "&nbsp;" * 4
    story.append(p(f"Chair {'.' * 44}{gap}Date {'.' * 20}", BODY))
    story.append(p("The meeting ended at 12.05 pm.", BODY))
    doc.build(story, canvasmaker=NumberedCanvas)
    return path


if __name__ == "__main__":
    print(build())
