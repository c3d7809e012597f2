"""Build stanwold-cabinet-partnership-plan-refresh-2026-02-10.pdf (deterministic).

A fictional district council's Cabinet report on the annual refresh of its
Community Safety Partnership plan: a ruled cover table of report fields,
numbered paragraphs, recommendations, appendices with ruled tables (the
priorities-and-measures table runs across a page break with its header row
repeated), and a running page header and footer.

Run:  .venv/bin/python tests/data/holdout9/docs/make_pdf.py
"""

import os

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "stanwold-cabinet-partnership-plan-refresh-2026-02-10.pdf")

ss = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=ss["Normal"], fontName="Helvetica", fontSize=9.5,
                      leading=12.5, spaceAfter=5, alignment=TA_LEFT)
NUM = ParagraphStyle("num", parent=BODY, leftIndent=10 * mm, firstLineIndent=-10 * mm)
SUB = ParagraphStyle("sub", parent=BODY, leftIndent=16 * mm, firstLineIndent=-6 * mm, spaceAfter=3)
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=17, spaceAfter=6)
H2 = ParagraphStyle("h2", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14,
                    spaceBefore=6, spaceAfter=4)
CAP = ParagraphStyle("cap", parent=BODY, fontName="Helvetica-Bold", fontSize=9.5, spaceBefore=4, spaceAfter=3)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
NOTE = ParagraphStyle("note", parent=BODY, fontSize=8, leading=10, textColor=colors.HexColor("#333333"))


def p(text, style=BODY):
    return Paragraph(text, style)


def n(num, text):
    return Paragraph(f"{num}&nbsp;&nbsp;&nbsp;{text}", NUM)


def cells(rows, style=CELL, head_style=CELLB, head=1):
    out = []
    for i, r in enumerate(rows):
        st = head_style if i < head else style
        out.append([Paragraph(str(c), st) if not isinstance(c, Paragraph) else c for c in r])
    return out


GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#444444")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
]
HEAD = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9"))]


