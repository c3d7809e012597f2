"""The Gradio layer: formatting, filters, error translation, and a real local server."""

from __future__ import annotations

import socket
import urllib.request

import gradio as gr
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

import app
from assistant.engine import Assistant
from assistant.retrieve import Filters
from assistant.service import Service
from ingest.errors import IndexMissing
from ingest.settings import Settings
from ingest.types import Answer, Citation
from tests.conftest import WordHashEmbedder

ANSWER = Answer(
    text="The partnership's priorities are serious violence [1] and anti-social behaviour [2].",
    citations=(
        Citation(
            n=1,
            source="csp-plan-2023.pdf",
            part="Community Safety Plan 2023-26",
            section="4 Priority 1",
            page=7,
            date="2023-01-26",
            quote="Reducing serious violence <b>remains</b> our first priority & focus.",
            doc_type="plan",
        ),
        Citation(
            n=2,
            source="minutes-march.txt",
            part="Minutes",
            section="5 ASB update",
            page=None,
            date=None,
            quote="The board agreed to target anti-social behaviour.",
            doc_type="minutes",
        ),
    ),
)


class FakeAsk:
    """Stands in for `Assistant.ask` and records what it was called with."""

    def __init__(self, answer: Answer = ANSWER) -> None:
        self.answer = answer
        self.calls: list[tuple[str, Filters]] = []

    def __call__(self, question: str, filters: Filters) -> Answer:
        self.calls.append((question, filters))
        return self.answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# format_answer


def test_format_answer_lists_numbered_sources_with_page_and_long_date():
    text = app.format_answer(ANSWER)
    assert text.startswith(ANSWER.text)
    assert "Sources" in text
    assert "[1]" in text and "[2]" in text
    assert text.index("[1]** csp-plan-2023.pdf") < text.index("[2]** minutes-march.txt")
    first = next(line for line in text.splitlines() if "csp-plan-2023.pdf" in line)
    assert "Community Safety Plan 2023-26 — 4 Priority 1 — p. 7 — 26 January 2023" in first
    second = next(line for line in text.splitlines() if "minutes-march.txt" in line)
    assert second.endswith("minutes-march.txt — Minutes — 5 ASB update")


def test_format_answer_puts_escaped_quotes_in_details():
    text = app.format_answer(ANSWER)
    assert text.count("<details><summary>Quote</summary>") == 2
    assert "&lt;b&gt;remains&lt;/b&gt;" in text and "&amp; focus" in text
    assert "<b>remains" not in text
    block = text[text.index("<details>") : text.index("</details>")]
    assert "Reducing serious violence" in block


def test_format_answer_not_covered_shows_only_the_text():
    answer = Answer(text="The papers do not cover this.", citations=(), covered=False)
    text = app.format_answer(answer)
    assert text == "The papers do not cover this."
    assert "Sources" not in text and "<details>" not in text


def test_a_decline_that_quotes_what_the_papers_say_shows_its_sources():
    """"The documents name nobody in this role. What they say of it: ... [1]": the [1]
    must lead somewhere."""
    answer = Answer(text="Nobody is named. What they say: [1]", citations=ANSWER.citations,
                    covered=False)
    assert "Sources" in app.format_answer(answer)


def test_citation_line_escapes_markdown_and_html():
    c = Citation(
        n=1, source="a_b*<c>.pdf", part="", section="", page=None, date="not a date", quote=""
    )
    assert app.citation_line(c) == r"a\_b\*&lt;c&gt;.pdf — not a date"


# the respond callback


def test_respond_passes_question_and_filters_to_ask():
    ask = FakeAsk()
    respond = app.make_respond(ask)
    assert respond("  What are the priorities? ", [], "minutes", " 2023-01-01 ") == (
        app.format_answer(ANSWER)
    )
    respond("Again?", [], "any", "")
    respond("Until?", [], "any", "", "2023-12-31", "Kestrel Bay CSP")
    assert ask.calls == [
        ("What are the priorities?", Filters(doc_type="minutes", since="2023-01-01")),
        ("Again?", Filters()),
        ("Until?", Filters(until="2023-12-31", partnership="Kestrel Bay CSP")),
    ]


def test_respond_rejects_since_after_until():
    with pytest.raises(gr.Error, match="after 'Until'"):
        app.make_respond(FakeAsk())("Question?", [], "any", "2024-01-01", "2023-01-01")


@pytest.mark.parametrize("since", ["26/01/2023", "2023-13-01", "20230126", "yesterday"])
def test_respond_rejects_a_bad_since_date(since):
    ask = FakeAsk()
    with pytest.raises(gr.Error, match="YYYY-MM-DD"):
        app.make_respond(ask)("Question?", [], "any", since)
    assert ask.calls == []


def test_respond_turns_index_missing_into_a_gradio_error():
    def ask(question: str, filters: Filters) -> Answer:
        raise IndexMissing()

    with pytest.raises(gr.Error) as info:
        app.make_respond(ask)("Question?", [], "any", "")
    assert "python -m ingest" in info.value.message


