"""Build ullswick-pspo-consultation-outcome-cabinet-2026-03-03.pdf deterministically."""
import os
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle
from reportlab.graphics.shapes import Drawing, Rect, String, Line

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ullswick-pspo-consultation-outcome-cabinet-2026-03-03.pdf")
ss = getSampleStyleSheet()
B = ParagraphStyle("b", parent=ss["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12)
H = ParagraphStyle("h", parent=ss["Heading2"], fontName="Helvetica-Bold", fontSize=11.5, spaceBefore=6, spaceAfter=3)
T = ParagraphStyle("t", parent=ss["Title"], fontName="Helvetica-Bold", fontSize=15)
C = ParagraphStyle("c", parent=B, fontSize=8.5, leading=10)

def header_footer(canv, doc):
    canv.saveState()
    canv.setFont("Helvetica", 8)
    canv.drawString(18*mm, 287*mm, "Ullswick Borough Council | Cabinet | 3 March 2026 | Agenda item 7")
    canv.line(18*mm, 285*mm, 192*mm, 285*mm)
    canv.line(18*mm, 14*mm, 192*mm, 14*mm)
    canv.drawString(18*mm, 10*mm, "Town Centre PSPO 2026: outcome of consultation")
    canv.drawRightString(192*mm, 10*mm, "Page %d of 3" % doc.page)
    canv.restoreState()

def grid(data, widths, header_rows=1, spans=()):
    t = Table(data, colWidths=[w*mm for w in widths], repeatRows=header_rows)
    st = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
          ("FONT", (0, 0), (-1, -1), "Helvetica", 8.5),
          ("FONT", (0, 0), (-1, header_rows-1), "Helvetica-Bold", 8.5),
          ("BACKGROUND", (0, 0), (-1, header_rows-1), colors.HexColor("#dde4ee")),
          ("VALIGN", (0, 0), (-1, -1), "TOP")]
    st += [("SPAN",) + s for s in spans]
    t.setStyle(TableStyle(st))
    return t

def P(s): return Paragraph(s, C)

def chart():
    months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    y24 = [41, 48, 57, 66, 71, 52, 45, 39, 47]
    y25 = [36, 40, 49, 58, 62, 44, 38, 31, 35]
    d = Drawing(170*mm, 62*mm)
    x0, y0, h = 14*mm, 10*mm, 45*mm
    d.add(Line(x0, y0, x0+150*mm, y0)); d.add(Line(x0, y0, x0, y0+h))
    for v in (0, 20, 40, 60, 80):
        d.add(String(x0-8*mm, y0+v/80*h-1, str(v), fontSize=7))
    for i, m in enumerate(months):
        bx = x0 + 4*mm + i*16*mm
        d.add(Rect(bx, y0, 5*mm, y24[i]/80*h, fillColor=colors.HexColor("#9aa9bf"), strokeColor=None))
        d.add(Rect(bx+5.5*mm, y0, 5*mm, y25[i]/80*h, fillColor=colors.HexColor("#2d4a77"), strokeColor=None))
        d.add(String(bx+2*mm, y0-8, m, fontSize=7))
    d.add(String(x0+100*mm, y0+h+2*mm, "light: 2024   dark: 2025", fontSize=7))
    return d

story = []
story.append(Paragraph("Ullswick Town Centre Public Spaces Protection Order 2026: outcome of the statutory consultation", T))
story.append(grid([
    ["Report to", "Cabinet, 3 March 2026 (agenda item 7)"],
    ["Report of", "Head of Community Safety and Licensing (Daniel Thorogood)"],
    ["Cabinet Member", "Councillor Josephine Hargreave, Cabinet Member for Communities and Public Protection"],
    ["Partnership", "Safer Ullswick Partnership (Ullswick Borough Council; Caddonshire Constabulary)"],
    ["Wards affected", "Ullswick Central; Lantern Quay; Millhaven"],
    ["Key decision", "Yes - Forward Plan reference CAB/26/007"],
    ["Consultation period", "3 November 2025 to 14 December 2025 (six weeks)"],
    ["Appendices", "A - consultation questionnaire; B - equality impact assessment; C - draft Order"],
], [45, 125]))
story.append(Paragraph("1. Purpose", H))
story.append(Paragraph("1.1 The Ullswick Town Centre Public Spaces Protection Order was made on 1 April 2023 for three years and ends on 31 March 2026. This report sets out the evidence gathered by the Safer Ullswick Partnership, the results of the statutory consultation on renewing and varying the Order, and asks Cabinet to make a new Order for a further three years from 1 April 2026.", B))
story.append(Paragraph("2. Recommendations", H))
story.append(Paragraph("2.1 That Cabinet (a) makes the Ullswick Town Centre Public Spaces Protection Order 2026 in the form at Appendix C, to take effect on 1 April 2026 for three years; (b) extends the restricted area to include Coopers Walk and the Ferrington Road underpass; (c) adds a new prohibition on the use of nitrous oxide for psychoactive effect; (d) does not proceed with the proposed prohibition on begging, for the reasons in section 6; and (e) sets the fixed penalty for a breach of the Order at £100, reduced to £75 if paid within 10 days.", B))
story.append(Paragraph("3. Evidence of anti-social behaviour", H))
story.append(Paragraph("3.1 Caddonshire Constabulary and the Council recorded 523 incidents of anti-social behaviour in the existing restricted area in April to December 2024 and 393 in April to December 2025, a fall of 24.9%. Street drinking accounted for 141 of the 2025 incidents and nuisance linked to nitrous oxide for 58, compared with 19 in the same months of 2024. Coopers Walk, which is outside the current area, recorded 87 incidents in 2025, more than any single street inside it apart from Lantern Quay.", B))
story.append(chart())
story.append(Paragraph("Figure 1: ASB incidents in the restricted area by month, April to December 2024 and 2025 (Caddonshire Constabulary and Ullswick Borough Council)", C))
story.append(Paragraph("4. The consultation", H))
story.append(Paragraph("4.1 The consultation ran for six weeks and was promoted online, through the Ullswick Business Improvement District and at two street stalls. It received 1,146 responses: 802 from residents, 214 from businesses and 130 from visitors and others. Caddonshire Constabulary, the Police and Crime Commissioner for Caddonshire and the county council were consulted as the law requires and all three supported renewal.", B))
story.append(Paragraph("Table 1: Support for each proposal by type of respondent", C))
hdr1 = ["Proposal", "Residents (802)", "", "Businesses (214)", "", "All (1,146)", ""]
hdr2 = ["", "Agree", "Disagree", "Agree", "Disagree", "Agree", "Disagree"]
rows = [
    ["Renew the Order for three years", "84%", "11%", "91%", "6%", "85%", "10%"],
    ["Keep the ban on drinking alcohol when asked to stop", "88%", "8%", "93%", "4%", "88%", "8%"],
    ["Extend the area to Coopers Walk and the Ferrington Road underpass", "71%", "17%", "79%", "12%", "72%", "16%"],
    ["New ban on using nitrous oxide", "86%", "7%", "89%", "5%", "86%", "7%"],
    ["New ban on begging", "49%", "38%", "67%", "24%", "51%", "37%"],
    ["Keep dogs on leads in Millhaven Park play areas", "77%", "15%", "70%", "13%", "76%", "15%"],
]
story.append(grid([hdr1, hdr2] + [[P(r[0])] + r[1:] for r in rows], [62, 18, 18, 18, 18, 18, 18], header_rows=2,
                  spans=[((0, 0), (0, 1)), ((1, 0), (2, 0)), ((3, 0), (4, 0)), ((5, 0), (6, 0))]))
story.append(Paragraph("Percentages are of those answering each question; the rest answered 'don't know'. Visitors and others are included in 'All' but not shown separately.", C))
story.append(Paragraph("5. The proposed Order", H))
story.append(Paragraph("Table 2: Prohibitions and requirements, 2023 Order and proposed 2026 Order", C))
t2 = [["Ref", "Prohibition or requirement", "2023 Order", "2026 Order", "Change"]]
for r in [
    ["P1", "Drinking alcohol in a public place when asked by an authorised officer to stop", "Yes", "Yes", "None"],
    ["P2", "Urinating or defecating in a public place", "Yes", "Yes", "None"],
    ["P3", "Using nitrous oxide for its psychoactive effect, or leaving its canisters", "No", "Yes", "New"],
    ["P4", "Aggressive or persistent begging", "No", "No", "Not proceeded with"],
    ["P5", "Dogs to be kept on a lead in Millhaven Park play areas", "Yes", "Yes", "None"],
    ["P6", "Riding a bicycle or e-scooter in Lantern Quay pedestrian zone between 10 am and 4 pm", "Yes", "Yes", "Hours now 9 am to 6 pm"],
]:
    t2.append([r[0], P(r[1]), r[2], r[3], P(r[4])])
story.append(grid(t2, [12, 88, 20, 20, 30]))
story.append(Paragraph("6. Begging", H))
story.append(Paragraph("6.1 Only 51% of all respondents supported a ban on begging, and the equality impact assessment found that it would fall most heavily on people who are homeless, many of whom have disabilities. The Partnership's outreach service worked with 34 people begging in the town centre in 2025, of whom 22 accepted an offer of accommodation. Officers recommend that begging continues to be dealt with through outreach and, where needed, individual Community Protection Notices, and that the position is looked at again in the review of the Order due in 2027.", B))
story.append(Paragraph("7. Enforcement under the 2023 Order", H))
story.append(Paragraph("Table 3: Use of the Order, 2023/24 to 2025/26", C))
story.append(grid([
    ["Measure", "2023/24", "2024/25", "2025/26 (to 31 Dec)"],
    ["Requests to stop drinking (P1)", "412", "366", "240"],
    ["Alcohol seized (occasions)", "187", "159", "101"],
    ["Fixed penalty notices issued", "38", "29", "17"],
    ["Fixed penalty notices paid", "31", "22", "12"],
    ["Prosecutions for breach", "3", "2", "1"],
], [70, 30, 30, 40]))
story.append(Paragraph("7.1 Most people asked to stop drinking complied. Fixed penalty notices are issued by Caddonshire Constabulary and by the Council's two town centre wardens, whose posts are funded by the Safer Ullswick Partnership until March 2027.", B))
story.append(Paragraph("8. Financial, legal and equality implications", H))
story.append(Paragraph("8.1 New signs for the extended area and the new prohibition will cost an estimated £6,800, met from the Safer Ullswick Partnership's 2025/26 fund. Enforcement is met from existing budgets. 8.2 The Order is made under section 59 of the Anti-social Behaviour, Crime and Policing Act 2014; anyone who lives in or regularly works in or visits the area may challenge it in the High Court within six weeks of it being made. 8.3 The equality impact assessment is at Appendix B.", B))
story.append(Paragraph("9. Next steps", H))
story.append(Paragraph("9.1 If Cabinet agrees, the Order will be published on the Council's website and new signs put up by 31 March 2026. An evaluation of the nitrous oxide prohibition will be carried out by the Safer Ullswick Partnership after its first twelve months and reported to the Partnership Board; its results are not yet known. A survey of Lantern Quay traders on the new cycling hours is planned for summer 2026.", B))
story.append(Spacer(1, 4*mm))
story.append(Paragraph("Contact officer: Sam Delacourt, Community Safety Officer, Ullswick Borough Council. Email: saferullswick@ullswick.gov.uk. Telephone: 01632 962 114.", C))
story.append(Paragraph("Background papers: Ullswick Town Centre Public Spaces Protection Order 2023; Safer Ullswick Partnership Board minutes, 22 January 2026.", C))

doc = BaseDocTemplate(OUT, pagesize=A4, leftMargin=18*mm, rightMargin=18*mm, topMargin=18*mm, bottomMargin=20*mm,
                      invariant=1, title="Ullswick Town Centre PSPO 2026: outcome of consultation", author="Ullswick Borough Council")
doc.addPageTemplates([PageTemplate(id="p", frames=[Frame(18*mm, 18*mm, 174*mm, 262*mm, id="f")], onPage=header_footer)])
doc.build(story)
print(OUT)
