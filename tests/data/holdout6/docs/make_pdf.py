"""Build eskerby-serious-violence-sna-summary-2025.pdf (deterministic).

Run from the repository root:
    .venv/bin/python tests/data/holdout6/docs/make_pdf.py
"""
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

OUT = Path(__file__).with_name("eskerby-serious-violence-sna-summary-2025.pdf")

styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=styles["Normal"], fontName="Helvetica", fontSize=9.5,
                      leading=12.5, spaceAfter=5, alignment=TA_LEFT)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
SMALLB = ParagraphStyle("smallb", parent=SMALL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=styles["Heading1"], fontName="Helvetica-Bold", fontSize=15,
                    leading=18, spaceAfter=4)
H2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=11.5,
                    leading=14, spaceBefore=8, spaceAfter=4)
CAP = ParagraphStyle("cap", parent=BODY, fontName="Helvetica-Bold", fontSize=9.5, spaceBefore=4)
BUL = ParagraphStyle("bul", parent=BODY, leftIndent=12, bulletIndent=2)

HEAD_BG = colors.HexColor("#1f3b5a")
ALT_BG = colors.HexColor("#eef2f6")


def p(text, style=BODY):
    return Paragraph(text, style)


def cell(text, bold=False):
    return Paragraph(text, SMALLB if bold else SMALL)


def hcell(text):
    return Paragraph(f'<font color="white"><b>{text}</b></font>', SMALL)


