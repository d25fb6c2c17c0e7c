"""Verb arguments from the dependency tree: who acts (subject, shared subject, *par* agent,
the deciding body), who undergoes (object, passive subject, *contre / avec / à* phrase, the
owner of a criticised thing). Event nouns are in ``event_nouns``; status, date and place in
``event_frame``.
"""

from __future__ import annotations

from spacy.tokens import Token

from lasswell.extract.cues import inverted_pronoun
from lasswell.extract.event_lexicon import Lexicon
from lasswell.extract.event_phrases import (
    OBJECT_CLITICS,
    OF_CASES,
    agentive,
    is_party,
    owner_of,
    party,
    person_like,
    place_entry,
)
from lasswell.extract.places import capital_country
from lasswell.extract.tree import (
    case_of,
    fronted_participle_subject,
    is_passive,
    is_reflexive,
    lemma_of,
)

# A mislabelled object starts right after its verb: at most this many tokens on (*interpeller
# la LICRA*: 1), with no punctuation between; further away it is some other phrase.
BARE_OBJECT_GAP = 3


# Prepositions introducing whom an act is directed at, best first.
_RECIPIENT_CASES = {"contre": 1, "avec": 1, "envers": 1, "auprès de": 2, "à": 3, "au": 3, "aux": 3}


def _subject(t: Token, lex: Lexicon, hops: int = 3, humans: frozenset[str] = frozenset()) -> Token | None:
    """The subject of verb ``t``, shared from the governing verb for conjoined, infinitive or
    participle clauses (*a décidé de faire grève*, *fustigeant …*)."""
    purpose = "Inf" in t.morph.get("VerbForm") and any(
        c.dep_ == "mark" and c.lower_ == "pour" for c in t.children
    )
    for _ in range(hops):
        inverted = _inverted_subject(t)
        if inverted is not None:
            return inverted  # "…, a-t-elle déploré": not the subject of the quoted clause
        if purpose and is_passive(t) and t.dep_ == "ROOT":
            # "Ces éléments ont été jugés suffisants par le parquet pour ouvrir une enquête":
            # things do not act; the passive's agent does the purpose
            patient = next((c for c in t.children if c.dep_ == "nsubj:pass"), None)
            if patient is not None and not is_party(patient, humans or lex.humans):
                return _agent(t)
        reflexive = is_reflexive(t)
        found = [
            c
            for c in t.children
            if c.lower_ not in lex.time_words  # "Vendredi, la ministre a annoncé": a misparsed time word
            and (
                c.dep_ == "nsubj"
                or (c.dep_ == "nsubj:pass" and (reflexive or not is_passive(t)))
                or (c.dep_ == "expl:subj" and c.lower_.lstrip("-") not in ("t", "ce", "il"))
            )
        ]
        if found:
            # two subjects before the verb, a comma or colon between them, are a misparse of a
            # juxtaposition (*Des rassemblements …, Agnès Buzyn annonce …*; a headline's *X : Y
            # demande …*): the nearer is its own
            before = [c for c in found if c.i < t.i]
            if len(before) > 1 and any(x.text in (",", ":") for x in t.doc[before[-2].i : before[-1].i]):
                return before[-1]
            return found[0]
        if _seen_doing(t, lex):
            return t.head
        # a bare participle is no relative clause: "Édouard Philippe s'en prenant à …"
        relative = t.dep_ == "acl:relcl" and any(c.dep_.startswith(("aux", "nsubj")) for c in t.children)
        if (
            t.dep_ in ("acl", "amod", "acl:relcl")
            and not relative
            and t.head.pos_ in ("NOUN", "PROPN")
            and "Part" in t.morph.get("VerbForm")
        ):
            if not _detached(t) or t.head.dep_ in ("nsubj", "nsubj:pass") or person_like(t.head, humans):
                return t.head  # "une trentaine de manifestants réclamant …": the noun acts
            t = _governing_verb(t.head)  # "… s'est adressé à l'électorat, fustigeant …": the subject acts
            continue
        predicate = any(c.dep_ in ("nsubj", "cop") for c in t.head.children)  # "qui sont au côté de"
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.pos_ in ("NOUN", "PROPN") and not predicate:
            # "dénonce une tentative de coup d'État et averti que …": a verb the parser
            # conjoined to the object shares the clause's subject
            t = _governing_verb(t.head)
            continue
        if not (t.dep_ in ("conj", "xcomp", "advcl", "acl") or _infinitive_complement(t)) or t.head.i == t.i:
            return None
        if _controls(t, lex):
            return _controller(t)
        if not t.sent.start <= t.head.i < t.sent.end:
            return None  # the parser joined two sentences: the other one's subject is not this one's
        t = t.head
    return None


