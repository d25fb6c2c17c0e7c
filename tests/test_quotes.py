"""Quote extraction on sentences (real model): kinds, contents, speakers, negatives."""

from __future__ import annotations

import pytest

import lasswell

pytestmark = pytest.mark.slow


def quotes(text):
    art = lasswell.analyze(text, lang="fr")
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in art.quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # direct, postposed incise with a name
        (
            "« Il n'y a rien à dire sur le résultat », a déclaré Dmitri Peskov aux journalistes.",
            [("direct", "Il n'y a rien à dire sur le résultat", "Dmitri Peskov")],
        ),
        # direct with inverted pronoun, resolved to the person named before
        (
            "Le ministre Bruno Le Maire était à Bercy lundi.\n"
            "« Nous ne changerons pas de cap », a-t-il assuré.",
            [("direct", "Nous ne changerons pas de cap", "Bruno Le Maire")],
        ),
        # colon intro
        (
            "Marine Le Pen a lancé à ses militants : « J'appelle les électeurs à ouvrir les yeux. »",
            [("direct", "J'appelle les électeurs à ouvrir les yeux.", "Marine Le Pen")],
        ),
        # indirect que-clause, no final stop
        (
            "Sergueï Ryabkov a souligné que Moscou n'accepterait rien de moins qu'une garantie écrite.",
            [("indirect", "Moscou n'accepterait rien de moins qu'une garantie écrite", "Sergueï Ryabkov")],
        ),
        # selon X
        (
            "Selon le Kremlin, les discussions continueront la semaine prochaine.",
            [("indirect", "les discussions continueront la semaine prochaine", "Kremlin")],
        ),
        (
            "Les discussions continueront la semaine prochaine, selon la CGT.",
            [("indirect", "Les discussions continueront la semaine prochaine", "CGT")],
        ),
        # mixed: a quoted fragment inside indirect speech
        (
            "Ryabkov a juré que la Russie ne céderait pas aux « tentatives de chantage ».",
            [("mixed", "la Russie ne céderait pas aux « tentatives de chantage »", "Ryabkov")],
        ),
        # de + infinitive
        (
            "La Corée du Nord annonce avoir tiré un nouveau missile balistique.",
            [("indirect", "avoir tiré un nouveau missile balistique", "Corée du Nord")],
        ),
        # negatives: scare quotes, mental states, negated and hypothetical speech
        ("La « protégée » de Macron a visité le salon de l'agriculture samedi.", []),
        ("Le ministre croit que la réforme passera sans difficulté au Sénat.", []),
        ("Le ministre n'a pas dit que la réforme passerait au Sénat.", []),
        ("Le ministre pourrait annoncer que la réforme passera au Sénat.", []),
        ("Il a parlé du budget pendant deux heures devant les députés.", []),
    ],
)
def test_sentences(text, expected):
    assert quotes(text) == expected


def test_continuation_keeps_the_speaker():
    text = (
        "« Jusqu'à présent, il n'y a rien à dire », a déclaré Dmitri Peskov. "
        "« Il reste encore plusieurs rounds à venir avec les Américains. »"
    )
    got = quotes(text)
    assert [g[2] for g in got] == ["Dmitri Peskov", "Dmitri Peskov"]
    assert got[1][1] == "Il reste encore plusieurs rounds à venir avec les Américains."


def test_role_noun_resolves_to_the_person():
    text = (
        "Le porte-parole du Kremlin, Dmitri Peskov, était à Moscou mardi.\n"
        "« Rien à dire sur le résultat des pourparlers », a déclaré le porte-parole du Kremlin."
    )
    assert quotes(text)[-1][2] == "Dmitri Peskov"


def test_unknown_source_stays_unknown():
    (q,) = quotes("Il a été signalé plus tôt que l'administration envisageait des sanctions.")
    assert q[2] is None


def _speakers(text):
    return [q.speaker.name if q.speaker else None for q in lasswell.analyze(text, lang="fr").quotes]


def test_media_noun_is_the_medium_named_before():
    text = (
        "Dans la presse française, Le Parisien avait évoqué mercredi des difficultés.\n"
        "Dans un article publié jeudi, l'hebdomadaire avait affirmé que l'audition s'était mal passée."
    )
    assert _speakers(text)[-1] == "Le Parisien"


def test_media_noun_without_a_medium_stays_a_phrase():
    text = (
        "Le Parti socialiste a réuni ses cadres.\nL'hebdomadaire a affirmé que la réunion s'était mal passée."
    )
    assert _speakers(text) == ["L'hebdomadaire"]


