"""Build farlowe-csp-performance-dashboard-q2-2025-26.pdf (a fictional landscape
quarterly performance dashboard) with reportlab.

Run from anywhere:  .venv/bin/python tests/data/holdout8/docs/make_pdf.py
The build is deterministic (invariant=1), so re-running gives the same bytes.
"""
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

OUT = Path(__file__).with_name("farlowe-csp-performance-dashboard-q2-2025-26.pdf")

ss = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=ss["Normal"], fontName="Helvetica", fontSize=8.5, leading=11)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=7.2, leading=8.6)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=18)
H2 = ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5, leading=13,
                    spaceBefore=6, spaceAfter=3)

RAG_COL = {"Green": colors.HexColor("#8fd19e"), "Amber": colors.HexColor("#ffd27f"),
           "Red": colors.HexColor("#f28b82"), "Monitor": colors.HexColor("#d9d9d9")}


def header_footer(canvas, doc):
    canvas.saveState()
    w, h = landscape(A4)
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(15 * mm, h - 10 * mm,
                      "Safer Farlowe Partnership - Quarterly Performance Dashboard - Quarter 2 2025/26")
    canvas.drawRightString(w - 15 * mm, h - 10 * mm, "OFFICIAL")
    canvas.drawString(15 * mm, 8 * mm,
                      "Partnership Board, 13 November 2025 - Item 5")
    canvas.drawRightString(w - 15 * mm, 8 * mm, "Page %d of 3" % doc.page)
    canvas.restoreState()


def P(text, style=CELL):
    return Paragraph(text, style)


story = []
story.append(P("SAFER FARLOWE PARTNERSHIP", H1))
story.append(P("Quarterly Performance Dashboard: Quarter 2 2025/26 (1 April to 30 September 2025)",
               ParagraphStyle("sub", parent=H2, fontSize=11.5)))

cover = [
    ["Report to", "Safer Farlowe Partnership Board, 13 November 2025, Item 5"],
    ["Partners", "Farlowe Borough Council, Ketterstone Police, Ketterstone Fire and Rescue Service, "
                 "Farlowe and Vale Integrated Care Board, Probation Service (Farlowe delivery unit)"],
    ["Prepared by", "Community Safety Analyst, Farlowe Borough Council (published 30 October 2025)"],
    ["Data", "Ketterstone Police crime and incident data extracted 10 October 2025; council ASB cases "
             "from Casebook; fire data from Ketterstone Fire and Rescue Service"],
    ["Key", "RAG compares the year to date with the target profiled for the season (the quarterly profile agreed by the Board in April 2025). Green: on or "
            "better than target. Amber: up to 5% worse than target. Red: more than 5% worse than "
            "target. Monitor: no target is set; the partnership watches the trend. Direction of "
            "travel compares the year to date with the same period of 2024/25."],
]
t = Table([[P(a, CELLB), P(b)] for a, b in cover], colWidths=[32 * mm, 230 * mm])
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                       ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8eef7")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
story.append(t)
story.append(Spacer(1, 5))
story.append(P("Table 1: Partnership scorecard, year to date April to September 2025", H2))

