"""Event arguments to records: actors and recipients named like speakers, with a country;
places through the gazetteer; dates resolved against the article's anchor date.

Actors go through the same resolver as quote speakers (names, pronouns, role nouns, groups).
A trigger that is the cue of a quote, or that a first-person speaker utters inside one
(*J'appelle …*), takes that quote's speaker and links the event to it (``quote_index``).
A capital standing for its government is named by its country (*Washington* → *les
États-Unis*, EVENTS.md §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from lasswell.extract.descriptions import POSSESSIVES, Resolved
from lasswell.extract.entities import Cluster, EntityIndex
from lasswell.extract.event_lexicon import lexicon
from lasswell.extract.event_phrases import OBJECT_CLITICS, noun_phrase
from lasswell.extract.events import EventCandidate, cameo
from lasswell.extract.places import capital_country, country_name, country_of, lookup_place
from lasswell.extract.speakers import SpeakerResolver
from lasswell.extract.time import resolve_date
from lasswell.extract.tree import conjuncts, head_of, lemma_of
from lasswell.identity import name_key
from lasswell.lang import LanguageData
from lasswell.nlp import text_of, token_span
from lasswell.records import Actor, Event, Place, Quote, Span, TimeRef

_FIRST_PERSON = {"je", "j'", "j’", "nous", "on", "moi"}
# Third-person pronouns, resolved in the context the quotes leave (*« … », a écrit X. Il …*).
_THIRD_PERSON = {"il", "elle", "ils", "elles", "lui", "t-il", "t-elle"}
# Verbal acts reported inside someone's statement are that speaker's acts (*Ryabkov a juré
# que la Russie ne céderait pas* → Ryabkov rejects): EVENTS.md counts statements as events.
_VERBAL = {"REJECT", "REQUEST", "THREATEN", "ACCUSE", "SUPPORT"}
# Events linked to a quote inherit a share of its confidence: the speaker resolution is
# then the quote's, not a fresh guess.
QUOTE_LINK_BONUS = 0.1
# Words looked at before a person's name for a nationality (*le président russe Vladimir
# Poutine*, *la vice-secrétaire d'État américaine Wendy Sherman*): a title is rarely longer.
PREMODIFIER_WINDOW = 5
# A bare *le gouvernement* is the article's country only when that country has at least this
# share of the place mentions. Two thirds keeps single-country stories and leaves out reports
# that move between countries: with no threshold, a quote about pollution in a story set in
# China named *le gouvernement* China; at 2/3, 100 unseen articles named three governments
# (Niger, France, United States), all rightly.
MAIN_COUNTRY_SHARE = 2 / 3


def _quote_at(quotes: Sequence[Quote], start: int, end: int) -> int | None:
    """The quote whose cue is the trigger, else the quote the trigger sits in."""
    for n, q in enumerate(quotes):
        if q.cue is not None and q.cue.start < end and start < q.cue.end:
            return n
    for n, q in enumerate(quotes):
        if q.start <= start < q.end:
            return n
    return None


def _as_written(a: Actor) -> str:
    """A party's name, with its article as the text writes it (*l'OTAN*) inside a group."""
    text = a.mention.text if a.mention else ""
    return text if text and name_key(text) == name_key(a.name or "") else a.name or ""


def _same(a: Actor, b: Actor) -> bool:
    if a.entity_id and a.entity_id == b.entity_id:
        return True
    return (a.name or "").lower() == (b.name or "").lower()


def _country(name: str | None, mention: str | None, cluster: Cluster | None) -> str | None:
    for text in (mention, name, *(cluster.roles if cluster else ())):
        iso = country_of(text) if text else None
        if iso:
            return iso
    return None


class ArgumentResolver:
    """Turns event candidates of one article into Event records."""

    def __init__(
        self,
        doc: Doc,
        index: EntityIndex,
        lang: LanguageData,
        para_of_token,
        quotes: Sequence[Quote],
        anchor: dt.date | None,
    ) -> None:
        self.doc, self.lang, self.quotes, self.anchor = doc, lang, quotes, anchor
        self.speakers = SpeakerResolver(doc, index, lang, para_of_token)
        self.para_of_token = para_of_token
        self.context = self._article_countries(index)
        self.clusters = {c.id: c for c in index.clusters}
        self.institutions: dict[str, str] = lexicon(lang.code).data.get("institution_adjectives", {})
        self.governments = lexicon(lang.code).words("government_nouns")

    def _article_countries(self, index: EntityIndex) -> tuple[str, ...]:
        """Countries the article's places belong to, most mentioned first (gazetteer context)."""
        counts: dict[str, int] = {}
        for c in index.clusters:
            if c.type == "LOC":
                entry = lookup_place(c.name, (), self.lang.code)
                if entry and entry.country:
                    counts[entry.country] = counts.get(entry.country, 0) + len(c.mentions)
        self.country_counts = counts
        return tuple(sorted(counts, key=counts.get, reverse=True))

    def event(self, c: EventCandidate) -> Event:
        """The record of one candidate: names, countries, place, date, quote link, CAMEO code."""
        trig = token_span(self.doc, c.trigger)
        qi = _quote_at(self.quotes, trig.start, trig.end)
        actor = self.actor(c.actor, qi, cue=qi is not None and self._is_cue(qi, trig), etype=c.type)
        acting = (c.actor, actor.entity_id if actor else None)
        recipient = self.actor(c.recipient, None, cue=False, other=acting)
        if recipient and actor and recipient.name and _same(actor, recipient):
            recipient = None  # one party is not both sides of an act (a misread argument)
        date = self.date(c.date, c.status)
        status = c.status
        if date and date.value and self.anchor and date.value > self.anchor.isoformat():
            status = "planned"  # a date after publication: scheduled, not done
        conf = min(1.0, c.confidence + (QUOTE_LINK_BONUS if qi is not None else 0.0))
        return Event(
            type=c.type,
            trigger=trig,
            status=status,
            mode=c.mode,
            confidence=round(conf, 3),
            actor=actor,
            recipient=recipient,
            location=self.place(c.location),
            date=date,
            quote_index=qi,
            cameo=cameo(c.type, c.mode, self.lang),
        )

    def _is_cue(self, qi: int, trig: Span) -> bool:
        cue = self.quotes[qi].cue
        return cue is not None and cue.start < trig.end and trig.start < cue.end

    def actor(
        self,
        rng: tuple[int, int] | None,
        qi: int | None,
        cue: bool,
        etype: str = "",
        other: tuple[tuple[int, int] | None, str | None] = (None, None),
    ) -> Actor | None:
        """Name, entity and country of the phrase ``doc[rng]`` (or of the quote's speaker); an
        object clitic is resolved to a person other than the actor (``other``: its tokens and
        entity)."""
        mention = token_span(self.doc, rng)
        words = mention.text.lower() if mention else ""
        # an act named by a noun keeps its own owner (*la demande de la Russie*, inside Sherman's words)
        verbal = etype in _VERBAL and (rng is None or self.doc[rng[0]].pos_ in ("PRON", "DET"))
        if qi is not None and (cue or words in _FIRST_PERSON or verbal):
            sp = self.quotes[qi].speaker
            if sp and sp.name:
                cluster = self.clusters.get(sp.entity_id or "")
                country = _country(sp.name, None, cluster) or self._premodifier_country(cluster)
                return Actor(sp.name, sp.entity_id, country, sp.mention or mention)
        if rng is None:
            return None
        if words in OBJECT_CLITICS and self.doc[rng[0]].dep_ in ("obj", "iobj"):
            return self._named(self.speakers.object_pronoun(rng[0], words, *other), mention)
        if words in POSSESSIVES:
            return self._named(self.speakers.pronoun(rng[0], "son"), mention)
        institution = self._institution(rng)
        if institution is not None:
            return Actor(institution, None, None, mention)
        government = self._government(rng, mention)
        if government is not None:
            return government
        if words in ("il", "elle"):
            reporter = self._reporting_subject(rng[0], words)
            if reporter is not None:
                return self.actor(noun_phrase(reporter), None, cue=False)
        if words.lstrip("-") in _THIRD_PERSON:
            self._follow_quotes(rng[0])
        parts = conjuncts(self.doc, *rng)
        if len(parts) > 1:
            group = self._group(parts, mention)
            if group is not None:
                return group
        return self._named(self.speakers.mention(*rng), mention)

    def _reporting_subject(self, tok: int, words: str) -> Token | None:
        """*Le Kremlin a déclaré qu'il …*, *Moscou insiste sur le fait qu'elle …*: the subject
        pronoun of a que-clause stands for the subject of the verb that governs it, when that
        subject is a named party, not a pronoun, and not a person of the other gender."""
        pron = self.doc[tok]
        verb = pron.head
        if pron.dep_ != "nsubj" or not any(
            c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in verb.children
        ):
            return None
        governor = verb.head
        if verb.dep_ in ("acl", "acl:relcl") and governor.lower_ == "fait":  # "sur le fait qu'elle …"
            governor = governor.head
        if verb.dep_ not in ("ccomp", "acl", "acl:relcl") or governor.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        gender = subject.morph.get("Gender")
        wanted = "Masc" if words == "il" else "Fem"
        if subject.ent_type_ == "PER" and gender and wanted not in gender:
            return None
        return subject

    def _follow_quotes(self, tok: int) -> None:
        """Give the resolver the context the quotes leave before token ``tok``: the last
        speaker quoted (*« … », a écrit Edi Rama. Il a accusé …*), as for a quote's pronoun."""
        start = self.doc[tok].idx
        before = [q for q in self.quotes if q.end <= start and q.speaker and q.speaker.name]
        sp = self.speakers
        q = max(before, key=lambda q: q.end) if before else None
        cluster = self.clusters.get(q.speaker.entity_id or "") if q else None
        if q is None or cluster is None or cluster.type != "PER":
            # only a person quoted carries over: a report or a prosecutor's office quoted is
            # not what a later "elle" or "ils" stands for (on unseen articles it misled)
            sp.last, sp.last_para, sp.last_end_tok = None, -99, 0
            return
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        end_tok = span.end if span is not None else tok
        sp.last = Resolved(q.speaker.name, cluster, cluster.gender, "quote", True)
        sp.last_para, sp.last_end_tok = self.para_of_token(max(0, end_tok - 1)), end_tok

    def _institution(self, rng: tuple[int, int]) -> str | None:
        """*préfectorale* (*la dérogation préfectorale*): the institution the adjective names."""
        if rng[1] - rng[0] != 1 or self.doc[rng[0]].pos_ != "ADJ":
            return None
        return self.institutions.get(lemma_of(self.doc[rng[0]]))

    def _government(self, rng: tuple[int, int], mention: Span | None) -> Actor | None:
        """*le gouvernement*, *les autorités libanaises*, *le gouvernement de Hassan Diab*: a
        government named by its country (EVENTS.md §3) — the one its words name, else the
        country the article's places are in."""
        head = head_of(self.doc, *rng)
        if lemma_of(head) not in self.governments or not mention:
            return None
        for c in head.children:
            qualifier = c.dep_ in ("nmod", "appos", "acl", "acl:relcl", "amod") and c.ent_type_ != "PER"
            if qualifier and not country_of(c.text, self.lang.code):
                return None  # "le gouvernement d'union nationale", "les autorités sanitaires"
        iso = country_of(mention.text, self.lang.code) or self._main_country()
        name = country_name(iso, self.lang.code) if iso and iso != "IGO" else None
        return Actor(name, None, iso, mention) if name else None

    def _main_country(self) -> str | None:
        """The country the article is about, when its places leave no doubt: the most mentioned
        one with at least ``MAIN_COUNTRY_SHARE`` of the place mentions."""
        if not self.context:
            return None
        top = self.country_counts[self.context[0]]
        return self.context[0] if top >= MAIN_COUNTRY_SHARE * sum(self.country_counts.values()) else None

    def _group(self, parts: list[tuple[int, int]], mention: Span | None) -> Actor | None:
        """Several parties acting together (*la LICRA et SOS Racisme*): their names joined with
        *et* (EVENTS.md §2), a country only when they share one, no single entity."""
        named = [self._named(self.speakers.mention(*p), token_span(self.doc, p)) for p in parts]
        if any(a is None or a.name is None for a in named):
            return None
        names = [_as_written(a) for a in named]
        countries = {a.country for a in named}
        joined = ", ".join(names[:-1]) + " et " + names[-1]
        return Actor(joined, None, countries.pop() if len(countries) == 1 else None, mention)

    def _named(self, r: Resolved, mention: Span | None) -> Actor | None:
        name = r.name
        iso = capital_country(name, self.lang.code) if name else None
        if iso:
            name = country_name(iso, self.lang.code) or name
        country = iso or _country(name, mention.text if mention else None, r.cluster)
        country = country or self._premodifier_country(r.cluster)
        if name is None and mention is None:
            return None
        return Actor(name, r.cluster.id if r.cluster else None, country, mention)

    def _premodifier_country(self, cluster: Cluster | None) -> str | None:
        """*la vice-secrétaire d'État américaine Wendy Sherman*: a nationality in the few words
        right before one of the person's mentions, within the same phrase."""
        if cluster is None or cluster.type != "PER":
            return None
        for s, _ in cluster.mentions:
            words = []
            for t in reversed(self.doc[max(0, s - PREMODIFIER_WINDOW) : s]):
                if t.is_punct or t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PER":
                    break
                words.insert(0, t.text)
            iso = country_of(" ".join(words), self.lang.code) if words else None
            if iso:
                return iso
        return None

    def place(self, rng: tuple[int, int] | None) -> Place | None:
        """The gazetteer entry of a place mention (the name alone when the gazetteer lacks it)."""
        mention = token_span(self.doc, rng)
        if mention is None:
            return None
        entry = lookup_place(mention.text, self.context, self.lang.code)
        if entry is None:
            return Place(mention.text, mention=mention)
        return Place(entry.name, entry.country, entry.lat, entry.lon, entry.geonames_id, mention)

    def date(self, rng: tuple[int, int] | None, status: str) -> TimeRef | None:
        """The time expression at ``rng`` (characters) and its value against the anchor date."""
        if rng is None:
            return None
        text = text_of(self.doc)[rng[0] : rng[1]]
        return TimeRef(rng[0], rng[1], text, resolve_date(text, self.anchor, status, self.lang.code))
