"""Events: PLOVER triggers and their arguments (who, to whom, where, when) over a parsed article.

A trigger is a verb, reflexive verb, noun or multi-word phrase listed in ``lang/<code>/events.json``.
It is kept only when the clause asserts it: negated, conditional, hypothetical (*si …*) and
modal (*pourrait démissionner*) clauses are dropped; a negated *accepter* is a REJECT. The
arguments come from the dependency tree: the subject (or the *par* agent of a passive) acts, the
object / passive subject / *contre*, *avec*, *à* phrase is acted upon; places and dates count
when they sit in the trigger's own clause. Names are resolved later (``pipeline``) by the same
resolver as quote speakers. Pure functions over a spaCy ``Doc``; token ranges out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from lasswell.extract.event_args import court_in_sentence, verb_args
from lasswell.extract.event_frame import is_place_phrase, nearest, self_act, status_of
from lasswell.extract.event_lexicon import TRIGGER_CONFIDENCE, Lexicon, cameo, lexicon
from lasswell.extract.event_nouns import noun_args
from lasswell.extract.event_phrases import is_party, is_place, noun_phrase, party
from lasswell.extract.event_triggers import asserted_noun, ended, find_triggers, hypothetical
from lasswell.extract.tree import (
    case_of,
    clause_head,
    is_conditional,
    lemma_of,
    tok_range,
)
from lasswell.lang import LanguageData

__all__ = ["EventCandidate", "cameo", "find_events", "lexicon"]


@dataclass(frozen=True)
class EventCandidate:
    """An event found in the tree: token ranges (end exclusive) and the date as a char range."""

    type: str
    trigger: tuple[int, int]
    status: str
    mode: str | None
    confidence: float
    actor: tuple[int, int] | None = None
    recipient: tuple[int, int] | None = None
    location: tuple[int, int] | None = None
    date: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Context:
    """What every trigger of one article is read against."""

    doc: Doc
    lex: Lexicon
    humans: frozenset[str]
    stop: frozenset[str]
    dates: list[tuple[int, int]]
    places: list[tuple[int, int]]
    heads: set[int]
    contents: dict[int, str]  # verb triggers whose infinitive complement is their content (demands, threats)


def find_events(
    doc: Doc,
    ranges: Iterable[tuple[int, int]],
    lang: LanguageData,
    dates: Iterable[tuple[int, int]] = (),
    places: Iterable[tuple[int, int]] = (),
    cues: Iterable[tuple[int, int]] = (),
) -> list[EventCandidate]:
    """The events asserted in the extractable character ``ranges`` of ``doc``.

    ``dates`` are character ranges of time expressions, ``places`` token ranges of place names
    (both found over the whole article); each event takes the nearest one in its clause.
    ``cues``: character ranges of the quotes' cue verbs; a verb there in its speech sense
    (*a poursuivi X*: went on; *a-t-il conclu*: ended) is no event.
    """
    lex = lexicon(lang.code)
    speech = {t.i for a, b in cues if (r := tok_range(doc, a, b)) for t in doc[r[0] : r[1]]}
    found = [
        f
        for f in find_triggers(doc, ranges, lex)
        if not (f[0] in speech and lemma_of(doc[f[0]]) in lex.words("speech_sense_not_event"))
    ]
    ctx = _Context(
        doc,
        lex,
        lex.humans,
        lang.words("time_words"),
        [d for d in (tok_range(doc, a, b) for a, b in dates) if d],
        list(places),
        {s for s, _, _, kind in found if kind != "noun"},
        {
            s: etype
            for s, _, etype, kind in found
            if kind != "noun" and etype in lex.words("content_not_event")
        },
    )
    out = [ev for s, e, etype, kind in found if (ev := _event(ctx, s, e, etype, kind)) is not None]
    return _one_per_clause(doc, out)


def _asserted(ctx: _Context, t: Token, kind: str, etype: str = "") -> bool:
    """Not negated, conditional, hypothetical, a repeat, the content of another event, generic."""
    lex = ctx.lex
    if kind not in ("negated", "desire") and (
        is_conditional(t) or is_conditional(clause_head(t)) or hypothetical(t, lex)
    ):
        return False
    if kind == "noun" and _called(t, etype, lex):
        return True  # "le syndicat a appelé à la grève": a protest called for (EVENTS.md §3)
    if kind == "noun" and (
        _anaphoric(t, lex) or _object_of_trigger(t, ctx.heads) or not asserted_noun(t, lex)
    ):
        return False
    if kind == "noun" and any(c.dep_ == "det" and c.lower_ in lex.words("negative_dets") for c in t.children):
        return False  # "aucune interpellation n'a eu lieu"
    # "le droit de manifester", "ce n'est pas celui de bloquer": a right or a kind, not an act
    return not ("Inf" in t.morph.get("VerbForm") and t.head.pos_ in ("NOUN", "PRON"))


def _infinitive(t: Token) -> bool:
    """An infinitive, simple or compound (*d'avoir frappé*)."""
    return "Inf" in t.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in t.children
    )


