"""Command line: ``lasswell analyze`` and ``lasswell eval`` — a thin layer over the library.

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


if __name__ == "__main__":  # pragma: no cover
    main()