# ref, measure, baseline, q1, q2, q3, q4, ytd24, ytd25, change, target, direction, rag, lead
groups = [
    ("Priority 1: Violence, abuse and exploitation", [
        ("F1", "All recorded crime", "9,412", "2,318", "2,401", "-", "-", "4,866", "4,719", "-3.0%", "9,200", "Better", "Green", "Ketterstone Police"),
        ("F2", "Violence with injury", "1,204", "318", "297", "-", "-", "601", "615", "+2.3%", "1,150", "Worse", "Amber", "Ketterstone Police"),
        ("F3", "Serious violence in a public place, victims under 25", "138", "41", "33", "-", "-", "66", "74", "+12.1%", "125", "Worse", "Red", "Ketterstone Police"),
        ("F4", "Knife-enabled crime", "57", "12", "11", "-", "-", "31", "23", "-25.8%", "52", "Better", "Green", "Ketterstone Police"),
        ("F5", "Domestic abuse incidents and crimes", "2,236", "561", "590", "-", "-", "1,097", "1,151", "+4.9%", "No target", "n/a", "Monitor", "Domestic Abuse Group"),
        ("F6", "Repeat referrals to MARAC (%)", "31%", "29%", "34%", "-", "-", "33%", "32%", "-1 pt", "28%", "Better", "Red", "Domestic Abuse Group"),
        ("F7", "Young people referred to the Exploitation Hub", "64", "19", "22", "-", "-", "30", "41", "+36.7%", "No target", "n/a", "Monitor", "Farlowe Borough Council"),
    ]),
    ("Priority 2: Neighbourhood crime and anti-social behaviour", [
        ("F8", "Residential burglary", "512", "108", "121", "-", "-", "262", "229", "-12.6%", "490", "Better", "Green", "Ketterstone Police"),
        ("F9", "Theft of motor vehicles", "288", "81", "76", "-", "-", "139", "157", "+12.9%", "275", "Worse", "Red", "Ketterstone Police"),
        ("F10", "Theft from motor vehicles", "604", "140", "151", "-", "-", "318", "291", "-8.5%", "580", "Better", "Green", "Ketterstone Police"),
        ("F11", "Shoplifting", "1,377", "402", "433", "-", "-", "671", "835", "+24.4%", "1,300", "Worse", "Red", "Business Crime Group"),
        ("F12", "Police-recorded ASB incidents", "3,905", "1,012", "1,088", "-", "-", "2,197", "2,100", "-4.4%", "3,800", "Better", "Green", "Ketterstone Police"),
        ("F13", "ASB cases opened by the council", "742", "169", "201", "-", "-", "371", "370", "-0.3%", "No target", "Same", "Monitor", "Farlowe Borough Council"),
        ("F14", "Deliberate secondary fires", "166", "58", "37", "-", "-", "104", "95", "-8.7%", "150", "Better", "Green", "Ketterstone Fire and Rescue"),
        ("F15", "Criminal damage and arson", "1,018", "247", "262", "-", "-", "511", "509", "-0.4%", "990", "Same", "Amber", "Ketterstone Police"),
    ]),
    ("Priority 3: A safe town centre and night-time economy", [
        ("F16", "Night-time economy violence, town centre (Friday and Saturday, 8pm to 4am)", "214", "49", "58", "-", "-", "101", "107", "+5.9%", "200", "Worse", "Amber", "Night-Time Economy Group"),
        ("F17", "Reports of drink spiking", "23", "4", "9", "-", "-", "11", "13", "+18.2%", "No target", "n/a", "Monitor", "Night-Time Economy Group"),
        ("F18", "Business crime reports made through Retail Link radio", "486", "133", "149", "-", "-", "228", "282", "+23.7%", "No target", "n/a", "Monitor", "Business Crime Group"),
    ]),
    ("Priority 4: Reducing reoffending and substance misuse", [
        ("F19", "Adults starting structured drug treatment", "318", "84", "92", "-", "-", "151", "176", "+16.6%", "330", "Better", "Green", "Turnstone Recovery"),
        ("F20", "Reoffending rate of the Integrated Offender Management cohort (%)", "38%", "35%", "33%", "-", "-", "39%", "34%", "-5 pts", "36%", "Better", "Green", "Probation Service"),
        ("F21", "Drug possession offences (proactive policing)", "402", "119", "97", "-", "-", "188", "216", "+14.9%", "No target", "n/a", "Monitor", "Ketterstone Police"),
    ]),
    ("Priority 5: Confidence, cohesion and hate", [
        ("F22", "Hate crimes recorded", "311", "72", "88", "-", "-", "149", "160", "+7.4%", "No target", "n/a", "Monitor", "Cohesion Group"),
        ("F23", "Residents' Panel: feel safe outside after dark (%)", "58%", "no survey", "61%", "-", "-", "57%", "61%", "+4 pts", "60%", "Better", "Green", "Farlowe Borough Council"),
        ("F24", "ASB Case Review (Community Trigger) applications", "9", "3", "1", "-", "-", "5", "4", "-20.0%", "No target", "n/a", "Monitor", "Farlowe Borough Council"),
    ]),
]

hdr1 = ["Ref", "Measure", "Baseline", "2025/26 by quarter", "", "", "", "Year to date (April to September)", "", "",
        "Target", "Direction", "RAG", "Lead"]
hdr2 = ["", "", "2024/25 full year", "Q1 Apr-Jun", "Q2 Jul-Sep", "Q3 Oct-Dec", "Q4 Jan-Mar", "2024/25", "2025/26",
        "Change", "2025/26", "of travel", "", ""]
