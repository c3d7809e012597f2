"""Issue 11, growth: CSP_CHROMA_URL puts the vectors on a Chroma server (a real
`chroma run` on localhost, started here); the keyword index and the knowledge base stay in
the data folder, and a data folder that has neither is rebuilt from the server's chunks."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import chromadb
import pytest
from test_ingest_trust import CORPUS_FILES, Index, copy_files

from ingest.store import ChunkStore, StoreUnavailable

CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    if not CHROMA.exists():
        pytest.skip(f"the chroma CLI is not installed in this venv ({CHROMA})")
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
                break
            except Exception:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError((tmp_path / "chroma.log").read_text()) from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_the_vectors_live_on_the_server_and_a_new_data_folder_is_rebuilt_from_it(
    tmp_path: Path, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CSP_CHROMA_URL", server)
    corpus = copy_files(tmp_path / "corpus")
    first = Index(tmp_path / "first")
    report = first.ingest([corpus])
    assert report.embedded == report.chunks > 0
    assert not (tmp_path / "first" / "chroma").exists()  # nothing local but derived data

    # Another machine: an empty data folder, the same server. Nothing is embedded again;
    # the keyword index and the facts and registers are built from the papers' chunks.
    second = Index(tmp_path / "second")
    again = second.ingest([corpus])
    assert again.embedded == 0 and again.chunks == report.chunks
    served = chromadb.HttpClient(host="127.0.0.1", port=int(server.rsplit(":", 1)[1]))
    ids = set(served.get_collection("test").get(include=[])["ids"])
    assert second.keyword_ids() == ids == set(first.metadata())
    assert second.knowledge() == first.knowledge()
    assert {m["source"] for m in second.metadata().values()} == set(CORPUS_FILES)


def test_a_server_that_is_not_there_is_one_clear_error(
    tmp_path: Path, fake_embedder
) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with pytest.raises(StoreUnavailable, match="cannot reach the Chroma server"):
        ChunkStore(tmp_path / "chroma", "test", fake_embedder, url=url)
    with pytest.raises(StoreUnavailable, match="not a URL"):
        ChunkStore(tmp_path / "chroma", "test", fake_embedder, url="ftp://host")
