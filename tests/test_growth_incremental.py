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
        self.registers: list[str] = []
        segmented, facts = pipeline._segmented, pipeline.extract_facts
        read = pipeline.read_document

        def count_segmented(doc, *args, **kw):
            self.segmented.append(doc.name)
            return segmented(doc, *args, **kw)

        def count_facts(doc, parts):
            self.facts.append(doc.name)
            return facts(doc, parts)

        def count_registers(name, doc, parts):
            self.registers.append(name)
            return read(name, doc, parts)

        monkeypatch.setattr(pipeline, "_segmented", count_segmented)
        monkeypatch.setattr(pipeline, "extract_facts", count_facts)
        monkeypatch.setattr(pipeline, "read_document", count_registers)

    def clear(self) -> None:
        self.segmented.clear()
        self.facts.clear()
        self.registers.clear()


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
    assert calls.registers == [SCRUTINY]  # the registers are read from that paper alone
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
    assert sorted(calls.registers) == sorted(CORPUS_FILES[1:])  # and the registers
    assert_same_index(index, clean_ingest(tmp_path / "clean", CORPUS_FILES[1:]))


def test_results_of_papers_no_longer_indexed_leave_the_cache(tmp_path: Path) -> None:
    index = Index(tmp_path / "data")
    corpus = copy_files(tmp_path / "corpus")
    index.ingest([corpus])
    kept = {kind: len(list((tmp_path / "data" / "cache" / kind).glob("*.pkl"))) for kind in
            (pipeline.SEGMENTS, pipeline.FACTS, pipeline.REGISTERS)}
    assert kept == {pipeline.SEGMENTS: len(CORPUS_FILES), pipeline.FACTS: len(CORPUS_FILES),
                    pipeline.REGISTERS: len(CORPUS_FILES)}

    (corpus / CORPUS_FILES[0]).unlink()
    index.ingest([corpus], mirror=True)
    segments = list((tmp_path / "data" / "cache" / pipeline.SEGMENTS).glob("*"))
    facts = list((tmp_path / "data" / "cache" / pipeline.FACTS).glob("*"))
    registers = list((tmp_path / "data" / "cache" / pipeline.REGISTERS).glob("*"))
    assert len(segments) == len(facts) == len(registers) == len(CORPUS_FILES) - 1


REGISTER_LAYOUTS = Path(__file__).resolve().parent / "data" / "register_layouts"


def test_a_paper_that_updates_earlier_entries_joins_them_reading_itself_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 for the registers: an added action log is the only paper whose registers
    are read, yet its rows update the earlier minutes' actions (by reference and in other
    words, never another partnership's) exactly as one clean ingest of all three does."""
    import shutil

    minutes, log, other = (
        "dunmarsh-csp-board-minutes-2024-06-12.md",
        "dunmarsh-csp-action-log-2024-09-18.txt",
        "wyvernhurst-partnership-board-minutes-2024-10-03.txt",
    )
    calls = Calls(monkeypatch)
    corpus, new = tmp_path / "corpus", tmp_path / "new"
    corpus.mkdir()
    new.mkdir()
    for name in (minutes, other):
        shutil.copy(REGISTER_LAYOUTS / name, corpus / name)
    shutil.copy(REGISTER_LAYOUTS / log, new / log)
    index = Index(tmp_path / "data")
    index.ingest([corpus])
    assert sorted(calls.registers) == sorted([minutes, other])
    calls.clear()

    index.ingest([new / log])
    assert calls.registers == [log]
    knowledge = index.knowledge()
    wharf = [a for a in knowledge.actions if "Wharf Street" in a.text]
    assert [[s.where.source for s in a.history] for a in wharf] == [[minutes, log]]

    reference = Index(tmp_path / "clean" / "data")
    for name in (minutes, other):
        shutil.copy(REGISTER_LAYOUTS / name, new / name)
    reference.ingest([new], mirror=True)
    assert knowledge == reference.knowledge()

