"""Issue 11, growth: a collection larger than one page of Chroma rows answers searches and
rebuilds its keyword index from the store, asking Chroma for at most a page at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import WordHashEmbedder
from test_ingest_trust import CORPUS_FILES, SCRUTINY, CallLog, Index, copy_files

from assistant.retrieve import Filters, Retriever
from ingest.store import KeywordIndex

PAGE = 9


def paged_index(data: Path) -> tuple[Index, CallLog]:
    index = Index(data)
    index.store.page_size = PAGE
    log = CallLog(index.store.collection)
    index.store.collection = log
    return index, log


def oversized(log: CallLog) -> list:
    return [(kind, n) for kind, n in log.calls if n is None or n > PAGE]


def test_a_collection_of_many_pages_answers_in_pages(tmp_path: Path) -> None:
    index, log = paged_index(tmp_path / "data")
    index.ingest([copy_files(tmp_path / "corpus")])
    assert index.store.count() > 30 * PAGE
    log.calls.clear()

    embedder = WordHashEmbedder()
    retriever = Retriever(index.store, KeywordIndex(tmp_path / "data" / "bm25").load(), embedder)
    question = "consider new and effective ways to process Community Triggers"
    hits = retriever.search(question, 5, Filters(doc_type="minutes"))
    assert len(hits) == 5 and all(h.chunk.doc_type == "minutes" for h in hits)
    assert "Community Triggers" in hits[0].chunk.text.replace("\n", " ")
    assert len([n for kind, n in log.calls if kind == "get"]) > 1  # the candidates, paged
    assert oversized(log) == []


def test_the_keyword_index_is_rebuilt_from_the_store_in_pages(tmp_path: Path) -> None:
    """Papers whose text is gone keep their passages: the keyword index is then rebuilt
    from what the store holds, read a page at a time."""
    index, log = paged_index(tmp_path / "data")
    corpus = copy_files(tmp_path / "corpus")
    index.ingest([corpus])
    held = set(index.metadata())
    shutil.rmtree(corpus)
    for cached in (tmp_path / "data" / "cache").glob("*.json"):
        if cached.name != "documents.json":
            cached.unlink()
    shutil.rmtree(tmp_path / "data" / "bm25")
    log.calls.clear()

    report = index.ingest([copy_files(tmp_path / "new", (SCRUTINY,)) / SCRUTINY])
    assert {s.name for s in report.skipped} == set(CORPUS_FILES)
    everything = set(index.metadata())
    assert held < everything
    assert index.keyword_ids() == everything
    pages = [n for kind, n in log.calls if kind == "get"]
    assert len(pages) > len(everything) / PAGE  # the metadata, then the rebuild's read
    assert oversized(log) == []
