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
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from lasswell.lang import LanguageData, _read_json

# Confidence of a trigger by how it was found: reflexive verbs and phrases are specific
# ("s'entretenir", "mettre en garde"), plain verbs less so, nouns least (they are often
# mentions of an event asserted elsewhere). Set from the dev-set precision of each kind.
TRIGGER_CONFIDENCE = {
    "phrase": 0.8,
    "reflexive": 0.75,
    "verb": 0.7,
    "negated": 0.7,
    "desire": 0.6,
    "noun": 0.6,
}
# A date, place or argument further than this many tokens from its trigger is not taken
# (long sentences chain several clauses the parser sometimes attaches to the wrong head).
MAX_ARG_DISTANCE = 25

_CLAUSE_DEPS = {"ccomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis", "xcomp", "conj"}
_SUBJ = {"nsubj", "nsubj:pass", "expl:subj"}
_NEG = {"pas", "jamais", "plus", "guère", "aucunement", "nullement", "point"}
_REFLEXIVE = {"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"}
_PERSON_LABELS = {"PER", "ORG", "LOC"}
_OF = {"de", "du", "des", "d'", "d’"}
_SE = frozenset({"se", "s'"})
_CLITICS = frozenset({"en", "y", "le", "la", "les", "l'", "lui", "leur", "ne", "n'"})
_AGENT_SUFFIXES = ("eur", "euse", "ant", "ante", "iste", "ier", "ière", "ien", "ienne", "aire")
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "DET"}
_TIME_SUBJECTS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "demain"}
# Prepositions introducing whom an act is directed at, best first.
_RECIPIENT_CASES = {"contre": 1, "avec": 1, "envers": 1, "auprès de": 2, "à": 3, "au": 3, "aux": 3}


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
class Lexicon:
    """The trigger data of one language, indexed for lookup."""

    verbs: dict[str, tuple[str, ...]]
    reflexive: dict[str, tuple[str, ...]]
    nouns: dict[str, tuple[str, ...]]
    phrases: dict[tuple[str, ...], tuple[str, str]]  # lemma sequence → (type, kind)
    negated: dict[str, str]
    data: dict[str, Any]
    by_first: dict[str, tuple[tuple[str, ...], ...]]
    forms: dict[str, str]

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.data.get(key, ()))


def _index(groups: dict[str, list[str]], kind: str, phrases: dict) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for etype, lemmas in groups.items():
        for lemma in lemmas:
            if " " in lemma and not (kind == "reflexive" and lemma.startswith("en ")):
                phrases.setdefault(tuple(lemma.split()), (etype, kind))
            else:
                out.setdefault(lemma, []).append(etype)
    return {k: tuple(v) for k, v in out.items()}


@cache
def lexicon(code: str) -> Lexicon:
    """The event lexicon of a language (``lang/<code>/events.json``)."""
    data = _read_json(code, "events.json")
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    verbs = _index(data["verbs"], "verb", phrases)
    reflexive = _index(data["reflexive"], "reflexive", phrases)
    nouns = _index(data["nouns"], "noun", phrases)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(seq[0], []).append(seq)
    firsts = {k: tuple(v) for k, v in by_first.items()}
    forms = {
        lemma[:-2] + end: lemma
        for lemma in (*verbs, *(k.split()[-1] if k.startswith("en ") else k.split()[0] for k in reflexive))
        if lemma.endswith("er")
        for end in _ER_ENDINGS
    }
    return Lexicon(verbs, reflexive, nouns, phrases, dict(data["negated"]), data, firsts, forms)


def _lemma(t: Token) -> str:
    return t.lemma_.lower().replace("’", "'")


# Endings of regular -er verbs, for tokens the lemmatizer gets wrong (*ironise* → "ironis",
# *élevé* left as an adjective): the form is looked up against the trigger verbs themselves.
_ER_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "ant", "er", "a", "ait", "aient", "ons", "ez")


