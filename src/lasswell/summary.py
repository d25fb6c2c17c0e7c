"""Terminal rendering (rich) of an Article and of evaluation scores."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from lasswell.records import Article

# Quotes longer than this are shortened in the terminal table (the JSON keeps them whole).
MAX_QUOTE_CHARS = 140


def _short(s: str, n: int = MAX_QUOTE_CHARS) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def print_summary(art: Article, console: Console | None = None) -> None:
    """Title, dateline, zones, entities and quotes of one article."""
    console = console or Console()
    console.rule(f"[bold]{art.title or art.source or 'article'}")
    facts = [("language", art.lang), ("published", art.published), ("source", art.source)]
    if art.dateline:
        facts.append(("dateline", f"{art.dateline.place or ''} ({art.dateline.outlet or '—'})"))
    kinds: dict[str, int] = {}
    for z in art.zones:
        kinds[z.kind] = kinds.get(z.kind, 0) + 1
    facts.append(("zones", ", ".join(f"{k} ×{n}" for k, n in kinds.items())))
    for k, v in facts:
        if v:
            console.print(f"[dim]{k}:[/dim] {v}")
    people = [e for e in art.entities if e.type == "PER"]
    if people:
        console.print(
            "[bold]People:[/bold] "
            + "; ".join(e.name + (f" ({', '.join(e.roles)})" if e.roles else "") for e in people)
        )
    table = Table(title=f"{len(art.quotes)} quotes", show_lines=False, expand=True)
    # The quote takes the room; the other columns are kept narrow so that an 80-column
    # terminal still shows the words (long speakers and cues are cut, the JSON keeps them).
    table.add_column("#", justify="right", width=3, no_wrap=True)
    table.add_column("speaker", width=18, overflow="fold")
    table.add_column("cue", width=12, overflow="ellipsis", no_wrap=True)
    table.add_column("kind", width=4, no_wrap=True)
    table.add_column("quote", ratio=1, min_width=24)
    table.add_column("conf", justify="right", width=4, no_wrap=True)
    for i, q in enumerate(art.quotes, 1):
        speaker = q.speaker.name if q.speaker and q.speaker.name else "[red]unknown[/red]"
        if q.addressee:
            speaker += f" → {q.addressee.text}"
        table.add_row(
            str(i), speaker, q.cue.text if q.cue else "—", q.kind[:3], _short(q.text), f"{q.confidence:.2f}"
        )
    console.print(table)
    if art.events:
        print_events(art, console)


def _who(a) -> str:
    if a is None or not (a.name or a.mention):
        return "—"
    name = a.name or (a.mention.text if a.mention else "")
    return f"{name} ({a.country})" if a.country else name


def print_events(art: Article, console: Console) -> None:
    """Who did what to whom, where and when: one row per event."""
    table = Table(title=f"{len(art.events)} events", expand=True)
    table.add_column("type", width=9, no_wrap=True)
    table.add_column("who → whom", ratio=1, min_width=20)
    table.add_column("where", width=12, overflow="fold")
    table.add_column("when", width=10, no_wrap=True)
    table.add_column("trigger", width=16, overflow="ellipsis", no_wrap=True)
    for e in art.events:
        kind = e.type + ("*" if e.status == "planned" else "")
        when = (e.date.value or e.date.text) if e.date else "—"
        where = e.location.name if e.location else "—"
        table.add_row(kind, f"{_who(e.actor)} → {_who(e.recipient)}", where, when, e.trigger.text)
    console.print(table)
    if any(e.status == "planned" for e in art.events):
        console.print("[dim]* planned[/dim]")


def print_scores(scores: dict[str, float], console: Console | None = None) -> None:
    """The evaluation table: quote P/R/F1 at each level, speaker accuracy, end-to-end."""
    console = console or Console()
    table = Table(
        title=f"{scores['articles']} articles, {scores['gold']} gold quotes, {scores['predicted']} predicted"
    )
    for col in ("measure", "precision", "recall", "F1"):
        table.add_column(col)
    for name, label in (
        ("lenient", "quote >30% overlap"),
        ("strict", "quote >80% overlap"),
        ("exact", "quote exact span"),
        ("end_to_end", "quote + speaker (end-to-end)"),
    ):
        table.add_row(label, *(f"{scores[f'{name}_{m}']:.3f}" for m in ("p", "r", "f1")))
    console.print(table)
    for k in ("speaker_accuracy", "kind_accuracy", "cue_accuracy"):
        console.print(f"{k.replace('_', ' ')}: {scores[k]:.3f}")
    if scores.get("event_articles"):
        _print_event_scores(scores, console)


def _print_event_scores(scores: dict[str, float], console: Console) -> None:
    """EVENTS.md section 4: event and full-event P/R/F1, argument accuracies."""
    table = Table(
        title=f"events: {scores['event_articles']} articles, {scores['event_gold']} gold, "
        f"{scores['event_predicted']} predicted"
    )
    for col in ("measure", "precision", "recall", "F1"):
        table.add_column(col)
    for name, label in (("event", "event (type + sentence)"), ("full_event", "event + actor + recipient")):
        table.add_row(label, *(f"{scores[f'{name}_{m}']:.3f}" for m in ("p", "r", "f1")))
    console.print(table)
    for k in ("actor", "recipient", "location", "date"):
        console.print(f"event {k} accuracy: {scores[f'event_{k}_accuracy']:.3f}")


def print_rows(rows: list[dict], title: str, console: Console | None = None) -> None:
    """A list of records as a table (long texts shortened)."""
    console = console or Console()
    if not rows:
        console.print(f"{title}: nothing found")
        return
    table = Table(title=f"{title} ({len(rows)})", expand=True)
    for col in rows[0]:
        table.add_column(col, ratio=1 if col == "text" else None)
    for r in rows:
        table.add_row(
            *(
                _short(", ".join(map(str, v)) if isinstance(v, list) else "" if v is None else str(v), 100)
                for v in r.values()
            )
        )
    console.print(table)