def test_bare_noun_takes_its_one_complete_form():
    text = (
        "La police malaisienne a ouvert une enquête lundi.\n"
        "« Il est indolore et hautement toxique », a déclaré la police mardi."
    )
    assert _speakers(text)[-1] == "La police malaisienne"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shorter variant names the same referent: the fullest is the name
        (
            "Il a été inculpé par les procureurs du tribunal spécial de la Haye.\n"
            "Il a accusé les procureurs de La Haye d'avoir été partiaux.\n"
            "« Les charges sont publiques », ont fait savoir les procureurs.",
            "les procureurs du tribunal spécial de la Haye",
        ),
        # two variants that each say more than the other are two referents
        (
            "Les policiers de Seine-Saint-Denis ont manifesté. Les policiers municipaux aussi.\n"
            "« On ne peut plus travailler », déplorent les policiers.",
            "les policiers",
        ),
        # a clause on the complement is no part of the name
        (
            "Des baigneurs ont été filmés dans le parc national des Calanques qui borde Marseille.\n"
            "« Restez sur les sentiers », demande le parc.",
            "le parc national des Calanques",
        ),
    ],
)
def test_bare_noun_takes_its_fullest_form(text, expected):
    assert _speakers(text)[-1] == expected


def test_role_noun_in_the_speaker_paragraph_is_the_speaker():
    text = (
        "François Fillon, candidat LR, propose de durcir les règles.\n"
        "Pour Nicolas Dupont-Aignan, « les abus ne laissent pas le choix ». Le candidat de Debout la "
        "France estime qu'un élu « doit se tenir à l'écart des lobbys »."
    )
    assert _speakers(text)[-1] == "Nicolas Dupont-Aignan"


def test_source_phrase_stops_before_who_cites_it():
    text = "Il s'agirait d'un attentat-suicide, selon des responsables turcs cités par CNN."
    assert _speakers(text) == ["des responsables turcs"]


def test_the_same_source_is_the_previous_speaker():
    text = (
        "« La livre s'échange à 4.500 », a expliqué un changeur à l'AFP.\n"
        "Elle devrait encore baisser la semaine prochaine, selon la même source."
    )
    assert _speakers(text) == ["un changeur", "un changeur"]


def test_possessed_source_is_named_with_its_possessor():
    text = (
        "François Fillon a été interrogé lundi sur l'emploi de sa femme.\n"
        "Selon son entourage, elle aurait « travaillé dans l'ombre »."
    )
    assert _speakers(text)[-1] == "l'entourage de François Fillon"


