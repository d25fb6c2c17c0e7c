"""Parse repairs: a spaCy component that mends systematic failures of the French parser.

A compound tense interrupted by an inserted phrase (*François Fillon a, lors de l'émission,
accusé l'Élysée*; *Il avait d'ailleurs déjà été accueilli par …*) leaves the auxiliary as the
sentence's root with the subject, and hangs the participle elsewhere (on a noun of the inserted
phrase, or as a clause complement). Every reader of the tree then loses the verb's subject.
The repair makes the participle the root and the auxiliary its ``aux:tense`` again.

Smaller mends of the same kind, each checked on unseen articles:

- a verb's object labelled as a second subject (*les forces de l'ordre évacuaient les nombreux
  manifestants*) is relabelled ``obj``;
- two subjects joined by *et* and both hung on the verb become one coordination;
- a noun hung on the verb as its conjunct joins the complement before *et* (*interpeller la
  LICRA et SOS Racisme*);
- a name conjoined to a name but hung on a noun higher up joins that name (*certains députés
  Les Républicains et Rassemblement national*);
- a role and its holder's name, both hung on the verb as subjects, become one phrase with the
  second in apposition (*un ancien leader des « gilets jaunes », Eric Drouet, a été exfiltré*);
- a subject hung on a fronted adjunct (*Vers 18h00, Anne Hidalgo … va donner*) is the verb's.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT = "lasswell_parse_repair"
_FINITE_POS = ("VERB", "AUX")


def _past_participle(t: Token) -> bool:
    return t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense")


def _stranded_participle(sent: Span) -> tuple[Token, Token] | None:
    """(auxiliary, participle) when the root of ``sent`` is *avoir* as an auxiliary with a subject
    and the first verb after it is a past participle without its own tense auxiliary."""
    root = sent.root
    if root.pos_ != "AUX" or root.lemma_ != "avoir" or not any(c.dep_ == "nsubj" for c in root.children):
        return None
    for t in sent.doc[root.i + 1 : sent.end]:
        if t.pos_ in _FINITE_POS and not _past_participle(t) and t.dep_ not in ("aux:pass", "aux:tense"):
            return None  # another verb first: *avoir* is the main verb (*il a 40 ans, dit-il*)
        if _past_participle(t):
            own_aux = any(c.dep_ == "aux:tense" for c in t.children)
            return None if own_aux else (root, t)
    return None


def reattach(aux: Token, participle: Token) -> None:
    """Make ``participle`` the root of the auxiliary's sentence and ``aux`` its auxiliary."""
    dependents = [c for c in aux.children if c.i != participle.i]
    participle.head = participle
    participle.dep_ = "ROOT"
    passive = any(c.dep_ == "aux:pass" for c in participle.children)
    for c in dependents:
        c.head = participle
        if c.dep_ == "nsubj" and passive:
            c.dep_ = "nsubj:pass"
    aux.head = participle
    aux.dep_ = "aux:tense"


def _second_subject(verb: Token) -> Token | None:
    """The object the parser took for a second subject: a verb with a subject before it and a
    determined noun after it also labelled ``nsubj`` (*les forces de l'ordre évacuaient les
    nombreux manifestants*). A verb has one subject; a true inverted one (*a dit le ministre*)
    comes with no subject right before the verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 2 or not subjects[0].i < verb.i < subjects[1].i:
        return None
    before, after = subjects
    if any(w.is_punct or w.pos_ == "PUNCT" for w in verb.doc[before.right_edge.i + 1 : verb.i]):
        return None  # "« … soient ouverts », prévient le président": a quote's inverted subject
    determined = any(c.dep_ == "det" for c in after.children)
    return after if verb.pos_ == "VERB" and after.pos_ == "NOUN" and determined else None


def _coordinated_subject(verb: Token) -> tuple[Token, Token] | None:
    """(first, second) subjects of ``verb`` that are one coordination (*Un travailleur du
    secteur de la santé et un patient avaient été tués*, both hung on the verb): both before
    it, the second right after *et* / *ou*."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i]
    if len(subjects) != 2 or subjects[0].dep_ != subjects[1].dep_:
        return None
    first, second = subjects
    k = second.left_edge.i - 1
    cc = verb.doc[k] if k > first.i else None
    if cc is None or cc.text.lower() not in ("et", "ou") or cc.head.i not in (verb.i, second.i):
        return None
    return first, second