def _verb_lemma(t: Token, lex: Lexicon) -> str:
    """The lemma, or the trigger verb whose regular form this token is."""
    lemma = _lemma(t)
    if lemma in lex.verbs or lemma in lex.reflexive:
        return lemma
    return lex.forms.get(t.lower_, lemma)


def _is_reflexive(t: Token) -> bool:
    """*se / s'* on the verb, however the parser attached it (*s'en prenant*, *s'en serait pris*)."""
    if any(c.lower_ in _REFLEXIVE and c.dep_.startswith(("expl", "obj", "iobj")) for c in t.children):
        return True
    return _clitic_before(t, _SE)


def _clitic_before(t: Token, words: frozenset[str]) -> bool:
    """One of ``words`` among the clitics and auxiliaries right before the verb."""
    doc = t.doc
    for k in range(t.i - 1, max(-1, t.i - 5), -1):
        w = doc[k].lower_.replace("’", "'")
        if w in words:
            return True
        if not (w in _CLITICS or doc[k].pos_ == "AUX" or doc[k].dep_.startswith("aux")):
            return False
    return False


def _negated(t: Token) -> bool:
    heads = [t, *(c for c in t.children if c.dep_.startswith("aux"))]
    return any(c.lower_ in _NEG and c.dep_ == "advmod" for h in heads for c in h.children) or any(
        c.lower_ in ("ne", "n'", "n’") for c in t.children
    )


_CND_ENDINGS = ("ait", "aient", "ais", "ions", "iez")


def _conditional(t: Token) -> bool:
    """Simple conditional mood; the tagger often calls *entraînerait* an imperfect, so a verb spelt
    infinitive + imperfect ending counts too (*déclarait* is not, *déclarerait* is)."""
    # Only the verb itself: a compound conditional (*aurait accusé*, *s'en serait pris*) is the
    # press's reported allegation, which the gold counts as an event.
    if "Cnd" in t.morph.get("Mood"):
        return True
    text, stem = t.lower_, _lemma(t).removesuffix("e")
    return (
        t.pos_ == "VERB"
        and stem.endswith("r")
        and text.startswith(stem)
        and text[len(stem) :] in _CND_ENDINGS
    )


def _clause_head(t: Token) -> Token:
    """The verb (or root) heading the clause ``t`` is in. Nouns and adjectives climb through
    any relation (*une réunion … et une session*, *lundi* parsed as xcomp); an adjectival
    predicate heading a clause of its own stops."""
    while t.head.i != t.i and t.pos_ != "VERB" and (t.pos_ in _NOMINAL or t.dep_ not in _CLAUSE_DEPS):
        t = t.head
    return t


def _hypothetical(t: Token, lex: Lexicon) -> bool:
    """Inside a *si* clause, under a modal or mental verb, or a purpose/negative infinitive."""
    marks, modals = lex.words("hypothetical_marks"), lex.words("modal_lemmas")
    head = _clause_head(t)
    if any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in head.children
    ):
        return True  # "il démissionnera s'il est inculpé"
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in head.children):
            return True
        if head.dep_ == "xcomp" and _lemma(head.head) in modals:
            return True
        if "Inf" in head.morph.get("VerbForm") and any(
            c.dep_ in ("mark", "case") and c.lower_ in ("pour", "sans", "afin") for c in head.children
        ):
            return True
        if head.dep_ not in ("xcomp", "ccomp", "conj") or head.head.i == head.i:
            break
        head = _clause_head(head.head)
    return False


def _phrase_at(doc: Doc, i: int, lex: Lexicon) -> tuple[int, str, str] | None:
    """A multi-word trigger starting at token ``i``: (end, type, kind), longest first."""
    first = doc[i]
    seqs = lex.by_first.get(_lemma(first), ()) + lex.by_first.get(first.lower_, ())
    for seq in seqs:
        etype, kind = lex.phrases[seq]
        n = len(seq)
        if i + n <= len(doc) and all(
            _lemma(doc[i + k]) == w or doc[i + k].lower_ == w for k, w in enumerate(seq)
        ):
            return i + n, etype, kind
    return None


