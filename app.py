"""The web app: a Gradio chat in front of `Assistant.ask`.

This module is only the Gradio layer. It turns the chat inputs into a question and
`Filters`, an `Answer` into Markdown, and the project's typed errors into `gr.Error`
messages. Retrieval and answering live in `assistant/`.

    python app.py            # http://127.0.0.1:7860 (CSP_PORT or GRADIO_SERVER_PORT to change)
"""

from __future__ import annotations

import os

# Before gradio (and anything that may pull in the hub or Chroma) is imported.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import html  # noqa: E402
import re  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date  # noqa: E402

import gradio as gr  # noqa: E402

from assistant.retrieve import Filters  # noqa: E402
from ingest.errors import CspError  # noqa: E402
from ingest.types import SEARCHABLE_TYPES, Answer, Citation  # noqa: E402

TITLE = "Community Safety Partnership assistant"
DESCRIPTION = (
    "Ask about the partnership's agendas, minutes, plans and assessments. "
    "Every answer cites the papers it comes from."
)
ANY_TYPE = "any"
DOC_TYPE_CHOICES = (ANY_TYPE, *SEARCHABLE_TYPES)
DEFAULT_HOST = "127.0.0.1"
# One of each kind of question the assistant settles: a decision, a figure, a register, a brief.
EXAMPLES = (
    "What was agreed on community triggers?",
    "How much did shoplifting change in 2023/24?",
    "Which recommendations are still outstanding?",
    "Prepare a brief for the Police and Crime Commissioner's visit",
)
DEFAULT_PORT = 7860
API_NAME = "chat"

Ask = Callable[[str, Filters], Answer]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]])")


def long_date(iso: str) -> str:
    """'2023-01-26' -> '26 January 2023'; anything unparseable is returned as it is."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def _inline(text: str) -> str:
    """Text shown literally inside a Markdown line: no HTML, no emphasis, no links."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def citation_line(c: Citation) -> str:
    """'source — part — section — p. N — 26 January 2023', leaving out what is missing."""
    fields = [c.source, c.part, c.section]
    if c.page is not None:
        fields.append(f"p. {c.page}")
    if c.date:
        fields.append(long_date(c.date))
    return " — ".join(_inline(f) for f in fields if f)


def _body(text: str) -> str:
    """The answer's text for the chat's Markdown: document HTML shown as text, and no
    document text made a link ("[x](javascript:...)", "https://..."); our own layout
    (lists, bold headings, [n] markers) is kept."""
    text = html.escape(text, quote=False)
    text = text.replace("](", "]&#40;").replace("://", ":&#47;&#47;")
    return re.sub(r"(?i)\b(javascript|data|vbscript):", r"\1&#58;", text)


def format_answer(answer: Answer) -> str:
    """The chat message for one answer: its text, then the numbered sources with quotes."""
    text = _body(answer.text.strip())
    if not answer.covered or not answer.citations:
        return text
    lines = [text, "", "**Sources**", ""]
    for c in answer.citations:
        quote = _body(" ".join(c.quote.split()))
        lines += [
            f"**[{c.n}]** {citation_line(c)}",
            "",
            f"<details><summary>Quote</summary><blockquote>{quote}</blockquote></details>",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def parse_filters(doc_type: str | None, since: str | None) -> Filters:
    """The chat's filter inputs as `Filters`; raises `gr.Error` on a date it cannot read."""
    kind = (doc_type or "").strip()
    if kind == ANY_TYPE:
        kind = ""
    if kind and kind not in DOC_TYPE_CHOICES:
        raise gr.Error(
            f"Unknown document type {kind!r}: choose one of {', '.join(DOC_TYPE_CHOICES)}.",
            print_exception=False,
        )
    start = (since or "").strip()
    if start:
        try:
            if not _ISO_DATE.fullmatch(start):
                raise ValueError(start)
            start = date.fromisoformat(start).isoformat()
        except ValueError:
            raise gr.Error(
                f"'Since' must be a date written YYYY-MM-DD, e.g. 2023-01-26 (got {start!r}). "
                "Leave it empty to search every date.",
                print_exception=False,
            ) from None
    return Filters(doc_type=kind or None, since=start or None)


def make_respond(ask: Ask) -> Callable[..., str]:
    """The ChatInterface callback: (message, history, doc_type, since) -> Markdown."""

    def respond(message: str, history: list, doc_type: str = ANY_TYPE, since: str = "") -> str:
        question = (message or "").strip()
        if not question:
            raise gr.Error("Type a question first.", print_exception=False)
        filters = parse_filters(doc_type, since)
        try:
            answer = ask(question, filters)
        except CspError as err:
            raise gr.Error(str(err), print_exception=False) from err
        return format_answer(answer)

    return respond


def build_app(ask: Ask) -> gr.Blocks:
    """The chat UI around `ask`; nothing is loaded until a question is asked."""
    return gr.ChatInterface(
        make_respond(ask),
        title=TITLE,
        description=DESCRIPTION,
        chatbot=gr.Chatbot(label="Answers", height=560),
        textbox=gr.Textbox(
            placeholder="e.g. What are the partnership's priorities for 2023?",
            show_label=False,
            submit_btn=True,
        ),
        additional_inputs=[
            gr.Dropdown(
                choices=list(DOC_TYPE_CHOICES),
                value=ANY_TYPE,
                label="Document type",
            ),
            gr.Textbox(label="Since (YYYY-MM-DD)", placeholder="2023-01-01", max_lines=1),
        ],
        additional_inputs_accordion=gr.Accordion(label="Filters", open=False),
        examples=[[q, ANY_TYPE, ""] for q in EXAMPLES],
        cache_examples=False,
        api_name=API_NAME,
        flagging_mode="never",
        analytics_enabled=False,
    )


def server_port() -> int:
    raw = os.environ.get("CSP_PORT") or os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"CSP_PORT must be a port number, not {raw!r}.") from None


def main() -> None:
    from assistant.engine import Assistant
    from ingest.settings import Settings

    port = server_port()
    try:
        assistant = Assistant(Settings())
    except CspError as err:
        raise SystemExit(str(err)) from None
    build_app(assistant.ask).launch(server_name=DEFAULT_HOST, server_port=port)


if __name__ == "__main__":
    main()
