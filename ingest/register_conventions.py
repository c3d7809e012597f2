"""The `[registers]` section of the conventions file: labels, header words, status words
and RAG ratings of registers, as data (see `ingest/conventions.toml`).

The section is merged like the rest of the file: a corpus's own `conventions.toml` adds to
its lists, and `replace = ["registers.columns.due"]` drops a default first.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.conventions import _compile, corpus_dir, data_for

STATES = ("open", "in progress", "done", "carried forward", "dropped", "not stated")
OPEN_STATES = frozenset({"open", "in progress", "carried forward", "not stated"})
COLUMN_ROLES = (
    "reference", "text", "minute", "owner", "due", "status", "rag", "kind", "update", "raised",
    "decision", "group",
)


def decisions_as_text(roles: list[str | None]) -> list[str | None]:
    """A decision column holds the entries' words of a table with no other words column (a
    decision log); beside an action or recommendation column it is a field nobody keeps
    ("Recommendation | Cabinet decision | Lead")."""
    if "text" in roles:
        return [None if r == "decision" else r for r in roles]
    out, seen = [], False
    for r in roles:
        if r == "decision":
            out.append(None if seen else "text")
            seen = True
        else:
            out.append(r)
    return out


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lower().rstrip(".:")


_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-"})
_PERCENT = re.compile(r"^(?P<n>\d{1,3})\s?%(?:\s+(?:complete|completed|done|delivered))?$")


def percent_state(key: str) -> str:
    """The state a share complete printed as the status gives ("0%" → open, "50%" → in
    progress, "100%" → done); "" when the status is no percentage."""
    m = _PERCENT.match(key.strip())
    if not m or int(m.group("n")) > 100:
        return ""
    n = int(m.group("n"))
    return "open" if n == 0 else "done" if n == 100 else "in progress"


def status_form(text: str) -> str:
    """A status as looked up: lower case, dashes as hyphens, and the symbols and
    punctuation printed around its words taken off ("✓ Done" → "done", "→ c/f" → "c/f",
    "✗ Closed – not required" → "closed - not required", "Complete." → "complete"). The
    status stays as printed; only the lookup uses this form."""
    key = _key(text).translate(_DASHES)
    words = re.sub(r"^[^\w(]+|[^\w)%]+$", "", key).strip()
    if words.endswith("%") and not re.search(r"\d\s?%$", words):
        words = words.rstrip("% ")  # a share complete keeps its sign ("75%"), nothing else
    return words or key.replace(" ", "")  # a symbol alone ("✓", "◐") is its own status


_SUFFIX = re.compile(r"(?:ing|ed|es|e|s|ly)$")


def stem(word: str) -> str:
    """A word's stem for status lookups ("completed", "complete" → "complet";
    "cancelled" → "cancell"): its common endings off, never below three letters."""
    s = _SUFFIX.sub("", word)
    return s if len(s) >= 3 else word


def _stems(phrase: str) -> str:
    return " ".join(stem(w) for w in phrase.split())


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per conventions file
class RegisterConventions:
    decision_labels: tuple[str, ...]
    action_labels: tuple[str, ...]
    recommendation_labels: tuple[str, ...]
    resolution_words: tuple[str, ...]
    empty_values: frozenset[str]
    agreed_verbs: tuple[str, ...]
    due_prepositions: tuple[str, ...]
    due_words: tuple[str, ...]
    due_event_prepositions: tuple[str, ...]
    recommendation_bodies: tuple[str, ...]
    recommendation_headings: frozenset[str]
    item_headings: tuple[re.Pattern[str], ...]
    item_opening: re.Pattern[str] | None  # a minute's identifier opening a line (any form)
    reference: re.Pattern[str]
    list_references: tuple[re.Pattern[str], ...]
    notice_fields: dict[str, frozenset[str]]  # reference / item / subject → field names
    columns: dict[str, frozenset[str]]
    states: dict[str, str]  # status word → state
    rag: dict[str, str]  # rating word → red / amber / green
    done_updates: tuple[str, ...]
    # a phrase of a key's meaning → the state it gives (`register_keys`)
    key_meanings: dict[str, str] = field(default_factory=dict)
    # a kind column's cell or a header's word → decision / action / recommendation
    kinds: dict[str, str] = field(default_factory=dict)
    # a line opening with a paragraph number ("1.3 The review ..."): ``ref`` and ``rest``
    paragraph_opening: re.Pattern[str] | None = None
    owner_words: frozenset[str] = frozenset()  # lower-case words an owner may hold
    item_reference: re.Pattern[str] | None = None  # a minute's identifier, whole ("12/26")
    asking_verbs: tuple[str, ...] = ()  # "... and asked the Manager to ...": who acts
    decision_verbs: tuple[str, ...] = ()  # "The Board endorsed ...": a body's decision
    decision_cell_verbs: tuple[str, ...] = ()  # "Approved the strategy": a decisions cell
    header_prepositions: tuple[str, ...] = ()  # "Update at this meeting": the head before
    revised_words: frozenset[str] = frozenset()  # "Revised target": the later due wins
    due_cells: frozenset[str] = frozenset()  # "Next meeting", "Quarterly": a due cell's words
    # a sentence ending a paragraph over a list of "X to ..." actions ("The following actions
    # were agreed:"): the list is the actions
    action_lead_ins: tuple[re.Pattern[str], ...] = ()
    # a header cell or a table's heading naming a log of other things ("Risk or issue",
    # "Risks and issues"): its rows are no register's entries
    other_logs: frozenset[str] = frozenset()
    # a record's field whose value opens with its status ("Board response: Accepted. ...")
    response_labels: frozenset[str] = frozenset()

    def column_role(self, header: str) -> str | None:
        """The role of a header cell: the list that holds it whole, else its first or last
        one or two words ("Quarter 2 update" → update, "Target date" → due)."""
        return _column_role(self, header)

    def _column_role(self, header: str) -> str | None:
        key = _key(re.sub(r"\(s\)", "", header))  # "Action(s) agreed" is "Action agreed"
        if not key:
            return None
        words = key.split()
        candidates = [key]
        bracket = re.search(r"\(([^()]+)\)?", key)  # "Progress (RAG)": the bracket names it
        if bracket:
            candidates.append(_key(bracket.group(1).rstrip(")")))
            # "Quarter 3 update (October to December 2025)": the words before the bracket
            before = key[: bracket.start()].split()
            candidates += [" ".join(before[-n:]) for n in (2, 1) if before]
        head = self._head_words(words)  # "Update at this meeting": "update"
        if head:
            candidates += [" ".join(head), " ".join(head[-1:]), " ".join(head[:1])]
        for n in (2, 1):
            candidates += [" ".join(words[-n:]), " ".join(words[:n])]
        if "/" in key or "&" in key:  # "Update / comments", "Owner/Lead": either side names it
            candidates += [_key(side) for side in re.split(r"\s*[/&]\s*", key)]
        for c in candidates:
            for role in COLUMN_ROLES:
                if c in self.columns.get(role, ()):
                    return role
        return None

    def _head_words(self, words: list[str]) -> list[str]:
        """The words of a header before the first of `header_prepositions` that follows
        one ("update at this meeting" → update); [] when none does."""
        for n in range(1, len(words)):
            rest = " ".join(words[n:])
            if any(rest == p or rest.startswith(p + " ") for p in self.header_prepositions):
                return words[:n]
        return []

    def is_decision_cell(self, text: str) -> bool:
        """A cell that records a decision in the past tense, opening with one of
        `decision_cell_verbs` and its object ("Approved the strategy", "Agreed to consult",
        "Noted the report"); a name or a sentence with its subject is not one."""
        m = re.match(r"([A-Z][a-z]+)\s+(\S+)", text.strip())
        return bool(m) and m.group(1).lower() in self.decision_cell_verbs and (
            m.group(2)[:1].islower() or m.group(2)[:1].isdigit()
        )

    def state_of(self, status: str, update: str = "", own: dict[str, str] | None = None) -> str:
        """The normalised state of a printed status, by a documented fallback that never
        guesses. The status is looked up without the symbols and punctuation around it
        (`status_form`). A RAG rating is "in progress" unless the update opens by saying
        the work is done (a key never makes a rating done); else a word the paper defines
        in its own key (``own``, `register_keys`) means what the key says; else the states
        table of the conventions (whole, by its first words, clause by clause); else by the
        stems of its words ("Completing" is under way, "Cancelling" too: the -ing form of a
        word that ends work is work still going on); else "not stated"."""
        key = status_form(status)
        if not key:
            return "not stated"
        if key in self.rag:
            opening = _key(update).split(" ", 1)[0].strip(":;,") if update else ""
            return "done" if opening in self.done_updates else "in progress"
        if percent_state(key):  # a share complete ("75%"), unless the paper's key says more
            return (own or {}).get(key) or percent_state(key)
        for states in (own or {}, self.states):
            if key in states:
                return states[key]
            for clause in (key, *re.split(r"\s*(?:[,;:(–—]|\s-\s)\s*", key)[1:]):
                words = clause.split()
                for n in range(min(4, len(words)), 0, -1):  # "Closed (agreed in June)" → closed
                    head = " ".join(words[:n]).strip("(),;:-–")
                    if head in states:
                        return states[head]
        return self._state_by_stems(key, own)

    def _state_by_stems(self, key: str, own: dict[str, str] | None) -> str:
        words = key.split()
        if not words or len(words) > 4:
            return "not stated"
        wanted = _stems(key)
        own_stems = {_stems(w): s for w, s in (own or {}).items() if len(w) >= 4}
        state = own_stems.get(wanted) or _stem_index(self).get(wanted, "")
        if not state:
            return "not stated"
        if words[-1].endswith("ing") and state in ("done", "dropped"):
            return "in progress"  # "Completing", "Closing": not yet done
        return state

    def kind_of(self, cell: str, own: dict[str, str] | None = None) -> str:
        """The kind a kind column's cell names ("D", "Decision", "Rec"): the paper's own
        key first ("D = decision of the Group"), then `[registers.kinds]`; "" if neither."""
        key = _key(cell)
        for k in (key, re.sub(r"[\s-]+", "", key)):  # a word wrapped in a narrow cell
            found = (own or {}).get(k) or self.kinds.get(k, "")
            if found:
                return found
        return ""

    def rag_of(self, status: str) -> str:
        """The rating a status prints: the whole word ("Amber", "G"), or a colour word
        opening it before a dash or bracket ("Amber – in progress", "Green (on track)")."""
        key = status_form(status)
        if key in self.rag:
            return self.rag[key]
        head = re.split(r"\s*(?:[(–—,;/]|\s-\s)\s*", key, maxsplit=1)[0]
        return self.rag.get(head, "") if len(head) > 1 and head != key else ""

    def is_status(self, text: str, own: dict[str, str] | None = None) -> bool:
        """Whether a cell is a status word whole (symbols around it aside: "✓ Done")."""
        key = status_form(text)
        if key in self.states or key in self.rag or key in (own or {}) or percent_state(key):
            return True
        return len(key.split()) == 1 and self._state_by_stems(key, own) != "not stated"

    def status_word(self, cell: str, own: dict[str, str] | None = None) -> str:
        """The status word a cell prints: the whole cell when it is one ("Complete"), or
        the status word (of four words at most) opening it before commentary set off by a
        dash, colon, comma, semicolon, full stop or bracket ("Implemented – the group met
        in May" → "Implemented"); a status word after it is no commentary ("Amber – in
        progress" is the whole cell); "" when it opens with none."""
        text = re.sub(r"\s+", " ", cell).strip()
        if self.is_status(text, own):
            return text
        m = re.match(r"^(?P<word>[^–—:;,.(]{2,40}?)\s*(?:[–—:;,.(]|\s-\s)\s*(?P<rest>.*)$", text)
        if m and len(m.group("word").split()) <= 4 and self.is_status(m.group("word"), own):
            if self.is_status(m.group("rest").strip(" .)"), own):
                return text  # two status words ("Amber – in progress"): printed whole
            return m.group("word").strip()
        return ""

    def is_empty(self, text: str) -> bool:
        return _key(text).rstrip(".") in self.empty_values

    def notice_field(self, name: str) -> str | None:
        """The role of a notice header's field name (reference, item, subject), or None."""
        return _notice_field(self, name)

    def section_kind(self, label: str) -> str | None:
        """"decision" or "action" for a decision or action label ("DECISION",
        "Actions arising"), else None."""
        key = _key(label).replace("(s)", "")  # "Decision(s) taken"
        for kind, labels in (("decision", self.decision_labels), ("action", self.action_labels)):
            if key in {_key(x) for x in labels}:
                return kind
        return None


@lru_cache(maxsize=8)
def _stem_index(conv: RegisterConventions) -> dict[str, str]:
    """The conventions' status words by their stems (the first listed wins)."""
    index: dict[str, str] = {}
    for word, state in conv.states.items():
        if len(word) >= 4:
            index.setdefault(_stems(word), state)
    return index


# The readers ask the same few header words and field names of every line: asked once.
@lru_cache(maxsize=1 << 16)
def _column_role(conv: RegisterConventions, header: str) -> str | None:
    return conv._column_role(header)


@lru_cache(maxsize=1 << 16)
def _notice_field(conv: RegisterConventions, name: str) -> str | None:
    key = _key(name)
    return next((r for r, names in conv.notice_fields.items() if key in names), None)


def _item_opening(references: list[str], words: list[str]) -> re.Pattern[str] | None:
    """A line opening with a minute's identifier in any of its printed forms: an optional
    bold or heading mark, an optional word ("Minute", "Item"), the identifier (``ref``),
    then what separates it from the rest (``gap``: a margin, a dash or colon, a space) and
    the rest (``rest``). Whether the line heads a minute is for `Items` to judge."""
    if not references:
        return None
    refs = "|".join(f"(?:{r})" for r in references)
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    word = rf"(?P<word>(?:{alts})\s*)?" if alts else "(?P<word>)"
    return _compile(
        rf"^(?:\*\*|#{{1,6}}\s+)?{word}(?P<ref>{refs})(?:\*\*)?[.:]?"
        rf"(?P<gap>\t+|\s{{2,}}|\s*[-–—:]\s+|\s)(?:\*\*)?(?P<rest>\S.*)$",
        "registers.item_references",
    )


def _paragraph_opening(numbers: list[str]) -> re.Pattern[str] | None:
    if not numbers:
        return None
    alts = "|".join(f"(?:{n})" for n in numbers)
    return _compile(rf"^(?P<ref>{alts})\.?\s+(?P<rest>\S.*)$", "registers.paragraph_numbers")


@lru_cache(maxsize=8)
def load(corpus_dir: Path | None = None) -> RegisterConventions:
    reg = data_for(corpus_dir).get("registers", {})
    states = {
        status_form(word): state
        for state, word_list in reg.get("states", {}).items()
        for word in word_list
    }
    rag_section = dict(reg.get("rag", {}))
    done_updates = tuple(_key(w) for w in rag_section.pop("done_updates", ()))
    rag = {_key(w): colour for colour, word_list in rag_section.items() for w in word_list}
    return RegisterConventions(
        decision_labels=tuple(reg.get("decision_labels", ())),
        action_labels=tuple(reg.get("action_labels", ())),
        recommendation_labels=tuple(reg.get("recommendation_labels", ())),
        resolution_words=tuple(reg.get("resolution_words", ())),
        empty_values=frozenset(_key(w) for w in reg.get("empty_values", ())),
        agreed_verbs=tuple(reg.get("agreed_verbs", ())),
        due_prepositions=tuple(sorted(reg.get("due_prepositions", ()), key=len, reverse=True)),
        due_words=tuple(reg.get("due_words", ())),
        due_event_prepositions=tuple(reg.get("due_event_prepositions", ())),
        recommendation_bodies=tuple(reg.get("recommendation_bodies", ())),
        recommendation_headings=frozenset(_key(w) for w in reg.get("recommendation_headings", ())),
        item_headings=tuple(
            _compile(p, "registers.item_headings") for p in reg.get("item_headings", ())
        ),
        item_opening=_item_opening(reg.get("item_references", ()), reg.get("item_words", ())),
        reference=_compile(reg.get("reference", r"^\S+$"), "registers.reference"),
        list_references=tuple(
            _compile(p, "registers.list_references") for p in reg.get("list_references", ())
        ),
        notice_fields={
            role: frozenset(_key(w) for w in words)
            for role, words in reg.get("notices", {}).items()
        },
        columns={
            role: frozenset(_key(w) for w in words)
            for role, words in reg.get("columns", {}).items()
        },
        states=states,
        rag=rag,
        done_updates=done_updates,
        paragraph_opening=_paragraph_opening(reg.get("paragraph_numbers", ())),
        owner_words=frozenset(w.lower() for w in reg.get("owner_words", ())),
        item_reference=_compile(
            "^(?:" + "|".join(f"(?:{r})" for r in reg["item_references"]) + ")$",
            "registers.item_references",
        ) if reg.get("item_references") else None,
        asking_verbs=tuple(reg.get("asking_verbs", ())),
        decision_verbs=tuple(reg.get("decision_verbs", ())),
        decision_cell_verbs=tuple(reg.get("decision_cell_verbs", ())),
        header_prepositions=tuple(
            sorted(reg.get("header_prepositions", ()), key=len, reverse=True)
        ),
        revised_words=frozenset(_key(w) for w in reg.get("revised_words", ())),
        due_cells=frozenset(_key(w) for w in reg.get("due_cells", ())),
        action_lead_ins=tuple(
            re.compile(p, re.I) for p in reg.get("action_lead_ins", ())
        ),
        other_logs=frozenset(_key(w) for w in reg.get("other_logs", ())),
        response_labels=frozenset(_key(w) for w in reg.get("response_labels", ())),
        kinds={
            _key(w): kind for kind, word_list in reg.get("kinds", {}).items() for w in word_list
        },
        key_meanings={
            _key(w): state
            for state, word_list in reg.get("key_meanings", {}).items()
            for w in word_list
        },
    )


def fingerprint() -> str:
    """A digest of the conventions in force (the default file with the corpus's own merged
    in): part of the key under which each document's register reading is kept."""
    data = data_for(corpus_dir(os.environ.get("CSP_CORPUS_DIR")))
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def current() -> RegisterConventions:
    """The register conventions for the configured corpus (``CSP_CORPUS_DIR``)."""
    return load(corpus_dir(os.environ.get("CSP_CORPUS_DIR")))
