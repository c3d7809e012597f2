"""Build brackenmoor-csp-quarterly-performance-report-q3-2024-25.pdf (deterministic).

Run:  .venv/bin/python tests/data/holdout5/docs/make_pdf.py
A fictional partnership's quarterly performance report: a ruled cover table, a
scorecard with a two-row header, RAG ratings and trend arrows that runs onto a
second page with its header repeated, an exception report, a ward ranking, a
fund table and a table of actions from the last Board.
"""
import os

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "brackenmoor-csp-quarterly-performance-report-q3-2024-25.pdf")

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
pdfmetrics.registerFont(TTFont("DV", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DVB", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))

BODY = ParagraphStyle("body", fontName="DV", fontSize=9, leading=12, spaceAfter=5, alignment=TA_LEFT)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5, spaceAfter=0)
SMALLB = ParagraphStyle("smallb", parent=SMALL, fontName="DVB")
H1 = ParagraphStyle("h1", parent=BODY, fontName="DVB", fontSize=16, leading=20, spaceAfter=4)
H2 = ParagraphStyle("h2", parent=BODY, fontName="DVB", fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=5,
                    textColor=colors.HexColor("#1f4e5f"))
CAP = ParagraphStyle("cap", parent=BODY, fontName="DVB", fontSize=9, spaceBefore=4, spaceAfter=4)

RAG_COLOURS = {
    "Green": colors.HexColor("#9fd49a"),
    "Amber": colors.HexColor("#f7cf7a"),
    "Red": colors.HexColor("#ee8f86"),
    "Monitor": colors.HexColor("#d9d9d9"),
}
HEAD_BG = colors.HexColor("#1f4e5f")
GROUP_BG = colors.HexColor("#dbe8ec")


def p(text, style=SMALL):
    return Paragraph(text, style)


def ruled(data, widths, header_rows=1, extra=()):
    t = Table(data, colWidths=widths, repeatRows=header_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), "DV"),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), "DVB"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    style.extend(extra)
    t.setStyle(TableStyle(style))
    return t


def on_page(canvas, doc):
    canvas.saveState()
    canvas.setFont("DV", 7.5)
    canvas.drawString(18 * mm, 287 * mm, "Safer Brackenmoor Partnership - Quarterly Performance Report, Quarter 3 2024/25")
    canvas.drawRightString(192 * mm, 10 * mm, "Page %d" % doc.page)
    canvas.drawString(18 * mm, 10 * mm, "OFFICIAL - provisional data")
    canvas.restoreState()


story = []
story.append(p("Safer Brackenmoor Partnership", H1))
story.append(p("Quarterly Performance Report: Quarter 3, 2024/25", H2))
story.append(p("Cumulative data for 1 April to 31 December 2024, compared with the same period of 2023/24.", BODY))

cover = [
    [p("Meeting", SMALLB), p("Safer Brackenmoor Partnership Board")],
    [p("Date of meeting", SMALLB), p("Thursday 6 February 2025")],
    [p("Agenda item", SMALLB), p("5")],
    [p("Report of", SMALLB), p("Community Safety Team, Brackenmoor District Council, on behalf of the Partnership")],
    [p("Author", SMALLB), p("Meera Holloway, Senior Community Safety Analyst")],
    [p("Board Chair", SMALLB), p("Councillor Edwin Marchbank, Portfolio Holder for Communities, Brackenmoor District Council")],
    [p("Data sources", SMALLB), p("Carrowshire Police (crime and ASB); Carrowshire Fire and Rescue Service (deliberate fires); "
                                 "Brackenmoor District Council (fly-tipping, ASB Case Reviews); Brackenmoor Residents' Survey, October 2024")],
    [p("Status", SMALLB), p("Public. Figures are provisional and may change when the year-end data is validated.")],
]
story.append(ruled(cover, [38 * mm, 136 * mm], header_rows=0,
                   extra=[("BACKGROUND", (0, 0), (0, -1), GROUP_BG)]))
story.append(Spacer(1, 6))