def test_participle_with_its_own_subject():
    text = "Le chômage a marqué le quinquennat, le président promettant dès 2012 d'inverser la courbe."
    assert _speakers(text) == ["le président"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an inverted incise the tagger calls a pronoun or a number ("remarque-t-il")
        (
            "Le chercheur Bertrand Lefebvre est prudent. « Ce groupe animal est très débattu » , "
            "remarque-t-il. « Ces fossiles sont différents » et « les caractères ne sont pas "
            "flagrants » , tranche-t-il.",
            [
                ("direct", "Ce groupe animal est très débattu", "Bertrand Lefebvre"),
                ("direct", "Ces fossiles sont différents", "Bertrand Lefebvre"),
                ("direct", "les caractères ne sont pas flagrants", "Bertrand Lefebvre"),
            ],
        ),
        # an incise closes its clause: the next quotation opens a new one
        (
            'Hashim Thaçi a parlé. "Je ne suis pas un saint", a-t-il insisté, mais "une chose est '
            "certaine, il n'y a pas de preuve\", a-t-il déclaré.",
            [
                ("direct", "Je ne suis pas un saint", "Hashim Thaçi"),
                ("direct", "une chose est certaine, il n'y a pas de preuve", "Hashim Thaçi"),
            ],
        ),
        # a bare infinitive after an addressee or time words
        (
            "Robert Bourgi a reconnu auprès de l’ Agence France-Presse avoir acheté des vêtements.",
            [("indirect", "avoir acheté des vêtements", "Robert Bourgi")],
        ),
        (
            "François Fillon a confirmé vendredi soir avoir reçu une montre.",
            [("indirect", "avoir reçu une montre", "François Fillon")],
        ),
        (
            "François Fillon ajoute avoir également reçu un autre cadeau.",
            [("indirect", "avoir également reçu un autre cadeau", "François Fillon")],
        ),
        # a gerund the tagger took for an adjective
        (
            "« Et alors ? » , avait confié François Fillon aux Échos , tout en martelant que ces "
            "cadeaux n’avaient « rien à voir » avec la politique.",
            [
                ("direct", "Et alors ?", "François Fillon"),
                ("mixed", "ces cadeaux n’avaient « rien à voir » avec la politique", "François Fillon"),
            ],
        ),
        # a reported clause ends at a full stop before a quotation the parser ran on into
        (
            "Pablo Dana affirme que cela a été fait dans un geste « très amical » . « Il n’y avait "
            "aucun sous-entendu » , martèle encore François Fillon.",
            [
                ("mixed", "cela a été fait dans un geste « très amical »", "Pablo Dana"),
                ("direct", "Il n’y avait aucun sous-entendu", "François Fillon"),
            ],
        ),
        # a report inside a "selon X" sentence is kept (and the writer's words after it are not
        # part of the quoted object)
        (
            "A Tripoli, l'armée a dispersé des manifestants qui criaient « révolution, révolution », "
            "déclenchant des affrontements, selon un correspondant de l'AFP sur place.",
            [("mixed", "« révolution, révolution »", "des manifestants")],
        ),
        # a quoted object made only of quotations is one quote each (an aside may come first)
        (
            "Des militants scandaient, entre autres, « Fillon, démission » et « Penelope, l’enveloppe ».",
            [
                ("mixed", "« Fillon, démission »", "Des militants"),
                ("mixed", "« Penelope, l’enveloppe »", "Des militants"),
            ],
        ),
        # "il en appelle à": the clitic "en" does not make a gerund without a subject
        (
            "Angelo Gopee, patron de Live Nation, a parlé. Il en appelle à un « plan de reprise », pour "
            "« faire revenir les gens dans les salles ».",
            [
                (
                    "mixed",
                    "un « plan de reprise », pour « faire revenir les gens dans les salles »",
                    "Angelo Gopee",
                )
            ],
        ),
        # negatives: a noun phrase, not an infinitive, after the cue; a verb that is no cue
        ("François Fillon a reconnu vendredi ses torts devant les juges.", []),
        ("François Fillon a vu mardi avoir lieu la réunion.", []),
    ],
)
def test_constructions(text, expected):
    assert quotes(text) == expected


def test_bare_quotation_shares_the_incise_after_it():
    text = (
        "Des manifestants ont crié « Fillon en prison » devant la salle.\n\n"
        "François Fillon ne s'est pas laissé perturber. « Plus ils manifesteront, plus les Français "
        "me soutiendront » . « C’est un comportement anti-démocratique » , a-t-il ainsi confié."
    )
    assert [g[2] for g in quotes(text)][1:] == ["François Fillon", "François Fillon"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role that introduces its person, named later in the paragraph
        (
            "Benoît Hamon veut « lever toute suspicion » .\n\n"
            "La candidate du Front national voudrait interdire « tout aller-retour avec la finance » . "
            "Marine Le Pen souhaite également supprimer l'indemnité de frais de mandat.",
            "Marine Le Pen",
        ),
        # ... but not when two people could be meant
        (
            "Benoît Hamon veut « lever toute suspicion » .\n\n"
            "La candidate du Front national voudrait interdire « tout aller-retour avec la finance » . "
            "Marine Le Pen souhaite également supprimer l'indemnité de frais de mandat. Nathalie Arthaud "
            "veut aussi la supprimer.",
            "La candidate du Front national",
        ),
        # a role with "de la" in it is kept whole, and names the person later
        (
            "La ministre de la Santé Agnès Buzyn a présenté son plan. La gynécologue Danièle Gaudry "
            "a expliqué que « rien n'a changé ».\n« Je resterai attentive », a souligné la ministre.",
            "Agnès Buzyn",
        ),
        # "X dément et dit": the first verb is not part of the subject
        (
            "Le ministère du Travail dément et dit ne pas avoir voulu écarter Marlène Schiappa.",
            "Le ministère du Travail",
        ),
        # a role before a party's name is a person of that party, not the party
        (
            "« On ne sait pas ce qu'il fait de ses journées », confie un député LREM.",
            "un député LREM",
        ),
        # a pronoun opening its sentence continues a body named as the subject before it
        (
            "Le ministre Edouard Philippe a saisi le conseil scientifique.\n\n"
            "Le conseil scientifique a préconisé l'adaptation des règles. Il recommande que les "
            "réunions se tiennent en plein air.",
            "Le conseil scientifique",
        ),
        # a person whose verb the tagger called a preposition (*entre*, lemma *entrer*) is the
        # subject the text has moved on to
        (
            "Jacques Durand s'est longtemps tu. Pierre Dupont a critiqué Marie Dubois. « Ce n'est pas "
            "sérieux », a-t-il dit.\nC'est à ce moment précis que Jacques Durand entre en scène. "
            "Dans une réponse ironique, il "
            "a déclaré : « Tout cela est faux. »",
            "Jacques Durand",
        ),
        # the comma closing the subject's apposed name does not make the verb an incise
        # (Wikinews, 15 July 2016, CC BY 2.5)
        (
            "Le Premier ministre, Binali Yildirim , dénonce une tentative de coup d'État par un groupe "
            "de militaires et averti que ceux impliqués dans cette action « illégale » paieront « le prix "
            "le plus élevé ».",
            "Binali Yildirim",
        ),
        # a bare noun is completed from a fuller mention of the same number only
        (
            "Les policiers de Seine-Saint-Denis se plaignent des restrictions.\n"
            "« On ne peut plus travailler », déplore un policier.",
            "un policier",
        ),
        # … not a person named by a common noun: the speaker goes on
        (
            "Philippe Guedj explique que le public cherche des héros. Le spectateur est dans le besoin "
            "de protecteurs. Il ajoute que « New York nourrit les scénarios ».",
            "Philippe Guedj",
        ),
    ],
)
def test_resolution_in_context(text, expected):
    speakers = _speakers(text)
    assert speakers[1 if "aller-retour" in text else -1] == expected


