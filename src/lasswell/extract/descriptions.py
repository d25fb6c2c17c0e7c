"""Sources named by a description rather than a name: *son entourage* (the possessor's),
*l'interlocutrice de X* (whom X spoke to), *l'hebdomadaire* (the medium named before), *la
police* (its one complete form in the article), and the noun phrase itself otherwise.

``Descriptions`` is a mixin of :class:`~lasswell.extract.speakers.SpeakerResolver`: its
methods read the resolver's document, entity index and discourse state.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from lasswell.extract.entities import Cluster
from lasswell.extract.event_phrases import noun_phrase
from lasswell.extract.tree import lemma_of
from lasswell.identity import first_names, name_key, surname

# "l'un d'eux" looks back this many tokens (about two sentences) for its group.
ONE_OF_LOOKBACK = 60
# A pronoun or role noun looks back at most this many paragraphs for its person.
MAX_BACK_PARAGRAPHS = 4
# A medium's name follows its kind closely: *l'hebdomadaire Le Canard*, *dans la presse
# française, Le Canard*; four words cover those without reaching into the previous clause.
MEDIA_WINDOW = 4
_SOURCE_WORDS = {"selon", "d'après", "d’après"}
# A completed noun phrase (*la police malaisienne*) is at most this many tokens: longer
# expansions pick up clauses the parser attached to the noun.
COMPLETE_NP_MAX = 8
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
_VOWELS = set("aeiouyéèêàâîïôûh")
_DEFINITE = {"le", "la", "l'", "l’", "ce", "cet", "cette", "son", "sa", "les"}
_DEMONSTRATIVE = {"ce", "cet", "cette", "ces"}
# Nouns that count a group (*une trentaine*, *des centaines*, *des milliers*, *un millier*).
_COUNT_ENDINGS = ("aine", "aines", "millier", "milliers")


@dataclass(frozen=True)
class Resolved:
    """A speaker: the name (or None), its entity, gender, and how it was resolved."""

    name: str | None
    cluster: Cluster | None = None
    gender: str | None = None
    how: str = "none"
    person: bool = False
    plural: bool = False


# Participles of reporting: "X cités par CNN", "un bilan établi par l'AFP" name X, the source;
# who reports it is not part of the name.
_REPORTING = frozenset(
    {
        "citer",
        "interroger",
        "contacter",
        "joindre",
        "interviewer",
        "rapporter",
        "relayer",
        "sonder",
        "consulter",
        "dévoiler",
        "révéler",
        "publier",
        "diffuser",
        "communiquer",
        "établir",
    }
)


def _other_phrase(d: Token) -> bool:
    """A noun conjoined to a modifier starts another phrase (*L'administration Biden et le
    gouvernement ukrainien*); conjoined adjectives do not (*syndicales et patronales*)."""
    if d.dep_ == "conj":
        return d.pos_ in ("NOUN", "PROPN", "PRON")
    return d.dep_ == "cc" and d.head.pos_ in ("NOUN", "PROPN", "PRON")


_CLAUSES = frozenset({"acl", "acl:relcl", "appos", "parataxis", "advcl"})


def _fullest(variants: set[str]) -> str | None:
    """The one variant that contains the words of all the others (*les procureurs du tribunal
    spécial de la Haye* over *les procureurs de La Haye*): shorter ones name the same referent;
    None when two variants each say something the other does not (two referents)."""
    words = {v: set(v.lower().split()) for v in variants}
    full = [v for v in variants if all(words[o] <= words[v] for o in variants)]
    return full[0] if len(full) == 1 else None


def _of_cluster(c: Cluster, how: str) -> Resolved:
    return Resolved(c.name, c, c.gender, how, c.type == "PER")


class Descriptions:
    """Naming a source from a description (mixed into the speaker resolver)."""

    def _possessed(self, s: int, e: int) -> Resolved | None:
        """*son entourage*, *ses détracteurs* → *l'entourage de François Fillon*: the possessor
        resolved like a pronoun, named in full (GUIDELINES: the most complete name)."""
        doc = self.doc
        if e - s != 2 or doc[s].lower_ not in POSSESSIVES or doc[s + 1].pos_ != "NOUN":
            return None
        owner = self.pronoun(s, "on")
        if not owner.name:
            return None
        noun = doc[s + 1]
        plural = "Plur" in noun.morph.get("Number") or doc[s].lower_ in ("ses", "leurs")
        relative = self._relative(noun, owner) if not plural else None
        if relative is not None:
            return _of_cluster(relative, "role")  # "sa femme" → Penelope Fillon
        article = (
            "les "
            if plural
            else "l'"
            if noun.lower_[:1] in _VOWELS
            else "la "
            if doc[s].lower_ == "sa"
            else "le "
        )
        name = f"{article}{noun.text} de {owner.name}"
        return Resolved(name, None, self._np_gender(s, e), "np", False, plural)

    def _relative(self, noun: Token, owner: Resolved) -> Cluster | None:
        """The one other person of the article who bears the owner's surname and the kin noun's
        gender (*François Fillon … sa femme* → *Penelope Fillon*): family shares a name."""
        kin = self.lang.words("kin_nouns")
        if lemma_of(noun) not in kin or owner.cluster is None or owner.cluster.type != "PER":
            return None
        family = surname(name_key(owner.cluster.name))
        gender = "f" if noun.morph.get("Gender") == ["Fem"] else "m" if noun.morph.get("Gender") else None
        found = [
            c
            for c in self.index.clusters
            if c.type == "PER"
            and c is not owner.cluster
            and first_names(name_key(c.name))
            and surname(name_key(c.name)) == family
            and (gender is None or c.gender in (None, gender))
        ]
        return found[0] if len(found) == 1 else None

    def _interlocutor(self, s: int, e: int) -> Resolved | None:
        """*l'interlocutrice d'Emmanuel Macron*, *son interlocuteur*: whom that person last
        spoke to, when a quote of theirs named its addressee (*a-t-il lancé à une manifestante*)."""
        doc = self.doc
        nouns = self.lang.words("interlocutor_nouns")
        head = next((k for k in range(s, e) if doc[k].lower_ in nouns), None)
        if head is None:
            return None
        if doc[head - 1].lower_ in POSSESSIVES:
            owner = self.pronoun(head - 1, "on").name
        else:
            person = next((c for c in self.index.in_range(head + 1, e) if c.type == "PER"), None)
            owner = person.name if person else None
        partner = self.addressed.get(owner) if owner else None
        if not partner:
            return None
        return Resolved(partner, None, self._np_gender(s, e), "role", False)

    def _one_of(self, s: int, e: int) -> Resolved | None:
        """*l'un d'eux*, *l'une d'entre elles*: one of the people last named as a group
        (*les moqueries des internautes … l'un d'eux* → *l'un des internautes*); *certains*,
        *plusieurs* alone: some of them (*900 parlementaires - certains …* → *certains
        parlementaires*)."""
        words = self.doc[s:e].text.lower().replace("’", "'").split()
        some = " ".join(words) in self.lang.words("partitive_pronouns")  # "certains", "plusieurs"
        if not some and (
            len(words) < 2 or words[0] not in ("l'un", "l'une") or not words[-1].endswith(("eux", "elles"))
        ):
            return None  # "l'un d'eux", "l'une d'entre elles"
        para = self.para_of_token(s)
        for k in range(s - 1, max(-1, s - ONE_OF_LOOKBACK), -1):
            t = self.doc[k]
            if self.para_of_token(k) != para:
                break
            group = t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") and t.lemma_.lower() in self.humans
            if group and not self._quoted(k):
                name = f"{' '.join(words)} {t.text}" if some else f"{words[0]} des {t.text}"
                if some and any(c.dep_ == "det" and c.lower_ == words[0] for c in t.children):
                    # "certains députés LR et RN …, certains appelant à …": the same set, whole
                    name = self.doc[slice(*noun_phrase(t))].text
                return Resolved(name, None, None, "np", False, some)
        return None

    def _the_two(self, s: int, e: int) -> Resolved | None:
        """*Les deux journalistes*, *ces deux hommes*: the last two people named before, in this
        paragraph or the one before (*la journaliste Amelia Brace … son cameraman Tim Myers.
        Les deux journalistes …* → *Amelia Brace et Tim Myers*)."""
        words = self.doc[s:e]
        if len(words) != 3 or words[0].lower_ not in ("les", "ces") or words[1].lower_ != "deux":
            return None
        if words[2].pos_ != "NOUN" or lemma_of(words[2]) not in self.humans:
            return None
        para = self.para_of_token(s)
        last_seen = {}
        for c in self.index.clusters:
            if c.type != "PER":
                continue
            before = [
                a
                for a, _ in c.mentions
                if a < s
                and para - self.para_of_token(a) <= 1
                and not self._quoted(a)
                and not self._of_someone(a)
            ]
            if before:
                last_seen[c.id] = (max(before), c)
        if len(last_seen) < 2:
            return None
        two = sorted(sorted(last_seen.values(), key=lambda x: -x[0])[:2], key=lambda x: min(x[1].mentions))
        return Resolved(f"{two[0][1].name} et {two[1][1].name}", None, None, "np", True, True)

    def _of_someone(self, a: int) -> bool:
        """Is the name at token ``a`` a complement (*un proche de Gamal Moubarak*, *fils de
        l'ancien président Hosni Moubarak*), read back over its title and role words?"""
        k = a - 1
        while k >= 0 and (self.doc[k].pos_ in ("DET", "ADJ") or lemma_of(self.doc[k]) in self.humans):
            k -= 1
        return k >= 0 and self.doc[k].lower_ in ("de", "d'", "d’", "du", "des")

    def _addressee_np(self, s: int, e: int) -> str:
        """The addressee phrase without its preposition and what qualifies it (*à une
        manifestante se réclamant du mouvement* → *une manifestante*)."""
        doc = self.doc
        while s < e and doc[s].pos_ == "ADP":
            s += 1
        for k in range(s + 1, e):
            if doc[k].pos_ in ("VERB", "AUX", "PRON", "SCONJ") or doc[k].is_punct:
                e = k
                break
        return doc[s:e].text

    def _media(self, s: int, e: int) -> Cluster | None:
        """*l'hebdomadaire*, *le quotidien* alone: the organisation named last before it."""
        heads = [t for t in self.doc[s:e] if t.pos_ == "NOUN"]
        if len(heads) != 1 or self.doc[s].lower_ not in _DEFINITE or e - s > 2:
            return None
        if heads[0].lemma_.lower() not in self.lang.words("media_nouns"):
            return None
        orgs = [
            c
            for c in self.index.clusters
            if c.type in ("ORG", "MISC") and self._before(c, s) and self._is_source(c)
        ]
        best = max(orgs, key=lambda c: self._last_mention(c, s), default=None)
        if (
            best is None
            or self.para_of_token(s) - self.para_of_token(self._last_mention(best, s)) > MAX_BACK_PARAGRAPHS
        ):
            return None
        return best

    def _is_source(self, c: Cluster) -> bool:
        """Named as a medium (*l'hebdomadaire Le Canard enchaîné*) or as a source (*selon l'Express*,
        an earlier quote)."""
        if c.id in self.spoke:
            return True
        media = self.lang.words("media_nouns")
        for a, _ in c.mentions:
            window = self.doc[max(0, a - MEDIA_WINDOW) : a]
            if media & {t.lemma_.lower() for t in window} or _SOURCE_WORDS & {t.lower_ for t in window}:
                return True
        return False

    def _complete_np(self, s: int, e: int) -> str | None:
        """GUIDELINES: the most complete name the article gives a source. *La police* said
        after *la police malaisienne* is named was introduced → *la police malaisienne*; *son
        entourage* → *l'entourage de François Fillon*. Only when exactly one longer variant
        with the same head noun exists (two different ones would be two referents)."""
        heads = [t for t in self.doc[s:e] if t.pos_ == "NOUN"]
        if not heads or len(heads) > 1 or heads[0].i != e - 1:
            return None  # only a bare determiner + noun is completed
        lemma, number = heads[0].lemma_.lower(), heads[0].morph.get("Number")
        if self.doc[s].lower_ in _DEMONSTRATIVE and e - s == 2:
            counted = self._counted_before(heads[0])
            if counted is not None:
                return counted  # "ces manifestants" after "une trentaine de manifestants"
        # same number too: "un manifestant" is not "les manifestants", "le personnel" not "les personnels"
        variants = {
            self._expand(self.doc[i])
            for i in self._nouns().get(lemma, ())
            if i != heads[0].i and self.doc[i].morph.get("Number") == number
        }
        return _fullest({v for v in variants if v is not None})

    def _counted_before(self, noun: Token) -> str | None:
        """The last group of the same noun counted before ``noun`` in its paragraph or the one
        before (*une trentaine de manifestants*, *200 manifestants*): what a demonstrative
        (*ces manifestants*) points back to."""
        lemma, number = noun.lemma_.lower(), noun.morph.get("Number")
        para = self.para_of_token(noun.i)
        for i in reversed([i for i in self._nouns().get(lemma, ()) if i < noun.i]):
            t = self.doc[i]
            if para - self.para_of_token(i) > 1:
                return None
            if t.morph.get("Number") != number:
                continue
            if any(c.dep_ == "nummod" for c in t.children):
                return self.doc[t.left_edge.i : i + 1].text  # "200 manifestants"
            head = t.head
            counting = head.pos_ == "NOUN" and head.lemma_.lower().endswith(_COUNT_ENDINGS)
            if t.dep_ == "nmod" and counting and head.i < i:
                return self.doc[head.left_edge.i : i + 1].text  # "une trentaine de manifestants"
            return None  # the last mention is not counted: nothing surer to point back to
        return None

    def _nouns(self) -> dict[str, list[int]]:
        """Noun lemma → token positions, built once per article (``_complete_np`` looks often)."""
        if self._noun_index is None:
            self._noun_index = {}
            for t in self.doc:
                if t.pos_ == "NOUN":
                    self._noun_index.setdefault(t.lemma_.lower(), []).append(t.i)
        return self._noun_index

    def _expand(self, t) -> str | None:
        """``t`` with its adjectives and *de* complements (*la police malaisienne*,
        *l'entourage de François Fillon*), if it has any, outside quotations."""
        if self._quoted(t.i) or t.pos_ != "NOUN":
            return None
        det = t.i - 1 if t.i > 0 and self.doc[t.i - 1].lower_ in _DEFINITE - {"ce", "cet", "cette"} else None
        end = t.i + 1
        for c in t.rights:
            if c.i != end and self.doc[end].pos_ != "ADP":
                break
            if c.dep_ == "amod" or (
                c.dep_ == "nmod" and c.left_edge.lower_ in ("de", "du", "des", "d'", "d’")
            ):
                # not a coordination the parser hung on the modifier (*L'administration Biden et
                # le gouvernement ukrainien*, "Biden" an adjective)
                # nor a clause on the complement (*le parc national des Calanques qui borde …*)
                own = [d.right_edge.i for d in c.children if not _other_phrase(d) and d.dep_ not in _CLAUSES]
                end = max([c.i, *own]) + 1
            else:
                break
        if det is None or end == t.i + 1 or end - det > COMPLETE_NP_MAX:
            return None
        return self.doc[det:end].text

    def _np_text(self, s: int, e: int) -> str:
        doc = self.doc
        while s < e and (doc[s].pos_ in ("CCONJ", "ADV", "VERB", "AUX") or doc[s].is_punct):
            s += 1  # "a lancé l'interlocutrice de …": the cue's participle is not the source
        while e > s and doc[e - 1].is_punct:
            e -= 1
        for k in range(s + 1, e - 1):
            reported = lemma_of(doc[k]) in _REPORTING and "Part" in doc[k].morph.get("VerbForm")
            if reported and doc[k + 1].lower_ == "par":
                e = k  # "des responsables turcs cités par CNN": the source, not who cites it
                break  # (but "la coalition menée par les États-Unis" is its whole name)
        return doc[s:e].text

    def _np_gender(self, s: int, e: int) -> str | None:
        """The gender of the person a phrase names, from its first gendered word; none from a
        noun of fixed gender that names either sex (*l'ex-figure de proue*, *la victime*)."""
        epicene = self.lang.words("epicene_nouns")
        for t in self.doc[s:e]:
            if t.pos_ == "NOUN" and t.lower_.removeprefix("ex-") in epicene:
                return None
            g = t.morph.get("Gender")
            if t.pos_ in ("DET", "NOUN") and g:
                return "f" if g == ["Fem"] else "m"
        return None
