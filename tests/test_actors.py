"""Event arguments resolved to records: names like speakers, countries, places, dates (real model)."""

from __future__ import annotations

import pytest

import lasswell

pytestmark = pytest.mark.slow


def _events(text: str, published: str = "2022-01-11"):
    return lasswell.analyze(text, lang="fr", published=published).events


def test_capitals_stand_for_their_governments():
    (ev,) = [e for e in _events("Washington a menacé Moscou de nouvelles sanctions.") if e.type == "THREATEN"]
    assert ev.actor.name == "les États-Unis" and ev.actor.country == "USA"
    assert ev.actor.mention.text == "Washington"
    assert ev.recipient.name == "la Russie" and ev.recipient.country == "RUS"
    assert ev.cameo == "13"


def test_pronoun_actor_resolves_to_the_person_named_before():
    text = (
        "Le ministre russe des Affaires étrangères Sergueï Lavrov est arrivé à Genève. "
        "Il a rencontré lundi le secrétaire d'État américain Antony Blinken."
    )
    (ev,) = [e for e in _events(text) if e.type == "CONSULT"]
    assert ev.actor.name == "Sergueï Lavrov" and ev.actor.mention.text == "Il"
    assert ev.recipient.name == "Antony Blinken"
    assert ev.date.value == "2022-01-10" and ev.status == "occurred"


@pytest.mark.parametrize(
    ("text", "status", "value"),
    [
        ("Les deux délégations se réuniront jeudi à Vienne.", "planned", "2022-01-13"),
        ("Les deux délégations se sont réunies jeudi à Vienne.", "occurred", "2022-01-06"),
    ],
)
def test_weekday_direction_follows_status(text, status, value):
    (ev,) = [e for e in _events(text) if e.type == "CONSULT"]
    assert (ev.status, ev.date.value) == (status, value)
    assert ev.location.name == "Vienne" and ev.location.country == "AUT"


@pytest.mark.parametrize(
    "text",
    [
        "Si la Russie attaque l'Ukraine, les États-Unis imposeront des sanctions.",
        "Les manifestants ne bloqueront pas les routes.",
        "Le gouvernement pourrait démissionner.",
    ],
)
def test_no_event_for_hypothetical_negated_or_modal(text):
    assert _events(text) == ()


def test_first_person_in_a_quote_is_the_speaker():
    text = "« Nous refusons ces exigences », a déclaré Sergueï Ryabkov lundi."
    evs = [e for e in _events(text) if e.type == "REJECT"]
    assert evs and evs[0].actor.name == "Sergueï Ryabkov" and evs[0].quote_index == 0


def test_nationality_before_a_name_gives_the_country():
    text = (
        "La vice-secrétaire d'État américaine Wendy Sherman a rencontré lundi "
        "le vice-ministre russe Sergueï Ryabkov."
    )
    (ev,) = [e for e in _events(text) if e.type == "CONSULT"]
    assert (ev.actor.name, ev.actor.country) == ("Wendy Sherman", "USA")
    assert (ev.recipient.name, ev.recipient.country) == ("Sergueï Ryabkov", "RUS")


def test_a_title_role_names_the_person_the_article_introduces():
    text = (
        "Le président kosovar va démissionner s'il est inculpé\n\n"
        "Le président kosovar Hashim Thaçi a déclaré lundi qu'il démissionnerait s'il était inculpé."
    )
    (ev,) = [e for e in _events(text) if e.trigger.text == "démissionner"]
    assert ev.actor.name == "Hashim Thaçi"


def test_one_party_is_not_both_sides():
    from lasswell.extract.actors import _same
    from lasswell.records import Actor

    macron = Actor("Emmanuel Macron", "e1", "FRA", None)
    assert _same(macron, Actor("emmanuel macron", None, None, None))
    assert _same(macron, Actor("le président", "e1", None, None))
    assert not _same(macron, Actor("Édouard Philippe", "e2", "FRA", None))


def test_euphonic_t_inside_the_pronoun_token():
    text = "Le député Sébastien Chenu a réagi jeudi. « Ils ont menti », a t-il dénoncé."
    (ev,) = [e for e in _events(text) if e.type == "ACCUSE"]
    assert ev.actor.name == "Sébastien Chenu"


