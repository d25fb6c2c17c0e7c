"""Command line: ``lasswell analyze``, ``eval``, and the corpus commands (``ingest``, ``speakers``,
``quotes``, ``events``, ``export``, ``serve``) — a thin layer over the library.

Exit codes: 0 all articles analysed; 1 some articles failed (their error records are still
written); 2 usage error (bad option, missing file); 3 nothing could be analysed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from lasswell import __version__

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lasswell")
def main() -> None:
    """Lasswell: who said what, to whom — quotes, speakers and entities from French news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["summary", "json", "jsonl"]),
    default=None,
    help="summary (terminal, default for one article), json, or jsonl (default for several).",
)
@click.option("--lang", default="auto", show_default=True, help="Language code, or 'auto' to detect.")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) when the input lacks one.")
@click.option("--model", default=None, help="spaCy model package, e.g. fr_core_news_sm (default: md).")
@click.option("--max-chars", default=1_000_000, show_default=True, help="Refuse longer articles.")
def analyze(
    inputs: tuple[str, ...],
    fmt: str | None,
    lang: str,
    published: str | None,
    model: str | None,
    max_chars: int,
) -> None:
    """Analyse articles: .txt, .html, .json, .jsonl files, or - for stdin.

    \b
    Examples:
      lasswell analyze examples/kremlin-geneve.txt
      lasswell analyze page.html --format json
      lasswell analyze a.txt b.html c.jsonl --format jsonl > out.jsonl
      cat article.txt | lasswell analyze - --published 2022-01-11
    """
    from dataclasses import replace

    from lasswell.errors import LasswellError
    from lasswell.ingest import RawArticle, iter_inputs
    from lasswell.pipeline import analyze_many

    fmt = fmt or (
        "summary" if len(inputs) == 1 and not inputs[0].endswith((".jsonl", ".ndjson")) else "jsonl"
    )
    raws = (
        replace(r, published=r.published or published) if isinstance(r, RawArticle) else r
        for r in iter_inputs(inputs, max_chars=max_chars)
    )
    ok = failed = 0
    try:
        for art in _progress(analyze_many(raws, lang=lang, model=model), fmt):
            if art.error:
                failed += 1
                click.echo(f"error: {art.source}: {art.error}", err=True)
            else:
                ok += 1
            _emit(art, fmt)
    except LasswellError as exc:
        raise click.ClickException(str(exc)) from exc
    sys.exit(EXIT_OK if not failed else EXIT_PARTIAL if ok else EXIT_FAILED)


def _progress(arts: Iterator, fmt: str) -> Iterator:
    """Show a progress bar on stderr for batch output to a file or pipe."""
    if fmt == "summary" or not sys.stderr.isatty():
        yield from arts
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(), transient=True
    ) as progress:
        task = progress.add_task("analyse", total=None)
        for art in arts:
            progress.advance(task)
            yield art


def _emit(art, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(art.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        click.echo(json.dumps(art.to_dict(), ensure_ascii=False))
    elif not art.error:
        from lasswell.summary import print_summary

        print_summary(art)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--model", default=None, help="spaCy model package (default: fr_core_news_md).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors", type=click.Path(), default=None, help="Write every miss/spurious/wrong speaker here (JSON)."
)
def eval_cmd(gold: str, model: str | None, as_json: bool, errors: str | None) -> None:
    """Score the extractor on gold files (GUIDELINES.md section 4).

    \b
    Example:
      lasswell eval ../shared/gold/dev
    """
    from lasswell.evaluate import evaluate

    scores, counts = evaluate(gold, model=model)
    if errors:
        with open(errors, "w", encoding="utf-8") as fh:
            json.dump(counts.errors, fh, ensure_ascii=False, indent=1)
    if as_json:
        click.echo(json.dumps(scores, indent=2))
        return
    from lasswell.summary import print_scores

    print_scores(scores)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=None, type=click.Path(dir_okay=False), help="DuckDB file (created if absent).")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: worker processes and a DuckDB file; ray: Ray Data writing Parquet (--out).",
)
@click.option("--out", default=None, type=click.Path(file_okay=False), help="Parquet folder (--engine ray).")
@click.option("--address", default=None, help="Ray cluster address (default: start a local Ray).")
@click.option("--actors", default=2, show_default=True, help="Analysis actors (--engine ray).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: the number of cores).")
@click.option(
    "--lang", default="fr", show_default=True, help="Language code, or 'auto' to detect per article."
)
@click.option("--model", default=None, help="spaCy model package (default: fr_core_news_md).")
@click.option("--batch", default=32, show_default=True, help="Articles per worker batch and transaction.")
def ingest(
    inputs: tuple[str, ...],
    db: str | None,
    engine: str,
    out: str | None,
    address: str | None,
    actors: int,
    workers: int | None,
    lang: str,
    model: str | None,
    batch: int,
) -> None:
    """Analyse files, folders, JSONL dumps and WARC crawls into a corpus database.

    Re-running on the same inputs changes nothing; an interrupted run picks up where it stopped.

    \b
    Examples:
      lasswell ingest ../shared/corpus/orangesum-2000.jsonl --db news.duckdb
      lasswell ingest crawl.warc.gz articles/ --db news.duckdb --workers 2
      lasswell ingest 'shards/*.jsonl' --engine ray --out parquet/      # pip install 'lasswell[ray]'
    """
    from lasswell.errors import LasswellError

    if workers is not None and workers < 1:
        raise click.BadParameter("must be at least 1", param_hint="--workers")
    if (engine == "local") != bool(db) or (engine == "ray") != bool(out):
        raise click.UsageError("--engine local needs --db; --engine ray needs --out")
    try:
        if engine == "ray":
            stats = _ray_ingest(inputs, out, address, actors, lang, model, batch)
        else:
            from lasswell.corpus import ingest as run

            with _ingest_progress() as on_batch:
                stats = run(
                    inputs, db, workers=workers, lang=lang, model=model, on_batch=on_batch, batch=batch
                )
    except LasswellError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"read {stats.read} · new {stats.written} · already stored {stats.skipped} · errors {stats.failed} "
        f"· quotes {stats.quotes} · {stats.rate:.1f} articles/s ({stats.seconds:.1f} s)",
        err=True,
    )
    for line in stats.errors[:20]:
        click.echo(f"  error: {line}", err=True)
    sys.exit(EXIT_OK if not stats.failed else EXIT_PARTIAL if stats.written or stats.skipped else EXIT_FAILED)