story.append(p("1. Summary", H2))
story.append(p("1.1 All recorded crime in Brackenmoor fell by 4.0% in the first three quarters of 2024/25, from 11,874 to "
               "11,402 offences, which is better than the Partnership's target of a 3% reduction. Anti-social behaviour "
               "reported to police fell by 11.8%.", BODY))
story.append(p("1.2 The scorecard in Table 1 has 23 indicators across the five priorities of the Safer Brackenmoor "
               "Partnership Plan 2023-2026. Of these, 10 are rated green, 4 amber and 5 red, and 4 are monitored without "
               "a target. The five red indicators are repeat referrals to MARAC, knife and sharp instrument offences, "
               "fly-tipping, shoplifting and the share of residents who feel safe outside after dark. Each has an "
               "exception report in section 3.", BODY))
story.append(p("1.3 The Board is asked to:", BODY))
for line in [
    "(a) note performance to the end of Quarter 3;",
    "(b) agree that the Violence and Exploitation Delivery Group presents a knife crime deep-dive to the Board on 10 April 2025;",
    "(c) approve the transfer of £5,000 from the uncommitted Community Safety Fund balance to the fly-tipping deployable CCTV project;",
    "(d) agree that indicator 5.2 (feeling safe after dark) is reported twice a year, after each residents' survey, instead of quarterly.",
]:
    story.append(p(line, ParagraphStyle("li", parent=BODY, leftIndent=12, spaceAfter=2)))

story.append(p("2. Performance scorecard", H2))
story.append(p("Key to ratings. Green: on or better than target. Amber: missing the target by up to 5 percentage points. "
               "Red: missing the target by more than 5 percentage points. Monitor: no target is set and the trend is watched. "
               "Trend arrows compare with the same period last year: ↑ improving, ↓ worsening, → stable (change within 1%).", BODY))
story.append(p("Table 1: Safer Brackenmoor scorecard, April to December 2024", CAP))

