"""Build the Scarrowfield Safer Streets evaluation summary PDF (deterministic).

Run: .venv/bin/python tests/data/holdout10/docs/make_pdf.py
All names, places and figures are invented.
"""
import os

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "scarrowfield-safer-streets-r5-evaluation-summary-2025.pdf")

ss = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=ss["Normal"], fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=8)
H2 = ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=5)
CAP = ParagraphStyle("cap", parent=BODY, fontName="Helvetica-Bold", fontSize=9.5, spaceBefore=4, spaceAfter=3)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.3, leading=10, spaceAfter=0)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")

HEADER = "Scarrowfield District Council | Safer Scarrowfield Partnership"
HEADER2 = "Safer Streets Fund Round 5: Gethinmoor and Marrowgate - End-of-project evaluation summary"
FOOTER = "OFFICIAL - for publication"


class NumberedCanvas(rl_canvas.Canvas):
    def __init__(self, *args, **kwargs):
        rl_canvas.Canvas.__init__(self, *args, **kwargs)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._furniture(total)
            rl_canvas.Canvas.showPage(self)
        rl_canvas.Canvas.save(self)

    def _furniture(self, total):
        w, h = A4
        self.setFont("Helvetica", 7.5)
        self.drawString(18 * mm, h - 11 * mm, HEADER)
        self.drawRightString(w - 18 * mm, h - 11 * mm, "Partnership Board, 13 March 2025, item 6")
        self.drawString(18 * mm, h - 14.5 * mm, HEADER2)
        self.line(18 * mm, h - 16 * mm, w - 18 * mm, h - 16 * mm)
        self.line(18 * mm, 14 * mm, w - 18 * mm, 14 * mm)
        self.drawString(18 * mm, 10 * mm, FOOTER)
        self.drawRightString(w - 18 * mm, 10 * mm, "Page %d of %d" % (self._pageNumber, total))


def p(text, style=BODY):
    return Paragraph(text, style)


def grid(data, widths, header_rows=1, repeat=0, bold_first_col=False, spans=()):
    rows = []
    for i, r in enumerate(data):
        st = CELLB if i < header_rows else CELL
        rows.append([c if not isinstance(c, str) else Paragraph(c, CELLB if (bold_first_col and j == 0 and i >= header_rows) else st)
                     for j, c in enumerate(r)])
    t = Table(rows, colWidths=widths, repeatRows=repeat)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#d9e2ec")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    style.extend(spans)
    t.setStyle(TableStyle(style))
    return t


story = []
story.append(p("Safer Streets Fund Round 5: Gethinmoor and Marrowgate", H1))
story.append(p("End-of-project evaluation summary", H2))

cover = [
    ["Field", "Detail"],
    ["Partnership", "Safer Scarrowfield Partnership (Scarrowfield District Council, Ashcarrow Constabulary, Scarrowfield Fire and Rescue, Probation and health partners)"],
    ["Project", "Gethinmoor and Marrowgate Safer Streets project, funded by the Home Office Safer Streets Fund Round 5"],
    ["Delivery period", "1 October 2023 to 30 September 2024"],
    ["Evaluation period", "Before: 1 October 2022 to 30 September 2023. After: 1 October 2023 to 30 September 2024"],
    ["Independent evaluator", "Dr Hannah Mabbutt, Centre for Community Safety Research, University of Pryorsfield"],
    ["Project manager", "Bethan Drabwell, Safer Streets Project Manager, Scarrowfield District Council"],
    ["Project Board chair", "Chief Inspector Kwame Ollerenshaw, Ashcarrow Constabulary"],
    ["Report to", "Safer Scarrowfield Partnership Board, 13 March 2025 (agenda item 6), for approval and publication"],
    ["Version", "Final v1.2, 24 February 2025"],
]
story.append(grid(cover, [40 * mm, 134 * mm], bold_first_col=True))

story.append(p("1. Summary", H2))
story.append(p("1.1 The Safer Scarrowfield Partnership was awarded £486,250 from the Home Office Safer Streets Fund Round 5 for a "
               "twelve-month project in two neighbouring areas of Scarrowfield town: the Gethinmoor estate and the Marrowgate terraces. "
               "Partners added £61,400 of match funding, so the project had £547,650 to spend. The project aimed to reduce neighbourhood "
               "crime (residential burglary, vehicle crime, robbery, theft from the person and bicycle theft) and to make residents feel safer."))