rows = [[P(c, CELLB) for c in hdr1], [P(c, CELLB) for c in hdr2]]
style = [
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#1f3b63")),
    ("TEXTCOLOR", (0, 0), (-1, 1), colors.white),
    ("SPAN", (3, 0), (6, 0)), ("SPAN", (7, 0), (9, 0)),
    ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (12, 0), (12, 1)), ("SPAN", (13, 0), (13, 1)),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
]
WHITE = ParagraphStyle("w", parent=CELLB, textColor=colors.white)
rows = [[P(c, WHITE) for c in hdr1], [P(c, WHITE) for c in hdr2]]
for title, items in groups:
    r = len(rows)
    rows.append([P(title, CELLB)] + [""] * 13)
    style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#e8eef7"))]
    for it in items:
        r = len(rows)
        rows.append([P(c) for c in it])
        style.append(("BACKGROUND", (12, r), (12, r), RAG_COL[it[12]]))
widths = [10, 62, 17, 15, 15, 15, 15, 16, 16, 15, 17, 16, 15, 33]
t = Table(rows, colWidths=[w * mm for w in widths], repeatRows=2)
t.setStyle(TableStyle(style))
story.append(t)
story.append(Spacer(1, 6))

story.append(P("Table 2: Exception report for the red measures", H2))
exc_hdr = ["Ref", "Measure", "Why it is red", "What we are doing", "Lead officer", "Review by"]
exc = [
    ("F3", "Serious violence in a public place, victims under 25",
     "74 offences against a profiled target of 62. Two linked groups of young men in Redbank and Saltmere; "
     "nine of the offences followed one weekend of disorder in August.",
     "Operation Lockgate patrols on Friday and Saturday evenings; focused deterrence sessions for 14 named "
     "young people; every case reviewed at the Exploitation Hub.",
     "Inspector Amara Lindfield, Ketterstone Police", "31 January 2026"),
    ("F6", "Repeat referrals to MARAC (%)",
     "The repeat rate rose to 34% in Quarter 2 against a target of 28%.",
     "MARAC coordinator to audit all repeat cases from Quarter 2; second IDVA post funded from January 2026.",
     "Chair of the Domestic Abuse Group", "31 December 2025"),
    ("F9", "Theft of motor vehicles",
     "157 thefts against a profiled target of 137. Keyless theft of high-value SUVs in Gorsemoor and Highcross.",
     "1,500 signal-blocking pouches given out; ANPR operation on the A614 corridor; problem profile to the Board.",
     "Inspector Amara Lindfield, Ketterstone Police", "31 January 2026"),
    ("F11", "Shoplifting",
     "835 offences against a profiled target of 650, the largest rise on the scorecard.",
     "Retail Link radio extended to Highcross Retail Park; new Business Crime Officer started 1 September 2025.",
     "Business Crime Manager, Farlowe Borough Council", "31 December 2025"),
]
er = [[P(c, WHITE) for c in exc_hdr]] + [[P(c) for c in row] for row in exc]
t = Table(er, colWidths=[w * mm for w in [10, 42, 70, 80, 38, 24]], repeatRows=1)
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3b63")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
story.append(t)
story.append(PageBreak())

story.append(P("Chart data", H2))
story.append(P("Figure 1 (chart): shoplifting offences by month, 2025/26. The chart is not reproduced; its data are:", BODY))
f1 = [["Month", "April", "May", "June", "July", "August", "September", "Total"],
      ["Shoplifting offences", "131", "128", "143", "139", "152", "142", "835"]]
t = Table([[P(c, CELLB if i == 0 else CELL) for c in r] for i, r in enumerate(f1)],
          colWidths=[38 * mm] + [20 * mm] * 7)
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7"))]))
story.append(t)
story.append(Spacer(1, 5))
story.append(P("Figure 2 (chart): all recorded crime by ward, year to date April to September 2025:", BODY))
f2 = [["Ward", "Farlowe Central", "Highcross", "Gorsemoor", "Redbank", "Saltmere", "Tannery Lane", "Quarrybank", "Total"],
      ["Crimes", "1,402", "688", "611", "574", "529", "497", "418", "4,719"]]