H = lambda s: p(s, ParagraphStyle("th", parent=SMALLB, textColor=colors.white))
score = [
    [H("Ref"), H("Indicator"), H("Year to date (April to December)"), "", H("Change"), H("Target 2024/25"), H("RAG"), H("Trend")],
    ["", "", H("2023/24"), H("2024/25"), "", "", "", ""],
]
groups = {
    "1": "Priority 1: Violence and abuse (Violence and Exploitation Delivery Group)",
    "2": "Priority 2: Anti-social behaviour and neighbourhoods (ASB and Neighbourhoods Group)",
    "3": "Priority 3: Neighbourhood and acquisitive crime (Safer Neighbourhoods Tasking Group)",
    "4": "Priority 4: Exploitation and drugs (Violence and Exploitation Delivery Group)",
    "5": "Priority 5: Confidence and cohesion (Partnership Board)",
}
rows = [
    ("1.1", "All recorded crime", "11,874", "11,402", "-4.0%", "-3%", "Green", "↑"),
    ("1.2", "Violence with injury", "1,412", "1,338", "-5.2%", "Reduce", "Green", "↑"),
    ("1.3", "Domestic abuse crimes and incidents reported to police", "2,106", "2,231", "+5.9%", "Increase reporting", "Green", "↑"),
    ("1.4", "Repeat referrals to MARAC (% of all referrals)", "31%", "36%", "+5 pts", "30% or less", "Red", "↓"),
    ("1.5", "Night-time economy violence, Brackenmoor town centre (Fri-Sat, 21:00-05:00)", "268", "241", "-10.1%", "-5%", "Green", "↑"),
    ("1.6", "Knife and sharp instrument offences", "74", "88", "+18.9%", "Reduce", "Red", "↓"),
    ("1.7", "Rape and other sexual offences", "392", "377", "-3.8%", "No target", "Monitor", "↑"),
    ("2.1", "ASB incidents reported to police", "3,980", "3,512", "-11.8%", "-5%", "Green", "↑"),
    ("2.2", "Youth-related ASB incidents", "1,018", "902", "-11.4%", "-5%", "Green", "↑"),
    ("2.3", "Fly-tipping incidents", "1,204", "1,366", "+13.5%", "-3%", "Red", "↓"),
    ("2.4", "Deliberate secondary fires", "167", "171", "+2.4%", "Reduce", "Amber", "↓"),
    ("2.5", "ASB Case Review applications", "9", "14", "+5", "No target", "Monitor", "↓"),
    ("3.1", "Residential burglary", "512", "522", "+2.0%", "-2%", "Amber", "↓"),
    ("3.2", "Theft from a motor vehicle", "601", "548", "-8.8%", "-3%", "Green", "↑"),
    ("3.3", "Theft of a motor vehicle", "287", "291", "+1.4%", "-2%", "Amber", "↓"),
    ("3.4", "Shoplifting", "889", "1,147", "+29.0%", "-5%", "Red", "↓"),
    ("3.5", "Personal robbery", "63", "55", "-12.7%", "-5%", "Green", "↑"),
    ("4.1", "Drug trafficking offences (police-generated)", "96", "121", "+26.0%", "Increase", "Green", "↑"),
    ("4.2", "Cuckooing referrals to the Vulnerability Hub", "22", "31", "+9", "No target", "Monitor", "n/a"),
    ("4.3", "Young people starting the Pathfinder diversion programme", "140", "176", "+25.7%", "240 by year end (180 by Quarter 3)", "Amber", "↑"),
    ("4.4", "First-time entrants to the youth justice system", "58", "49", "-15.5%", "Reduce", "Green", "↑"),
    ("5.1", "Hate crimes recorded", "244", "229", "-6.1%", "No target", "Monitor", "n/a"),
    ("5.2", "Residents who feel safe outside after dark (%)", "61%", "58%", "-3 pts", "65%", "Red", "↓"),
]
extra = [
    ("SPAN", (2, 0), (3, 0)),
    ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (4, 0), (4, 1)),
    ("SPAN", (5, 0), (5, 1)), ("SPAN", (6, 0), (6, 1)), ("SPAN", (7, 0), (7, 1)),
    ("ALIGN", (2, 2), (4, -1), "RIGHT"),
    ("ALIGN", (7, 2), (7, -1), "CENTER"),
]
current = None
for r in rows:
    g = r[0].split(".")[0]
    if g != current:
        current = g
        score.append([p(groups[g], SMALLB), "", "", "", "", "", "", ""])
        i = len(score) - 1
        extra.append(("SPAN", (0, i), (-1, i)))
        extra.append(("BACKGROUND", (0, i), (-1, i), GROUP_BG))
    score.append([r[0], p(r[1]), r[2], r[3], r[4], p(r[5]), r[6], r[7]])
    i = len(score) - 1
    extra.append(("BACKGROUND", (6, i), (6, i), RAG_COLOURS[r[6]]))
story.append(ruled(score, [10 * mm, 58 * mm, 17 * mm, 17 * mm, 17 * mm, 27 * mm, 15 * mm, 13 * mm],
                   header_rows=2, extra=extra))
story.append(Spacer(1, 4))
story.append(p("Sources: indicators 1.1 to 1.7, 2.1, 2.2, 3.1 to 3.5, 4.1 and 5.1 Carrowshire Police; 2.3 and 2.5 Brackenmoor "
               "District Council; 2.4 Carrowshire Fire and Rescue Service; 4.2 and 4.3 Vulnerability Hub and Brackenmoor Youth "
               "Trust; 4.4 Carrowshire Youth Justice Service; 5.2 Brackenmoor Residents' Survey (1,214 respondents).", SMALL))

