"""The web app's service over a real index of the corpus (fake embedder): the JSON route
answers a public question with structured citations; registers come as flat rows with
where each was printed, linked to a /source page showing (escaped) the passage with the
entry marked, 404 for an unknown document, behind the login when there is one; figures give
a chart only where a table's columns are periods; the chat streams a configured LLM's reply
(a stub server) and replaces one that fails the checks with the grounded answer."""

from __future__ import annotations

import csv
import http.cookiejar
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest
from gradio_client import Client

import app
from assistant import source_page
from assistant.documents import Passage
from assistant.engine import Assistant
from assistant.llm import OpenAICompatibleChat
from assistant.service import Service
from assistant.stream import NOTICE_REFUSED
from ingest.settings import Settings
from tests.conftest import CORPUS, REPO, WordHashEmbedder, ingest_settings
from tests.test_llm import stub_server

PUBLIC = [
    json.loads(line)
    for line in (REPO / "tests/data/dev_questions.jsonl").read_text().splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> Service:
    settings = Settings(data_dir=tmp_path_factory.mktemp("webapp-data"), corpus_dir=CORPUS)
    embedder = WordHashEmbedder()
    ingest_settings(settings, embedder)
    return Service(settings, Assistant(settings, embedder))


def test_the_json_route_answers_a_public_question_with_structured_citations(service):
    q = next(q for q in PUBLIC if q["id"] == "dec-community-triggers")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = app.serve(service, port, prevent_thread_lock=True, quiet=True)
    try:
        client = Client(f"http://127.0.0.1:{port}/", verbose=False, download_files=False)
        got = client.predict(question=q["question"], api_name=f"/{app.ANSWER_API}")
        narrowed = client.predict(
            question=q["question"], doc_type="minutes", api_name=f"/{app.ANSWER_API}"
        )
        client.close()
    finally:
        demo.close()
    assert set(got) == {"answer", "citations", "covered"} and got["covered"] is True
    assert all(must in got["answer"] for must in q["must"])
    first = got["citations"][0]
    assert set(first) == {"n", "source", "part", "section", "page", "date", "quote", "doc_type"}
    assert first["n"] == 1 and first["source"] in q["evidence"][0]["docs"]
    assert first["quote"] and first["date"] == "2023-01-26"
    assert all(c["doc_type"] == "minutes" for c in narrowed["citations"])


def test_register_rows_say_where_each_entry_is_printed_and_export_as_csv(service):
    rows = service.register("recommendations", open_only=True)
    assert rows and all(r["cited at"].startswith(r["source"]) for r in rows)
    assert any(r["status"] == "status not stated" for r in rows)  # as `register --open`
    narrowed = service.register("decisions", "community triggers")
    assert narrowed and all("Community Triggers" in r["text"] for r in narrowed)
    path = service.export_csv("decisions", narrowed)
    assert path.parent == service.settings.data_dir / "exports"
    assert [r["text"] for r in csv.DictReader(path.open(encoding="utf-8"))] == [
        r["text"] for r in narrowed
    ]


def test_a_table_of_periods_is_charted_and_one_without_is_not(service):
    labels = [t.label for t in service.tables()]
    beats = next(x for x in labels if x.startswith("Table 2: All Crimes per Police Beat"))
    headers, rows, points = service.table(beats)
    assert headers[0] == "row" and headers[-1] == "printed at"
    assert any(r[0] == "Beat 62" for r in rows)
    beat_62 = [p for p in points if p["row"] == "Beat 62"]
    assert [p["period"] for p in beat_62][:2] == ["2018/19", "2019/20"]
    assert {p["printed"] for p in beat_62} >= {"2165"}  # the value as printed
    family = next(x for x in labels if x.startswith("The current positions within the family"))
    _, _, ranks = service.table(family)
    assert ranks and {p["period"] for p in ranks} == {"31st Oct 2022", "31st Oct 2023"}
    funding = next(x for x in labels if x.startswith("9 FUNDING PROPOSALS"))
    assert service.table(funding)[2] == []  # no periods across its columns: no chart


def test_a_measure_is_found_as_printed(service):
    rows = service.measure("shoplifting 2023/24")
    assert rows and "+43%" in rows[0]["values"] and rows[0]["cited at"]


def test_documents_list_every_indexed_file_with_its_counts(service):
    rows = {r["document"]: r for r in service.documents()}
    papers = {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".txt")}
    assert set(rows) == papers - {"README.md"}  # the corpus README is no paper
    assessment = rows["charnwood-strategic-assessment-2023-24.md"]
    assert assessment["facts"] > 100 and assessment["register entries"] > 0
    assert assessment["types"] == "strategic assessment" and assessment["dates"] == "2023-12-05"