def _infinitive_complement(t: Token) -> bool:
    """*a décidé d'interpeller*: a verb after *de* / *à* that the parser labelled as a noun
    complement (and the tagger sometimes as finite) completes its governing verb."""
    return t.pos_ == "VERB" and t.dep_ in ("obl:arg", "obl", "obj") and case_of(t) in ("de", "d'", "à")


def _controls(t: Token, lex: Lexicon) -> bool:
    """Is ``t`` the infinitive of a verb of causing, allowing or perceiving (*a contraint X à se
    retirer*, *a vu X partir*)?"""
    if t.dep_ != "xcomp" or "Inf" not in t.morph.get("VerbForm"):
        return False
    # not "se sont vus infliger une amende", where the subject undergoes the act
    seen = lemma_of(t.head) in lex.words("perception_verbs") and not is_reflexive(t.head)
    return seen or lemma_of(t.head) in lex.words("object_control")


def _seen_doing(t: Token, lex: Lexicon) -> bool:
    """*on voit la journaliste recevoir un coup*: an infinitive the parser hung on the object of
    a verb of perception has that object as its subject."""
    return (
        t.dep_ == "acl"
        and "Inf" in t.morph.get("VerbForm")
        and t.head.dep_ == "obj"
        and lemma_of(t.head.head) in lex.words("perception_verbs")
    )


def _controller(t: Token) -> Token | None:
    """The object that does the infinitive's act (*a contraint les forces serbes à se retirer*),
    not the causer; an object clitic (*l'ont contraint*) names nobody here."""
    obj = next((c for c in t.head.children if c.dep_ == "obj" and c.i < t.i), None) or next(
        (
            c
            for c in t.head.children
            if c.dep_ in ("iobj", "obl:arg") and case_of(c) in ("à", "au", "aux") and c.i < t.i
        ),
        None,
    )  # "permettra au conseil municipal de se réunir"
    if obj is None or obj.pos_ == "PRON" and not person_like(obj, frozenset()):
        return None
    return obj


def _detached(t: Token) -> bool:
    """A present participle set off by a comma (*…, fustigeant les alliances*): an adjunct of
    the clause, whatever noun the parser hung it on."""
    k = t.left_edge.i - 1
    return k >= 0 and t.doc[k].text == "," and "Pres" in t.morph.get("Tense")


def _governing_verb(t: Token) -> Token:
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _inverted_subject(t: Token) -> Token | None:
    """The inverted pronoun of ``t`` (*a-t-il dit*, *dénonce-t-elle*), which the parser hangs on
    the verb or on its auxiliary."""
    doc, sent = t.doc, t.sent
    for k in range(max(sent.start, t.i - 3), min(sent.end, t.i + 3)):
        p = doc[k]
        if inverted_pronoun(p) and (
            p.head.i == t.i or (p.head.head.i == t.i and p.head.dep_.startswith("aux"))
        ):
            return p
    return None


def _agent(t: Token) -> Token | None:
    """The *par* agent of a passive; a bare common noun after *par* is a means (*tués par
    balles*, *par écrit*), not who acts."""
    for c in t.children:
        if c.dep_ == "obl:agent" or case_of(c) == "par":
            bare = c.pos_ == "NOUN" and not any(d.dep_ in ("det", "nummod") for d in c.children)
            return None if bare else c
    # "pointés du doigt par Mediapart", "jugés suffisants par le parquet": the parser hangs the
    # agent on the word completing the participle
    for c in t.children:
        if c.dep_ in ("xcomp", "obl:arg", "obj") and 0 < c.i - t.i <= AGENT_COMPLEMENT_GAP:
            found = next((d for d in c.children if d.i > c.i and case_of(d) == "par"), None)
            if found is not None and (found.pos_ == "PROPN" or any(x.dep_ == "det" for x in found.children)):
                return found
    return None


