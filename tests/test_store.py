"""The DuckDB store: schema, round trip, idempotency, export (no model)."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lasswell import identity, query, store
from lasswell.errors import LasswellError
from lasswell.records import (
    Actor,
    Article,
    Dateline,
    Entity,
    Event,
    Place,
    Quote,
    Span,
    Speaker,
    TimeRef,
    Zone,
)

# DuckDB strings hold any Unicode but NUL; the pipeline never produces NUL (decoding refuses it).
texts = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=20
)
ints = st.integers(min_value=0, max_value=100_000)
spans = st.builds(Span, ints, ints, texts)
speakers = st.builds(Speaker, texts, st.none() | st.just("e0"), st.none() | spans)
entities = st.lists(
    st.builds(
        Entity,
        st.just("e0"),
        texts,
        st.sampled_from(["PER", "ORG", "LOC", "MISC"]),
        st.lists(texts, max_size=2).map(tuple),
        st.sampled_from(["m", "f", None]),
        st.lists(spans, max_size=3).map(tuple),
    ),
    max_size=1,
).map(tuple)
# An actor with no field set reads back as no actor (as a speaker does): the strategy sets one.
actors = st.builds(
    Actor,
    st.none() | texts,
    st.none() | st.just("e0"),
    st.none() | st.sampled_from(["RUS", "IGO"]),
    st.none() | spans,
).filter(lambda a: any(v is not None for v in (a.name, a.entity_id, a.country, a.mention)))
coords = st.none() | st.floats(-180, 180, allow_nan=False)
events = st.lists(
    st.builds(
        Event,
        st.sampled_from(["THREATEN", "CONSULT", "AID"]),
        spans,
        st.sampled_from(["occurred", "planned"]),
        st.none() | st.sampled_from(["visit", "phone"]),
        st.floats(0, 1, allow_nan=False),
        st.none() | actors,
        st.none() | actors,
        st.none()
        | st.builds(
            Place, texts, st.none() | st.just("CHE"), coords, coords, st.none() | ints, st.none() | spans
        ),
        st.none() | st.builds(TimeRef, ints, ints, texts, st.none() | st.sampled_from(["2022-01", "x"])),
        st.none() | ints,
        st.none() | st.just("138"),
    ),
    max_size=3,
).map(tuple)
articles = st.builds(
    Article,
    text=texts,
    lang=st.just("fr"),
    title=st.none() | texts,
    published=st.none() | st.sampled_from(["2022-01-11", "2019-03-02T10:00:00"]),
    source=st.none() | texts,
    id=st.none() | texts,
    dateline=st.none() | st.builds(Dateline, ints, ints, texts, st.none() | texts, st.none() | texts),
    zones=st.lists(
        st.builds(Zone, st.sampled_from(["title", "body", "caption"]), ints, ints), max_size=3
    ).map(tuple),
    entities=entities,
    quotes=st.lists(
        st.builds(
            Quote,
            ints,
            ints,
            texts,
            st.sampled_from(["direct", "indirect", "mixed"]),
            st.floats(0, 1, allow_nan=False),
            st.none() | spans,
            st.none() | speakers,
            st.none() | spans,
        ),
        max_size=3,
    ).map(tuple),
    events=events,
    meta=st.dictionaries(st.sampled_from(["model", "url"]), texts, max_size=2),
)


@pytest.fixture
def con(tmp_path):
    c = store.connect(tmp_path / "t.duckdb")
    yield c
    c.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(art=articles)
def test_round_trip_record_duckdb_record(con, art):
    key = store.article_key(art.text + repr(art), art.id)
    store.write_batch(con, [(key, art)])
    assert store.read_article(con, key) == art


def test_migrations_are_versioned_and_rerunnable(tmp_path):
    path = tmp_path / "m.duckdb"
    store.connect(path).close()
    c = store.connect(path)
    assert store.schema_version(c) == store.SCHEMA_VERSION
    assert c.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(store.MIGRATIONS)


def test_read_only_missing_db_is_a_clear_error(tmp_path):
    with pytest.raises(LasswellError, match="no corpus database"):
        store.connect(tmp_path / "missing.duckdb", read_only=True)


def _art(text, speaker="Sergueï Ryabkov", published="2022-01-11", events=()):
    ent = Entity("e0", speaker, "PER", (), "m", (Span(0, 3, text[:3]),))
    q = Quote(0, len(text), text, "direct", 0.9, None, Speaker(speaker, "e0", None), None)
    return Article(text=text, lang="fr", published=published, entities=(ent,), quotes=(q,), events=events)


def _event(text, type_, actor=None, country=None, recipient=None, value=None, where=None):
    """An event of ``text`` whose trigger is its first word (None fields left None)."""
    return Event(
        type_,
        Span.of(text, 0, text.index(" ")),
        actor=Actor(actor, None, country, None) if actor or country else None,
        recipient=Actor(recipient, None, None, None) if recipient else None,
        location=Place(where, "CHE", 46.2, 6.15, 2660646, None) if where else None,
        date=TimeRef(0, 5, "lundi", value) if value else None,
        quote_index=0,
    )


def test_same_article_twice_changes_nothing(con):
    text = "Nous refusons l'élargissement de l'OTAN."
    art = _art(text, events=(_event(text, "REJECT", "la Russie", "RUS", value="2022-01"),))
    key = store.article_key(art.text, None)
    assert store.write_batch(con, [(key, art)], [("bad.txt", "empty input")]) == 1
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in store.TABLES}
    assert store.write_batch(con, [(key, art)], [("bad.txt", "empty input")]) == 0
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in store.TABLES}
    assert before == after and after["errors"] == 1 and after["events"] == 1
    assert store.read_article(con, key) == art


def test_key_ignores_whitespace_but_not_source_record():
    assert store.article_key("a  b\n c", None) == store.article_key("a b c", None)
    assert store.article_key("a b", "1") != store.article_key("a b", "2")


def test_search_speaker_and_dates(con):
    rows = [
        _art("L'OTAN ne doit pas s'élargir vers l'Est.", "Sergueï Ryabkov", "2022-01-10"),
        _art("Rien à dire sur l'Otan pour le moment.", "Sergei Ryabkov", "2021-12-01"),
        _art("Nous verrons la semaine prochaine.", "Dmitri Peskov", "2022-01-12"),
    ]
    store.write_batch(con, [(store.article_key(a.text, None), a) for a in rows])
    identity.refresh(con)
    got = query.quotes(con, query.QuoteFilter(speaker="Ryabkov", search="otan"))
    assert [r["text"] for r in got] == [rows[0].text, rows[1].text]  # newest first
    assert {r["speaker"] for r in got} == {"Sergueï Ryabkov"}
    got = query.quotes(con, query.QuoteFilter(speaker="Ryabkov", since="2022-01-01"))
    assert [r["text"] for r in got] == [rows[0].text]
    assert query.quotes(con, query.QuoteFilter(search="élargir semaine")) == []  # all words must match
    top = query.top_speakers(con, 5)
    assert top[0]["name"] == "Sergueï Ryabkov" and top[0]["quotes"] == 2 and top[0]["articles"] == 2
    assert {m["variant"] for m in query.merges(con)} == {"Sergueï Ryabkov", "Sergei Ryabkov"}


def test_export_one_parquet_per_record_type(con, tmp_path):
    art = _art("Nous verrons la semaine prochaine.")
    store.write_batch(con, [(store.article_key(art.text, None), art)])
    paths = query.export_parquet(con, tmp_path / "out")
    assert [p.stem for p in paths] == list(store.TABLES)
    parquet = tmp_path / "out" / "quotes.parquet"
    n = duckdb.connect().execute(f"SELECT count(*) FROM '{parquet}'").fetchone()[0]
    assert n == 1


def test_v1_store_migrates_in_place(tmp_path, monkeypatch):
    path = tmp_path / "v1.duckdb"
    old = _art("Nous verrons la semaine prochaine.")
    with monkeypatch.context() as m:
        m.setattr(store, "MIGRATIONS", {1: store.MIGRATIONS[1]})
        c = store.connect(path)
        store.write_batch(c, [(store.article_key(old.text, None), old)])
        assert store.schema_version(c) == 1
        c.close()
    with pytest.raises(LasswellError, match="schema 1, this lasswell needs 2.*migrates it in place"):
        store.connect(path, read_only=True)
    c = store.connect(path)  # opening for writing migrates
    assert store.schema_version(c) == 2
    assert store.read_article(c, store.article_key(old.text, None)) == old  # no events: ()
    text = "Moscou menace Kiev."
    new = _art(text, events=(_event(text, "THREATEN", "Moscou", "RUS", "Kiev", "2022-01-10"),))
    store.write_batch(c, [(store.article_key(text, None), new)])
    assert store.read_article(c, store.article_key(text, None)) == new
    c.close()
    ro = store.connect(path, read_only=True)
    assert [r["type"] for r in query.events(ro)] == ["THREATEN"]
    ro.close()


def test_period_of_a_date_value():
    from datetime import date

    assert store.period("2022-01-10") == (date(2022, 1, 10), date(2022, 1, 10))
    assert store.period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert store.period("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    for bad in ("2022-13", "2022-02-30", "lundi", "", None, "22-01-01"):
        assert store.period(bad) == (None, None)


@pytest.fixture
def events_con(con):
    return write_events_corpus(con)


def write_events_corpus(con):
    """Four articles with events: dated by value, by publication, partly, and not at all."""
    t = [
        "Moscou menace l'Ukraine de sanctions.",
        "Washington menace Moscou de représailles.",
        "Les États-Unis fournissent une aide à Kiev.",
        "L'ONU appelle au cessez-le-feu.",
    ]
    arts = [
        _art(
            t[0],
            published="2022-02-01",
            events=(_event(t[0], "THREATEN", "la Russie", "RUS", "Ukraine", "2022-01-10"),),
        ),
        _art(
            t[1],
            published="2022-01-20",
            events=(_event(t[1], "THREATEN", "les États-Unis", "USA", "Russie"),),
        ),
        _art(
            t[2],
            published="2021-06-01",
            events=(_event(t[2], "AID", "les États-Unis", "usa", where="Kiev", value="2021"),),
        ),
        _art(t[3], published=None, events=(_event(t[3], "REQUEST", "ONU", "IGO"),)),
    ]
    arts = [replace(a, title=f"Titre {i}") for i, a in enumerate(arts)]
    store.write_batch(con, [(store.article_key(a.text, None), a) for a in arts])
    return con


def _types_and_actors(rows):
    return [(r["type"], r["actor"]) for r in rows]


def test_events_by_actor_country_or_name(events_con):
    got = query.events(events_con, actor="rus")  # a country code, any case
    assert _types_and_actors(got) == [("THREATEN", "la Russie")]
    assert (
        got[0]["recipient"] == "Ukraine" and got[0]["date"] == "2022-01-10" and got[0]["trigger"] == "Moscou"
    )
    got = query.events(events_con, actor="USA")  # case-insensitive on the stored code too ("usa")
    assert {r["type"] for r in got} == {"THREATEN", "AID"}
    got = query.events(events_con, actor="etats unis")  # a name: case and accents folded
    assert {r["actor_country"] for r in got} == {"USA", "usa"}
    assert _types_and_actors(query.events(events_con, actor="onu")) == [("REQUEST", "ONU")]  # not a code here
    assert query.events(events_con, actor="Chine") == []
    assert query.events(events_con, actor="!!!") == []


def test_events_by_type_and_dates(events_con):
    assert [r["type"] for r in query.events(events_con, type="threaten")] == ["THREATEN", "THREATEN"]
    # the event's date value (2022-01-10) wins over its article's publication (2022-02-01) …
    got = query.events(events_con, type="THREATEN", since="2022-01-15")
    assert [r["actor"] for r in got] == ["les États-Unis"] and got[0]["date"] == "2022-01-20"
    got = query.events(events_con, until="2022-01-10")
    assert [r["actor"] for r in got] == ["la Russie", "les États-Unis"]  # 2022-01-10, then 2021 (AID)
    # … a year value overlaps the range; an event with no date at all is left out by a date filter
    assert [r["type"] for r in query.events(events_con, since="2021-12", until="2021-12")] == ["AID"]
    assert [r["type"] for r in query.events(events_con, since="2022")] == ["THREATEN", "THREATEN"]
    assert len(query.events(events_con)) == 4 and len(query.events(events_con, limit=1)) == 1
    assert query.events(events_con, type="ASSAULT") == []
    assert query.events(events_con, since="2023-01-01") == []


def test_events_bad_filters_are_clear_errors(events_con):
    with pytest.raises(LasswellError, match="unknown event type 'BOMB'.*AGREE, CONSULT.*ASSAULT"):
        query.events(events_con, type="BOMB")
    for bad in ("2022-13-01", "hier", "01/02/2022"):
        with pytest.raises(LasswellError, match="bad date"):
            query.events(events_con, since=bad)
    with pytest.raises(LasswellError, match="bad date"):
        query.events(events_con, until="2022-02-30")


def test_events_survive_parquet_export_and_reading(events_con, tmp_path):
    paths = query.export_parquet(events_con, tmp_path / "out")
    assert "events" in [p.stem for p in paths]
    back = query.open_parquet(tmp_path / "out")
    for (key,) in events_con.execute("SELECT article_id FROM articles").fetchall():
        assert store.read_article(back, key) == store.read_article(events_con, key)
    assert query.events(back, actor="RUS") == query.events(events_con, actor="RUS")


@pytest.mark.slow
def test_real_pipeline_output_round_trips(con, example_article):
    """Whatever the pipeline returns (with or without events yet) is stored and read back."""
    key = store.article_key(example_article.text, None)
    store.write_batch(con, [(key, example_article)])
    assert store.read_article(con, key) == example_article
    assert len(query.events(con, limit=query.MAX_LIMIT)) == len(example_article.events)
