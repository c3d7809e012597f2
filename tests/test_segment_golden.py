"""Golden outlines of the corpus: the parts each file is split into, their type, title and
date, and every section heading a citation can name.

A change in segmentation or dating shows up as a diff against tests/golden/. After a
deliberate change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_segment_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.dating import date_file, resolve_across
from ingest.load import iter_corpus, load
from ingest.segment import segment
from ingest.types import LoadedFile, Part

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = [p.name for p in iter_corpus([CORPUS])]


def outline(parts: list[Part], doc: LoadedFile) -> str:
    lines = []
    for part in parts:
        lines.append(f"PART {part.index} [{part.doc_type}] {part.title} | date={part.date}")
        for section in part.sections:
            page = doc.page_at(section.start)
            lines.append(f"  {section.path}" + (f" (page {page})" if page is not None else ""))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def outlines() -> dict[str, str]:
    """Every corpus file segmented and dated, with minutes dated across the whole corpus."""
    docs = {name: load(CORPUS / name) for name in FILES}
    parts = {}
    for name, doc in docs.items():
        parts[name] = segment(doc)
        date_file(doc.text, parts[name])
    resolve_across({name: (docs[name].text, parts[name]) for name in docs})
    return {name: outline(parts[name], docs[name]) for name in docs}


def test_the_corpus_has_the_five_documented_files() -> None:
    assert FILES == [
        "charnwood-csp-agenda-pack-2014-12-18.txt",
        "charnwood-csp-agenda-pack-2023-04-20.txt",
        "charnwood-csp-minutes-2023-01-26.md",
        "charnwood-strategic-assessment-2023-24.md",
        "nwl-community-safety-scrutiny-2024.md",
    ]


@pytest.mark.parametrize("name", FILES)
def test_outline_matches_golden(name: str, outlines: dict[str, str]) -> None:
    golden = GOLDEN / f"{name}.outline.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(outlines[name], encoding="utf-8")
    assert golden.exists(), f"no golden file; run with UPDATE_GOLDEN=1 to write {golden.name}"
    assert outlines[name] == golden.read_text(encoding="utf-8")
