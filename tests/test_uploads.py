"""Uploads from the web app (issue 8): a name with a folder, an oversized file, a non-PDF
renamed .pdf or a binary 'text' file is refused with a clear message and nothing is
written; an accepted one is stored under the data folder with a safe name, ingested,
answered from, and removed again."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from assistant.engine import Assistant
from assistant.retrieve import Filters
from assistant.service import Service
from assistant.uploads import UploadRefused, safe_name, store
from ingest.settings import Settings
from tests.conftest import WordHashEmbedder


def pdf_bytes(*lines: str) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for k, line in enumerate(lines):
        page.drawString(60, 800 - 20 * k, line)
    page.save()
    return out.getvalue()


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", upload_max_mb=0.05)


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.pdf", "/etc/passwd.pdf", "..\\..\\boot.ini.pdf", "sub/dir.pdf", ".."],
)
def test_a_name_with_a_folder_is_refused_and_nothing_is_written(settings, tmp_path, name):
    before = files_under(tmp_path)
    with pytest.raises(UploadRefused, match="may not contain a folder"):
        store(settings, name, pdf_bytes("Minutes"))
    assert files_under(tmp_path) == before
    assert not (tmp_path / "etc").exists() and not settings.uploads_dir.exists()


def test_an_oversized_file_is_refused_with_the_limit(settings, tmp_path):
    big = pdf_bytes("Minutes") + b"%" * 60_000
    with pytest.raises(UploadRefused, match=r"0\.1 MB and the limit is 0\.1 MB|limit is"):
        store(settings, "big.pdf", big)
    assert not settings.uploads_dir.exists()


def test_a_non_pdf_renamed_pdf_is_refused(settings):
    with pytest.raises(UploadRefused, match="named .pdf but is not a PDF"):
        store(settings, "minutes.pdf", b"MZ\x90\x00 an executable, renamed")
    assert not settings.uploads_dir.exists()


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("notes.txt", b"\xff\xfe\x00binary", "must be UTF-8"),
        ("notes.md", b"text with a \x00 in it", "binary data"),
        ("minutes.docx", b"PK\x03\x04", "only .pdf, .txt, .md, .csv files"),
        ("minutes", b"text", "only .pdf, .txt, .md, .csv files"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_other_bad_uploads_say_why(settings, name, data, why):
    with pytest.raises(UploadRefused, match=why):
        store(settings, name, data)
    assert not settings.uploads_dir.exists()


def test_names_are_made_safe():
    assert safe_name("Minutes March 2024 (final).PDF") == "Minutes-March-2024-final.pdf"
    assert safe_name("réunion–été.md") == "reunion-ete.md"
    assert safe_name("...hidden.txt") == "hidden.txt"


def test_an_accepted_upload_is_stored_under_the_data_folder(settings):
    data = pdf_bytes("Minutes")
    path = store(settings, "Panel minutes.pdf", data)
    assert path == (settings.uploads_dir / "Panel-minutes.pdf").resolve()
    assert path.read_bytes() == data
    assert [p.name for p in settings.uploads_dir.iterdir()] == ["Panel-minutes.pdf"]  # no .part


def test_upload_is_indexed_answered_from_and_removed(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "minutes-2024-01-10.md").write_text(
        "# Minutes of the Safer Riverside Partnership, 10 January 2024\n\n"
        "1. Apologies\n\nNone were received.\n",
        encoding="utf-8",
    )
    service = Service(settings, Assistant(settings, WordHashEmbedder()))
    service.reindex()
    pdf = pdf_bytes(
        "Heronsgate Safer Streets Panel, minutes of 14 March 2024.",
        "The Lantern Walk scheme pairs volunteers with residents walking home after dark.",
    )
    report = service.upload("heronsgate panel.pdf", pdf)
    assert report.skipped == []
    names = [row["document"] for row in service.documents()]
    assert names == ["heronsgate-panel.pdf", "minutes-2024-01-10.md"]
    answer = service.ask("What does the Lantern Walk scheme do?", Filters())
    assert answer.covered and answer.citations[0].source == "heronsgate-panel.pdf"
    assert answer.citations[0].page == 1

    service.reindex()  # a re-index keeps the uploads folder's papers
    assert "heronsgate-panel.pdf" in [row["document"] for row in service.documents()]

    service.remove("heronsgate-panel.pdf")
    assert [row["document"] for row in service.documents()] == ["minutes-2024-01-10.md"]
    assert not (settings.uploads_dir / "heronsgate-panel.pdf").exists()
    assert os.listdir(settings.uploads_dir) == []
