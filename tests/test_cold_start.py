"""Issue 11, cold start: a register, glossary or figure answer in a fresh process opens no
vector store, keyword index or model, and reads no passage; what it needs of the passages
(partnerships, place names, the papers' kinds and dates, word counts) is the catalogue the
ingest wrote beside the keyword index. An index without one (built by an older version)
answers the same, counting from the passages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, REPO, WordHashEmbedder, ingest_settings
from test_ingest_trust import CORPUS_FILES, MINUTES, SCRUTINY, Index, copy_files

from assistant.engine import Assistant
from ingest.catalogue import FILE_NAME
from ingest.settings import Settings
from ingest.store import KeywordIndex

HEAVY = ("chromadb", "bm25s", "torch", "onnxruntime", "sentence_transformers")
REGISTER_Q = "What actions are outstanding?"
FIGURE_Q = "How many crimes were recorded on Beat 62 in 2021/22?"
GLOSSARY_Q = "What does JAG stand for?"
# Every path of the engine: registers, glossary, figures, a place only one partnership
# prints, a paper named by kind and month, two parts, passages, lists, who, a brief.
QUESTIONS = (
    REGISTER_Q,
    FIGURE_Q,
    GLOSSARY_Q,
    "What was agreed on community triggers?",
    "Which recommendations are still outstanding?",
    "What is the Community Trigger?",
    "What was discussed about Loughborough town centre?",
    "What was agreed at the January 2023 minutes about the strategic assessment?",
    "How many crimes were recorded on Beat 62 in 2021/22 and which beat had the most?",
    "What are the priorities of the plan?",
    "Who chairs the partnership?",
    "How many e-scooter seizures were there in 2022/23?",
    "When will the next strategic assessment be published?",
)

FRESH_PROCESS = """
import json, sys
from assistant.__main__ import main
heavy = {heavy!r}
for question in {questions!r}:
    main(["ask", question, "--json"])
    print(json.dumps({{"imported": [m for m in heavy if m in sys.modules]}}))