# A participle's complement (*pointés du doigt*, *jugés suffisants*) starts within this many
# tokens of it; further words belong to another phrase.
AGENT_COMPLEMENT_GAP = 2


def _bare_participle(t: Token) -> bool:
    """*Sylvie Goulard rejetée par la Commission*: a passive participle without auxiliary."""
    if fronted_participle_subject(t) is not None:
        return True  # "Interpellé par la police, le suspect …"
    return (
        "Part" in t.morph.get("VerbForm")
        and "Past" in t.morph.get("Tense")
        and t.dep_ in ("acl", "amod", "ROOT")
        and not any(c.dep_.startswith("aux") or c.dep_ in ("nsubj", "obj") for c in t.children)
    )


def _conjoined_passive(t: Token) -> bool:
    """A past participle conjoined to a passive one shares its voice and arguments."""
    return (
        t.dep_ == "conj"
        and is_passive(t.head)
        and "Part" in t.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") or c.dep_ == "nsubj" for c in t.children)
    )


def verb_args(
    t: Token, etype: str, humans: frozenset[str], lex: Lexicon
) -> tuple[Token | None, Token | None]:
    """(actor, recipient) heads of a verb trigger."""
    undergone = _undergone_verb_args(t, humans, lex)
    if undergone is not None:
        return undergone
    actor = _subject(t, lex, humans=humans)
    ranked = [r for c in t.children if (r := _ranked_recipient(t, c, etype, humans, lex)) is not None]
    if not ranked:
        # "livrer des armes à l'Ukraine", "rend visite aux commerçants": the parser hangs the
        # recipient on the object, or on the bare noun of a verbal locution
        capitals = etype in lex.words("capital_recipient_types")
        ranked = [
            (_RECIPIENT_CASES.get(case_of(d), 2), d)
            for c in t.children
            if c.dep_ == "obj" or c.dep_ == "xcomp" and c.pos_ == "NOUN"
            for d in c.children
            if d.dep_ == "nmod"
            and (case_of(d) in ("à", "au", "aux") or _beneficiary(d, etype, lex))
            and _addressed(d, humans, lex.code, capitals)
        ]
    if ranked:
        return actor, min(ranked, key=lambda x: (x[0], x[1].i))[1]
    return actor, _refused_party(t, etype, humans, lex)


def _undergone_verb_args(
    t: Token, humans: frozenset[str], lex: Lexicon
) -> tuple[Token | None, Token | None] | None:
    """(agent, patient) of a verb whose grammatical subject undergoes it: a bare or fronted
    participle, a passive, a participle conjoined to a passive, *écoper de*; None otherwise."""
    if _bare_participle(t) and not is_reflexive(t):
        patient = fronted_participle_subject(t) or (t.head if t.dep_ != "ROOT" else None)
        party_like = patient is not None and (is_party(patient, humans) or patient.pos_ == "PRON")
        return _agent(t), patient if party_like else None
    if is_passive(t):
        patient = next((c for c in t.children if c.dep_ == "nsubj:pass"), None)
        infinitive = any("Inf" in c.morph.get("VerbForm") for c in t.children if c.dep_.startswith("aux"))
        agent = _agent(t) or decider(t, lex)
        if patient is None and t.dep_ in ("advcl", "xcomp", "conj") and infinitive:
            # "… avaient été enlevés par des rebelles avant d'être relâchés": the governing
            # clause's subject undergoes it, and its agent does it
            patient = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            agent = agent or (_agent(t.head) if is_passive(t.head) else None)
        return agent, party(patient, humans)
    if _conjoined_passive(t):  # "ont été jugés et condamnés par la justice"
        patient = next((c for c in t.head.children if c.dep_ == "nsubj:pass"), None)
        return _agent(t) or _agent(t.head) or decider(t, lex) or decider(t.head, lex), patient
    if lemma_of(t) in lex.words("subject_undergoes"):
        return _agent(t), _subject(t, lex)  # "X a écopé de six mois": X is sanctioned
    return None


