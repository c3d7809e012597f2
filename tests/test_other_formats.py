"""Papers laid out in other councils' ways are segmented, typed and dated too: a
'MINUTES OF ... HELD ON' heading, numeric dates, RESOLVED instead of AGREED, and a pack
whose second document opens with a board's masthead."""

from __future__ import annotations

from pathlib import Path

from ingest.dates import parse_dates
from ingest.dating import date_file, partnership_of
from ingest.segment import segment
from ingest.types import LoadedFile

PACK = """\
MINUTES OF THE SAFER HARBOROUGH PARTNERSHIP HELD ON 12/03/2024

Present: Cllr J. Khan (Chair), P. Lee, R. Evans

1. MINUTES OF THE LAST MEETING
The minutes of the meeting held on 05/12/2023 were approved.

2. KNIFE CRIME PREVENTION
Members discussed the schools programme and the rise in reports since October.
RESOLVED that R. Evans report on the schools programme at the next meeting.

3. DATE OF NEXT MEETING
Future meetings: 11/06/2024

SAFER HARBOROUGH PARTNERSHIP BOARD
AGENDA
Tuesday 11 June 2024

1. APOLOGIES

2. MINUTES
To approve the minutes of the meeting held on 12 March 2024.

3. PERFORMANCE REPORT
A report on the quarter's figures.
"""


def doc(tmp_path: Path) -> tuple[str, list]:
    path = tmp_path / "harborough-pack.txt"
    path.write_text(PACK, encoding="utf-8")
    parts = segment(LoadedFile(path.name, path, "x", "text", PACK))
    date_file(PACK, parts)
    return PACK, parts


def test_numeric_uk_dates_are_read_day_first() -> None:
    assert [d.isoformat() for _, d in parse_dates("held on 05/12/2023 and 12.03.2024")] == [
        "2023-12-05",
        "2024-03-12",
    ]


def test_minutes_with_resolved_and_a_board_agenda_are_two_parts(tmp_path: Path) -> None:
    _, parts = doc(tmp_path)
    assert [(p.doc_type, p.date) for p in parts] == [
        ("minutes", "2024-03-12"),
        ("agenda", "2024-06-11"),
    ]
    minutes = parts[0]
    assert [s.label for s in minutes.sections if s.level == 1] == [
        "1 MINUTES OF THE LAST MEETING",
        "2 KNIFE CRIME PREVENTION",
        "3 DATE OF NEXT MEETING",
    ]


def test_the_partnership_comes_from_the_papers(tmp_path: Path) -> None:
    text, _ = doc(tmp_path)
    assert partnership_of(text) == ""  # not a "Community Safety Partnership": no guess
    assert partnership_of(text, "Safer Harborough Partnership") == "Safer Harborough Partnership"
