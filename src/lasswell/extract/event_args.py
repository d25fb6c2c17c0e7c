"""Event arguments from the dependency tree: who acts (subject, *par* agent, the doer of an
event noun), who undergoes (object, passive subject, *contre / avec / à* phrase, the owner of
a criticised thing). Status, date and place are in ``event_frame``.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from lasswell.extract.cues import inverted_pronoun, lemmas
from lasswell.extract.event_lexicon import Lexicon
from lasswell.extract.event_phrases import (
    OBJECT_CLITICS,
    OF_CASES,
    agentive,
    is_party,
    is_town,
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
    undergoer = _undergoer(t, lex)
    if undergoer is not None:
        # "X fait l'objet d'une enquête", "X est la cible de critiques": X undergoes it, and
        # is not its actor (the support verb's subject)
        own = actor if actor is not None and actor.dep_ != "det" else None
        return own, undergoer if is_party(undergoer, humans) else recipient
    if (
        recipient is not None
        and recipient.dep_ == "det"
        and t.dep_ == "obj"
        and lemmas(t.head) & lex.words("support_verbs")
    ):
        # "la commission continue ses auditions": the possessor of a support verb's object is
        # its subject, who holds the hearings
        actor, recipient = recipient, None
    return _clause_actor(t, actor, etype, lex, events), _clause_recipient(t, recipient, etype, humans, lex)


def _own_noun_args(
    t: Token, etype: str, humans: frozenset[str], lex: Lexicon
) -> tuple[Token | None, Token | None, bool]:
    """(actor, recipient, final) from the noun's own dependents (its possessive, *de*, *par*,
    *contre*, *à* phrases); final when *entre X et Y* names both sides."""
    actor = recipient = None
    patient_noun = _patient_noun(t, lex)
    for c in _children_through_time(t, lex):
        case = case_of(c)
        if c.dep_ == "det" and "Poss=Yes" in str(c.morph):
            if patient_noun:
                recipient = c  # "sa garde à vue", "son arrestation": the possessor undergoes it
            else:
                actor = c
        elif c.dep_ in ("nsubj", "nsubj:pass") and actor is None:
            actor = c  # a verbless or misparsed clause: "L'Australie enquête sur …"
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
        elif c.dep_ == "nmod" and case in ("à", "au", "aux") and etype in lex.words("owner_is_recipient"):
            # "Feu vert du gouvernement à l'installation des conseils": whose act it allows
            owner = owner_of(c, humans, depth=1) if _act_noun(c) else None
            recipient = recipient or (owner if owner is not None and owner.dep_ != "det" else None)
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


# Endings of nouns of acts (*installation*, *candidature*, *lancement*, *adhésion*): an *à*
# phrase headed by one names an act whose owner can be the recipient; locutions such as *au
# sein de*, *à la tête de*, *à la suite de* have other heads.
_ACT_ENDINGS = ("tion", "sion", "ment", "ture", "ance", "ence", "age")


def _act_noun(c: Token) -> bool:
    return c.pos_ == "NOUN" and c.ent_type_ == "" and c.lower_.endswith(_ACT_ENDINGS)


def _verb_recipient(verb: Token, humans: frozenset[str], code: str, owned: bool = False) -> Token | None:
    """The party a verb's *à / avec / contre* phrase names, for the event noun it carries;
    with ``owned``, else the owner of the act that phrase names (*donne son feu vert à
    l'installation des conseils municipaux*)."""
    phrases = [c for c in verb.children if c.dep_.startswith("obl") and case_of(c) in _RECIPIENT_CASES]
    ranked = [(_RECIPIENT_CASES[case_of(c)], c) for c in phrases if _addressed(c, humans, code)]
    if not ranked and owned:
        ranked = [
            (_RECIPIENT_CASES[case_of(c)], o)
            for c in phrases
            if case_of(c) in ("à", "au", "aux")
            and _act_noun(c)
            and (o := owner_of(c, humans, depth=1)) is not None
            and o.dep_ != "det"
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
