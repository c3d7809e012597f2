"""Build corriemoor-domestic-abuse-annual-update-2024-25.pdf (deterministic).

Run: .venv/bin/python tests/data/holdout7/docs/make_pdf.py
"""
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

OUT = Path(__file__).with_name("corriemoor-domestic-abuse-annual-update-2024-25.pdf")

ss = getSampleStyleSheet()
H1 = ParagraphStyle("H1", parent=ss["Heading1"], fontSize=15, spaceAfter=6)
H2 = ParagraphStyle("H2", parent=ss["Heading2"], fontSize=11.5, spaceBefore=8, spaceAfter=4)
B = ParagraphStyle("B", parent=ss["BodyText"], fontSize=9.5, leading=12.5, spaceAfter=4)
C = ParagraphStyle("C", parent=ss["BodyText"], fontSize=8, leading=10)
CB = ParagraphStyle("CB", parent=C, fontName="Helvetica-Bold")

GRID = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), 8)]


def p(text, style=B):
    return Paragraph(text, style)


def cells(rows, style=C):
    return [[Paragraph(str(c), style) if isinstance(c, str) else c for c in r] for r in rows]


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(18 * mm, 10 * mm,
                      "Safer Corriemoor Partnership Board - 17 July 2025 - Item 6 - Domestic Abuse Annual Update 2024/25")
    canvas.drawRightString(192 * mm, 10 * mm, "Page %d" % doc.page)
    canvas.restoreState()


story = []
story.append(p("Safer Corriemoor Partnership", H1))
story.append(p("<b>Domestic Abuse Annual Update 2024/25</b>", B))
story.append(Spacer(1, 4))

cover = [
    ["Report to", "Safer Corriemoor Partnership Board"],
    ["Date of meeting", "17 July 2025"],
    ["Agenda item", "6"],
    ["Report of", "Domestic Abuse Local Partnership Board (DALPB)"],
    ["Lead officer", "Harriet Quenby, Domestic Abuse and VAWG Coordinator, Corriemoor District Council"],
    ["Period covered", "1 April 2024 to 31 March 2025"],
    ["Status", "For decision (recommendations a to d)"],
]
t = Table(cells(cover), colWidths=[38 * mm, 132 * mm])
t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#E6E6E6"))]))
story.append(t)

story.append(p("1. Purpose", H2))
story.append(p("1.1 This report gives the Board the annual picture of domestic abuse in Corriemoor for "
               "2024/25, progress on the Corriemoor Domestic Abuse Strategy 2023-2026 delivery plan, the "
               "position on safe accommodation under Part 4 of the Domestic Abuse Act 2021, and the "
               "Domestic Homicide Reviews (DHRs) the Partnership holds."))

story.append(p("2. Recommendations", H2))
story.append(p("2.1 The Board is asked to:"))
story.append(p("(a) note the domestic abuse figures for 2024/25 in Table 1;"))
story.append(p("(b) approve the carry forward of £18,400 of unspent Part 4 grant into 2025/26 for the "
               "Mardlow dispersed accommodation units;"))
story.append(p("(c) agree that the Partnership commissions a second perpetrator programme cohort in "
               "Thornhallow from October 2025, subject to the evaluation described in section 6; and"))
story.append(p("(d) endorse the revised MARAC referral pathway for GP practices."))

story.append(p("3. Headlines", H2))
story.append(p("3.1 Farrowshire Police recorded 2,964 domestic abuse-related crimes in Corriemoor in "
               "2024/25, up from 2,781 in 2023/24. Reporting has now risen for three years in a row, which "
               "the DALPB reads as growing confidence rather than more abuse, because the share of cases "
               "graded high risk has fallen."))
story.append(p("3.2 The Corriemoor Domestic Abuse Helpline, run by Harbour Lantern Domestic Abuse "
               "Service, answered 2,318 calls during the year, and 41% of callers had never contacted any "
               "service before."))
story.append(p("3.3 The arrest rate for domestic abuse-related crimes improved to 38.5%, the best "
               "figure since the Partnership began reporting it, but the proportion of crimes with a "
               "charge or summons remained low."))

story.append(p("Table 1: Domestic abuse in Corriemoor, 2023/24 and 2024/25", H2))
t1 = [
    ["Measure", "2023/24", "", "2024/25", "", "Change in number"],
    ["", "Number", "Rate per 1,000", "Number", "Rate per 1,000", ""],
    ["Domestic abuse-related incidents", "5,102", "35.2", "5,377", "37.0", "+5.4%"],
    ["Domestic abuse-related crimes", "2,781", "19.2", "2,964", "20.4", "+6.6%"],
    ["Domestic abuse-related violence with injury", "612", "4.2", "587", "4.0", "-4.1%"],
    ["Stalking and harassment (domestic)", "498", "3.4", "566", "3.9", "+13.7%"],
    ["Controlling or coercive behaviour", "231", "1.6", "274", "1.9", "+18.6%"],
    ["Breaches of protective orders", "144", "1.0", "129", "0.9", "-10.4%"],
    ["Domestic Abuse Protection Notices issued", "18", "0.1", "46", "0.3", "+155.6%"],
]
t = Table(cells(t1), colWidths=[62 * mm, 20 * mm, 24 * mm, 20 * mm, 24 * mm, 22 * mm])
t.setStyle(TableStyle(GRID + [
    ("SPAN", (1, 0), (2, 0)), ("SPAN", (3, 0), (4, 0)),
    ("SPAN", (0, 0), (0, 1)), ("SPAN", (5, 0), (5, 1)),
    ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#D9E2F3")),
]))
story.append(t)
story.append(p("Rates use the mid-2023 population estimate for Corriemoor district of 145,300.", C))

