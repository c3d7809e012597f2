"""Issue 11, defect 2: a running chat does not find a file added by an ingest in another
process. Its Chroma client keeps the vector index it loaded: the new passages' vectors are
never searched, and passages another process deleted are still returned (Chroma then fails
with "Error finding id")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import WordHashEmbedder
from test_ingest_trust import CORPUS_FILES, SCRUTINY, Index, copy_files

from assistant.retrieve import Retriever
from ingest.store import KeywordIndex

REPO = Path(__file__).resolve().parents[1]

INGEST = """
import sys
sys.path[:0] = [{repo!r}, {tests!r}]
from pathlib import Path
from test_ingest_trust import Index
Index(Path({data!r})).ingest([Path(p) for p in {paths!r}], mirror={mirror!r})
"""


def ingest_elsewhere(data: Path, paths: list[Path], tmp_path: Path, mirror: bool = False) -> None:
    """An ingest in another process, as `python -m ingest` beside a running app."""
    script = tmp_path / "other_ingest.py"
    script.write_text(
        INGEST.format(
            repo=str(REPO), tests=str(REPO / "tests"), data=str(data),
            paths=[str(p) for p in paths], mirror=mirror,
        ),
        encoding="utf-8",
    )
    subprocess.run([sys.executable, str(script)], cwd=REPO, check=True, timeout=300)


def test_a_running_search_finds_a_paper_another_process_added(tmp_path: Path) -> None:
    data = tmp_path / "data"
    corpus = copy_files(tmp_path / "corpus")
    running = Index(data)
    running.ingest([corpus])
    embedder = WordHashEmbedder()
    before = running.store.dense(embedder.vector("warm"), 5, None)  # the vectors are loaded
    assert before

    added = copy_files(tmp_path / "new", (SCRUTINY,)) / SCRUTINY
    ingest_elsewhere(data, [added], tmp_path)

    new = [c for c in running.store.all_chunks() if c.source == SCRUTINY]
    assert new  # the metadata is read from SQLite: the new chunks are there
    target = new[len(new) // 2]
    found = running.store.dense(embedder.vector(target.text), 3, None)
    assert found[0][0] == target.id  # its own vector: found first
    keywords = KeywordIndex(data / "bm25").load()
    hits = Retriever(running.store, keywords, embedder).search(target.text, 3)
    assert hits[0].chunk.id == target.id


def test_a_running_search_does_not_fail_on_passages_another_process_removed(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    corpus = copy_files(tmp_path / "corpus")
    running = Index(data)
    running.ingest([corpus])
    embedder = WordHashEmbedder()
    gone = [c for c in running.store.all_chunks() if c.source == CORPUS_FILES[0]]
    assert running.store.dense(embedder.vector(gone[0].text), 3, None)[0][0] == gone[0].id

    (corpus / CORPUS_FILES[0]).unlink()
    ingest_elsewhere(data, [corpus], tmp_path, mirror=True)

    found = running.store.dense(embedder.vector(gone[0].text), 10, None)
    assert found and not {i for i, _ in found} & {c.id for c in gone}
    keywords = KeywordIndex(data / "bm25").load()
    hits = Retriever(running.store, keywords, embedder).search(gone[0].text, 5)
    assert hits and all(h.chunk.source != CORPUS_FILES[0] for h in hits)
