"""The ingest against the real Chroma and keyword index: re-runs cost nothing, edits and
deletions reach the index, broken files are reported, and an interrupted ingest is
finished by the next one."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Sequence

import pytest
from conftest import WordHashEmbedder

from ingest.pipeline import EMBED_BATCH, Report, run
from ingest.store import ChunkStore, KeywordIndex

REPO = Path(__file__).resolve().parents[1]
CORPUS_FILES = (
    "charnwood-csp-agenda-pack-2014-12-18.txt",
    "charnwood-csp-agenda-pack-2023-04-20.txt",
    "charnwood-csp-minutes-2023-01-26.md",
    "charnwood-strategic-assessment-2023-24.md",
)
PACK_2023, MINUTES, ASSESSMENT = CORPUS_FILES[1], CORPUS_FILES[2], CORPUS_FILES[3]


class Index:
    """One data folder: a Chroma store, its keyword index and the PDF cache."""

    def __init__(self, data: Path, embedder: WordHashEmbedder) -> None:
        self.data = data
        self.embedder = embedder
        self.store = ChunkStore(data / "chroma", "test", embedder)

    def ingest(self, corpus: Path, embedder: WordHashEmbedder | None = None, **kw) -> Report:
        return run(
            [corpus],
            store=self.store,
            embedder=embedder or self.embedder,
            keyword_dir=self.data / "bm25",
            cache=self.data / "cache",
            chunk_size=900,
            chunk_overlap=150,
            **kw,
        )

    def metadata(self) -> dict[str, dict]:
        return self.store.all_metadata()

    def keyword_ids(self) -> list[str]:
        return KeywordIndex(self.data / "bm25").load().ids


def copy_corpus(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in CORPUS_FILES:
        shutil.copy(REPO / "corpus" / name, target / name)
    return target


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_corpus(tmp_path / "corpus")


@pytest.fixture
def index(tmp_path: Path, fake_embedder: WordHashEmbedder) -> Index:
    return Index(tmp_path / "data", fake_embedder)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Id → metadata after one uninterrupted ingest of the corpus into a fresh store."""
    root = tmp_path_factory.mktemp("clean")
    reference = Index(root / "data", WordHashEmbedder())
    report = reference.ingest(copy_corpus(root / "corpus"))
    assert report.skipped == [] and report.embedded == report.chunks > 0
    return reference.metadata()


def by_source(metadata: dict[str, dict], source: str) -> dict[str, dict]:
    return {i: m for i, m in metadata.items() if m["source"] == source}


# --- re-running -------------------------------------------------------------------------


def test_ingest_twice_is_ingest_once(corpus: Path, index: Index, clean: dict) -> None:
    first = index.ingest(corpus)
    assert first.embedded == first.chunks == index.store.count()
    assert index.metadata() == clean
    assert sorted(index.keyword_ids()) == sorted(clean)

    again = WordHashEmbedder()
    second = index.ingest(corpus, embedder=again)
    assert (second.embedded, second.updated, second.removed) == (0, 0, 0)
    assert again.embedded == 0  # nothing was sent to the model
    assert second.chunks == first.chunks
    assert index.store.count() == first.chunks
    assert index.metadata() == clean
    assert sorted(index.keyword_ids()) == sorted(clean)


def test_every_corpus_file_is_in_the_index(index: Index, corpus: Path) -> None:
    report = index.ingest(corpus)
    assert report.files == 4 and report.skipped == []
    assert {m["source"] for m in index.metadata().values()} == set(CORPUS_FILES)


# --- editing and deleting files ---------------------------------------------------------

ADDED = (
    "\n\nThe Chair thanked partners for attending and noted that the Loughborough "
    "street pastors pilot would be reported to the partnership in the summer.\n"
)


def test_changed_file_reembeds_only_its_changed_chunks(
    corpus: Path, index: Index, clean: dict
) -> None:
    index.ingest(corpus)
    before = index.metadata()
    with (corpus / MINUTES).open("a", encoding="utf-8") as f:
        f.write(ADDED)

    counting = WordHashEmbedder()
    report = index.ingest(corpus, embedder=counting)
    after = index.metadata()

    added, gone = set(after) - set(before), set(before) - set(after)
    assert added and gone
    assert report.embedded == counting.embedded == len(added)
    assert report.removed == len(gone)
    assert {after[i]["source"] for i in added} == {MINUTES}
    assert {before[i]["source"] for i in gone} == {MINUTES}
    assert len(added) < len(by_source(after, MINUTES))  # not the whole file again
    assert index.store.get(sorted(gone)) == []
    for name in set(CORPUS_FILES) - {MINUTES}:
        assert by_source(after, name) == by_source(before, name)
    # The new paragraph can be found, by meaning and by keyword, dated like its minutes.
    (new,) = [c for c in index.store.get(sorted(added)) if "street pastors pilot" in c.text]
    assert new.date == "2023-01-26"
    assert set(index.keyword_ids()) == set(after)
    query = "Loughborough street pastors pilot"
    keyword = KeywordIndex(index.data / "bm25").load().scores(query)
    assert max(keyword, key=keyword.get) == new.id
    nearest = index.store.dense(index.embedder.vector(ADDED), 3, None)
    assert new.id in [i for i, _ in nearest]


