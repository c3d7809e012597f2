"""The per-document caches are keyed by the conventions: the key must be the same in every
process, or a second `python -m ingest` segments every paper again. It was a repr of the
conventions' sets, whose order changes with the interpreter's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INGEST = """
import sys
from ingest.settings import Settings
from tests.conftest import WordHashEmbedder, ingest_settings
ingest_settings(Settings(), WordHashEmbedder())
"""


def _ingest(seed: str, corpus: Path, data: Path) -> set[str]:
    """Ingest in a fresh process; the names of the per-document cache's entries after it."""
    env = {
        **os.environ,
        "PYTHONHASHSEED": seed,
        "CSP_CORPUS_DIR": str(corpus),
        "CSP_DATA_DIR": str(data),
    }
    subprocess.run([sys.executable, "-c", INGEST], cwd=REPO, env=env, check=True,
                   capture_output=True)
    return {
        f"{p.parent.name}/{p.name}"
        for kind in ("segments", "facts", "registers")
        for p in (data / "cache" / kind).glob("*.pkl")
    }


def test_a_second_ingest_in_another_process_reuses_every_paper_s_cached_work(tmp_path: Path):
    corpus, data = tmp_path / "corpus", tmp_path / "data"
    corpus.mkdir()
    (corpus / "minutes-2024-05-01.md").write_text(
        "# Safer Brackwater Partnership\n\nMinutes of the meeting held on 1 May 2024\n\n"
        "## 4. Anti-social behaviour\n\nThe board noted a fall in reports. RESOLVED that the "
        "update be noted.\n",
        encoding="utf-8",
    )
    first = _ingest("1", corpus, data)
    assert {name.split("/")[0] for name in first} >= {"segments", "facts", "registers"}
    assert _ingest("2", corpus, data) == first  # same keys: nothing segmented again
