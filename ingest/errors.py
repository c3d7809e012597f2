"""Typed errors. Only the CLI and the web app turn them into messages.

CspError
├── LoadError              a file could not be read; the ingest skips it
│   ├── UnsupportedFile    not .pdf, .txt or .md
│   ├── EmptyFile          zero bytes
│   ├── EncryptedFile      needs a password we do not have
│   ├── NoTextLayer        a PDF with no extractable text (scanned?)
│   ├── CorruptFile        a PDF that pypdf cannot parse (truncated, broken)
│   └── NotUtf8            a text file that is not UTF-8
├── ManifestInvalid        corpus/manifest.toml is not valid
├── NotIndexed             `--remove` named a document the index does not hold
├── IngestBusy             another ingest of the same data folder did not finish in time
├── IndexMissing           nothing has been ingested yet
├── ModelUnavailable       the embedding model cannot be found or loaded
└── LlmError               the optional chat server failed or is misconfigured
"""

from __future__ import annotations


class CspError(Exception):
    """Base of every error this project raises on purpose."""


class LoadError(CspError):
    """A file could not be turned into text. ``str(err)`` is the one-line reason."""


class UnsupportedFile(LoadError):
    pass


class EmptyFile(LoadError):
    pass


class EncryptedFile(LoadError):
    pass


class NoTextLayer(LoadError):
    pass


class CorruptFile(LoadError):
    pass


class NotUtf8(LoadError):
    pass


class IndexMissing(CspError):
    def __init__(self, message: str = "The index is empty: run `python -m ingest` first.") -> None:
        super().__init__(message)


class ModelUnavailable(CspError):
    pass


class LlmError(CspError):
    pass


class NotIndexed(CspError):
    """A document to remove is not in the index."""


class IngestBusy(CspError):
    """Another ingest holds the data folder's lock for longer than we wait."""


class ManifestInvalid(CspError):
    """corpus/manifest.toml cannot be read or names an unknown field."""