def _ranked_recipient(
    t: Token, c: Token, etype: str, humans: frozenset[str], lex: Lexicon
) -> tuple[int, Token] | None:
    """The dependent ``c`` of verb ``t`` as a recipient candidate, with its rank (lower is
    better: an object, then *sur*, *pour*, *contre / avec*, *à*, an owner, a clause subject)."""
    if c.dep_ == "ccomp":
        if etype not in lex.words("clause_subject_is_recipient"):
            return None
        # "La Russie souhaite que l'OTAN retire …": who is asked is the clause's subject
        subject = next((s for s in c.children if s.dep_ == "nsubj" and person_like(s, humans)), None)
        return (5, subject) if subject is not None else None
    case = case_of(c)
    clitic = c.pos_ == "PRON" and c.lower_ in OBJECT_CLITICS and c.nbor(1).lower_ != "on"  # not "l'on"
    targeted = etype not in lex.words("object_not_recipient") or lemma_of(t) in lex.words("object_targeted")
    if c.dep_ in ("obj", "iobj") and clitic:
        return (0, c) if targeted else None
    if not (person_like(c, humans) or agentive(c) and _direct_or_with(c)):
        # "se moque du selfie des ministres": the owner of what a reflexive criticism is about
        about = c.dep_.startswith("obl") and case in OF_CASES and is_reflexive(t) and etype == "ACCUSE"
        owner_types = lex.words("owner_is_recipient")
        owned = (c.dep_ == "obj" or about) and (
            etype in owner_types or lemma_of(t) in lex.words("object_targeted")
        )
        owner = owner_of(c, humans) if owned else None
        if owner is None and etype == "REQUEST" and (c.dep_ == "obj" or case in ("à", "au", "aux")):
            owner = _asked_to_act(c, humans, lex)
        return (4, owner) if owner is not None else None
    # an object the parser labelled nmod/obl without a preposition (*interpeller la LICRA*)
    bare = (
        c.dep_ in ("nmod", "obl:mod", "obl:arg")
        and 0 < c.left_edge.i - t.i <= BARE_OBJECT_GAP
        and not any(x.is_punct for x in t.doc[t.i : c.left_edge.i])
        and c.lower_ not in lex.time_words
    )
    # "accusé l'Élysée de tenir …": an object the parser took for a predicative complement;
    # a true one has no determiner (*nommé ministre*)
    mistaken = c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN") and any(d.dep_ == "det" for d in c.children)
    oblique = c.dep_.startswith("obl")
    if (c.dep_ in ("obj", "iobj") or bare or mistaken) and not case:
        return (0, c) if c.dep_ == "iobj" or targeted else None
    if oblique and case == "pour" and etype in lex.words("beneficiary_types"):
        return (2, c)  # "a débloqué dix millions pour les agriculteurs"
    if oblique and case == "sur" and etype in lex.words("target_on_types"):
        return (1, c)  # "a tiré des roquettes sur Israël", "a tiré sur la foule"
    if oblique and case in OF_CASES and is_reflexive(t) and etype == "ACCUSE":
        return (3, c)  # "se moque des ministres", "se plaint du préfet"
    if oblique and case in _RECIPIENT_CASES:
        capitals = etype in lex.words("capital_recipient_types")
        if (
            c.ent_type_ == "LOC"
            and case in ("à", "au", "aux", "en")
            and not _country_addressed(c, lex.code, capitals)
        ):
            return None  # "à Genève" is where, not whom
        return (_RECIPIENT_CASES[case], c)
    return None


def _asked_to_act(c: Token, humans: frozenset[str], lex: Lexicon) -> Token | None:
    """Who a demand for an act is addressed to: the act's doer (*l'intervention de la police*)
    or the parties between whom it is to happen (*la reprise du dialogue entre l'État et les
    syndicats*), when the act is one of ``requested_acts``."""
    acts = lex.words("requested_acts")
    chain = [c, *(d for d in c.children if d.dep_ == "nmod" and case_of(d) in OF_CASES)]
    for act in (a for a in chain if lemma_of(a) in acts):
        for d in act.children:
            between = case_of(d) == "entre" and any(x.dep_ == "conj" for x in d.children)
            doer = case_of(d) in OF_CASES and (person_like(d, humans) or agentive(d))
            if d.dep_ == "nmod" and (between or doer):
                return d
    return None