def _sense(t: Token, types: tuple[str, ...], lex: Lexicon) -> str | None:
    """One type for an ambiguous lemma, from the clause (court words, passive, person patient)."""
    if len(types) == 1:
        return types[0] if _patient_ok(t, lex) else None
    sent_words = {_lemma(w) for w in t.sent}
    if "SANCTION" in types and sent_words & lex.words("court_words"):
        return "SANCTION"
    if "COERCE" in types and (_passive(t) or _patient_is_person(t)):
        return "COERCE"
    rest = [x for x in types if x not in ("SANCTION", "COERCE")]
    return rest[0] if rest else None


def _patient_ok(t: Token, lex: Lexicon) -> bool:
    """Verbs such as *arrêter* are events only when a person or group undergoes them; *déployer*,
    *fournir* only with troops or aid as their object (not *déployer des efforts*)."""
    objects = lex.data["required_objects"].get(_lemma(t))
    if objects is not None:
        return any(c.dep_ in ("obj", "nsubj:pass") and _lemma(c) in objects for c in t.children)
    if _lemma(t) not in lex.words("person_patient"):
        return True
    return _passive(t) or _patient_is_person(t, lex.words("actor_nouns"))


def _passive(t: Token) -> bool:
    return any(c.dep_ == "aux:pass" for c in t.children) and not _is_reflexive(t)


def _patient_is_person(t: Token, humans: frozenset[str] = frozenset()) -> bool:
    for c in t.children:
        if c.dep_ in ("obj", "nsubj:pass") and (
            _person_like(c, humans) or c.lemma_.endswith(("ant", "iste")) or c.pos_ == "PRON"
        ):
            return True
    return False