story.append(p("4. MARAC", H2))
story.append(p("4.1 The Corriemoor Multi-Agency Risk Assessment Conference (MARAC) meets every two weeks "
               "and is chaired by Detective Chief Inspector Rohan Castellane of Farrowshire Police. Table 2 "
               "shows cases heard and the repeat rate by quarter. The repeat rate for the year was 31%, "
               "inside the 28% to 40% range that the DALPB regards as healthy."))
story.append(p("Table 2: MARAC cases heard and repeat cases by quarter", CB))
t2 = [
    ["Quarter", "Cases heard", "", "Repeat cases (%)", ""],
    ["", "2023/24", "2024/25", "2023/24", "2024/25"],
    ["Q1 (Apr-Jun)", "88", "97", "27%", "30%"],
    ["Q2 (Jul-Sep)", "94", "101", "29%", "33%"],
    ["Q3 (Oct-Dec)", "102", "93", "26%", "29%"],
    ["Q4 (Jan-Mar)", "91", "106", "30%", "32%"],
    ["Year", "375", "397", "28%", "31%"],
]
t = Table(cells(t2), colWidths=[40 * mm, 25 * mm, 25 * mm, 28 * mm, 28 * mm])
t.setStyle(TableStyle(GRID + [
    ("SPAN", (1, 0), (2, 0)), ("SPAN", (3, 0), (4, 0)), ("SPAN", (0, 0), (0, 1)),
    ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#D9E2F3")),
]))
story.append(t)
story.append(p("4.2 GP practices made only 9 of the 397 referrals. The revised pathway at recommendation "
               "(d) gives each of the district's 14 practices a named MARAC contact."))

story.append(p("5. Delivery plan: Corriemoor Domestic Abuse Strategy 2023-2026", H2))
story.append(p("5.1 Table 3 gives the position on every action in the year 2 delivery plan at 31 March "
               "2025. RAG: G = complete or on track, A = some slippage, R = off track."))
