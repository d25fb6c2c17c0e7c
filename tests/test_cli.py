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
