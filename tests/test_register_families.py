# ruff: noqa: E501 - the papers print long lines
"""The two layout families of issue 10's second round, read in forms the golden documents
do not print: record-style notices (a header of fields, then DECISION / ACTIONS ARISING
sections, or "The <body> RESOLVED:" outside any minutes; in Markdown and as a PDF whose
header is a boxed table) and action lists whose items print their fields after their words
(bracketed, dash-separated, nested bullets, a record block under a title line).

Each paper is read by the real loader, segmenter and register readers (no embedding: the
registers do not need it); the PDFs are generated here with reportlab."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import read_corpus
from ingest.registers import Registers, extract_registers

NOTICES_MD = """\
# Safer Northbrook Partnership

## Record of Decision

**Decision maker:** Safer Northbrook Partnership Board
**Date of decision:** 3 March 2025
**Decision reference:** SNP/2025/014
**Subject:** Alcohol-free zone in the town centre

### Decision

- That the public spaces protection order for the town centre be renewed for three years.
- That the Licensing Manager publish the renewed order by 31 March 2025.

### Reasons for the decision

Street drinking complaints rose by a third in 2024. The Board agreed this was the priority.

---

**Decision maker:** Safer Northbrook Partnership Board
**Date of decision:** 3 March 2025
**Decision reference:** SNP/2025/015
**Subject:** Quarterly performance

Decision: That the report be noted.

---

**Decision maker:** Safer Northbrook Partnership Board
**Date of decision:** 4 March 2025
**Decision reference:** SNP/2025/016
**Subject:** Knife crime

The Board RESOLVED that the Chair write to the Police and Crime Commissioner about knife arches.

**Actions arising**

1. Community Safety Manager to circulate the knife crime profile by 14 March 2025.
2. The Youth Service to book the school assemblies before Easter.

### Declarations of interest

None.
"""

ACTIONS_MD = """\
# Safer Northbrook Partnership: outstanding actions

Report date: 1 April 2025

1. CSP/25/01 – Review the night-time economy plan (Owner: Licensing Manager; Due: 30/06/2025; Status: In progress)
2. CSP/25/02 – Write to the county about the lighting at the bus station. Owner: Chair. Status: Complete – letter sent on 12 March 2025.
* **A3** Install CCTV at the railway station — Lead: Transport Police — Target date: May 2025 — Amber
- Share the hotspot map with ward councillors
  - Lead: Insp. D. Okoro
  - Due: Monthly
  - Status: Not started
- A4 · Repair the underpass lights. Lead: Highways. [Complete]

CSP/25/05 Deliver safeguarding training to taxi drivers
Lead: Licensing Team
Due: 31 May 2025
Status: Open

