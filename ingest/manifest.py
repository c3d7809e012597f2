"""corpus/manifest.toml: set or correct any file's (or part's) metadata by hand.

[files."westmere-csp-minutes-2023-01-26.md"]
date = "2023-01-26"            # every part of the file
partnership = "Westmere Community Safety Partnership"

[files."westmere-csp-agenda-pack-2023-04-20.txt".parts.2]
title = "Community Safety Partnership Plan 2023-2026"
doc_type = "plan"
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from ingest.errors import ManifestInvalid
from ingest.types import DOC_TYPES, Part

FIELDS = {"date", "doc_type", "partnership", "title"}


def read_manifest(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestInvalid(f"{path}: {exc}") from exc
    files = data.get("files", {})
    for name, entry in files.items():
        _check(f"{path} [files.{name!r}]", {k: v for k, v in entry.items() if k != "parts"})
        for index, part_entry in entry.get("parts", {}).items():
            if not str(index).isdigit():
                raise ManifestInvalid(f"{path}: part numbers must be whole numbers, not {index!r}")
            _check(f"{path} [files.{name!r}.parts.{index}]", part_entry)
    return files


def _check(where: str, entry: dict) -> None:
    unknown = set(entry) - FIELDS
    if unknown:
        raise ManifestInvalid(f"{where}: unknown field(s) {sorted(unknown)}; use {sorted(FIELDS)}")
    if "date" in entry:
        try:
            date.fromisoformat(str(entry["date"]))
        except ValueError as exc:
            raise ManifestInvalid(
                f"{where}: date must be YYYY-MM-DD, not {entry['date']!r}"
            ) from exc
    if "doc_type" in entry and entry["doc_type"] not in DOC_TYPES:
        raise ManifestInvalid(f"{where}: doc_type must be one of {list(DOC_TYPES)}")


def apply_manifest(entry: dict, parts: list[Part]) -> None:
    """Overwrite what the text gave with what the manifest says, file-wide then per part."""
    for part in parts:
        values = {k: v for k, v in entry.items() if k != "parts"}
        values.update(entry.get("parts", {}).get(str(part.index), {}))
        for key, value in values.items():
            setattr(part, key, str(value))
            if key == "date":
                part.date_note = "set in corpus/manifest.toml"