def test_a_subject_is_not_taken_from_a_sentence_glued_to_this_one():
    # no space after the full stop: the parser joins the sentences
    text = (
        "« Il essaie de se justifier », a t-il commenté jeudi sur BFM-TV.Samedi, des manifestants "
        "avaient brisé les vitres de la permanence, et tenté d'y mettre le feu."
    )
    (ev,) = [e for e in _events(text) if e.trigger.text == "mettre le feu"]
    assert ev.actor.name == "des manifestants"


def test_a_phrase_opening_the_sentence_dates_every_clause():
    text = (
        "Lundi, quelques heures avant le discours du président, le Premier ministre albanais Edi Rama "
        "s'est rendu à Pristina pour soutenir son homologue, qualifiant les accusations de honteuses."
    )
    events = {e.trigger.text: e for e in _events(text)}
    assert events["soutenir"].date.value == "2022-01-10"
    assert events["rendu"].date.value == "2022-01-10"


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "A Tripoli, la grande ville du nord du pays, l'armée a dispersé des centaines de manifestants.",
            "dispersé",
            "Tripoli",
        ),
        (
            "Dans le centre de Beyrouth, des dizaines de jeunes ont aussi mis le feu à des magasins.",
            "mis le feu",
            "Beyrouth",
        ),
        # a frame ends with its sentence
        ("À Paris, le calme est revenu. Des manifestants ont bloqué la route.", "bloqué", None),
    ],
)
def test_a_place_opening_the_sentence_frames_it(text, trigger, place):
    (ev,) = [e for e in _events(text) if e.trigger.text == trigger]
    assert (ev.location.name if ev.location else None) == place


@pytest.mark.parametrize(
    ("text", "trigger", "field", "name"),
    [
        # several parties: their names joined with "et", each as the text writes it
        (
            "La Russie souhaite que les États-Unis et l'OTAN fournissent des garanties.",
            "souhaite",
            "recipient",
            "les États-Unis et l'OTAN",
        ),
        (
            "Brigitte Macron et Carole Bouquet s'engagent pour la protection de l'enfance.",
            "engagent",
            "actor",
            "Brigitte Macron et Carole Bouquet",
        ),
        # an apposition set off by commas is one party, not two
        (
            "Un autre humanitaire français, Benoît Maria, a été tué lors d'une attaque armée.",
            "tué",
            "recipient",
            "Benoît Maria",
        ),
    ],
)
def test_coordinated_parties_are_named_together(text, trigger, field, name):
    (ev,) = [e for e in _events(text) if e.trigger.text == trigger]
    assert getattr(ev, field).name == name


def test_a_group_is_no_single_entity_and_has_a_country_only_when_shared():
    (ev,) = [e for e in _events("La Russie souhaite que les États-Unis et l'OTAN fournissent des garanties.")]
    assert ev.recipient.country is None and ev.recipient.entity_id is None
    (ev,) = _events("La France et l'Allemagne ont rencontré la Chine.")
    assert ev.actor.name == "La France et l'Allemagne" and ev.actor.country is None


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # an institution's adjective on the act, or on the decision it was taken by
        ("Sur décision préfectorale, plusieurs routes ont été fermées.", "fermées", "la préfecture"),
        (
            "La dérogation préfectorale accordée au parc a fait grincer des dents.",
            "dérogation",
            "la préfecture",
        ),
        ("Le tunnel a été fermé sur ordre du préfet.", "fermé", "préfet"),
        # a participle conjoined to the passive shares its decision phrase (Wikinews, 9 December
        # 2018, CC BY 2.5)
        (
            "Sur décision préfectorale, plusieurs échangeurs d'autoroutes ont encore été partiellement "
            "ou complétement fermés non loin des points des Gilets jaunes.",
            "fermés",
            "la préfecture",
        ),
        # not an adjective of a domain: who acts is the police, whose operation the frame noun is
        (
            "La police a mené une opération de coopération judiciaire avec l'Espagne.",
            "coopération",
            "La police",
        ),
    ],
)
def test_the_institution_that_decided_an_act(text, trigger, actor):
    evs = [e for e in _events(text) if e.trigger.text == trigger]
    assert [e.actor.name if e.actor else None for e in evs] == ([actor] if actor else [None] * len(evs))