def _apposed_subject(verb: Token) -> tuple[Token, Token] | None:
    """(head, apposition) when a role and its holder's name, or a name and its role, are both
    hung on the verb as subjects (*un ancien leader des « gilets jaunes », Eric Drouet, a été
    exfiltré*): both before it, only a comma (and quotation marks) between them, one a person's
    name and the other a common noun."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i]
    if len(subjects) != 2 or subjects[0].dep_ != subjects[1].dep_:
        return None
    first, second = subjects
    between = verb.doc[first.right_edge.i + 1 : second.left_edge.i]
    if not between or any(w.text not in _APPOSITION_MARKS for w in between):
        return None
    if "," not in {w.text for w in between}:
        return None
    kinds = {_name_or_noun(first), _name_or_noun(second)}
    return (first, second) if kinds == {"name", "noun"} else None


# What may stand between a phrase and the phrase apposed to it: a comma, quotation marks.
_APPOSITION_MARKS = frozenset({",", '"', "»", "«", "“", "”"})


def _name_or_noun(t: Token) -> str | None:
    if t.pos_ == "PROPN" and t.ent_type_ == "PER":
        return "name"
    return "noun" if t.pos_ == "NOUN" else None


def _noun_conjoined_to_verb(verb: Token) -> tuple[Token, Token, Token] | None:
    """(first noun, conjunction, second noun) of one coordination whose second noun the parser
    hung on the verb as a conjunct (*interpeller la LICRA et SOS Racisme*: *SOS* a ``conj`` of
    the verb); the first is the verb's complement ending right before *et* / *ou*."""
    for second in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
        if second.pos_ not in ("NOUN", "PROPN"):
            continue
        cc = _conjunction_before(second, verb)
        if cc is None:
            continue
        first = next(
            (
                c
                for c in verb.children
                if c.dep_ in _COMPLEMENTS and c.pos_ in ("NOUN", "PROPN") and c.right_edge.i == cc.i - 1
            ),
            None,
        )
        if first is not None:
            return first, cc, second
    return None


def _conjunction_before(second: Token, verb: Token) -> Token | None:
    """The *et* / *ou* that opens the conjunct ``second`` (its own ``cc``, or the verb's right
    before the conjunct's phrase)."""
    own = next((c for c in second.children if c.dep_ == "cc" and c.i < second.i), None)
    cc = own or (verb.doc[second.left_edge.i - 1] if second.left_edge.i > 0 else None)
    if cc is None or cc.text.lower() not in ("et", "ou") or cc.head.i not in (verb.i, second.i):
        return None
    if any(t.text.lower() in ("non", "pas", "jamais") for t in verb.doc[cc.i + 1 : second.i]):
        return None  # "un mouvement et non pas une association": a contrast, not a coordination
    return cc


_COMPLEMENTS = frozenset({"obj", "iobj", "nmod", "obl:arg", "obl:mod"})


def _subject_on_adjunct(verb: Token) -> Token | None:
    """The subject the parser hung on a fronted adjunct (*Vers 18h00, Anne Hidalgo, la maire
    de Paris, va donner …*: *Anne Hidalgo* made a complement of *18h00*): a complement with no
    preposition, between the adjunct and a verb that has no subject."""
    if any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") for c in verb.children):
        return None
    for adjunct in (c for c in verb.children if c.dep_ == "obl:mod" and c.i < verb.i):
        for c in adjunct.children:
            caseless = c.dep_ == "nmod" and not any(d.dep_ == "case" for d in c.children)
            named = c.pos_ == "PROPN" or c.pos_ == "NOUN" and any(d.dep_ == "det" for d in c.children)
            if caseless and named and adjunct.i < c.i < verb.i:
                return c
    return None


def _mend_arguments(verb: Token) -> None:
    """The subject and object repairs around one verb."""
    obj = _second_subject(verb)
    if obj is not None:
        obj.dep_ = "obj"
    pair = _coordinated_subject(verb)
    if pair is not None:
        first, second = pair
        cc = verb.doc[second.left_edge.i - 1]
        second.head, second.dep_ = first, "conj"
        cc.head, cc.dep_ = second, "cc"
    nouns = _noun_conjoined_to_verb(verb)
    if nouns is not None:
        first, cc, second = nouns
        second.head = first
        cc.head, cc.dep_ = second, "cc"
    apposed = _apposed_subject(verb)
    if apposed is not None:
        head, name = apposed
        name.head, name.dep_ = head, "appos"
    subject = _subject_on_adjunct(verb) if "Fin" in verb.morph.get("VerbForm") else None
    if subject is not None:
        subject.head, subject.dep_ = verb, "nsubj"


def _name_conjoined_too_high(t: Token) -> Token | None:
    """The name a conjoined name belongs with, when the parser hung it higher (*la part de
    certains députés Les Républicains et Rassemblement national*: *Rassemblement* a conjunct
    of *part*): the name of the same kind that ends right before the *et* / *ou*, inside the
    phrase of the head the parser chose."""
    if t.dep_ != "conj" or not t.ent_type_ or t.ent_iob_ != "B" or t.i < 2:
        return None
    cc = t.doc[t.i - 1]
    if cc.text.lower() not in ("et", "ou"):
        return None
    left = t.doc[cc.i - 1]
    if left.ent_type_ != t.ent_type_:
        return None
    root = left
    while root.head.i != root.i and root.head.ent_type_ == left.ent_type_ and root.head.i < cc.i:
        root = root.head  # the name's own head token ("Les Républicains" → "Républicains")
    if root.i == t.head.i or not t.head.is_ancestor(root):
        return None
    return root


def repair_parse(doc: Doc) -> Doc:
    """Mend ``doc``'s parse in place (see the module docstring): stranded compound tenses,
    second subjects that are objects, split coordinations, apposed subjects, subjects on an
    adjunct."""
    found = [p for sent in doc.sents if (p := _stranded_participle(sent)) is not None]
    for aux, participle in found:
        reattach(aux, participle)
    for verb in [t for t in doc if t.pos_ == "VERB"]:
        _mend_arguments(verb)
    for t in doc:
        name = _name_conjoined_too_high(t)
        if name is not None:
            t.head = name
    return doc


if not Language.has_factory(COMPONENT):
    Language.component(COMPONENT, func=repair_parse)
