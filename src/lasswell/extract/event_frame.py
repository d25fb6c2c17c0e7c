"""When, where and in what status an event is: planned or occurred, and the date and place
phrases attached to its trigger's clause (or opening its sentence).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from lasswell.extract.event_lexicon import Lexicon
from lasswell.extract.event_phrases import OF_CASES, is_town
from lasswell.extract.tree import case_of, clause_head, head_of, is_future, lemma_of

# A date, place or argument further than this many tokens from its trigger is not taken
# (long sentences chain several clauses the parser sometimes attaches to the wrong head).
MAX_ARG_DISTANCE = 25


def status_of(t: Token, lex: Lexicon) -> str:
    """``planned`` for future tense, *va / doit + infinitive*, *prévu(e)* and the like."""
    planned = lex.words("planned_lemmas")
    head = clause_head(t)
    for v in (t, head, *(c for c in (t, head) for c in c.children if c.dep_.startswith("aux"))):
        if is_future(v):
            return "planned"
    if any(c.dep_ in ("amod", "acl") and lemma_of(c) in planned for c in t.children):
        return "planned"
    if t.i != head.i and lemma_of(head) in planned:
        return "planned"  # "des consultations sont prévues … lors d'une session à Vienne jeudi"
    if head.dep_ == "xcomp" and lemma_of(head.head) in planned and "Inf" in head.morph.get("VerbForm"):
        return "planned"
    if "Inf" in t.morph.get("VerbForm") and t.dep_ == "xcomp" and lemma_of(t.head) in planned:
        return "planned"
    if (
        "Inf" in t.morph.get("VerbForm")
        and t.dep_ in ("xcomp", "obl:arg")
        and lemma_of(t.head) in lex.words("call_verbs")
    ):
        return "planned"  # "les syndicats appellent à manifester jeudi": a call, not a protest yet
    return "occurred"


def self_act(t: Token) -> bool:
    """A future act announced by its own doer: future tense or *aller* + infinitive."""
    verbs = [t, *(c for c in t.children if c.dep_.startswith("aux"))]
    if any(is_future(v) for v in verbs):
        return True
    return t.dep_ == "xcomp" and lemma_of(t.head) == "aller" or any(lemma_of(c) == "aller" for c in verbs[1:])


def _attached(doc: Doc, trig: Token, s: int, e: int) -> bool:
    """Does the phrase ``doc[s:e]`` modify the trigger's clause (or the trigger noun itself)?"""
    if abs(s - trig.i) > MAX_ARG_DISTANCE or s <= trig.i < e:
        return False
    h = head_of(doc, s, e)
    if h.head.i == trig.i:
        return True
    return clause_head(h).i == clause_head(trig).i


def nearest(doc: Doc, trig: Token, spans: list[tuple[int, int]], ok) -> tuple[int, int] | None:
    """The closest attached span, those inside the trigger's own phrase first (*une session …
    à Vienne jeudi* takes Vienne even when Bruxelles is named earlier in the clause)."""
    best = [sp for sp in spans if ok(sp) and _attached(doc, trig, *sp)]
    own = [sp for sp in best if trig.left_edge.i <= sp[0] and sp[1] <= trig.right_edge.i + 1]
    if not best:
        best = [sp for sp in spans if sp[0] < trig.i and _frames_sentence(doc, trig, *sp)]
    return min(own or best, key=lambda sp: abs(sp[0] - trig.i)) if best else None


def _frames_sentence(doc: Doc, trig: Token, s: int, e: int) -> bool:
    """A phrase opening the trigger's sentence and set off by a comma (*Lundi, …*, *Vers 11h45,
    …*, *Dans la nuit de jeudi à vendredi, …*) frames every clause of it, however far."""
    # sentence ends read from the tokens: the parser cuts "Lundi," off as a sentence of its own
    if e >= len(doc) or doc[e].text != "," or any(_ends_sentence(t) for t in doc[e : trig.i]):
        return False
    # back to the sentence start through the phrase's own words (*À Tripoli*, *Dans le centre
    # de Beyrouth*): a preposition must open it, and no verb or comma come between
    k, words = s - 1, []
    while k >= 0 and not _ends_sentence(doc[k]) and doc[k].text != ",":
        words.append(doc[k])
        k -= 1
    if not (k < 0 or _ends_sentence(doc[k])):
        return False
    lead = [t for t in reversed(words) if not (t.is_punct or t.pos_ == "CCONJ")]
    if not lead:
        return True  # "Lundi, …"
    # the tagger reads a capital "A" as the verb: the preposition is known by its form
    return lead[0].lower_ in _FRAMING_PREPOSITIONS and all(t.pos_ in _PHRASE_POS for t in lead[1:])


# Parts of speech inside a prepositional phrase opening a sentence (*Dans le centre de Beyrouth*),
# and the prepositions that open a place or time frame (not *Outre les centres du Syctom*).
_PHRASE_POS = frozenset({"ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM", "ADV"})
_FRAMING_PREPOSITIONS = frozenset(
    {"à", "a", "au", "aux", "en", "dans", "sur", "près", "vers", "depuis", "dès", "pendant", "durant", "lors"}
)


def _ends_sentence(t: Token) -> bool:
    return t.text in (".", "!", "?", "…") or "\n" in t.text


def is_place_phrase(doc: Doc, s: int, e: int, trig: Token, code: str = "fr") -> bool:
    """*à Genève*, *en Ukraine*, *dans la capitale*, *les pourparlers de Genève*; the place
    modifies the trigger or a verb, not another noun (*l'Organisation pour la sécurité … en
    Europe* names a body, it does not say where the event was)."""
    h = head_of(doc, s, e)
    # "A Tripoli": a capital À is often written without its accent
    if not (case_of(h) in ("à", "a", "en", "au", "aux", "dans", "de", "près de") or h.dep_ == "obl:mod"):
        return False
    if case_of(h) in OF_CASES and h.head.i == trig.i and not is_town(h, code):
        return False  # "la demande de la Russie": a country after an event noun is who, not where
    return h.head.i == trig.i or h.head.pos_ in ("VERB", "AUX") or h.head.i == clause_head(trig).i