def ruled(data, widths, header_rows=1, spans=(), zebra=True):
    t = Table(data, colWidths=widths, repeatRows=header_rows)
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7a8896")),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    cmds += [("SPAN",) + s for s in spans]
    if zebra:
        for r in range(header_rows, len(data)):
            if (r - header_rows) % 2 == 1:
                cmds.append(("BACKGROUND", (0, r), (-1, r), ALT_BG))
    t.setStyle(TableStyle(cmds))
    return t


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(18 * mm, 10 * mm,
                      "Safer Eskerby Partnership - Serious Violence Strategic Needs Assessment 2025 "
                      "(summary) - OFFICIAL")
    canvas.drawRightString(192 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


story = []
story.append(p("Safer Eskerby Partnership", H1))
story.append(p("Serious Violence Strategic Needs Assessment 2025: Summary for publication", H2))

details = [
    [hcell("Document details"), hcell("")],
    [cell("Partnership", True), cell("Safer Eskerby Partnership (Eskerby District Council, Carnshire Police, "
                                   "Carnshire Fire and Rescue Service, Carnshire Integrated Care Board, "
                                   "the Probation Service and Eskerby Youth Justice Service)")],
    [cell("Prepared by", True), cell("Ezekiel Marwood, Senior Partnership Analyst, Eskerby District Council")],
    [cell("Data period", True), cell("1 April 2022 to 31 March 2025 (three financial years); "
                                    "population figures are mid-2023 estimates")],
    [cell("Version and status", True), cell("Version 2.0 - approved by the Safer Eskerby Partnership Board "
                                           "on 24 June 2025")],
    [cell("Protective marking", True), cell("OFFICIAL - the full assessment is shared with duty holders only")],
    [cell("Next refresh", True), cell("By 31 January 2026, using data to 30 September 2025")],
]
story.append(ruled(details, [42 * mm, 132 * mm], header_rows=1, spans=[((0, 0), (1, 0))], zebra=False))
story.append(Spacer(1, 6))

story.append(p("1. Purpose", H2))
story.append(p("1.1 The Serious Violence Duty requires the specified authorities in Eskerby to understand the "
               "serious violence that affects the district, its causes and the people most at risk, and to "
               "publish a strategy to prevent and reduce it. This summary sets out the main findings of the "
               "partnership's second strategic needs assessment (SNA), reports progress on the "
               "recommendations of the first assessment (2024) and makes new recommendations for 2025/26."))
story.append(p("1.2 Local definition. For the duty, the partnership defines serious violence as: homicide; "
               "attempted murder; wounding and grievous bodily harm; robbery of personal property; rape and "
               "other serious sexual offences; and any offence in which a knife, sharp object or firearm was "
               "used or threatened. Domestic-related offences that meet this definition are included."))

story.append(p("2. Key findings", H2))
findings = [
    "Serious violence rose by 8.7% in 2024/25, to 861 offences, after two years in which it was broadly flat.",
    "The rise was driven by domestic-related serious violence (up 15.1%) and by rape and other serious sexual "
    "offences (up 10.1%). Robbery and knife-enabled offences both fell.",
    "Knife or sharp object enabled offences made up 10.9% of all serious violence in 2024/25, compared with "
    "12.9% the year before.",
    "Violence is concentrated: Eskerby Central has a rate of 15.85 offences per 1,000 residents, almost three "
    "times the district rate, and the three highest-rate wards account for a quarter of all offences.",
    "Young people under 25 were a third of victims and 44% of suspects.",
    "In 2024/25, 41% of public-place serious violence happened between 10pm and 4am on Friday and Saturday "
    "nights, almost all of it in Eskerby Central and Salter Street.",
    "Eskerby General Hospital recorded 37 emergency department attendances for assault with a knife or "
    "sharp object in 2024/25.",
]
for i, f in enumerate(findings, 1):
    story.append(Paragraph(f, BUL, bulletText=f"{i}."))

story.append(p("3. Serious violence in Eskerby", H2))
story.append(p("3.1 Table 1 compares the two most recent years. Rates are per 1,000 residents, using a "
               "district population of 150,650."))
story.append(p("Table 1: Serious violence headline measures, 2023/24 and 2024/25", CAP))
t1 = [
    [hcell("Measure"), hcell("2023/24"), hcell(""), hcell("2024/25"), hcell(""), hcell("Change")],
    [hcell(""), hcell("Number"), hcell("Rate per 1,000"), hcell("Number"), hcell("Rate per 1,000"), hcell("%")],
    [cell("All serious violence"), cell("792"), cell("5.26"), cell("861"), cell("5.72"), cell("+8.7%")],
    [cell("Knife or sharp object enabled"), cell("102"), cell("0.68"), cell("94"), cell("0.62"), cell("-7.8%")],
    [cell("Domestic-related serious violence"), cell("251"), cell("1.67"), cell("289"), cell("1.92"), cell("+15.1%")],
    [cell("Robbery of personal property"), cell("96"), cell("0.64"), cell("81"), cell("0.54"), cell("-15.6%")],
    [cell("Rape and other serious sexual offences"), cell("138"), cell("0.92"), cell("152"), cell("1.01"), cell("+10.1%")],
    [cell("Homicide"), cell("2"), cell("-"), cell("1"), cell("-"), cell("-")],
]
story.append(ruled(t1, [58 * mm, 20 * mm, 24 * mm, 20 * mm, 24 * mm, 28 * mm], header_rows=2,
                   spans=[((1, 0), (2, 0)), ((3, 0), (4, 0))]))
story.append(Spacer(1, 4))
story.append(p("3.2 Figures for 2022/23 are held in the full assessment. Police recorded crime is taken from "
               "the PALADIN extract of 2 May 2025; offences with no recorded location are shared between "
               "wards in proportion to their population."))
story.append(p("3.3 Just over half (52%) of serious violence in 2024/25 took place in a public place and 39% in "
               "a dwelling; the rest happened in workplaces, on public transport or at other locations."))
story.append(p("3.4 July and December were the busiest months in 2024/25 and February the quietest. The "
               "December peak is linked to the night-time economy; the July peak is spread across the district."))
story.append(p("3.5 Among the 15 partnerships in Eskerby's most similar group, Eskerby had the 6th highest rate "
               "of serious violence in 2024/25, compared with 9th highest in 2023/24."))
story.append(p("3.6 Over the three years of the data period, 64 people were victims of serious violence more "
               "than once. Most of these repeat victims (47) were victims of domestic-related offences."))

story.append(p("4. Who is affected", H2))
story.append(p("4.1 Table 2 shows the age of victims and of suspects in 2024/25. A suspect was identified in "
               "788 of the 861 offences. Men were 71% of suspects; women and girls were 54% of victims, "
               "rising to 86% of victims of domestic-related serious violence."))
story.append(p("Table 2: Victims and suspects of serious violence by age group, 2024/25", CAP))
t3 = [
    [hcell("Age group"), hcell("Victims"), hcell(""), hcell("Suspects"), hcell("")],
    [hcell(""), hcell("Number"), hcell("% of victims"), hcell("Number"), hcell("% of suspects")],
    [cell("Under 18"), cell("118"), cell("13.7%"), cell("141"), cell("17.9%")],
    [cell("18 to 24"), cell("172"), cell("20.0%"), cell("205"), cell("26.0%")],
    [cell("25 to 34"), cell("211"), cell("24.5%"), cell("196"), cell("24.9%")],
    [cell("35 to 49"), cell("224"), cell("26.0%"), cell("167"), cell("21.2%")],
    [cell("50 and over"), cell("136"), cell("15.8%"), cell("79"), cell("10.0%")],
    [cell("Total", True), cell("861", True), cell("100%", True), cell("788", True), cell("100%", True)],
]
story.append(KeepTogether(ruled(t3, [40 * mm, 30 * mm, 32 * mm, 30 * mm, 32 * mm], header_rows=2,
                                spans=[((1, 0), (2, 0)), ((3, 0), (4, 0))])))
story.append(Spacer(1, 4))
story.append(p("4.2 Risk factors seen repeatedly in the case files were school exclusion, going missing from "
               "home, drug and alcohol use, and previous exposure to domestic abuse. Nearly half of the "
               "under-18 suspects were already known to Eskerby Youth Justice Service."))

story.append(p("5. Where serious violence happens", H2))
story.append(p("5.1 Table 3 ranks all 22 wards by their rate of serious violence per 1,000 residents in "
               "2024/25, with each ward's rank in 2023/24. The district rate is 5.72 per 1,000. Eight wards "
               "are above the district rate. Pelton Rise moved up three places, from 10th to 7th, and Flaxby "
               "and Bellweather both moved out of the bottom two. Harthwaite had the largest fall, from 15th to "
               "19th."))
story.append(p("5.2 The night-time economy explains most of the concentration in Eskerby Central and Salter "
               "Street. In Eskerby Riverside and Ousebank the pattern is different: more of the violence is "
               "domestic-related and it is spread across the week."))
story.append(p("Table 3: Serious violence by ward, ranked by rate per 1,000 residents in 2024/25", CAP))
wards = [
    ("Eskerby Central", 6120, 88, 97),
    ("Eskerby Riverside", 7480, 61, 70),
    ("Salter Street", 5940, 49, 55),
    ("Ousebank", 7010, 52, 58),
    ("Fellgate", 6830, 40, 47),
    ("Eskerby North", 8260, 51, 54),
    ("Pelton Rise", 6550, 33, 41),
    ("Kettlebridge", 7390, 45, 43),
    ("Skelbrook", 7120, 38, 39),
    ("Lowmoor", 6980, 36, 37),
    ("Wrenfield", 7240, 34, 36),
    ("Calderby", 6410, 30, 31),
    ("Rookery Lane", 5870, 25, 27),
    ("Brantwell", 7650, 33, 33),
    ("Risbury", 6330, 24, 26),
    ("Sedgecombe", 6940, 27, 28),
    ("Flaxby", 6330, 17, 23),
    ("Wexcombe", 6720, 22, 24),
    ("Harthwaite", 7060, 28, 25),
    ("Bellweather", 6890, 18, 24),
    ("Gilling Moor", 6180, 21, 21),
    ("Swallowdale", 7350, 20, 22),
]
prev = sorted(wards, key=lambda w: -w[2] / w[1])
prev_rank = {w[0]: i + 1 for i, w in enumerate(prev)}
t2 = [
    [hcell("Rank"), hcell("Ward"), hcell("Population"), hcell("Serious violence offences"), hcell(""),
     hcell("Rate per 1,000"), hcell("Rank")],
    [hcell("2024/25"), hcell(""), hcell("(mid-2023)"), hcell("2023/24"), hcell("2024/25"), hcell("2024/25"),
     hcell("2023/24")],
]
for i, (name, pop, a, b) in enumerate(wards, 1):
    t2.append([cell(str(i)), cell(name), cell(f"{pop:,}"), cell(str(a)), cell(str(b)),
               cell(f"{b / pop * 1000:.2f}"), cell(str(prev_rank[name]))])
t2.append([cell(""), cell("Eskerby district", True), cell("150,650", True), cell("792", True),
           cell("861", True), cell("5.72", True), cell("")])
assert sum(w[1] for w in wards) == 150650
assert sum(w[2] for w in wards) == 792 and sum(w[3] for w in wards) == 861
story.append(ruled(t2, [16 * mm, 42 * mm, 24 * mm, 22 * mm, 22 * mm, 24 * mm, 20 * mm], header_rows=2,
                   spans=[((3, 0), (4, 0))]))
story.append(Spacer(1, 4))
story.append(p("5.3 Ward rates are sensitive to small numbers. A ward with about 6,000 residents moves by "
               "roughly 0.17 per 1,000 for each additional offence, so changes of one or two places in the "
               "lower half of the table should not be over-read."))

story.append(p("6. Progress on the 2024 recommendations", H2))
story.append(p("Table 4: Recommendations of the 2024 SNA and progress to June 2025", CAP))
t4 = [
    [hcell("Ref"), hcell("Recommendation (2024)"), hcell("Progress to June 2025"), hcell("Status")],
    [cell("R1"), cell("Agree a local definition of serious violence for the duty"),
     cell("Definition adopted by the Board on 12 March 2024 (paragraph 1.2)"), cell("Complete")],
    [cell("R2"), cell("Agree a data-sharing agreement with Eskerby General Hospital emergency department for "
                      "anonymised assault data"),
     cell("Agreement signed January 2025; first data received April 2025; quarterly sharing from July 2025"),
     cell("Partly complete")],
    [cell("R3"), cell("Commission knife crime education in all six secondary schools"),
     cell("Delivered in all six schools to 4,120 pupils during 2024/25"), cell("Complete")],
    [cell("R4"), cell("Produce a night-time economy violence plan for Eskerby Central and Salter Street"),
     cell("Plan drafted; awaiting sign-off by the Licensing Committee, now due September 2025"),
     cell("In progress")],
    [cell("R5"), cell("Improve police recording of the domestic flag on serious violence offences"),
     cell("Audit in November 2024 found the flag missing in 4% of cases, down from 19%"), cell("Complete")],
    [cell("R6"), cell("Map youth provision in the three highest-rate wards"),
     cell("Not started because of staff vacancies; carried forward as N3"), cell("Not started")],
]
story.append(ruled(t4, [12 * mm, 62 * mm, 76 * mm, 24 * mm], header_rows=1))

story.append(p("7. Recommendations for 2025/26", H2))
story.append(p("Table 5: New recommendations, leads and target dates", CAP))
t5 = [
    [hcell("Ref"), hcell("Recommendation"), hcell("Lead"), hcell("By")],
    [cell("N1"), cell("Focus place-based problem solving on Eskerby Central, Eskerby Riverside and Salter Street, "
                      "the three wards with the highest rates"),
     cell("Superintendent Oona Kilbride, Carnshire Police"), cell("March 2026")],
    [cell("N2"), cell("Extend the emergency department navigator pilot at Eskerby General Hospital to cover "
                      "Friday and Saturday nights"),
     cell("Dr Farida Lockhart, Consultant in Public Health, Carnshire County Council"), cell("December 2025")],
    [cell("N3"), cell("Map youth provision in the three highest-rate wards and close the gaps found"),
     cell("Thaddeus Varley, Head of Eskerby Youth Justice Service"), cell("January 2026")],
    [cell("N4"), cell("Add a domestic abuse specialist to the Serious Violence Working Group"),
     cell("Rosamund Gorringe, Serious Violence Coordinator"), cell("October 2025")],
    [cell("N5"), cell("Refresh this assessment with data to 30 September 2025"),
     cell("Ezekiel Marwood, Senior Partnership Analyst"), cell("31 January 2026")],
]
story.append(ruled(t5, [12 * mm, 82 * mm, 58 * mm, 22 * mm], header_rows=1))

story.append(p("8. What happens next", H2))
story.append(p("8.1 The Serious Violence Strategy 2025-2028, based on this assessment, will be presented to "
               "the Safer Eskerby Partnership Board on 16 September 2025."))
story.append(p("8.2 Carnshire University has been commissioned to evaluate the emergency department navigator "
               "pilot. Its report is expected in March 2026; until then the partnership has no evidence of "
               "whether the pilot reduces repeat attendances."))
story.append(p("8.3 A youth voice survey of about 300 young people in the highest-rate wards is planned for "
               "autumn 2025. Its results will inform the January 2026 refresh."))

story.append(p("9. Governance", H2))
story.append(p("9.1 The duty is overseen by the Safer Eskerby Partnership Board, which delegates the detail to "
               "the Serious Violence Working Group. The working group meets every six weeks and reports to "
               "each Board meeting."))
story.append(p("Chair of the Safer Eskerby Partnership Board:", SMALLB))
story.append(p("Councillor Bartholomew Stanier, Eskerby District Council"))
story.append(p("Serious Violence Duty lead and chair of the Serious Violence Working Group:", SMALLB))
story.append(p("Superintendent Oona Kilbride, Carnshire Police"))
story.append(p("Contact: Rosamund Gorringe, Serious Violence Coordinator, Eskerby District Council "
               "(safer.eskerby@eskerby.gov.example)"))

doc = SimpleDocTemplate(str(OUT), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                        topMargin=16 * mm, bottomMargin=18 * mm, invariant=1,
                        title="Safer Eskerby Partnership - Serious Violence SNA 2025 summary",
                        author="Safer Eskerby Partnership")
doc.build(story, onFirstPage=footer, onLaterPages=footer)
print(OUT)
