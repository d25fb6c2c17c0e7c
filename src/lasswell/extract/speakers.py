"""Speakers: from the mention at a quote (*Peskov*, *il*, *le porte-parole du Kremlin*) to a name.

Resolution, in order: a person named in the mention → that person's entity; a pronoun
(*il / elle*, inverted *-il / -elle*) → the last compatible speaker or person named just before;
a definite role noun (*le chef de l'État*, *la ministre*) → the person holding that role in
the article, else the salient person of matching gender; an organisation or place → its
entity; any other noun phrase (*un diplomate européen*) → the phrase itself. A bare quotation
continues the previous speaker. Unknown stays None: no guess is presented as a name.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools

from spacy.tokens import Doc, Token

from lasswell.extract.candidate import Candidate
from lasswell.extract.cues import np_ending_at
from lasswell.extract.descriptions import (
    _DEFINITE,
    MAX_BACK_PARAGRAPHS,
    Descriptions,
    Resolved,
    _of_cluster,
)
from lasswell.extract.entities import GENDER_WEIGHTS, Cluster, EntityIndex, fold
from lasswell.extract.event_phrases import noun_phrase, person_like
from lasswell.extract.sentences import sentence_of
from lasswell.extract.tree import OF_CASES, lemma_of
from lasswell.lang import LanguageData, load_language
from lasswell.nlp import text_of

# Prepositions that hold a definite article (*du* = de le, *au* = à le).
_CONTRACTED = frozenset({"du", "au"})

# Confidence multipliers by how the name was reached (pronouns and role nouns are the usual
# error sources on the dev set; names and organisations almost never are).
RESOLUTION_CONFIDENCE = {
    "name": 1.0,
    "entity": 0.95,
    "np": 0.85,
    "pronoun": 0.85,
    "role": 0.75,
    "continuation": 0.9,
    "none": 0.5,
}
# A bare quotation shares the incise of the quotation after it when only marks, stops and
# spaces (at most this many characters: "» . « ") stand between the two.
FORWARD_GAP_CHARS = 8
# Plural pronouns look back this many tokens (about two sentences) for their group.
PLURAL_LOOKBACK = 60
_MASC = {"il", "-il", "ils", "-ils", "lui", "celui-ci", "ce dernier", "celui"}
_FEM = {"elle", "-elle", "elles", "-elles", "celle-ci", "cette dernière", "celle"}
_PRONOUNS = {
    "il",
    "elle",
    "ils",
    "elles",
    "lui",
    "eux",
    "-il",
    "-elle",
    "-ils",
    "-elles",
    "on",
    "celui-ci",
    "celle-ci",
    "celui",
    "celle",
    "ce dernier",
    "cette dernière",
}


def _verb_tagged_otherwise(t: Token) -> bool:
    """A verb form the tagger called a preposition but lemmatised as a verb (*Dominique Sopo
    entre en scène*: *entre* ADP, lemma *entrer*)."""
    lemma = t.lemma_.lower()
    return t.pos_ == "ADP" and lemma != t.lower_ and lemma.endswith(("er", "ir", "re"))


def _compatible(g1: str | None, g2: str | None) -> bool:
    return g1 is None or g2 is None or g1 == g2


# A one-word person name takes pronouns only with this much gender evidence (a title, a known
# first name or a role noun): the model tags capitalised words as PER ("Rendez-vous",
# "Saccorhytus"), and those must not take "il".
MIN_SINGLE_NAME_EVIDENCE = 2


def _named(c: Cluster) -> bool:
    """A person cluster solid enough to be a pronoun's antecedent."""
    return len(c.name.split()) > 1 or sum(c.genders.values()) >= MIN_SINGLE_NAME_EVIDENCE


@functools.cache
def _equivalents(code: str) -> dict[str, tuple[str, ...]]:
    """Role synonyms of a language, keys and values folded like the phrases looked up."""
    table = load_language(code).lexicon["role_equivalents"]
    return {fold(k): tuple(map(fold, v)) for k, v in table.items()}