story.append(p("1.2 The key findings of the independent evaluation are:"))
for t in [
    "(a) Neighbourhood crime in the target area fell by 18.4%, from 614 to 501 offences, against a fall of 4.1% in the comparison area, Hestow.",
    "(b) Residential burglary fell by 26.8%, the largest fall of any measure. Theft of vehicles fell by 9.4% in the target area but rose by 5.1% in Hestow.",
    "(c) Anti-social behaviour incidents in the target area fell from 1,236 to 1,018 (17.6%).",
    "(d) The share of residents who feel safe walking alone after dark rose from 41% to 57%.",
    "(e) There was no evidence of displacement: in the 250 metre buffer zone around the target area neighbourhood crime rose by 2.1%, from 236 to 241 offences, which the evaluator judges to be within normal variation.",
    "(f) 24 of the 26 planned interventions were delivered in full or in part; the bus shelter lighting and help points (I21) were not delivered.",
]:
    story.append(p(t))
story.append(p("1.3 The evaluator estimates that the project prevented around 97 neighbourhood crimes over the year once the trend in the "
               "comparison area is taken into account. This estimate has wide margins and should not be read as an exact figure."))

story.append(p("2. Outcome measures", H2))
story.append(p("2.1 Table 1 compares recorded crime and ASB in the target area with Hestow, an area of similar size and make-up "
               "that received no Safer Streets funding. The target area has a population of 9,840 and Hestow of 7,215."))
story.append(p("Table 1: Outcome measures, target area and comparison area (recorded by Ashcarrow Constabulary)", CAP))
t1 = [
    ["Measure", "Target area (Gethinmoor and Marrowgate)", "", "", "Comparison area (Hestow)", "", ""],
    ["", "Before", "After", "% change", "Before", "After", "% change"],
    ["Residential burglary", "142", "104", "-26.8%", "91", "87", "-4.4%"],
    ["Theft from vehicles", "187", "151", "-19.3%", "120", "118", "-1.7%"],
    ["Theft of vehicles", "64", "58", "-9.4%", "39", "41", "+5.1%"],
    ["Robbery of personal property", "38", "29", "-23.7%", "22", "19", "-13.6%"],
    ["Theft from the person", "51", "47", "-7.8%", "30", "28", "-6.7%"],
    ["Bicycle theft", "132", "112", "-15.2%", "86", "79", "-8.1%"],
    ["Neighbourhood crime (total)", "614", "501", "-18.4%", "388", "372", "-4.1%"],
    ["Neighbourhood crime per 1,000 residents", "62.4", "50.9", "-18.4%", "53.8", "51.6", "-4.1%"],
    ["ASB incidents", "1,236", "1,018", "-17.6%", "702", "689", "-1.9%"],
]
story.append(grid(t1, [46 * mm, 22 * mm, 20 * mm, 20 * mm, 22 * mm, 20 * mm, 20 * mm], header_rows=2,
                  spans=[("SPAN", (1, 0), (3, 0)), ("SPAN", (4, 0), (6, 0)), ("SPAN", (0, 0), (0, 1))]))
story.append(Spacer(1, 4))
story.append(p("2.2 Before is 1 October 2022 to 30 September 2023 and after is 1 October 2023 to 30 September 2024. Calls to the "
               "Gethinmoor community safety wardens' phone line rose from 19 a month in the first quarter of the project to 63 a month "
               "in the last quarter, which the wardens attribute to greater trust rather than more problems."))

story.append(p("3. What was delivered", H2))
story.append(p("3.1 Table 2 lists the 26 interventions in the delivery plan, the output planned and delivered, and the spend. "
               "Spend is the total from the grant and match funding together."))