def test_a_time_word_tagged_as_a_person_is_not_the_subject(fr):
    # the model sometimes tags a sentence-initial "Vendredi" as PER; the role after its comma
    # then names its own person
    from spacy.tokens import Span

    from lasswell.extract import cues as C
    from lasswell.nlp import load_model

    doc = load_model("fr_core_news_md")(
        "Vendredi, la ministre de la Santé Agnès Buzyn a annoncé des mesures."
    )
    doc.ents = [Span(doc, 0, 1, label="PER"), Span(doc, 7, 9, label="PER")]
    verb = next(t.i for t in doc if t.lemma_ == "annoncer")
    g = C.verb_group(doc, verb, doc[:])
    s, e = C.subject_before(doc, g, doc[:], fr)
    assert doc[s:e].text == "la ministre de la Santé Agnès Buzyn"


def test_plural_pronoun_takes_a_passive_agent():
    text = (
        "Le gouverneur de la Banque centrale est critiqué par les manifestants. Ses politiques ont "
        "favorisé un endettement excessif de l'Etat, disent-ils."
    )
    assert _speakers(text) == ["les manifestants"]


def test_interlocutor_is_whom_the_person_spoke_to():
    text = (
        "Emmanuel Macron visitait le salon. « Structurez un groupe, et je vous reçois », a-t-il lancé "
        "à une manifestante se réclamant du mouvement.\n"
        "« Soyez vraiment démocrate », a lancé l'interlocutrice d'Emmanuel Macron."
    )
    assert _speakers(text)[-1] == "une manifestante"


def test_interlocutor_without_an_addressee_stays_a_phrase():
    text = (
        "« Structurez un groupe », a déclaré Emmanuel Macron au salon.\n"
        "« Soyez vraiment démocrate », a lancé l'interlocutrice d'Emmanuel Macron."
    )
    assert _speakers(text)[-1] == "l'interlocutrice d'Emmanuel Macron"


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("« Nous vaincrons », a déclaré le président à la nation lundi soir.", "à la nation"),
        ("« Restez calmes », a-t-il lancé à une manifestante en colère.", "à une manifestante"),
        ("« Tout va bien », a déclaré Emmanuel Macron aux journalistes.", "aux journalistes"),
        ("« Tout va bien », a déclaré Emmanuel Macron à propos de la réforme.", None),
    ],
)
def test_addressee(text, addressee):
    (q,) = lasswell.analyze(text, lang="fr").quotes
    assert (q.addressee.text if q.addressee else None) == addressee


@pytest.mark.parametrize(
    "text",
    [
        # the journalist's own voice: a first person plural imperative
        "Rappelons que la Corée du Nord est considérée comme un pays fermé.",
        # a quoted label before its verb, with no comma: not an incise
        "Les « gilets jaunes » poursuivent les blocages pour la quatrième journée.",
    ],
)
def test_not_quotes(text):
    assert quotes(text) == []


