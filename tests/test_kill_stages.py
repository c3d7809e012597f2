"""Issue 11: an ingest killed with SIGKILL while reading files, while embedding, while
writing the knowledge base or while rebuilding the keyword index; the next run leaves
exactly what one clean ingest leaves (ids, metadata, facts, registers, keyword index)."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
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

REPO = Path(__file__).resolve().parents[1]
ALL = (*CORPUS_FILES, SCRUTINY)

# The child ingests the whole folder into a data folder that holds two of the papers; at
# the stage named, it says so and waits to be killed.
CHILD = """
import sys, time
sys.path[:0] = [{repo!r}, {tests!r}]
from pathlib import Path
import bm25s
import ingest.knowledge as knowledge
import ingest.pipeline as pipeline
from test_ingest_trust import Index

STAGE = {stage!r}

def halt():
    print("at", STAGE, flush=True)
    time.sleep(300)

def after(n, fn):
    calls = [0]
    def wrapped(*args, **kw):
        out = fn(*args, **kw)
        calls[0] += 1
        if calls[0] == n:
            halt()
        return out
    return wrapped

index = Index(Path({data!r}))
if STAGE == "reading":
    pipeline.load = after(2, pipeline.load)
elif STAGE == "embedding":
    index.embedder.embed = after(1, index.embedder.embed)
elif STAGE == "knowledge":
    knowledge._to_json = after(40, knowledge._to_json)
elif STAGE == "keyword":
    bm25s.BM25.save = after(1, bm25s.BM25.save)
index.ingest([Path({corpus!r})], mirror=True)
print("finished", flush=True)
"""


def kill_at(stage: str, data: Path, corpus: Path, tmp_path: Path) -> None:
    script = tmp_path / f"ingest_{stage}.py"
    script.write_text(
        CHILD.format(
            repo=str(REPO), tests=str(REPO / "tests"), stage=stage, data=str(data),
            corpus=str(corpus),
        ),
        encoding="utf-8",
    )
    errors = (tmp_path / "stderr.txt").open("w")
    proc = subprocess.Popen(
        [sys.executable, str(script)], cwd=REPO, stdout=subprocess.PIPE, stderr=errors, text=True
    )
    watchdog = threading.Timer(180, proc.kill)  # never hang the suite on a stuck child
    watchdog.start()
    try:
        line = proc.stdout.readline()
        assert line.strip() == f"at {stage}", (tmp_path / "stderr.txt").read_text()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        errors.close()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("stage", ["reading", "embedding", "knowledge", "keyword"])
def test_an_ingest_killed_at_any_stage_is_finished_by_the_next_run(
    stage: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    corpus = copy_files(tmp_path / "corpus", CORPUS_FILES[:2])
    Index(data).ingest([corpus])  # what the index held before the killed run
    copy_files(corpus, ALL)

    kill_at(stage, data, corpus, tmp_path)

    index = Index(data)
    report = index.ingest([corpus], mirror=True)
    assert report.skipped == [] and report.files == len(ALL)
    assert_same_index(index, clean_ingest(tmp_path / "clean", ALL))