story.append(p("3. Exception reports for red indicators", H2))
story.append(p("Table 2: What is being done about the five red indicators", CAP))
exc = [
    [H("Ref"), H("Why it is red"), H("What partners are doing"), H("Lead"), H("Review")],
    ["1.4", p("77 of the 214 MARAC referrals between April and December were repeats (36%), against a target of 30% or less."),
     p("The MARAC Steering Group is auditing 40 repeat cases to find missed opportunities; findings to the Board in April."),
     p("Glenys Pettifer, Domestic Abuse Coordinator"), p("March 2025")],
    ["1.6", p("88 offences, 14 more than last year. Half (44) were in Castlegate and Sandyholme wards, most in the evening."),
     p("Operation Steelgate: weapons sweeps, knife arches at two town centre venues and two new knife surrender bins. "
       "A deep-dive is proposed for the April Board."),
     p("Chief Inspector Adaeze Okonedo, Carrowshire Police"), p("10 April 2025")],
    ["2.3", p("1,366 incidents, up 13.5%. The rise is mostly on rural lanes in Stainwith and Low Marren wards."),
     p("Six deployable CCTV cameras bought and moved between hotspots; 37 fixed penalty notices issued and two prosecutions "
       "under way. An extra £5,000 is requested for more cameras (recommendation (c))."),
     p("Barnaby Aske, Environmental Enforcement Manager"), p("June 2025")],
    ["3.4", p("1,147 offences, 258 more than last year; 41% were at 12 stores in the Castlegate retail core."),
     p("The Shop Safe radio scheme has grown to 46 retailers; three Criminal Behaviour Orders obtained against prolific offenders."),
     p("Sergeant Fintan Corbally, Business Crime Lead"), p("April 2025")],
    ["5.2", p("58% of residents feel safe outside after dark (survey of October 2024), down from 61%; lowest in Castlegate at 44%."),
     p("Lighting audit with Carrowshire County Highways at nine locations; 27 venues have signed the Women's Night Safety Charter."),
     p("Naomi Feld, Safer Streets Officer"), p("October 2025")],
]
story.append(ruled(exc, [10 * mm, 45 * mm, 62 * mm, 35 * mm, 22 * mm]))

story.append(p("4. Crime by ward", H2))
story.append(p("4.1 Crime remains concentrated in the town centre. Castlegate has the highest rate in the district at 241.7 "
               "crimes per 1,000 residents, two and a half times the district average of 96.1. Stainwith rose three places, "
               "from 12th to 9th, largely because of the increase in fly-tipping related offences and thefts from farm premises.", BODY))
story.append(p("Table 3: Wards ranked by crime rate per 1,000 residents, April to December 2024", CAP))
wards = [
    [H("Rank 2024/25"), H("Ward"), H("Recorded crimes"), H("Rate per 1,000"), H("Rank same period 2023/24")],
    ["1", "Castlegate", "2,035", "241.7", "1"],
    ["2", "Sandyholme", "1,287", "141.3", "3"],
    ["3", "Harrowden Cross", "1,066", "133.9", "2"],
    ["4", "Kilnworth", "1,003", "113.1", "4"],
    ["5", "Dunnock Park", "962", "101.8", "7"],
    ["6", "Orchard Heys", "801", "96.5", "5"],
    ["7", "Tanhurst", "706", "91.5", "6"],
    ["8", "Brackenmoor North", "734", "81.7", "8"],
    ["9", "Stainwith", "455", "74.1", "12"],
    ["10", "Greaves Hill", "611", "67.7", "9"],
    ["11", "Low Marren", "331", "62.3", "11"],
    ["12", "Fellcote", "497", "57.5", "10"],
    ["13", "Whinsby", "512", "50.0", "13"],
    ["14", "Elder Bank", "402", "38.5", "14"],
    ["", "District total / average", "11,402", "96.1", ""],
]
story.append(ruled(wards, [22 * mm, 50 * mm, 30 * mm, 30 * mm, 40 * mm],
                   extra=[("ALIGN", (2, 1), (3, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), "DVB")]))

story.append(p("5. Community Safety Fund 2024/25", H2))
story.append(p("5.1 The Carrowshire Police and Crime Commissioner allocated £71,450 to the Partnership for 2024/25. With £6,200 "
               "carried forward from 2023/24, the fund available is £77,650. £70,400 has been allocated to projects, leaving "
               "£7,250 uncommitted. If the Board approves recommendation (c), £2,250 will remain.", BODY))
