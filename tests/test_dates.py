"""The dates a user sees on every citation: each part of each corpus file, minutes dated
against the agendas that approve them, and corpus/manifest.toml corrections."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.errors import ManifestInvalid
from ingest.pipeline import Corpus, read_corpus

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PACK_2023 = "charnwood-csp-agenda-pack-2023-04-20.txt"
PACK_2014 = "charnwood-csp-agenda-pack-2014-12-18.txt"
MINUTES = "charnwood-csp-minutes-2023-01-26.md"
ASSESSMENT = "charnwood-strategic-assessment-2023-24.md"


def read(folder: Path, cache: Path) -> Corpus:
    return read_corpus([folder], cache=cache, chunk_size=900, chunk_overlap=150)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return read(CORPUS, tmp_path_factory.mktemp("cache"))


def dates_by_type(corpus: Corpus, name: str) -> dict[str, list[str | None]]:
    found: dict[str, list[str | None]] = {}
    for part in corpus.parts[name]:
        found.setdefault(part.doc_type, []).append(part.date)
    return found


# --- the real corpus ----------------------------------------------------------------------


def test_april_2023_pack_parts_are_dated(corpus: Corpus) -> None:
    assert dates_by_type(corpus, PACK_2023) == {
        "agenda": ["2023-04-20"],
        "minutes": ["2023-01-26"],  # the previous meeting, not the pack's date
        "plan": ["2023-04-20"],  # no date of its own: the pack's
        "briefing": ["2023-03-29"],  # its own "Date: 29 March 2023"
        "forward programme": ["2023-04-20"],
    }


def test_plan_in_the_pack_says_it_took_the_pack_date(corpus: Corpus) -> None:
    plan = next(p for p in corpus.parts[PACK_2023] if p.doc_type == "plan")
    assert "Plan 2023-2026" in plan.title
    assert "20 April 2023" in plan.date_note


def test_separate_minutes_file_gets_the_real_meeting_date(corpus: Corpus) -> None:
    """Its header says 20 October 2022, but it approves the 20 October 2022 minutes."""
    (part,) = corpus.parts[MINUTES]
    assert part.doc_type == "minutes"
    assert part.date == "2023-01-26"
    assert "20 October 2022" in part.date_note  # the contradiction is explained
    assert "26 January 2023" in part.date_note  # and where the right date came from
    assert PACK_2023 in part.date_note


def test_both_copies_of_the_january_minutes_carry_the_same_date_on_every_chunk(
    corpus: Corpus,
) -> None:
    dates = {(c.source, c.date) for c in corpus.chunks if c.doc_type == "minutes"}
    assert (MINUTES, "2023-01-26") in dates
    assert (PACK_2023, "2023-01-26") in dates
    assert {d for s, d in dates if s in (MINUTES, PACK_2023)} == {"2023-01-26"}


def test_december_2014_pack_parts_are_dated(corpus: Corpus) -> None:
    found = dates_by_type(corpus, PACK_2014)
    assert found["agenda"] == ["2014-12-18"]
    assert found["minutes"] == ["2014-10-16"]
    assert found["report"] and set(found["report"]) == {"2014-12-18"}
    assert set(found) == {"agenda", "minutes", "report"}


def test_strategic_assessment_is_dated_by_its_data(corpus: Corpus) -> None:
    (part,) = corpus.parts[ASSESSMENT]
    assert part.doc_type == "strategic assessment"
    assert part.date == "2023-12-05"


def test_every_chunk_of_a_dated_paper_has_a_date(corpus: Corpus) -> None:
    """The scrutiny report prints no date of its own (only the years its figures cover):
    it stays undated rather than take one its text does not give."""
    undated = {c.source for c in corpus.chunks if not c.date}
    assert undated == {"nwl-community-safety-scrutiny-2024.md"}


# --- the mechanism on papers it has never seen -------------------------------------------

BLABY_MINUTES = """\
BLABY COMMUNITY SAFETY PARTNERSHIP
THURSDAY, 14TH NOVEMBER 2019
COUNCIL CHAMBER, DESFORD ROAD, NARBOROUGH

MINUTES

PRESENT: Councillor Jane Wolfe (Chair), Inspector Ravi Patel, Sam Okafor (minutes)

1. APOLOGIES

Apologies were received from the Fire and Rescue Service.

2. MINUTES

The minutes of the meeting held on 14th November 2019 were approved.

3. NIGHT-TIME ECONOMY

The Blaby Community Safety Partnership discussed street pastors in Narborough and
the lighting of the Fosse Park car parks.

AGREED that a lighting survey be carried out before the next meeting.

4. DATES OF FUTURE MEETINGS

Upcoming meetings:

21st May 2020 at 2pm
17th September 2020 at 2pm
"""

BLABY_AGENDA = """\
BLABY COMMUNITY SAFETY PARTNERSHIP
THURSDAY, 21ST MAY 2020 AT 2PM
COUNCIL CHAMBER, DESFORD ROAD, NARBOROUGH

AGENDA

1. APOLOGIES

2. MINUTES

The Partnership is asked to confirm as a correct record the minutes of the
meeting held on 6th February 2020.

3. LIGHTING SURVEY