Summary: 6 actions, of which 2 are complete. Lead: the Community Safety Lead.
"""


def _notice_pdf(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    ss = getSampleStyleSheet()
    story = []
    for ref, day, subject, decision, action in (
        ("HCSP/D/25/04", "10", "CCTV replacement", [
            "The Board RESOLVED:",
            "1. That the replacement of the Market Square cameras be approved at a cost of "
            "£42,000.",
            "2. That the CCTV Manager report on the new cameras' first six months to the Board "
            "in October 2025.",
        ], None),
        ("HCSP/D/25/05", "11", "Annual report", [
            "The Board noted the annual report of the Partnership for 2023/24.",
        ], "(a) Partnership Officer to publish the annual report by 28 February 2025."),
    ):
        header = Table(
            [["Decision maker", "Hollinford Community Safety Partnership Board"],
             ["Date of decision", f"{day} February 2025"], ["Reference", ref],
             ["Subject", subject]],
            colWidths=[120, 330],
        )
        header.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story += [Paragraph("Hollinford Borough Council", ss["Title"]),
                  Paragraph("Record of decision", ss["Heading1"]), header, Spacer(1, 12),
                  Paragraph("Decision", ss["Heading2"])]
        story += [Paragraph(p, ss["Normal"]) for p in decision]
        if action:
            story += [Paragraph("Actions arising", ss["Heading2"]), Paragraph(action, ss["Normal"])]
        story += [Paragraph("Reasons", ss["Heading2"]),
                  Paragraph("The Partnership publishes what it decides.", ss["Normal"])]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def _read(tmp_path: Path, name: str, text: str | None = None) -> Registers:
    folder = tmp_path / "papers"
    folder.mkdir()
    if text is None:
        _notice_pdf(folder / name)
    else:
        (folder / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([folder], cache=tmp_path / "cache", chunk_size=1000, chunk_overlap=100,
                         base=folder)
    return extract_registers(corpus.docs, corpus.parts)


def _rows(entries) -> list[tuple]:
    return [(e.text, e.owner, e.due, e.status, e.state, e.reference, e.where.date)
            for e in entries]


def test_markdown_notices_give_each_entry_its_notice_reference_and_date(tmp_path) -> None:
    reg = _read(tmp_path, "northbrook-decisions-2025-03-04.md", NOTICES_MD)
    assert _rows(reg.decisions) == [
        ("That the public spaces protection order for the town centre be renewed for three "
         "years", "", "", "", "not stated", "SNP/2025/014", "2025-03-03"),
        ("That the Licensing Manager publish the renewed order by 31 March 2025",
         "Licensing Manager", "31 March 2025", "", "not stated", "SNP/2025/014", "2025-03-03"),
        ("That the report be noted", "", "", "", "not stated", "SNP/2025/015", "2025-03-03"),
        ("the Chair write to the Police and Crime Commissioner about knife arches", "Chair",
         "", "", "not stated", "SNP/2025/016", "2025-03-04"),
    ]
    assert _rows(reg.actions) == [
        ("That the Licensing Manager publish the renewed order by 31 March 2025",
         "Licensing Manager", "31 March 2025", "", "not stated", "SNP/2025/014", "2025-03-03"),
        ("the Chair write to the Police and Crime Commissioner about knife arches", "Chair",
         "", "", "not stated", "SNP/2025/016", "2025-03-04"),
        ("Community Safety Manager to circulate the knife crime profile by 14 March 2025",
         "Community Safety Manager", "14 March 2025", "", "not stated", "SNP/2025/016",
         "2025-03-04"),
        ("The Youth Service to book the school assemblies before Easter", "Youth Service",
         "Easter", "", "not stated", "SNP/2025/016", "2025-03-04"),
    ]
    assert all(e.partnership == "Safer Northbrook Partnership" for e in reg.decisions)


def test_a_pdf_notice_with_a_boxed_header_and_headings_in_sentence_case(tmp_path) -> None:
    reg = _read(tmp_path, "hollinford-decision-records-2025-02-11.pdf")
    assert [(t, o, d, r, day) for t, o, d, _, _, r, day in _rows(reg.decisions)] == [
        ("That the replacement of the Market Square cameras be approved at a cost of £42,000",
         "", "", "HCSP/D/25/04", "2025-02-10"),
        ("That the CCTV Manager report on the new cameras' first six months to the Board in "
         "October 2025", "CCTV Manager", "October 2025", "HCSP/D/25/04", "2025-02-10"),
        ("The Board noted the annual report of the Partnership for 2023/24", "", "",
         "HCSP/D/25/05", "2025-02-11"),
    ]
    assert [(a.text, a.owner, a.reference) for a in reg.actions] == [
        ("That the CCTV Manager report on the new cameras' first six months to the Board in "
         "October 2025", "CCTV Manager", "HCSP/D/25/04"),
        ("Partnership Officer to publish the annual report by 28 February 2025",
         "Partnership Officer", "HCSP/D/25/05"),
    ]
    # the reasons are no decision, and neither is the masthead or the header's fields
    assert not any("publishes what it decides" in d.text for d in reg.decisions)


def test_action_lists_in_other_punctuation(tmp_path) -> None:
    reg = _read(tmp_path, "northbrook-outstanding-actions-2025-04-01.md", ACTIONS_MD)
    assert [(a.text, a.owner, a.due, a.status, a.state, a.reference) for a in reg.actions] == [
        ("Review the night-time economy plan", "Licensing Manager", "30/06/2025",
         "In progress", "in progress", "CSP/25/01"),
        ("Write to the county about the lighting at the bus station", "Chair", "", "Complete",
         "done", "CSP/25/02"),
        ("Install CCTV at the railway station", "Transport Police", "May 2025", "Amber",
         "in progress", "A3"),
        ("Share the hotspot map with ward councillors", "Insp. D. Okoro", "Monthly",
         "Not started", "open", ""),
        ("Repair the underpass lights", "Highways", "", "Complete", "done", "A4"),
        ("Deliver safeguarding training to taxi drivers", "Licensing Team", "31 May 2025",
         "Open", "open", "CSP/25/05"),
    ]
    assert reg.actions[1].update == "letter sent on 12 March 2025"
    assert reg.actions[2].rag == "amber"
    assert {a.where.date for a in reg.actions} == {"2025-04-01"}


def test_a_later_list_updates_the_right_one_of_two_sharing_a_minute(tmp_path) -> None:
    """Two actions of one minute; next month's list reports on one of them."""
    folder = tmp_path / "papers"
    folder.mkdir()
    first = """# Safer Northbrook Partnership: outstanding actions

Report date: 1 April 2025

- **Minute 7** · Offer home fire safety visits on Ropery Lane. Lead: Fire Service. **Open**
- **Minute 7** · Clear the fly-tipping behind Chandlers Row. Lead: Environmental Services. **Open**
"""
    second = """# Safer Northbrook Partnership: outstanding actions

Report date: 6 May 2025

- **Minute 7** · Clear the fly-tipping behind Chandlers Row. Lead: Environmental Services. **Closed** – cleared on 3 May.
"""
    (folder / "northbrook-actions-2025-04-01.md").write_text(first, encoding="utf-8")
    (folder / "northbrook-actions-2025-05-06.md").write_text(second, encoding="utf-8")
    corpus = read_corpus([folder], cache=tmp_path / "cache", chunk_size=1000, chunk_overlap=100,
                         base=folder)
    actions = extract_registers(corpus.docs, corpus.parts).actions
    states = {a.text: (a.state, len(a.history)) for a in actions}
    assert states == {
        "Offer home fire safety visits on Ropery Lane": ("open", 0),
        "Clear the fly-tipping behind Chandlers Row": ("done", 2),
    }