def test_respond_lets_untyped_errors_through():
    """Only the project's typed errors become messages; bugs are not disguised."""

    def ask(question: str, filters: Filters) -> Answer:
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        app.make_respond(ask)("Question?", [], "any", "")


# a real local server


@pytest.fixture
def served(tmp_path):
    """The page over a real (empty) index; the chat and JSON route answer with FakeAsk."""
    ask = FakeAsk()
    settings = Settings(data_dir=tmp_path / "data")
    service = Service(settings, Assistant(settings, WordHashEmbedder()))
    demo = app.build_app(service, ask)
    assert isinstance(demo, gr.Blocks)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/", ask
    finally:
        demo.close()


def test_server_serves_the_page_and_answers_through_the_api(served):
    url, ask = served
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        assert app.TITLE in response.read().decode()

    client = Client(url, verbose=False, download_files=False)
    try:
        result = client.predict(
            "What are the priorities?", "plan", "2023-01-01", api_name=f"/{app.API_NAME}"
        )
        with pytest.raises(AppError, match="YYYY-MM-DD"):
            client.predict("Question?", "any", "last week", api_name=f"/{app.API_NAME}")
    finally:
        client.close()
    assert result == app.format_answer(ANSWER)
    assert ask.calls == [("What are the priorities?", Filters(doc_type="plan", since="2023-01-01"))]


def test_the_json_route_returns_structured_citations_and_every_filter_is_optional(served):
    url, ask = served
    client = Client(url, verbose=False, download_files=False)
    try:
        bare = client.predict("What are the priorities?", api_name=f"/{app.ANSWER_API}")
        narrowed = client.predict(
            question="Priorities?", until="2023-12-31", api_name=f"/{app.ANSWER_API}"
        )
        with pytest.raises(AppError, match="YYYY-MM-DD"):
            client.predict(question="Q?", since="soon", api_name=f"/{app.ANSWER_API}")
        with pytest.raises(AppError, match="Give a question"):
            client.predict(question="  ", api_name=f"/{app.ANSWER_API}")
    finally:
        client.close()
    assert bare == ANSWER.as_dict() == narrowed
    assert (
        bare["citations"][0]["page"] == 7 and bare["citations"][1]["source"] == "minutes-march.txt"
    )
    assert ask.calls == [
        ("What are the priorities?", Filters()),
        ("Priorities?", Filters(until="2023-12-31")),
    ]


# launching


def test_the_app_binds_to_this_machine_only_by_default_and_has_no_login():
    options = app.launch_options(Settings())
    assert options["server_name"] == "127.0.0.1" and options["auth"] is None


def test_a_login_comes_from_the_settings(monkeypatch):
    monkeypatch.setenv("CSP_APP_USER", "chair")
    monkeypatch.setenv("CSP_APP_PASSWORD", "s3cret")
    assert app.launch_options(Settings())["auth"] == ("chair", "s3cret")
    monkeypatch.delenv("CSP_APP_PASSWORD")
    with pytest.raises(SystemExit, match="both CSP_APP_USER and CSP_APP_PASSWORD"):
        app.launch_options(Settings())


def test_with_a_login_the_page_asks_for_it(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", app_user="chair", app_password="s3cret")
    service = Service(settings, Assistant(settings, WordHashEmbedder()))
    port = free_port()
    demo = app.serve(service, port, prevent_thread_lock=True, quiet=True)
    try:
        with pytest.raises(Exception):  # noqa: B017 - any refusal: no answer without a login
            Client(f"http://127.0.0.1:{port}/", verbose=False).predict(
                "Q?", api_name=f"/{app.ANSWER_API}"
            )
        client = Client(f"http://127.0.0.1:{port}/", auth=("chair", "s3cret"), verbose=False)
        with pytest.raises(AppError, match="python -m ingest"):  # logged in: the empty index
            client.predict("Q?", api_name=f"/{app.ANSWER_API}")
        client.close()
    finally:
        demo.close()


def test_document_html_and_links_in_the_answer_body_are_shown_as_text():
    """A poisoned paper's HTML and javascript: link reach the answer body (issue 11,
    defect 5): what is rendered is escaped, and document text never becomes a link."""
    quote = 'Agreed <img src=x onerror="alert(1)"> see [the plan](javascript:alert(2)) <b>now</b>'
    answer = Answer(
        text=f"The minutes: “{quote}” [1]",
        citations=(
            Citation(
                n=1, source="x.md", part="Minutes", section="2", page=None, date=None, quote=quote
            ),
        ),
        covered=True,
    )
    shown = app.format_answer(answer)
    assert "<img" not in shown and "<b>" not in shown
    assert "](javascript:" not in shown and "javascript:alert" not in shown.replace("\\", "")
    assert "&lt;img" in shown  # the text is still there, as text
    assert "[1]" in shown  # our own citation markers stay


def test_a_declined_answer_body_is_escaped_too():
    answer = Answer(text="<script>alert(1)</script> not covered", citations=(), covered=False)
    assert "<script>" not in app.format_answer(answer)