def test_a_recurring_label_is_no_headline_quote():
    text = (
        "« Gilets jaunes » : Christophe Castaner dénonce la dérive des manifestations\n\n"
        "Les « gilets jaunes » poursuivent les blocages."
    )
    assert quotes(text) == []
    text = "« Inacceptable » : Christophe Castaner dénonce la dérive\n\nLes manifestants bloquent."
    assert quotes(text) == [("direct", "Inacceptable", "Christophe Castaner")]


def test_role_synonyms_with_accents_name_the_person():
    text = (
        "Tout a commencé par un clash entre l'humoriste Yassine Belattar et l'homme politique Jean "
        "Messiha. Après un premier échange, le comédien ironise : « Jean, mon chameau. »"
    )
    assert _speakers(text) == ["Yassine Belattar"]


def test_no_quote_from_script_code_in_a_paragraph():
    text = (
        "Un titre\n\n« Il souffre », a confié Frédéric Baroux. "
        'window.pvp_3cef = new Pvp(\'dmpublic\', {idDM: "x45h8hy", mediaType: "dm-public"}, '
        '{ \'sequenceUrl\': "//pms.orange.fr/embed", "autoplay": false'
    )
    assert [q[1] for q in quotes(text)] == ["Il souffre"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a quoted fragment's noun phrase starts at its determiner, after adverbs and time words
        (
            "Emmanuel Macron a salué lundi une « belle victoire » des Bleus.",
            "une « belle victoire » des Bleus",
        ),
        (
            "Éric Ciotti évoque également le « développement de l'insécurité ».",
            "le « développement de l'insécurité »",
        ),
        ("Guillaume Peltier plaide lui pour « augmenter les salaires ».", "« augmenter les salaires »"),
        # a quoted que-clause ends at its mark when a new clause follows
        (
            "S'il estime qu'« une interdiction pourrait se heurter à des obstacles », il préconise de "
            "durcir les règles.",
            "« une interdiction pourrait se heurter à des obstacles »",
        ),
    ],
)
def test_quoted_noun_phrase_content(text, content):
    assert [q[1] for q in quotes(text)] == [content]


def test_a_pronoun_incise_does_not_pull_back_a_continuation():
    # "« A. » « B », a-t-il ajouté" right after Baroux's quote in the same paragraph: A goes on
    # with Baroux; Chirac, named inside A, is nobody's speaker
    text = (
        "« C'est un moment très dur pour lui », a confié Frédéric Baroux, son gendre. « Jacques "
        "Chirac, c'est un homme qui se bat. » « Le moment est terrible », a-t-il ajouté."
    )
    assert _speakers(text)[1] == "Frédéric Baroux"


def test_a_role_is_not_named_by_a_later_object():
    text = "« Tu es viré ! » : l'ancien président du Mexique a un message pour Donald Trump"
    assert _speakers(text) == ["l'ancien président du Mexique"]


def test_a_role_after_an_adjective_is_kept():
    text = (
        "Dans le JDD, un autre ministre, Gabriel Attal, s'inquiète de « forces funestes ». Le ministre "
        "indique que la réserve civique pourrait être une piste.\n"
        "Le ministre de la Ville Julien Denormandie a visité Grigny."
    )
    assert _speakers(text)[1] == "Gabriel Attal"


def test_colon_after_an_incise_takes_the_incise_subject():
    text = (
        "« Je me suis battu pour un portefeuille, j'ai soumis trois noms », a commenté le président "
        "Emmanuel Macron lors d'une conférence de presse à Lyon : « On m'a dit que mon nom était "
        "formidable. »"
    )
    assert _speakers(text) == ["Emmanuel Macron", "Emmanuel Macron"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "« Tout se fait en concertation », a cependant tenu à tempérer Jean-François Martins.",
            "Jean-François Martins",
        ),
        (
            "« Un Tour à la Walko, cela voulait dire un Tour animé », préférait rectifier Roger Walkowiak.",
            "Roger Walkowiak",
        ),
    ],
)
def test_incise_through_a_light_verb(text, speaker):
    assert _speakers(text) == [speaker]