def test_a_pdf_tracker_is_read_from_its_kept_pieces_when_the_file_is_gone(tmp_path) -> None:
    """The loader keeps a PDF's positioned text with its text, and the text cache keeps
    both: when the PDF is gone and another paper is added, the registers (rebuilt from
    every indexed document) still split the tracker's cells."""
    from ingest.knowledge import read as read_knowledge
    from ingest.load import load
    from ingest.pipeline import run
    from ingest.settings import Settings
    from ingest.store import ChunkStore
    from tests.conftest import WordHashEmbedder, ingest_settings
    from tests.test_register_layouts import _pdf_builders

    name = "corveston-delivery-group-action-tracker-2024-11-04.pdf"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / name
    _pdf_builders()[name](path)
    assert load(path).pieces  # kept by the loader
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    embedder = WordHashEmbedder()
    ingest_settings(settings, embedder)

    def tracker_actions() -> int:
        actions = read_knowledge(settings.knowledge_db).actions
        return sum(a.where.source == name for a in actions)

    assert tracker_actions() == 15
    path.unlink()
    other = tmp_path / "notes.md"
    other.write_text("# Notes\n\nNothing was decided.\n", encoding="utf-8")
    run([other], store=ChunkStore(settings.chroma_dir, settings.collection, embedder),
        embedder=embedder, keyword_dir=settings.keyword_dir, cache=settings.cache_dir,
        chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap,
        knowledge_db=settings.knowledge_db)
    assert tracker_actions() == 15  # from the cached text and pieces, not the file


