"""Who signed a paper's foreword (issue 6, session 7): the name its signature block prints
on a line of its own at the end of that section, with the role on the line after, on the
papers of an invented partnership in the real index with the word-hash embedder."""

from __future__ import annotations

from pathlib import Path

from conftest import assistant_over

PLAN = """# Safer Ashcombe Vale Partnership Plan 2025-2028

## 1. Foreword

Welcome to our plan. It was shaped by what 1,240 residents told us in our survey, and by
the strategic assessment the Delivery Group prepared last winter.

We will put prevention at the heart of everything we do.

Dr Imogen Treharne

Chair, Safer Ashcombe Vale Partnership

## 2. Introduction

2.1 The partnership brings together the council, the police, the fire and rescue service,
probation and health, as the law requires.

2.2 This plan was approved by the Partnership Board on 4 March 2025.
"""


def test_who_signed_the_foreword_is_its_signature_block(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"ashcombe-vale-partnership-plan-2025-28.md": PLAN})
    answer = assistant.ask("Who signed the foreword to the Safer Ashcombe Vale plan?")
    assert "“Dr Imogen Treharne Chair, Safer Ashcombe Vale Partnership” [1]" in answer.text
    assert answer.citations[0].section.endswith("Foreword")
    wrote = assistant.ask("Who wrote the introduction to the Ashcombe Vale plan?")
    assert "Imogen Treharne" not in wrote.text  # no signature block closes the introduction