@pytest.mark.parametrize(
    ("text", "actor", "country"),
    [
        # a government is named by its country (EVENTS.md §3)
        ("Les autorités libanaises ont dispersé les manifestants à Beyrouth.", "le Liban", "LBN"),
        # … the article's country when its places leave no doubt
        ("A Beyrouth, le gouvernement de Hassan Diab a tenu une réunion urgente.", "le Liban", "LBN"),
        # … not a government of a kind, nor one with no country in sight
        ("Le gouvernement d'union nationale a démissionné.", "Le gouvernement d'union nationale", None),
        (
            "Les autorités sanitaires recommandent aux parents de jeter ces boîtes.",
            "Les autorités sanitaires",
            None,
        ),
        (
            "A Pékin, la pollution inquiète. A Paris, le gouvernement a démissionné. A Berlin, rien.",
            "le gouvernement",
            None,
        ),
    ],
)
def test_a_government_is_named_by_its_country(text, actor, country):
    ev = _events(text)[0]
    assert (ev.actor.name, ev.actor.country) == (actor, country)


@pytest.mark.parametrize(
    "text",
    ["Il s'est rendu compte de son erreur.", "Il s'est rendu coupable de fraude."],
)
def test_se_rendre_is_a_visit_only_with_a_destination(text):
    assert _events(text) == ()


def test_a_pronoun_after_a_quote_stands_for_its_speaker():
    # Wikinews, 25 March 2017 (CC BY 2.5), shortened: "lui" is Fillon, quoted last, not Poutine,
    # named since in passing
    text = (
        "François Fillon est candidat à la présidentielle.\n\n"
        "« J'ai fait une erreur de jugement », déplore-t-il ainsi.\n\n"
        "Il a cependant nié une révélation selon laquelle il aurait touché 50 000 dollars pour mettre en "
        "relation un homme d'affaires libanais et Vladimir Poutine.\n\n"
        "Une trentaine de manifestants lui ont notamment jeté des œufs."
    )
    (ev,) = [e for e in _events(text) if e.trigger.text == "jeté"]
    assert ev.recipient.name == "François Fillon"


def test_only_a_person_quoted_carries_over_to_a_pronoun():
    # a document quoted is not what "elle" stands for
    text = "« Il faut agir vite », selon les annonces du gouvernement. Elle a rencontré les associations."
    (ev,) = [e for e in _events(text) if e.trigger.text == "rencontré"]
    assert ev.actor is None or ev.actor.name != "les annonces du gouvernement"


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        # an object clitic is the person named last, other than the clause's own actors
        (
            "Les divisions autour de François Fillon s'aggravent, alors que Rachida Dati et Christian "
            "Estrosi le critiquent ouvertement.",
            "critiquent",
            "François Fillon",
        ),
        (
            "Les divisions autour de François Fillon s'aggravent. Christian Estrosi l'a critiqué dimanche.",
            "critiqué",
            "François Fillon",
        ),
        ("Marie Dubois a été élue. La presse l'a saluée.", "saluée", "Marie Dubois"),
        # a person named as an owner inside the actor's phrase is not the actor
        ("La compagne de Paul Martin l'accuse de mensonge.", "accuse", "Paul Martin"),
        # no person to stand for: a thing
        ("Le projet de loi est prêt. Marine Le Pen le critique.", "critique", None),
        # a source of the report is not what the clitic stands for
        ("La vaccination progresse, selon Paul Martin. Les autorités l'encouragent.", "encouragent", None),
        ("La vaccination progresse, dit Paul Martin. Les autorités l'encouragent.", "encouragent", None),
        # the actor is not its own object
        ("Marine Le Pen est arrivée. Elle la critique.", "critique", None),
    ],
)
def test_an_object_clitic_stands_for_a_person_named_before(text, trigger, recipient):
    (ev,) = [e for e in _events(text) if e.trigger.text == trigger]
    assert (ev.recipient.name if ev.recipient else None) == recipient


