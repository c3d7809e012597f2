"""The register readers over 200 generated papers whose entries are known by construction
(`tests/register_fuzz.py`, issue 10): seven layouts (cards among them), shuffled columns,
header words in and out of the conventions file, several date columns, statuses from the
states table, from a key the paper prints, and unknown; references and owners in the
styles councils print; plans with a merged first column and a RAG column beside the Status
column.

The figures are per field and per variation; a variation that fails shows which convention
the readers do not yet hold. Run by hand with ``python -m tests.register_fuzz 200 7``."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import register_conventions
from tests import register_fuzz as fuzz

SEED = 7
N = 200


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("fuzz")
    scores = [fuzz.score(p, fuzz.read(fuzz.write(p, folder))) for p in fuzz.papers(N, SEED)]
    figures = fuzz.report(scores)
    print(f"\n{N} generated papers (seed {SEED}), {figures['entries']} entries: strict "
          f"{figures['strict']:.1%}, extra {figures['extra']}")
    for name, share in figures["fields"].items():
        print(f"  {name}: {share:.1%}")
    for name, (ok, total) in sorted(figures["variations"].items()):
        if ok < total:
            print(f"  {name}: {ok}/{total}")
    return figures


def test_every_field_of_generated_papers_is_read_at_95_percent(figures: dict) -> None:
    assert figures["entries"] > 1000
    assert figures["strict"] >= 0.95  # kind, text, owner, due, status, state, reference all
    for name, share in figures["fields"].items():
        assert share >= 0.97, name
    assert figures["extra"] <= 0.01 * figures["entries"]  # no junk: headers, keys, titles


def test_every_layout_and_status_style_is_read_at_90_percent(figures: dict) -> None:
    for name, (ok, total) in figures["variations"].items():
        if name.startswith(("layout=", "statuses=", "dates=", "owners=", "references=")):
            assert ok >= 0.9 * total, (name, ok, total)


def test_the_generator_is_deterministic_and_knows_what_it_wrote(tmp_path: Path) -> None:
    one, two = fuzz.papers(12, SEED), fuzz.papers(12, SEED)
    assert [p.text for p in one] == [p.text for p in two]
    assert {p.layout for p in one} == set(fuzz.LAYOUTS)
    for paper in one:
        if paper.layout == "pdf":
            continue
        printed = " ".join(paper.text.split())  # up to whitespace: cards are hard-wrapped
        for entry in paper.expected:  # every expected value is printed in the paper
            for name in ("text", "owner", "due", "status", "reference"):
                assert " ".join(entry[name].split()) in printed, (paper.name, name, entry[name])


def test_its_vocabulary_is_partly_outside_the_conventions() -> None:
    """So that the figures measure the readers' fallback, not a lookup: each role has
    header words the conventions file does not name, and status words it does not hold."""
    conv = register_conventions.current()
    for role, (_, outside) in fuzz.HEADERS.items():
        assert any(conv.column_role(h) != role for h in outside), role
    assert not any(conv.is_status(w) for w, _, _ in fuzz.KEY_WORDS)
    assert not any(conv.is_status(w) for w in fuzz.UNKNOWN)
