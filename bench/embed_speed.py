"""Embedding speed of the same all-MiniLM-L6-v2 weights three ways, in one run, on the
same texts: the plain LangChain recipe's ``HuggingFaceEmbeddings.embed_documents``, ours
through sentence-transformers (``CSP_EMBED_BACKEND=torch``) and ours through ONNX Runtime
(the default). Prints chunks/s, characters/s and each as a ratio of LangChain's, and how
far the vectors differ from sentence-transformers' (cosine).

    nice -n 10 .venv/bin/python bench/embed_speed.py [--corpus corpus] [--rounds 2]

The texts are our chunks' embedding texts (passage with its document and section) of the
corpus; each side is loaded and warmed before its clock starts; rounds alternate sides,
and the best round of each counts (the machine is shared: the best is the least disturbed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
                  TOKENIZERS_PARALLELISM="false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from langchain_huggingface import HuggingFaceEmbeddings  # noqa: E402

from ingest.embedding import SentenceTransformerEmbedder, ensure_model  # noqa: E402
from ingest.pipeline import read_corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="csp-embed-") as tmp:
        model = ensure_model(Path(tmp) / "model" / "all-MiniLM-L6-v2")
        corpus = read_corpus([args.corpus], cache=Path(tmp) / "cache", chunk_size=900,
                             chunk_overlap=150)
        texts = [c.embed_text for c in corpus.chunks]
        chars = sum(map(len, texts))
        sides = {
            "langchain": HuggingFaceEmbeddings(model_name=str(model),
                                               model_kwargs={"device": "cpu"}).embed_documents,
            "ours-torch": SentenceTransformerEmbedder(model, backend="torch").embed,
            "ours-onnx": SentenceTransformerEmbedder(model, backend="onnx").embed,
        }
        for embed in sides.values():
            embed(["warm-up"])  # model load and the one-off ONNX export are not timed
        best: dict[str, float] = {}
        vectors: dict[str, np.ndarray] = {}
        for _ in range(args.rounds):
            for name, embed in sides.items():
                t = time.perf_counter()
                got = embed(texts)
                seconds = time.perf_counter() - t
                best[name] = min(best.get(name, seconds), seconds)
                vectors[name] = np.asarray(got)
    base = best["langchain"]
    print(f"{len(texts)} texts, {chars} characters, best of {args.rounds} rounds, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| side | seconds | chunks/s | chars/s | speed / LangChain | min cosine to torch |")
    print("|---|---|---|---|---|---|")
    for name, seconds in best.items():
        cosine = float((vectors[name] * vectors["ours-torch"]).sum(axis=1).min())
        print(f"| {name} | {seconds:.1f} | {len(texts) / seconds:.1f} | {chars / seconds:.0f} | "
              f"{base / seconds:.2f}x | {cosine:.6f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
