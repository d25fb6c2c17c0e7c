"""Reading inputs: encodings, formats, and bad input that must fail cleanly."""

from __future__ import annotations

import json

import pytest

from lasswell.errors import InputError
from lasswell.ingest import InputFailure, RawArticle, decode_bytes, iter_path, read_html

TEXT = "Le président a déclaré que « tout va bien ».\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp1252"),
    ],
)
def test_decode_common_encodings(data):
    assert decode_bytes(data) == TEXT


def test_crlf_is_kept_unchanged():
    assert decode_bytes(TEXT.replace("\n", "\r\n").encode()) == TEXT.replace("\n", "\r\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x01\x02\x03\x04abc" * 100, "binary"),
    ],
)
def test_bad_bytes_raise_clear_errors(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_too_large_input_is_refused():
    with pytest.raises(InputError, match="too large"):
        decode_bytes(b"mot " * 300_000, max_chars=1_000_000)


def test_jsonl_reads_orangesum_shape_and_reports_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    good = {"id": "x1", "date": "2019-01-02", "title": "Titre", "heading": "Chapeau.", "article": "Corps."}
    p.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": 3}) + "\n", encoding="utf-8")
    items = list(iter_path(str(p)))
    assert isinstance(items[0], RawArticle)
    assert items[0].text == "Titre\n\nChapeau.\n\nCorps."
    assert items[0].published == "2019-01-02" and items[0].title == "Titre"
    assert isinstance(items[1], InputFailure) and "invalid JSON" in items[1].reason
    assert isinstance(items[2], InputFailure) and "no 'text'" in items[2].reason


def test_json_file_with_text_field(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"text": TEXT, "published": "2022-01-11"}), encoding="utf-8")
    (item,) = list(iter_path(str(p)))
    assert item.text == TEXT and item.published == "2022-01-11"


def test_missing_file_is_a_failure_not_a_crash(tmp_path):
    (item,) = list(iter_path(str(tmp_path / "nope.txt")))
    assert isinstance(item, InputFailure) and "cannot read" in item.reason


def test_html_body_and_metadata():
    html = """<html><head><title>Genève : les pourparlers</title>
    <meta name="author" content="Jean Dupont"><meta property="og:site_name" content="Le Site">
    <meta name="date" content="2022-01-11"></head><body><nav>Menu Accueil Contact</nav>
    <article><h1>Genève : les pourparlers</h1>
    <p>Le porte-parole du Kremlin, Dmitri Peskov, a déclaré mardi que la Russie ne voyait aucune
    raison d'être optimiste après les pourparlers de sécurité avec les États-Unis à Genève.</p>
    <p>« Il n'y a rien à dire sur le résultat », a-t-il ajouté devant les journalistes réunis.</p>
    </article><footer>Partagez cet article</footer></body></html>"""
    art = read_html(html.encode(), "page.html")
    assert art.title == "Genève : les pourparlers"
    assert art.text.startswith("Genève : les pourparlers\n")
    assert "Dmitri Peskov" in art.text and "Menu Accueil" not in art.text
    assert art.published == "2022-01-11"


def test_html_without_text_is_an_error():
    with pytest.raises(InputError, match="no article text"):
        read_html(b"<html><body><div></div></body></html>", "x.html")


def test_parquet_records_from_path_and_bytes(tmp_path):
    import duckdb

    from lasswell.ingest import iter_bytes

    path = tmp_path / "shard.parquet"
    duckdb.connect().execute(
        f"""COPY (SELECT * FROM (VALUES (1, DATE '2022-01-11', 'Titre', 'Le ministre a parlé.'),
                                       (2, NULL, NULL, NULL)) t(id, date, title, article))
            TO '{path}' (FORMAT PARQUET)"""
    )
    for items in (list(iter_path(str(path))), list(iter_bytes(path.read_bytes(), str(path)))):
        assert isinstance(items[0], RawArticle) and items[0].text == "Titre\n\nLe ministre a parlé."
        assert items[0].published == "2022-01-11" and items[0].id == "1"
        assert isinstance(items[1], InputFailure) and "no 'text'" in items[1].reason