story.append(p("Table 2: Interventions delivered, October 2023 to September 2024", CAP))
t2 = [["Ref", "Intervention", "Location", "Planned", "Delivered", "Spend (£)", "Status"]]
interventions = [
    ("I01", "Residential alleygates for the Marrowgate terraces", "Marrowgate", "14 sets", "14 sets", "58,800", "Complete"),
    ("I02", "Target-hardening packs (door chains, window locks, timer switches)", "Gethinmoor", "600 homes", "547 homes", "32,820", "Complete"),
    ("I03", "Replacement doors and windows for repeat burglary victims", "Gethinmoor and Marrowgate", "40 homes", "36 homes", "52,380", "Complete"),
    ("I04", "Street lighting upgrade to LED, Tolhurst Road and Cheyney Walk", "Tolhurst Road", "48 columns", "48 columns", "56,460", "Complete"),
    ("I05", "Redeployable CCTV cameras", "Gethinmoor", "6 cameras", "6 cameras", "41,700", "Complete"),
    ("I06", "Fixed CCTV at Marrowgate shopping parade", "Marrowgate", "4 cameras", "4 cameras", "38,950", "Complete"),
    ("I07", "Secure cycle stands at Marrowgate station", "Marrowgate", "60 stands", "60 stands", "18,400", "Complete"),
    ("I08", "Cycle marking events", "Both areas", "10 events", "8 events", "2,150", "Partly delivered"),
    ("I09", "Vehicle security: steering locks and catalytic converter marking kits", "Both areas", "400 kits", "312 kits", "9,360", "Partly delivered"),
    ("I10", "Designing out crime survey of the Gethinmoor estate", "Gethinmoor", "1 survey", "1 survey", "4,500", "Complete"),
    ("I11", "Cutting back overgrown paths and shrubbery, Cheyney Fields", "Gethinmoor", "3.2 km", "3.2 km", "12,600", "Complete"),
    ("I12", "Security briefings for landlords and letting agents", "Marrowgate", "4 briefings", "2 briefings", "600", "Partly delivered"),
    ("I13", "Neighbourhood Watch relaunch", "Gethinmoor", "25 schemes", "17 schemes", "3,900", "Partly delivered"),
    ("I14", "Community safety wardens (two posts for 12 months)", "Both areas", "2 posts", "2 posts", "61,200", "Complete"),
    ("I15", "Youth outreach sessions on Tuesday and Friday evenings", "Gethinmoor", "96 sessions", "88 sessions", "21,120", "Partly delivered"),
    ("I16", "Communications campaign 'Lock it, Light it, Log it'", "Both areas", "3 waves", "3 waves", "9,800", "Complete"),
    ("I17", "Personal safety app pilot", "Marrowgate", "500 downloads", "1,140 downloads", "6,000", "Complete"),
    ("I18", "Marrowgate underpass mural and lighting", "Marrowgate", "1 site", "1 site", "15,250", "Complete"),
    ("I19", "Smart doorbell cameras for vulnerable residents", "Gethinmoor", "150 homes", "150 homes", "13,500", "Complete"),
    ("I20", "Shop security grants for independent traders on the Marrowgate parade", "Marrowgate", "20 shops", "23 shops", "11,500", "Complete"),
    ("I21", "Bus shelter lighting and help points", "Tolhurst Road", "5 shelters", "0 shelters", "0", "Not delivered"),
    ("I22", "Enforcement visits to privately rented homes under selective licensing", "Marrowgate", "120 visits", "131 visits", "7,860", "Complete"),
    ("I23", "Victim support caseworker (part-time)", "Both areas", "0.5 FTE", "0.5 FTE", "17,900", "Complete"),
    ("I24", "Residents' surveys (baseline and follow-up)", "Both areas", "2 surveys", "2 surveys", "8,200", "Complete"),
    ("I25", "Independent evaluation", "Both areas", "1 report", "1 report", "14,000", "Complete"),
    ("I26", "Project management and administration", "Both areas", "12 months", "12 months", "19,700", "Complete"),
]
for r in interventions:
    t2.append(list(r))
story.append(grid(t2, [11 * mm, 55 * mm, 27 * mm, 21 * mm, 22 * mm, 17 * mm, 21 * mm], header_rows=1, repeat=1))
TOTAL = sum(int(r[5].replace(",", "")) for r in interventions)
story.append(Spacer(1, 4))
story.append(p("3.2 Total spend on the 26 interventions was £%s. The bus shelter work (I21) could not be delivered because the "
               "bus operator did not give consent for the help points in time; the £9,000 set aside for it was returned to the Home "
               "Office as underspend." % format(TOTAL, ",")))

story.append(p("4. Spend by funding source", H2))
t3 = [
    ["Source", "Budget (£)", "Spent (£)", "Variance (£)"],
    ["Home Office Safer Streets Fund Round 5 grant", "486,250", "477,250", "-9,000"],
    ["Scarrowfield District Council match funding", "38,000", "38,000", "0"],
    ["Office of the Police and Crime Commissioner for Ashcarrow match funding", "15,000", "15,000", "0"],
    ["Marrowgate Housing Trust match funding", "8,400", "8,400", "0"],
    ["Total", "547,650", "538,650", "-9,000"],
]
story.append(p("Table 3: Budget and spend by source", CAP))
story.append(grid(t3, [88 * mm, 28 * mm, 28 * mm, 28 * mm]))

story.append(p("5. What residents told us", H2))
story.append(p("5.1 The baseline residents' survey in September 2023 had 612 responses and the follow-up survey in September 2024 "
               "had 574. Both were door-to-door and online. Selected results are in Table 4."))
