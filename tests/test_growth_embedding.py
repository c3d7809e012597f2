"""Issue 11, cold start: a question is embedded through ONNX Runtime, with the same
vectors as sentence-transformers gives, in a process that never imports torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ingest.embedding import SentenceTransformerEmbedder

REPO = Path(__file__).resolve().parents[1]
TEXTS = ["How many crimes were recorded on Beat 62 in 2021/22?", "What does JAG stand for?"]


@pytest.mark.slow
def test_a_question_is_embedded_through_onnx_with_the_same_vector(real_embedder) -> None:
    path = real_embedder.model_path
    onnx = SentenceTransformerEmbedder(path, backend="onnx").embed(TEXTS)
    torch = SentenceTransformerEmbedder(path, backend="torch").embed(TEXTS)
    auto = SentenceTransformerEmbedder(path)  # the default
    assert auto.backend == "auto"
    assert np.abs(np.array(auto.embed(TEXTS)) - np.array(torch)).max() < 1e-5
    assert np.abs(np.array(onnx) - np.array(torch)).max() < 1e-5
    assert auto._model is None  # sentence-transformers never loaded for a question


@pytest.mark.slow
def test_embedding_a_question_does_not_import_torch(real_embedder) -> None:
    SentenceTransformerEmbedder(real_embedder.model_path).prepare()  # as an ingest leaves it
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
        "from ingest.embedding import SentenceTransformerEmbedder as E;"
        "v = E(Path(sys.argv[1])).embed(['What does JAG stand for?']);"
        "print(len(v[0]), 'torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(real_embedder.model_path), str(REPO)],
        capture_output=True, text=True, check=True, timeout=300,
    )
    assert done.stdout.split() == ["384", "False", "False"]