def _triggers(doc: Doc, ranges: Iterable[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, type, kind) of every trigger in the extractable character ranges."""
    out: list[tuple[int, int, str, str]] = []
    taken: set[int] = set()
    for a, b in ranges:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.i in taken:
                continue
            found = _trigger_at(doc, t, lex)
            if found:
                out.append(found)
                taken.update(range(found[0], found[1]))
    return out


def _not_an_act(t: Token, lemma: str, lex: Lexicon) -> bool:
    """*soutient que …* (claims), *manifeste sa volonté* (shows): the verb in its other sense."""
    if lemma in lex.words("with_clause_not_event") and any(c.dep_ == "ccomp" for c in t.children):
        return True
    return lemma in lex.words("intransitive_only") and any(c.dep_ == "obj" for c in t.children)


def _negated_type(t: Token, lemma: str, lex: Lexicon) -> str | None:
    """*n'accepterons pas* → REJECT; two-word entries need their complement (*ne changerons
    pas de cap*)."""
    if lemma in lex.negated:
        return lex.negated[lemma]
    words = {_lemma(c) for c in t.children}
    return next(
        (ty for key, ty in lex.negated.items() if key.split()[0] == lemma and key.split()[-1] in words), None
    )


def _wishes(t: Token, lex: Lexicon) -> bool:
    """A stated wish that is a demand or a proposal: *veut que l'OTAN retire*, *souhaite la
    suppression du Sénat*, *voudrait interdire*, *propose d'adopter*. A plain present
    *veut + infinitive* is an intention (*il veut devenir président*) and does not count;
    *vouloir dire* is a meaning."""
    if any(
        c.dep_ == "ccomp" and any(m.lower_ in ("que", "qu'", "qu’") for m in c.children) for c in t.children
    ):
        return True
    if any(_lemma(c) == "dire" for c in t.children):
        return False
    polite = "Cnd" in t.morph.get("Mood") or _lemma(t) in lex.words("proposal_verbs")
    return polite and any(c.dep_ in ("xcomp", "obj", "ccomp") for c in t.children)


def _pledges(t: Token, lex: Lexicon) -> bool:
    """*annonce des mesures / un plan / un million*: an announcement that commits the speaker."""
    objects = lex.words("pledge_objects")
    return any(c.dep_ == "obj" and _lemma(c) in objects for c in t.children)


def _in_name(t: Token) -> bool:
    """*Rassemblement national*, *Armée de libération du Kosovo*: part of a name, not an event."""
    return bool(t.ent_type_) or (t.is_title and not t.is_sent_start)


def _asserted_noun(t: Token, lex: Lexicon) -> bool:
    """EVENTS.md §3: an event noun counts when the clause asserts it (it is the subject of its
    clause: *les manifestations ont fait un mort*; the object of a support verb: *a mené une
    offensive*) or adds participants, place or date (*les pourparlers de lundi à Genève*,
    *sa rencontre avec …*); not a bare mention."""
    if t.dep_ in ("nsubj", "nsubj:pass", "ROOT"):
        return True
    if t.dep_ in ("obj", "obl:arg", "obl:mod") and _lemma(t.head) in lex.words("support_verbs"):
        return True
    return any(c.dep_ in ("nmod", "acl", "amod") or "Poss=Yes" in str(c.morph) for c in t.children)


def _trigger_at(doc: Doc, t: Token, lex: Lexicon) -> tuple[int, int, str, str] | None:
    phrase = _phrase_at(doc, t.i, lex)
    if phrase and any((_phrase_at(doc, k, lex) or (0,))[0] > phrase[0] for k in range(t.i + 1, phrase[0])):
        phrase = None  # "mis en garde à vue" is custody, not "mettre en garde"
    if phrase and (phrase[2] != "reflexive" or _is_reflexive(t) or _is_reflexive(t.head)):
        return t.i, phrase[0], phrase[1], "phrase"
    lemma = _lemma(t)
    if t.pos_ == "ADJ" and (t.dep_ == "ROOT" or _is_reflexive(t)):
        lemma = _verb_lemma(t, lex)  # a verb the tagger missed: "le comédien ironise :"
        if lemma in lex.verbs or lemma in lex.reflexive:
            return _verb_trigger(t, lemma, lex)
    if t.pos_ == "VERB" or (t.pos_ == "ADJ" and "Part" in t.morph.get("VerbForm")):
        return _verb_trigger(t, lemma, lex)
    if t.pos_ == "NOUN" and lemma in lex.nouns and not _in_name(t):
        types = lex.nouns[lemma]
        etype = _sense(t, types, lex) if len(types) > 1 else types[0]
        return (t.i, t.i + 1, etype, "noun") if etype else None
    return None


def _verb_trigger(t: Token, lemma: str, lex: Lexicon) -> tuple[int, int, str, str] | None:
    """A verb trigger: negated, desire, reflexive, plain; None if the verb is not an event."""
    if _negated(t):
        etype = _negated_type(t, lemma, lex)
        return (t.i, t.i + 1, etype, "negated") if etype else None
    if lemma in lex.words("desire_verbs") and _wishes(t, lex):
        return t.i, t.i + 1, "REQUEST", "desire"
    if _is_reflexive(t):
        # "s'en prendre à": the clitic "en" is part of the entry
        keys = [f"{lemma} {_case(c)}" for c in t.children if _case(c)]  # "s'élever contre"
        if _clitic_before(t, frozenset({"en"})):
            keys.insert(0, f"en {lemma}")
        etype = next((lex.reflexive[k][0] for k in [*keys, lemma] if k in lex.reflexive), None)
        if etype:
            return t.i, t.i + 1, etype, "reflexive"
    if _not_an_act(t, lemma, lex):
        return None
    types = lex.verbs.get(lemma)
    if not types and lemma in lex.words("pledge_verbs") and _pledges(t, lex):
        types = ("AGREE",)
    etype = _sense(t, types, lex) if types else None
    return (t.i, t.i + 1, etype, "verb") if etype else None


def _person_like(t: Token, humans: frozenset[str]) -> bool:
    """Can this head stand for an actor (a name, a pronoun, a human or institutional noun)?"""
    if t.ent_type_ in _PERSON_LABELS or t.pos_ == "PROPN":
        return True
    if t.pos_ == "PRON":
        return t.lower_ not in ("le", "la", "les", "l'", "l’", "en", "y", "se", "s'", "ce", "cela", "ça")
    return _lemma(t) in humans


def _np(t: Token, stop: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The noun phrase headed by ``t``, without relative clauses, appositions, trailing commas
    or time words the parser hung on it (*son homologue demain*). A role with its name in
    apposition (*le Premier ministre, Binali Yildirim,*) gives the name."""
    name = next((c for c in t.rights if c.dep_ in ("appos", "flat:name") and c.ent_type_ == "PER"), None)
    if name is not None and t.ent_type_ != "PER":
        t = name
    end = t.i + 1
    for c in t.rights:
        if c.dep_ in ("acl:relcl", "acl", "appos", "punct", "advcl", "parataxis") or c.lower_ in stop:
            break
        if c.dep_ in ("nmod", "obl", "obl:mod") and _case(c) not in _OF:
            break  # "les manifestants pour des politiques …": keep the group, not the reason
        end = c.right_edge.i + 1
    start = min([t.i, *(c.left_edge.i for c in t.lefts if c.dep_ not in ("punct", "cc", "case", "mark"))])
    return start, end


