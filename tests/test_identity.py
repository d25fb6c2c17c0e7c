"""Speaker identity across articles (pure, no model)."""

from __future__ import annotations

import pytest

from lasswell.identity import compatible_first, name_key, resolve, surname


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sergueï Ryabkov", "serguei ryabkov"),
        ("l'OTAN", "otan"),
        ("Le Kremlin", "kremlin"),
        ("  La  CGT ", "cgt"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def test_surname_keeps_particles():
    assert surname("marine le pen") == "le pen"
    assert surname("dominique de villepin") == "de villepin"
    assert surname("peskov") == "peskov"


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("serguei", "sergei", True), ("dmitri", "dmitry", True), ("marine", "jean-marie", False)],
)
def test_compatible_first(a, b, ok):
    assert compatible_first(a, b) is ok


def _ids(rows):
    speakers, audit = resolve(rows)
    return {(k, t): sid for k, t, _, sid, _ in audit}, audit


def test_variants_and_bare_surname_merge():
    rows = [
        ("serguei ryabkov", "PER", "Sergueï Ryabkov", 5),
        ("sergei ryabkov", "PER", "Sergei Ryabkov", 2),
        ("ryabkov", "PER", "Ryabkov", 1),
        ("vladimir poutine", "PER", "Vladimir Poutine", 3),
        ("poutine", "PER", "Poutine", 4),
    ]
    ids, audit = _ids(rows)
    assert ids[("serguei ryabkov", "PER")] == ids[("sergei ryabkov", "PER")] == ids[("ryabkov", "PER")]
    assert ids[("poutine", "PER")] == ids[("vladimir poutine", "PER")]
    assert ids[("poutine", "PER")] != ids[("ryabkov", "PER")]
    reasons = {k: r for k, _, _, _, r in audit}
    assert "only 'poutine'" in reasons["poutine"]


def test_ambiguous_surname_stays_apart():
    rows = [
        ("marine le pen", "PER", "Marine Le Pen", 3),
        ("jean-marie le pen", "PER", "Jean-Marie Le Pen", 2),
        ("le pen", "PER", "Le Pen", 1),
    ]
    ids, audit = _ids(rows)
    assert len({ids[r[:2]] for r in rows}) == 3
    assert next(r for k, _, _, _, r in audit if k == "le pen").startswith("ambiguous")


def test_organisations_merge_across_types_not_with_people():
    rows = [
        ("mairie", "ORG", "Mairie", 2),
        ("mairie", "OTHER", "la mairie", 1),
        ("mairie", "PER", "Mairie", 1),
    ]
    ids, _ = _ids(rows)
    assert ids[("mairie", "ORG")] == ids[("mairie", "OTHER")] != ids[("mairie", "PER")]