ASHBY = """\
ASHBY VALE DISTRICT COUNCIL

RECORD OF DECISION BY A CABINET MEMBER

Decision taker          Cabinet Member for Community Safety, Safer Ashby Vale Partnership
Date decision made      2 May 2025
Decision number         CMD/2025/11
Subject                 Community Trigger review

Resolved:
(1) That the revised Community Trigger procedure be adopted.
(2) That the ASB Coordinator publish the procedure on the website by 30 May 2025.

Reasons
Resolved cases show the old procedure was slow.

==========

Decision taker          Cabinet Member for Community Safety, Safer Ashby Vale Partnership
Date decision made      6 May 2025
Decision number         CMD/2025/12
Subject                 Street lighting

Decision(s) taken:
That the lighting on Mill Lane be upgraded.

Follow-up actions:
- [A1] Highways Officer to order the new columns by 31 July 2025.
"""


def test_a_header_aligned_with_spaces_and_resolutions_in_sentence_case(tmp_path) -> None:
    reg = _read(tmp_path, "ashby-vale-cabinet-member-decisions-2025-05-06.txt", ASHBY)
    assert [(d.text, d.owner, d.reference, d.where.date) for d in reg.decisions] == [
        ("That the revised Community Trigger procedure be adopted", "", "CMD/2025/11",
         "2025-05-02"),
        ("That the ASB Coordinator publish the procedure on the website by 30 May 2025",
         "ASB Coordinator", "CMD/2025/11", "2025-05-02"),
        ("That the lighting on Mill Lane be upgraded", "", "CMD/2025/12", "2025-05-06"),
    ]
    assert [(a.text, a.owner, a.due, a.reference) for a in reg.actions] == [
        ("That the ASB Coordinator publish the procedure on the website by 30 May 2025",
         "ASB Coordinator", "30 May 2025", "CMD/2025/11"),
        ("Highways Officer to order the new columns by 31 July 2025", "Highways Officer",
         "31 July 2025", "A1"),
    ]


BRACKLEY = """\
# Brackley Community Safety Partnership – JAG action list

Position at 20 March 2025

1. **Action:** Install a camera at the skate park | **Owner:** Parks Team | **Due:** April 2025 | **Status:** Open
2. Repair the footpath lighting | By: 31 May 2025 | OVERDUE
3. Ref: J25/03; Action: Visit the three licensed premises on Bridge Street; Owner: PC Ana Ruiz; Status: Closed; Update: all visited on 4 March.
- (J25/04) Refer the Elm Court tenants to the mediation service – Lead: Housing – Due: end of April 2025 – On track

Actions completed since the last meeting are shown as Closed.
"""


def test_list_items_whose_fields_are_labelled_first_or_piped(tmp_path) -> None:
    reg = _read(tmp_path, "brackley-jag-action-list-2025-03-20.md", BRACKLEY)
    assert [(a.text, a.owner, a.due, a.status, a.state, a.reference, a.update)
            for a in reg.actions] == [
        ("Install a camera at the skate park", "Parks Team", "April 2025", "Open", "open", "",
         ""),
        ("Repair the footpath lighting", "", "31 May 2025", "OVERDUE", "open", "", ""),
        ("Visit the three licensed premises on Bridge Street", "PC Ana Ruiz", "", "Closed",
         "done", "J25/03", "all visited on 4 March"),
        ("Refer the Elm Court tenants to the mediation service", "Housing",
         "end of April 2025", "On track", "in progress", "J25/04", ""),
    ]
