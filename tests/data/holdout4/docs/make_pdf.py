"""Build ellerstoke-csp-strategic-assessment-2024-25.pdf (a fictional paper) with reportlab.

Run from anywhere: .venv/bin/python tests/data/holdout4/docs/make_pdf.py
The build is deterministic (invariant=1), so the PDF only changes when this script does.
"""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

OUT = Path(__file__).resolve().parent / "ellerstoke-csp-strategic-assessment-2024-25.pdf"

styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, spaceAfter=0, alignment=TA_LEFT)
SMALLB = ParagraphStyle("smallb", parent=SMALL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=styles["Heading1"], fontName="Helvetica-Bold", fontSize=17, leading=21, spaceAfter=4)
H2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=4, keepWithNext=1)
CAP = ParagraphStyle("cap", parent=BODY, fontName="Helvetica-Bold", fontSize=9, spaceBefore=4, spaceAfter=3, keepWithNext=1)
CAPW = ParagraphStyle("capw", parent=CAP, keepWithNext=0)  # Table 2 caption: let the table split across pages
BUL = ParagraphStyle("bul", parent=BODY, leftIndent=12, bulletIndent=2, spaceAfter=2)

RULED = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
    ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 10),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ec")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]


def p(text, style=BODY):
    return Paragraph(text, style)


def bullets(items):
    return [Paragraph(t, BUL, bulletText="\u2022") for t in items]


def table(rows, widths, extra=(), repeat=1, para_cols=()):
    data = []
    for i, row in enumerate(rows):
        cells = []
        for j, c in enumerate(row):
            if j in para_cols and i > 0:
                cells.append(Paragraph(c, SMALL))
            elif j in para_cols and i == 0:
                cells.append(Paragraph(c, SMALLB))
            else:
                cells.append(c)
        data.append(cells)
    t = Table(data, colWidths=widths, repeatRows=repeat)
    t.setStyle(TableStyle(RULED + list(extra)))
    return t


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(2 * cm, 1.2 * cm, "Ellerstoke Community Safety Partnership - Strategic Assessment 2024/25 - OFFICIAL")
    canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
    canvas.restoreState()


# ---------------------------------------------------------------- data
OVERVIEW = [
    ["Crime type", "2023/24", "2024/25", "Change", "% change", "MSG position Mar 2025"],
    ["All crime", "12,204", "11,777", "-427", "-3.5%", "8 of 15"],
    ["Violence with injury", "1,688", "1,602", "-86", "-5.1%", "11 of 15"],
    ["Violence without injury", "2,410", "2,388", "-22", "-0.9%", "9 of 15"],
    ["Stalking and harassment", "1,377", "1,301", "-76", "-5.5%", "7 of 15"],
    ["Sexual offences", "402", "437", "+35", "+8.7%", "10 of 15"],
    ["Robbery", "141", "118", "-23", "-16.3%", "4 of 15"],
    ["Residential burglary", "512", "446", "-66", "-12.9%", "5 of 15"],
    ["Vehicle offences", "903", "951", "+48", "+5.3%", "12 of 15"],
    ["Shoplifting", "1,214", "1,566", "+352", "+29.0%", "13 of 15"],
    ["Criminal damage and arson", "1,305", "1,190", "-115", "-8.8%", "6 of 15"],
    ["Drug offences", "388", "421", "+33", "+8.5%", "n/a"],
    ["ASB incidents (not crimes)", "5,640", "4,980", "-660", "-11.7%", "n/a"],
]

# ward, population, crimes 2024/25, rank 2023/24
WARDS = [
    ("Abbeygate", 6210, 1742, 1),
    ("East Wharf", 7480, 1093, 3),
    ("Tanners Row", 6890, 842, 2),
    ("Gannet Hill", 7120, 801, 4),
    ("Brindle Heath", 8030, 788, 6),
    ("Ropery Lane", 6540, 603, 5),
    ("Northgate", 7710, 652, 7),
    ("St Anselm's", 6980, 561, 9),
    ("Carrowmead", 7260, 548, 8),
    ("Millbeck", 6420, 455, 12),
    ("Hollin Cross", 7050, 470, 10),
    ("Dunstan Park", 6660, 401, 11),
    ("Ivybank", 7340, 419, 13),
    ("Kettlebrook", 5980, 322, 17),
    ("Parsonage Fields", 6810, 351, 14),
    ("Foxley Green", 7190, 344, 15),
    ("Larkspur", 6350, 283, 16),
    ("Vicarage Fields", 7020, 296, 19),
    ("Orchard Rise", 6730, 262, 18),
    ("Juniper Vale", 5870, 205, 20),
    ("Quarrington Moor", 5420, 171, 22),
    ("Upper Ellerstoke", 6100, 168, 21),
]


