"""The web UI: a corpus read as a person would (Starlette + Jinja2, server-rendered).

Pages and their JSON twins read the same data: ``/`` (``/index.json``), ``/article/<id>``
(``.json``), ``/speaker/<id>`` (``.json``), ``/search?q=…`` (``/search.json``),
``/events?actor=…&type=…&since=…&until=…`` (``/events.json``). The database
is opened read-only. Everything from the articles is escaped (Jinja2 autoescape, and
``render.article_html`` escapes every text piece); ids must match their pattern or the answer is
a 404 page; query and page sizes are bounded.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from lasswell import query, store
from lasswell.records import Actor, Event
from lasswell.web.render import article_colours, article_html, colour

ARTICLE_ID = re.compile(r"^[0-9a-f]{24}$")
SPEAKER_ID = re.compile(r"^s[0-9a-f]{12}$")
# Bounds on what one request may ask for.
MAX_QUERY_CHARS = 200
PAGE_SIZE = 20
MAX_PAGE = 500
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HERE = Path(str(resources.files("lasswell.web")))


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(_HERE / "templates"), autoescape=select_autoescape(["html"]))
    env.globals["colour"] = colour
    return env


class Site:
    """The request handlers over one DuckDB database."""

    def __init__(self, con: duckdb.DuckDBPyConnection, title: str = "Lasswell") -> None:
        self.con = con
        self.title = title
        self.env = _env()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor per request: DuckDB connections are not shared between threads."""
        return self.con.cursor()

    def page(self, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(site_title=self.title, **ctx)
        return HTMLResponse(html, status_code=status)

    # --- handlers -------------------------------------------------------------------------

    def index_data(self) -> dict[str, Any]:
        cur = self.cursor()
        return {
            "figures": query.figures(cur),
            "speakers": query.top_speakers(cur, 20),
            "articles": query.latest_articles(cur, 20),
        }

    async def index(self, request: Request) -> Response:
        return self.page("index.html", **self.index_data())

    async def index_json(self, request: Request) -> Response:
        return JSONResponse(_jsonable(self.index_data()))

    def article_data(self, article_id: str) -> dict[str, Any]:
        if not ARTICLE_ID.match(article_id):
            raise HTTPException(404, "no such article")
        cur = self.cursor()
        art = store.read_article(cur, article_id)
        if art is None:
            raise HTTPException(404, "no such article")
        keys = query.speaker_keys(cur, article_id)
        return {"article_id": article_id, "article": art, "speakers": keys}

    async def article(self, request: Request) -> Response:
        d = self.article_data(request.path_params["article_id"])
        art, keys = d["article"], d["speakers"]
        speaker_keys = [k[0] or (k[1] or None) for k in keys]
        palette = article_colours(speaker_keys)
        said = [
            {
                "idx": i,
                "quote": q,
                "speaker_id": keys[i][0] if i < len(keys) else None,
                "speaker": keys[i][1] if i < len(keys) else None,
                "colour": palette.get(speaker_keys[i], -1) if i < len(keys) and speaker_keys[i] else -1,
            }
            for i, q in enumerate(art.quotes)
        ]
        body = article_html(art, speaker_keys)
        events = [_event_view(i, e) for i, e in enumerate(art.events)]
        return self.page(
            "article.html", article_id=d["article_id"], article=art, body=body, said=said, events=events
        )

    async def article_json(self, request: Request) -> Response:
        d = self.article_data(request.path_params["article_id"])
        out = d["article"].to_dict()
        out["article_id"] = d["article_id"]
        for q, (sid, _) in zip(out["quotes"], d["speakers"], strict=False):
            q["speaker_id"] = sid
        return JSONResponse(out)

    def speaker_data(self, speaker_id: str, page: int) -> dict[str, Any]:
        if not SPEAKER_ID.match(speaker_id):
            raise HTTPException(404, "no such speaker")
        cur = self.cursor()
        who = query.speaker(cur, speaker_id)
        if who is None:
            raise HTTPException(404, "no such speaker")
        f = query.QuoteFilter(speaker=speaker_id, limit=PAGE_SIZE, offset=page * PAGE_SIZE)
        rows = query.quotes(cur, f)
        rows.sort(key=lambda r: (r["published"] or "", r["article_id"], r["idx"]))  # date order
        return {"speaker": who, "quotes": rows, "page": page}

    async def speaker(self, request: Request) -> Response:
        page = _page(request)
        d = self.speaker_data(request.path_params["speaker_id"], page)
        return self.page(
            "speaker.html",
            **d,
            more=len(d["quotes"]) == PAGE_SIZE,
            next_url=f"?page={page + 1}",
            prev_url=f"?page={page - 1}",
        )

    async def speaker_json(self, request: Request) -> Response:
        return JSONResponse(_jsonable(self.speaker_data(request.path_params["speaker_id"], _page(request))))

    def search_data(self, request: Request) -> tuple[dict[str, Any], query.QuoteFilter]:
        p = request.query_params
        q = (p.get("q") or "")[:MAX_QUERY_CHARS]
        kind = p.get("kind") if p.get("kind") in ("direct", "indirect", "mixed") else None
        since = p.get("since") if _DATE.match(p.get("since") or "") else None
        until = p.get("until") if _DATE.match(p.get("until") or "") else None
        who = (p.get("speaker") or "")[:MAX_QUERY_CHARS] or None
        page = _page(request)
        f = query.QuoteFilter(who, since, until, q or None, kind, PAGE_SIZE, page * PAGE_SIZE)
        rows = query.quotes(self.cursor(), f) if (q or who or kind or since or until) else []
        form = {"q": q, "speaker": who or "", "kind": kind or "", "since": since or "", "until": until or ""}
        return {"form": form, "results": rows, "page": page}, f

    async def search(self, request: Request) -> Response:
        d, _ = self.search_data(request)
        args = {k: v for k, v in d["form"].items() if v}
        return self.page(
            "search.html",
            **d,
            more=len(d["results"]) == PAGE_SIZE,
            next_url="?" + urlencode({**args, "page": d["page"] + 1}),
            prev_url="?" + urlencode({**args, "page": d["page"] - 1}),
        )

    async def search_json(self, request: Request) -> Response:
        d, _ = self.search_data(request)
        return JSONResponse(_jsonable(d))

    def events_data(self, request: Request) -> dict[str, Any]:
        """The /events filters as the CLI's (bad types and dates are dropped, as in /search)."""
        p = request.query_params
        actor = (p.get("actor") or "").strip()[:MAX_QUERY_CHARS]
        etype = (p.get("type") or "").strip()[:MAX_QUERY_CHARS].upper()
        etype = etype if etype in query.PLOVER_TYPES else ""
        since, until = (_day(p.get(k)) for k in ("since", "until"))
        page = _page(request)
        rows = query.events(
            self.cursor(), actor or None, etype or None, since, until, PAGE_SIZE, page * PAGE_SIZE
        )
        form = {"actor": actor, "type": etype, "since": since or "", "until": until or ""}
        return {"form": form, "results": rows, "page": page}

    async def events(self, request: Request) -> Response:
        d = self.events_data(request)
        args = {k: v for k, v in d["form"].items() if v}
        return self.page(
            "events.html",
            **d,
            types=query.PLOVER_TYPES,
            more=len(d["results"]) == PAGE_SIZE,
            next_url="?" + urlencode({**args, "page": d["page"] + 1}),
            prev_url="?" + urlencode({**args, "page": d["page"] - 1}),
        )

    async def events_json(self, request: Request) -> Response:
        return JSONResponse(_jsonable(self.events_data(request)))

    async def not_found(self, request: Request, exc: Exception) -> Response:
        detail = getattr(exc, "detail", "not found")
        code = getattr(exc, "status_code", 404)
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": detail}, status_code=code)
        return self.page("error.html", status=code, code=code, detail=detail)

    async def server_error(self, request: Request, exc: Exception) -> Response:
        return self.page("error.html", status=500, code=500, detail="internal error")


def _page(request: Request) -> int:
    try:
        return min(max(int(request.query_params.get("page", "0")), 0), MAX_PAGE)
    except ValueError:
        return 0


def _event_view(i: int, e: Event) -> dict[str, Any]:
    """An article's event with the display fields of a ``query.events`` row."""

    def name(a: Actor | None) -> str | None:
        return (a.name or (a.mention.text if a.mention else None)) if a else None

    return {
        "idx": i,
        "type": e.type,
        "status": e.status,
        "actor": name(e.actor),
        "actor_country": e.actor.country if e.actor else None,
        "recipient": name(e.recipient),
        "recipient_country": e.recipient.country if e.recipient else None,
        "location": e.location.name if e.location else None,
        "date": (e.date.value or e.date.text) if e.date else None,
        "trigger": e.trigger.text,
    }


def _day(value: str | None) -> str | None:
    """A date filter if it is one (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), else None."""
    value = (value or "").strip()
    return value if len(value) <= 10 and store.period(value)[0] else None


def _jsonable(obj: Any) -> Any:
    """Dates and records → JSON types."""
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return _jsonable(asdict(obj))
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def create_app(con: duckdb.DuckDBPyConnection, title: str = "Lasswell", home: str | None = None) -> Starlette:
    """The ASGI application over an open (read-only) connection; ``home`` redirects ``/``."""
    site = Site(con, title)

    async def redirect_home(request: Request) -> Response:
        return RedirectResponse(home)

    routes = [
        Route("/", redirect_home if home else site.index),
        Route("/index.json", site.index_json),
        Route("/article/{article_id}.json", site.article_json),
        Route("/article/{article_id}", site.article),
        Route("/speaker/{speaker_id}.json", site.speaker_json),
        Route("/speaker/{speaker_id}", site.speaker),
        Route("/search.json", site.search_json),
        Route("/search", site.search),
        Route("/events.json", site.events_json),
        Route("/events", site.events),
        Mount("/static", StaticFiles(directory=_HERE / "static"), name="static"),
    ]
    return Starlette(
        routes=routes,
        exception_handlers={404: site.not_found, HTTPException: site.not_found, 500: site.server_error},
    )


def app_for_db(db: str | Path) -> Starlette:
    """The UI over a corpus database, opened read-only."""
    return create_app(store.connect(db, read_only=True), title=f"Lasswell — {Path(db).name}")


def app_for_article(path: str, lang: str = "fr", model: str | None = None) -> Starlette:
    """The UI over one article analysed on the fly (an in-memory store, no file written)."""
    from lasswell import identity
    from lasswell.errors import LasswellError
    from lasswell.ingest import iter_path
    from lasswell.pipeline import analyze_many

    items = list(iter_path(path))
    arts = [a for a in analyze_many(items, lang=lang, model=model) if not a.error]
    if not arts:
        reasons = [i.reason for i in items if hasattr(i, "reason")]
        raise LasswellError(f"{path}: {reasons[0] if reasons else 'the article could not be analysed'}")
    con = store.connect(":memory:")
    keyed = [(store.article_key(a.text, a.id), a) for a in arts]
    store.write_batch(con, keyed)
    identity.refresh(con)
    return create_app(con, title=f"Lasswell — {Path(path).name}", home=f"/article/{keyed[0][0]}")
