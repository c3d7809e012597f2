"""Build ostley-vale-scrutiny-csp-report-2025-01-21.pdf (a fictional scrutiny report).

Run from anywhere with the project's venv:

    .venv/bin/python tests/data/holdout2/docs/make_pdf.py

The layout follows a district council committee report: a ruled cover table of report
fields, numbered sections and paragraphs, ruled data tables, and an action-plan table that
runs on from one page to the next with its header row repeated. The output is deterministic
(invariant=1), so rebuilding gives the same bytes.
"""

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

OUT = Path(__file__).with_name("ostley-vale-scrutiny-csp-report-2025-01-21.pdf")

styles = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=styles["Normal"], fontName="Helvetica", fontSize=10,
                      leading=13, spaceAfter=5)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
CELL_B = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=13, leading=16,
                    alignment=TA_CENTER, spaceAfter=2)
H2 = ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5,
                    leading=14, spaceBefore=8, spaceAfter=4)
CAPTION = ParagraphStyle("cap", parent=BODY, fontName="Helvetica-Bold", fontSize=9,
                         spaceBefore=4, spaceAfter=3)

RULED = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
])


def p(text, style=BODY):
    return Paragraph(text, style)


def table(rows, widths, header=True, bold_first_col=False):
    cells = []
    for r, row in enumerate(rows):
        out = []
        for c, value in enumerate(row):
            bold = (header and r == 0) or (bold_first_col and c == 0)
            out.append(Paragraph(value, CELL_B if bold else CELL))
        cells.append(out)
    t = Table(cells, colWidths=[w * mm for w in widths], repeatRows=1 if header else 0)
    style = TableStyle(RULED.getCommands())
    if header:
        style.add("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9"))
    if bold_first_col:
        style.add("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee"))
    t.setStyle(style)
    return t


def footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(20 * mm, 10 * mm, "Ostley Vale District Council - Communities Scrutiny Committee - 21 January 2025")
    canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