def _case(t: Token) -> str:
    return " ".join(c.lower_ for c in t.children if c.dep_ in ("case", "fixed"))


def _subject(t: Token, hops: int = 3) -> Token | None:
    """The subject of verb ``t``, shared from the governing verb for conjoined, infinitive or
    participle clauses (*a décidé de faire grève*, *fustigeant …*)."""
    for _ in range(hops):
        reflexive = _is_reflexive(t)
        for c in t.children:
            if c.lower_ in _TIME_SUBJECTS:
                continue  # "Vendredi, la ministre a annoncé": a misparsed time word
            if c.dep_ == "nsubj" or (c.dep_ == "nsubj:pass" and (reflexive or not _passive(t))):
                return c
            if c.dep_ == "expl:subj" and c.lower_.lstrip("-") not in ("t", "ce", "il"):
                return c
        if (
            t.dep_ in ("acl", "amod")
            and t.head.pos_ in ("NOUN", "PROPN")
            and "Part" in t.morph.get("VerbForm")
        ):
            return t.head  # "une trentaine de manifestants réclamant …": the noun acts
        if t.dep_ not in ("conj", "xcomp", "advcl", "acl") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _agent(t: Token) -> Token | None:
    return next((c for c in t.children if c.dep_ == "obl:agent" or _case(c) == "par"), None)


def _bare_participle(t: Token) -> bool:
    """*Sylvie Goulard rejetée par la Commission*: a passive participle without auxiliary."""
    return (
        "Part" in t.morph.get("VerbForm")
        and "Past" in t.morph.get("Tense")
        and t.dep_ in ("acl", "amod", "ROOT")
        and not any(c.dep_.startswith("aux") or c.dep_ in ("nsubj", "obj") for c in t.children)
    )


def _owner(t: Token, humans: frozenset[str], depth: int = 2) -> Token | None:
    """Whose thing an object is: *a étrillé la politique d'alliances entre LREM et LR*,
    *a rejeté la candidature de Sylvie Goulard*, *a dispersé des centaines de manifestants*."""
    for c in t.children:
        if c.dep_ == "nmod" or (c.dep_ == "det" and "Poss=Yes" in str(c.morph)):
            if _person_like(c, humans) or c.dep_ == "det":
                return c
            if depth > 1:
                found = _owner(c, humans, depth - 1)
                if found is not None:
                    return found
    return None


