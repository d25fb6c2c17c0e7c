"""The web UI: pages, JSON twins, escaping of untrusted text, bounds, and a real browser."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time

import pytest
from starlette.testclient import TestClient

from lasswell import identity, store
from lasswell.records import Actor, Article, Entity, Event, Place, Quote, Span, Speaker, TimeRef, Zone
from lasswell.web.app import app_for_article, create_app

from .conftest import DATA, EXAMPLE, ROOT

pytestmark = pytest.mark.slow

PAYLOADS = (
    '<script>alert("xss")</script>',
    '" onmouseover="alert(1)',
    "javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
)


def _hostile_article() -> Article:
    """A record whose every text field is an attack (the UI must escape what the store holds)."""
    name = f"Jean {PAYLOADS[0]} Dupont"
    text = f"{PAYLOADS[3]} Titre\n\n« {PAYLOADS[1]} {PAYLOADS[2]} », a déclaré {name}."
    q_start = text.index("«") + 2
    q_end = text.index("»") - 1
    m_start = text.index("Jean")
    mention = Span(m_start, m_start + len(name), name)
    cue_start = text.index("a déclaré")
    return Article(
        text=text,
        lang="fr",
        title=PAYLOADS[3] + " Titre",
        published="2022-01-12",
        source=PAYLOADS[2],
        zones=(Zone("title", 0, text.index("\n")), Zone("body", text.index("«"), len(text))),
        entities=(Entity("e0", name, "PER", (PAYLOADS[1],), "m", (mention,)),),
        quotes=(
            Quote(
                q_start,
                q_end,
                text[q_start:q_end],
                "direct",
                0.9,
                Span.of(text, cue_start, cue_start + 9),
                Speaker(name, "e0", mention),
                None,
            ),
        ),
        events=(
            Event(
                "THREATEN",
                Span.of(text, cue_start, cue_start + 9),
                actor=Actor(name, "e0", "USA", mention),
                recipient=Actor(PAYLOADS[1], None, "RUS", None),
                location=Place(PAYLOADS[3], "CHE", 46.2, 6.15, None, None),
                date=TimeRef(0, 5, PAYLOADS[2], "2022-01-10"),
                quote_index=0,
            ),
            Event(PAYLOADS[0], Span(q_start, q_end, text[q_start:q_end]), status=PAYLOADS[1]),
        ),
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from lasswell.corpus import ingest

    db = tmp_path_factory.mktemp("web") / "c.duckdb"
    ingest([str(EXAMPLE), str(DATA / "winer")], db, workers=1)
    con = store.connect(db)
    bad = _hostile_article()
    store.write_batch(con, [(store.article_key(bad.text, None), bad)])
    identity.refresh(con)
    con.close()
    return db


@pytest.fixture(scope="module")
def client(corpus):
    con = store.connect(corpus, read_only=True)
    with TestClient(create_app(con)) as c:
        yield c


def _first(client, path, key):
    return client.get(path).json()[key][0]


def test_home_lists_speakers_and_articles(client):
    r = client.get("/")
    assert r.status_code == 200 and "Sergueï Ryabkov" in r.text
    d = client.get("/index.json").json()
    assert d["figures"]["articles"] == 5 and d["speakers"][0]["quotes"] >= d["speakers"][-1]["quotes"]


def test_article_page_highlights_quotes_and_lists_them(client):
    art = next(
        a for a in client.get("/index.json").json()["articles"] if (a["title"] or "").startswith("Kremlin")
    )
    r = client.get(f"/article/{art['article_id']}")
    assert r.status_code == 200
    assert r.text.count('class="q s') >= 28 and 'class="cue"' in r.text and 'class="zone-caption"' in r.text
    assert 'id="q0"' in r.text and "aux journalistes" in r.text
    d = client.get(f"/article/{art['article_id']}.json").json()
    assert d["quotes"][2]["speaker"]["name"] == "Dmitri Peskov" and d["quotes"][2]["speaker_id"].startswith(
        "s"
    )
    assert d["text"][d["quotes"][2]["start"] : d["quotes"][2]["end"]] == d["quotes"][2]["text"]


def test_speaker_page_in_date_order_links_back(client):
    sp = _first(client, "/index.json", "speakers")
    r = client.get(f"/speaker/{sp['speaker_id']}")
    assert r.status_code == 200 and sp["name"] in r.text and "#q" in r.text
    d = client.get(f"/speaker/{sp['speaker_id']}.json").json()
    assert len(d["quotes"]) == min(sp["quotes"], 20)
    dates = [q["published"] or "" for q in d["quotes"]]
    assert dates == sorted(dates)


def test_search_with_filters_and_bounds(client):
    d = client.get("/search.json", params={"q": "OTAN"}).json()
    assert d["results"] and all("otan" in q["text"].lower() for q in d["results"])
    d = client.get("/search.json", params={"q": "OTAN", "kind": "direct"}).json()
    assert all(q["kind"] == "direct" for q in d["results"])
    d = client.get(
        "/search.json", params={"q": "x" * 5000, "page": "999999999", "since": "not-a-date"}
    ).json()
    assert len(d["form"]["q"]) == 200 and d["page"] == 500 and d["form"]["since"] == ""
    assert client.get("/search", params={"q": "OTAN", "page": "abc"}).status_code == 200


def test_events_page_and_json_twin_with_filters(client):
    d = client.get("/events.json", params={"actor": "usa", "type": "threaten"}).json()
    assert d["form"] == {"actor": "usa", "type": "THREATEN", "since": "", "until": ""}
    assert d["results"] and all(e["type"] == "THREATEN" and e["actor_country"] == "USA" for e in d["results"])
    hostile = next(e for e in d["results"] if "Dupont" in e["actor"])
    assert hostile["date"] == "2022-01-10" and hostile["recipient_country"] == "RUS"
    # the event's own date (2022-01-10) wins over its article's publication (2022-01-12)
    found = client.get("/events.json", params={"actor": "dupont", "since": "2022-01-10"}).json()["results"]
    assert [e["type"] for e in found] == ["THREATEN"]
    assert (
        client.get("/events.json", params={"actor": "dupont", "since": "2022-01-11"}).json()["results"] == []
    )
    r = client.get("/events", params={"actor": "dupont", "type": "THREATEN"})
    assert r.status_code == 200 and f'href="/article/{hostile["article_id"]}#e0"' in r.text
    assert '<option value="THREATEN" selected>' in r.text


def test_events_bad_filters_are_dropped_and_bounded(client):
    d = client.get(
        "/events.json",
        params={
            "actor": "x" * 5000,
            "type": "BOMB",
            "since": "2022-13-01",
            "until": "2022-01-011",
            "page": "-3",
        },
    ).json()
    assert d["form"] == {"actor": "x" * 200, "type": "", "since": "", "until": ""}
    assert d["results"] == [] and d["page"] == 0
    r = client.get("/events", params={"actor": "personne de ce nom"})
    assert r.status_code == 200 and "Aucun événement." in r.text
    assert len(client.get("/events.json").json()["results"]) <= 20
    assert client.get("/events.json", params={"page": "abc"}).status_code == 200


def test_article_page_lists_its_events(client):
    arts = client.get("/index.json").json()["articles"]
    bad = next(a for a in arts if (a["title"] or "").endswith("Titre"))
    r = client.get(f"/article/{bad['article_id']}")
    assert r.status_code == 200 and "<h2>Événements</h2>" in r.text
    assert (
        'href="#e0"' in r.text and '<a class="anchor" id="e0"></a>' in r.text and 'class="trigger"' in r.text
    )
    assert "(USA)" in r.text and "(RUS)" in r.text and "2022-01-10" in r.text
    d = client.get(f"/article/{bad['article_id']}.json").json()
    assert [e["type"] for e in d["events"]] == ["THREATEN", PAYLOADS[0]]
    assert d["events"][0]["actor"]["country"] == "USA" and d["events"][0]["date"]["value"] == "2022-01-10"


@pytest.mark.parametrize(
    "path",
    [
        "/article/nope",
        "/article/0123456789abcdef01234567",
        "/speaker/s000000000000",
        "/speaker/x",
        "/static/../../etc/passwd",
        "/article/..%2F..%2Fetc%2Fpasswd",
        "/nothing",
    ],
)
def test_bad_paths_are_404_pages(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "Traceback" not in r.text and "root:" not in r.text


def test_bad_id_json_is_json_404(client):
    r = client.get("/article/nope.json")
    assert r.status_code == 404 and r.json() == {"error": "no such article"}


def test_untrusted_text_is_escaped_everywhere(client):
    arts = client.get("/index.json").json()["articles"]
    bad = next(a for a in arts if (a["title"] or "").endswith("Titre"))
    pages = [
        client.get("/").text,
        client.get(f"/article/{bad['article_id']}").text,
        client.get("/search", params={"q": "alert"}).text,
    ]
    sp = next(s for s in client.get("/index.json").json()["speakers"] if "Dupont" in s["name"])
    pages.append(client.get(f"/speaker/{sp['speaker_id']}").text)
    pages += [client.get("/events").text, client.get("/events", params={"actor": PAYLOADS[0]}).text]
    assert "THREATEN" in pages[-1] and "&lt;img src=x onerror=alert(1)&gt;" in pages[-1]  # the place
    assert "&lt;script&gt;" in pages[-1]  # the actor's name
    for html in pages:
        assert "<script" not in html and "<img" not in html
        assert 'href="javascript:' not in html and '" onmouseover="' not in html
        assert "&lt;script&gt;" in html or "&lt;img" in html or "&#34; onmouseover" in html


def test_database_is_opened_read_only(corpus):
    con = store.connect(corpus, read_only=True)
    with pytest.raises(Exception, match="read-only"):
        con.execute("DELETE FROM quotes")
    con.close()


def test_single_article_mode_redirects_to_it():
    with TestClient(app_for_article(str(EXAMPLE))) as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code in (302, 307) and r.headers["location"].startswith("/article/")
        assert "Dmitri Peskov" in c.get(r.headers["location"]).text


# --- a real browser ---------------------------------------------------------------------------

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def server(corpus):
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    app = create_app(store.connect(corpus, read_only=True))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("Debian chromium and chromium-driver are not installed (make test installs them as root)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()


def test_in_a_browser_search_article_speaker(server, browser):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    def wait_for(css: str, url_part: str):
        """Wait for the next page (navigation is asynchronous) and return its elements."""
        WebDriverWait(browser, 15).until(ec.url_contains(url_part))
        return WebDriverWait(browser, 15).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, css)))

    shots = ROOT / "screenshots"
    shots.mkdir(exist_ok=True)
    browser.get(server + "/")
    assert "Principaux locuteurs" in browser.page_source
    browser.save_screenshot(str(shots / "home.png"))
    box = browser.find_element(By.ID, "q")
    box.send_keys("OTAN")
    browser.find_element(By.ID, "go").click()
    results = wait_for("li.result", "/search")
    browser.save_screenshot(str(shots / "search.png"))
    results[0].find_element(By.CSS_SELECTOR, "a.article-link").click()
    assert wait_for("#text span.q", "/article/")
    browser.save_screenshot(str(shots / "article.png"))
    link = browser.find_element(By.CSS_SELECTOR, "aside a.speaker-link")
    name = link.text
    link.click()
    assert wait_for("h1", "/speaker/")[0].text == name
    browser.save_screenshot(str(shots / "speaker.png"))
    # the hostile article runs no script and raises no alert
    browser.get(server + "/search?q=alert")
    wait_for("li.result a.article-link", "/search")[0].click()
    wait_for("#text", "/article/")
    assert browser.execute_script("return document.querySelectorAll('script, img').length") == 0
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    browser.save_screenshot(str(shots / "hostile.png"))
    assert json.loads(browser.execute_script("return JSON.stringify(document.title)"))
    assert os.path.getsize(shots / "article.png") > 10_000


def test_serve_command_errors_are_clean(tmp_path):
    from click.testing import CliRunner

    from lasswell.cli import main

    r = CliRunner().invoke(main, ["serve"])
    assert r.exit_code == 2 and "either an ARTICLE or --db" in r.output
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 1 and "no corpus database" in r.output
    (tmp_path / "empty.txt").write_bytes(b"")
    r = CliRunner().invoke(main, ["serve", str(tmp_path / "empty.txt")])
    assert r.exit_code == 1 and "empty input" in r.output and "Traceback" not in r.output