def story():
    s = []
    s.append(p("OSTLEY VALE DISTRICT COUNCIL", H1))
    s.append(p("COMMUNITIES SCRUTINY COMMITTEE - 21 JANUARY 2025", H1))
    s.append(p("Agenda Item 7", ParagraphStyle("ai", parent=BODY, alignment=TA_CENTER)))
    s.append(Spacer(1, 4))

    cover = [
        ["Title of report", "Safer Ostley Vale Partnership: Annual Crime and Disorder Scrutiny 2024"],
        ["Report of", "Simone Achterberg, Director of Place and Communities"],
        ["Lead Member", "Councillor Dominic Ferrers, Lead Member for Communities and Safety"],
        ["Contact officer", "Gareth Penhale, Community Safety and Resilience Manager, "
                            "gareth.penhale@ostleyvale.gov.uk, 01632 775310"],
        ["Wards affected", "All wards"],
        ["Key decision", "No"],
        ["Public or exempt", "Public"],
        ["Council Plan theme", "Safe and Healthy Communities"],
        ["Purpose", "To enable the Committee, as the Council's crime and disorder committee, to "
                    "review the work of the Safer Ostley Vale Partnership in 2024 and to comment on "
                    "the proposed priorities for its 2025-2028 Partnership Plan."],
    ]
    s.append(table(cover, [42, 128], header=False, bold_first_col=True))

    s.append(p("1. RECOMMENDATIONS", H2))
    s.append(p("1.1 That the Committee:"))
    s.append(p("(a) notes the performance of the Safer Ostley Vale Partnership for April to "
               "November 2024 set out in section 3;"))
    s.append(p("(b) comments on the three proposed priorities for the Safer Ostley Vale "
               "Partnership Plan 2025-2028 set out in section 7;"))
    s.append(p("(c) recommends to Cabinet that the Council's contribution to the Community "
               "Safety Wardens service be maintained at £40,000 in 2025/26; and"))
    s.append(p("(d) requests a report on rural and agricultural crime for its meeting in July 2025."))

    s.append(p("2. BACKGROUND", H2))
    s.append(p("2.1 The Safer Ostley Vale Partnership (SOVP) is the community safety partnership "
               "for Ostley Vale District, established under the Crime and Disorder Act 1998. Its "
               "responsible authorities are Ostley Vale District Council, Marlshire County "
               "Council, Marlshire Police, Marlshire Fire and Rescue Service, the Probation "
               "Service and the Marlshire Integrated Care Board. The Office of the Marlshire "
               "Police and Crime Commissioner, Vale Homes and the Marlshire Violence Reduction "
               "Network also attend."))
    s.append(p("2.2 The chair of the Partnership rotates between the responsible authorities every "
               "two years. Since May 2024 the Partnership has been chaired by Group Manager Idris "
               "Vaughan of Marlshire Fire and Rescue Service, with Councillor Dominic Ferrers as "
               "Vice-Chair. The Partnership Board meets every two months. Its work is delivered "
               "through the monthly Tasking and Coordination Group, the Vulnerability and "
               "Exploitation Panel, the Domestic Abuse Local Partnership and the Rural Crime Forum."))
    s.append(p("2.3 Section 19 of the Police and Justice Act 2006 requires the Council to have a "
               "committee with power to review the decisions and actions of the responsible "
               "authorities in carrying out their crime and disorder functions. This Committee "
               "last scrutinised the Partnership on 23 January 2024 and made four recommendations; "
               "the responses are in section 6."))

    s.append(p("3. PERFORMANCE APRIL TO NOVEMBER 2024", H2))
    s.append(p("3.1 Table 1 compares the first eight months of 2024/25 with the same period of "
               "2023/24. Figures are from Marlshire Police, Marlshire Fire and Rescue Service and "
               "the Council's environmental protection system."))
    perf = [
        ["Measure", "Apr-Nov 2023", "Apr-Nov 2024", "Difference", "Change"],
        ["All recorded crime", "5,286", "5,047", "-239", "-4.5%"],
        ["Violence with injury", "742", "716", "-26", "-3.5%"],
        ["Residential burglary", "201", "214", "+13", "+6.5%"],
        ["Vehicle crime (theft of and from vehicles)", "388", "351", "-37", "-9.5%"],
        ["Theft of agricultural machinery and plant", "37", "58", "+21", "+56.8%"],
        ["Shoplifting", "402", "455", "+53", "+13.2%"],
        ["Anti-social behaviour incidents", "2,140", "1,893", "-247", "-11.5%"],
        ["Domestic abuse crimes", "811", "829", "+18", "+2.2%"],
        ["Deliberate fires", "96", "74", "-22", "-22.9%"],
        ["Fly-tipping incidents", "1,216", "1,302", "+86", "+7.1%"],
    ]
    s.append(KeepTogether([
        p("Table 1: Safer Ostley Vale Partnership performance, April to November", CAPTION),
        table(perf, [66, 26, 26, 24, 24]),
    ]))
    s.append(Spacer(1, 6))
    s.append(p("3.2 All recorded crime fell by 4.5% and anti-social behaviour by 11.5%. The fall "
               "in anti-social behaviour was greatest in Kingsmede town centre, where two "
               "additional community safety wardens started patrols in September 2024."))
    s.append(p("3.3 Theft of agricultural machinery and plant rose from 37 to 58 offences, the "
               "largest percentage increase of any measure. Quad bikes, GPS units from tractors "
               "and trailers were the items most often stolen; the estimated value of property "
               "stolen was £412,000. Most offences were in the rural wards of Ashwenby, Wendle "
               "Cross and Harrowby Fen. This is the reason for recommendation 1.1(d)."))
    s.append(p("3.4 Residential burglary rose by 6.5%, mainly in Kingsmede North, where a series "
               "of 19 linked burglaries between July and October 2024 led to two arrests. "
               "Deliberate fires fell by 22.9%, which Marlshire Fire and Rescue Service attributes "
               "to diversionary work during the school summer holidays."))

    s.append(p("4. ACTION PLAN 2024/25: PROGRESS AT 31 DECEMBER 2024", H2))
    s.append(p("4.1 The Partnership's 2024/25 action plan holds 24 actions. At 31 December 2024, "
               "11 were complete, 8 were on track, 3 were delayed and 2 had not started. Table 2 "
               "gives the position of each action."))
    s.append(p("Table 2: Safer Ostley Vale Partnership action plan 2024/25", CAPTION))
    actions = [
        ["Ref", "Action", "Lead", "Due", "Status at 31 December 2024"],
        ["SOV-01", "Refresh the partnership information sharing agreement", "Ostley Vale DC", "June 2024", "Complete"],
        ["SOV-02", "Publish the executive summary of the strategic assessment", "Ostley Vale DC", "July 2024", "Complete"],
        ["SOV-03", "Deliver an ASB awareness week with secondary schools", "Marlshire Police", "July 2024", "Complete"],
        ["SOV-04", "Recruit two additional community safety wardens for Kingsmede town centre", "Ostley Vale DC", "September 2024", "Complete: patrols began 9 September 2024"],
        ["SOV-05", "Launch a rural crime alert network with the farming community", "Marlshire Police Rural Crime Team", "October 2024", "Complete: 412 members"],
        ["SOV-06", "Upgrade the CCTV cameras at Kingsmede bus station", "Ostley Vale DC", "November 2024", "Delayed: new date March 2025"],
        ["SOV-07", "Increase sanctuary scheme referrals for domestic abuse victims", "Marlshire County Council", "March 2025", "On track"],
        ["SOV-08", "Train 150 frontline staff in domestic abuse awareness", "Domestic Abuse Local Partnership", "March 2025", "On track: 118 trained"],
        ["SOV-09", "Run a stalking awareness campaign", "Marlshire Police", "December 2024", "Complete"],
        ["SOV-10", "Install knife surrender bins at three sites", "Marlshire Police", "September 2024", "Complete: 87 weapons surrendered"],
        ["SOV-11", "Refresh the serious violence strategic needs assessment", "Marlshire Violence Reduction Network", "January 2025", "On track"],
        ["SOV-12", "Deliver weapons awareness sessions in all six secondary schools", "Ostley Vale Youth Justice Service", "March 2025", "On track: 4 of 6 schools"],
        ["SOV-13", "Agree a cuckooing protocol with social housing providers", "Vale Homes", "October 2024", "Delayed: awaiting legal review"],
        ["SOV-14", "Add an exploitation screening tool to Early Help assessments", "Marlshire County Council", "December 2024", "Complete"],
        ["SOV-15", "Hold two county lines intensification weeks", "Marlshire Police", "March 2025", "On track: 1 of 2 held"],
        ["SOV-16", "Open five hate crime third-party reporting centres", "Ostley Vale DC", "December 2024", "Delayed: 3 of 5 open"],
        ["SOV-17", "Deliver Prevent awareness training to council staff", "Ostley Vale DC", "March 2025", "On track"],
        ["SOV-18", "Deploy covert cameras at ten fly-tipping hotspots", "Ostley Vale DC Environmental Protection", "August 2024", "Complete"],
        ["SOV-19", "Run an e-bike and e-scooter battery fire safety campaign", "Marlshire Fire and Rescue Service", "March 2025", "On track"],
        ["SOV-20", "Carry out home fire safety visits for 300 vulnerable residents referred by partners", "Marlshire Fire and Rescue Service", "March 2025", "On track: 241 visits"],
        ["SOV-21", "Review the integrated offender management cohort", "Probation Service", "November 2024", "Complete"],
        ["SOV-22", "Set up employment support with Jobcentre Plus for the offender management cohort", "Probation Service", "March 2025", "Not started"],
        ["SOV-23", "Run Friday night youth sports sessions in Wendle Cross", "Ostley Vale Youth Justice Service", "October 2024", "Complete: 36 sessions, 58 young people"],
        ["SOV-24", "Hold a farm machinery marking event", "Marlshire Police Rural Crime Team", "February 2025", "Not started"],
    ]
    s.append(table(actions, [15, 62, 38, 22, 33]))
    s.append(Spacer(1, 6))
    s.append(p("4.2 The CCTV upgrade (SOV-06) is delayed because the supplier could not install "
               "the new cameras before the bus station roof repairs are finished. The cuckooing "
               "protocol (SOV-13) is with Vale Homes' solicitors. Two further reporting centres "
               "(SOV-16) are expected to open in Ashwenby library and Kingsmede mosque by March 2025."))

    s.append(p("5. FUNDING 2024/25", H2))
    s.append(p("5.1 The Partnership's funding for 2024/25 is shown in Table 3. The Council is the "
               "accountable body for all partnership funds."))
    s.append(p("Table 3: Safer Ostley Vale Partnership funding 2024/25", CAPTION))
    funds = [
        ["Source", "2024/25", "Used for"],
        ["Marlshire Police and Crime Commissioner Community Safety Fund", "£41,250", "Tasking group projects, youth diversion, rural crime"],
        ["Ostley Vale District Council: Community Safety Wardens", "£40,000", "Wardens service (four wardens)"],
        ["Ostley Vale District Council: community safety revenue budget", "£12,500", "CCTV maintenance and campaigns"],
        ["Marlshire County Council domestic abuse grant", "£9,800", "Sanctuary scheme and awareness training"],
        ["Serious Violence Duty grant (via Marlshire Violence Reduction Network)", "£15,600", "Weapons awareness and knife surrender bins"],
        ["Total", "£119,150", ""],
    ]
    s.append(table(funds, [78, 22, 70]))
    s.append(Spacer(1, 6))

    prev = [
        ["No.", "Recommendation (23 January 2024)", "Response", "Status"],
        ["1", "That anti-social behaviour data be reported to members by ward", "A ward dashboard has been published to all councillors every quarter since June 2024", "Implemented"],
        ["2", "That the Council asks the Police and Crime Commissioner to fund a dedicated rural crime post", "A rural crime Police Community Support Officer post has been funded since September 2024", "Implemented"],
        ["3", "That the wardens service be extended to Ashwenby", "No funding was available in 2024/25; to be reconsidered in the 2025/26 budget", "Not implemented"],
        ["4", "That all councillors receive hate crime awareness training", "Two sessions held; 19 of 37 councillors trained", "Partly implemented"],
    ]
    s.append(KeepTogether([
        p("6. RESPONSES TO THE COMMITTEE'S JANUARY 2024 RECOMMENDATIONS", H2),
        table(prev, [10, 55, 75, 30]),
    ]))

    s.append(p("7. PROPOSED PRIORITIES FOR THE PARTNERSHIP PLAN 2025-2028", H2))
    s.append(p("7.1 The Partnership's strategic assessment, completed in November 2024, and a "
               "residents' survey that received 612 responses between 7 October and 18 November "
               "2024, support three priorities for the next plan:"))
    s.append(p("(a) <b>Safer streets and town centres</b>: anti-social behaviour, shoplifting and "
               "the night-time economy in Kingsmede and Ostley Bridge;"))
    s.append(p("(b) <b>Protecting vulnerable people</b>: domestic abuse, exploitation and serious "
               "violence;"))
    s.append(p("(c) <b>Rural and environmental crime</b>: agricultural theft, fly-tipping and "
               "wildlife crime."))
    s.append(p("7.2 In the survey, 58% of respondents named anti-social behaviour as their top "
               "concern, followed by speeding (44%) and drug dealing (31%). Speeding will be "
               "addressed through the Marlshire Road Safety Partnership rather than as an SOVP "
               "priority. The Partnership Board will agree the final plan on 13 March 2025."))

    s.append(p("8. IMPLICATIONS", H2))
    s.append(p("8.1 <b>Financial:</b> There are no new financial implications in this report. The "
               "£40,000 contribution to the wardens service in recommendation 1.1(c) is included "
               "in the draft 2025/26 revenue budget, which Cabinet will consider on 11 February 2025."))
    s.append(p("8.2 <b>Legal:</b> The Committee's role is set out in sections 19 and 20 of the Police "
               "and Justice Act 2006 and the Crime and Disorder (Overview and Scrutiny) "
               "Regulations 2009. The Committee may make reports or recommendations to the "
               "Council and to the responsible authorities."))
    s.append(p("8.3 <b>Risk:</b> The main risk is the end of Serious Violence Duty grant in March "
               "2025, which funds the weapons awareness programme. The Partnership has bid to the "
               "Marlshire Violence Reduction Network for 2025/26."))
    s.append(p("8.4 <b>Equalities:</b> An equality impact assessment will be completed for the "
               "Partnership Plan 2025-2028 before it is adopted."))

    s.append(p("9. BACKGROUND PAPERS", H2))
    s.append(p("Safer Ostley Vale Partnership Strategic Assessment 2024 (November 2024); minutes of "
               "the Communities Scrutiny Committee, 23 January 2024."))
    return s


def main():
    doc = SimpleDocTemplate(str(OUT), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title="Safer Ostley Vale Partnership: Annual Crime and Disorder Scrutiny 2024",
                            author="Ostley Vale District Council", invariant=1)
    doc.build(story(), onFirstPage=footer, onLaterPages=footer)
    print(OUT)


if __name__ == "__main__":
    main()
