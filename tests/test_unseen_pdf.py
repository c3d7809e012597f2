"""A pack the project has never seen: another partnership, as a real multi-page PDF made in
the test. It is segmented, dated, indexed and answered with page citations, and its
figures and registers come out, with no rule written for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from assistant.engine import Assistant
from ingest.knowledge import read
from ingest.pipeline import Report, run
from ingest.settings import Settings
from ingest.store import ChunkStore

PAGES = [
    [
        "BLABY COMMUNITY SAFETY PARTNERSHIP",
        "TUESDAY, 14TH MARCH 2024",
        "AGENDA",
        "",
        "1. APOLOGIES",
        "",
        "2. MINUTES",
        "To approve the minutes of the meeting held on 12th December 2023.",
        "",
        "3. CCTV REVIEW (Jane Smith)",
        "An update on the town centre cameras.",
    ],
    [
        "BLABY COMMUNITY SAFETY PARTNERSHIP",
        "12TH DECEMBER 2023",
        "",
        "PRESENT: Councillor A. Brown (Chair), Jane Smith, Omar Patel",
        "",
        "1. MINUTES",
        "The minutes of the meeting held on 5th September 2023 were approved.",
        "",
        "2. TOWN CENTRE CCTV",
        "Members discussed gaps in camera coverage around the bus station after a rise",
        "in reports of theft from shops.",
        "AGREED that Jane Smith review the town centre CCTV coverage by March 2024.",
        "",
        "3. ANY OTHER BUSINESS",
        "None was raised.",
    ],
    [
        "BLABY COMMUNITY SAFETY PARTNERSHIP",
        "14TH MARCH 2024",
        "",
        "ITEM 4 PERFORMANCE REPORT",
        "",
        "Table 1: Recorded crime in Blaby, April to February",
        "Crime Type     2022/23     2023/24",
        "Burglary     120     98",
        "Vehicle Crime     240     215",
        "Criminal Damage     310     333",
    ],
]


def make_pack(path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in PAGES:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def ingest(settings: Settings, store: ChunkStore, embedder) -> Report:
    """The corpus folder into the index and the knowledge base, as `python -m ingest` does."""
    return run(
        [settings.corpus_dir],
        store=store,
        embedder=embedder,
        keyword_dir=settings.keyword_dir,
        cache=settings.cache_dir,
        chunk_size=900,
        chunk_overlap=150,
        knowledge_db=settings.knowledge_db,
    )


@pytest.fixture
def indexed(tmp_path: Path, fake_embedder) -> Assistant:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_pack(corpus / "blaby-csp-pack-2024-03-14.pdf")
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    store = ChunkStore(settings.chroma_dir, settings.collection, fake_embedder)
    report = ingest(settings, store, fake_embedder)
    assert report.files == 1 and not report.skipped
    return Assistant(settings, fake_embedder)


def test_the_resolution_is_cited_with_its_page_and_meeting_date(indexed: Assistant) -> None:
    answer = indexed.ask("What was agreed about the town centre CCTV?")
    assert "Jane Smith review the town centre CCTV coverage" in answer.text
    first = answer.citations[0]
    assert first.source == "blaby-csp-pack-2024-03-14.pdf"
    assert first.page == 2
    assert first.date == "2023-12-12"
    assert "CCTV" in first.section


def test_parts_are_found_and_dated(indexed: Assistant) -> None:
    parts = {(c.doc_type, c.date, c.page) for c in indexed.chunks}
    assert ("agenda", "2024-03-14", 1) in parts
    assert ("minutes", "2023-12-12", 2) in parts
    assert any(t == "report" and d == "2024-03-14" and p == 3 for t, d, p in parts)
    assert {c.partnership for c in indexed.chunks} == {"Blaby Community Safety Partnership"}


def test_figures_come_from_the_table_with_its_page(indexed: Assistant) -> None:
    facts = read(indexed.settings.knowledge_db).facts
    burglary = {f.column: f.value for f in facts if f.row == "Burglary"}
    assert burglary == {"2022/23": "120", "2023/24": "98"}
    answer = indexed.ask("How many burglaries were recorded in 2023/24?")
    assert "98" in answer.text and "120" not in answer.text
    assert answer.citations[0].page == 3


def test_the_action_is_in_the_register(indexed: Assistant) -> None:
    actions = read(indexed.settings.knowledge_db).actions
    assert [(a.owner, a.meeting_date) for a in actions] == [("Jane Smith", "2023-12-12")]
    assert "March 2024" in actions[0].due or "March 2024" in actions[0].text


def test_a_question_the_pack_does_not_cover(indexed: Assistant) -> None:
    answer = indexed.ask("What did the partnership agree about knife arches in schools?")
    assert not answer.covered and answer.citations == ()


def test_a_running_assistant_sees_papers_ingested_after_it_started(
    indexed: Assistant, tmp_path: Path, fake_embedder
) -> None:
    """The chat stays up while an officer adds papers and runs the ingest."""
    assert not indexed.ask("What was agreed about the skate park in Narborough?").covered
    corpus = indexed.settings.corpus_dir
    (corpus / "blaby-minutes-2024-06-11.txt").write_text(
        "BLABY COMMUNITY SAFETY PARTNERSHIP\n11TH JUNE 2024\n\nPRESENT: Omar Patel\n\n"
        "1. MINUTES\nThe minutes of the meeting held on 14th March 2024 were approved.\n\n"
        "2. NARBOROUGH SKATE PARK\nResidents reported late-night noise at the skate park.\n"
        "AGREED that Omar Patel arrange patrols at the Narborough skate park.\n",
        encoding="utf-8",
    )
    ingest(indexed.settings, indexed.store, fake_embedder)
    answer = indexed.ask("What was agreed about the skate park in Narborough?")
    assert "Omar Patel arrange patrols" in answer.text
    assert answer.citations[0].source == "blaby-minutes-2024-06-11.txt"


def test_an_unchanged_corpus_does_not_rebuild_the_knowledge_base(
    indexed: Assistant, fake_embedder
) -> None:
    s = indexed.settings
    before = s.knowledge_db.stat().st_mtime_ns
    report = ingest(s, indexed.store, fake_embedder)
    assert report.embedded == 0 and report.knowledge["decisions"] >= 1
    assert s.knowledge_db.stat().st_mtime_ns == before