t = Table([[P(c, CELLB if i == 0 else CELL) for c in r] for i, r in enumerate(f2)],
          colWidths=[38 * mm] + [20 * mm] * 8)
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7"))]))
story.append(t)

story.append(P("Commentary", H2))
for para in [
    "1. All recorded crime is 3.0% lower than at the same point last year and on track for the 2025/26 "
    "target. Farlowe Central ward accounts for 30% of all crime, most of it in the town centre.",
    "2. Shoplifting is the main pressure. Of the 835 offences recorded so far this year, 212 were at "
    "Highcross Retail Park. Ketterstone Police made 37 arrests for shoplifting in Quarter 2, and the "
    "Business Crime Group has made 11 applications for Criminal Behaviour Orders against prolific offenders.",
    "3. The Night Hosts pilot, in which trained volunteers offer help to people in the town centre at night, "
    "ran on 22 Friday and Saturday nights in Quarter 2 and helped 146 people, 31 of whom were taken to the "
    "safe space at St Aldhelm's Hall.",
    "4. Residential burglary is down 12.6% and knife-enabled crime is down 25.8%. The Quarter 2 Residents' "
    "Panel survey had 1,184 responses; 61% of residents said they felt safe outside after dark.",
]:
    story.append(P(para, BODY))
    story.append(Spacer(1, 2))

story.append(P("Table 3: Actions from the Board meeting of 11 September 2025", H2))
act_hdr = ["Ref", "Action", "Owner", "Due", "Status"]
acts = [
    ("A25/07", "Add a drink spiking measure to the dashboard", "Community Safety Analyst", "October 2025", "Complete: measure F17 added"),
    ("A25/08", "Present a problem profile on keyless vehicle theft", "Ketterstone Police", "12 February 2026", "In progress"),
    ("A25/09", "Confirm whether the Night Hosts pilot is funded beyond December 2025", "Community Safety Manager",
     "9 December 2025", "Open: decision due at the council's Cabinet on 9 December 2025"),
    ("A25/10", "Share the Exploitation Hub referral pathway with schools", "Farlowe Borough Council", "November 2025", "Complete"),
]
ar = [[P(c, WHITE) for c in act_hdr]] + [[P(c) for c in row] for row in acts]
t = Table(ar, colWidths=[w * mm for w in [18, 95, 45, 32, 74]])
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3b63")),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
story.append(t)

story.append(P("What happens next", H2))
for para in [
    "The Residents' Panel autumn survey runs from 3 to 24 November 2025; its results will be reported to the "
    "Board on 12 February 2026.",
    "Ketterstone University's Centre for Community Research is evaluating the Night Hosts pilot; its report "
    "is due in March 2026.",
    "The Quarter 3 dashboard (October to December 2025) will go to the next Board meeting on 12 February 2026 "
    "at 2pm in Committee Room 2, Farlowe Civic Centre.",
]:
    story.append(P(para, BODY))
story.append(P("The Board is asked to", H2))
for para in [
    "(a) note performance for Quarter 2 2025/26;",
    "(b) note the four red measures and the actions in Table 2;",
    "(c) agree that theft of motor vehicles becomes a standing item at Joint Tasking until it returns to amber.",
]:
    story.append(P(para, BODY))
story.append(Spacer(1, 6))
sig = [
    [P("Prepared by:", CELLB), P("Approved for circulation by:", CELLB), P("Chair of the Board:", CELLB)],
    [P("Dana Fairhurst", BODY), P("Corinne Keever", BODY), P("Councillor Jocasta Rammell", BODY)],
    [P("Community Safety Analyst, Farlowe Borough Council", CELL),
     P("Community Safety Manager, Farlowe Borough Council", CELL),
     P("Chair, Safer Farlowe Partnership Board", CELL)],
]
t = Table(sig, colWidths=[88 * mm] * 3)
story.append(t)
story.append(Spacer(1, 3))
story.append(P("Vice-chair of the Board: Chief Inspector Marek Wieczorek, Ketterstone Police", CELL))

doc = SimpleDocTemplate(str(OUT), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                        topMargin=15 * mm, bottomMargin=14 * mm, invariant=1,
                        title="Safer Farlowe Partnership - Quarterly Performance Dashboard Q2 2025/26",
                        author="Farlowe Borough Council")
doc.build(story, onFirstPage=header_footer, onLaterPages=header_footer)
print("wrote", OUT)
