"""Issue 11, growth: adding one paper to an indexed archive does the work that paper
needs (its segmentation, passages, table facts and vectors), not the whole archive's
again, and leaves exactly what one clean ingest of everything leaves."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ingest_trust import (
    CORPUS_FILES,
    SCRUTINY,
    Index,
    assert_same_index,
    clean_ingest,
    copy_files,
)

import ingest.pipeline as pipeline


class Calls:
    """Counts the per-document steps of the pipeline, by document."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.segmented: list[str] = []
        self.facts: list[str] = []
        segmented, facts = pipeline._segmented, pipeline.extract_facts

        def count_segmented(doc, *args, **kw):
            self.segmented.append(doc.name)
            return segmented(doc, *args, **kw)

        def count_facts(doc, parts):
            self.facts.append(doc.name)
            return facts(doc, parts)

        monkeypatch.setattr(pipeline, "_segmented", count_segmented)
        monkeypatch.setattr(pipeline, "extract_facts", count_facts)

    def clear(self) -> None:
        self.segmented.clear()
        self.facts.clear()


def test_adding_one_paper_segments_and_reads_the_tables_of_that_paper_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(monkeypatch)
    index = Index(tmp_path / "data")
    index.ingest([copy_files(tmp_path / "corpus")])
    assert sorted(calls.segmented) == sorted(CORPUS_FILES)  # the first ingest does it all
    calls.clear()
    before = index.embedder.embedded

    added = copy_files(tmp_path / "new", (SCRUTINY,)) / SCRUTINY
    report = index.ingest([added])

    assert calls.segmented == [SCRUTINY]
    assert calls.facts == [SCRUTINY]
    new_chunks = {i for i, m in index.metadata().items() if m["source"] == SCRUTINY}
    assert report.embedded == len(new_chunks) == index.embedder.embedded - before > 0
    assert_same_index(index, clean_ingest(tmp_path / "clean", (*CORPUS_FILES, SCRUTINY)))


def test_an_unchanged_archive_is_not_segmented_again_but_new_code_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls(monkeypatch)
    index = Index(tmp_path / "data")
    corpus = copy_files(tmp_path / "corpus")
    index.ingest([corpus])
    calls.clear()

    index.ingest([corpus])
    assert calls.segmented == []

    monkeypatch.setattr(pipeline, "CODE_VERSION", "changed-code")  # a new ingest release
    (corpus / CORPUS_FILES[0]).unlink()
    index.ingest([corpus], mirror=True)
    assert sorted(calls.segmented) == sorted(CORPUS_FILES[1:])
    assert sorted(calls.facts) == sorted(CORPUS_FILES[1:])  # the papers changed: facts again
    assert_same_index(index, clean_ingest(tmp_path / "clean", CORPUS_FILES[1:]))


def test_results_of_papers_no_longer_indexed_leave_the_cache(tmp_path: Path) -> None:
    index = Index(tmp_path / "data")
    corpus = copy_files(tmp_path / "corpus")
    index.ingest([corpus])
    kept = {kind: len(list((tmp_path / "data" / "cache" / kind).glob("*.pkl"))) for kind in
            (pipeline.SEGMENTS, pipeline.FACTS)}
    assert kept == {pipeline.SEGMENTS: len(CORPUS_FILES), pipeline.FACTS: len(CORPUS_FILES)}

    (corpus / CORPUS_FILES[0]).unlink()
    index.ingest([corpus], mirror=True)
    segments = list((tmp_path / "data" / "cache" / pipeline.SEGMENTS).glob("*"))
    facts = list((tmp_path / "data" / "cache" / pipeline.FACTS).glob("*"))
    assert len(segments) == len(facts) == len(CORPUS_FILES) - 1