story.append(p("Table 4: Community Safety Fund allocations and spend to 31 December 2024", CAP))
fund = [
    [H("Project"), H("Delivered by"), H("Allocated"), H("Spent to 31 Dec 2024"), H("Status")],
    [p("Pathfinder youth diversion programme"), p("Brackenmoor Youth Trust"), "£18,000", "£13,500", "On track"],
    [p("Domestic abuse outreach worker (0.5 FTE)"), p("Brackenmoor Domestic Abuse Service"), "£16,500", "£12,375", "On track"],
    [p("Town centre night marshals, Fridays and Saturdays"), p("Brackenmoor BID"), "£9,800", "£7,350", "On track"],
    [p("Deployable CCTV for fly-tipping hotspots"), p("Brackenmoor District Council"), "£6,000", "£5,640", "Complete"],
    [p("Shop Safe radio scheme expansion"), p("Brackenmoor Business Crime Partnership"), "£4,500", "£4,500", "Complete"],
    [p("Knife crime education in secondary schools"), p("Carrowshire Police"), "£5,200", "£1,300", "Delayed"],
    [p("Street lighting and safety audit"), p("Brackenmoor District Council"), "£3,000", "£650", "On track"],
    [p("Hate crime third-party reporting centres"), p("Brackenmoor Interfaith Forum"), "£2,400", "£1,800", "On track"],
    [p("Contribution to community safety analyst post"), p("Brackenmoor District Council"), "£5,000", "£3,750", "On track"],
    [p("Total", SMALLB), "", "£70,400", "£50,865", ""],
]
story.append(ruled(fund, [60 * mm, 50 * mm, 20 * mm, 26 * mm, 18 * mm],
                   extra=[("ALIGN", (2, 1), (3, -1), "RIGHT"), ("FONTNAME", (0, -1), (-1, -1), "DVB")]))
story.append(Spacer(1, 3))
story.append(p("5.2 The knife crime education project is delayed because the provider could not start in schools until January "
               "2025; the full programme will run in the spring term.", BODY))

acts = [
    [H("Ref"), H("Action"), H("Owner"), H("Update"), H("Status")],
    ["B24/31", p("Circulate terms of reference for the MARAC repeat referrals audit"), p("Glenys Pettifer"),
     p("Circulated on 2 December 2024."), "Complete"],
    ["B24/32", p("Agree a data-sharing protocol with Carrowshire Fire and Rescue Service for the locations of secondary fires"),
     p("Station Manager Kiran Sethna"), p("Draft protocol is with both legal teams; sign-off expected in February 2025."), "In progress"],
    ["B24/33", p("Report Pathfinder referrals from schools"), p("Brackenmoor Youth Trust"),
     p("Reported at indicator 4.3: 61 of the 176 starters were referred by schools."), "Complete"],
    ["B24/34", p("Invite the Police and Crime Commissioner to a Board meeting"), p("Chair"),
     p("Commissioner Philippa Vell has confirmed she will attend the Board on 10 April 2025."), "Complete"],
    ["B24/35", p("Assess whether a late-night levy is feasible"), p("Licensing Manager"),
     p("Postponed to 2025/26 until the review of the licensing policy is complete."), "Deferred"],
]
story.append(KeepTogether([
    p("6. Actions from the Board meeting of 7 November 2024", H2),
    p("Table 5: Progress on actions", CAP),
    ruled(acts, [14 * mm, 56 * mm, 30 * mm, 56 * mm, 18 * mm]),
]))

story.append(p("7. Next report", H2))
story.append(p("7.1 The year-end performance report for 2024/25 will be presented to the Board on 3 July 2025, once Carrowshire "
               "Police has validated the full-year data.", BODY))

doc = SimpleDocTemplate(OUT, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm,
                        title="Safer Brackenmoor Partnership - Quarterly Performance Report Q3 2024/25",
                        author="Brackenmoor District Council", invariant=1)
doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
print("wrote", OUT)
