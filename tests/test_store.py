"""The DuckDB store: schema, round trip, idempotency, export (no model)."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lasswell import identity, query, store
from lasswell.errors import LasswellError
from lasswell.records import Article, Dateline, Entity, Quote, Span, Speaker, Zone

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


def _art(text, speaker="Sergueï Ryabkov", published="2022-01-11"):
    ent = Entity("e0", speaker, "PER", (), "m", (Span(0, 3, text[:3]),))
    q = Quote(0, len(text), text, "direct", 0.9, None, Speaker(speaker, "e0", None), None)
    return Article(text=text, lang="fr", published=published, entities=(ent,), quotes=(q,))


def test_same_article_twice_changes_nothing(con):
    art = _art("Nous refusons l'élargissement de l'OTAN.")
    key = store.article_key(art.text, None)
    assert store.write_batch(con, [(key, art)], [("bad.txt", "empty input")]) == 1
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in store.TABLES}
    assert store.write_batch(con, [(key, art)], [("bad.txt", "empty input")]) == 0
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in store.TABLES}
    assert before == after and after["errors"] == 1


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
