"""Papers added from the web app: checked (type, size, content), stored under the data
folder with a safe name, then ingested with the same pipeline as `python -m ingest FILE`;
removed and re-indexed the same way. Nothing here knows about Gradio.

    refused = UploadRefused("...")   # a typed error: the app shows its message
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from ingest.embedding import Embedder
from ingest.errors import CspError
from ingest.pipeline import Progress, Report, run, settings_options
from ingest.settings import Settings
from ingest.store import ChunkStore

ALLOWED = (".pdf", ".txt", ".md", ".csv")  # what ingest.load reads
PDF_MAGIC = b"%PDF-"
MAX_NAME = 120
INGEST_WAIT = 30.0  # seconds the app waits for another ingest before it says so
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class UploadRefused(CspError):
    """An upload that is not stored: ``str(err)`` says why and what to do instead."""


def safe_name(name: str) -> str:
    """The file name an upload is stored and cited under: letters, digits, '.', '_' and
    '-' only. A name that carries a folder ('../../etc/passwd.pdf', 'C:\\\\x.pdf') is
    refused rather than silently cut down."""
    raw = (name or "").strip()
    if not raw:
        raise UploadRefused("The file has no name: give it one ending in .pdf, .txt, .md or .csv.")
    parts = {PurePosixPath(raw).name, PureWindowsPath(raw).name}
    if parts != {raw} or raw in (".", ".."):
        raise UploadRefused(
            f"Refused {raw!r}: a file name may not contain a folder or '..'. "
            "Upload the file itself, named like 'minutes-2024-01-25.pdf'."
        )
    decomposed = unicodedata.normalize("NFKD", raw)  # 'é' -> 'e' + accent, dropped below
    ascii_name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = _UNSAFE.sub("-", ascii_name).strip(".-_")
    stem, dot, ext = cleaned.rpartition(".")
    if not dot or not stem:
        stem, ext = cleaned, ""
    stem = stem.strip(".-_") or "upload"
    ext = f".{ext.lower()}" if ext else ""
    if ext not in ALLOWED:
        raise UploadRefused(
            f"Refused {raw!r}: only {', '.join(ALLOWED)} files can be added "
            "(a Word document can be saved as PDF first)."
        )
    return f"{stem[: MAX_NAME - len(ext)]}{ext}"


def check(name: str, data: bytes, max_bytes: int) -> str:
    """The safe name of an acceptable upload, or UploadRefused saying what is wrong."""
    stored = safe_name(name)
    if not data:
        raise UploadRefused(f"Refused {name!r}: the file is empty.")
    if len(data) > max_bytes:
        raise UploadRefused(
            f"Refused {name!r}: it is {len(data) / 1e6:.1f} MB and the limit is "
            f"{max_bytes / 1e6:.1f} MB (CSP_UPLOAD_MAX_MB)."
        )
    if stored.endswith(".pdf"):
        if not data.startswith(PDF_MAGIC):
            raise UploadRefused(
                f"Refused {name!r}: it is named .pdf but is not a PDF (it does not start "
                "with %PDF-). Export it as PDF again, or upload it with its real type."
            )
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise UploadRefused(
                f"Refused {name!r}: a .txt, .md or .csv file must be UTF-8 text; this one is "
                "not (is it a binary file renamed?). Save it as UTF-8 and try again."
            ) from None
        if "\x00" in text:
            raise UploadRefused(f"Refused {name!r}: it holds binary data, not text.")
    return stored


def store(settings: Settings, name: str, data: bytes) -> Path:
    """Check an upload and write it to the uploads folder (atomically); its path."""
    stored = check(name, data, int(settings.upload_max_mb * 1_000_000))
    folder = settings.uploads_dir.resolve()
    target = (folder / stored).resolve()
    if target.parent != folder:  # safe_name makes this impossible; kept as the last guard
        raise UploadRefused(f"Refused {name!r}: it would be stored outside {folder}.")
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{stored}.{os.getpid()}.part"
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return target


def _run(settings: Settings, index: ChunkStore, embedder: Embedder, paths, **kw) -> Report:
    return run(
        paths,
        store=index,
        embedder=embedder,
        **settings_options(settings),
        base=settings.corpus_dir,
        lock_timeout=INGEST_WAIT,
        **kw,
    )


def add(
    settings: Settings,
    index: ChunkStore,
    embedder: Embedder,
    path: Path,
    progress: Progress | None = None,
) -> Report:
    """Ingest one stored upload; every other document stays (`python -m ingest FILE`)."""
    return _run(settings, index, embedder, [path], progress=progress)


def remove(settings: Settings, index: ChunkStore, embedder: Embedder, name: str) -> Report:
    """Take a document out of the index (`python -m ingest --remove NAME`); an upload's
    stored file goes too, so a re-index does not bring it back."""
    report = _run(settings, index, embedder, [], remove=[name])
    stored = settings.uploads_dir / name
    if stored.resolve().parent == settings.uploads_dir.resolve() and stored.is_file():
        stored.unlink()
    return report


def reindex(
    settings: Settings,
    index: ChunkStore,
    embedder: Embedder,
    progress: Progress | None = None,
) -> Report:
    """The index made to mirror the corpus folder and the uploads folder: new, changed
    and deleted files in either."""
    paths = [p for p in (settings.corpus_dir, settings.uploads_dir) if p.is_dir()]
    return _run(settings, index, embedder, paths, mirror=True, progress=progress)