def _verb_args(
    t: Token, etype: str, humans: frozenset[str], lex: Lexicon
) -> tuple[Token | None, Token | None]:
    """(actor, recipient) heads of a verb trigger."""
    if _bare_participle(t) and not _is_reflexive(t):
        patient = t.head if t.dep_ != "ROOT" else None
        return _agent(t), patient if patient is not None and _person_like(patient, humans) else None
    if _passive(t):
        patient = next((c for c in t.children if c.dep_ == "nsubj:pass"), None)
        return _agent(t), patient
    actor = _subject(t)
    ranked = []
    for c in t.children:
        if not _person_like(c, humans):
            owner = (
                _owner(c, humans) if c.dep_ == "obj" and etype in lex.words("owner_is_recipient") else None
            )
            if owner is not None:
                ranked.append((4, owner))
            continue
        case = _case(c)
        if c.dep_ in ("obj", "iobj") and not case:
            if c.dep_ == "iobj" or etype not in lex.words("object_not_recipient"):
                ranked.append((0, c))
        elif c.dep_.startswith("obl") and case in _RECIPIENT_CASES:
            if c.ent_type_ == "LOC" and case in ("à", "au", "aux", "en"):
                continue  # "à Genève" is where, not whom
            ranked.append((_RECIPIENT_CASES[case], c))
    return actor, min(ranked, key=lambda x: (x[0], x[1].i))[1] if ranked else None


# Objects of these verbs make the verb's subject the actor of the event noun
# (*X a tenu une réunion*, *X a lancé une offensive*, *X a porté plainte*).
def _agentive(t: Token) -> bool:
    """A plural noun of people by its suffix (*des éboueurs*, *des agriculteurs*, *des
    grévistes*): the doers of a strike or a protest named after them."""
    return t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") and _lemma(t).endswith(_AGENT_SUFFIXES)


def _noun_args(
    t: Token, etype: str, humans: frozenset[str], lex: Lexicon
) -> tuple[Token | None, Token | None]:
    """(actor, recipient) heads of a noun trigger."""
    actor = recipient = None
    patient_nouns = lex.words("patient_nouns")
    for c in t.children:
        case = _case(c)
        if c.dep_ == "det" and "Poss=Yes" in str(c.morph):
            actor = c
        elif c.dep_ in ("nsubj", "nsubj:pass") and actor is None:
            actor = c  # a verbless or misparsed clause: "L'Australie enquête sur …"
        elif c.dep_ == "nmod" and case in _OF and (_person_like(c, humans) or _agentive(c)):
            if _lemma(t) in patient_nouns:
                recipient = c
            elif actor is None:
                actor = c
        elif c.dep_ == "nmod" and case == "par":
            actor = c
        elif c.dep_ == "nmod" and case in ("contre", "avec", "envers", "entre", "à l' encontre de"):
            recipient = c
    state = t.dep_.startswith("obl") and _case(t) == "en"  # "sont en grève", "en visite au salon"
    if actor is None and (
        t.dep_ in ("obj", "obl:arg") and _lemma(t.head) in lex.words("support_verbs") or state
    ):
        actor = _subject(t.head) if t.head.pos_ in ("VERB", "AUX") else None
    if actor is None and t.dep_ in ("nsubj:pass", "nsubj") and t.head.pos_ == "VERB":
        actor = _agent(t.head)  # "des enquêtes ont été ouvertes par l'IGPN"
    return actor, recipient


def _status(t: Token, lex: Lexicon) -> str:
    """``planned`` for future tense, *va / doit + infinitive*, *prévu(e)* and the like."""
    planned = lex.words("planned_lemmas")
    head = _clause_head(t)
    for v in (t, head, *(c for c in (t, head) for c in c.children if c.dep_.startswith("aux"))):
        if "Fut" in v.morph.get("Tense"):
            return "planned"
    if any(c.dep_ in ("amod", "acl") and _lemma(c) in planned for c in t.children):
        return "planned"
    if t.i != head.i and _lemma(head) in planned:
        return "planned"  # "des consultations sont prévues … lors d'une session à Vienne jeudi"
    if head.dep_ == "xcomp" and _lemma(head.head) in planned and "Inf" in head.morph.get("VerbForm"):
        return "planned"
    if "Inf" in t.morph.get("VerbForm") and t.dep_ == "xcomp" and _lemma(t.head) in planned:
        return "planned"
    return "occurred"


def _head_of(doc: Doc, s: int, e: int) -> Token:
    """The token of ``doc[s:e]`` whose head lies outside it."""
    for t in doc[s:e]:
        if not (s <= t.head.i < e) or t.head.i == t.i:
            return t
    return doc[s]