A report on the Fosse Park car park lighting survey for the Blaby Community
Safety Partnership.
"""


def test_minutes_with_a_contradicted_heading_are_dated_from_another_files_agenda(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "blaby"
    folder.mkdir()
    (folder / "blaby-minutes.txt").write_text(BLABY_MINUTES, encoding="utf-8")
    (folder / "blaby-agenda-2020-05-21.txt").write_text(BLABY_AGENDA, encoding="utf-8")
    corpus = read(folder, tmp_path / "cache")

    (agenda,) = corpus.parts["blaby-agenda-2020-05-21.txt"]
    assert (agenda.doc_type, agenda.date) == ("agenda", "2020-05-21")
    (minutes,) = corpus.parts["blaby-minutes.txt"]
    assert minutes.doc_type == "minutes"
    # The heading's 14 November 2019 is the meeting these minutes approve, and the next
    # meeting is 21 May 2020; the May agenda approves the minutes of 6 February 2020.
    assert minutes.date == "2020-02-06"
    assert "14 November 2019" in minutes.date_note
    assert "blaby-agenda-2020-05-21.txt" in minutes.date_note
    assert minutes.partnership == "Blaby Community Safety Partnership"
    assert {c.date for c in corpus.chunks if c.source == "blaby-minutes.txt"} == {"2020-02-06"}


def test_minutes_whose_heading_fits_keep_it(tmp_path: Path) -> None:
    folder = tmp_path / "blaby"
    folder.mkdir()
    fitting = BLABY_MINUTES.replace("THURSDAY, 14TH NOVEMBER 2019", "THURSDAY, 6TH FEBRUARY 2020")
    (folder / "blaby-minutes.txt").write_text(fitting, encoding="utf-8")
    (minutes,) = read(folder, tmp_path / "cache").parts["blaby-minutes.txt"]
    assert minutes.date == "2020-02-06"
    assert minutes.date_note == "from its heading"


def test_contradicted_minutes_with_no_agenda_to_date_them_stay_undated(tmp_path: Path) -> None:
    """Better no date than the wrong one printed in the header."""
    folder = tmp_path / "blaby"
    folder.mkdir()
    (folder / "blaby-minutes.txt").write_text(BLABY_MINUTES, encoding="utf-8")
    (minutes,) = read(folder, tmp_path / "cache").parts["blaby-minutes.txt"]
    assert minutes.date is None
    assert minutes.date_window == ("2019-11-14", "2020-05-21")


SEPTEMBER_AGENDA = BLABY_AGENDA.replace("21ST MAY 2020", "17TH SEPTEMBER 2020").replace(
    "6th February 2020", "21st May 2020"
)


def test_minutes_take_the_nearest_meeting_not_the_first_file_that_fits(tmp_path: Path) -> None:
    """Minutes with no next-meeting list were dated from whichever agenda file sorted
    first (September: "approves 21 May"), not from the meeting right after the one they
    approve (May: "approves 6 February")."""
    folder = tmp_path / "blaby"
    folder.mkdir()
    undated_end = BLABY_MINUTES[: BLABY_MINUTES.index("4. DATES OF FUTURE MEETINGS")]
    (folder / "blaby-minutes.txt").write_text(undated_end, encoding="utf-8")
    (folder / "a-agenda-2020-09-17.txt").write_text(SEPTEMBER_AGENDA, encoding="utf-8")
    (folder / "b-agenda-2020-05-21.txt").write_text(BLABY_AGENDA, encoding="utf-8")
    (minutes,) = read(folder, tmp_path / "cache").parts["blaby-minutes.txt"]
    assert minutes.date_window == ("2019-11-14", None)
    assert minutes.date == "2020-02-06"


# --- corpus/manifest.toml ---------------------------------------------------------------


def test_manifest_overrides_a_file_date_and_one_parts_date(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (MINUTES, PACK_2023):
        shutil.copy(CORPUS / name, folder / name)
    (folder / "manifest.toml").write_text(
        f'[files."{MINUTES}"]\n'
        'date = "2023-01-27"\n'
        "\n"
        f'[files."{PACK_2023}".parts.3]\n'
        'date = "2023-03-30"\n',
        encoding="utf-8",
    )
    corpus = read(folder, tmp_path / "cache")

    (minutes,) = corpus.parts[MINUTES]
    assert minutes.date == "2023-01-27"
    assert minutes.date_note == "set in corpus/manifest.toml"
    briefing = corpus.parts[PACK_2023][3]
    assert (briefing.doc_type, briefing.date) == ("briefing", "2023-03-30")
    # Only part 3 of the pack was named: the rest keep the dates from their text.
    assert [p.date for p in corpus.parts[PACK_2023]] == [
        "2023-04-20", "2023-01-26", "2023-04-20", "2023-03-30", "2023-04-20",
    ]  # fmt: skip
    # and the chunks a citation is built from carry the corrected dates.
    assert {c.date for c in corpus.chunks if c.source == MINUTES} == {"2023-01-27"}
    assert {c.date for c in corpus.chunks if c.source == PACK_2023 and c.part_index == 3} == {
        "2023-03-30"
    }


@pytest.mark.parametrize(
    "manifest",
    [
        f'[files."{MINUTES}"]\ndate = "26/01/2023"\n',  # not an ISO date
        f'[files."{MINUTES}"]\nmeeting_date = "2023-01-26"\n',  # unknown field
        f'[files."{MINUTES}"]\ndoc_type = "memo"\n',  # unknown document type
        f'[files."{MINUTES}".parts.first]\ndate = "2023-01-26"\n',  # part is not a number
        f'[files."{MINUTES}"\ndate = "2023-01-26"\n',  # not TOML
    ],
    ids=["bad-date", "unknown-field", "bad-doc-type", "bad-part-number", "not-toml"],
)
def test_invalid_manifest_is_refused(tmp_path: Path, manifest: str) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(CORPUS / MINUTES, folder / MINUTES)
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    with pytest.raises(ManifestInvalid) as caught:
        read(folder, tmp_path / "cache")
    assert "manifest.toml" in str(caught.value)