t4 = [
    ["Question (target area residents)", "Baseline Sept 2023", "Follow-up Sept 2024", "Change (points)"],
    ["Feel safe walking alone after dark", "41%", "57%", "+16"],
    ["Feel safe at home at night", "72%", "81%", "+9"],
    ["Very or fairly worried about burglary", "64%", "49%", "-15"],
    ["Agree the police and council deal with local concerns", "33%", "46%", "+13"],
    ["Have heard of the Safer Streets project", "not asked", "68%", "-"],
]
story.append(p("Table 4: Residents' survey, selected results", CAP))
story.append(grid(t4, [80 * mm, 31 * mm, 31 * mm, 30 * mm]))
story.append(Spacer(1, 4))
story.append(p("5.2 Women were less likely than men to feel safe after dark at both points (35% against 48% at baseline), and the gap narrowed "
               "only slightly. The alleygates had the strongest support: 9 in 10 Marrowgate residents with a gate want it kept."))

story.append(p("6. Lessons learned", H2))
for t in [
    "6.1 Physical measures (alleygates, doors and windows, lighting) produced the clearest results and were the quickest to deliver once consents were in place.",
    "6.2 Consents from third parties were the main cause of delay; the bus shelter work failed for this reason.",
    "6.3 The wardens were the most valued part of the project for residents, but their posts ended with the grant on 30 September 2024 and were extended to 31 March 2025 from council reserves.",
    "6.4 Neighbourhood Watch and landlord briefings reached fewer people than planned; volunteer recruitment needs more than twelve months.",
    "6.5 Referrals to the RISE panel for young people seen at the outreach sessions were made in 14 cases; the panel's outcomes were not shared with the evaluator.",
]:
    story.append(p(t))

story.append(p("7. Recommendations", H2))
t5 = [
    ["Ref", "Recommendation", "Lead", "By when", "Status"],
    ["R1", "Keep the two community safety wardens in post after 31 March 2025", "Head of Community Safety, Scarrowfield District Council", "30 June 2025", "Decision pending: Cabinet, June 2025"],
    ["R2", "Move the running costs of the redeployable CCTV cameras into the council's CCTV control room budget", "CCTV Manager", "1 April 2025", "Agreed"],
    ["R3", "Deliver the bus shelter lighting and help points (I21) through the council's capital programme", "Highways and Transport Manager", "31 October 2025", "Not started"],
    ["R4", "Repeat the residents' survey 12 months after the project ended", "Dr Hannah Mabbutt", "October 2025", "Planned"],
    ["R5", "Offer target-hardening packs in Hestow if funding can be found", "Bethan Drabwell", "March 2026", "Under consideration"],
    ["R6", "Share the alleygate model with Ashcarrow Constabulary's other districts", "Priya Wickstead, Designing Out Crime Officer", "September 2025", "In progress"],
]
story.append(p("Table 5: Recommendations of the evaluation", CAP))
story.append(grid(t5, [10 * mm, 66 * mm, 42 * mm, 22 * mm, 34 * mm]))

story.append(p("8. Next steps", H2))
story.append(p("8.1 The follow-up survey in October 2025 (R4) will show whether the rise in feelings of safety has lasted; its results are not "
               "yet known and will be reported to the Board in January 2026. Cabinet will decide on the future of the wardens (R1) at its "
               "meeting in June 2025. The Home Office has not yet said whether there will be a further round of the Safer Streets Fund."))
story.append(p("8.2 The Board is asked to (a) approve this summary for publication, (b) note the recommendations and their leads, and "
               "(c) ask for an update on R1 and R3 at its meeting on 10 July 2025."))

story.append(p("9. Glossary", H2))
for t in [
    "DOCO - Designing Out Crime Officer",
    "FTE - full-time equivalent",
    "LED - light-emitting diode (street lighting)",
    "Neighbourhood crime - residential burglary, vehicle offences, robbery of personal property and theft from the person, as defined by the Home Office, plus bicycle theft in this project",
    "SSF - Safer Streets Fund",
]:
    story.append(p(t))
story.append(Spacer(1, 6))
story.append(p("Approved for the Board by: Councillor Imelda Varnell, Chair, Safer Scarrowfield Partnership Board"))
story.append(p("Prepared by: Bethan Drabwell, Safer Streets Project Manager, with Dr Hannah Mabbutt"))

doc = SimpleDocTemplate(OUT, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=22 * mm, bottomMargin=20 * mm,
                        title="Safer Streets Fund Round 5 evaluation summary", author="Safer Scarrowfield Partnership")
doc.build(story, canvasmaker=NumberedCanvas)
print(OUT, TOTAL)