def _attached(doc: Doc, trig: Token, s: int, e: int) -> bool:
    """Does the phrase ``doc[s:e]`` modify the trigger's clause (or the trigger noun itself)?"""
    if abs(s - trig.i) > MAX_ARG_DISTANCE or s <= trig.i < e:
        return False
    h = _head_of(doc, s, e)
    if h.head.i == trig.i:
        return True
    return _clause_head(h).i == _clause_head(trig).i


def _nearest(doc: Doc, trig: Token, spans: list[tuple[int, int]], ok) -> tuple[int, int] | None:
    """The closest attached span, those inside the trigger's own phrase first (*une session …
    à Vienne jeudi* takes Vienne even when Bruxelles is named earlier in the clause)."""
    best = [sp for sp in spans if ok(sp) and _attached(doc, trig, *sp)]
    own = [sp for sp in best if trig.left_edge.i <= sp[0] and sp[1] <= trig.right_edge.i + 1]
    return min(own or best, key=lambda sp: abs(sp[0] - trig.i)) if best else None


def _is_place_phrase(doc: Doc, s: int, e: int, trig: Token) -> bool:
    """*à Genève*, *en Ukraine*, *dans la capitale*, *les pourparlers de Genève*; the place
    modifies the trigger or a verb, not another noun (*l'Organisation pour la sécurité … en
    Europe* names a body, it does not say where the event was)."""
    h = _head_of(doc, s, e)
    if not (_case(h) in ("à", "en", "au", "aux", "dans", "de", "près de") or h.dep_ == "obl:mod"):
        return False
    return h.head.i == trig.i or h.head.pos_ in ("VERB", "AUX") or h.head.i == _clause_head(trig).i


