"""Event triggers: where an article names one of the PLOVER acts, and in which sense.

A trigger is a verb, reflexive verb, noun or multi-word phrase listed in ``lang/<code>/events.json``.
Its sense is read from its object or construction (*bloquer un réseau* censors, *inviter X à*
asks); a negated *accepter* is a REJECT; nouns that name no act here (*l'ancien ministre*, a
name) and wishes or pledges that are not acts are left out. Which triggers the clause asserts
(not negated, conditional, hypothetical or modal) is decided in ``events``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from lasswell.extract.event_lexicon import Lexicon
from lasswell.extract.event_phrases import is_party
from lasswell.extract.tree import (
    OF_CASES,
    case_of,
    clause_head,
    clitic_before,
    entity_span,
    fronted_participle_subject,
    is_negated,
    is_passive,
    is_reflexive,
    lemma_of,
)

# A trigger: token start, end (exclusive), PLOVER type, and kind: "verb", "reflexive",
# "noun", "phrase", or "negated" (a negated acceptance read as a refusal).
Trigger = tuple[int, int, str, str]


def _verb_lemma(t: Token, lex: Lexicon) -> str:
    """The lemma, or the trigger verb whose regular form this token is."""
    lemma = lemma_of(t)
    if lemma in lex.verbs or lemma in lex.reflexive:
        return lemma
    if lemma != t.lower_ and lemma.endswith(("er", "ir", "re", "oir")):
        return lemma  # a real lemma of another verb: "sommes" is être, not sommer
    return lex.forms.get(t.lower_, lemma)


def hypothetical(t: Token, lex: Lexicon) -> bool:
    """Inside a *si* clause, under a modal or mental verb, or a *sans* + infinitive. A purpose
    infinitive (*des gaz lacrymogènes pour déloger les manifestants*) reports what was done."""
    marks, modals = lex.words("hypothetical_marks"), lex.words("modal_lemmas")
    head = clause_head(t)
    if any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in head.children
    ):
        return True  # "il démissionnera s'il est inculpé"
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in head.children):
            return True
        if head.dep_ == "xcomp" and lemma_of(head.head) in modals:
            return True
        if head.dep_ in ("ccomp", "csubj") and lemma_of(head.head) in lex.words("likelihood_words"):
            return True  # "il est peu probable que les États-Unis acceptent": an opinion (EVENTS.md §1)
        if "Inf" in head.morph.get("VerbForm") and any(
            c.dep_ in ("mark", "case") and c.lower_ == "sans" for c in head.children
        ):
            return True
        if head.dep_ not in ("xcomp", "ccomp", "conj") or head.head.i == head.i:
            break
        head = clause_head(head.head)
    return False


def _phrase_at(doc: Doc, i: int, lex: Lexicon) -> tuple[int, str, str] | None:
    """A multi-word trigger starting at token ``i``: (end, type, kind), longest first."""
    first = doc[i]
    seqs = lex.by_first.get(lemma_of(first), ()) + lex.by_first.get(first.lower_, ())
    for seq in seqs:
        etype, kind = lex.phrases[seq]
        n = len(seq)
        if i + n <= len(doc) and all(_word_is(doc[i + k], w) for k, w in enumerate(seq)):
            return i + n, etype, kind
    return None


def _word_is(t: Token, w: str) -> bool:
    """Lemma or form, plural -s tolerated (the lemmatizer leaves *lacrymogènes* as it is)."""
    low = t.lower_.replace("’", "'")
    return lemma_of(t) == w or low == w or low == w + "s" or low == w + "x"


def _sense(t: Token, types: tuple[str, ...], lex: Lexicon) -> str | None:
    """One type for an ambiguous lemma, from the clause (court words, passive, person patient)."""
    if len(types) == 1:
        return types[0] if _patient_ok(t, lex) else None
    pair = lex.data["infinitive_senses"].get(_verb_lemma(t, lex))  # "invite", lemmatised as itself
    if pair:  # "inviter X à faire" asks; "être invité à l'Assemblée, à une réunion" is a meeting
        return pair[0] if _asks_to_do(t) else pair[1]
    sent_words = {lemma_of(w) for w in t.sent}
    if "SANCTION" in types and (
        sent_words & lex.words("court_words") or _patient_in(t, lex.words("sanction_patients"))
    ):
        return "SANCTION"  # a court's decision; expelling diplomats (EVENTS.md)
    if "SANCTION" in types and t.pos_ == "NOUN":
        # "la condamnation de cette politique", "des violences" disapproves; "la condamnation de
        # Jean Dupont", "une condamnation dont il a fait appel" sentences
        disapproval = _of_thing(t, lex.humans)
        return next((x for x in types if x != "SANCTION"), None) if disapproval else "SANCTION"
    person = is_passive(t) or _patient_is_person(t, lex.humans) or _qualifies_person(t, lex.humans)
    if "COERCE" in types and person and ("REQUEST" not in types or _by_force(t, lex)):
        return "COERCE"
    rest = [x for x in types if x not in ("SANCTION", "COERCE")]
    return rest[0] if rest else None


# How far after *inviter* its *à* + infinitive may come (*invitant « les gens qui sont très
# pacifiques, mais qui sont emportés par ceux qui sont plus radicaux, à rester … »*, 18 words
# in a dev article); the parser often loses that infinitive inside quotation marks.
ASK_WINDOW = 30


def _asks_to_do(t: Token) -> bool:
    """Does the verb ``t`` govern an infinitive (*invite les journalistes à déposer plainte*),
    by the tree or, when the parser lost it, by an *à* + infinitive further in the sentence?"""
    if any(c.dep_ in ("xcomp", "ccomp") for c in t.children):
        return True
    for w in t.doc[t.i + 1 : min(t.sent.end, t.i + ASK_WINDOW)]:
        if w.text in (".", ";", "?", "!"):
            return False
        if w.lower_ == "à" and w.i + 1 < len(w.doc) and "Inf" in w.doc[w.i + 1].morph.get("VerbForm"):
            return True
    return False


def _by_force(t: Token, lex: Lexicon) -> bool:
    """Is the doer of an ambiguous act (*interpeller*: arrest or challenge) unnamed or a
    security force? *Les policiers ont interpellé deux hommes* arrests; *il a interpellé le
    ministre*, *il a été interpellé par une femme* challenge."""
    doer = next(
        (c for c in t.children if c.dep_ == "obl:agent" or c.dep_ == "nsubj" and not is_passive(t)),
        None,
    )
    if doer is None:
        return True
    forces = lex.words("security_forces")
    return lemma_of(doer) in forces or any(lemma_of(c) in forces for c in doer.children if c.dep_ == "nmod")


def _patient_ok(t: Token, lex: Lexicon) -> bool:
    """Verbs such as *arrêter* are events only when a person or group undergoes them; *déployer*,
    *fournir* only with troops or aid as their object (not *déployer des efforts*)."""
    objects = lex.data["required_objects"].get(lemma_of(t))
    if objects is not None:
        return any(c.dep_ in ("obj", "nsubj:pass") and lemma_of(c) in objects for c in t.children)
    if lemma_of(t) not in lex.words("person_patient"):
        return True
    person = _patient_is_person(t, lex.humans)
    if lemma_of(t) in lex.words("predicative_not_event") and _predicative(t) and not person:
        return False  # "ces éléments ont été jugés suffisants": deemed, not tried
    return is_passive(t) or person


def _predicative(t: Token) -> bool:
    """Has ``t`` a predicative complement (*jugés suffisants*, *jugé coupable*)?"""
    return any(
        (c.dep_ == "xcomp" and "Inf" not in c.morph.get("VerbForm"))
        or (c.pos_ == "ADJ" and c.dep_ in ("obj", "amod", "obl:arg"))
        for c in t.children
    )


def _patient_is_person(t: Token, humans: frozenset[str] = frozenset()) -> bool:
    """Does a person or group undergo ``t`` (its object, passive subject, or *sur* phrase:
    *a tiré sur la foule*)?"""
    for c in t.children:
        patient = c.dep_ in ("obj", "nsubj:pass") or c.dep_.startswith("obl") and case_of(c) == "sur"
        if patient and (is_party(c, humans) or c.pos_ == "PRON"):
            return True
    fronted = fronted_participle_subject(t)  # "Arrêté lundi, le militant …"
    return fronted is not None and (is_party(fronted, humans) or fronted.pos_ == "PRON")


def _of_thing(t: Token, humans: frozenset[str]) -> bool:
    """Is the noun ``t`` done to a thing or an act named after *de* (*la condamnation de cette
    politique*), not to a party (*de Jean Dupont*)?"""
    of = [c for c in t.children if c.dep_ == "nmod" and case_of(c) in OF_CASES]
    return bool(of) and not any(is_party(c, humans) for c in of)


def _qualifies_person(t: Token, humans: frozenset[str]) -> bool:
    """A past participle qualifying people (*les treize personnes interpellées*): a passive."""
    past = "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense")
    return past and t.dep_ in ("acl", "amod") and is_party(t.head, humans)


def _patient_in(t: Token, lemmas: frozenset[str]) -> bool:
    return any(c.dep_ in ("obj", "nsubj:pass") and lemma_of(c) in lemmas for c in t.children)


def find_triggers(doc: Doc, ranges: Iterable[tuple[int, int]], lex: Lexicon) -> list[Trigger]:
    """(start, end, type, kind) of every trigger in the extractable character ranges."""
    out: list[Trigger] = []
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
    if lemma in lex.words("destination_required") and not any(
        c.dep_.startswith("obl") and case_of(c) in lex.words("destination_cases") or c.lower_ in ("y", "là")
        for c in t.children
    ):
        return True  # "se rendre compte", "s'est rendu coupable", "se sont rendus": no visit
    complement = any(
        (c.dep_ == "obj" and "Yes" not in c.morph.get("Reflex")) or (c.dep_ == "xcomp" and c.pos_ == "ADJ")
        for c in t.children
    )
    return lemma in lex.words("intransitive_only") and complement


def _court_appeal(t: Token, lemma: str, lex: Lexicon) -> bool:
    """*a fait appel du jugement*, *a fait appel*: an appeal to a higher court, not a call on
    someone (*faire appel à l'armée*), which has its *à* phrase."""
    verbs = lex.data.get("appeal_frames", {}).get(lemma)
    if not verbs or t.dep_ != "obj" or lemma_of(t.head) not in verbs:
        return False
    addressed = (c for c in (*t.children, *t.head.children) if case_of(c) in ("à", "au", "aux"))
    return next(addressed, None) is None


def _negated_type(t: Token, lemma: str, lex: Lexicon) -> str | None:
    """*n'accepterons pas* → REJECT; two-word entries need their complement (*ne changerons
    pas de cap*)."""
    if lemma in lex.negated:
        return lex.negated[lemma]
    words = {lemma_of(c) for c in t.children}
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
    if any(lemma_of(c) == "dire" for c in t.children):
        return False
    polite = "Cnd" in t.morph.get("Mood") or lemma_of(t) in lex.words("proposal_verbs")
    return polite and any(c.dep_ in ("xcomp", "obj", "ccomp") for c in t.children)


def _pledges(t: Token, lex: Lexicon) -> bool:
    """*annonce des mesures / un plan / un million*: an announcement that commits the speaker."""
    objects = lex.words("pledge_objects")
    return any(c.dep_ == "obj" and lemma_of(c) in objects for c in t.children)


def _in_name(t: Token) -> bool:
    """*Rassemblement national*, *Armée de libération du Kosovo*: part of a name, not an event.
    A lower-case noun the tagger put in a MISC entity is an event's name (*l'attentat de
    Strasbourg*, *les pourparlers de Genève*), still an event."""
    if t.is_title and not t.is_sent_start:
        return True
    span = entity_span(t)
    if span and span[1] - span[0] == 1 and t.is_sent_start:
        return False  # a caption's "Rassemblement à Toulouse": the recogniser's guess of a name
    return bool(t.ent_type_) and not (t.ent_type_ == "MISC" and t.is_lower)


def asserted_noun(t: Token, lex: Lexicon) -> bool:
    """EVENTS.md §3: an event noun counts when the clause asserts it (it is the subject of its
    clause: *les manifestations ont fait un mort*; the object of a support verb: *a mené une
    offensive*) or adds participants, place or date (*les pourparlers de lundi à Genève*,
    *sa rencontre avec …*); not a bare mention."""
    if t.dep_ in ("nsubj", "nsubj:pass", "ROOT"):
        return True
    if t.dep_ in ("obj", "obl:arg", "obl:mod") and lemma_of(t.head) in lex.words("support_verbs"):
        return True
    frames = lex.words("frame_nouns") | lex.words("span_nouns")
    if t.dep_ == "nmod" and case_of(t) in OF_CASES and lemma_of(t.head) in frames:
        return True  # "leurs opérations de blocage", "le 5e jour de blocage"
    if ended(t, lex):
        return True  # "mettant fin à la grève"
    return any(c.dep_ in ("nmod", "acl", "amod") or "Poss=Yes" in str(c.morph) for c in t.children)


def _trigger_at(doc: Doc, t: Token, lex: Lexicon) -> Trigger | None:
    phrase = _phrase_at(doc, t.i, lex)
    if phrase and any((_phrase_at(doc, k, lex) or (0,))[0] > phrase[0] for k in range(t.i + 1, phrase[0])):
        phrase = None  # "mis en garde à vue" is custody, not "mettre en garde"
    if phrase and (phrase[2] != "reflexive" or is_reflexive(t) or is_reflexive(t.head)):
        return t.i, phrase[0], phrase[1], "phrase"
    if t.pos_ not in ("VERB", "ADJ", "NOUN"):
        return None  # only phrases start elsewhere
    lemma = lemma_of(t)
    auxiliary = t.pos_ == "NOUN" and any(c.dep_.startswith("aux") for c in t.children)
    if t.pos_ == "ADJ" and (t.dep_ == "ROOT" or is_reflexive(t)) or auxiliary:
        # a verb the tagger missed: "le comédien ironise :", "il a téléphoné à"
        lemma = _verb_lemma(t, lex)
        if lemma in lex.verbs or lemma in lex.reflexive:
            return _verb_trigger(t, lemma, lex)
    capitalised = t.is_title and not t.is_sent_start and t.i > 0 and not doc[t.i - 1].is_punct
    if capitalised:
        return None  # a verb form inside a name: "la Lotus Exige Sport"
    if t.pos_ == "VERB" or (t.pos_ == "ADJ" and "Part" in t.morph.get("VerbForm")):
        return _verb_trigger(t, _verb_lemma(t, lex), lex)  # "réclame" lemmatised as itself
    if lemma in lex.words("plural_only_nouns") and "Sing" in t.morph.get("Number"):
        return None  # "le combat contre le cancer" is a cause; "des combats" are fighting
    if t.pos_ == "NOUN" and lemma in lex.nouns and not _in_name(t):
        if _court_appeal(t, lemma, lex):
            return None
        types = lex.nouns[lemma]
        etype = _sense(t, types, lex) if len(types) > 1 else types[0]
        return (t.i, t.i + 1, etype, "noun") if etype else None
    return None


def _verb_trigger(t: Token, lemma: str, lex: Lexicon) -> Trigger | None:
    """A verb trigger: negated, desire, reflexive, plain; None if the verb is not an event."""
    if is_negated(t):
        etype = _negated_type(t, lemma, lex)
        return (t.i, t.i + 1, etype, "negated") if etype else None
    if lemma in lex.words("desire_verbs") and _wishes(t, lex):
        return t.i, t.i + 1, "REQUEST", "desire"
    if _not_an_act(t, lemma, lex):
        return None
    if is_reflexive(t):
        # "s'en prendre à": the clitic "en" is part of the entry
        keys = [f"{lemma} {case_of(c)}" for c in t.children if case_of(c)]  # "s'élever contre"
        if clitic_before(t, frozenset({"en"})):
            keys.insert(0, f"en {lemma}")
        etype = next((lex.reflexive[k][0] for k in [*keys, lemma] if k in lex.reflexive), None)
        if etype:
            return t.i, t.i + 1, etype, "reflexive"
    types = lex.verbs.get(lemma)
    if not types and lemma in lex.words("pledge_verbs") and _pledges(t, lex):
        types = ("AGREE",)
    etype = _object_sense(t, lemma, lex) or (_sense(t, types, lex) if types else None)
    return (t.i, t.i + 1, etype, "verb") if etype else None


def _object_sense(t: Token, lemma: str, lex: Lexicon) -> str | None:
    """A type a verb takes with a given kind of object (*débloquer une aide* aids; *débloquer
    les routes* clears a blockade)."""
    for etype, objects in lex.data.get("object_senses", {}).get(lemma, {}).items():
        if _patient_in(t, frozenset(objects)):
            return etype
    return None


def ended(t: Token, lex: Lexicon) -> bool:
    """Is the noun ``t`` what an ending frame ends (*mettre fin à la grève*)?"""
    frames = lex.data.get("ending_frames", {})
    verb = t.head
    if verb.pos_ not in ("VERB", "AUX") or case_of(t) not in ("à", "au", "aux"):
        return False
    noun = frames.get(lemma_of(verb))
    return noun is not None and any(c.dep_ == "obj" and lemma_of(c) == noun for c in verb.children)