def _ray_ingest(inputs, out, address, actors, lang, model, batch):
    try:
        from lasswell import ray_engine
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise click.ClickException("the Ray engine needs Ray: pip install 'lasswell[ray]'") from exc
    return ray_engine.ingest(inputs, out, address=address, actors=actors, lang=lang, model=model, batch=batch)


class _ingest_progress:
    """A rich progress line on a terminal; plain progress lines on stderr otherwise."""

    def __enter__(self):
        self.progress = None
        if sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=None)
        return self.update

    def update(self, stats) -> None:
        line = (
            f"ingest: {stats.written + stats.failed} analysed, {stats.skipped} already stored, "
            f"{stats.failed} errors, {stats.rate:.1f} articles/s"
        )
        if self.progress is not None:
            self.progress.update(self.task, description=line)
        else:
            click.echo(line, err=True)

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()


def _open(db: str | None, parquet: str | None = None):
    from lasswell import query, store
    from lasswell.errors import LasswellError

    if bool(db) == bool(parquet):
        raise click.UsageError("give either --db or --parquet")
    try:
        return store.connect(db, read_only=True) if db else query.open_parquet(parquet)
    except LasswellError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--db", default=None, type=click.Path(dir_okay=False))
@click.option(
    "--parquet", default=None, type=click.Path(file_okay=False), help="Read Parquet (export or Ray)."
)
@click.option("--top", default=20, show_default=True, help="How many speakers.")
@click.option("--merges", is_flag=True, help="Show which names were merged into one speaker, and why.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
def speakers(db: str | None, parquet: str | None, top: int, merges: bool, fmt: str) -> None:
    """Speakers of a corpus by number of quotes (one identity across name variants).

    \b
    Examples:
      lasswell speakers --db news.duckdb --top 20
      lasswell speakers --db news.duckdb --merges
    """
    from lasswell import query

    con = _open(db, parquet)
    rows = query.merges(con) if merges else query.top_speakers(con, top)
    _table(rows, fmt, title="merged names" if merges else f"top {top} speakers")


@main.command()
@click.option("--db", default=None, type=click.Path(dir_okay=False))
@click.option(
    "--parquet", default=None, type=click.Path(file_okay=False), help="Read Parquet (export or Ray)."
)
@click.option("--speaker", default=None, help="Speaker name (any variant) or speaker id.")
@click.option("--since", default=None, help="Published on or after (YYYY-MM-DD).")
@click.option("--until", default=None, help="Published on or before (YYYY-MM-DD).")
@click.option("--search", default=None, help="Words that must all appear in the quote (accents ignored).")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed"]), default=None)
@click.option("--limit", default=50, show_default=True)
@click.option("--offset", default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
def quotes(db, parquet, speaker, since, until, search, kind, limit: int, offset: int, fmt: str) -> None:
    """Search the quotes of a corpus by speaker, date and words.

    \b
    Examples:
      lasswell quotes --db news.duckdb --speaker Ryabkov --since 2022-01-01 --search OTAN
      lasswell quotes --parquet parquet/ --speaker Ryabkov
    """
    from lasswell import query

    f = query.QuoteFilter(speaker, since, until, search, kind, limit, offset)
    _table(query.quotes(_open(db, parquet), f), fmt, title="quotes")


def _event_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--type as a PLOVER type (any case), or a usage error listing the types."""
    from lasswell import query
    from lasswell.errors import LasswellError

    try:
        return query.event_type(value) if value else None
    except LasswellError as exc:
        raise click.BadParameter(str(exc)) from exc


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since / --until checked as YYYY-MM-DD, YYYY-MM or YYYY (a usage error otherwise)."""
    from lasswell import query
    from lasswell.errors import LasswellError

    try:
        query.day_bounds(value, None)
    except LasswellError as exc:
        raise click.BadParameter(str(exc)) from exc
    return value


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Corpus database.")
@click.option("--actor", default=None, help="Actor's country (ISO 3166 alpha-3: RUS) or part of its name.")
@click.option(
    "--type",
    "etype",
    metavar="TYPE",
    default=None,
    callback=_event_type,
    help="PLOVER type: THREATEN, AID, …",
)
@click.option("--since", default=None, callback=_day, help="On or after (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", default=None, callback=_day, help="On or before (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(min=1), help="At most (newest first)."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table")
def events(db: str, actor, etype, since, until, limit: int, fmt: str) -> None:
    """Search the events of a corpus: who did what to whom, where and when (PLOVER types).

    Dates compare the event's own date when the article gives one (a month or a year matches
    when it overlaps the range), else the article's publication date.

    \b
    Types: AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN
           PROTEST SANCTION MOBILIZE COERCE ASSAULT
    \b
    Examples:
      lasswell events --db news.duckdb --actor RUS --type THREATEN --since 2022-01-01
      lasswell events --db news.duckdb --actor poutine --until 2022-03 --format jsonl
    """
    from lasswell import query
    from lasswell.errors import LasswellError

    con = _open(db, None)
    try:
        rows = query.events(con, actor, etype, since, until, limit)
    except LasswellError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "jsonl":
        _table(rows, fmt, title="events")
    else:
        _print_events([_event_cells(r) for r in rows])


def _print_events(rows: list[dict[str, str]]) -> None:
    """Event rows as a rich table (dates and types never wrap)."""
    from rich.console import Console
    from rich.table import Table

    if not rows:
        click.echo("events: nothing found")
        return
    table = Table(title=f"events ({len(rows)})", expand=True)
    for col in rows[0]:
        if col in ("date", "type"):
            table.add_column(col, no_wrap=True, min_width=10 if col == "date" else 9)
        else:
            table.add_column(col, ratio=1)
    for r in rows:
        table.add_row(*r.values())
    Console().print(table)


def _event_cells(r: dict) -> dict[str, str]:
    """The table columns of an event row: date, type, actor, recipient, location, trigger, article."""

    def who(name: str | None, country: str | None) -> str:
        return " ".join(x for x in (name, f"({country})" if country else None) if x)

    return {
        "date": r["date"] or "",
        "type": r["type"],
        "actor": who(r["actor"], r["actor_country"]),
        "recipient": who(r["recipient"], r["recipient_country"]),
        "location": r["location"] or "",
        "trigger": r["trigger"],
        "article": r["title"] or r["source"] or r["article_id"],
    }


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--parquet", "out", required=True, type=click.Path(file_okay=False), help="Output folder.")
def export(db: str, out: str) -> None:
    """Export every record type of a corpus to Parquet (one file each).

    \b
    Example:
      lasswell export --db news.duckdb --parquet out/
    """
    from lasswell import query

    for path in query.export_parquet(_open(db, None), out):
        click.echo(str(path))


@main.command()
@click.argument("article", required=False)
@click.option("--db", default=None, type=click.Path(dir_okay=False), help="Corpus database to browse.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--model", default=None, help="spaCy model for an ARTICLE analysed on the fly.")
def serve(article: str | None, db: str | None, host: str, port: int, model: str | None) -> None:
    """Browse a corpus (--db) or one article analysed on the fly, in a web browser.

    \b
    Examples:
      lasswell serve --db news.duckdb --port 8000     # then open http://127.0.0.1:8000
      lasswell serve article.html
    """
    import uvicorn

    from lasswell.errors import LasswellError
    from lasswell.web.app import app_for_article, app_for_db

    if bool(article) == bool(db):
        raise click.UsageError("give either an ARTICLE or --db")
    try:
        app = app_for_db(db) if db else app_for_article(article, model=model)
    except LasswellError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"serving on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _table(rows: list[dict], fmt: str, title: str) -> None:
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["empty"])
        w.writeheader()
        for r in rows:
            w.writerow({k: v if not isinstance(v, list) else "; ".join(map(str, v)) for k, v in r.items()})
    else:
        from lasswell.summary import print_rows

        print_rows(rows, title)


if __name__ == "__main__":  # pragma: no cover
    main()