def test_an_object_the_parser_took_for_a_predicate_is_the_recipient():
    # Wikinews, 24 March 2017 (CC BY 2.5): "a, lors de …, accusé": the parse is also repaired
    text = (
        "François Fillon, le candidat LR à la présidentielle en France, a, lors de « L'Émission "
        "politique » du jeudi 23 mars, accusé l' Élysée de tenir un « cabinet noir » visant à nuire à "
        "sa campagne."
    )
    (ev,) = [e for e in _events(text) if e.trigger.text == "accusé"]
    assert ev.actor.name == "François Fillon"
    assert ev.recipient is not None and ev.recipient.mention.text == "Élysée"


def test_a_group_named_with_who_leads_it_keeps_its_whole_name():
    # Wikinews, 25 September 2016 (CC BY 2.5); "cités par CNN" would be cut (a reporting verb)
    (ev,) = [e for e in _events("La coalition aérienne menée par les États-Unis a alors débuté des frappes.")]
    assert ev.actor.name == "La coalition aérienne menée par les États-Unis"


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # the subject pronoun of a que-clause stands for the subject of the verb governing it
        (
            "Le porte-parole Dmitri Peskov est arrivé. Le Kremlin a déclaré qu'il allait rencontrer "
            "les Américains.",
            "rencontrer",
            "Kremlin",
        ),
        (
            "La secrétaire d'État Wendy Sherman est arrivée. Washington a exprimé sa crainte que la "
            "Russie envisage d'envahir, tandis que Moscou insiste sur le fait qu'elle ne fait que mener "
            "des exercices militaires standard.",
            "exercices militaires",
            "la Russie",
        ),
        # not a person of the other gender
        (
            "Le ministre Paul Martin est arrivé. Marie Dubois a déclaré qu'il allait rencontrer les "
            "syndicats.",
            "rencontrer",
            "Paul Martin",
        ),
    ],
)
def test_a_pronoun_in_a_reported_clause_stands_for_the_reporter(text, trigger, actor):
    (ev,) = [e for e in _events(text) if e.trigger.text == trigger]
    assert ev.actor.name == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a demonstrative points back to the group counted before it
        (
            "Une trentaine de manifestants attendaient François Fillon. Il a aussi été accueilli par un "
            "concert de casseroles de la part de ces manifestants.",
            "Une trentaine de manifestants",
        ),
        # the last mention is not counted: the demonstrative stays as written
        (
            "Une trentaine de manifestants attendaient. Des manifestants criaient. Il a été accueilli par "
            "un concert de casseroles de la part de ces manifestants.",
            "ces manifestants",
        ),
    ],
)
def test_a_demonstrative_names_the_group_counted_before(text, actor):
    (ev,) = [e for e in _events(text) if e.type == "PROTEST" and "casseroles" in e.trigger.text]
    assert ev.actor.name == actor


def test_a_chain_of_parties_with_glosses_is_named_without_them():
    text = (
        "La présidente aurait obtenu l'accord des groupes PPE (centre-droit), PSE (socialistes) et "
        "Renaissance (libéraux)."
    )
    (ev,) = [e for e in _events(text) if e.type == "AGREE"]
    assert ev.actor.name == "groupes PPE, PSE et Renaissance"


@pytest.mark.parametrize(
    "text",
    [
        # a lead names the role, the article its holder further down (the article in "du")
        "Un tacle du président de SOS Racisme contre Jean Messiha a fait réagir.\n\n"
        "La polémique enfle. Dominique Sopo, président de l'association SOS Racisme, a répondu.",
        "Le président de SOS Racisme a critiqué Jean Messiha.\n\n"
        "La polémique enfle. Dominique Sopo, président de l'association SOS Racisme, a répondu.",
    ],
)
def test_a_role_of_an_organisation_names_its_holder(text):
    (ev,) = [e for e in _events(text) if e.type == "ACCUSE" and e.actor]
    assert ev.actor.name == "Dominique Sopo"
    assert ev.recipient.name == "Jean Messiha"