class SpeakerResolver(Descriptions):
    """Walks the quotes of one article in order, keeping the discourse context."""

    def __init__(
        self,
        doc: Doc,
        index: EntityIndex,
        lang: LanguageData,
        para_of_token,
        quoted: list[tuple[int, int]] = (),
    ) -> None:
        self.doc, self.index, self.lang = doc, index, lang
        self.quoted_spans = sorted(quoted)
        self.para_of_token = para_of_token
        self.last: Resolved | None = None
        self.spoke: set[str] = set()  # entities already quoted in the article
        self._noun_index: dict[str, list[int]] | None = None
        self.last_para = -99
        self.last_end_tok = 0
        self.content = (0, 0)  # character range of the quote being resolved
        self.addressed: dict[str, str] = {}  # speaker name → whom they last spoke to
        self.roles = lang.words("role_nouns")
        self.equivalents = _equivalents(lang.code)  # role synonyms, folded like the phrases
        self.humans = lang.words("human_nouns") | self.roles

    def resolve_all(self, cands: list[Candidate]) -> list[Resolved]:
        """The speakers of an article's quotes, in text order. A bare quotation right before
        a quotation with an incise, in the same paragraph (``« A. » « B », a-t-il dit``),
        takes that incise's speaker rather than the previous quote's."""
        out: list[Resolved | None] = [None] * len(cands)
        for i, c in enumerate(cands):
            if out[i] is not None:
                continue
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if c.how == "continuation" and nxt is not None and self._shares_incise(c, nxt):
                r = self.resolve(nxt)
                out[i + 1] = r
                out[i] = dataclasses.replace(r, how="continuation")
            else:
                out[i] = self.resolve(c)
        return out

    def _shares_incise(self, c: Candidate, nxt: Candidate) -> bool:
        between = text_of(self.doc)[c.end : nxt.start]
        adjacent = (
            nxt.how == "incise"
            and nxt.speaker is not None
            and nxt.para == c.para
            and len(between) <= FORWARD_GAP_CHARS
            and not any(ch.isalnum() for ch in between)
        )
        if not adjacent:
            return False
        # "« A. » « B », a-t-il ajouté" right after X's quote in the same paragraph: A goes on
        # with X, and so does the pronoun; a pronoun shares forward only in a new paragraph
        words = self.doc[nxt.speaker[0] : nxt.speaker[1]].text.lower().lstrip("-")
        return words not in _PRONOUNS or self.last_para != c.para

    def resolve(self, c: Candidate) -> Resolved:
        """The speaker of ``c``; updates the context for the next quote."""
        self.content = (c.start, c.end)
        if c.how == "continuation":
            r = self.last if self.last and c.para - self.last_para <= MAX_BACK_PARAGRAPHS else None
            r = Resolved(r.name, r.cluster, r.gender, "continuation", r.person) if r else Resolved(None)
        elif c.speaker is None:
            r = Resolved(None)
        else:
            r = self.mention(*c.speaker)
        if r.name and c.addressee:
            self.addressed[r.name] = self._addressee_np(*c.addressee)
        if r.name:
            self.last, self.last_para = r, c.para
            if r.cluster is not None:
                self.spoke.add(r.cluster.id)
        self.last_end_tok = (
            self.doc.char_span(c.start, c.end, alignment_mode="expand").end
            if c.end > c.start
            else self.last_end_tok
        )
        return r

    def mention(self, s: int, e: int) -> Resolved:
        """Resolve the speaker mention ``doc[s:e]``."""
        doc = self.doc
        words = doc[s:e].text.lower().replace("’", "'")
        if words == "qui":
            antecedent = self._antecedent(s)
            return self.mention(*antecedent) if antecedent else Resolved(None)
        if words in _PRONOUNS or words.lstrip("-") in _PRONOUNS:
            return self.pronoun(s, words)
        if words.lstrip("-").startswith("t-") and words.lstrip("-")[2:] in _PRONOUNS:
            return self.pronoun(s, words.lstrip("-")[2:])  # "a t-il dit", the euphonic t in the token
        if words in self.lang.words("same_source") and self.last and self.last.name:
            last = self.last  # "selon la même source": the source quoted just before
            return Resolved(last.name, last.cluster, last.gender, "continuation", last.person, last.plural)
        person = self._head_person(s, e)
        if person:
            return _of_cluster(person, "name")
        other = self._head_entity(s, e)
        if other:
            return _of_cluster(other, "entity")
        role = self._role(s, e)
        if role:
            return role
        media = self._media(s, e)
        if media:
            return _of_cluster(media, "entity")
        owned = self._possessed(s, e)
        if owned:
            return owned
        partner = self._interlocutor(s, e) or self._one_of(s, e) or self._the_two(s, e)
        if partner:
            return partner
        plural = any("Plur" in t.morph.get("Number") for t in self.doc[s:e] if t.pos_ in ("DET", "NOUN"))
        name = self._complete_np(s, e) or self._np_text(s, e) or None  # "" is no name
        return Resolved(name, None, self._np_gender(s, e), "np", False, plural)

    def _antecedent(self, i: int) -> tuple[int, int] | None:
        """The noun phrase a relative ``qui`` stands for (``un membre de sa garde, qui``): the
        phrase right before, else the noun the parser hung the relative clause on."""
        found = self._phrase_before(i)
        if found is not None:
            return found
        verb = self.doc[i].head
        noun = verb.head if verb.dep_ == "acl:relcl" and verb.head.i < i else None
        if noun is None or not person_like(noun, self.humans) or noun.ent_type_ == "LOC":
            return None  # "C'est le cas du Haut Conseil (HCSP) qui": a case does not speak
        # "le président français Emmanuel Macron en février dernier, qui lui a dit", with
        # "Macron" tagged an adverb: no phrase ends right before "qui", but the tree's does
        phrase = noun_phrase(noun)
        gap = self.doc[phrase[1] : i]
        return phrase if all(w.text == "," or self._skippable(w) for w in gap) else None

    def _skippable(self, w: Token) -> bool:
        """A word between a relative's antecedent and *qui*: a time word, a date, *en*, *le*."""
        return (
            w.lower_ in self.lang.words("time_words")
            or w.text[:1].isdigit()
            or w.lower_ in ("en", "le", "la")
        )

    def _phrase_before(self, i: int) -> tuple[int, int] | None:
        """The noun phrase ending right before token ``i`` (past a comma and time words)."""
        j = i - 1
        if j >= 0 and self.doc[j].text == ",":
            j -= 1
        if j >= 0 and self.doc[j].pos_ == "ADP" and self.doc[j - 1].text == ",":
            j -= 2  # "André Giraud, selon qui …"
        while j > 0 and self._skippable(self.doc[j]):
            j -= 1  # "Emmanuel Macron en février dernier, qui …"
        if j < 0:
            return None
        found = np_ending_at(self.doc, j, sentence_of(self.doc, j))
        return found if found and self.doc[found[0]].lower_ != "qui" else None

    def _head_person(self, s: int, e: int) -> Cluster | None:
        """A person named as the head of the mention (not in a complement: *un proche de X*)."""
        for c in self.index.in_range(s, e):
            if c.type != "PER":
                continue
            first = max(s, min(a for a, b in c.mentions if a < e and b > s))
            prev = self.doc[first - 1] if first > s else None
            titled = any(t.lower_ in self.humans for t in self.doc[s:first])
            if prev is not None and (
                prev.lower_ in ("de", "d'", "d’", "du", "des") or prev.pos_ == "NOUN" and not titled
            ):
                continue  # "un proche de X", "l'administration Biden": X is not the speaker
            return c
        return None

    def _head_entity(self, s: int, e: int) -> Cluster | None:
        """An organisation or place that is the mention (*la CGT*, *le quotidien Al-Akhbar*)."""
        for c in self.index.in_range(s, e):
            a, b = next((max(a, s), b) for a, b in c.mentions if a < e and b > s)
            rest_before = [t for t in self.doc[s:a] if t.pos_ not in ("DET",)]
            if b == e - 1 and self.doc[b].pos_ == "ADJ" and self.doc[b].is_lower:
                continue  # "l'État islamique": the name runs on, the entity is cut short
            if (
                rest_before
                and "Plur" in rest_before[-1].morph.get("Number")
                and rest_before[-1].pos_ == "NOUN"
            ):
                continue  # "certains députés Les Républicains": people of the party, not the party
            if any(t.lower_ in self.roles for t in rest_before):
                continue  # "l'ancien maire Les Républicains du Havre": a person of the party
            if b >= e - 1 and (
                not rest_before
                or len(rest_before) <= 2
                and a - 1 >= s
                and self.doc[a - 1].pos_ in ("NOUN", "ADJ")
            ):
                return c
            if a <= s + 1 and b >= e:
                return c
        return None

    def _role(self, s: int, e: int) -> Resolved | None:
        """A definite role/human noun phrase → the person it refers back to."""
        doc = self.doc
        det = doc[s].lower_
        # "un tacle du président de SOS Racisme": the article is in the preposition
        contracted = s > 0 and doc[s - 1].lower_ in _CONTRACTED and doc[s].pos_ == "NOUN"
        if contracted:
            det = "le"
        heads = [t for t in doc[s:e] if t.pos_ == "NOUN" or t.lower_ in self.humans]
        if det not in _DEFINITE or det == "les" or not heads:
            return None
        head = heads[0].lower_.removeprefix("ex-")  # "l'ex-figure de proue du mouvement"
        if head not in self.humans:
            return None
        if any(c.type == "PER" for c in self.index.in_range(s, e)):
            return None  # "l'interlocutrice d'Emmanuel Macron", "un proche de X": someone else
        holder = self._holder(s, e, head)
        if holder is not None:
            return _of_cluster(holder, "role")
        gender = self._np_gender(s, e)
        phrase = fold(doc[s if contracted else s + 1 : e].text)
        wanted = {phrase, *self.equivalents.get(phrase, ())}
        headline = self.para_of_token(s) == 0  # a title announces people named below it
        people = [c for c in self.index.clusters if c.type == "PER" and (headline or self._before(c, s))]
        for c in sorted(people, key=lambda c: -self._last_mention(c, s)):
            if any(fold(r) in wanted or any(w and w in fold(r) for w in wanted) for r in c.roles):
                return _of_cluster(c, "role")
        if contracted:
            return None  # a complement names someone by role; the person talked about is not evidence
        last = self.last
        same_para = self.para_of_token(s) == self.last_para
        if last and last.person and _compatible(last.gender, gender) and same_para:
            # the person the paragraph is about: "Pour Nicolas Dupont-Aignan, « … ». Le candidat
            # de Debout la France veut …" — not another candidate named paragraphs before
            return Resolved(last.name, last.cluster, last.gender, "role", True)
        for c in sorted(people, key=lambda c: -self._last_mention(c, s)):
            if any(head == fold(r).split()[0] for r in c.roles if r) and _compatible(c.gender, gender):
                return _of_cluster(c, "role")
        if self.last and self.last.person and _compatible(self.last.gender, gender):
            return Resolved(self.last.name, self.last.cluster, self.last.gender, "role", True)
        near = self._recent_person(s, gender) or self._named_later(s, e, gender)
        return _of_cluster(near, "role") if near else None

    def _holder(self, s: int, e: int, head: str) -> Cluster | None:
        """The one person whose role is this one of the same organisation or place, named before
        or after (*le président de SOS Racisme* … *Dominique Sopo, président de l'association SOS
        Racisme*): a lead often names a role whose holder the article names further down."""
        names = [fold(c.name) for c in self.index.in_range(s, e) if c.type != "PER"]
        if not names:
            return None
        head = fold(head)
        found = [
            c
            for c in self.index.clusters
            if c.type == "PER"
            and any(fold(r).split()[:1] == [head] and any(n in fold(r) for n in names) for r in c.roles)
        ]
        return found[0] if len(found) == 1 else None

    def _named_later(self, s: int, e: int, gender: str | None) -> Cluster | None:
        """The one person of compatible gender first named later in the paragraph of the role
        ``doc[s:e]``: a role that introduces its person (``La candidate du Front national
        voudrait … Marine Le Pen aimerait …``)."""
        para = self.para_of_token(s)
        found = [
            c
            for c in self.index.clusters
            if c.type == "PER"
            and _named(c)
            and _compatible(c.gender, gender)
            and min(a for a, _ in c.mentions) > s
            and self.para_of_token(min(a for a, _ in c.mentions)) == para
            and self._introduced_as_subject(c)
            and not self._apposed_elsewhere(c, s, e)
        ]
        return found[0] if len(found) == 1 else None

    def _apposed_elsewhere(self, c: Cluster, s: int, e: int) -> bool:
        """The person is first named in apposition to another phrase of the same sentence than
        the role ``doc[s:e]`` (*Le ministre a rencontré le président de la Ligue, Patrick
        Baudouin*): the name is that phrase's, not the role's."""
        a, b = min(c.mentions)
        head = next((t.head for t in self.doc[a:b] if t.dep_ == "appos"), None)
        same_sentence = sentence_of(self.doc, a) == sentence_of(self.doc, s)
        return head is not None and same_sentence and not s <= head.i < e

    def _introduced_as_subject(self, c: Cluster) -> bool:
        """The person's first mention is a subject or an apposition outside quotation marks
        (*Marine Le Pen souhaite …*), not an object (*un message pour Donald Trump*) or a quoted
        name."""
        a, b = min(c.mentions)
        # an apposition names the role phrase itself ("selon le maire de la ville, Gilles Lurton,")
        return not self._quoted(a) and any(t.dep_ in ("nsubj", "nsubj:pass", "appos") for t in self.doc[a:b])

    def _quoted(self, i: int) -> bool:
        """Is token ``i`` inside quotation marks (a name in a quote is not its speaker)?"""
        char = self.doc[i].idx
        k = bisect.bisect_right(self.quoted_spans, (char, float("inf"))) - 1
        return k >= 0 and self.quoted_spans[k][0] <= char < self.quoted_spans[k][1]

    def _before(self, c: Cluster, s: int) -> bool:
        return any(a < s for a, _ in c.mentions)

    def _last_mention(self, c: Cluster, s: int) -> int:
        return max((a for a, _ in c.mentions if a < s), default=-1)

    def object_pronoun(
        self, s: int, words: str, actor: tuple[int, int] | None, other: str | None
    ) -> Resolved:
        """*le critiquent*, *l'a invité*: an object clitic stands for the person
        named last before it in its sentence or the one before, other than the clause's own
        actor (entity ``other``, or anyone named in the tokens ``actor``): an object is not
        the subject of its clause."""
        gender = "m" if words == "le" else "f" if words == "la" else None
        sent = self.doc[s].sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        best, best_pos = None, -1
        for c in self.index.clusters:
            acting = (
                c.id == other
                or actor is not None
                and any(actor[0] <= a < actor[1] and not self._owner(a) for a, _ in c.mentions)
            )
            if c.type != "PER" or acting or not _compatible(c.gender, gender) or not _named(c):
                continue
            pos = max((a for a, _ in c.mentions if start <= a < s and not self._source(a)), default=-1)
            if pos > best_pos:
                best, best_pos = c, pos
        return _of_cluster(best, "pronoun") if best else Resolved(None)

    def _source(self, a: int) -> bool:
        """Is the name at token ``a`` the source of a report (*selon Matthew Spinelli*, *dit
        Stephen Lee*)? A source is not what a later object clitic stands for."""
        t = self.doc[a]
        inverted = t.dep_ == "nsubj" and t.head.i < t.i and t.head.pos_ == "VERB"
        return inverted or any(c.dep_ == "case" and c.lower_ == "selon" for c in t.children)

    def _owner(self, a: int) -> bool:
        """Is the name at token ``a`` a *de* complement (*l'interlocutrice d'Emmanuel Macron*)?"""
        return any(c.dep_ == "case" and c.lower_ in OF_CASES for c in self.doc[a].children)

    def _named_thing(self, a: int) -> bool:
        """Is the name at token ``a`` the label of a thing named after a person (*l'affaire
        Penelope Fillon*, *la loi Macron*), not a person taking part in the text?"""
        return a > 0 and lemma_of(self.doc[a - 1]) in self.lang.words("name_label_nouns")

    def _recent_person(self, s: int, gender: str | None) -> Cluster | None:
        para = self.para_of_token(s)
        best, best_pos = None, -1
        for c in self.index.clusters:
            if c.type != "PER" or not _compatible(c.gender, gender) or not _named(c):
                continue
            pos = max(
                (a for a, b in c.mentions if a < s and not self._quoted(a) and not self._named_thing(a)),
                default=-1,
            )
            if pos > best_pos and para - self.para_of_token(pos) <= MAX_BACK_PARAGRAPHS:
                best, best_pos = c, pos
        return best

    def pronoun(self, s: int, words: str) -> Resolved:
        """*il / elle / -il / lui*: the subject just named, else the last speaker, else the
        last person named, each of compatible gender. Plural pronouns take a group speaker."""
        gender = "m" if words in _MASC else "f" if words in _FEM else None
        if words.lstrip("-") in ("ils", "elles", "eux"):
            group = self._plural_subject_since_last(s)
            if group:
                return Resolved(self._np_text(*group), None, self._np_gender(*group), "pronoun", plural=True)
            if self.last and not self.last.person:
                return Resolved(self.last.name, self.last.cluster, self.last.gender, "pronoun")
            return Resolved(None)
        carried = self._previous_subject(s, gender)
        if carried is not None:
            return carried
        subject = self._subject_person_since_last(s, gender)
        if subject:
            return self._agree(_of_cluster(subject, "pronoun"), gender)
        para = self.para_of_token(s)
        last = self.last
        recent_last = (
            last is not None
            and last.name is not None
            and _compatible(last.gender, gender)
            and not last.plural
            and para - self.last_para <= MAX_BACK_PARAGRAPHS
        )
        if recent_last and last.person:
            return self._agree(
                Resolved(last.name, last.cluster, last.gender or gender, "pronoun", True), gender
            )
        near = self._recent_person(s, gender)
        if near:
            return self._agree(_of_cluster(near, "pronoun"), gender)
        if recent_last:  # an organisation: "la Mairie … Elle appelle"
            return Resolved(last.name, last.cluster, last.gender or gender, "pronoun", False)
        return Resolved(None)

    def _previous_subject(self, s: int, gender: str | None) -> Resolved | None:
        """*Le conseil scientifique a préconisé … Il recommande …*: a pronoun opening its
        sentence continues the subject of the sentence before, in the same paragraph, when that
        subject is a body or group named by a common noun of the same gender."""
        doc, sent = self.doc, self.doc[s].sent
        if gender is None or any(not t.is_punct for t in doc[sent.start : s]) or sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        if self.para_of_token(prev.start) != self.para_of_token(s):
            return None
        root = prev.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is None or subj.pos_ != "NOUN" or self._quoted(subj.i):
            return None
        if subj.lemma_.lower() not in self.lang.words("body_nouns"):
            return None  # not "Le spectateur est … Il ajoute": a person goes on speaking
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subj.children):
            return None
        wanted = "Masc" if gender == "m" else "Fem"
        if wanted not in subj.morph.get("Gender") or "Sing" not in subj.morph.get("Number"):
            return None
        end = max([subj.i, *(c.right_edge.i for c in subj.rights if c.dep_ in ("amod", "nmod"))]) + 1
        r = self.mention(subj.left_edge.i, end)
        return r if r.name and not r.person else None

    def _agree(self, r: Resolved, gender: str | None) -> Resolved:
        """Record the pronoun's gender as evidence on the person it resolved to."""
        if r.cluster is not None and gender:
            r.cluster.genders[gender] += GENDER_WEIGHTS["pronoun"]
        return r

    def _subject_person_since_last(self, s: int, gender: str | None) -> Cluster | None:
        """A person named in subject position (right before a verb) or newly introduced
        between the previous quote and the pronoun: the text has moved on to them."""
        best = None
        for i in range(max(self.last_end_tok, s - 60), s):
            c = self.index.at(i)
            if (
                c is None
                or c.type != "PER"
                or not _compatible(c.gender, gender)
                or not _named(c)
                or self._quoted(i)
                or (self.index.at(i + 1) is c)
            ):
                continue
            if self._subject_like(i) or self._first_mention(c, i):
                best = c
        return best

    def _plural_subject_since_last(self, s: int) -> tuple[int, int] | None:
        """``Les personnels ont décidé … Ils s'affirment``: the last plural subject (or
        passive agent) named."""
        best = None
        for i in range(max(0, s - PLURAL_LOOKBACK), s):
            t = self.doc[i]
            if (
                t.pos_ == "NOUN"
                and "Plur" in t.morph.get("Number")
                and (self._subject_like(i) or t.dep_ == "obl:agent")  # "critiqué par les manifestants"
                and not self._quoted(i)
                and not self.content[0] <= t.idx < self.content[1]  # the words said, not who said them
            ):
                found = np_ending_at(self.doc, i, sentence_of(self.doc, i))
                if found and self.doc[found[0]].pos_ == "DET":
                    best = found
        return best

    def _subject_like(self, i: int) -> bool:
        """A name followed within three tokens by a verb (``Brunet flanche``, ``X a dit``)."""
        doc = self.doc
        for k in range(i + 1, min(len(doc), i + 4)):
            if doc[k].pos_ in ("VERB", "AUX") or _verb_tagged_otherwise(doc[k]):
                return True
            if doc[k].is_punct or doc[k].pos_ in ("ADP", "SCONJ", "CCONJ"):
                return False
        return False

    def _first_mention(self, c: Cluster, i: int) -> bool:
        """Is this the person's first mention in the article (a newcomer to the story)?"""
        return min(a for a, _ in c.mentions) >= self.index.start_of(c, i)