def _called(t: Token, etype: str, lex: Lexicon) -> bool:
    """An act a call is made for (*appelle à la grève*), of a type that counts as planned."""
    return etype in lex.words("called_acts") and lemma_of(t.head) in lex.words("call_verbs")


def _event(ctx: _Context, s: int, e: int, etype: str, kind: str) -> EventCandidate | None:
    """The event of one trigger with its arguments, or None if the clause does not assert it."""
    doc, lex, t = ctx.doc, ctx.lex, ctx.doc[s]
    if not _asserted(ctx, t, kind, etype):
        return None
    content = ctx.contents.get(t.head.i) not in (None, etype) and _infinitive(t)
    if content and etype not in lex.words("called_acts"):
        return None  # "a demandé au gouvernement de retirer la réforme": the demand, not a retreat
    actor, recipient = (
        _before_trigger(noun_phrase(a, ctx.stop), s) if a is not None else None for a in _args(ctx, t, etype)
    )
    date = nearest(doc, t, ctx.dates, lambda sp: True)
    loc = nearest(doc, t, ctx.places, lambda sp: is_place_phrase(doc, *sp, t, lex.code))
    bare = not (actor or recipient or loc or date)
    if kind == "noun" and t.dep_ not in ("nsubj", "nsubj:pass", "ROOT") and bare:
        return None  # a bare event noun (*la guerre*, *des manifestations*): mentioned, not reported
    status, etype = _status(t, etype, kind, lex)
    if kind == "noun" and etype == "PROTEST" and ended(t, lex):
        etype = "CONCEDE"  # "mettant fin à la grève": ending a strike concedes (EVENTS.md §3)
    return EventCandidate(
        type=etype,
        trigger=(s, e),
        status=status,
        mode=_mode(doc[s:e], lex),
        confidence=TRIGGER_CONFIDENCE[kind],
        actor=actor,
        recipient=recipient if recipient != actor else None,
        location=loc,
        date=(doc[date[0]].idx, doc[date[1] - 1].idx + len(doc[date[1] - 1])) if date else None,
    )


def _args(ctx: _Context, t: Token, etype: str) -> tuple[Token | None, Token | None]:
    """(actor, recipient) heads of the trigger ``t``."""
    lex = ctx.lex
    # a "noun" with an auxiliary is a verb the tagger missed ("a téléphoné")
    nominal = t.pos_ in ("NOUN", "PROPN") and not any(c.dep_.startswith("aux") for c in t.children)
    if nominal:
        actor, recipient = noun_args(t, etype, ctx.humans, lex, ctx.heads)
    else:
        actor, recipient = verb_args(t, etype, ctx.humans, lex)
    actor, recipient = _stands_for(_antecedent(actor), ctx), _antecedent(recipient)
    if recipient is not None and etype in lex.words("place_not_recipient") and is_place(recipient, lex.code):
        recipient = None  # "ont débloqué Gallargues", "le tunnel a été fermé": no one is the recipient
    if actor is None and etype in lex.words("court_acts"):
        actor = court_in_sentence(t, lex)  # "au tribunal de Poitiers, X a écopé de …"
    return actor, recipient


def _stands_for(actor: Token | None, ctx: _Context) -> Token | None:
    """Who an actor phrase stands for: the ones it names as examples (*d'autres figures comme
    Rachida Dati ou Christian Estrosi*), the author or owner of a thing (*deux documents rédigés
    par son ministère*, *le rapport de l'ONG*); a number of people stays the group it counts."""
    if actor is None:
        return None
    example = next((c for c in actor.children if case_of(c) == "comme" and c.pos_ == "PROPN"), None)
    if example is not None:
        return example
    if actor.pos_ == "NOUN" and not is_party(actor, ctx.humans) and not _quantity(actor, ctx.lex):
        return party(actor, ctx.humans) or actor
    return actor


def _quantity(t: Token, lex: Lexicon) -> bool:
    """*des dizaines de personnes*, *la moitié des députés*: a number of people is a group."""
    return lemma_of(t).endswith("aine") or lemma_of(t) in lex.words("quantity_nouns")


