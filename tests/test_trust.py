"""Defects that would make the product repeat something the papers do not say: each found
by a user, reproduced here before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ingest_settings

from assistant.engine import Assistant
from ingest.settings import Settings


def ingest_folder(folder: Path, data: Path, embedder) -> Assistant:
    settings = Settings(data_dir=data, corpus_dir=folder)
    ingest_settings(settings, embedder)
    return Assistant(settings, embedder)


@pytest.mark.parametrize(
    "body",
    [
        "Annual crime summary\nThe number of crimes recorded during 2023/24 was 12345",
        "# Crime report\n\nIntro to the report for the panel.\n\n"
        "The number of crimes recorded during 2023/24 was 12345",
        "1. Crime\nThe number of crimes recorded during 2023/24 was 12345",
    ],
    ids=["no-heading", "markdown-title", "numbered-item"],
)
def test_the_last_character_of_a_file_without_a_final_newline_is_kept(
    tmp_path: Path, fake_embedder, body: str
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "crime-report.md").write_text(body)
    assistant = ingest_folder(folder, tmp_path / "data", fake_embedder)
    assert any(c.text.endswith("was 12345") for c in assistant.chunks)
    answer = assistant.ask("How many crimes were recorded during 2023/24?")
    assert "12345" in answer.text, answer.text
    assert any(c.quote.endswith("12345") for c in answer.citations)


INGEST_IN_ANOTHER_PROCESS = """
import sys
sys.path[:0] = [{tests!r}, {repo!r}]
from pathlib import Path
from conftest import WordHashEmbedder, ingest_settings
from ingest.settings import Settings
ingest_settings(Settings(data_dir=Path({data!r}), corpus_dir=Path({corpus!r})), WordHashEmbedder())
"""


def test_a_running_chat_finds_a_file_added_by_an_ingest_in_another_process(
    tmp_path: Path, fake_embedder
) -> None:
    """The chat stays up while an officer runs `python -m ingest` in a terminal: a paper
    that ingest adds is found by the chat's next question (defect 2)."""
    import subprocess
    import sys

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "first-report.md").write_text(
        "# Annual report\n\n1. Burglary\nResidential burglary fell by 4% during 2023/24.\n"
    )
    assistant = ingest_folder(folder, tmp_path / "data", fake_embedder)
    assert not assistant.ask("What was agreed about the Narborough skate park?").covered
    (folder / "minutes-2024-06-11.md").write_text(
        "MINUTES\n\nPRESENT: Omar Patel (Chair)\n\n2. NARBOROUGH SKATE PARK\n"
        "Residents reported late-night noise at the skate park.\n"
        "AGREED that Omar Patel arrange patrols at the Narborough skate park.\n"
    )
    tests = Path(__file__).parent
    script = INGEST_IN_ANOTHER_PROCESS.format(
        tests=str(tests), repo=str(tests.parent), data=str(tmp_path / "data"), corpus=str(folder)
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    answer = assistant.ask("What was agreed about the Narborough skate park?")
    assert "Omar Patel arrange patrols" in answer.text, answer.text
    assert answer.citations[0].source == "minutes-2024-06-11.md"


MINUTES_WITH_CCTV = (
    "MINUTES\n\nDate: 12 March 2024\n\nPRESENT: Jane Smith (Chair), Omar Patel\n\n"
    "3. TOWN CENTRE CCTV\nMembers discussed the cost of new cameras for the market place.\n"
    "AGREED that the town centre CCTV budget for 2024/25 be set at £20,000.\n"
)
UNOFFICIAL_NOTE = (
    "Notes from a resident\n\nI heard the partnership agreed the town centre CCTV budget for "
    "2024/25 at £50,000, which seems a lot for the market place cameras.\n"
)


def test_an_undated_unofficial_paper_alone_is_named_as_the_only_source(
    tmp_path: Path, fake_embedder
) -> None:
    """A question answered only by an undated paper of no known kind says so (defect 6)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "resident-note.txt").write_text(UNOFFICIAL_NOTE)
    (folder / "annual-report.md").write_text(
        "# Annual report\n\nDate: 1 May 2024\n\n1. Burglary\nResidential burglary fell by 4%.\n"
    )
    assistant = ingest_folder(folder, tmp_path / "data", fake_embedder)
    answer = assistant.ask("What budget was agreed for the town centre CCTV?")
    assert "£50,000" in answer.text
    assert "only source" in answer.text and "undated" in answer.text, answer.text


def test_the_minutes_take_precedence_over_an_unofficial_paper(
    tmp_path: Path, fake_embedder
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "resident-note.txt").write_text(UNOFFICIAL_NOTE)
    (folder / "minutes-2024-03-12.txt").write_text(MINUTES_WITH_CCTV)
    assistant = ingest_folder(folder, tmp_path / "data", fake_embedder)
    answer = assistant.ask("What budget was agreed for the town centre CCTV?")
    assert "£20,000" in answer.text and answer.citations[0].source == "minutes-2024-03-12.txt"
    assert "£50,000" not in answer.text.split("\n\n")[0], answer.text
