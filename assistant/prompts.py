"""Prompts live in ``prompts/*.md``; this fills them and refuses a missing placeholder."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.errors import CspError

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class MissingVariables(CspError):
    """A prompt was filled without a value for one of its placeholders."""


def placeholders(name: str, folder: Path = PROMPTS_DIR) -> set[str]:
    return set(_PLACEHOLDER.findall((folder / f"{name}.md").read_text(encoding="utf-8")))


def render(name: str, folder: Path = PROMPTS_DIR, **values: str) -> str:
    template = (folder / f"{name}.md").read_text(encoding="utf-8")
    missing = placeholders(name, folder) - set(values)
    if missing:
        raise MissingVariables(f"prompt {name!r} needs {sorted(missing)}")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
