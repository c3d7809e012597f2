"""Read one corpus file into a ``LoadedFile``, or say in one line why it cannot be read.

PDFs go through pypdf (plain ``extract_text``), one ``Page`` per PDF page; ``.txt`` and
``.md`` files are read as UTF-8 with their text kept as it is (only ``\\r\\n`` becomes
``\\n``); a ``.csv`` export (an action log kept in a spreadsheet) becomes tab-separated
rows, as a PDF's or Markdown table's do. In all, the typographic ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
become their letters, so "misﬁts" is found as "misfits"; nothing else is normalised
(NFKC would turn ² into 2 and ½ into 1⁄2). A PDF whose text has too few letters is
refused as having no usable text layer. Every failure a user can cause with a file is
raised as a ``LoadError`` subclass whose ``str()`` is the reason shown when the ingest
skips the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
from pathlib import Path

import pypdf
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ingest.conventions import current as conventions
from ingest.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    LoadError,
    NoTextLayer,
    NotUtf8,
    UnsupportedFile,
)
from ingest.pages import strip_running_lines
from ingest.types import LoadedFile, Page

SUPPORTED_SUFFIXES = (".pdf", ".txt", ".md", ".csv")
SKIPPED_NAMES = ("readme.md", "manifest.toml")  # compared in lower case
PAGE_SEPARATOR = "\n\n"
MIN_CHARS_PER_PAGE = 10  # fewer non-whitespace characters per page on average: no text layer
# Fewer letters in words (two or more letters together) per page on average: the text layer
# is junk, e.g. the punctuation a poor OCR pass leaves over a scanned image.
MIN_WORD_LETTERS_PER_PAGE = 5
_WORD = re.compile(r"[^\W\d_]{2,}")
# Exactly these, each to its letters (U+FB05 is a long s + t, read as "st").
# Bullet glyphs PDF writers leave as control or private-use characters (reportlab's
# U+007F, Symbol-font U+F0B7): a bullet, so a list reads as a list.
BULLETS = str.maketrans({"\x7f": "•", "\uf0b7": "•", "\uf0a7": "▪", "\uf076": "•"})
LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
NEEDS_PASSWORD = "encrypted, needs a password"
# Which loader read a cached text: this file and the pypdf that ran it. A change to either
# makes the ingest read every file again instead of trusting text cached by the old code.
LOADER_VERSION = hashlib.sha256(
    Path(__file__).read_bytes() + pypdf.__version__.encode()
).hexdigest()[:12]


def load(path: Path) -> LoadedFile:
    """Read ``path``; raise a ``LoadError`` subclass if it cannot be used."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = path.suffix or "(none)"
        raise UnsupportedFile(f"unsupported file type '{shown}' (only .pdf, .txt, .md, .csv)")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise LoadError(f"cannot be read ({err.strerror or type(err).__name__})") from None
    if not data:
        raise EmptyFile("empty file")
    pieces: tuple = ()
    layout: tuple[str, ...] = ()
    if suffix == ".pdf":
        from ingest.register_pdf import pieces_of  # positioned text: register tables' cells

        kind, text, pages = "pdf", *_pdf_text(data)
        layout = _pdf_layout(data, len(pages))
        try:
            pieces = pieces_of(path)
        except Exception:  # noqa: BLE001 - the text was read; without pieces a table is not split
            pieces = ()
    elif suffix == ".csv":
        kind, text, pages = "text", _csv_text(_utf8_text(data)), ()
    else:
        kind, text, pages = "text", _utf8_text(data), ()
    return LoadedFile(
        name=path.name,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind=kind,
        text=text,
        pages=pages,
        pieces=pieces,
        layout=layout,
    )


def iter_corpus(paths: list[Path]) -> list[Path]:
    """Expand folders into their files, sorted; files named explicitly are kept as given.

    Inside folders, hidden files and folders, ``README.md`` and ``manifest.toml`` are
    skipped. Other files are kept whatever their suffix, so the ingest can report them.
    """
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found.extend(sorted(p for p in given.rglob("*") if _wanted(p, given)))
        else:
            found.append(given)
    return list(dict.fromkeys(found))  # drop repeats, keep order