def _refused_party(t: Token, etype: str, humans: frozenset[str], lex: Lexicon) -> Token | None:
    """Whom a refusal is aimed at: the party of the refused act (*a refusé de négocier avec les
    grévistes*, *refuse de reconnaître le Kosovo*)."""
    if etype not in lex.words("content_party_types"):
        return None
    content = next(
        (c for c in t.children if c.dep_ in ("xcomp", "ccomp") and "Inf" in c.morph.get("VerbForm")), None
    )
    return verb_args(content, etype, humans, lex)[1] if content is not None else None


def _beneficiary(c: Token, etype: str, lex: Lexicon) -> bool:
    """*pour X* after aid: X receives it."""
    return case_of(c) == "pour" and etype in lex.words("beneficiary_types")


def _country_addressed(c: Token, code: str, capitals: bool = False) -> bool:
    """*à l'Ukraine*, *à la Russie*: a country after *à* and its article is a recipient (a
    country as a place takes *en / au / aux*: *en Ukraine*, *au Mali*). With ``capitals``, a
    capital standing for its government too (*demande des comptes à Bruxelles*)."""
    if case_of(c) != "à":
        return False
    if capitals and capital_country(c.text, code):
        return True
    if not any(d.dep_ == "det" for d in c.children):
        return False
    entry = place_entry(c, code)
    return entry is not None and entry.kind == "country"


def _addressed(c: Token, humans: frozenset[str], code: str, capitals: bool = False) -> bool:
    """Is the *à* phrase ``c`` a party an act is directed at, not a place?"""
    if c.ent_type_ == "LOC":
        return _country_addressed(c, code, capitals)
    return person_like(c, humans) or agentive(c)


def _direct_or_with(c: Token) -> bool:
    """An object or a *avec / contre* phrase, where a plural noun of people by its ending is
    whom the act is directed at (*s'entretient avec les pompiers*, *déloger les casseurs*);
    after *à* such endings also name places (*aux frontières*)."""
    return c.dep_ == "obj" or case_of(c) in ("avec", "contre", "envers")


def decider(t: Token, lex: Lexicon) -> Token | None:
    """Who decided an act whose doer is not named: an institution's adjective on it (*la
    dérogation préfectorale*) or on the decision it was taken by (*sur décision préfectorale*,
    *sur ordre du préfet*, ``decision_nouns``)."""
    adjectives = lex.data.get("institution_adjectives", {})
    # "sur le réseau autoroutier et sur décision préfectorale": a conjoined phrase counts too
    kids = [
        *t.children,
        *(d for c in t.children if c.dep_.startswith("obl") for d in c.children if d.dep_ == "conj"),
    ]
    for c in kids:
        if c.dep_ == "amod" and lemma_of(c) in adjectives:
            return c
        if (c.dep_.startswith("obl") or c.dep_ == "conj") and lemma_of(c) in lex.words("decision_nouns"):
            for d in c.children:
                if (d.dep_ == "amod" and lemma_of(d) in adjectives) or (
                    d.dep_ == "nmod" and case_of(d) in OF_CASES and person_like(d, lex.humans)
                ):
                    return d
    return None


def court_in_sentence(t: Token, lex: Lexicon) -> Token | None:
    """The court named in the trigger's sentence, the nearest first: who convicts when the
    sentence says where (*Au tribunal de Poitiers, deux Gilets jaunes … ont écopé de …*)."""
    courts = lex.words("court_bodies")
    found = [
        c for c in t.sent if c.i != t.i and c.pos_ == "NOUN" and lemma_of(c) in courts and _court(c, lex)
    ]
    return min(found, key=lambda c: abs(c.i - t.i)) if found else None


def _court(c: Token, lex: Lexicon) -> bool:
    """*cour* is a court only with its kind (*cour d'assises*, *Cour de cassation*), not in
    *une cour de promenade*."""
    if lemma_of(c) not in lex.words("court_needs_kind"):
        return True
    kinds = lex.words("court_kinds")
    return any(lemma_of(x) in kinds or x.lower_ in kinds for x in c.doc[c.i + 1 : c.i + 4])
