"""Build saltmarden-csp-annual-report-2024-25.pdf with reportlab.

Deterministic (reportlab's invariant mode): run from the repository root with
    .venv/bin/python tests/data/holdout11/docs/make_pdf.py
Everything in the document is invented.
"""
import os

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "saltmarden-csp-annual-report-2024-25.pdf")

POP = 148.3  # thousands, mid-2023 estimate

ss = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=ss["Normal"], fontName="Helvetica", fontSize=10, leading=13,
                      spaceAfter=6)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10, spaceAfter=0)
H1 = ParagraphStyle("h1", parent=ss["Heading1"], fontName="Helvetica-Bold", fontSize=17, leading=21,
                    textColor=colors.HexColor("#1f4e5f"), spaceAfter=8)
H2 = ParagraphStyle("h2", parent=ss["Heading2"], fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                    textColor=colors.HexColor("#1f4e5f"), spaceBefore=6, spaceAfter=4)
TITLE = ParagraphStyle("title", parent=H1, fontSize=28, leading=34, alignment=TA_CENTER)
SUB = ParagraphStyle("sub", parent=BODY, fontSize=14, leading=18, alignment=TA_CENTER)
BIG = ParagraphStyle("big", parent=BODY, fontName="Helvetica-Bold", fontSize=22, leading=26,
                     alignment=TA_CENTER, textColor=colors.HexColor("#1f4e5f"), spaceAfter=2)
LABEL = ParagraphStyle("label", parent=BODY, fontSize=9.5, leading=12, alignment=TA_CENTER, spaceAfter=0)


def header_footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    if doc.page > 1:
        canvas.drawString(18 * mm, A4[1] - 12 * mm,
                          "Saltmarden Community Safety Partnership | Annual Report 2024-25")
    canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, "Page %d" % doc.page)
    canvas.drawString(18 * mm, 10 * mm, "www.saltmarden.gov.uk/saferSaltmarden")
    canvas.restoreState()


def fmt(n):
    return "{:,}".format(n)


def rate(n):
    return "%.1f" % (n / POP)


def change(a, b):
    d = b - a
    pct = 100.0 * d / a
    return ("%+d" % d).replace("+", "+"), "%+.1f%%" % pct


ROWS = [
    ("All recorded crime", 7208, 6912, True),
    ("Violence against the person", 2611, 2540, True),
    ("   Violence with injury", 884, 851, False),
    ("   Violence without injury", 1173, 1149, False),
    ("   Stalking and harassment", 554, 540, False),
    ("Sexual offences", 241, 263, False),
    ("Robbery", 58, 49, False),
    ("Burglary - residential", 402, 371, False),
    ("Burglary - business and community", 167, 181, False),
    ("Vehicle offences", 598, 552, False),
    ("Theft from the person", 74, 88, False),
    ("Shoplifting", 611, 744, False),
    ("Bicycle theft", 203, 176, False),
    ("Other theft", 652, 603, False),
    ("Criminal damage and arson", 889, 812, False),
    ("Drug offences", 301, 334, False),
    ("Possession of weapons offences", 67, 71, False),
    ("Public order offences", 486, 457, False),
    ("Miscellaneous crimes against society", 118, 121, False),
    ("Hate crime (all strands)", 163, 149, False),
    ("Domestic abuse-related crime", 1322, 1367, False),
    ("Offences involving a knife or sharp instrument (knife crime)", 59, 64, False),
    ("Anti-social behaviour incidents (not crimes)", 1411, 1284, False),
]


