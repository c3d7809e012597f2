"""Registers from the papers: decisions, actions, recommendations, forward programme and
glossary, on the real corpus and on a small made-up one (another council, other wording,
tests/data/registers/), each entry citing where it was printed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ingest.pipeline import read_corpus
from ingest.register_recommendations import status_of, year_label
from ingest.register_text import norm, unwrap
from ingest.registers import Registers, extract_registers

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SYNTHETIC = REPO / "tests" / "data" / "registers"
JANUARY = "2023-01-26"


def _registers(paths: list[Path], cache: Path) -> tuple[dict, Registers]:
    corpus = read_corpus(paths, cache=cache, chunk_size=900, chunk_overlap=150)
    return corpus.docs, extract_registers(corpus.docs, corpus.parts)


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Registers]:
    return _registers([CORPUS], tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def reg(real: tuple[dict, Registers]) -> Registers:
    return real[1]


def _copy(tmp: Path, names: dict[str, str] | None = None) -> Path:
    folder = tmp / "papers"
    folder.mkdir()
    for src in sorted(SYNTHETIC.iterdir()):
        shutil.copy(src, folder / (names or {}).get(src.name, src.name))
    return folder


@pytest.fixture(scope="module")
def westmere(tmp_path_factory: pytest.TempPathFactory) -> Registers:
    tmp = tmp_path_factory.mktemp("westmere")
    return _registers([_copy(tmp)], tmp / "cache")[1]


# --- Decisions ----------------------------------------------------------------------------


def test_community_triggers_decision_is_found_once_with_its_meeting_and_item(
    reg: Registers,
) -> None:
    found = [d for d in reg.decisions if "process Community Triggers" in d.text]
    assert len(found) == 1
    d = found[0]
    assert d.text == (
        "That Andy Thomas consider new and effective ways to process Community Triggers "
        "in line with legislation."
    )
    assert (d.meeting_date, d.item, d.item_title) == (
        JANUARY,
        "8",
        "PARTNERSHIP STRATEGIC ASSESSMENT",
    )
    assert d.where.date == JANUARY and d.where.doc_type == "minutes"
    assert d.where.section.startswith("8 ")


def test_minutes_filed_twice_give_each_decision_once(reg: Registers) -> None:
    january = [d for d in reg.decisions if d.meeting_date == JANUARY]
    keys = [(d.item, norm(d.text)) for d in january]
    assert len(keys) == len(set(keys))
    # The cleaner copy (a paragraph per line) is the one cited.
    assert {d.where.source for d in january} == {"charnwood-csp-minutes-2023-01-26.md"}
    # Every numbered item of an AGREED block is its own decision, "noted" included.
    item8 = [d.text for d in january if d.item == "8"]
    assert item8[0] == "That the information be noted."
    assert len(item8) == 3
    assert len(january) == 14


def test_decisions_undo_pdf_wrapping_and_skip_page_furniture(reg: Registers) -> None:
    october = [d for d in reg.decisions if d.meeting_date == "2014-10-16"]
    publicity = next(d for d in october if "positive publicity" in d.text)
    assert publicity.text == (
        "that following the recent incident in the Market Place, officers consider further "
        "positive publicity to counteract the negative view portrayed in the Echo."
    )
    assert publicity.item == "5" and publicity.where.source.endswith("2014-12-18.txt")
    dppo = next(d for d in october if d.text.startswith("that Members support"))
    assert "\n" not in dppo.text and "in place, pending the introduction" in dppo.text
    assert all(d.text and "  " not in d.text for d in reg.decisions)


def test_decision_where_points_at_the_printed_resolution(real: tuple[dict, Registers]) -> None:
    docs, reg = real
    for d in reg.decisions:
        printed = unwrap(docs[d.where.source].text[d.where.start : d.where.start + 400])
        words = re.sub(r"^(That|It was agreed that)\s+", "", d.text).split()[:4]
        assert " ".join(words).lower() in printed.lower(), d


# --- Actions ------------------------------------------------------------------------------


def _january_actions(reg: Registers) -> list:
    return [a for a in reg.actions if a.meeting_date == JANUARY]


def test_january_actions_have_owners_and_what_they_are_to_do(reg: Registers) -> None:
    actions = _january_actions(reg)

    def one(owner: str, *phrases: str):
        hits = [
            a for a in actions if norm(a.owner) == norm(owner) and all(p in a.text for p in phrases)
        ]
        assert len(hits) == 1, (owner, phrases, actions)
        return hits[0]

    # A resolution naming who is to act is also an action, in the resolution's words as
    # printed (a "That" opening a numbered item too; the "that" of "AGREED that" is the label's).
    log = one("Andy Thomas", "action logging method")
    assert log.item == "4" and log.text.startswith("Andy Thomas look at creating")
    contact = one("Andy Thomas", "contact Gurjit Samra-Rai", "Harm to Hope")
    assert contact.text == (
        "That Andy Thomas contact Gurjit Samra-Rai to organise attendance from Charnwood at the "
        "Harm to Hope group"
    )
    assert contact.item == "7"
    triggers = one("Andy Thomas", "Community Triggers")
    assert "new and effective ways" in triggers.text and triggers.item == "8"
    jag = one("James O'Connell", "attend JAG meetings")
    assert jag.text.endswith("(suggested)") and jag.item == "13"
    for a in actions:
        assert a.status == "" and a.state == "not stated"  # minutes print no status
        assert a.latest == "" and a.latest_where is None
        assert a.due == "" and a.where.date == JANUARY
    assert len(actions) == 4  # sentences that restate a resolution are not repeated


def test_actions_are_never_mere_noting_or_passive_resolutions(reg: Registers) -> None:
    for a in reg.actions:
        assert "be noted" not in a.text and "information" not in a.text.split()[:3]
        assert not a.text.startswith(("be ", "note ", "support", "approve", "retain"))
        assert a.owner and a.text
    assert not any(a.owner.lower() in ("members", "partnership") for a in reg.actions)


def test_2014_actions_from_resolutions_naming_a_role(reg: Registers) -> None:
    october = {a.owner: a for a in reg.actions if a.meeting_date == "2014-10-16"}
    assert october["Officers"].text.startswith(
        "that following the recent incident in the Market Place, officers consider further"
    )
    assert october["Officers"].item == "5"
    assert october["Chair"].text == "the Chair send a letter to that effect to him"


# --- Recommendations ----------------------------------------------------------------------


def _by_year(reg: Registers, year: str) -> dict[int, object]:
    recs = [r for r in reg.recommendations if r.year == year]
    numbers = [r.number for r in recs]
    assert len(numbers) == len(set(numbers)), numbers
    return {r.number: r for r in recs}


def test_nine_current_recommendations_once_each(reg: Registers) -> None:
    current = _by_year(reg, "2023/24")
    assert sorted(current) == list(range(1, 10))
    assert current[1].text.startswith("The CSP reintroduces the Strategic Group")
    assert current[1].text.endswith("(2023-2026) strategic plan.")
    assert current[9].text.startswith("Charnwood Community Safety Partnership creates a Prevent")
    for r in current.values():
        # no status printed: "" and "not stated" (the register README's rule), still open
        assert (r.status, r.state, r.update) == ("", "not stated", "")
        assert r.where.source == "charnwood-strategic-assessment-2023-24.md"
        assert "Executive Summary" in r.where.section  # the first statement is cited


def test_previous_year_recommendations_with_their_updates(reg: Registers) -> None:
    previous = _by_year(reg, "2022/23")
    assert sorted(previous) == list(range(1, 10))
    assert all(r.update and r.update_where is not None for r in previous.values())
    # "now has 10 officers" against a pool of 12 asked for: not reported done
    assert "10 officers" in previous[7].update and previous[7].status == ""
    assert previous[1].status == "done" and "formally adopted" in previous[1].update
    assert previous[2].status == "done"
    assert previous[5].status == "in progress"
    assert previous[9].status == "in progress"
    assert previous[6].status == ""  # "has decided to set aside ...": no cue either way
    repeated = previous[4]
    assert repeated.status == "open (repeated as 2023/24 Recommendation 4)"
    assert "repeated" not in repeated.update  # the update is quoted, so it stays verbatim
    assert repeated.update.startswith("The CSP acknowledges the emerging risk")
    assert "2022/23 Charnwood PSA Recommendations" in repeated.where.section


def test_status_and_year_helpers() -> None:
    assert year_label("Strategic Assessment 2023/2024") == "2023/24"
    assert year_label("Plan 2023-2026, assessment 2023/24") == "2023/24"
    assert status_of("Agreed. 2023/24 PLF fully allocated to local initiatives.") == "done"
    assert status_of("A review will be captured in the SP1 Action Plan.") == "in progress"
    assert status_of("The CSP has decided to set aside its strategy.") == ""


# --- Forward programme --------------------------------------------------------------------


def test_april_2023_forward_programme(reg: Registers) -> None:
    rows = {f.item: f for f in reg.forward if f.where.date == "2023-04-20"}
    pcc = rows["PCC – Rupert Matthews"]
    assert (pcc.detail, pcc.date, pcc.action_by) == (
        "Police and Crime Commissioner Visit",
        "April 2023",
        "R. Matthews",
    )
    chair = rows["Appointment of Chair/Vice-chair"]
    assert chair.date == "First meeting of the new civic year (Annual)"
    assert chair.action_by == "Committee Clerk"
    plan = rows["Partnership Strategic Assessment and Community Safety Partnership Plan 2023-26"]
    assert (plan.date, plan.action_by) == ("April 2023 (Annual)", "A. Fadesco / T. McCabe")
    assert rows["Performance Update"].action_by == "Insp D. Stokes/A. Fadesco"
    assert rows["Scrutiny of the Community Safety Partnership"].date == "January (Annual)"
    assert rows["Scrutiny of the Community Safety Partnership"].action_by == "TBC"
    assert rows["PCC Crime Plan"].date == "TBC"
    assert len(rows) == 10
    assert all(f.where.doc_type == "forward programme" for f in rows.values())


def test_2014_forward_programmes(reg: Registers) -> None:
    agenda = [f for f in reg.forward if f.where.date == "2014-12-18"]
    first = agenda[0]
    assert (first.item, first.detail, first.date, first.action_by) == (
        "Community Safety Delivery Plan Review",
        "To review plan annually.",
        "April each year",
        "A. Fadesco / W. Brown",
    )
    polamb = next(f for f in agenda if f.item == "POLAMB Project")
    assert polamb.date == "TBA (Last considered April 2014)"
    minutes = [f for f in reg.forward if f.where.date == "2014-10-16"]
    assert len(agenda) == len(minutes) == 7
    assert all(f.item and f.date for f in reg.forward)


# --- Glossary -----------------------------------------------------------------------------


def test_glossary_lines_and_inline_definitions(reg: Registers) -> None:
    terms = {g.term: g for g in reg.glossary}
    assert len(terms) == len(reg.glossary)
    assert terms["JAG"].meaning == "Joint Action Group"
    assert "Glossary" in terms["JAG"].where.section
    assert terms["MSFG"].meaning == "Most Similar Family Group"
    assert terms["MSFG"].quote == "Most Similar Family Group (MSFG)"
    assert terms["DV / DA"].meaning == "Domestic Violence / Domestic Abuse"
    assert terms["MAPPOM"].meaning.endswith("reducing offending of PPOs")  # wrapped meaning
    assert terms["VRN"].meaning == "Violent Reduction Network"  # the glossary line wins


# --- Another council, other wording --------------------------------------------------------


def test_synthetic_decisions_resolved_blocks_once(westmere: Registers) -> None:
    texts = [(d.item, d.text) for d in westmere.decisions]
    assert texts == [
        ("2", "that the report be noted"),
        (
            "2",
            "that Priya Shah draft a night-time economy safety charter for licensed premises "
            "by the end of June 2023.",
        ),
        ("3", "the information be noted."),  # "AGREED that": the "that" is the label's
        ("4", "that the update be noted"),
        ("4", "that the Partnership welcomes the extension of the scheme to Eastbrook."),
    ]
    assert {d.meeting_date for d in westmere.decisions} == {"2023-03-09"}


def test_synthetic_actions_due_dates_and_later_news(westmere: Registers) -> None:
    actions = {a.owner: a for a in westmere.actions}
    assert set(actions) == {"Priya Shah", "Tom Reyes", "Maria Lopez"}
    charter = actions["Priya Shah"]
    assert charter.due == "the end of June 2023"  # the date phrase without its preposition
    assert charter.due_date == "2023-06-30"
    assert charter.state == "done" and charter.status == ""  # done in a later paper's words
    assert "has been completed" in charter.latest
    assert charter.latest_where is not None and charter.latest_where.date == "2023-06-15"
    reyes = actions["Tom Reyes"]
    assert reyes.text == (
        "ask the highways authority for a map of the roads affected by the switch-off"
    )
    assert reyes.state == "not stated" and reyes.latest_where is not None
    lopez = actions["Maria Lopez"]
    assert lopez.text.endswith("(suggested)") and lopez.state == "not stated"


def test_synthetic_recommendations(westmere: Registers) -> None:
    current = _by_year(westmere, "2024/25")
    assert sorted(current) == [1, 2]
    assert all((r.status, r.state) == ("", "not stated") for r in current.values())
    assert current[2].text.endswith("Eastbrook and Northgate.")  # the first statement
    previous = _by_year(westmere, "2023/24")
    assert [previous[n].status for n in (1, 2, 3)] == [
        "done",
        "open (repeated as 2024/25 Recommendation 2)",
        "in progress",
    ]
    assert "repeated as 2024/25 Recommendation 2" in previous[2].status
    assert previous[2].update.startswith("Eastbrook has signed up")


def test_synthetic_forward_programme(westmere: Registers) -> None:
    rows = [(f.item, f.detail, f.date, f.action_by) for f in westmere.forward]
    assert rows == [
        (
            "Night-Time Economy Charter",
            "Take-up of the charter by licensed premises to be reviewed",
            "October 2023",
            "P. Shah",
        ),
        ("Youth Diversion Panel", "Standing item", "Quarterly", "L. Brennan / K. Walsh"),
        (
            "Street Lighting",
            "Map of the roads affected by the part-night switch-off",
            "TBC",
            "Highways Officer",
        ),
    ]


def test_synthetic_glossary(westmere: Registers) -> None:
    terms = {g.term: g.meaning for g in westmere.glossary}
    assert terms == {
        "MSFG": "Most Similar Family Group",
        "NTE": "Night-Time Economy",
        "SCP": "Safer Communities Partnership",
        "YDP": "Youth Diversion Panel",  # the glossary line, not the inline definition
    }


def test_registers_do_not_depend_on_file_names(westmere: Registers, tmp_path: Path) -> None:
    names = {
        "westmere-scp-agenda-pack-2023-06-15.txt": "b.txt",
        "westmere-scp-minutes-2023-03-09.txt": "a.txt",
        "westmere-strategic-assessment-2024-25.md": "c.md",
    }
    _, renamed = _registers([_copy(tmp_path, names)], tmp_path / "cache")

    def strip(reg: Registers) -> dict:
        return {
            "decisions": sorted((d.meeting_date, d.item, d.text) for d in reg.decisions),
            "actions": sorted((a.owner, a.text, a.status, a.due) for a in reg.actions),
            "recs": [(r.year, r.number, r.status, r.update) for r in reg.recommendations],
            "forward": [(f.item, f.detail, f.date, f.action_by) for f in reg.forward],
            "glossary": [(g.term, g.meaning) for g in reg.glossary],
        }

    assert strip(renamed) == strip(westmere)


def test_minutes_with_only_resolved_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text(
        "EASTBROOK COMMUNITY SAFETY PARTNERSHIP\n"
        "TUESDAY, 7TH NOVEMBER 2023\n\n"
        "Present: Cllr J. Hale (Chair), S. Ward, Insp M. Khan\n\n"
        "1. HATE CRIME REPORTING\n\n"
        "The report on third-party reporting centres was presented.\n\n"
        "RESOLVED – that Sam Ward arrange training for the staff of the reporting\n"
        "centres before the next meeting.\n\n"
        "2. ANY OTHER BUSINESS\n\n"
        "RESOLVED\n\n"
        "(a) that the date of the next meeting be noted;\n\n"
        "(b) that the Chair write to the Police and Crime Commissioner about CCTV\n"
        "funding.\n"
    )
    _, reg = _registers([folder], tmp_path / "cache")
    assert [(d.item, d.text) for d in reg.decisions] == [
        (
            "1",
            "Sam Ward arrange training for the staff of the reporting centres before the "
            "next meeting.",
        ),
        ("2", "that the date of the next meeting be noted"),
        ("2", "that the Chair write to the Police and Crime Commissioner about CCTV funding."),
    ]
    actions = {a.owner: a for a in reg.actions}
    assert actions["Sam Ward"].due == "the next meeting"
    assert actions["Chair"].text.startswith("that the Chair write to the Police and Crime")
    assert all(d.meeting_date == "2023-11-07" for d in reg.decisions)