def test_colon_after_a_plain_clause_keeps_its_own_reading():
    # no quotation before the comma: "devenus un cri de ralliement" is no incise with a subject
    text = (
        "Les derniers mots de George Floyd, devenus un cri de ralliement : « Je ne peux pas respirer ». "
        "Barack Obama a publié un texte."
    )
    assert "un cri de ralliement" not in _speakers(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "La remarque a suscité les moqueries des internautes. « Je suis tombé sur un CDI », "
            "confiait l'un d'eux.",
            "l'un des internautes",
        ),
        # no group of people named before: the phrase stays as written
        ("La remarque a fait rire. « Je suis tombé sur un CDI », confiait l'un d'eux.", "l'un d'eux"),
        # "certains" alone: some of the group last named
        (
            "Le président a parlé devant 900 parlementaires. Certains ont dénoncé « une mascarade ».",
            "certains parlementaires",
        ),
        ("La séance a commencé. Certains ont dénoncé « une mascarade ».", "Certains"),
    ],
)
def test_one_of_a_group(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the entity is cut short by the tagger: the phrase names the group
        ("« Nous avons frappé », a déclaré l'État islamique dans un communiqué.", "l'État islamique"),
        # people of a party are not the party
        (
            "« C'est indécent », ont dénoncé certains députés Les Républicains.",
            "certains députés Les Républicains",
        ),
        # a descriptor before a name is still the named organisation
        ("« Rien n'est joué », écrit le quotidien Libération.", "Libération"),
    ],
)
def test_entity_heads(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name the tagger breaks ("Macron" an adverb) is found through the tree
        (
            "Elle est revenue sur sa rencontre avec le président français Emmanuel Macron en février "
            "dernier, qui lui a dit qu'il fallait qu'elle continue le combat.",
            "Emmanuel Macron",
        ),
        # a preposition before "qui": the source is the phrase before it
        (
            "« Les équipements doivent être ouverts », prévient le président de la fédération André "
            "Giraud, selon qui « rien ne pourra bouger » avant l'été.",
            "André Giraud",
        ),
    ],
)
def test_a_relative_qui_stands_for_its_antecedent(text, expected):
    assert _speakers(text)[-1] == expected


def test_a_relative_on_a_thing_names_no_speaker():
    text = (
        "C'est le cas du Haut Conseil de la santé publique (HCSP) qui en prône le port "
        "« systématique » dans les lieux clos."
    )
    assert all(s is None or not s.startswith("le cas") for s in _speakers(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the postposed role's complement ends before its holder's name
        (
            "Greta Thunberg est arrivée. « De quoi ont-ils peur ? », s'est interrogée lundi auprès du "
            "Parisien la secrétaire d'État à la Transition écologique Brune Poirson.",
            "Brune Poirson",
        ),
        # no name after the complement: the role is the subject, resolved as a role
        (
            "Brune Poirson est arrivée. « De quoi ont-ils peur ? », s'est interrogée lundi la "
            "secrétaire d'État à la Transition écologique.",
            "Brune Poirson",
        ),
    ],
)
def test_a_postposed_role_takes_the_name_after_its_complement(text, expected):
    assert _speakers(text)[-1] == expected


def test_certains_after_a_group_with_certains_is_the_whole_group():
    text = (
        "Sa venue a suscité de vives critiques de la part de certains députés Les Républicains et "
        "Rassemblement national, certains appelant même à « boycotter » la jeune écologiste."
    )
    assert _speakers(text)[-1] == "certains députés Les Républicains et Rassemblement national"


def test_a_name_labelling_a_thing_is_no_antecedent():
    text = (
        "Ségolène Royal est arrivée à Lyon. Emmanuel Macron a évoqué l'affaire Penelope Fillon.\n"
        "« Nous devons agir », a déclaré la candidate."
    )
    assert _speakers(text)[-1] == "Ségolène Royal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "les deux journalistes": the last two people named
        (
            "On voit la journaliste Amelia Brace recevoir un coup, puis son cameraman Tim Myers.\n"
            "Les deux journalistes affirment avoir été « touchés par des balles ».",
            "Amelia Brace et Tim Myers",
        ),
        # … not people named as complements of others
        (
            "Hisham Talaat Moustafa, un proche de Gamal Moubarak, fils de l'ancien président Hosni "
            "Moubarak, avait payé l'ancien policier Mohsen al-Sukkari.\n"
            "Les deux hommes ont déclaré être « innocents ».",
            "Hisham Talaat Moustafa et Mohsen al-Sukkari",
        ),
    ],
)
def test_the_two_are_the_last_two_people_named(text, expected):
    assert _speakers(text)[-1] == expected