def _wanted(path: Path, root: Path) -> bool:
    relative = path.relative_to(root).parts
    return (
        path.is_file()
        and not any(part.startswith(".") for part in relative)
        and path.name.lower() not in SKIPPED_NAMES
    )


def _utf8_text(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # decode again without the BOM handling: its offset counts from byte 0
            data.decode("utf-8")
            offset = 0
        except UnicodeDecodeError as err:
            offset = err.start
        raise NotUtf8(
            f"not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8"
        ) from None
    return text.replace("\r\n", "\n").translate(LIGATURES)


def _csv_text(text: str) -> str:
    """A spreadsheet's export (an action log, a performance table) as the tab-separated rows
    every table reader reads: quotes taken off, a cell's own line breaks made spaces."""
    rows = csv.reader(io.StringIO(text))
    return "\n".join(
        "\t".join(" ".join(cell.split()) for cell in row) for row in rows if any(row)
    )


def _pdf_text(data: bytes) -> tuple[str, tuple[Page, ...]]:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings would break progress bars
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise EncryptedFile(NEEDS_PASSWORD)
        texts = [
            (page.extract_text() or "").translate(LIGATURES).translate(BULLETS)
            for page in reader.pages
        ]
    except LoadError:
        raise
    except FileNotDecryptedError:
        raise EncryptedFile(NEEDS_PASSWORD) from None
    except DependencyError:  # AES without a crypto library: still only a password problem
        raise EncryptedFile(f"{NEEDS_PASSWORD} (AES needs the 'cryptography' package)") from None
    except Exception as err:  # noqa: BLE001 - the parsing boundary: any pypdf failure
        raise CorruptFile(f"cannot be parsed as PDF ({_short(err)})") from None

    texts = strip_running_lines(texts, conventions().running_header_share)
    pages: list[Page] = []
    offset = 0
    for number, page_text in enumerate(texts, start=1):
        pages.append(Page(number=number, start=offset))
        offset += len(page_text) + len(PAGE_SEPARATOR)
    text = PAGE_SEPARATOR.join(texts)
    pages_read = max(1, len(texts))
    if len("".join(text.split())) < MIN_CHARS_PER_PAGE * pages_read:
        raise NoTextLayer("no text layer (scanned?)")
    if sum(map(len, _WORD.findall(text))) < MIN_WORD_LETTERS_PER_PAGE * pages_read:
        raise NoTextLayer("no usable text layer (too few letters: scanned?)")
    return text, tuple(pages)


def _pdf_layout(data: bytes, pages: int) -> tuple[str, ...]:
    """Each page laid out as printed (pypdf's layout mode), for the tables whose plain text
    gives one cell per line; empty when pypdf cannot lay a page out."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        out = tuple(
            (page.extract_text(extraction_mode="layout") or "").translate(LIGATURES)
            for page in reader.pages
        )
    except Exception:  # noqa: BLE001 - the plain text was read; tables fall back to it
        return ()
    return out if len(out) == pages else ()


def _opens_without_password(reader: PdfReader) -> bool:
    """True if the empty *user* password opens the file, as it would in a PDF viewer.

    ``decrypt("")`` also succeeds when only the owner password is empty (for example
    ``r6-user-password.pdf``), yet a viewer asks for the user password of such a file.
    pypdf has no public check of the user password alone, hence its private helpers.
    """
    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        return False
    try:
        from pypdf._encryption import AlgV4, AlgV5

        enc, v = reader._encryption, reader._encryption.values
        if enc.V <= 4:
            args = (enc.R, enc.Length, v.O, v.U, enc.P, enc.id1_entry, enc.EncryptMetadata)
            return bool(AlgV4.verify_user_password(b"", *args))
        return bool(AlgV5.verify_user_password(enc.R, b"", v.U, v.UE))
    except (ImportError, AttributeError, TypeError):  # pypdf internals moved: trust decrypt
        return True


def _short(err: Exception) -> str:
    lines = str(err).strip().splitlines()
    reason = lines[0].strip() if lines else ""
    return (reason[:80] + "…" if len(reason) > 80 else reason) or type(err).__name__
