"""Events: trigger tables with negatives, arguments, status (real model)."""

from __future__ import annotations

import pytest

from lasswell.extract.events import cameo, find_events, lexicon
from lasswell.lang import load_language
from lasswell.nlp import load_model

FR = load_language("fr")


@pytest.fixture(scope="module")
def nlp():
    return load_model("fr_core_news_md")


def _events(nlp, text: str) -> list[tuple]:
    doc = nlp(text)

    def words(r):
        return doc[r[0] : r[1]].text if r else None

    return [
        (c.type, words(c.trigger), c.status, words(c.actor), words(c.recipient))
        for c in find_events(doc, [(0, len(text))], FR)
    ]


# (sentence, expected events as (type, trigger, status, actor, recipient)); [] = no event.
CASES = [
    (
        "Les deux ministres se sont entretenus lundi avec leurs homologues.",
        [("CONSULT", "entretenus", "occurred", "Les deux ministres", "leurs homologues")],
    ),
    (
        "Il a été interpellé par la police.",
        [("COERCE", "interpellé", "occurred", "la police", "Il")],
    ),
    (
        "La Russie a massé 100 000 soldats près de l'Ukraine.",
        [("MOBILIZE", "massé", "occurred", "La Russie", None)],
    ),
    (
        "Les États-Unis ont menacé la Russie de sanctions.",
        [("THREATEN", "menacé", "occurred", "Les États-Unis", "la Russie de sanctions")],
    ),
    ("La réunion est prévue jeudi à Vienne.", [("CONSULT", "réunion", "planned", None, None)]),
    (
        "Le ministre rencontrera son homologue demain.",
        [("CONSULT", "rencontrera", "planned", "Le ministre", "son homologue")],
    ),
    (
        "Nous n'accepterons pas ces demandes.",
        [("REJECT", "accepterons", "occurred", "Nous", None)],
    ),
    (
        "Des milliers de personnes ont manifesté samedi.",
        [("PROTEST", "manifesté", "occurred", "Des milliers de personnes", None)],
    ),
    (
        "L'opposition a dénoncé une dérive autoritaire.",
        [("ACCUSE", "dénoncé", "occurred", "L'opposition", None)],
    ),
    # negatives: negation, conditional, hypothetical, modal, anaphoric noun, non-person patient
    ("Ils ne se battront pas et ne manifesteront pas.", []),
    ("S'il démissionnait, rien ne changerait.", []),
    ("Une invasion entraînerait des sanctions massives, et le pays pourrait attaquer.", []),
    ("Le gouvernement pourrait démissionner.", []),
    ("Cette réunion a duré deux heures.", []),
    ("Il a arrêté de fumer l'an dernier.", []),
    (
        "Le tribunal l'a condamné à deux ans de prison.",
        [("SANCTION", "condamné", "occurred", "Le tribunal", "l'")],
    ),
    ("Le maire a condamné ces violences.", [("ACCUSE", "condamné", "occurred", "Le maire", None)]),
    # who is asked to act: the subject of the que-clause of a demand
    (
        "La Russie veut que l'OTAN retire ses infrastructures militaires.",
        [
            ("REQUEST", "veut", "occurred", "La Russie", "l'OTAN"),
            ("RETREAT", "retire", "occurred", "l'OTAN", None),
        ],
    ),
    # an event named as the time of another ("lors des manifestations") is reported too
    (
        "Le syndicat a critiqué le préfet lors des manifestations des étudiants samedi.",
        [
            ("ACCUSE", "critiqué", "occurred", "Le syndicat", "le préfet"),
            ("PROTEST", "manifestations", "occurred", "étudiants", None),
        ],
    ),
    # an actor phrase keeps a short participle (non identifiés) but never its own trigger
    (
        "Leur voiture a été arrêtée par des individus non identifiés.",
        [("COERCE", "arrêtée", "occurred", "des individus non identifiés", "Leur")],
    ),
    (
        "Six travailleurs humanitaires tués au Soudan du Sud.",
        [("ASSAULT", "tués", "occurred", None, "Six travailleurs humanitaires")],
    ),
    # a name juxtaposed to its noun belongs to the phrase (no preposition: not a reason or place)
    (
        "Les eurodéputés des groupes PPE, PSE et Renaissance ont conclu un accord.",
        [("AGREE", "conclu", "occurred", "Les eurodéputés des groupes PPE, PSE et Renaissance", None)],
    ),
    # an object the parser labelled as a modifier (no preposition) is still the recipient
    (
        "Dans la foulée, il a décidé d'interpeller la LICRA et SOS Racisme sur Twitter.",
        # the parser hangs "SOS" on the verb; the parse repair joins it to "la LICRA"
        [("REQUEST", "interpeller", "occurred", "il", "la LICRA et SOS Racisme")],
    ),
    # criticism "de la part de" someone comes from them
    (
        "Sa venue a suscité de vives critiques de la part de certains députés.",
        [("ACCUSE", "critiques", "occurred", "certains députés", "Sa")],
    ),
    # a verb's sense by its object: aid released, or a blockade cleared
    (
        "Le gouvernement a débloqué une aide de 10 millions d'euros pour les agriculteurs.",
        [("AID", "débloqué", "occurred", "Le gouvernement", "les agriculteurs")],
    ),
    ("Il a fourni des armes pour la défense du pays.", [("AID", "fourni", "occurred", "Il", None)]),
    (
        "Les forces de l'ordre ont débloqué l'accès au dépôt.",
        [("COERCE", "débloqué", "occurred", "Les forces de l'ordre", None)],
    ),
    # a refusal is aimed at the party of the act refused
    (
        "Le gouvernement a refusé de négocier avec les grévistes.",
        [("REJECT", "refusé", "occurred", "Le gouvernement", "les grévistes")],
    ),
    (
        "Belgrade refuse de reconnaître le Kosovo.",
        [("REJECT", "refuse", "occurred", "Belgrade", "le Kosovo")],
    ),
    ("Il a refusé de partir.", [("REJECT", "refusé", "occurred", "Il", None)]),
    # a no-confidence motion is a challenge, not censorship
    (
        "L'opposition a déposé une motion de censure contre le gouvernement.",
        [("ACCUSE", "motion de censure", "occurred", "L'opposition", None)],
    ),
    # the content of a demand, threat or refusal is no event of its own (EVENTS.md §3)
    (
        "Il a demandé au gouvernement de retirer la réforme.",
        [("REQUEST", "demandé", "occurred", "Il", "gouvernement")],
    ),
    ("Il a menacé de démissionner.", [("THREATEN", "menacé", "occurred", "Il", None)]),
    # … but what one accepts to do is
    (
        "L'administration avait accepté de renoncer aux sanctions.",
        [
            ("AGREE", "accepté", "occurred", "L'administration", None),
            ("CONCEDE", "renoncer", "occurred", "L'administration", None),
        ],
    ),
    # the people owning what is praised
    (
        "La ministre a salué l'engagement des soignants.",
        [("SUPPORT", "salué", "occurred", "La ministre", "soignants")],
    ),
    # "combat" is fighting only in the plural; an event noun subject of another trigger is kept
    ("Il poursuit son combat contre le cancer.", []),
    (
        "De violents combats ont opposé l'armée aux rebelles.",
        [("ASSAULT", "combats", "occurred", None, None)],
    ),
    # "opposer" rejects only as "s'opposer"
    ("La France s'oppose à cette réforme.", [("REJECT", "oppose", "occurred", "La France", None)]),
    # the agent of a trigger verb is its own event's, not its subject noun's
    (
        "Les manifestations ont été dispersées par la police.",
        [
            ("PROTEST", "manifestations", "occurred", None, None),
            ("COERCE", "dispersées", "occurred", "la police", None),
        ],
    ),
    (
        "Des barrages filtrants ont été déployés par les gilets jaunes.",
        [("PROTEST", "barrages", "occurred", "les gilets jaunes", None)],
    ),
    # protest acts and blows named by phrases
    (
        "Les manifestants ont jeté des œufs sur le candidat.",
        [("PROTEST", "jeté", "occurred", "Les manifestants", None)],
    ),
    ("Il a jeté l'éponge.", []),
    ("Ils brandissaient une pancarte.", [("PROTEST", "brandissaient", "occurred", "Ils", None)]),
    (
        "Des casseurs ont mis le feu à des magasins.",
        [("PROTEST", "mis le feu", "occurred", "Des casseurs", None)],
    ),
    ("Il a reçu un coup de matraque.", [("ASSAULT", "coup de matraque", "occurred", None, "Il")]),
    (
        "Le Premier ministre a reçu les syndicats.",
        [("CONSULT", "reçu", "occurred", "Le Premier ministre", "les syndicats")],
    ),
    (
        "Le président a eu un tête à tête avec son homologue.",
        [("CONSULT", "tête à tête", "occurred", "Le président", "son homologue")],
    ),
    # a passive infinitive shares its governing clause's subject, and its agent
    (
        "Des membres du personnel avaient été enlevés par des rebelles avant d'être relâchés.",
        [
            ("ASSAULT", "enlevés", "occurred", "des rebelles", "Des membres du personnel"),
            ("RETREAT", "relâchés", "occurred", "des rebelles", "Des membres du personnel"),
        ],
    ),
    # an inquiry is about a party, or about the doer of the act it examines
    (
        "L'Australie enquête sur l'agression de reporters australiens par la police américaine.",
        [
            ("ACCUSE", "enquête", "occurred", "L'Australie", "la police américaine"),
            ("ASSAULT", "agression", "occurred", "la police américaine", "reporters australiens"),
        ],
    ),
    (
        "Le parquet a ouvert une enquête sur le ministre.",
        [("ACCUSE", "enquête", "occurred", "Le parquet", "le ministre")],
    ),
    # fighting needs a party fought; a capitalised verb form mid-sentence is part of a name
    ("Elle s'est fixé pour priorité de combattre l'alcoolisme.", []),
    (
        "L'UCK a combattu les forces serbes.",
        [("ASSAULT", "combattu", "occurred", "L'UCK", "les forces serbes")],
    ),
    ("La Lotus Exige Sport 410 est proposée au prix de 83 613 euros.", []),
    # a time phrase ends an argument phrase
    (
        "Le président a été mis en accusation par les procureurs du tribunal spécial de la Haye "
        "la semaine dernière.",
        [
            (
                "ACCUSE",
                "mis en accusation",
                "occurred",
                "les procureurs du tribunal spécial de la Haye",
                "Le président",
            )
        ],
    ),
    # towns and sites cleared or closed are no recipients
    (
        "Les forces de l'ordre ont débloqué Gallargues et Aimargues.",
        [("COERCE", "débloqué", "occurred", "Les forces de l'ordre", None)],
    ),
    ("Le tunnel de Saint-Béat sur la RN125 a été fermé.", [("COERCE", "fermé", "occurred", None, None)]),
    # a recipient is a party: roads closed have none, a thing stands for its owner
    (
        "Les autoroutes A27 et A304 ont été fermées par la préfecture.",
        [("COERCE", "fermées", "occurred", "la préfecture", None)],
    ),
    (
        "La candidature de Sylvie Goulard a été rejetée par la Commission.",
        [("REJECT", "rejetée", "occurred", "la Commission", "Sylvie Goulard")],
    ),
    (
        "Le jihadiste belge Oussama Atar aurait été tué en Syrie.",
        [("ASSAULT", "tué", "occurred", None, "Oussama Atar")],
    ),
    ("Quatre autres ont été blessées.", [("ASSAULT", "blessées", "occurred", None, "Quatre autres")]),
    (
        "Trois institutrices ont été arrêtées.",
        [("COERCE", "arrêtées", "occurred", None, "Trois institutrices")],
    ),
    # an inverted incise pronoun is the subject, not the quoted clause's subject
    (
        "« Le temps passe et rien ne change », a-t-elle déploré.",
        [("ACCUSE", "déploré", "occurred", "-t-elle", None)],
    ),
    # a participle set off by a comma belongs to the clause's subject, not to the noun before it
    (
        "La présidente du parti s'est adressée à ses électeurs, fustigeant les alliances entre LREM et LR.",
        [("ACCUSE", "fustigeant", "occurred", "La présidente du parti", "LREM et LR")],
    ),
    # … unless the noun before it is a person (the parser misread the quote as the subject)
    (
        "\"L'éducation n'est pas une variable d'ajustement, ni de nos sociétés ni d'une crise "
        "sanitaire\", a déclaré le ministre de l'Education Jean-Michel Blanquer la semaine "
        "dernière, rejetant un report de la rentrée.",
        [("REJECT", "rejetant", "occurred", "le ministre de l'Education", None)],
    ),
    (
        "Des militants réclamant la démission du préfet.",
        [("REQUEST", "réclamant", "occurred", "Des militants", "préfet")],  # asked to resign
    ),
    # the possessive of an object is the verb's subject
    (
        "Le gouvernement donne son feu vert au projet.",
        [("CONCEDE", "feu vert", "occurred", "Le gouvernement", None)],
    ),
    (  # Wikinews, 30 July 2018 (CC BY 2.5)
        "En revanche, la commission des lois du Sénat continue ses auditions.",
        [("ACCUSE", "auditions", "occurred", "la commission des lois du Sénat", None)],
    ),
    # a visit as the circumstance of a clause is its subject's
    (
        "Lors d'une visite aux commerçants à Paris, le ministre a affirmé que la situation était grave.",
        [("CONSULT", "visite", "occurred", "le ministre", "commerçants")],
    ),
    (
        "Sylvie Goulard rejetée par la Commission européenne : Emmanuel Macron demande des comptes",
        [
            ("REJECT", "rejetée", "occurred", "la Commission européenne", "Sylvie Goulard"),
            ("REQUEST", "demande", "occurred", "Emmanuel Macron", None),
        ],
    ),
    # two subjects (a juxtaposed headline): the nearest before the verb
    (
        "Des grèves dans toute la France, la ministre annonce des mesures pour les enseignants.",
        [("AGREE", "annonce", "occurred", "la ministre", None)],
    ),
    # "par" + a bare noun is a means, not an agent; "de" + a city after an event noun is where
    ("Ils ont été tués par balles.", [("ASSAULT", "tués", "occurred", None, "Ils")]),
    ("L'offensive de Manbij a commencé en juin.", [("ASSAULT", "offensive", "occurred", None, None)]),
    ("Les négociations de Genève ont repris lundi.", [("CONSULT", "négociations", "occurred", None, None)]),
    ("La visite de Nancy Pelosi a irrité Pékin.", [("CONSULT", "visite", "occurred", "Nancy Pelosi", None)]),
    # an event the tagger named (a lower-case MISC entity) is still an event
    ("L'attentat de Strasbourg a fait cinq morts.", [("ASSAULT", "attentat", "occurred", None, None)]),
    # verbs conjugated with être are not passives
    (
        "Les Libanais sont descendus dans la rue, bloquant des routes.",
        [("PROTEST", "bloquant", "occurred", "Les Libanais", None)],
    ),
    # the agent hung on the participle's complement
    (
        "Ils avaient été pointés du doigt par Mediapart.",
        [("ACCUSE", "pointés du doigt", "occurred", "Mediapart", "Ils")],
    ),
    # a sanction's subject undergoes it; the court named in the sentence gives it
    (
        "Au tribunal de Poitiers, un manifestant a écopé de six mois de prison ferme.",
        [("SANCTION", "écopé", "occurred", "tribunal de Poitiers", "un manifestant")],
    ),
    # arrests need a person undergoing them (any noun of people); "interpeller" arrests when
    # a security force (or nobody named) does it, and challenges otherwise
    ("La police a arrêté trois suspects.", [("COERCE", "arrêté", "occurred", "La police", "trois suspects")]),
    ("Le gouvernement a arrêté le projet.", []),
    (
        "Les policiers ont interpellé deux hommes.",
        [("COERCE", "interpellé", "occurred", "Les policiers", "deux hommes")],
    ),
    ("Deux hommes ont été interpellés.", [("COERCE", "interpellés", "occurred", None, "Deux hommes")]),
    # a phrase set off by a comma before a noun is not part of it
    (
        "En Belgique, treize autres personnes interpellées mardi ont été inculpées.",
        [("COERCE", "interpellées", "occurred", None, "treize autres personnes")],
    ),
    (
        "Les treize personnes interpellées en France ont été mises en examen.",
        [
            ("COERCE", "interpellées", "occurred", None, "Les treize personnes"),
            ("ACCUSE", "mises en examen", "occurred", None, "Les treize personnes interpellées en France"),
        ],
    ),
    (
        "Il a interpellé le ministre sur Twitter.",
        [("REQUEST", "interpellé", "occurred", "Il", "le ministre")],
    ),
    (
        "Le chef de l'État a été interpellé par une femme.",
        [("REQUEST", "interpellé", "occurred", "une femme", "Le chef de l'État")],
    ),
    (
        "Des hommes armés ont enlevé deux humanitaires.",
        [("ASSAULT", "enlevé", "occurred", "Des hommes armés", "deux humanitaires")],
    ),
    ("La police a tiré sur la foule.", [("ASSAULT", "tiré", "occurred", "La police", "la foule")]),
    ("Le Hamas a tiré des roquettes sur Israël.", [("ASSAULT", "tiré", "occurred", "Le Hamas", "Israël")]),
    # a verb the lemmatiser left as written; a name the parser split
    (
        "L'opposition réclame la démission du ministre.",
        [("REQUEST", "réclame", "occurred", "L'opposition", "ministre")],
    ),
    ("Nous sommes dans une incohérence totale.", []),  # "sommes" is être, not sommer
    (
        "Emmanuel Macron a rencontré Vladimir Poutine au Kremlin.",
        [("CONSULT", "rencontré", "occurred", "Emmanuel Macron", "Vladimir Poutine")],
    ),
    ("Il a tiré sur la corde.", []),
    # expelling diplomats is a sanction, expelling migrants coercion
    (
        "La France a expulsé deux diplomates russes.",
        [("SANCTION", "expulsé", "occurred", "La France", "deux diplomates russes")],
    ),
    (
        "La préfecture a expulsé les migrants du campement.",
        [("COERCE", "expulsé", "occurred", "La préfecture", "les migrants du campement")],
    ),
    # "à" + article + country is whom; a city after "à" is where
    (
        "La France a apporté son soutien à l'Ukraine.",
        [("SUPPORT", "soutien", "occurred", "La France", "l'Ukraine")],
    ),
    (
        "Les États-Unis vont livrer des armes à l'Ukraine.",
        [("AGREE", "livrer", "planned", "Les États-Unis", "l'Ukraine")],
    ),
    ("Le président s'est rendu à Kiev.", [("CONSULT", "rendu", "occurred", "Le président", None)]),
    (
        "L'Union européenne a adopté de nouvelles sanctions contre la Russie.",
        [("SANCTION", "sanctions", "occurred", "L'Union européenne", "la Russie")],
    ),
    (
        "Le ministre a présenté ses excuses aux familles.",
        [("CONCEDE", "excuses", "occurred", "Le ministre", "familles")],
    ),
    ("Il a trouvé une excuse pour partir.", []),
    # a verb the tagger called a noun (it has an auxiliary)
    (
        "Le chef de la diplomatie américaine a téléphoné à son homologue chinois.",
        [
            (
                "CONSULT",
                "téléphoné",
                "occurred",
                "Le chef de la diplomatie américaine",
                "son homologue chinois",
            )
        ],
    ),
    (
        "Les soldats ont ouvert le feu sur les manifestants.",
        [("ASSAULT", "ouvert le feu", "occurred", "Les soldats", "les manifestants")],
    ),
    ("L'armée russe a envahi l'Ukraine.", [("ASSAULT", "envahi", "occurred", "L'armée russe", "l'Ukraine")]),
    ("Des milliers de crustacés envahissent la plage.", []),
    (
        "Le parquet a requis cinq ans de prison contre l'ancien ministre.",
        [("ACCUSE", "requis", "occurred", "Le parquet", "l'ancien ministre")],
    ),
    (
        "Le syndicat a appelé à la grève.",
        [
            ("REQUEST", "appelé", "occurred", "Le syndicat", None),
            ("PROTEST", "grève", "planned", "Le syndicat", None),
        ],
    ),
    ("Il a dénoncé les manifestations.", [("ACCUSE", "dénoncé", "occurred", "Il", None)]),
    (
        "Le Premier ministre a rendu hommage aux victimes.",
        [("SUPPORT", "rendu hommage", "occurred", "Le Premier ministre", "victimes")],
    ),
    # a call to demonstrate: the protest is planned
    (
        "Les syndicats appellent à manifester jeudi.",
        [
            ("REQUEST", "appellent", "occurred", "Les syndicats", None),
            ("PROTEST", "manifester", "planned", "Les syndicats", None),
        ],
    ),
    # a future the tagger calls a present, announced by its doer, is a threat
    (
        "« J'arrêterai tous ceux qui trahissent », a-t-il dit.",
        [("THREATEN", "arrêterai", "planned", "J'", "tous ceux")],
    ),
    # "cour" is a court only with its kind
    (
        "Cinq jeunes détenus ont été condamnés jeudi pour le lynchage d'un détenu dans une cour "
        "de promenade de la prison.",
        [("SANCTION", "condamnés", "occurred", None, "Cinq jeunes détenus")],
    ),
    # the possessive of a non-support verb's object is not its subject
    (
        "À plusieurs reprises, la presse a révélé ses négociations secrètes.",
        [("CONSULT", "négociations", "occurred", "ses", None)],
    ),
    (
        "Le ministre a essuyé de vives critiques de la part de l'opposition.",
        [("ACCUSE", "critiques", "occurred", "l'opposition", "Le ministre")],
    ),
    # a verb of causing: its object does the infinitive's act, not the causer
    (
        "Une campagne de bombardements a contraint les forces serbes à se retirer.",
        [("RETREAT", "retirer", "occurred", "les forces serbes", None)],
    ),
    (
        "Le président a poussé la justice à lancer une enquête.",
        [("ACCUSE", "enquête", "occurred", "la justice", None)],
    ),
    # an object clitic names nobody: no actor rather than the causer
    ("Ils l'ont contraint à démissionner.", [("RETREAT", "démissionner", "occurred", None, None)]),
    # not a verb of causing: the subject still acts
    ("Le ministre a décidé de démissionner.", [("RETREAT", "démissionner", "occurred", "Le ministre", None)]),
    # hyphenated words are kept whole
    (
        "La CGT-Energie a déposé un préavis de grève pour jeudi.",
        [("PROTEST", "préavis de grève", "occurred", "CGT-Energie", None)],
    ),
    ("Le Hamas a tiré sur Tel-Aviv.", [("ASSAULT", "tiré", "occurred", "Le Hamas", "Tel-Aviv")]),
    # an infinitive after "de" that the parser hung as a complement shares the subject
    (
        "Jean Messiha a décidé d'interpeller la LICRA sur Twitter.",
        [("REQUEST", "interpeller", "occurred", "Jean Messiha", "la LICRA")],
    ),
    # "faire l'objet de", "être la cible de": the subject undergoes the act, it does not do it
    (
        "Le ministre fait l'objet d'une enquête.",
        [("ACCUSE", "enquête", "occurred", None, "Le ministre")],
    ),
    (
        "Le ministre est la cible de vives critiques de la part de l'opposition.",
        [("ACCUSE", "critiques", "occurred", "l'opposition", "Le ministre")],
    ),
    # … a thing so named is no recipient
    (
        "Le projet fait l'objet de négociations entre les syndicats et le patronat.",
        [("CONSULT", "négociations", "occurred", "les syndicats et le patronat", None)],
    ),
    # "visant X" after an event noun names its recipient
    (
        "Le parquet a ouvert une enquête visant le couple.",
        [("ACCUSE", "enquête", "occurred", "Le parquet", "le couple")],
    ),
    (
        "Le parquet a ouvert une enquête visant la réforme.",
        [("ACCUSE", "enquête", "occurred", "Le parquet", None)],
    ),
    # arguments the parser hung on a time word after the noun
    (
        "Lors d'une visite ce dimanche aux commerçants à Paris, Bruno Le Maire a affirmé que c'était une "
        "catastrophe.",
        [("CONSULT", "visite", "occurred", "Bruno Le Maire", "commerçants")],
    ),
    # support given "avec" goes to the clause's subject
    (
        "L'armée turque intervient dans le nord de la Syrie avec le soutien des États-Unis.",
        [("SUPPORT", "soutien", "occurred", "États-Unis", "L'armée turque")],
    ),
    # "juger" with a predicative complement and no person: deemed, not tried
    ("Ces éléments ont été jugés suffisants par le parquet.", []),
    ("Le prévenu a été jugé coupable.", [("ACCUSE", "jugé", "occurred", None, "Le prévenu")]),
    # a person named by a feminine noun undergoes the participle qualifying it
    (
        "Une cérémonie a été organisée pour Clarissa Jean-Philippe, la jeune policière municipale tuée "
        "à Montrouge.",
        [("ASSAULT", "tuée", "occurred", None, "la jeune policière municipale")],
    ),
    # a relative pronoun stands for the noun its clause qualifies
    (
        "L'armée turque et les rebelles qu'elle soutient ont pris la ville.",
        [("SUPPORT", "soutient", "occurred", "elle", "les rebelles")],
    ),
    (
        "Les manifestants que la police a arrêtés ont été relâchés.",
        [
            ("COERCE", "arrêtés", "occurred", "la police", "Les manifestants"),
            ("RETREAT", "relâchés", "occurred", None, "Les manifestants"),
        ],
    ),
    (
        "Le candidat qui a critiqué le gouvernement.",
        [("ACCUSE", "critiqué", "occurred", "Le candidat", "le gouvernement")],
    ),
    # a cleft's copula and subject are not part of the noun phrase
    (
        "Ce sont deux clans qui espèrent que le Boléro revienne dans le domaine privé.",
        [("REQUEST", "espèrent", "occurred", "deux clans", "le Boléro")],
    ),
    # a caption's event noun the recogniser took for a one-word name
    (
        "Rassemblement à Toulouse, au lendemain de la fusillade.",
        [("PROTEST", "Rassemblement", "occurred", None, None)],
    ),
    ("Rassemblement national : Marine Le Pen réélue.", []),
    # what is thrown decides: stones assault, eggs protest, a product is no event
    (
        "Des jeunes ont jeté des pierres sur les policiers.",
        [("ASSAULT", "jeté", "occurred", "Des jeunes", "les policiers")],
    ),
    ("Le Hamas a lancé des roquettes sur Israël.", [("ASSAULT", "lancé", "occurred", "Le Hamas", "Israël")]),
    (
        "Des manifestants ont lancé des œufs sur le candidat.",
        [("PROTEST", "lancé", "occurred", "Des manifestants", None)],
    ),
    ("Apple a lancé un nouveau téléphone.", []),
    # roads and sites closed have no recipient, whatever their ending
    ("Plusieurs échangeurs d'autoroutes ont été fermés.", [("COERCE", "fermés", "occurred", None, None)]),
    # the doer of a denounced act, named by "par", is its target
    (
        "Le Premier ministre dénonce une tentative de coup d'État par un groupe de militaires.",
        [("ACCUSE", "dénonce", "occurred", "Le Premier ministre", "un groupe de militaires")],
    ),
    # a conjoined noun ends where its own phrase does, not with a clause hung on it
    (
        "La justice accuse son allié Kadri Veseli et d'autres personnes d'être responsables de meurtres.",
        [("ACCUSE", "accuse", "occurred", "La justice", "son allié Kadri Veseli et d'autres personnes")],
    ),
    # a time phrase between a support verb and its event noun
    (
        "Ils ont ensuite mené fin août une offensive depuis l'enclave d'Afrin.",
        [("ASSAULT", "offensive", "occurred", "Ils", None)],
    ),
    # "l'accusation" is the prosecution, "ces accusations" the charges reported before: the act
    # of accusing is reported by its verb
    ("L'accusation a relevé que le prévenu était un homme public.", []),
    ("Il fera face à ces accusations de crimes de guerre depuis son bureau.", []),
    # a noun negated by its determiner
    ("Aucune interpellation n'a pour l'heure eu lieu.", []),
    (
        "La police a procédé à une interpellation lundi.",
        [("COERCE", "interpellation", "occurred", "La police", None)],
    ),
    # an infinitive naming a kind of act ("celui de bloquer"), not an act
    ("Le droit de manifester, ce n'est pas celui de bloquer les routes.", []),
    # ending a strike is a concession (EVENTS.md §3)
    ("Le syndicat a mis fin à la grève lundi.", [("CONCEDE", "grève", "occurred", "Le syndicat", None)]),
    # a verb the parser conjoined to the object shares the clause's subject; the object's phrase
    # stops before it
    (
        "Le Premier ministre, Binali Yildirim, dénonce une tentative de coup d'État par un groupe de "
        "militaires et averti que les coupables paieront.",
        [
            ("ACCUSE", "dénonce", "occurred", "Binali Yildirim", "un groupe de militaires"),
            ("THREATEN", "averti", "occurred", "Binali Yildirim", None),
        ],
    ),
    # … not when that noun is a predicate with a subject of its own
    (
        "Tous les pays quasiment, qui sont au côté d'un pays où existe une épidémie, ferment ou "
        "contrôlent leur frontière.",
        [("COERCE", "ferment", "occurred", "Tous les pays quasiment", None)],
    ),
    # an "à" phrase naming an office belongs to a group's name; a locution does not
    (
        "Les principaux candidats à la présidentielle s'engagent pour la transparence.",
        [("AGREE", "engagent", "occurred", "Les principaux candidats à la présidentielle", None)],
    ),
    (
        "Des manifestants à l'origine du barrage ont été délogés.",
        [("COERCE", "délogés", "occurred", None, "Des manifestants")],
    ),
    # "entre X et Y": both sides act; "contre" a cause is no recipient
    (
        "La guerre du Kosovo entre forces serbes et guérilla albanaise a fait 13.000 morts.",
        [("ASSAULT", "guerre", "occurred", "forces serbes et guérilla albanaise", None)],
    ),
    (
        "Une manifestation contre le racisme a eu lieu lundi.",
        [("PROTEST", "manifestation", "occurred", None, None)],
    ),
    (
        "La troisième attaque contre des personnels humanitaires a eu lieu lundi.",
        [("ASSAULT", "attaque", "occurred", None, "des personnels humanitaires")],
    ),
    # an event noun as the means or agent of a passive: its subject undergoes the act
    (
        "Ils ont été dispersés avec du gaz lacrymogène.",
        [
            ("COERCE", "dispersés", "occurred", None, "Ils"),
            ("ASSAULT", "gaz lacrymogène", "occurred", None, "Ils"),
        ],
    ),
    (
        "Il a aussi été accueilli par un concert de casseroles de la part de ces manifestants.",
        [("PROTEST", "concert de casseroles", "occurred", "ces manifestants", "Il")],
    ),
    # a reflexive criticism's "de" phrase, or its owner, is the target
    ("Le ministre se plaint du préfet.", [("ACCUSE", "plaint", "occurred", "Le ministre", "préfet")]),
    (
        "La Toile se moque du selfie des ministres.",
        [("ACCUSE", "moque", "occurred", "La Toile", "ministres")],
    ),
    # the author of an approved or criticised thing
    (
        "Bernard Tapie approuve la méthode suggérée par Emmanuel Macron à un jeune chômeur.",
        [("SUPPORT", "approuve", "occurred", "Bernard Tapie", "Emmanuel Macron")],
    ),
    # "à" + a capital is the government addressed by a demand or given aid, a place for a visit
    ("Paris a livré des armes à Kiev.", [("AID", "livré", "occurred", "Paris", "Kiev")]),
    ("Le ministre s'est rendu à Moscou.", [("CONSULT", "rendu", "occurred", "Le ministre", None)]),
    # a past participle opening the sentence says what the main clause's subject underwent
    (
        "Interpellé par la police, le suspect a été placé en garde à vue.",
        [
            ("COERCE", "Interpellé", "occurred", "la police", "le suspect"),
            ("COERCE", "placé en garde à vue", "occurred", None, "le suspect"),
        ],
    ),
    (
        "Interpellé par une femme, il a répondu calmement.",
        [("REQUEST", "Interpellé", "occurred", "une femme", "il")],
    ),
    # an alleged act is the content of the accusation, not an event of its own
    (
        "Le candidat est accusé d'avoir accordé un poste à sa femme.",
        [("ACCUSE", "accusé", "occurred", None, "Le candidat")],
    ),
    (
        "Il accuse la police d'avoir frappé des manifestants.",
        [("ACCUSE", "accuse", "occurred", "Il", "la police")],
    ),
    # a guess about an act is an opinion, not an event (EVENTS.md §1)
    ("Il a reconnu qu'il était peu probable que les États-Unis acceptent la demande de la Russie.", []),
    ("Il est possible que la police arrête les manifestants.", []),
    # a text acts for its author; a number of people is the group it counts
    (
        "Deux documents rédigés par son ministère des Affaires étrangères appellent à l'arrêt des exercices.",
        [("REQUEST", "appellent", "occurred", "son ministère des Affaires étrangères", None)],
    ),
    (
        "Des dizaines de personnes se sont rassemblées mercredi devant le siège de la police.",
        [("PROTEST", "rassemblées", "occurred", "Des dizaines de personnes", None)],
    ),
    # "permettre à X de": X does the act
    (
        "L'ordonnance permettra au conseil municipal de se réunir.",
        [("CONSULT", "réunir", "occurred", "conseil municipal", None)],
    ),
    # "d'autres figures comme X ou Y": the ones named act
    (
        "Les divisions s'aggravent, alors que d'autres figures comme Rachida Dati ou Christian Estrosi "
        "le critiquent ouvertement.",
        [("ACCUSE", "critiquent", "occurred", "Rachida Dati ou Christian Estrosi", "le")],
    ),
    # "ce qui a été critiqué": a clause, no party
    (
        "Le président a annoncé un plan de formation, ce qui a été critiqué par l'opposition.",
        [
            ("AGREE", "annoncé", "occurred", "Le président", None),
            ("ACCUSE", "critiqué", "occurred", "l'opposition", None),
        ],
    ),
    # a person named by an "ex-" noun
    (
        "L'ex-figure de proue du mouvement a été interpellé.",
        [("COERCE", "interpellé", "occurred", None, "L'ex-figure de proue du mouvement")],
    ),
    # lifting a measure is a concession; lifting a veil or funds is not
    (
        "Washington a levé les sanctions contre l'Iran.",
        [("CONCEDE", "levé", "occurred", "Washington", "l'Iran")],
    ),
    ("Les restrictions ont été levées lundi.", [("CONCEDE", "levées", "occurred", None, None)]),
    ("Le constructeur a levé le voile sur sa nouvelle voiture.", []),
    # the object of a verb of perception does the infinitive's act; not a reflexive one
    (
        "Sur la vidéo, on voit la journaliste Amelia Brace recevoir un coup de matraque.",
        [("ASSAULT", "coup de matraque", "occurred", None, "Amelia Brace")],
    ),
    (
        "Deux dirigeants du magazine se sont vus infliger une amende de 45 000 euros.",
        [("SANCTION", "amende", "occurred", "Deux dirigeants du magazine", None)],
    ),
    # the agent of a participle of doing after an event noun did it; not of any participle
    (
        "L'offensive lancée par l'armée turque a fait dix morts.",
        [("ASSAULT", "offensive", "occurred", "l'armée turque", None)],
    ),
    (
        "Les frappes menées par la coalition ont repris.",
        [("ASSAULT", "frappes", "occurred", "la coalition", None)],
    ),
    (
        "La manifestation encadrée par la police a réuni mille personnes.",
        [("PROTEST", "manifestation", "occurred", None, None)],
    ),
    # the à phrase of a verbal locution's bare noun is whom it is directed at; a city is a place
    (
        "Le ministre rend visite aux agriculteurs.",
        [("CONSULT", "rend visite", "occurred", "Le ministre", "agriculteurs")],
    ),
    ("Le ministre rend visite à Bruxelles.", [("CONSULT", "rend visite", "occurred", "Le ministre", None)]),
    # criticism aroused: its cause, or the cause's owner, is the target
    (
        "La venue de Marie Dubois à Lyon a suscité de vives critiques de la part des syndicats.",
        [("ACCUSE", "critiques", "occurred", "syndicats", "Marie Dubois")],
    ),
    (
        "Le projet du gouvernement a suscité de vives critiques de la part des syndicats.",
        [("ACCUSE", "critiques", "occurred", "syndicats", "gouvernement")],
    ),
    (
        "La réforme a suscité de vives critiques de la part des syndicats.",
        [("ACCUSE", "critiques", "occurred", "syndicats", None)],
    ),
    # "inviter X à faire" asks (also with the lemma left as written, and an infinitive the
    # parser lost far in the sentence); "inviter X à un lieu" is a meeting
    (
        "Le ministre invite les journalistes à déposer plainte.",
        [("REQUEST", "invite", "occurred", "Le ministre", "les journalistes")],
    ),
    (
        'Le ministre a averti les manifestants, invitant "les gens qui sont très pacifiques, mais qui '
        'sont emportés par ceux qui sont plus radicaux, à rester chez eux".',
        [
            ("THREATEN", "averti", "occurred", "Le ministre", "les manifestants"),
            ("REQUEST", "invitant", "occurred", None, None),
        ],
    ),
    (
        "Le président invite les syndicats à l'Élysée.",
        [("CONSULT", "invite", "occurred", "Le président", "les syndicats")],
    ),
    # a participle the parser made a relative clause of its subject's noun (an absolute
    # construction); and a clause hung before the noun stays out of its phrase
    (
        "Selon la presse, la réunion a été \"houleuse\", le Premier ministre s'en prenant à l'aile "
        "gauche du parti.",
        [
            ("CONSULT", "réunion", "occurred", None, None),
            ("ACCUSE", "prenant", "occurred", "le Premier ministre", "l'aile gauche du parti"),
        ],
    ),
    # one mention per clause and type (EVENTS.md §1): the one that names its parties
    (
        "Des consultations supplémentaires sont prévues lors d'une réunion spéciale du Conseil "
        "OTAN-Russie à Bruxelles mercredi.",
        [("CONSULT", "réunion", "planned", "Conseil OTAN-Russie", None)],
    ),
    # repeating a warning voices it; citing it does not
    (
        "Sherman a répété les avertissements de l'administration.",
        [("THREATEN", "avertissements", "occurred", "Sherman", None)],
    ),
    (
        "Sherman a cité les avertissements de l'administration.",
        [("THREATEN", "avertissements", "occurred", "l'administration", None)],
    ),
    # a thing does not act: the agent of the passive does its purpose (Wikinews, 26 January 2017,
    # CC BY 2.5); a person undergoing it is left alone
    (
        "Ces éléments ont été jugés suffisants par le parquet financier de Paris pour ouvrir une "
        "enquête visant le couple.",
        [("ACCUSE", "enquête", "occurred", "le parquet financier de Paris", "le couple")],
    ),
    # a name in apposition the parser hung elsewhere stays in the phrase; a person's first name
    # is left to the rules for titles
    (
        "Le Sénat américain va voter des sanctions contre le gazoduc russe Nord Stream 2.",
        [("SANCTION", "sanctions", "planned", "Le Sénat américain", "le gazoduc russe Nord Stream 2")],
    ),
    (
        "Selon lui, a déclaré le ministre de l'Education Jean-Michel Blanquer la semaine dernière, "
        "rejetant un report de la rentrée.",
        [("REJECT", "rejetant", "occurred", "le ministre de l'Education", None)],
    ),
    # a diplomatic post is named with its city; elsewhere "à Moscou" is where
    (
        "L'ambassadeur de France à Moscou a protesté.",
        [("PROTEST", "protesté", "occurred", "L'ambassadeur de France à Moscou", None)],
    ),
    (
        "Le ministre de l'Intérieur à Moscou a protesté.",
        [("PROTEST", "protesté", "occurred", "Le ministre de l'Intérieur", None)],
    ),
    # a demand for an act is addressed to its doer, or to the parties between whom it is to
    # happen; not to those it would benefit
    (
        "Mercredi, la Mairie a demandé l'intervention de la police dans deux garages.",
        [("REQUEST", "demandé", "occurred", "la Mairie", "la police")],
    ),
    (
        "Elle appelle à la reprise du dialogue entre l'État et les syndicats.",
        [("REQUEST", "appelle", "occurred", "Elle", "l'État et les syndicats")],
    ),
    (
        "Le syndicat réclame la libération des otages.",
        [("REQUEST", "réclame", "occurred", "Le syndicat", None)],
    ),
    # money given is aid, and a pledge when announced (EVENTS.md §3); an opinion given is nothing
    (
        "L'État a versé 10 millions d'euros aux agriculteurs.",
        [("AID", "versé", "occurred", "L'État", "agriculteurs")],
    ),
    (  # Wikinews, 17 December 2018 (CC BY 2.5); the subject the parser hangs on "18h00" too
        "Vers 18h00, Anne Hidalgo, la maire de Paris, va donner un million d'euros aux commerçants et "
        "artisans parisiens suite aux manifestations des Gilets jaunes.",
        [
            ("AGREE", "donner", "planned", "Anne Hidalgo", "commerçants et artisans parisiens"),
            # the cause of another act is reported too, and came first
            ("PROTEST", "manifestations", "occurred", "Gilets jaunes", None),
        ],
    ),
    ("Il a donné son avis aux journalistes.", []),
    # a possessive opening the sentence in a time phrase announces the subject; not across
    # numbers, nor for an act its possessor undergoes
    (
        "Après sa visite, Laurent Nunez a demandé au préfet de revoir les consignes.",
        [
            ("CONSULT", "visite", "occurred", "Laurent Nunez", None),
            ("REQUEST", "demandé", "occurred", "Laurent Nunez", "préfet"),
        ],
    ),
    (
        "Après leur réunion, le ministre a démissionné.",
        [
            ("CONSULT", "réunion", "occurred", "leur", None),
            ("RETREAT", "démissionné", "occurred", "le ministre", None),
        ],
    ),
    # the possessor of an arrest, a custody or an indictment undergoes it, also in a phrase
    (
        "Durant sa garde à vue, le boulanger a confié avoir paniqué.",
        [("COERCE", "garde à vue", "occurred", None, "sa")],
    ),
    (
        "La Cour a estimé que la garde à vue de Murielle Bolle n'était pas conforme.",
        [("COERCE", "garde à vue", "occurred", None, "Murielle Bolle")],
    ),
    # blocking networks censors (COERCE); blocking a site protests
    (
        "Les réseaux sociaux ont été bloqués dans le pays.",
        [("COERCE", "bloqués", "occurred", None, None)],
    ),
    (
        "Les manifestants ont bloqué le site de l'usine.",
        [("PROTEST", "bloqué", "occurred", "Les manifestants", None)],
    ),
    # a boycott is aimed at its object, or at the object's owner; a blockade is not
    (
        "Certains députés appellent à boycotter la ministre.",
        [
            ("REQUEST", "appellent", "occurred", "Certains députés", None),
            ("PROTEST", "boycotter", "planned", "Certains députés", "la ministre"),
        ],
    ),
    (
        "Les élus ont boycotté le discours du président.",
        [("PROTEST", "boycotté", "occurred", "Les élus", "président")],
    ),
    (
        "Les routiers bloquent l'autoroute du Sud.",
        [("PROTEST", "bloquent", "occurred", "Les routiers", None)],
    ),
    # an act after "à" names its owner as the recipient; a locution does not
    (
        "Le gouvernement donne son feu vert à l'installation des conseils municipaux.",
        [("CONCEDE", "feu vert", "occurred", "Le gouvernement", "conseils municipaux")],
    ),
    (
        "Il a apporté son soutien à la candidature de Marie Dubois.",
        [("SUPPORT", "soutien", "occurred", "Il", "Marie Dubois")],
    ),
    (
        "Le ministre a apporté son soutien à la tête de la liste.",
        [("SUPPORT", "soutien", "occurred", "Le ministre", None)],
    ),
    ("La start-up a levé 10 millions d'euros.", []),
    # a condemnation of a thing or an act disapproves; of a person, or with no object, it sentences
    (
        "Les députés ont voté la condamnation des violences.",
        [("ACCUSE", "condamnation", "occurred", "Les députés", None)],
    ),
    (
        "La condamnation de Jean Dupont a surpris ses proches.",
        [("SANCTION", "condamnation", "occurred", None, "Jean Dupont")],
    ),
    # an appeal to a higher court is no request; calling on someone is
    ("Le prévenu a fait appel du jugement rendu par le tribunal.", []),
    (
        "Le maire a fait appel à l'armée pour rétablir l'ordre.",
        [("REQUEST", "appel", "occurred", "Le maire", "l'armée")],
    ),
    # a cleft's "c'" acts for nobody
    ("C'était la rencontre de la nuit.", [("CONSULT", "rencontre", "occurred", None, None)]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_event_table(nlp, text, expected):
    assert _events(nlp, text) == expected


@pytest.mark.slow
def test_content_of_a_threat_is_not_a_second_event(nlp):
    types = [e[0] for e in _events(nlp, "Washington a menacé Moscou de nouvelles sanctions.")]
    assert types == ["THREATEN"]


def test_lexicon_is_keyed_by_language_and_complete():
    lex = lexicon("fr")
    types = {t for ts in (*lex.verbs.values(), *lex.nouns.values()) for t in ts}
    assert len(types) == 16
    assert set(lex.data["cameo"]) == types


@pytest.mark.parametrize(
    ("etype", "mode", "code"),
    [
        ("CONSULT", None, "04"),
        ("ACCUSE", "investigate", "09"),
        ("ASSAULT", None, "18"),
        ("PROTEST", "riot", "14"),
    ],
)
def test_cameo_crosswalk(etype, mode, code):
    assert cameo(etype, mode, FR) == code


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # as a quote's cue, "conclure" and "poursuivre" are ways of speaking, not acts
        ("« Nous avons une opportunité », a-t-il conclu.", "conclu", []),
        ("« Ce ne sera pas comme avant », a poursuivi le ministre.", "poursuivi", []),
        # a critical cue is still an act
        ("« C'est une honte », a fustigé le ministre.", "fustigé", ["ACCUSE"]),
        # the same verb outside a cue is an event
        ("Les deux pays ont conclu un accord.", None, ["AGREE"]),
    ],
)
def test_speech_sense_of_cues(nlp, text, cue, expected):
    doc = nlp(text)
    cues = [(text.index(cue), text.index(cue) + len(cue))] if cue else []
    assert [c.type for c in find_events(doc, [(0, len(text))], FR, cues=cues)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Les pourparlers de Genève ont repris lundi.", "Genève"),
        # a country after an event noun is who acts, not where
        ("Les menaces de la Russie ont inquiété les Européens.", None),
    ],
)
def test_place_of_an_event_noun(nlp, text, place):
    doc = nlp(text)
    places = [(t.i, t.i + 1) for t in doc if t.text in ("Genève", "Russie")]  # as the entity index gives them
    (ev,) = find_events(doc, [(0, len(text))], FR, places=places)
    assert (doc[ev.location[0] : ev.location[1]].text if ev.location else None) == place
