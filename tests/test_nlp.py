"""The fast model load (factored French ``token_match``) tokenises exactly like stock spaCy."""

from __future__ import annotations

import re

import pytest

from lasswell import nlp as lnlp

MODEL = "fr_core_news_md"
TRICKY = [
    "Aujourd'hui, c'est-à-dire peut-être demain, les États-Unis et l'Union européenne.",
    "Il a répondu qu'\"aucune\" décision n'était prise, jusqu'à nouvel ordre.",
    "Le black-out, le burn-out et le hip-hop des ex-présidents anti-européens.",
    "Un arc-en-ciel sur Saint-Étienne-du-Rouvray, Pont-l'Évêque et l'Île-de-France.",
    "Va-t-il venir ? A-t-on vu le vice-président, le porte-avions, le pet-en-l'air ?",
    "Le prud'homme, ma grand'mère, entr'abat, la Droits-de-l'Homme, New-York, new‐york.",
    "Écrivez à jean.dupont@example.fr ou voyez https://www.lemonde.fr/a-b?x=1&y=2 (e-mail).",
    "Le 11/01/2022 à 12h30 : 3,14 %, 1 200 000 euros, 2022-01-11, n°5, 10.5.",
    "Le Premier-ministre et la premier‐ministre ; AÉRO-CLUB, aéro-club, Aéro-Club, google-isé.",
    "« Nous ne céderons pas », a dit M. Lavrov ; l’OTAN, qu’« aucune », l’armée.",
]


def test_factor_alternation_merges_by_tail_and_matches_the_same_strings() -> None:
    # the cut falls before the first class with an escape (like spaCy's huge letter classes)
    alts = [r"^abat[-][a-z\d]*$", r"^a[ée]ro[-][a-z\d]*$", r"^bas(?:ses?)?[-][a-z\d]*$", r"^\d[a-z]+$"]
    pattern = "(?iu)" + "|".join(f"(?:{a})" for a in alts)
    fast = lnlp.factor_alternation(pattern)
    assert fast == r"(?iu)(?:^(?:abat[-]|a[ée]ro[-]|bas(?:ses?)?[-])[a-z\d]*$)|(?:^\d[a-z]+$)"
    words = ["abat-x", "ABAT-x1z", "aéro-xa", "aero-x", "basses-x", "bass-x", "5ab", "5", "abat-", "abat"]
    assert [bool(re.match(fast, w)) for w in words] == [bool(re.match(pattern, w)) for w in words]


@pytest.mark.parametrize(
    "pattern",
    [
        "(?x)(?:^a[b]c$)|(?:^d[e]f$)",  # verbose: spaces and `#` are syntax
        "(?:^a[b]c$)|(?:^d[e]f$)",  # no global flags: not spaCy's shape
        "(?i)(?:^a\\$)|(?:^b$)",  # an escaped `$`
    ],
)
def test_factor_alternation_refuses_other_shapes(pattern: str) -> None:
    assert lnlp.factor_alternation(pattern) is None


def test_factor_alternation_never_cuts_inside_a_class_opening_with_a_bracket() -> None:
    pattern = "(?i)(?:^[^][ab]c[x]y$)|(?:^[]d][ab]c[x]y$)"
    fast = lnlp.factor_alternation(pattern)
    for w in ["ac", "]c", "[c", "dac]", "]bcy", "acxy", "]acxy", "dbcxy", "zbcxy", "abcxy"]:
        assert bool(re.match(fast, w)) == bool(re.match(pattern, w)), w


def test_re_compile_is_restored_and_small_patterns_untouched() -> None:
    stock = re.compile
    with lnlp.factored_huge_alternations():
        assert re.compile is not stock
        assert re.compile("(?i)(?:^a[b]$)|(?:^c[b]$)").pattern == "(?i)(?:^a[b]$)|(?:^c[b]$)"
    assert re.compile is stock


@pytest.fixture(scope="module")
def stock():
    """Stock spaCy tokenizer (plus lasswell's documented ``qu'"`` infix), loaded without the fast path."""
    import spacy

    assert re.compile.__module__ == "re"
    nlp = spacy.load(MODEL, exclude=["tok2vec", "morphologizer", "parser", "senter", "lemmatizer", "ner"])
    lnlp._split_elision_before_quote(nlp)
    return nlp


@pytest.mark.slow
def test_load_model_uses_the_factored_token_match(stock) -> None:
    stock_pattern = stock.tokenizer.token_match.__self__.pattern
    assert len(stock_pattern) > lnlp._HUGE_PATTERN  # the 1.45 MB pattern, compiled the stock way
    fast_pattern = lnlp.load_model(MODEL).tokenizer.token_match.__self__.pattern
    assert fast_pattern == lnlp.factor_alternation(stock_pattern)
    assert len(fast_pattern) < lnlp._HUGE_PATTERN


@pytest.mark.slow
@pytest.mark.parametrize("text", TRICKY)
def test_fast_tokenizer_equals_stock(stock, text: str) -> None:
    fast = lnlp.load_model(MODEL)
    assert [(t.text, t.whitespace_) for t in fast.tokenizer(text)] == [
        (t.text, t.whitespace_) for t in stock.tokenizer(text)
    ]
    pieces = {p for w in text.split() for p in (w, w.strip(".,;:!?()«»\"'’"))}
    pieces |= {p[:i] for p in list(pieces) for i in range(1, len(p))}
    for piece in pieces:
        assert bool(fast.tokenizer.token_match(piece)) == bool(stock.tokenizer.token_match(piece)), piece


@pytest.mark.slow
def test_split_elision_before_quote_still_applies() -> None:
    tokens = [t.text for t in lnlp.load_model(MODEL).tokenizer('qu\'"aucune"')]
    assert tokens[:3] == ["qu'", '"', "aucune"]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # a full stop glued to the next sentence after an acronym or a number is split off
        ("a déclaré BFM-TV.Samedi, des", ["a", "déclaré", "BFM", "-", "TV", ".", "Samedi", ",", "des"]),
        ("fin 2019.En 2020", ["fin", "2019", ".", "En", "2020"]),
        # … and after a one-letter name when a subject pronoun follows
        ("a affirmé Cédric O.Il a cité", ["a", "affirmé", "Cédric", "O", ".", "Il", "a", "cité"]),
        ("M.Le Pen", ["M.Le", "Pen"]),
        # abbreviations, initials and domain names stay whole
        ("U.S.A. et l'O.N.U.", ["U.S.A.", "et", "l'", "O.N.U."]),
        ("J.-M. Le Pen et M.Macron", ["J.-M.", "Le", "Pen", "et", "M.Macron"]),
        ("sur www.lemonde.fr et LCI.fr", ["sur", "www.lemonde.fr", "et", "LCI.fr"]),
    ],
)
def test_glued_full_stops(text, tokens):
    assert [t.text for t in lnlp.load_model(MODEL).tokenizer(text)] == tokens