def test_deleted_file_leaves_the_index(corpus: Path, index: Index) -> None:
    index.ingest(corpus)
    had = by_source(index.metadata(), ASSESSMENT)
    assert had
    (corpus / ASSESSMENT).unlink()

    report = index.ingest(corpus, mirror=True)  # a folder is mirrored only when asked
    assert report.removed == len(had) and report.embedded == 0
    remaining = index.metadata()
    assert by_source(remaining, ASSESSMENT) == {}
    assert index.store.get(sorted(had)) == []
    keyword = index.keyword_ids()
    assert not set(keyword) & set(had)
    assert sorted(keyword) == sorted(remaining)


def test_manifest_correction_reaches_the_index_without_reembedding(
    corpus: Path, index: Index
) -> None:
    index.ingest(corpus)
    minutes_ids = set(by_source(index.metadata(), MINUTES))
    (corpus / "manifest.toml").write_text(
        f'[files."{MINUTES}"]\ndate = "2023-01-27"\n', encoding="utf-8"
    )

    counting = WordHashEmbedder()
    report = index.ingest(corpus, embedder=counting)
    assert counting.embedded == 0 and report.updated == len(minutes_ids)
    after = index.metadata()
    assert set(by_source(after, MINUTES)) == minutes_ids
    assert {m["date"] for m in by_source(after, MINUTES).values()} == {"2023-01-27"}
    assert {m["date_int"] for m in by_source(after, MINUTES).values()} == {20230127}


# --- broken files -----------------------------------------------------------------------


def add_broken_files(folder: Path) -> None:
    (folder / "scan.pdf").write_bytes(b"")
    (folder / "notes-latin1.txt").write_bytes("Café budget for CCTV: £12,000".encode("latin-1"))


def test_broken_files_are_skipped_with_a_reason(corpus: Path, index: Index, clean: dict) -> None:
    add_broken_files(corpus)
    report = index.ingest(corpus)
    assert {s.name: s.reason for s in report.skipped} == {
        "notes-latin1.txt": "not UTF-8 text (invalid byte at offset 3); convert it to UTF-8",
        "scan.pdf": "empty file",
    }
    assert report.files == 4
    assert index.metadata() == clean  # every good file went in