def test_the_brief_for_one_partnership_cites_only_its_papers(service):
    from assistant.retrieve import Filters

    council = service.partnerships()[0]
    brief = service.brief("meeting", Filters(partnership=council))
    assert brief.citations
    sources = {c.source for c in brief.citations}
    by_source = {c.source: c.partnership for c in service.assistant.chunks}
    assert {by_source[s] for s in sources} == {council}
    md, docx = service.brief_files(brief, "meeting")
    assert md.read_text(encoding="utf-8").startswith("Brief for the next partnership meeting")
    assert docx.stat().st_size > 0


def chat_states(service, question: str):
    """Each (chat message, sources panel) the chat shows while answering ``question``."""
    converse = app.make_chat(service.stream)
    states = []
    for history, panel, _ in converse(question, [], app.ANY, "", "", ""):
        states.append((history[-1]["content"], panel))
    return states


@pytest.fixture
def with_llm(service):
    """The service with the stub LLM at ``url`` for one test, then without."""

    def use(url: str):
        limits = {"llm_first_token_timeout": 2.0, "llm_timeout": 4.0}
        service.llm = OpenAICompatibleChat(Settings(llm_base_url=url, llm_model="stub", **limits))
        service.settings = service.settings.model_copy(update=limits)
        return service

    settings = service.settings
    yield use
    service.llm, service.settings = None, settings


def test_the_chat_streams_the_llm_reply_and_keeps_the_grounded_sources(with_llm):
    q = next(q for q in PUBLIC if q["id"] == "dec-community-triggers")
    pieces = ["The partnership ", "agreed on ", "Community Triggers [1]."]
    with stub_server(pieces=pieces, delays={1: 0.2, 2: 0.2}) as url:
        service = with_llm(url)
        grounded = service.assistant.answer(q["question"])
        states = chat_states(service, q["question"])
    messages = [m for m, _ in states]
    assert messages[:2] == [app.SEARCHING, app.WORDING]
    assert messages[2:5] == [
        "The partnership ▍",
        "The partnership agreed on ▍",
        "The partnership agreed on Community Triggers [1]. ▍",
    ]
    assert messages[-1].startswith("The partnership agreed on Community Triggers [1].")
    panels = [p for _, p in states if isinstance(p, str)]
    assert panels == [app.sources_panel(grounded)]  # shown once, the grounded citations
    assert "**Sources**" in messages[-1] and grounded.citations[0].source in messages[-1]


def test_the_chat_replaces_an_unfounded_reply_with_the_grounded_answer_and_a_notice(with_llm):
    q = next(q for q in PUBLIC if q["id"] == "dec-community-triggers")
    with stub_server(pieces=["Community Triggers were agreed ", "in 1999 [1]."]) as url:
        service = with_llm(url)
        grounded = service.assistant.answer(q["question"])
        states = chat_states(service, q["question"])
    assert any("in 1999" in m for m, _ in states[:-1])  # shown as it came
    last = states[-1][0]
    assert last == f"*{app._inline(NOTICE_REFUSED)}*\n\n{app.format_answer(grounded)}"
    assert service.ask(q["question"], app.Filters()) == grounded  # the JSON route likewise