from assistant.engine import Assistant
from ingest.settings import Settings
Assistant(Settings()).store.count()  # the check itself: opening the store imports Chroma
print(json.dumps({{"imported": [m for m in heavy if m in sys.modules]}}))
"""


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The corpus (two partnerships), ingested with the fake embedder."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("cold") / "data", corpus_dir=CORPUS)
    ingest_settings(settings, WordHashEmbedder())
    return settings


def _catalogue_file(settings: Settings) -> Path:
    keywords = KeywordIndex(settings.keyword_dir)
    return settings.keyword_dir / keywords.version() / FILE_NAME


def test_a_register_glossary_or_figure_answer_imports_no_store_search_or_model(
    indexed: Settings,
) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("CSP_")},
        "CSP_DATA_DIR": str(indexed.data_dir),
        "CSP_CORPUS_DIR": str(CORPUS),
    }
    script = FRESH_PROCESS.format(heavy=HEAVY, questions=[REGISTER_Q, GLOSSARY_Q, FIGURE_Q])
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120, check=True,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    answers = [line for line in lines if "answer" in line]
    imported = [line["imported"] for line in lines if "imported" in line]
    assert "still open" in answers[0]["answer"] and answers[0]["citations"]
    assert "Joint Action Group" in answers[1]["answer"]
    assert "2165" in answers[2]["answer"] and answers[2]["citations"]
    assert imported[:3] == [[], [], []]
    assert "chromadb" in imported[3]  # what the store needs is seen when it is opened


def test_a_register_or_figure_answer_reads_no_passage(indexed: Settings) -> None:
    assistant = Assistant(indexed, WordHashEmbedder())
    assistant.ask(REGISTER_Q)
    assistant.ask(FIGURE_Q)
    opened = {"store", "keywords", "chunks"} & set(assistant.__dict__)
    assert not opened


def test_an_index_without_a_catalogue_answers_the_same(indexed: Settings) -> None:
    with_catalogue = Assistant(indexed, WordHashEmbedder())
    answers = [with_catalogue.ask(q).as_dict() for q in QUESTIONS]
    catalogue = _catalogue_file(indexed)
    kept = catalogue.read_bytes()
    catalogue.unlink()
    try:
        older = Assistant(indexed, WordHashEmbedder())
        assert [older.ask(q).as_dict() for q in QUESTIONS] == answers
        # What the ingest counted is what the stored passages give.
        counted, read = older.catalogue.as_json(), with_catalogue.catalogue.as_json()
        assert counted == read
        assert len(read["sources"]) == 5 and len(older.partnerships) == 2
    finally:
        catalogue.write_bytes(kept)


def test_a_catalogue_counted_under_other_conventions_or_code_is_not_used(
    indexed: Settings,
) -> None:
    keywords = KeywordIndex(indexed.keyword_dir)
    assert keywords.read_catalogue() is not None
    catalogue = _catalogue_file(indexed)
    kept = catalogue.read_bytes()
    data = json.loads(kept)
    try:
        catalogue.write_text(json.dumps({**data, "fingerprint": "other"}), encoding="utf-8")
        assert keywords.read_catalogue() is None
        assistant = Assistant(indexed, WordHashEmbedder())
        assert "still open" in assistant.ask(REGISTER_Q).text
        assert "chunks" in assistant.__dict__  # counted from the passages instead
    finally:
        catalogue.write_bytes(kept)


def test_a_running_assistant_answers_from_a_later_ingest_without_searching(
    tmp_path: Path,
) -> None:
    """The registers come from the new knowledge base, and the partnerships from the new
    catalogue, though no search ever ran to notice the new build."""
    corpus = copy_files(tmp_path / "corpus", tuple(f for f in CORPUS_FILES if f != MINUTES))
    index = Index(tmp_path / "data")
    index.ingest([corpus])
    settings = Settings(data_dir=tmp_path / "data", collection="test", corpus_dir=CORPUS)
    running = Assistant(settings, WordHashEmbedder())
    before = running.ask(REGISTER_Q)

    shutil.copy(CORPUS / MINUTES, corpus / MINUTES)
    index.ingest([corpus])
    after = running.ask(REGISTER_Q)
    assert MINUTES not in {c.source for c in before.citations}
    assert MINUTES in {c.source for c in after.citations}
    assert "store" not in running.__dict__


def test_adding_a_paper_gives_the_catalogue_a_clean_ingest_gives(tmp_path: Path) -> None:
    """Each paper's counts are kept for the next build and only a new or changed paper
    is counted again: the sum must be what counting everything gives."""
    corpus = copy_files(tmp_path / "corpus")
    grown = Index(tmp_path / "grown")
    grown.ingest([corpus])
    first = KeywordIndex(tmp_path / "grown" / "bm25").read_catalogue()
    added = copy_files(tmp_path / "new", (SCRUTINY,)) / SCRUTINY
    grown.ingest([added])
    clean_corpus = copy_files(tmp_path / "all", (*CORPUS_FILES, SCRUTINY))
    Index(tmp_path / "clean").ingest([clean_corpus])

    after = KeywordIndex(tmp_path / "grown" / "bm25").read_catalogue()
    clean = KeywordIndex(tmp_path / "clean" / "bm25").read_catalogue()
    assert first is not None and after is not None and clean is not None
    assert len(first.partnerships) == 1 and len(after.partnerships) == 2
    assert after.as_json() == clean.as_json()


@pytest.mark.slow
def test_an_answers_sentences_get_the_same_vectors_without_torch(real_embedder) -> None:
    """The sentences an answer is chosen among (dozens, of every length) go through ONNX
    in small batches: the vectors sentence-transformers gives, and torch never loaded."""
    import numpy as np

    from ingest.embedding import SentenceTransformerEmbedder

    text = (CORPUS / MINUTES).read_text(encoding="utf-8")
    sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()][:60]
    assert len(sentences) == 60 and len({len(s) for s in sentences}) > 20
    auto = SentenceTransformerEmbedder(real_embedder.model_path)
    torch = SentenceTransformerEmbedder(real_embedder.model_path, backend="torch")
    got, want = np.array(auto.embed(sentences)), np.array(torch.embed(sentences))
    assert np.abs(got - want).max() < 1e-5
    assert auto._model is None