def ward_rows():
    ranked = sorted(WARDS, key=lambda w: -w[2] / w[1])
    rows = [["Rank 2024/25", "Ward", "Population", "Crimes 2024/25", "Rate per 1,000", "Rank 2023/24", "Movement"]]
    for i, (name, pop, crimes, prev) in enumerate(ranked, 1):
        move = prev - i
        mv = "no change" if move == 0 else (f"up {move}" if move > 0 else f"down {-move}")
        rows.append([str(i), name, f"{pop:,}", f"{crimes:,}", f"{crimes / pop * 1000:.1f}", str(prev), mv])
    tp = sum(w[1] for w in WARDS)
    tc = sum(w[2] for w in WARDS)
    rows.append(["", "Borough", f"{tp:,}", f"{tc:,}", f"{tc / tp * 1000:.1f}", "", ""])
    return rows


SCORING = [
    ["Theme", "Harm", "Volume and trend", "Community concern", "Total score", "Rank"],
    ["Domestic abuse and VAWG", "18", "13", "10", "41", "1"],
    ["Serious violence and the night-time economy", "17", "10", "11", "38", "2"],
    ["Exploitation and drugs", "16", "8", "11", "35", "3"],
    ["Neighbourhood crime, including shoplifting", "9", "13", "11", "33", "4"],
    ["Anti-social behaviour", "7", "9", "13", "29", "5"],
    ["Road safety", "10", "4", "10", "24", "6"],
    ["Hate crime", "9", "5", "7", "21", "7"],
]

PROGRESS = [
    ["Ref", "Recommendation (2023/24 assessment)", "Lead", "Progress to June 2025", "Status"],
    ["2023/1", "Set up an Abbeygate night-time economy task group.", "Licensing Manager, Ellerstoke Borough Council",
     "Task group set up in June 2024 and meets monthly. 18 venues have Best Bar None accreditation.", "Complete"],
    ["2023/2", "Agree a shoplifting and business crime action plan with Ellerstoke BID.", "Chief Inspector, Ellerstoke Local Policing Area",
     "Plan drafted but held up by the BID renewal ballot. To be signed off by September 2025.", "Delayed"],
    ["2023/3", "Commission a local domestic abuse needs assessment.", "Domestic Abuse Coordinator",
     "Completed January 2025. 42% of high-risk victims had children living in the household.", "Complete"],
    ["2023/4", "Introduce a youth violence early intervention programme in East Wharf and Tanners Row.", "Youth Services Manager",
     "StreetWise programme launched September 2024. 64 young people engaged by March 2025.", "On track"],
    ["2023/5", "Review the coverage and condition of the public space CCTV network.", "CCTV and Control Room Manager",
     "Not started because of staff vacancies. Carried forward as recommendation R4.", "Not started"],
    ["2023/6", "Obtain data on assault-related A&amp;E attendances from health partners.", "Public Health Principal",
     "Quarterly data received from Ellerstoke Royal Infirmary since October 2024. Ambulance data not yet shared.", "Partly complete"],
]

NEWRECS = [
    ["No.", "Recommendation for 2025/26", "Proposed lead", "By when"],
    ["R1", "Adopt four priorities for 2025/26: domestic abuse and VAWG; serious violence and the night-time economy; exploitation and drugs; neighbourhood crime, including shoplifting.", "CSP Executive", "July 2025"],
    ["R2", "Extend the StreetWise youth programme to Gannet Hill.", "Youth Services Manager", "January 2026"],
    ["R3", "Sign off the business crime action plan with a target to reduce shoplifting by 10% in 2025/26.", "Chief Inspector, Ellerstoke LPA", "September 2025"],
    ["R4", "Complete the review of public space CCTV and report options to the CSP Executive.", "CCTV and Control Room Manager", "December 2025"],
    ["R5", "Agree an information sharing agreement with the ambulance service for assault call-outs.", "Public Health Principal", "March 2026"],
    ["R6", "Set up a problem-solving group for anti-social behaviour in Brindle Heath.", "ASB Team Leader", "October 2025"],
    ["R7", "Publish the executive summary of this assessment on the Council's website.", "Community Safety Manager", "August 2025"],
]


