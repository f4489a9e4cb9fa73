"""Scoring extracted claims against a gold file, by the rule of the ontology file.

Predictions and gold are compared as sets of unique ``(doc, actor, issue, stance)`` tuples;
gold lines with ``optional: true`` count for precision only:

    precision = |pred ∩ (required ∪ optional)| / |pred|
    recall    = |pred ∩ required| / |required|

>>> gold = [GoldClaim("a.txt", "RUS", "znpp", "REJECT", False, 1),
...         GoldClaim("a.txt", "UKR", "znpp", "DEMAND", True, 2)]
>>> r = score({("a.txt", "RUS", "znpp", "REJECT"), ("a.txt", "USA", "znpp", "ACCEPT")}, gold)
>>> (r.precision, r.recall)
(0.5, 1.0)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.errors import AccordError
from accord.extract.vocab import STANCES

Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class GoldClaim:
    doc: str
    actor: str
    issue: str
    stance: str
    optional: bool
    line: int

    def key(self) -> Key:
        return (self.doc, self.actor, self.issue, self.stance)


@dataclass
class Scores:
    predicted: int
    correct: int  # predicted and in gold (required or optional)
    required: int
    found: int  # required and predicted

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "predicted": self.predicted, "correct": self.correct,
                "required": self.required, "found": self.found}


@dataclass
class EvalResult(Scores):
    per_document: dict[str, Scores] = field(default_factory=dict)
    misses: list[Key] = field(default_factory=list)
    false_hits: list[Key] = field(default_factory=list)
    # by the component that made the tuple (rules, model, llm); a tuple two made counts twice
    by_component: dict[str, Scores] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        out["per_document"] = {d: s.to_json() for d, s in sorted(self.per_document.items())}
        if self.by_component:
            out["by_component"] = {c: s.to_json() for c, s in sorted(self.by_component.items())}
        out["misses"] = [dict(zip(("doc", "actor", "issue", "stance"), k, strict=True))
                         for k in self.misses]
        out["false_hits"] = [dict(zip(("doc", "actor", "issue", "stance"), k, strict=True))
                             for k in self.false_hits]
        return out


def load_gold(path: str | Path) -> list[GoldClaim]:
    """Read a gold JSON Lines file; a bad line is an AccordError naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise AccordError(f"{path}: gold file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise AccordError(f"{path}: cannot read gold file ({exc.__class__.__name__})") from exc
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AccordError(f"{where}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise AccordError(f"{where}: expected a JSON object")
        for name in ("doc", "actor", "issue", "stance"):
            if not isinstance(row.get(name), str) or not row[name]:
                raise AccordError(f"{where}: field {name!r} missing or not a string")
        if row["stance"] not in STANCES:
            raise AccordError(f"{where}: unknown stance {row['stance']!r} "
                              f"(known: {', '.join(STANCES)})")
        optional = row.get("optional", False)
        if not isinstance(optional, bool):
            raise AccordError(f"{where}: field 'optional' must be true or false")
        out.append(GoldClaim(row["doc"], row["actor"], row["issue"], row["stance"], optional,
                             number))
    if not out:
        raise AccordError(f"{path}: gold file has no claims")
    return out


def component(rule: str) -> str:
    """Which part of extraction a claim's ``rule`` names: ``rules``, ``model`` or ``llm``."""
    head = rule.split(":", 1)[0]
    return head if head in ("model", "llm") else "rules"


def score(predicted: set[Key], gold: list[GoldClaim], docs: set[str] | None = None,
          components: dict[Key, set[str]] | None = None) -> EvalResult:
    """Precision, recall and F1 overall and per document; misses and false hits listed.

    Only documents named in the gold file are scored unless ``docs`` says otherwise. With
    ``components`` (what made each predicted tuple), the scores of each component's tuples.
    """
    required = {g.key() for g in gold if not g.optional}
    allowed = required | {g.key() for g in gold}
    docs = docs if docs is not None else {g.doc for g in gold}
    pred = {p for p in predicted if p[0] in docs}
    result = EvalResult(predicted=len(pred), correct=len(pred & allowed), required=len(required),
                        found=len(pred & required))
    for d in sorted(docs):
        p = {k for k in pred if k[0] == d}
        r = {k for k in required if k[0] == d}
        a = {k for k in allowed if k[0] == d}
        result.per_document[d] = Scores(len(p), len(p & a), len(r), len(p & r))
    result.misses = sorted(required - pred)
    result.false_hits = sorted(pred - allowed)
    for name in sorted({c for k in pred for c in (components or {}).get(k, ())}):
        mine = {k for k in pred if name in components.get(k, ())}  # type: ignore[union-attr]
        result.by_component[name] = Scores(len(mine), len(mine & allowed), len(required),
                                           len(mine & required))
    return result