class NumberedCanvas(rl_canvas.Canvas):
    """Adds 'Page x of y' once the page count is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._furniture(total)
            super().showPage()
        super().save()

    def _furniture(self, total):
        w, h = A4
        self.saveState()
        self.setFont("Helvetica", 8)
        self.setFillColor(colors.HexColor("#333333"))
        self.drawString(18 * mm, h - 12 * mm, "Stanwold District Council  |  Cabinet  |  10 February 2026")
        self.drawRightString(w - 18 * mm, h - 12 * mm, "Agenda item 8")
        self.setStrokeColor(colors.HexColor("#888888"))
        self.setLineWidth(0.4)
        self.line(18 * mm, h - 14 * mm, w - 18 * mm, h - 14 * mm)
        self.line(18 * mm, 14 * mm, w - 18 * mm, 14 * mm)
        self.drawString(18 * mm, 9.5 * mm, "Safer Stanwold Partnership Plan 2024\u20132027: annual refresh 2026/27")
        self.drawRightString(w - 18 * mm, 9.5 * mm, f"Page {self._pageNumber} of {total}")
        self.restoreState()


def build(path=OUT):
    story = []

    story.append(p("STANWOLD DISTRICT COUNCIL", ParagraphStyle("t0", parent=H2, fontSize=10, spaceBefore=0)))
    story.append(p("Report to Cabinet \u2013 Tuesday 10 February 2026", H2))
    story.append(p("Safer Stanwold Partnership Plan 2024\u20132027: Annual Refresh 2026/27", H1))

    cover = [
        ["Report title", "Safer Stanwold Partnership Plan 2024\u20132027: Annual Refresh 2026/27"],
        ["Report of", "Marcus Threlfall, Strategic Director of Communities"],
        ["Cabinet Member", "Councillor Harriet Ossington, Cabinet Member for Communities and Community Safety"],
        ["Lead officer", "Dervla Kinsey, Community Safety and Partnerships Manager "
                         "(dervla.kinsey@stanwold.gov.uk, 01632 960418)"],
        ["Wards affected", "All wards"],
        ["Key decision", "Yes \u2013 Forward Plan reference FP/26/011"],
        ["Exempt information", "None. The report and all appendices are public."],
        ["Call-in", "The decision at recommendation 2.5 is subject to call-in. Recommendation 2.2 "
                    "is a recommendation to Full Council and is not subject to call-in."],
        ["Appendices", "A \u2013 Priorities and measures 2026/27; B \u2013 Performance 2024/25; "
                       "C \u2013 Overview and Scrutiny Committee recommendations and responses; D \u2013 Glossary"],
    ]
    t = Table(cells(cover, head=0), colWidths=[38 * mm, 136 * mm])
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee"))]))
    story += [t, Spacer(1, 5)]

    story.append(p("1. Purpose of the report", H2))
    story.append(n("1.1", "This report asks Cabinet to approve the second annual refresh of the Safer Stanwold "
                          "Partnership Plan 2024\u20132027 and to recommend the refreshed Plan to Full Council for "
                          "adoption on 26 February 2026."))
    story.append(n("1.2", "The refresh was agreed by the Safer Stanwold Partnership Board on 4 December 2025, "
                          "following its consideration of the Strategic Assessment 2025/26."))

    story.append(p("2. Recommendations", H2))
    story.append(p("That Cabinet:"))
    recs = [
        ("2.1", "approves the refreshed priorities and measures set out at Appendix A;"),
        ("2.2", "recommends the refreshed Plan to Full Council for adoption on 26 February 2026;"),
        ("2.3", "delegates authority to the Strategic Director of Communities, in consultation with the Cabinet "
                "Member for Communities and Community Safety, to make minor amendments to the Plan before "
                "publication;"),
        ("2.4", "notes the responses to the Overview and Scrutiny Committee\u2019s recommendations at Appendix C;"),
        ("2.5", "agrees a council contribution of \u00a324,000 to the Community Safety Fund in 2026/27, funded "
                "from the Community Safety earmarked reserve."),
    ]
    for a, b in recs:
        story.append(n(a, b))

    story.append(p("3. Reasons for the recommendations", H2))
    story.append(n("3.1", "The Partnership Plan forms part of the Council\u2019s Policy Framework and must be "
                          "adopted by Full Council. The Crime and Disorder Act 1998 requires the partnership to "
                          "keep its plan under review and to revise it each year in the light of the strategic "
                          "assessment."))
    story.append(n("3.2", "The council contribution at recommendation 2.5 keeps the Community Safety Fund at "
                          "the 2025/26 level while the Police and Crime Commissioner\u2019s grant is reduced."))

    story.append(p("4. Background", H2))
    story.append(n("4.1", "The Safer Stanwold Partnership is the Community Safety Partnership for the district. "
                          "Its responsible authorities are Stanwold District Council, Dunholtshire Constabulary, "
                          "Dunholtshire County Council, Dunholtshire Fire and Rescue Service, the Probation "
                          "Service and the Dunholt and Vale Integrated Care Board."))
    story.append(n("4.2", "The Partnership Board is chaired by Superintendent Owen Marrowby, Dunholtshire "
                          "Constabulary. The vice-chair is Councillor Harriet Ossington. The Board meets "
                          "quarterly; its partnership manager is the lead officer for this report."))
    story.append(n("4.3", "The Plan 2024\u20132027 was adopted by Full Council on 21 March 2024. Its first "
                          "refresh was approved by Cabinet on 11 February 2025. This second refresh covers "
                          "2026/27, the final year of the Plan; a new three-year plan will be prepared for "
                          "2027\u20132030."))
    story.append(n("4.4", "The Strategic Assessment 2025/26 used data for 1 October 2024 to 30 September 2025 "
                          "and was approved by the Board on 4 December 2025. The district\u2019s population used "
                          "for all rates in this report is 118,400."))

    story.append(p("5. What has changed in the refresh", H2))
    story.append(n("5.1", "The Plan keeps four priorities. Priority 3, previously \u201cSafer Roads\u201d, is "
                          "replaced by \u201cTackling retail and business crime\u201d. Road safety work passes to the "
                          "Dunholtshire Road Safety Partnership, which reports to the Board once a year. The "
                          "priorities for 2026/27 are:"))
    for a, b in [
        ("P1", "Reducing serious violence and violence against women and girls"),
        ("P2", "Tackling anti-social behaviour in town centres and neighbourhoods"),
        ("P3", "Tackling retail and business crime (new for 2026/27)"),
        ("P4", "Protecting people from exploitation and drug-related harm"),
    ]:
        story.append(Paragraph(f"{a}&nbsp;&nbsp;{b}", SUB))
    story.append(n("5.2", "The change to Priority 3 follows the rise in shoplifting reported in the Strategic "
                          "Assessment. Recorded shoplifting rose from 842 offences in 2023/24 to 1,167 in "
                          "2024/25, an increase of 38.6%, and Pellowby town centre accounted for 57% of all "
                          "shoplifting in the district. Serious violence fell by 6.2% to 318 offences."))
    story.append(n("5.3", "Five measures have been added (1.6, 2.4, 3.2, 3.5 and 4.5) and two have been "
                          "removed: killed or seriously injured road casualties, and complaints about speeding. "
                          "Holmcross town centre is added as a priority location alongside Pellowby."))
    story.append(n("5.4", "Each priority has a named lead, who reports progress to the Board every quarter: "
                          "Detective Chief Inspector Faye Lunnon (P1), Rhiannon Askwith, ASB and Community Safety "
                          "Team Leader (P2), Inspector Gareth Moyle (P3) and Tess Farraday, Dunholtshire County "
                          "Council (P4)."))

    story.append(p("6. Consultation", H2))
    story.append(n("6.1", "The residents\u2019 community safety survey ran from 1 September to 12 October 2025 and "
                          "received 1,284 responses. 58% of respondents said they felt safe in their nearest town "
                          "centre after dark, down from 64% in the 2024 survey. Anti-social behaviour was the "
                          "issue most often named as a concern (by 47% of respondents), followed by drug dealing "
                          "(31%)."))
    story.append(n("6.2", "96 retailers responded to the Retail Crime Survey in October 2025. 71% said that they "
                          "did not report every incident of shop theft to the police, most often because they "
                          "did not expect a response."))
    story.append(n("6.3", "The Overview and Scrutiny Committee considered the draft refresh on 13 January 2026 "
                          "and made four recommendations. They and the proposed responses are at Appendix C. "
                          "The Stanwold Youth Council was consulted on 18 November 2025."))

    story.append(p("7. Financial implications", H2))
    story.append(n("7.1", "The Community Safety Fund for 2026/27 is made up as follows. The Police and Crime "
                          "Commissioner\u2019s grant is provisional; confirmation is expected by 31 March 2026."))
    fund = [
        ["Source", "2025/26", "2026/27"],
        ["Police and Crime Commissioner for Dunholtshire \u2013 community safety grant", "\u00a368,200",
         "\u00a361,380 (provisional)"],
        ["Stanwold District Council contribution", "\u00a318,000", "\u00a324,000"],
        ["Serious Violence Duty grant (via the Commissioner)", "\u00a39,870", "\u00a39,870"],
        ["Total", "\u00a396,070", "\u00a395,250"],
    ]
    t = Table(cells(fund), colWidths=[98 * mm, 30 * mm, 46 * mm])
    t.setStyle(TableStyle(GRID + HEAD + [("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold")]))
    story += [t, Spacer(1, 5)]
    story.append(n("7.2", "The council contribution of \u00a324,000 is met from the Community Safety earmarked "
                          "reserve, which will stand at \u00a341,500 after this use. Comments of the Section 151 "
                          "Officer (Kathryn Pellard): the proposal is affordable within the reserve for 2026/27 "
                          "only; any contribution in 2027/28 will need a base budget growth bid."))

    story.append(p("8. Legal implications", H2))
    story.append(n("8.1", "Sections 5 to 7 of the Crime and Disorder Act 1998 and the 2007 and 2011 regulations "
                          "require the partnership to prepare a strategic assessment and a partnership plan and "
                          "to revise the plan annually. Comments of the Monitoring Officer (Chidi Ezeilo): the "
                          "Plan is a Policy Framework document and must be adopted by Full Council."))

    story.append(p("9. Risks", H2))
    story.append(n("9.1", "The main risk is a further reduction in the Commissioner\u2019s grant. If the grant is "
                          "confirmed below \u00a361,380, the Board will reduce the Shopsafe Stanwold and diversion "
                          "budgets first. A second risk is that the new retail crime measures depend on "
                          "retailers reporting more incidents, which may at first make the figures rise."))

    story.append(p("10. Equalities", H2))
    story.append(n("10.1", "An Equality Impact Assessment was completed on 18 December 2025. It found no negative "
                           "impact on any protected group and a positive impact for women and girls (Priority 1)."))

    story.append(p("11. Next steps", H2))
    story.append(n("11.1", "Subject to Cabinet\u2019s decision, the refreshed Plan goes to Full Council on 26 "
                           "February 2026 and will be published on the partnership\u2019s web pages by 31 March "
                           "2026. The Board will receive the first quarterly report against the new measures on "
                           "9 July 2026."))
    story.append(n("11.2", "Two pieces of work have been commissioned whose results are not yet known. An "
                           "independent evaluation of the Pellowby Safe Space pilot (weekend evenings, run with "
                           "Ridgeford Street Angels) will report to the Board in September 2026. A feasibility "
                           "study for a Business Crime Reduction Partnership covering Pellowby and Holmcross will "
                           "report in June 2026; no decision on setting one up has been taken."))
    story.append(n("11.3", "Progress will be reported to the Overview and Scrutiny Committee in September 2026 "
                           "and March 2027."))
    story.append(Spacer(1, 4))
    story.append(p("Background papers: Safer Stanwold Partnership Strategic Assessment 2025/26 (Partnership Board, "
                   "4 December 2025); Safer Stanwold Partnership Plan 2024\u20132027 (Council, 21 March 2024).", NOTE))

    # ---------------- Appendix A ----------------
    story.append(Spacer(1, 8))
    story.append(p("Appendix A \u2013 Priorities and measures 2026/27", H2))
    story.append(p("Table A1 sets out each priority with its measures, the 2024/25 baseline and the target for "
                   "2026/27. \u201cMonitor\u201d means that no numerical target is set because a rise may reflect "
                   "better reporting. Measures marked * are new for 2026/27."))
    story.append(p("Table A1: Priorities, measures, baselines and targets", CAP))
    a1 = [["Ref", "Measure", "Baseline 2024/25", "Target 2026/27", "Lead group"]]
    groups = [
        ("Priority 1: Reducing serious violence and violence against women and girls (lead: DCI Faye Lunnon)", [
            ("1.1", "Serious violence offences (police recorded)", "318", "Reduce by 5% (302 or fewer)",
             "Serious Violence Steering Group"),
            ("1.2", "Violence with injury in Pellowby town centre night-time economy (Friday and Saturday, "
                    "8pm to 4am)", "147", "135 or fewer", "Licensing and Night-Time Economy Group"),
            ("1.3", "Domestic abuse-related crimes", "1,402", "Monitor", "Domestic Abuse Local Partnership Group"),
            ("1.4", "Repeat referrals to MARAC", "31%", "28% or lower", "Domestic Abuse Local Partnership Group"),
            ("1.5", "Knife crime offences (possession and use)", "64", "Reduce by 10% (58 or fewer)",
             "Serious Violence Steering Group"),
            ("1.6*", "Women who feel safe walking alone in their town centre after dark (residents\u2019 survey)",
             "46%", "50%", "Community Safety Team"),
        ]),
        ("Priority 2: Tackling anti-social behaviour in town centres and neighbourhoods (lead: Rhiannon Askwith)", [
            ("2.1", "ASB incidents reported to the police", "3,918", "Reduce by 5% (3,722 or fewer)",
             "ASB Tasking Group"),
            ("2.2", "ASB cases opened on the council and housing case management system", "1,136", "Monitor",
             "ASB Tasking Group"),
            ("2.3", "ASB Case Reviews received", "9", "Monitor", "Community Safety Team"),
            ("2.4*", "Youth-related ASB incidents in Holmcross town centre", "412", "Reduce by 15% (350 or fewer)",
             "Holmcross Town Centre Group"),
            ("2.5", "Deliberate secondary fires", "187", "Reduce by 10% (168 or fewer)",
             "Dunholtshire Fire and Rescue Service"),
            ("2.6", "Community Protection Warnings issued", "74", "Monitor", "ASB Tasking Group"),
        ]),
        ("Priority 3: Tackling retail and business crime (lead: Inspector Gareth Moyle)", [
            ("3.1", "Shoplifting offences", "1,167", "Reduce by 10% (1,050 or fewer)", "Retail Crime Group"),
            ("3.2*", "Shoplifting offences with a suspect identified that result in a charge", "14%", "20%",
             "Dunholtshire Constabulary"),
            ("3.3", "Retailers signed up to the Shopsafe Stanwold radio and alert scheme", "38", "60",
             "Retail Crime Group"),
            ("3.4", "Business burglary", "221", "Reduce by 5% (210 or fewer)", "Retail Crime Group"),
            ("3.5*", "Assaults on shop workers", "29", "Monitor", "Retail Crime Group"),
        ]),
        ("Priority 4: Protecting people from exploitation and drug-related harm (lead: Tess Farraday)", [
            ("4.1", "Referrals to the Exploitation Hub", "126", "Monitor", "Exploitation Hub"),
            ("4.2", "Drug trafficking offences (proactive policing)", "97", "Monitor", "Dunholtshire Constabulary"),
            ("4.3", "Young people completing the Fresh Start diversion programme", "41", "60",
             "Youth Justice Service"),
            ("4.4", "Adults released from custody who engage with drug treatment within three weeks", "39%", "50%",
             "Combating Drugs Partnership"),
            ("4.5*", "County lines assessed as active in the district", "6", "4 or fewer",
             "Exploitation Hub and ORBIT panel"),
            ("4.6", "Addresses identified as cuckooed", "18", "Monitor", "Exploitation Hub"),
        ]),
    ]
    spans = []
    for title, rows in groups:
        spans.append(len(a1))
        a1.append([title, "", "", "", ""])
        for r in rows:
            a1.append(list(r))
    data = []
    for i, r in enumerate(a1):
        if i == 0:
            data.append([Paragraph(c, CELLB) for c in r])
        elif i in spans:
            data.append([Paragraph(r[0], CELLB), "", "", "", ""])
        else:
            data.append([Paragraph(c, CELL) for c in r])
    style = GRID + HEAD
    for i in spans:
        style += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#efefef"))]
    t = Table(data, colWidths=[12 * mm, 66 * mm, 22 * mm, 36 * mm, 38 * mm], repeatRows=1)
    t.setStyle(TableStyle(style))
    story += [t, Spacer(1, 6)]
    story.append(p("Note: the ORBIT panel is the partnership\u2019s multi-agency meeting for adults at risk of "
                   "exploitation; it meets every four weeks and is chaired by Dunholtshire County Council.", NOTE))

    # ---------------- Appendix B ----------------
    story.append(p("Appendix B \u2013 Performance 2024/25", H2))
    story.append(p("Table B1 compares 2024/25 with 2023/24 (1 April to 31 March, police recorded, except "
                   "deliberate secondary fires which are fire service data). Rates are per 1,000 residents."))
    b1 = [
        ["Measure", "2023/24", "2024/25", "Change", "% change", "Rate per 1,000 (2024/25)"],
        ["All crime", "9,842", "9,516", "-326", "-3.3%", "80.4"],
        ["Violence with injury", "1,288", "1,231", "-57", "-4.4%", "10.4"],
        ["Serious violence", "339", "318", "-21", "-6.2%", "2.7"],
        ["Domestic abuse-related crimes", "1,356", "1,402", "+46", "+3.4%", "11.8"],
        ["Residential burglary", "402", "367", "-35", "-8.7%", "3.1"],
        ["Business burglary", "236", "221", "-15", "-6.4%", "1.9"],
        ["Shoplifting", "842", "1,167", "+325", "+38.6%", "9.9"],
        ["Vehicle crime", "611", "574", "-37", "-6.1%", "4.8"],
        ["ASB incidents (police)", "4,207", "3,918", "-289", "-6.9%", "33.1"],
        ["Deliberate secondary fires", "164", "187", "+23", "+14.0%", "1.6"],
    ]
    t = Table(cells(b1), colWidths=[58 * mm, 20 * mm, 20 * mm, 18 * mm, 20 * mm, 38 * mm])
    t.setStyle(TableStyle(GRID + HEAD + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    story += [KeepTogether([p("Table B1: Crime and ASB, 2023/24 and 2024/25", CAP), t]), Spacer(1, 6)]

    b2 = [
        ["Town or area", "Population", "All crime 2024/25", "Rate per 1,000"],
        ["Pellowby", "41,200", "4,310", "104.6"],
        ["Holmcross", "27,900", "2,486", "89.1"],
        ["Ridgeford", "19,600", "1,205", "61.5"],
        ["Sedgebury", "12,300", "684", "55.6"],
        ["Rural parishes", "17,400", "831", "47.8"],
        ["Stanwold district", "118,400", "9,516", "80.4"],
    ]
    t = Table(cells(b2), colWidths=[58 * mm, 30 * mm, 40 * mm, 30 * mm])
    t.setStyle(TableStyle(GRID + HEAD + [("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                                         ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold")]))
    story += [KeepTogether([p("Table B2: All crime by town, 2024/25", CAP), t]), Spacer(1, 4)]
    story.append(p("Pellowby has the highest crime rate of the four towns and Sedgebury the lowest. Holmcross "
                   "recorded the largest rise in youth-related ASB of any town, which is why measure 2.4 has "
                   "been added."))

    # ---------------- Appendix C ----------------
    story.append(p("Appendix C \u2013 Overview and Scrutiny Committee recommendations and responses", H2))
    story.append(p("The Overview and Scrutiny Committee (chair: Councillor Bernard Hollinrake) considered the "
                   "draft refresh on 13 January 2026 and made the following recommendations."))
    c1 = [
        ["Ref", "Recommendation of the Committee", "Proposed response", "Response"],
        ["OS1", "That a measure on assaults on shop workers be included in Priority 3.",
         "Accepted", "Measure 3.5 added; Monitor only in 2026/27, with a target to be set once a full year of "
                     "data is available."],
        ["OS2", "That the Plan set a target for the time taken to respond to ASB Case Review applications.",
         "Accepted in part", "Response times will be reported to the Board each quarter; a target will be "
                             "considered for the 2027\u20132030 plan."],
        ["OS3", "That rural crime be made a fifth priority.", "Not accepted",
         "Rural crime is addressed within Priority 2 and through the Stanwold Rural Crime Forum; the rural "
         "parishes have the lowest crime rate in the district (47.8 per 1,000)."],
        ["OS4", "That the Board report progress on the Plan to the Committee twice a year.", "Accepted",
         "Reports will be made in September 2026 and March 2027."],
    ]
    t = Table(cells(c1), colWidths=[12 * mm, 56 * mm, 26 * mm, 80 * mm])
    t.setStyle(TableStyle(GRID + HEAD))
    story += [t, Spacer(1, 6)]

    # ---------------- Appendix D ----------------
    d1 = [
        ["Term", "Meaning"],
        ["ASB", "Anti-social behaviour"],
        ["BCRP", "Business Crime Reduction Partnership"],
        ["CPW", "Community Protection Warning, the written warning that precedes a Community Protection Notice"],
        ["MARAC", "Multi-Agency Risk Assessment Conference"],
        ["NTE", "Night-time economy"],
        ["PCC", "Police and Crime Commissioner"],
        ["SVD", "Serious Violence Duty (Police, Crime, Sentencing and Courts Act 2022)"],
        ["VAWG", "Violence against women and girls"],
    ]
    t = Table(cells(d1), colWidths=[24 * mm, 150 * mm])
    t.setStyle(TableStyle(GRID + HEAD))
    story += [KeepTogether([p("Appendix D \u2013 Glossary", H2), t])]

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm,
                            title="Safer Stanwold Partnership Plan 2024-2027: Annual Refresh 2026/27",
                            author="Stanwold District Council", subject="Cabinet, 10 February 2026, item 8",
                            creator="make_pdf.py")
    doc.build(story, canvasmaker=NumberedCanvas)
    return path


if __name__ == "__main__":
    print(build())