story.append(p("Table 3: Year 2 delivery plan, position at 31 March 2025", CB))
t3 = [
    ["Ref", "Action", "Lead", "", "Due", "RAG"],
    ["", "", "Organisation", "Officer", "", ""],
    ["DA1", "Run four awareness campaigns a year, including 16 Days of Action", "Corriemoor DC", "H. Quenby", "Mar 2025", "G"],
    ["DA2", "Train 300 front-line staff in DASH risk assessment", "Harbour Lantern", "P. Nkemelu", "Mar 2025", "G"],
    ["DA3", "Recruit two additional IDVAs for Thornhallow and Oxwold", "Harbour Lantern", "P. Nkemelu", "Jun 2024", "G"],
    ["DA4", "Launch the GP MARAC referral pathway", "Farrowshire ICB", "Dr S. Wenlock", "Dec 2024", "R"],
    ["DA5", "Open eight dispersed safe accommodation units in Mardlow", "Corriemoor DC Housing", "L. Marrick", "Jan 2025", "A"],
    ["DA6", "Add a domestic abuse question to housing triage", "Corriemoor DC Housing", "L. Marrick", "Sep 2024", "G"],
    ["DA7", "Deliver the Safe Steps perpetrator programme (first cohort of 24 men)", "Farrowshire OPCC", "N. Ottaway", "Mar 2025", "G"],
    ["DA8", "Review MARAC operating protocol", "Farrowshire Police", "DCI R. Castellane", "Jul 2024", "G"],
    ["DA9", "Publish DHR Corriemoor 2022/01 and deliver its action plan", "Corriemoor DC", "M. Treadgold", "Oct 2024", "G"],
    ["DA10", "Children and young people's counselling offer for Oxwold schools", "Corriemoor Schools Partnership", "J. Sallis", "Sep 2024", "A"],
    ["DA11", "Older victims outreach with Age Concern Corriemoor", "Harbour Lantern", "P. Nkemelu", "Dec 2024", "A"],
    ["DA12", "Workplace domestic abuse policy for all Partnership members", "Corriemoor DC HR", "K. Fallowfield", "Mar 2025", "R"],
    ["DA13", "Economic abuse advice sessions with Citizens Advice", "Citizens Advice Corriemoor", "T. Dunlow", "Jan 2025", "G"],
    ["DA14", "Stalking advocacy post (12-month pilot)", "Farrowshire OPCC", "N. Ottaway", "Apr 2024", "G"],
    ["DA15", "Survivor engagement panel to meet quarterly", "Harbour Lantern", "P. Nkemelu", "Jun 2024", "G"],
    ["DA16", "Map specialist provision for LGBT+ victims", "Corriemoor DC", "H. Quenby", "Nov 2024", "A"],
    ["DA17", "Night-time economy Ask for Angela refresher for licensed premises", "Corriemoor DC Licensing", "B. Coldwell", "Dec 2024", "G"],
    ["DA18", "Domestic Abuse Protection Notice briefing for response officers", "Farrowshire Police", "DCI R. Castellane", "Nov 2024", "G"],
    ["DA19", "Translate helpline materials into five community languages", "Harbour Lantern", "P. Nkemelu", "Oct 2024", "G"],
    ["DA20", "Commission an independent evaluation of Safe Steps", "Farrowshire OPCC", "N. Ottaway", "Mar 2025", "A"],
    ["DA21", "Annual Part 4 safe accommodation return to MHCLG", "Corriemoor DC Housing", "L. Marrick", "May 2025", "G"],
    ["DA22", "Refresh the domestic abuse needs assessment", "Corriemoor DC", "H. Quenby", "Mar 2026", "G"],
]
t = Table(cells(t3), colWidths=[12 * mm, 66 * mm, 34 * mm, 28 * mm, 17 * mm, 11 * mm], repeatRows=2)
t.setStyle(TableStyle(GRID + [
    ("SPAN", (2, 0), (3, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
    ("SPAN", (4, 0), (4, 1)), ("SPAN", (5, 0), (5, 1)),
    ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#D9E2F3")),
]))
story.append(t)
story.append(p("5.2 Of the 22 actions, 15 are green, 5 amber and 2 red. DA4 is red because the ICB's "
               "information governance sign-off was not given until May 2025; the pathway will now go live "
               "on 1 September 2025. DA12 is red because only four of the nine Partnership members have "
               "adopted a workplace policy."))

story.append(p("6. Perpetrator programme", H2))
story.append(p("6.1 The first Safe Steps cohort started in Oxwold in June 2024; 24 men were referred, 19 "
               "started and 14 completed all 26 sessions. An independent evaluation by the University of "
               "Farrowshire's Centre for Safer Families has been commissioned; its fieldwork runs to "
               "September 2025 and its findings are expected in December 2025. Whether the programme reduces "
               "re-offending will not be known until the evaluation reports."))

story.append(p("7. Safe accommodation (Part 4)", H2))
story.append(p("Table 4: Safe accommodation provision and Part 4 grant, 2024/25", CB))
t4 = [
    ["Provision", "Units", "Households supported 2024/25", "Part 4 grant 2024/25"],
    ["Corriemoor refuge (Harbour Lantern)", "12", "41", "£212,000"],
    ["Mardlow dispersed units", "5 of 8 open", "9", "£64,500"],
    ["Sanctuary scheme (target hardening)", "n/a", "73", "£38,200"],
    ["Total", "", "123", "£314,700"],
]
t = Table(cells(t4), colWidths=[62 * mm, 26 * mm, 44 * mm, 38 * mm])
t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3"))]))
story.append(t)
story.append(p("7.1 Three of the eight Mardlow units were not ready by January 2025 because of delays in "
               "refurbishment. £18,400 of the 2024/25 grant is unspent and recommendation (b) asks to carry "
               "it forward so the remaining units can open by November 2025."))

story.append(p("8. Domestic Homicide Reviews", H2))
story.append(p("8.1 DHR Corriemoor 2022/01 ('Rosalie') was published in October 2024 after Home Office "
               "quality assurance; 11 of its 13 actions are complete. DHR Corriemoor 2024/01 was opened in "
               "August 2024 and is being led by independent chair Gwen Tallentire; the final report is due to "
               "the Board in January 2026. No new DHR notifications were received in the second half of the "
               "year."))

story.append(p("9. Next steps", H2))
story.append(p("9.1 The DALPB next meets on 4 September 2025. A survivor survey on experiences of the "
               "MARAC process will run from August to October 2025, and its results will be reported to the "
               "Board in the 2025/26 update. The next meeting of the Safer Corriemoor Partnership Board is on "
               "16 October 2025."))

story.append(Spacer(1, 10))
story.append(KeepTogether([
    p("Report author:"),
    p("Harriet Quenby"),
    p("Domestic Abuse and VAWG Coordinator, Corriemoor District Council"),
    Spacer(1, 4),
    p("Chair, Domestic Abuse Local Partnership Board:"),
    p("Marisol Treadgold"),
    p("Head of Community Safety, Corriemoor District Council"),
]))

doc = SimpleDocTemplate(str(OUT), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                        topMargin=16 * mm, bottomMargin=18 * mm,
                        title="Safer Corriemoor Partnership - Domestic Abuse Annual Update 2024/25",
                        author="Corriemoor District Council", invariant=1)
doc.build(story, onFirstPage=footer, onLaterPages=footer)
print("wrote", OUT)
