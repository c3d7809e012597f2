"""What an answer must say before it is given (issue 6, session 6): each check found on
questions the project had not seen, tested here on papers of an invented partnership, in
the real index (Chroma, bm25s, SQLite) with the word-hash embedder and the gate off, so
the checks themselves decide."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import WordHashEmbedder, ingest_settings

from assistant.engine import Assistant
from ingest.settings import Settings

MINUTES = """WRENFOLD COMMUNITY SAFETY PARTNERSHIP
Joint Action Group
Minutes of the meeting held on 11 February 2025

PRESENT
Inspector Maren Tolley (Chair)
Tessa Vellum, Business Crime Lead, Wrenfold Borough Council
Corin Aske, Licensing Team Leader

1. PERPETRATOR CASES
P-071  Adult tenant of Hollin Homes; has breached a Community Protection Notice
       twice. AGREED that Hollin Homes and the Council apply jointly for a
       civil injunction, with the application to be made by 3 March 2025.
P-073  Young person aged 14. Referred to the youth diversion worker.

2. POLICE UPDATE
- 212 ASB incidents were reported to police in January 2025, compared with 240 in
  January 2024, a fall of 11.7%.

3. ANY OTHER BUSINESS
- The Chair announced that she moves to a new role in the force from 1 April 2025. Sgt Idris \
Penhale will chair the JAG in the interim until a new Inspector is appointed.
- The Licensing Group, chaired by Corin Aske, Licensing Team Leader, will report to the
  JAG in April 2025.

Wrenfold Community Safety Partnership - JAG minutes, February 2025 Page 1
"""

REPORT = """# Wrenfold Borough Council: Cabinet, 4 March 2025

## Future of the CCTV service

Report of the Head of Community Safety, for the Wrenfold Community Safety Partnership.

### 1. Purpose of the report

1.1 This report sets out three options for the future of the Council's public space CCTV
service and asks Cabinet to choose one.

### 2. Recommendations

Cabinet is recommended to:

2.1 Approve Option 2: a shared monitoring arrangement with the neighbouring district
council from its control centre, for an initial term of ten years.

2.2 Note that the seven control room operators would transfer under TUPE.

### 3. Staff

3.1 Formal consultation on the transfer will start within two weeks of the Cabinet
decision.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    root: Path = tmp_path_factory.mktemp("wrenfold")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "wrenfold-csp-jag-minutes-2025-02-11.txt").write_text(MINUTES, encoding="utf-8")
    (corpus / "wrenfold-cabinet-cctv-report-2025-03-04.md").write_text(REPORT, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=corpus, gate=False)
    embedder = WordHashEmbedder()
    ingest_settings(settings, embedder)
    return Assistant(settings, embedder)


def test_an_agreement_closing_a_case_answers_for_the_case(assistant: Assistant) -> None:
    """The case number opens the entry; "AGREED that ..." closes it, lines later."""
    answer = assistant.answer("What did the Wrenfold JAG agree to do about case P-071?")
    assert answer.covered and "civil injunction" in answer.text[:600]


def test_what_a_report_recommends_is_not_taken_for_a_decision(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Which CCTV option is Wrenfold's Cabinet being recommended to approve?"
    )
    assert answer.covered and "Option 2" in answer.text[:600]


def test_a_when_is_answered_by_a_time_printed_without_a_day(assistant: Assistant) -> None:
    answer = assistant.answer("When will formal consultation on the Wrenfold CCTV transfer start?")
    assert answer.covered and "within two weeks" in answer.text[:600]


def test_who_will_take_over_is_the_one_named_to(assistant: Assistant) -> None:
    answer = assistant.answer(
        "Who is going to chair the Wrenfold JAG once Inspector Tolley moves on?"
    )
    assert answer.covered and "Penhale" in answer.text[:600]
    now = assistant.answer("Who chaired the Wrenfold JAG on 11 February 2025?")
    assert "Maren Tolley" in now.text[:600]


def test_the_chair_of_a_named_group_is_that_groups(assistant: Assistant) -> None:
    answer = assistant.answer("Who chairs the Wrenfold Licensing Group?")
    assert answer.covered and "Corin Aske" in answer.text[:600]
    assert "Tolley" not in answer.text
    none = assistant.answer("Who chairs the Wrenfold Youth Diversion Group?")
    assert not none.covered  # no paper names that group's chair: the JAG's is no answer


def test_a_holder_in_apposition_is_read(assistant: Assistant) -> None:
    answer = assistant.answer("Who is Wrenfold's Business Crime Lead?")
    assert answer.covered and "Tessa Vellum" in answer.text[:600]


def test_a_month_asked_is_not_answered_from_another_month(assistant: Assistant) -> None:
    asked = assistant.answer(
        "How many ASB incidents were reported to police in Wrenfold in January 2025?"
    )
    assert asked.covered and "212" in asked.text[:600]
    other = assistant.answer(
        "How many ASB incidents were reported to police in Wrenfold in December 2024?"
    )
    assert not other.covered


def test_a_page_footer_is_never_quoted(assistant: Assistant) -> None:
    answer = assistant.answer("What do the Wrenfold JAG minutes of February 2025 say?")
    assert "Page 1" not in answer.text


def test_an_agenda_pack_named_by_month_is_every_part_of_that_pack() -> None:
    """"The briefing in the April 2023 agenda pack": a briefing dated in March is in it."""
    from assistant.papers import paper_filters
    from assistant.retrieve import Filters
    from ingest.types import Chunk

    def part(doc_type: str, date: str, source: str = "pack.txt") -> Chunk:
        return Chunk(
            id=f"{source}{doc_type}", text="x", embed_text="x", source=source, part=doc_type,
            part_index=0, doc_type=doc_type, section="1", page=1, date=date,
            partnership="Wrenfold Community Safety Partnership", start=0, end=1,
            dup_group=f"{source}{doc_type}",
        )

    papers = [part("agenda", "2023-04-20"), part("briefing", "2023-03-29"),
              part("agenda", "2023-01-26", "older.txt")]
    f = paper_filters("What did the ASB Action Plan briefing in Wrenfold's April 2023 agenda "
                      "pack say about fines?", Filters(), papers)
    assert f.sources == ("pack.txt",) and f.doc_type is None
    assert all(f.admits(p) for p in papers[:2]) and not f.admits(papers[2])