def build():
    doc = SimpleDocTemplate(
        str(OUT), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=2 * cm,
        title="Ellerstoke Community Safety Partnership Strategic Assessment 2024/25",
        author="Ellerstoke Borough Council Community Safety Intelligence Unit", invariant=1,
    )
    s = []
    s.append(p("Ellerstoke Community Safety Partnership", H1))
    s.append(p("Strategic Assessment 2024/25", ParagraphStyle("sub", parent=H2, fontSize=14, spaceBefore=0)))
    s.append(table([
        ["Document details", ""],
        ["Partnership", "Ellerstoke Community Safety Partnership (Ellerstoke Borough Council, Brenmoor Constabulary and partners)"],
        ["Data period", "1 April 2024 to 31 March 2025, compared with 1 April 2023 to 31 March 2024"],
        ["Prepared by", "Rebecca Haldane, Senior Community Safety Analyst, Community Safety Intelligence Unit"],
        ["Approved", "CSP Executive, 8 July 2025"],
        ["Chair of the CSP", "Councillor Tobias Wren, Executive Member for Neighbourhoods"],
        ["Protective marking", "OFFICIAL"],
    ], [4 * cm, 13 * cm], extra=[("SPAN", (0, 0), (-1, 0))], para_cols=(1,)))
    s.append(Spacer(1, 6))

    s.append(p("1. Executive summary", H2))
    s.append(p("This strategic assessment gives the Ellerstoke Community Safety Partnership (CSP) an evidence base for setting its "
               "priorities for 2025/26. It draws on police recorded crime from Brenmoor Constabulary, anti-social behaviour (ASB) "
               "incidents from the police and the Council, and data from health, fire, probation and the voluntary sector. Themes "
               "were scored for harm, volume and trend, and community concern using the partnership's scoring matrix (Table 3)."))
    s.append(p("Key findings:", CAP))
    s += bullets([
        "All recorded crime fell by 3.5% to 11,777 offences, a rate of 79.0 crimes per 1,000 residents.",
        "Shoplifting rose by 29.0% to 1,566 offences, the largest increase of any crime type. 61% of offences were in Abbeygate "
        "and at the Ellerstoke Gate shopping centre.",
        "Residential burglary fell by 12.9% and robbery by 16.3%. ASB incidents fell by 11.7% to 4,980.",
        "Abbeygate, the town centre ward, again had the highest crime rate (280.5 per 1,000), more than three times the borough rate.",
        "East Wharf moved up to second place in the ward ranking, overtaking Tanners Row.",
        "Domestic abuse and violence against women and girls (VAWG) scored highest in the priority matrix, with a total of 41.",
    ])

    s.append(p("2. Crime and anti-social behaviour overview", H2))
    s.append(p("Table 1 compares the two most recent financial years. The most similar group (MSG) position ranks Ellerstoke among "
               "15 comparable partnerships, where 1 is the lowest crime rate."))
    s.append(p("Table 1: Recorded crime and ASB, 2023/24 and 2024/25", CAP))
    s.append(table(OVERVIEW, [5.2 * cm, 2 * cm, 2 * cm, 1.8 * cm, 2 * cm, 4 * cm],
                   extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    s.append(Spacer(1, 4))
    s.append(p("Vehicle offences rose by 5.3%, driven by thefts of catalytic converters in Brindle Heath and Northgate. Sexual "
               "offences rose by 8.7%; around a third of the increase relates to non-recent offences reported during the year."))

    s.append(p("3. Thematic findings", H2))
    s.append(p("<b>Serious violence and the night-time economy.</b> 37% of violence with injury in Abbeygate took place between 10pm "
               "and 4am on Friday to Sunday nights. Ellerstoke Royal Infirmary recorded 286 assault-related A&amp;E attendances, "
               "of which 21% involved patients aged 18 to 24."))
    s.append(p("<b>Domestic abuse and VAWG.</b> Brenmoor Constabulary recorded 3,214 domestic abuse incidents and 1,488 domestic "
               "abuse-related crimes. The Ellerstoke MARAC heard 412 cases, of which 29% were repeat cases. The local needs "
               "assessment found long waiting times for children's support services."))
    s.append(p("<b>Exploitation and drugs.</b> Police intelligence identified five county lines operating into Ellerstoke. "
               "Twenty-three addresses were identified as at risk of cuckooing, and partial closure orders were obtained on six."))
    s.append(p("<b>Anti-social behaviour.</b> ASB fell in most wards, but Brindle Heath recorded 512 incidents, 14% more than in "
               "2023/24, mostly linked to groups of young people near the Brindle Heath shopping parade."))

    s.append(p("Table 3: Priority scoring matrix (maximum score 60)", CAP))
    s.append(table(SCORING, [7 * cm, 1.6 * cm, 2.6 * cm, 2.8 * cm, 1.8 * cm, 1.2 * cm],
                   extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))

    s.append(p("4. Crime by ward", H2))
    s.append(p("Table 2 ranks the borough's 22 wards by their crime rate per 1,000 residents in 2024/25, with each ward's rank in "
               "2023/24. Populations are the mid-2023 estimates. A movement of \"up\" means the ward has moved up the ranking, "
               "that is, its position relative to other wards has worsened."))
    s.append(p("Table 2: Wards ranked by crime rate per 1,000 residents, 2024/25", CAPW))
    s.append(table(ward_rows(), [2.1 * cm, 3.6 * cm, 2.3 * cm, 2.5 * cm, 2.4 * cm, 2.2 * cm, 1.9 * cm],
                   extra=[("ALIGN", (2, 1), (5, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold")]))
    s.append(Spacer(1, 4))
    s.append(p("The five wards with the highest rates (Abbeygate, East Wharf, Tanners Row, Gannet Hill and Brindle Heath) account "
               "for 45% of all recorded crime but 31% of the population. Kettlebrook had the largest move up the ranking, from 17th "
               "to 14th, following a rise in thefts from sheds and garages."))

    s.append(p("5. Recommendations from last year and progress", H2))
    s.append(p("Table 4 reports progress on the six recommendations of the 2023/24 strategic assessment."))
    s.append(p("Table 4: 2023/24 recommendations and progress", CAP))
    s.append(table(PROGRESS, [1.3 * cm, 4.6 * cm, 3.5 * cm, 5.6 * cm, 2 * cm], para_cols=(1, 2, 3, 4)))

    s.append(p("6. Recommendations for 2025/26", H2))
    s.append(p("The assessment makes seven recommendations to the CSP Executive."))
    s.append(p("Table 5: Recommendations for 2025/26", CAP))
    s.append(table(NEWRECS, [1.1 * cm, 9.4 * cm, 4 * cm, 2.5 * cm], para_cols=(1, 2, 3)))
    s.append(p("7. Governance and next steps", H2))
    s.append(p("The CSP Executive meets quarterly. It is chaired by Councillor Tobias Wren, and the Vice-Chair is Superintendent "
               "Grace Okonkwo, Ellerstoke Local Policing Area Commander, Brenmoor Constabulary. Three delivery groups report to it:"))
    s += bullets([
        "Violence and Exploitation Group, chaired by Detective Chief Inspector Owen Prothero (Brenmoor Constabulary);",
        "Domestic Abuse Partnership, chaired by Sunita Ramcharan, Head of Housing Needs, Ellerstoke Borough Council;",
        "Neighbourhoods and ASB Group, chaired by Martin Kealey, ASB Team Leader, Ellerstoke Borough Council.",
    ])
    s.append(p("Once the CSP Executive has agreed its priorities, each delivery group will refresh its action plan by September "
               "2025. The Council's Overview and Scrutiny Committee will consider this assessment on 16 September 2025. The next "
               "strategic assessment will cover 2025/26 and will be presented to the CSP Executive in July 2026."))
    s.append(Spacer(1, 6))
    s.append(p("Contact: Rebecca Haldane, Senior Community Safety Analyst, Ellerstoke Borough Council, Civic Centre, Ellerstoke "
               "EK1 2AA. Email: community.safety@ellerstoke.gov.uk"))
    doc.build(s, onFirstPage=footer, onLaterPages=footer)


if __name__ == "__main__":
    build()
    print(OUT)