def find_events(
    doc: Doc,
    ranges: Iterable[tuple[int, int]],
    lang: LanguageData,
    dates: Iterable[tuple[int, int]] = (),
    places: Iterable[tuple[int, int]] = (),
) -> list[EventCandidate]:
    """The events asserted in the extractable character ``ranges`` of ``doc``.

    ``dates`` are character ranges of time expressions, ``places`` token ranges of place names
    (both found over the whole article); each event takes the nearest one in its clause.
    """
    lex = lexicon(lang.code)
    humans = lang.words("human_nouns") | lang.words("role_nouns") | lex.words("actor_nouns")
    stop = lang.words("time_words")
    date_toks = [_tok_range(doc, a, b) for a, b in dates]
    date_toks = [d for d in date_toks if d]
    places = list(places)
    out = []
    found = _triggers(doc, ranges, lex)
    heads = {s for s, _, _, kind in found if kind != "noun"}
    for s, e, etype, kind in found:
        t = doc[s]
        if kind not in ("negated", "desire") and (
            _conditional(t) or _conditional(_clause_head(t)) or _hypothetical(t, lex)
        ):
            continue
        if kind == "noun" and (
            _anaphoric(t, lex) or _object_of_trigger(t, heads) or not _asserted_noun(t, lex)
        ):
            continue
        if "Inf" in t.morph.get("VerbForm") and t.head.pos_ == "NOUN":
            continue  # "le droit de manifester": generic
        args = (
            _noun_args(t, etype, humans, lex)
            if t.pos_ in ("NOUN", "PROPN")
            else _verb_args(t, etype, humans, lex)
        )
        actor, recipient = (_np(a, stop) if a is not None else None for a in args)
        date = _nearest(doc, t, date_toks, lambda sp, t=t: True)
        loc = _nearest(doc, t, places, lambda sp, t=t: _is_place_phrase(doc, *sp, t))
        if (
            kind == "noun"
            and t.dep_ not in ("nsubj", "nsubj:pass", "ROOT")
            and not (actor or recipient or loc or date)
        ):
            continue  # a bare event noun (*la guerre*, *des manifestations*): mentioned, not reported
        status = _status(t, lex)
        if status == "planned" and etype in lex.words("pledgeable") and kind == "verb" and _self_act(t):
            etype = "AGREE"  # "va démissionner", "je présenterai ma démission": a pledge (EVENTS.md §3)
        out.append(
            EventCandidate(
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
        )
    return _one_per_clause(doc, out)


def _one_per_clause(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """EVENTS.md: one mention per clause and type; a verb trigger beats a noun."""
    best: dict[tuple[int, str, int], EventCandidate] = {}
    for ev in events:
        t = doc[ev.trigger[0]]
        # conjoined event nouns are distinct events (*une réunion à Bruxelles et une session à Vienne*)
        key = (_clause_head(t).i, ev.type, t.i if t.dep_ == "conj" and t.pos_ == "NOUN" else -1)
        kept = best.get(key)
        if kept is None or (ev.confidence > kept.confidence):
            best[key] = ev
    return sorted(best.values(), key=lambda ev: ev.trigger)


def _object_of_trigger(t: Token, heads: set[int]) -> bool:
    """*menacé de sanctions*, *a dénoncé les violences*: the noun is the content of another event."""
    h = t.head
    for _ in range(2):
        if h.i in heads and h.i != t.i:
            return True
        if h.head.i == h.i:
            break
        h = h.head
    return False


def _self_act(t: Token) -> bool:
    """A future act announced by its own doer: future tense or *aller* + infinitive."""
    verbs = [t, *(c for c in t.children if c.dep_.startswith("aux"))]
    if any("Fut" in v.morph.get("Tense") for v in verbs):
        return True
    return t.dep_ == "xcomp" and _lemma(t.head) == "aller" or any(_lemma(c) == "aller" for c in verbs[1:])


def _tok_range(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    span = doc.char_span(a, b, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _anaphoric(t: Token, lex: Lexicon) -> bool:
    """*cette réunion* with nothing added: a repeat of an event mentioned before."""
    dets = lex.words("anaphoric_dets")
    if not any(c.dep_ == "det" and c.lower_ in dets for c in t.children):
        return False
    return not any(c.dep_ in ("nmod", "amod", "acl") for c in t.children)


def _mode(span, lex: Lexicon) -> str | None:
    modes = lex.data.get("modes", {})
    return modes.get(span.text.lower()) or modes.get(" ".join(_lemma(t) for t in span))


def cameo(etype: str, mode: str | None, lang: LanguageData) -> str | None:
    """The CAMEO root code of a PLOVER type (mode-specific where CAMEO splits it)."""
    data = lexicon(lang.code).data
    return data["cameo_by_mode"].get(mode or "") or data["cameo"].get(etype)


# A statement event rests on one word of the quote: less sure than a trigger verb.
STATEMENT_CONFIDENCE = 0.5


@cache
def _statement_patterns(code: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = lexicon(code).data["statements"]
    return tuple((etype, tuple(w.split())) for etype, words in data.items() if etype != "_doc" for w in words)


def statement_events(
    doc: Doc, quotes: Iterable[tuple[int, int]], lang: LanguageData, found: Iterable[EventCandidate] = ()
) -> list[EventCandidate]:
    """Quotes that are themselves acts (criticism, demand, refusal, threat, praise): one event
    per quote and type, its trigger the word that makes it one, its actor left to the quote's
    speaker. Skipped where a trigger of that type already sits in the quote's sentences."""
    patterns = _statement_patterns(lang.code)
    taken = {(doc[ev.trigger[0]].sent.start, ev.type) for ev in found}
    out = []
    for a, b in quotes:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        words = [t.lower_.replace("’", "'") for t in span]
        for etype, seq in patterns:
            hit = _find_seq(words, seq)
            if hit is None:
                continue
            t = span[hit]
            if (t.sent.start, etype) in taken or _negated(t.head):
                continue
            taken.add((t.sent.start, etype))
            out.append(EventCandidate(etype, (t.i, t.i + len(seq)), "occurred", None, STATEMENT_CONFIDENCE))
    return out


def _find_seq(words: list[str], seq: tuple[str, ...]) -> int | None:
    n = len(seq)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == seq:
            return i
    return None