@pytest.mark.slow
def test_cli_reports_skipped_files_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(REPO / "corpus" / MINUTES, folder / MINUTES)
    add_broken_files(folder)
    env = {k: v for k, v in os.environ.items() if k != "CSP_MODEL_PATH"}
    env["CSP_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "ingest", str(folder), "--quiet"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr
    assert "skipped scan.pdf: empty file" in done.stdout
    assert (
        "skipped notes-latin1.txt: not UTF-8 text (invalid byte at offset 3); convert it to UTF-8"
        in done.stdout
    )
    summary = re.search(
        r"^1 files, \d+ parts, \d+ sections, (\d+) chunks \((\d+) embedded", done.stdout, re.M
    )
    assert summary and summary[1] == summary[2] != "0"  # the good file went in
    assert "Traceback" not in done.stderr


# --- interrupted ingests ----------------------------------------------------------------


class Crash(Exception):
    pass


class FailingEmbedder(WordHashEmbedder):
    """Dies, as a killed process would, once it has embedded ``limit`` texts."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if self.embedded + len(texts) > self.limit:
            raise Crash(f"died after {self.embedded} texts")
        return super().embed(texts)


def test_failed_ingest_is_finished_by_the_next_run(corpus: Path, index: Index, clean: dict) -> None:
    with pytest.raises(Crash):
        index.ingest(corpus, embedder=FailingEmbedder(limit=64))
    assert index.store.count() == 64  # the two batches embedded before the crash were kept

    finishing = WordHashEmbedder()
    report = index.ingest(corpus, embedder=finishing)
    assert report.embedded == finishing.embedded == len(clean) - 64  # nothing embedded twice
    assert index.store.count() == len(clean)
    assert index.metadata() == clean
    keyword = index.keyword_ids()
    assert len(keyword) == len(set(keyword))
    assert set(keyword) == set(clean)


KILLED_INGEST = """\
import sys, time
sys.path[:0] = [{repo!r}, {tests!r}]
from pathlib import Path
from conftest import WordHashEmbedder
from ingest.pipeline import run
from ingest.store import ChunkStore


class SlowEmbedder(WordHashEmbedder):
    def embed(self, texts):
        time.sleep(0.3)
        return super().embed(texts)


embedder = SlowEmbedder()
data = Path({data!r})
store = ChunkStore(data / "chroma", "test", embedder)
run([Path({corpus!r})], store=store, embedder=embedder, keyword_dir=data / "bm25",
    cache=data / "cache", chunk_size=900, chunk_overlap=150,
    progress=lambda done, total: print(done, total, flush=True))
print("finished", flush=True)
"""


def test_killed_ingest_is_finished_by_the_next_run(
    corpus: Path, tmp_path: Path, clean: dict
) -> None:
    data = tmp_path / "data"
    script = tmp_path / "killed_ingest.py"
    script.write_text(
        KILLED_INGEST.format(
            repo=str(REPO), tests=str(REPO / "tests"), data=str(data), corpus=str(corpus)
        ),
        encoding="utf-8",
    )
    errors = (tmp_path / "stderr.txt").open("w")
    proc = subprocess.Popen(
        [sys.executable, str(script)], cwd=REPO, stdout=subprocess.PIPE, stderr=errors, text=True
    )
    watchdog = threading.Timer(120, proc.kill)  # never hang the suite on a stuck child
    watchdog.start()
    try:
        # Wait for the first stored batch, then kill it in the middle of the next ones.
        first = proc.stdout.readline()
        assert first.split()[:1] == [str(EMBED_BATCH)], (tmp_path / "stderr.txt").read_text()
        time.sleep(1.5)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        errors.close()
    rest = proc.stdout.read()
    assert proc.returncode == -signal.SIGKILL and "finished" not in rest

    index = Index(data, WordHashEmbedder())
    left = index.store.count()
    assert 32 <= left < len(clean)  # really killed part-way

    report = index.ingest(corpus)
    assert report.embedded == len(clean) - left
    assert index.metadata() == clean
    assert set(index.keyword_ids()) == set(clean)


def test_run_interrupted_after_its_last_batch_still_updates_the_keyword_index(
    corpus: Path, index: Index
) -> None:
    """A run stopped (Ctrl-C) after storing its last batch but before rebuilding the keyword
    index left the old keyword index in place for good: the next run saw nothing to do."""
    index.ingest(corpus)
    with (corpus / MINUTES).open("a", encoding="utf-8") as f:
        f.write(ADDED)

    def interrupt(done: int, total: int) -> None:
        if done == total:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index.ingest(corpus, progress=interrupt)
    index.ingest(corpus)
    assert set(index.keyword_ids()) == set(index.metadata())


# --- the same minutes filed twice -------------------------------------------------------


def test_minutes_in_the_pack_and_on_their_own_share_a_dup_group(corpus: Path, index: Index) -> None:
    index.ingest(corpus)
    phrase = "consider new and effective ways to process Community Triggers"
    hits = [c for c in index.store.all_chunks() if phrase in re.sub(r"\s+", " ", c.text)]
    assert {c.source for c in hits} == {PACK_2023, MINUTES}
    assert len({c.dup_group for c in hits}) == 1
    assert {(c.doc_type, c.date) for c in hits} == {("minutes", "2023-01-26")}


def test_only_text_the_corpus_really_repeats_is_grouped_across_files(
    corpus: Path, index: Index
) -> None:
    """The January minutes (pack and .md) and the list of police beats (the plan's 2.9 and
    the assessment's Appendix B) are the only passages held twice in different files."""
    index.ingest(corpus)
    metadata = index.metadata()
    sources: dict[str, set[str]] = {}
    for meta in metadata.values():
        sources.setdefault(meta["dup_group"], set()).add(meta["source"])
    shared = {
        (m["source"], m["doc_type"], m["section"].split(" › ")[-1])
        for m in metadata.values()
        if len(sources[m["dup_group"]]) > 1
    }
    assert {(s, t) for s, t, _ in shared} == {
        (PACK_2023, "minutes"),
        (MINUTES, "minutes"),
        (PACK_2023, "plan"),
        (ASSESSMENT, "strategic assessment"),
    }
    assert {sec for s, t, sec in shared if t in ("plan", "strategic assessment")} == {
        "2.9 Geographical localities per Police Beat within the Borough of Charnwood",
        "Appendix B: Beat Details",
    }


def test_a_short_passage_of_the_minutes_is_grouped_with_its_copy_in_the_pack(
    corpus: Path, index: Index
) -> None:
    """The .md splits item 7 of the minutes into a short opening chunk; its Jaccard
    similarity to the pack's longer chunk is under the threshold, so an answer can cite
    the same sentence twice."""
    index.ingest(corpus)
    phrase = "A presentation detailing Charnwood performance figures was provided"
    hits = [c for c in index.store.all_chunks() if phrase in re.sub(r"\s+", " ", c.text)]
    assert {c.source for c in hits} == {PACK_2023, MINUTES}
    assert len({c.dup_group for c in hits}) == 1
