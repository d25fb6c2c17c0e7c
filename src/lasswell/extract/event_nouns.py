"""Event-noun arguments: who does the act a noun names (its possessive, *de* / *par* phrase,
the support verb's subject, a deciding body, a participant) and who undergoes it (its *contre /
à* phrase, the subject of *faire l'objet de*, the owner of the act named after *à*). Verb
arguments are in ``event_args``.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from lasswell.extract.cues import lemmas
from lasswell.extract.event_args import (
    _RECIPIENT_CASES,
    _addressed,
    _agent,
    _beneficiary,
    _governing_verb,
    _subject,
    decider,
)
from lasswell.extract.event_lexicon import Lexicon
from lasswell.extract.event_phrases import (
    OF_CASES,
    agentive,
    is_party,
    is_town,
    owner_of,
    party,
    person_like,
)
from lasswell.extract.tree import case_of, is_passive, lemma_of


def _investigated(t: Token, humans: frozenset[str]) -> Token | None:
    """Who an inquiry is about (*enquête sur X*): X if a party, else the doer of the act it
    examines (*sur l'agression de reporters par la police* → la police)."""
    about = next((c for c in t.children if case_of(c) == "sur"), None)
    if about is None:
        return None
    if person_like(about, humans):
        return about
    return next((c for c in about.children if c.dep_ in ("nmod", "obl:agent") and case_of(c) == "par"), None)


def noun_args(
    t: Token, etype: str, humans: frozenset[str], lex: Lexicon, events: Collection[int] = ()
) -> tuple[Token | None, Token | None]:
    """(actor, recipient) heads of a noun trigger; ``events``: the verb triggers of the text."""
    actor, recipient, final = _own_noun_args(t, etype, humans, lex)
    if final:
        return actor, recipient
    if t.dep_ == "nmod" and case_of(t) in OF_CASES and lemma_of(t.head) in lex.words("frame_nouns"):
        # "les gilets jaunes poursuivent leurs opérations de blocage": the frame's actor (not
        # its undergoer: "les États-Unis sont secoués par une vague de manifestations")
        return actor or noun_args(t.head, etype, humans, lex, events)[0], recipient
    undergoer = _undergoer(t, lex)
    if undergoer is not None:
        # "X fait l'objet d'une enquête", "X est la cible de critiques": X undergoes it, and
        # is not its actor (the support verb's subject)
        own = actor if actor is not None and actor.dep_ != "det" else None
        return own, undergoer if is_party(undergoer, humans) else recipient
    return _clause_actor(t, actor, etype, lex, events), _clause_recipient(t, recipient, etype, humans, lex)


def _own_noun_args(
    t: Token, etype: str, humans: frozenset[str], lex: Lexicon
) -> tuple[Token | None, Token | None, bool]:
    """(actor, recipient, final) from the noun's own dependents (its possessive, *de*, *par*,
    *contre*, *à* phrases); final when *entre X et Y* names both sides."""
    actor = recipient = None
    patient_noun = _patient_noun(t, lex)
    # "la commission continue ses auditions": a support verb's subject holds its object's act
    supported = t.dep_ == "obj" and bool(lemmas(t.head) & lex.words("support_verbs"))
    for c in _children_through_time(t, lex):
        case = case_of(c)
        if c.dep_ == "det" and "Poss=Yes" in str(c.morph):
            if patient_noun and not supported:
                recipient = c  # "sa garde à vue", "son arrestation": the possessor undergoes it
            else:
                actor = c
        elif (
            c.dep_ in ("nsubj", "nsubj:pass")
            and actor is None
            and (c.pos_ != "PRON" or person_like(c, humans))
        ):
            actor = c  # a verbless or misparsed clause: "L'Australie enquête sur …"; not a cleft's "c'"
        elif c.dep_ == "nmod" and case in OF_CASES and is_town(c, lex.code):
            continue  # "l'offensive de Manbij", "les pourparlers de Genève": where, not who
        elif c.dep_ == "nmod" and case in OF_CASES and (person_like(c, humans) or agentive(c)):
            if patient_noun:
                recipient = c
            elif actor is None:
                actor = c
        elif c.dep_ == "nmod" and case == "par":
            actor = c
        elif c.dep_ == "nmod" and case in OF_CASES and lemma_of(c) == "part":
            # "des critiques de la part de certains députés": who they come from
            source = next((x for x in c.children if x.dep_ == "nmod" and case_of(x) in OF_CASES), None)
            actor = source if source is not None else actor
        elif c.dep_ == "nmod" and case == "entre" and any(x.dep_ == "conj" for x in c.subtree):
            # "la guerre du Kosovo entre forces serbes et guérilla", "un clash entre X et Y": both act
            return c, None, True
        elif c.dep_ == "nmod" and case in ("contre", "avec", "envers", "entre", "à l' encontre de"):
            recipient = party(c, humans) or recipient  # not "une manifestation contre le racisme"
        elif c.dep_ == "acl" and lemma_of(c) in lex.words("doing_participles") and actor is None:
            actor = _agent(c) if "Part" in c.morph.get("VerbForm") else None  # "l'offensive lancée par X"
        elif c.dep_ == "acl" and lemma_of(c) in lex.words("targeting_verbs"):
            target = next((x for x in c.children if x.dep_ == "obj"), None)  # "une enquête visant le couple"
            recipient = target if target is not None and is_party(target, humans) else recipient
        elif (
            c.dep_ == "nmod"
            and (case in ("à", "au", "aux") or _beneficiary(c, etype, lex))
            and _addressed(c, humans, lex.code)
        ):
            recipient = c  # "son soutien à l'Ukraine", "l'aide aux réfugiés"
        elif c.dep_ == "nmod" and etype in lex.words("owner_is_recipient"):
            # "Feu vert du gouvernement à l'installation des conseils": whose act it allows
            recipient = recipient or _act_owner(c, humans)
    return actor, recipient, False


def _patient_noun(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` (with the words after it) a noun whose *de* phrase or possessive undergoes
    the act (``patient_nouns``: *arrestation*, *mise en examen*, *garde à vue*)?"""
    words = " ".join(lemma_of(w) for w in t.doc[t.i : t.i + 3])
    return any(words == n or words.startswith(n + " ") for n in lex.words("patient_nouns"))


def _support_verb(t: Token) -> Token | None:
    """The verb the event noun ``t`` is the object of (*a mené une offensive*; *ont mené fin
    août une offensive*, where a time phrase before the object makes it obl:mod)."""
    as_object = t.dep_ in ("obj", "obl:arg") or (t.dep_ == "obl:mod" and not case_of(t))
    return t.head if as_object and t.head.pos_ in ("VERB", "AUX") else None


def _clause_actor(
    t: Token, actor: Token | None, etype: str, lex: Lexicon, events: Collection[int]
) -> Token | None:
    """The event noun's actor from its clause, when its own dependents name none (or only a
    possessive): a support verb's subject, a passive's agent, a deciding body, a participant."""
    verb = _support_verb(t)
    if _met_with(t) is not None:
        actor = actor or (_agent(t.head) if not case_of(t).startswith("par") else None)
    undergone = lex.words("subject_undergoes") | lex.words("undergone_nouns_verbs")
    support = lex.words("support_verbs") | frozenset(lex.data.get("ending_frames", {}))
    # "sont en grève", "en visite au salon"; "ont eu recours à des gaz", "ont riposté avec des gaz"
    state = (
        t.dep_.startswith("obl") and case_of(t) in ("en", "à", "au", "aux", "avec") and not is_passive(t.head)
    )
    undergoes = verb is not None and lemma_of(verb) in undergone
    if verb is not None and lemma_of(verb) in lex.words("voicing_verbs") and t.dep_ == "obj":
        actor = _subject(verb, lex) or actor  # "Sherman a répété les avertissements de l'administration"
    if actor is None and not undergoes and (verb is not None and lemma_of(verb) in support or state):
        actor = _subject(t.head, lex) if t.head.pos_ in ("VERB", "AUX") else None
    if (
        actor is not None
        and actor.dep_ == "det"
        and t.dep_ == "obj"
        and lemmas(t.head) & lex.words("support_verbs")
    ):
        # "Le gouvernement donne son feu vert": the possessive of a support verb's object is its
        # subject (not so "la presse a révélé ses négociations")
        actor = _subject(t.head, lex) or actor
    if actor is not None and actor.dep_ == "det" and _fronted_circumstance(t) and etype not in _UNDERGONE:
        # "Après sa visite, Laurent Nunez a demandé …": the possessive announces the subject
        subject = _subject(t.head, lex) if t.head.pos_ in ("VERB", "AUX") else None
        actor = subject if subject is not None and _same_number(actor, subject) else actor
    if actor is None:
        actor = decider(t, lex)  # "la dérogation préfectorale", "l'interdiction sur ordre du préfet"
    if actor is None and etype == "CONSULT" and _during(t, lex):
        actor = _participant(t, lex)  # "Lors d'une visite aux commerçants, Bruno Le Maire a affirmé …"
    if (
        actor is None
        and t.dep_ in ("nsubj:pass", "nsubj")
        and t.head.pos_ == "VERB"
        and t.head.i not in events
    ):
        # "des enquêtes ont été ouvertes par l'IGPN"; not "les manifestations ont été dispersées
        # par la police", whose agent is the dispersal's
        actor = _agent(t.head)
    return actor


def _clause_recipient(
    t: Token, recipient: Token | None, etype: str, humans: frozenset[str], lex: Lexicon
) -> Token | None:
    """The event noun's recipient from its clause, when its own dependents name none."""
    recipient = recipient or _backed(t, etype, lex)
    if recipient is None and etype in lex.words("investigated_types"):
        recipient = _investigated(t, humans)
    met = _met_with(t)
    if met is not None:
        # "ils ont été dispersés avec du gaz", "il a été accueilli par un concert de casseroles":
        # the passive's subject undergoes the act the noun names
        recipient = recipient or party(met, humans)
    verb = _support_verb(t)
    if verb is not None and lemma_of(verb) in lex.words("subject_undergoes") | lex.words(
        "undergone_nouns_verbs"
    ):
        recipient = recipient or _subject(verb, lex)  # "X a essuyé des critiques": X is criticised
    if (
        verb is not None
        and lemma_of(verb) in lex.words("provoking_verbs")
        and etype in lex.words("provoked_types")
    ):
        # "la venue de Greta Thunberg a suscité de vives critiques": she is criticised
        cause = _subject(verb, lex)
        if cause is not None and recipient is None:
            recipient = cause if is_party(cause, humans) else owner_of(cause, humans)
    if recipient is None and t.dep_ in ("obj", "obl:arg", "nsubj", "nsubj:pass") and t.head.pos_ == "VERB":
        owned = etype in lex.words("owner_is_recipient")
        recipient = _verb_recipient(t.head, humans, lex.code, owned)  # "rend visite aux commerçants"
    return recipient


def _met_with(t: Token) -> Token | None:
    """The subject of the passive verb that the event noun ``t`` is the means or the agent of
    (*dispersés avec du gaz*, *accueilli par un concert de casseroles*)."""
    if not (t.dep_.startswith("obl") and case_of(t).split(" ")[0] in ("avec", "par") and is_passive(t.head)):
        return None
    return next((c for c in t.head.children if c.dep_ == "nsubj:pass"), None)


def _children_through_time(t: Token, lex: Lexicon) -> list[Token]:
    """The dependents of ``t``, and those the parser hung on a time word after it (*une visite
    ce dimanche aux commerçants*, *la réunion lundi soir du bureau exécutif*)."""
    out, todo = [], list(t.children)
    while todo:
        c = todo.pop(0)
        out.append(c)
        if c.dep_ == "nmod" and c.i > t.i and c.lower_ in lex.time_words:
            todo.extend(c.children)
    return out


def _undergoer(t: Token, lex: Lexicon) -> Token | None:
    """The subject of *faire l'objet de*, *être la cible de* (``undergo_frames``) before the
    event noun ``t``: who undergoes it."""
    if case_of(t) not in OF_CASES:
        return None
    frames = lex.data.get("undergo_frames", {})
    h = t.head  # "l'objet d'une enquête", or the verb when the parser hangs the noun on it
    nouns = [h] if h.pos_ == "NOUN" else [c for c in h.children if c.dep_ == "obj" and c.i < t.i]
    for noun in nouns:
        cop = next((c for c in noun.children if c.dep_ == "cop"), None)
        verb = cop if cop is not None else noun.head
        if lemma_of(noun) in frames.get(lemma_of(verb), ()):
            return _subject(noun if cop is not None else verb, lex)
    return None


def _backed(t: Token, etype: str, lex: Lexicon) -> Token | None:
    """*L'armée intervient avec le soutien des États-Unis*: the clause's subject is backed."""
    if etype not in lex.words("backing_types") or not t.dep_.startswith("obl"):
        return None
    if case_of(t) not in lex.words("backing_cases") or t.head.pos_ not in ("VERB", "AUX"):
        return None
    return _subject(t.head, lex)


# Endings of nouns of acts (*installation*, *candidature*, *lancement*, *adhésion*): an *à*
# phrase headed by one names an act whose owner can be the recipient; locutions such as *au
# sein de*, *à la tête de*, *à la suite de* have other heads.
_ACT_ENDINGS = ("tion", "sion", "ment", "ture", "ance", "ence", "age")


def _act_owner(c: Token, humans: frozenset[str]) -> Token | None:
    """The party whose act the *à* phrase ``c`` names (*à l'installation des conseils*), if
    ``c`` is headed by a noun of an act; a possessive is not named."""
    act = case_of(c) in ("à", "au", "aux") and c.pos_ == "NOUN" and not c.ent_type_
    owner = owner_of(c, humans, depth=1) if act and c.lower_.endswith(_ACT_ENDINGS) else None
    return owner if owner is not None and owner.dep_ != "det" else None


def _verb_recipient(verb: Token, humans: frozenset[str], code: str, owned: bool = False) -> Token | None:
    """The party a verb's *à / avec / contre* phrase names, for the event noun it carries;
    with ``owned``, else the owner of the act that phrase names (*donne son feu vert à
    l'installation des conseils municipaux*)."""
    phrases = [c for c in verb.children if c.dep_.startswith("obl") and case_of(c) in _RECIPIENT_CASES]
    ranked = [(_RECIPIENT_CASES[case_of(c)], c) for c in phrases if _addressed(c, humans, code)]
    if not ranked and owned:
        ranked = [
            (_RECIPIENT_CASES[case_of(c)], o) for c in phrases if (o := _act_owner(c, humans)) is not None
        ]
    return min(ranked, key=lambda x: (x[0], x[1].i))[1] if ranked else None


# Acts whose possessor usually undergoes them (*sa garde à vue*, *son arrestation*).
_UNDERGONE = frozenset({"COERCE", "SANCTION", "ASSAULT"})


def _same_number(possessive: Token, subject: Token) -> bool:
    """Does a possessive (*son*, *leurs*) agree in number with the subject it may announce?"""
    owner_plural = possessive.lower_ in ("leur", "leurs")
    subject_plural = "Plur" in subject.morph.get("Number") or any(c.dep_ == "conj" for c in subject.children)
    return owner_plural == subject_plural


def _fronted_circumstance(t: Token) -> bool:
    """An event noun in a time phrase opening its clause (*Après sa visite, X …*, *Lors de son
    discours, X …*), before the verb it modifies."""
    case = case_of(t).split(" ")[0]
    return (
        t.dep_ == "obl:mod"
        and t.i < t.head.i
        and case in ("après", "avant", "lors", "pendant", "durant", "dès")
    )


def _during(t: Token, lex: Lexicon) -> bool:
    """A meeting or visit set as the circumstance of a clause (*lors d'une visite*, *pendant
    la réunion*; the parser makes *lors* an adverb heading the noun)."""
    cases = lex.words("circumstance_cases")
    if t.head.lower_ in cases and t.head.i < t.i:
        return True
    return t.dep_.startswith("obl") and case_of(t) in cases


def _participant(t: Token, lex: Lexicon) -> Token | None:
    """The subject of the clause a circumstantial meeting or visit belongs to, passive or not
    (*lors d'une visite, le candidat a été accueilli par …*)."""
    verb = _governing_verb(t.head if t.head.pos_ == "ADV" else t)
    if verb.i == t.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subject if subject is not None else _subject(verb, lex)