def test_a_role_in_a_complement_is_not_the_person_talked_about():
    text = (
        "Laurent Nunez est arrivé à Bobigny. "
        "Laurent Nunez a demandé au préfet de police de revoir les règles."
    )
    (ev,) = [e for e in _events(text) if e.type == "REQUEST"]
    assert ev.actor.name == "Laurent Nunez"
    assert ev.recipient.name == "préfet de police"


def test_a_name_apposed_to_another_phrase_is_not_the_subject_role():
    text = "Le ministre a rencontré samedi le président de la Ligue des droits de l'homme, Patrick Baudouin."
    (ev,) = [e for e in _events(text) if e.type == "CONSULT"]
    assert ev.actor.name != "Patrick Baudouin"
    assert ev.recipient.name == "Patrick Baudouin"


def test_an_adjective_of_leaning_used_as_a_noun_is_a_party():
    (ev,) = [
        e
        for e in _events("Des députés ont appelé à boycotter la jeune écologiste suédoise.")
        if e.type == "PROTEST"
    ]
    assert ev.recipient.name == "la jeune écologiste suédoise"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ils ont boycotté la jeune écologiste.", "écologiste", True),
        # other adjectives used as nouns name things or stand in for a name
        ("Il attend la livraison de ses premiers exemplaires.", "exemplaires", False),
        ("Ils ont salué ce dernier.", "dernier", False),
        ("Ils ont boycotté la jeune écologiste.", "jeune", False),
    ],
)
def test_person_like_adjectives(text, word, expected):
    from lasswell.extract.event_phrases import person_like
    from lasswell.nlp import load_model

    doc = load_model("fr_core_news_md")(text)
    (t,) = [t for t in doc if t.text == word]
    assert person_like(t, frozenset()) is expected


def test_a_former_role_of_either_sex_names_the_person_before():
    text = (
        'Dans la matinée, un ancien leader des "gilets jaunes", Eric Drouet, a été exfiltré du salon.\n'
        "L'ex-figure de proue du mouvement a été interpellé et placé en garde à vue."
    )
    events = [e for e in _events(text) if e.type == "COERCE"]
    # the name apposed to the role, both taken for subjects by the parser
    assert [e.recipient.name for e in events if e.trigger.text == "exfiltré"] == ["Eric Drouet"]
    # "ex-" and a feminine noun that names a man: still the person named before
    assert {e.recipient.name for e in events if e.trigger.text != "exfiltré"} == {"Eric Drouet"}


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # a frame noun asserts its event, and its owner acts
        (
            "Les gilets jaunes poursuivent mardi leurs opérations de blocage sur les autoroutes.",
            "blocage",
            "Les gilets jaunes",
        ),
        # a span of time asserts it too (Wikinews, 2 December 2018, CC BY 2.5) …
        (
            "Ce dimanche, dans le Finistère, les stations-service ne délivrent plus d’essence suite au "
            "5e jour de blocage du dépôts de Brest et de celui de Rennes.",
            "blocage",
            None,
        ),
        # … but the clause around the span is not the event's: no actor
        (
            "Lundi, une intervention militaire a mis fin à sept semaines de manifestations en Chine.",
            "manifestations",
            None,
        ),
    ],
)
def test_an_event_in_a_frame_or_a_span_noun_is_asserted(text, trigger, actor):
    (ev,) = [e for e in _events(text, published="2018-12-02") if e.trigger.text == trigger]
    assert ev.type == "PROTEST"
    assert (ev.actor.name if ev.actor else None) == actor


def test_a_kin_noun_names_the_relative_bearing_the_owner_s_surname():
    text = (
        "Penelope Fillon aurait été employée comme assistante parlementaire. "
        "François Fillon et sa femme sont accusés par le Canard enchaîné."
    )
    (ev,) = [e for e in _events(text) if e.type == "ACCUSE"]
    assert ev.recipient.name == "François Fillon et Penelope Fillon"


def test_a_kin_noun_without_a_relative_named_is_described():
    text = "François Fillon est arrivé. Sa femme a critiqué les journalistes."
    (ev,) = [e for e in _events(text) if e.type == "ACCUSE"]
    assert ev.actor.name == "la femme de François Fillon"
