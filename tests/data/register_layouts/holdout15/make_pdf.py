"""Builds the Harnsey Vale DHR learning and improvement plan PDF (same bytes each time)."""
import pathlib
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib import colors
OUT = pathlib.Path(__file__).with_name("harnsey-vale-csp-dhr-learning-and-improvement-plan-2026-12-01.pdf")
ss = getSampleStyleSheet(); b = ss["BodyText"]
def hf(c, d):
    c.saveState(); c.setFont("Helvetica", 8)
    c.drawString(40, 815, "Harnsey Vale Community Safety Partnership - DHR 'Imogen' learning and improvement plan")
    c.drawString(40, 25, "OFFICIAL - Page %d" % d.page); c.restoreState()
rows = [["Ref", "Specific action", "Measurable outcome", "Agency", "Target", "RAG"]]
data = [
 ("L1", "Add a routine enquiry prompt to the GP triage template", "Prompt live in all 14 practices", "Harnsey Vale ICB (Dr Oona Festing)", "31/01/2027", "G"),
 ("L2", "Train front-desk housing staff in spotting coercive control", "90% of staff trained", "Housing Options Manager", "Q4 2026/27", "A"),
 ("L3", "Publish a one-page guide to Clare's Law for families", "Guide on the partnership website", "Tavistree Police", "Mar 2027", "R"),
 ("L4", "Audit MARAC referrals for repeat victims", "Audit report to the Board", "MARAC Chair", "-", "C"),
 ("L5", "Brief school safeguarding leads on the review findings", "All secondary schools briefed", "Education Safeguarding Lead", "Summer term 2027", "G"),
 ("L6", "Add the review's learning to the partnership training offer", "Two sessions delivered", "DA Coordinator to arrange", "Next Board", "A"),
 ("L7", "Agree a shared chronology template for future reviews", "Template signed off", "Community Safety Manager", "Jun 2027", "C"),
 ("L8", "Check that probation risk assessments record household members", "Dip sample of 20 cases", "Probation Service (Hal Umber)", "30/04/2027", "R"),
] * 1
for r in data: rows.append([Paragraph(x, b) for x in r])
t = Table(rows, colWidths=[30, 125, 100, 110, 75, 35], repeatRows=1)
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
story = [Paragraph("Learning and improvement plan - position at 1 December 2026", ss["Heading2"]),
         Paragraph("Key: G = on track; A = behind plan; R = at risk; C = complete.", b), Spacer(1, 560), t,
         Spacer(1, 8), Paragraph("Of the eight actions, two are complete. Action L3 is rated R.", b)]
doc = SimpleDocTemplate(str(OUT), pagesize=A4, invariant=1, title="DHR learning plan", author="Harnsey Vale CSP")
doc.build(story, onFirstPage=hf, onLaterPages=hf)