def _antecedent(c: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause qualifies (*les rebelles qu'elle
    soutient*, *les manifestants que la police a arrêtés*); an object *que* outside a relative
    clause is a conjunction the tagger misread, no party."""
    if c is None or "Rel" not in c.morph.get("PronType"):
        return c
    if c.head.dep_ in ("acl:relcl", "acl") and c.head.head.i < c.i:
        antecedent = c.head.head
        return (
            None if antecedent.lower_ in ("ce", "c'", "cela", "ça") else antecedent
        )  # "ce qui a été critiqué"
    return None if c.lower_ in ("que", "qu'", "qu’") else c


# Prepositions after which an event noun happened before the clause's act (*suite aux
# manifestations*, *après les attentats*, *depuis la grève*).
_BEFORE = frozenset({"suite", "après", "depuis"})


def _status(t: Token, etype: str, kind: str, lex: Lexicon) -> tuple[str, str]:
    """(status, type): planned or occurred; a future own act may be a pledge or a threat."""
    # "Nous n'accepterons pas …": a refusal in the future tense is made now
    status = "occurred" if kind == "negated" else status_of(t, lex)
    if kind == "noun" and _called(t, etype, lex):
        status = "planned"
    elif kind == "noun" and case_of(t).split(" ")[0] in _BEFORE:
        status = "occurred"  # "va donner … suite aux manifestations": the cause came first
    if status == "planned" and kind == "verb" and self_act(t):
        if etype in lex.words("pledgeable"):
            etype = "AGREE"  # "va démissionner", "je présenterai ma démission": a pledge (EVENTS.md §3)
        elif etype in lex.words("threatenable") and _first_person(t):
            etype = "THREATEN"  # "j'arrêterai tous ceux qui …": announcing a sanction is a threat
    return status, etype


def _first_person(t: Token) -> bool:
    return any(c.dep_.startswith("nsubj") and c.lower_ in ("je", "j'", "j’", "nous") for c in t.children)


def _rank(ev: EventCandidate) -> tuple[float, int]:
    """Which of two mentions of one clause and type to keep: the surer trigger, then the one
    that names more of its parties (*des consultations … lors d'une réunion du Conseil
    OTAN-Russie*: the meeting, whose council is named)."""
    return ev.confidence, (ev.actor is not None) + (ev.recipient is not None)


def _one_per_clause(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """EVENTS.md: one mention per clause and type; a verb trigger beats a noun."""
    best: dict[tuple[int, str, int], EventCandidate] = {}
    for ev in events:
        t = doc[ev.trigger[0]]
        # conjoined event nouns are distinct events (*une réunion à Bruxelles et une session à Vienne*)
        key = (clause_head(t).i, ev.type, t.i if t.dep_ == "conj" and t.pos_ == "NOUN" else -1)
        kept = best.get(key)
        if kept is None or _rank(ev) > _rank(kept):
            best[key] = ev
    return sorted(best.values(), key=lambda ev: ev.trigger)


def _before_trigger(rng: tuple[int, int], trigger: int) -> tuple[int, int]:
    """An argument phrase stops before the trigger it contains (*six travailleurs tués*)."""
    return (rng[0], trigger) if rng[0] < trigger < rng[1] else rng


# Prepositions (first word) that make an event noun the time or cause of another event, not its
# object: "lors des manifestations", "suite aux manifestations", "après les attentats".
_CIRCUMSTANCE = frozenset({"lors", "pendant", "durant", "suite", "après", "avant", "depuis", "malgré"})


def _object_of_trigger(t: Token, heads: set[int]) -> bool:
    """*menacé de sanctions*, *a dénoncé les violences*: the noun is the content of another event
    (not its subject: *de violents combats ont opposé …*)."""
    if t.dep_ in ("nsubj", "nsubj:pass"):
        return False
    if t.head.lower_ == "lors" or case_of(t).split(" ")[0] in _CIRCUMSTANCE:
        return False  # "lors des manifestations", "suite aux manifestations": the protest is reported too
    h = t.head
    for _ in range(2):
        if h.i in heads and h.i != t.i:
            return True
        if h.head.i == h.i:
            break
        h = h.head
    return False


def _anaphoric(t: Token, lex: Lexicon) -> bool:
    """*cette réunion* with nothing added: a repeat of an event mentioned before."""
    dets = lex.words("anaphoric_dets")
    if not any(c.dep_ == "det" and c.lower_ in dets for c in t.children):
        return False
    return not any(c.dep_ in ("nmod", "amod", "acl") for c in t.children)


def _mode(span, lex: Lexicon) -> str | None:
    modes = lex.data.get("modes", {})
    return modes.get(span.text.lower()) or modes.get(" ".join(lemma_of(t) for t in span))
