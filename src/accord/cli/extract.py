"""Extraction commands: ``extract``, ``claims``, ``eval``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from accord.cli.common import console, engine_from, print_json
from accord.errors import AccordError

err = Console(stderr=True, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
    app.command("train-model")(train_model_cmd)
    app.command("claims")(claims_cmd)
    app.command("eval")(eval_cmd)


def _vocab(folder: Path | None):  # noqa: ANN202 - Vocab
    from accord.extract.vocab import load_vocab

    return load_vocab(str(folder) if folder else None)


def _stance_model(path: Path):  # noqa: ANN202 - StanceModel
    from accord.extract.classifier import read_model

    return read_model(path)


def extract_cmd(
    ctx: typer.Context,
    doc: list[str] = typer.Option(
        None, "--doc", help="Document id or file name (repeatable); default: all documents."
    ),
    vocab: Path = typer.Option(
        None, "--vocab", help="Folder with actors.yaml, issues.yaml, cues.yaml to use instead."
    ),
    llm_url: str = typer.Option(
        None, "--llm-url",
        help="Use a language model on an OpenAI-compatible server you run (e.g. "
        "http://localhost:8000/v1) instead of the rules. Off by default.",
    ),
    llm_model: str = typer.Option("local", "--llm-model", help="Model name for --llm-url."),
    rules_only: bool = typer.Option(
        False, "--rules-only", help="The rules alone, without the learned stance classifier."
    ),
    model: Path = typer.Option(
        None, "--model", help="A stance model from `accord train-model` instead of the shipped one."
    ),
    threshold: float = typer.Option(
        None, "--threshold",
        help="Probability the classifier needs to add a claim (default: the model's own, "
        "chosen by cross-validation). Higher: more precise, fewer claims.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Extract claims from stored documents (replacing each document's earlier claims)."""
    from accord.extract.llm import RuleExtractor
    from accord.extract.store import extract_store

    engine = engine_from(ctx)
    v = _vocab(vocab)
    extractor = None
    if rules_only or model or threshold is not None:
        stance_model = _stance_model(model) if model else None
        if threshold is not None and not rules_only:
            from accord.extract.classifier import load_model

            stance_model = stance_model or load_model()
            if stance_model is None:
                raise AccordError("--threshold: this installation has no stance model")
            stance_model = stance_model.with_threshold(threshold)
        extractor = RuleExtractor(v, learned=not rules_only, model=stance_model)
    if llm_url:
        from accord.extract.llm import LLMExtractor

        extractor = LLMExtractor(llm_url, llm_model, vocab=v)
    with Progress(
        TextColumn("[bold]extract[/]"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.description}"), TimeRemainingColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name)

        report = extract_store(engine, doc or None, vocab=v, progress=progress,
                               extractor=extractor)
    if as_json:
        print_json(report.summary())
        return
    if report.documents == 0:
        console.print("no documents yet: run `accord ingest PATH`")
        return
    console.print(f"extracted {report.claims} claims from {report.documents} documents",
                  markup=False)


def _since(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise AccordError(f"--since {value!r}: expected a date YYYY-MM-DD") from exc


def claims_cmd(
    ctx: typer.Context,
    actor: str = typer.Option(None, "--actor", help="Party id, e.g. RUS."),
    issue: str = typer.Option(None, "--issue", help="Issue id or prefix, e.g. territory."),
    stance: str = typer.Option(None, "--stance", help="DEMAND, REJECT, PROPOSE, ACCEPT, THREATEN."),
    since: str = typer.Option(None, "--since", help="Only claims dated on or after YYYY-MM-DD."),
    doc: str = typer.Option(None, "--doc", help="Document id or file name."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array (with rule, cue)."),
    as_jsonl: bool = typer.Option(
        False, "--jsonl", help="Print JSON Lines in the ontology's claim interchange format."
    ),
) -> None:
    """List stored claims, filtered."""
    from accord.extract.store import list_claims
    from accord.extract.vocab import STANCES

    if stance and stance.upper() not in STANCES:
        raise AccordError(f"--stance {stance!r}: expected one of {', '.join(STANCES)}")
    rows = list_claims(engine_from(ctx), actor=actor, issue=issue, stance=stance,
                       since=_since(since), doc=doc)
    if as_jsonl:
        for r in rows:
            typer.echo(json.dumps(r.interchange(), ensure_ascii=False))
        return
    if as_json:
        print_json([r.to_json() for r in rows])
        return
    if not rows:
        console.print("no claims match (run `accord extract` first?)")
        return
    table = Table()
    table.add_column("doc", overflow="fold", max_width=28)
    table.add_column("date", no_wrap=True)
    table.add_column("actor", no_wrap=True)
    table.add_column("issue", overflow="fold", min_width=12)
    table.add_column("option", overflow="fold")
    table.add_column("stance", overflow="fold", min_width=7)
    table.add_column("speaker", overflow="fold")
    table.add_column("evidence", overflow="fold", min_width=30, ratio=1)
    for r in rows:
        evidence = r.text if len(r.text) <= 160 else r.text[:157] + "…"
        stance_s = r.stance + (" (hedged)" if r.hedged else "")
        table.add_row(r.doc, r.date.isoformat() if r.date else "—", r.actor, r.issue,
                      r.option or "—", stance_s, (r.speaker or "—") + (f" via {r.via}"
                                                                     if r.via else ""),
                      evidence)
    console.print(table)
    console.print(f"{len(rows)} claims", style="dim")


def eval_cmd(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., help="Gold claims, JSON Lines (ontology format)."),
    pred: Path = typer.Option(
        None, "--pred", help="Score this predictions file (JSON Lines) instead of the store."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Precision, recall and F1 of the stored claims against GOLD, per document too."""
    from accord.extract.evaluate import load_gold, score

    gold_claims = load_gold(gold)
    components: dict[tuple[str, str, str, str], set[str]] | None = None
    if pred is not None:
        predicted = {(g.doc, g.actor, g.issue, g.stance) for g in load_gold(pred)}
    else:
        from accord.extract.evaluate import component
        from accord.extract.store import list_claims

        components = {}
        for c in list_claims(engine_from(ctx)):
            components.setdefault((c.doc, c.actor, c.issue, c.stance), set()).add(
                component(c.rule))
        predicted = set(components)
    result = score(predicted, gold_claims, components=components)
    if as_json:
        print_json(result.to_json())
        return
    table = Table(title=f"claims vs {gold.name}")
    table.add_column("document", overflow="fold")
    for name in ("predicted", "correct", "required", "found", "P", "R", "F1"):
        table.add_column(name, justify="right", no_wrap=True)
    for d, s in result.per_document.items():
        table.add_row(d, str(s.predicted), str(s.correct), str(s.required), str(s.found),
                      f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}")
    table.add_row("all", str(result.predicted), str(result.correct), str(result.required),
                  str(result.found), f"{result.precision:.3f}", f"{result.recall:.3f}",
                  f"{result.f1:.3f}", style="bold")
    console.print(table)
    if len(result.by_component) > 1:
        for name, sc in result.by_component.items():
            console.print(f"{name}: {sc.predicted} tuples, precision {sc.precision:.3f}, "
                          f"recall {sc.recall:.3f}", markup=False)
    if result.misses:
        console.print("misses (required, not extracted):", style="bold")
        for k in result.misses:
            console.print("  " + "  ".join(k), markup=False)
    if result.false_hits:
        console.print("false hits (extracted, not in gold):", style="bold")
        for k in result.false_hits:
            console.print("  " + "  ".join(k), markup=False)


def train_model_cmd(
    corpus: list[Path] = typer.Option(
        ..., "--corpus", help="Folder or file of annotated documents (repeatable)."
    ),
    gold: list[Path] = typer.Option(
        ..., "--gold", help="Gold claims for them, JSON Lines with verbatim cues (repeatable)."
    ),
    out: Path = typer.Option(..., "--out", help="Where to write the model (JSON)."),
    c: float = typer.Option(1.0, "--c", help="Inverse L2 regularisation strength."),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds for the threshold."),
    vocab: Path = typer.Option(None, "--vocab", help="Vocabulary folder to use instead."),
    as_json: bool = typer.Option(False, "--json", help="Print the model's figures as JSON."),
) -> None:
    """Train the stance classifier on annotated documents; write it to --out."""
    from accord.extract.training import read_annotated, save_model, train

    if c <= 0 or folds < 2:
        raise AccordError("--c must be > 0 and --folds at least 2")
    docs = read_annotated(corpus, gold)
    with Progress(
        TextColumn("[bold]train[/]"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.description}"), console=err, transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("", total=len(docs))
        model = train(docs, vocab=_vocab(vocab), c=c, folds=folds,
                      sources=[*corpus, *gold],
                      progress=lambda name: bar.update(task, advance=1, description=name))
    save_model(model, out)
    cv = model.meta["cross_validation"]
    if as_json:
        print_json({"out": str(out), "threshold": model.threshold,
                    "features": len(model.weights), **{k: model.meta[k] for k in (
                        "documents", "candidates", "labelled")}, "cross_validation": cv})
        return
    table = Table(title=f"{folds}-fold cross-validation over {len(docs)} documents")
    for col in ("threshold", "precision", "recall", "F1", "predicted"):
        table.add_column(col, justify="right")
    r = cv["rules_only"]
    table.add_row("rules only", f"{r['precision']:.3f}", f"{r['recall']:.3f}",
                  f"{r['f1']:.3f}", str(r["predicted"]))
    for t, f in cv["by_threshold"].items():
        mark = " *" if float(t) == model.threshold else ""
        table.add_row(t + mark, f"{f['precision']:.3f}", f"{f['recall']:.3f}",
                      f"{f['f1']:.3f}", str(f["predicted"]))
    console.print(table)
    console.print(f"wrote {out} (threshold {model.threshold}, {len(model.weights)} features)",
                  markup=False)