def crime_table():
    head = [
        ["Measure", "Financial year (April to March)", "", "", "", "Change", ""],
        ["", "2023-24", "", "2024-25", "", "2023-24 to 2024-25", ""],
        ["", "Number", "Rate per 1,000", "Number", "Rate per 1,000", "Number", "%"],
    ]
    body = []
    for name, a, b, bold in ROWS:
        d, pct = change(a, b)
        label = name.replace(" - ", " \u2013 ")
        indent = label.startswith("   ")
        style = ParagraphStyle("c", parent=CELL, fontName="Helvetica-Bold" if bold else "Helvetica",
                               leftIndent=8 if indent else 0)
        body.append([Paragraph(label.strip(), style), fmt(a), rate(a), fmt(b), rate(b), d, pct])
    data = head + body
    t = Table(data, colWidths=[58 * mm, 18 * mm, 20 * mm, 18 * mm, 20 * mm, 18 * mm, 17 * mm],
              repeatRows=3)
    st = TableStyle([
        ("SPAN", (0, 0), (0, 2)),
        ("SPAN", (1, 0), (4, 0)),
        ("SPAN", (5, 0), (6, 0)),
        ("SPAN", (1, 1), (2, 1)),
        ("SPAN", (3, 1), (4, 1)),
        ("SPAN", (5, 1), (6, 1)),
        ("FONTNAME", (0, 0), (-1, 2), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 2), colors.HexColor("#d9e7ec")),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 2), (-1, 2), 0.8, colors.HexColor("#1f4e5f")),
        ("LINEBELOW", (0, 3), (-1, -1), 0.25, colors.HexColor("#aaaaaa")),
        ("TOPPADDING", (0, 0), (-1, -1), 4.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
    ])
    t.setStyle(st)
    return t


def glance():
    boxes = [
        ("6,912", "crimes recorded, down 4.1% on 2023-24"),
        ("1,284", "anti-social behaviour incidents, down 9.0%"),
        ("412", "young people took part in diversion activities"),
        ("37", "Safe Places venues across the district"),
        ("\u00a361,500", "Partnership Locality Fund spent"),
        ("9", "ASB case review applications received"),
        ("46", "weekends of Operation Amberline patrols"),
        ("2,950", "homes given crime prevention advice"),
        ("14", "multi-agency weeks of action"),
    ]
    cells = [[Paragraph(n, BIG), Paragraph(l, LABEL)] for n, l in boxes]
    grid = []
    for r in range(3):
        row = []
        for c in range(3):
            inner = Table([[cells[r * 3 + c][0]], [cells[r * 3 + c][1]]], colWidths=[52 * mm])
            inner.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            row.append(inner)
        grid.append(row)
    t = Table(grid, colWidths=[57 * mm] * 3, rowHeights=[42 * mm] * 3)
    t.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, colors.white),
        ("INNERGRID", (0, 0), (-1, -1), 6, colors.white),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e8f1f4")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return t


def simple_table(data, widths, total_row=False):
    t = Table(data, colWidths=widths)
    st = [
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e7ec")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#aaaaaa")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if total_row:
        st.append(("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"))
        st.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
    t.setStyle(TableStyle(st))
    return t


def P(text, style=BODY):
    return Paragraph(text, style)