# --- /source: the passage a register row links to -----------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(opener, url: str) -> tuple[int, str]:
    try:
        with opener.open(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_every_register_row_links_to_the_passage_printing_it(service):
    port = free_port()
    demo = app.serve(service, port, prevent_thread_lock=True, quiet=True)
    opener = urllib.request.build_opener()
    base = f"http://127.0.0.1:{port}/"
    try:
        linked = service.register_linked("decisions", "community triggers")
        row, link = linked[0]
        status, body = get(opener, base + link)
        unknown = get(opener, base + "source?" + urllib.parse.urlencode({"doc": "<b>x</b>.pdf"}))
        answer = service.ask("What was agreed on community triggers?", app.Filters())
        panel = app.sources_panel(answer)
        links = re.findall(rf"\[{app.OPEN_PASSAGE}\]\((source\?[^)]+)\)", panel)
        cited = [get(opener, base + link) for link in links]
        missing_doc = get(opener, base + "source")
    finally:
        demo.close()
    assert link.startswith("source?") and row["source"] in urllib.parse.unquote_plus(link)
    assert status == 200 and f"<h1>{row['source']}</h1>" in body
    assert f"<mark>{row['text']}</mark>" in body and "26 January 2023" in body
    assert (
        unknown[0] == 404 and "&lt;b&gt;x&lt;/b&gt;.pdf" in unknown[1] and "<b>" not in unknown[1]
    )
    assert missing_doc[0] == 422  # no document named at all
    assert len(links) == len(answer.citations) > 1  # the chat's sources link to passages too
    for c, (status, body) in zip(answer.citations, cited, strict=True):
        assert status == 200 and f"<h1>{c.source}</h1>" in body and "<mark>" in body


def test_nearly_every_register_entry_is_marked_in_its_passage(service):
    marked = total = 0
    for name in ("decisions", "actions", "recommendations", "forward", "glossary"):
        for row, link in service.register_linked(name):
            query = dict(urllib.parse.parse_qsl(link.split("?", 1)[1]))
            passage = service.passage(query["doc"], int(query["at"]), query.get("mark", ""))
            assert passage is not None and passage.source == row["source"]
            total += 1
            marked += "<mark>" in source_page.page(passage, query.get("mark", ""))
    assert total > 100 and marked / total > 0.95


def test_the_source_page_shows_a_papers_html_as_text():
    passage = Passage(
        "x<script>.md",
        "Minutes",
        "2 <i>Item</i>",
        3,
        "2023-01-26",
        'AGREED <img src=x onerror="alert(1)"> that the\n  plan be noted <b>now</b>',
    )
    page = source_page.page(passage, "that the plan BE noted")
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "x&lt;script&gt;.md" in page and "2 &lt;i&gt;Item&lt;/i&gt; — p. 3" in page
    assert "<mark>that the\n  plan be noted</mark>" in page and "&lt;b&gt;now" in page


def test_with_a_login_the_source_page_needs_it(service, tmp_path):
    settings = service.settings.model_copy(update={"app_user": "chair", "app_password": "s3"})
    guarded = Service(settings, service.assistant)
    port = free_port()
    demo = app.serve(guarded, port, prevent_thread_lock=True, quiet=True)
    base = f"http://127.0.0.1:{port}/"
    link = service.register_linked("decisions", "community triggers")[0][1]
    try:
        anonymous = get(urllib.request.build_opener(), base + link)
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        form = urllib.parse.urlencode({"username": "chair", "password": "s3"}).encode()
        opener.open(urllib.request.Request(base + "login", data=form), timeout=20).close()
        signed_in = get(opener, base + link)
    finally:
        demo.close()
    assert anonymous[0] == 401 and "Community Triggers" not in anonymous[1]
    assert signed_in[0] == 200 and "<mark>" in signed_in[1]
