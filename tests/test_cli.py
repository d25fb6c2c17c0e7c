"""The command line (real model): formats, stdin, exit codes, clean errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lasswell.cli import main

from .conftest import EXAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture
def run():
    def _run(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input)

    return _run


def test_help_has_examples(run):
    for cmd in ("analyze", "eval"):
        r = run(cmd, "--help")
        assert r.exit_code == 0 and "Example" in r.output


def test_analyze_json_contract(run):
    r = run("analyze", str(EXAMPLE), "--format", "json", "--published", "2022-01-11")
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["published"] == "2022-01-11" and d["lang"] == "fr"
    q = d["quotes"][1]
    assert d["text"][q["start"] : q["end"]] == q["text"]
    assert set(q) >= {"start", "end", "text", "kind", "confidence", "cue", "speaker", "addressee"}


def test_summary_and_stdin(run):
    r = run("analyze", "-", input="« Tout va bien pour nous », a déclaré la ministre Agnès Buzyn.")
    assert r.exit_code == 0, r.output
    assert "Agnès Buzyn" in r.output


def test_jsonl_many_with_failures(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    r = run(
        "analyze", str(EXAMPLE), str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"), "--format", "jsonl"
    )
    assert r.exit_code == 1
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert [bool(x["error"]) for x in lines] == [False, True, True]
    assert "empty input" in lines[1]["error"] and "binary" in lines[2]["error"]


def test_only_failures_exit_3(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = run("analyze", str(tmp_path / "empty.txt"))
    assert r.exit_code == 3 and "Traceback" not in r.output


def test_big_file_refused_cleanly(run, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Le ministre parle. " * 1_100_000)  # ~20 MB
    r = run("analyze", str(big))
    assert r.exit_code == 3 and "too large" in r.output and "Traceback" not in r.output


def test_unsupported_language_message(run):
    r = run("analyze", "-", "--lang", "de", input="Der Kreml sagt nichts.")
    assert r.exit_code == 3 and "not supported" in r.output


def test_html_input_and_small_model(run, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Réforme des retraites</title></head><body><article>"
        "<h1>Réforme des retraites</h1><p>Le Premier ministre Édouard Philippe a reçu les syndicats "
        "lundi à Matignon pour une longue réunion de travail sur la réforme des retraites.</p>"
        "<p>« Nous ne changerons pas de cap », a déclaré Édouard Philippe aux journalistes à la "
        "sortie de la réunion, sans plus de précisions sur le calendrier.</p></article></body></html>",
        encoding="utf-8",
    )
    r = run("analyze", str(page), "--format", "json", "--model", "fr_core_news_sm")
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["title"] == "Réforme des retraites" and d["meta"]["model"].startswith("fr_core_news_sm")
    (q,) = [q for q in d["quotes"] if q["kind"] == "direct"]
    assert q["text"] == "Nous ne changerons pas de cap" and q["speaker"]["name"] == "Édouard Philippe"


# --- lasswell events (a synthetic corpus: no model) -------------------------------------------


@pytest.fixture
def events_db(tmp_path):
    from lasswell import store

    from .test_store import write_events_corpus

    path = tmp_path / "ev.duckdb"
    con = store.connect(path)
    write_events_corpus(con)
    con.close()
    return str(path)


def test_events_help_has_an_example(run):
    r = run("events", "--help")
    assert r.exit_code == 0 and "lasswell events --db news.duckdb --actor RUS --type THREATEN" in r.output
    assert "ASSAULT" in r.output


def test_events_table_by_default(run, events_db):
    r = run("events", "--db", events_db, "--actor", "RUS")
    assert r.exit_code == 0, r.output
    assert "events (1)" in r.output and "THREATEN" in r.output and "2022-01-10" in r.output
    assert "(RUS)" in r.output and "Ukraine" in r.output and "Titre 0" in r.output
    assert "AID" not in r.output


def test_events_filters_json_and_jsonl(run, events_db):
    r = run("events", "--db", events_db, "--actor", "usa", "--type", "threaten", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert [(e["type"], e["actor"], e["date"]) for e in rows] == [
        ("THREATEN", "les États-Unis", "2022-01-20")
    ]
    r = run("events", "--db", events_db, "--since", "2021", "--until", "2021-12", "--format", "jsonl")
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert r.exit_code == 0 and [(e["type"], e["location"]) for e in rows] == [("AID", "Kiev")]
    r = run("events", "--db", events_db, "--limit", "2", "--format", "jsonl")
    assert r.exit_code == 0 and len(r.output.splitlines()) == 2


def test_events_no_match_is_not_an_error(run, events_db):
    r = run("events", "--db", events_db, "--actor", "Chine")
    assert r.exit_code == 0 and "nothing found" in r.output
    r = run("events", "--db", events_db, "--type", "ASSAULT", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.output) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--type", "BOMB"], "unknown event type 'BOMB': use one of AGREE, CONSULT"),
        (["--since", "2022-13-01"], "bad date '2022-13-01'"),
        (["--until", "hier"], "bad date 'hier'"),
        (["--limit", "0"], "--limit"),
    ],
)
def test_events_bad_options_are_usage_errors(run, events_db, args, message):
    r = run("events", "--db", events_db, *args)
    assert r.exit_code == 2 and message in r.output and "Traceback" not in r.output


def test_events_missing_or_old_db_is_a_clean_error(run, tmp_path, monkeypatch):
    r = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert r.exit_code == 1 and "no corpus database" in r.output
    r = run("events")
    assert r.exit_code == 2 and "--db" in r.output
    from lasswell import store

    with monkeypatch.context() as m:
        m.setattr(store, "MIGRATIONS", {1: store.MIGRATIONS[1]})
        store.connect(tmp_path / "v1.duckdb").close()
    r = run("events", "--db", str(tmp_path / "v1.duckdb"))
    assert r.exit_code == 1 and "has schema 1" in r.output and "Traceback" not in r.output