def build():
    story = []
    # page 1: cover
    story += [Spacer(1, 55 * mm), P("Saltmarden Community Safety Partnership", SUB), Spacer(1, 6 * mm),
              P("Annual Report 2024-25", TITLE), Spacer(1, 4 * mm),
              P("Working together for a safer Saltmarden", SUB), Spacer(1, 40 * mm),
              P("Published September 2025", SUB), Spacer(1, 30 * mm),
              P("Saltmarden District Council \u2022 Hulverstone Police \u2022 Hulverstone Fire and Rescue Service "
                "\u2022 Probation Service \u2022 Hulverstone and Saltmarden Integrated Care Board", LABEL),
              PageBreak()]
    # page 2: foreword and contents
    story += [P("Foreword", H1),
              P("Welcome to the Saltmarden Community Safety Partnership's annual report for 2024-25, the first "
                "year of our Partnership Plan 2024-27. Recorded crime fell for the second year running, and "
                "anti-social behaviour is at its lowest level for five years. These are real improvements for "
                "the people who live in, work in and visit Crackmoor, Wenlow, Pelham Staithe and our rural "
                "parishes."),
              P("Not everything moved in the right direction. Shoplifting rose sharply, as it did across the "
                "country, and more people reported domestic abuse. We welcome that extra reporting, because it "
                "means more victims are coming forward, but it also means more demand on our services."),
              P("I would like to thank every officer, volunteer and partner who has given their time to the "
                "Partnership this year."),
              Spacer(1, 4 * mm),
              P("Councillor Imogen Trevathan"),
              P("Chair, Saltmarden Community Safety Partnership"),
              P("Portfolio Holder for Safer Communities, Saltmarden District Council"),
              Spacer(1, 8 * mm),
              P("Contents", H2),
              P("Year at a glance ........ 3"),
              P("Our performance in 2024-25 ........ 4"),
              P("Our priorities ........ 6"),
              P("How we spent the money, and who we are ........ 7"),
              PageBreak()]
    # page 3: year at a glance
    story += [P("Year at a glance", H1),
              P("2024-25 in numbers (1 April 2024 to 31 March 2025)."),
              Spacer(1, 4 * mm), glance(), Spacer(1, 6 * mm),
              P("Figures from Hulverstone Police, Saltmarden District Council and partners.", SMALL),
              PageBreak()]
    # page 4-5: performance
    story += [P("Our performance in 2024-25", H1),
              P("Table 1 compares recorded crime and anti-social behaviour in Saltmarden district in 2024-25 "
                "with 2023-24. The figures are for full financial years, 1 April to 31 March, and come from "
                "Hulverstone Police's crime recording system. Rates are per 1,000 residents, using the "
                "mid-2023 population estimate of 148,300."),
              P("All recorded crime fell by 296 offences. The largest falls in numbers were in criminal damage "
                "and arson and in other theft. Shoplifting rose by 133 offences, and theft from the person also "
                "rose. Domestic abuse-related crime rose by 45 offences, which we believe reflects greater "
                "confidence to report."),
              P("The Partnership's Performance Group reviews these figures every quarter. Where a measure rises "
                "for two quarters in a row, the Group asks the lead partner for a problem-solving plan."),
              P("<b>Key points.</b> Violence against the person, the largest group of offences, fell by 71. Robbery "
                "fell the most in percentage terms. Sexual offences, drug offences and knife crime all rose; "
                "the rise in drug offences reflects more proactive policing under Priority 3. Anti-social "
                "behaviour incidents fell by 127."),
              P("<b>About the data.</b> Police figures can change after publication, as crimes are reclassified "
                "or cancelled. The figures in this report were extracted on 14 April 2025. The three-year trend "
                "for each measure is published on the Partnership's web pages and is not repeated here."),
              Spacer(1, 3 * mm),
              P("Table 1: Recorded crime and anti-social behaviour, Saltmarden district", H2),
              crime_table(),
              Spacer(1, 2 * mm),
              P("Source: Hulverstone Police. Change is 2024-25 compared with 2023-24. Anti-social behaviour "
                "incidents are police-recorded incidents, not crimes. Hate crime, domestic abuse-related crime "
                "and knife crime are flagged offences that are also counted in the crime types above.", SMALL),
              Spacer(1, 4 * mm),
              P("Table 2: All recorded crime by town, 2024-25", H2),
              simple_table([["Town", "Population", "Crimes 2024-25", "Rate per 1,000"],
                            ["Crackmoor", "41,200", "2,716", "65.9"],
                            ["Wenlow", "27,900", "1,493", "53.5"],
                            ["Pelham Staithe", "24,600", "1,118", "45.4"],
                            ["Rural parishes", "54,600", "1,585", "29.0"],
                            ["Saltmarden district", "148,300", "6,912", "46.6"]],
                           [50 * mm, 30 * mm, 35 * mm, 35 * mm], total_row=True),
              Spacer(1, 2 * mm),
              P("A breakdown by town is not yet available for anti-social behaviour or for individual crime "
                "types.", SMALL),
              PageBreak()]
    # page 6: priorities
    story += [P("Our priorities", H1),
              P("Our Partnership Plan 2024-27 has three priorities, chosen from the strategic assessment and "
                "from what residents told us."),
              P("Priority 1: Tackling violence, including violence against women and girls", H2),
              P("<b>Lead:</b> Chief Inspector Joanna Thornleigh, Hulverstone Police"),
              P("<b>What we did in 2024-25.</b> Operation Amberline, our weekend night-time economy operation in "
                "Crackmoor town centre, ran on 46 weekends and led to 83 arrests. Violence with injury in the "
                "Crackmoor night-time economy area fell from 212 to 174 offences. We trained 164 bar and door "
                "staff to spot and help people who feel unsafe."),
              P("<b>What we will do in 2025-26.</b> We will commission an independent evaluation of Operation "
                "Amberline, due to report in spring 2026, and extend the Safe Places scheme to Wenlow."),
              P("Priority 2: Reducing anti-social behaviour and the harm it does to neighbourhoods", H2),
              P("<b>Lead:</b> Rashid Elmhirst, Community Safety Partnership Manager, Saltmarden District Council"),
              P("<b>What we did in 2024-25.</b> The Wenlow estate problem-solving plan cut anti-social behaviour "
                "incidents on the estate by 31%, from 228 to 157. Neighbourhood Watch volunteers delivered crime "
                "prevention packs to 2,950 homes."),
              P("<b>What we will do in 2025-26.</b> We will open a multi-agency ASB hub at Wenlow Community Centre "
                "in January 2026, bringing council, police and housing officers together two days a week."),
              P("Priority 3: Protecting people from exploitation and drug-related harm", H2),
              P("<b>Lead:</b> Dawn Ketteridge, Head of Service, Saltmarden Recovery Service"),
              P("<b>What we did in 2024-25.</b> Partners closed 5 county lines operating into Crackmoor and "
                "Pelham Staithe, and 27 victims of cuckooing were supported to keep their tenancies."),
              P("<b>What we will do in 2025-26.</b> We will offer the exploitation screening tool to all eight "
                "secondary schools in the district."),
              PageBreak()]
    # page 7: money, governance, looking ahead
    story += [P("How we spent the money", H1),
              P("The Police and Crime Commissioner for Hulverstone gave the Partnership a Locality Fund of "
                "\u00a361,500 for 2024-25. It was spent in full."),
              P("Table 3: Partnership Locality Fund spend, 2024-25", H2),
              simple_table([["Project", "Priority", "Delivered by", "Spend (\u00a3)"],
                            ["Operation Amberline overtime", "1", "Hulverstone Police", "14,200"],
                            ["Safe Places scheme", "1", "Saltmarden District Council", "3,800"],
                            ["Wenlow estate detached youth work", "2", "Saltmarden Youth Trust", "12,600"],
                            ["Independent chair for ASB case reviews", "2", "Saltmarden District Council", "2,400"],
                            ["Crime prevention packs", "2", "Saltmarden Neighbourhood Watch", "5,350"],
                            ["Exploitation awareness in schools", "3", "Crackmoor Learning Partnership", "6,750"],
                            ["Cuckooing support worker (part-time)", "3", "Pelham Staithe Housing", "11,900"],
                            ["Communications and campaigns", "All", "Saltmarden District Council", "4,500"],
                            ["Total", "", "", "61,500"]],
                           [62 * mm, 18 * mm, 58 * mm, 24 * mm], total_row=True),
              P("Who we are", H2),
              P("The Partnership is chaired by Councillor Imogen Trevathan. The vice-chair is Chief Inspector "
                "Joanna Thornleigh, Hulverstone Police's district commander for Saltmarden. The Partnership "
                "Board meets four times a year and is supported by Rashid Elmhirst, Community Safety Partnership "
                "Manager."),
              P("Looking ahead", H2),
              P("Our next residents' survey will run in November 2025, and its results will be published in "
                "2026. The independent evaluation of Operation Amberline is due to report in spring 2026. We will "
                "refresh the Partnership Plan 2024-27 after the 2025 strategic assessment."),
              P("Contact: Community Safety Team, Saltmarden District Council, Council Offices, Quay Street, "
                "Crackmoor. Email: community.safety@saltmarden.gov.uk", SMALL)]

    doc = SimpleDocTemplate(OUT, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=20 * mm,
                            bottomMargin=18 * mm, title="Saltmarden Community Safety Partnership Annual Report 2024-25",
                            author="Saltmarden Community Safety Partnership", subject="Annual report",
                            creator="Saltmarden District Council")
    doc.build(story, onFirstPage=header_footer, onLaterPages=header_footer)


if __name__ == "__main__":
    build()
