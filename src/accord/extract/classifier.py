"""A learned stance classifier over (sentence, party, issue) candidates, beside the rules.

The rules tie a party, an issue and a cue together only when they recognise the
construction; on news they have not seen they find about a third of the claims an analyst
codes. Most missed claims still have the party and the issue in one sentence. This module
scores every such pair with a multinomial logistic regression (classes ``NONE`` and the
five stances) over plain features: the rules' own verdict, the cues and negators near the
issue, where the party stands (subject, object, speaker of a frame), and the sentence's
words. A pair whose best stance reaches the model's threshold becomes a claim the rules did
not make, with ``rule = "model:<stance>"`` and the probability as its confidence.

The weights are data (``accord/data/models/stance.json``), trained by
:mod:`accord.extract.training` on annotated text the repository ships; the file records what
it was trained on and its cross-validated figures. Inference needs only NumPy: features are
looked up in a dict, so a decision can be explained feature by feature (:func:`explain`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np

from accord.errors import AccordError
from accord.extract.attribution import Frame, find_frames, is_object, is_possessive
from accord.extract.mentions import ActorMention, CueMatch, IssueMention, Span
from accord.extract.text import Sentence
from accord.extract.vocab import Vocab

NONE = "NONE"
MODEL_FILE = "stance.json"
NEGATION_REACH = 28  # characters between a negator and the cue it turns
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class Mentions(Protocol):
    """What the rule pipeline found in a document (``pipeline._Doc`` has these fields)."""

    text: str
    vocab: Vocab
    actors: list[ActorMention]
    issues: list[IssueMention]
    cues: list[CueMatch]
    negators: list[Span]
    hedges: list[Span]
    quotes: list[Frame]
    frames: dict[int, list[Frame]]  # reporting frames by sentence start

    def within(self, items: list, start: int, end: int) -> list: ...


class RuleVerdict(Protocol):
    start: int
    actor: str
    issue: str
    stance: str


@dataclass(frozen=True)
class Candidate:
    """A party and an issue named (or claimed by the rules) in one sentence."""

    sentence: Sentence
    party: str
    issue: str
    mention: ActorMention | None  # the party's first mention in the sentence
    issue_mention: IssueMention | None
    features: tuple[str, ...]
    ruled: bool = False  # the rules made a claim on this pair in this sentence


def _negated(cue: CueMatch, negators: Sequence[Span]) -> bool:
    return any(n.end <= cue.start and cue.start - n.end < NEGATION_REACH for n in negators)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def candidates(doc: Mentions, sentences: Iterable[Sentence],
               rules: Sequence[RuleVerdict], ruled: bool = False) -> list[Candidate]:
    """The (party, issue) pairs of each sentence that the rules left without a claim.

    A pair is a party named in the sentence (or speaking the quote it is in, or claimed by
    the rules there) and an issue named in it (or claimed by the rules there). Pairs the
    rules made a claim on in the sentence are left out (the rules' verdict stands) unless
    ``ruled`` is set: training learns from them too, marked ``ruled``.
    """
    text = doc.text
    rule_here: dict[int, dict[tuple[str, str], set[str]]] = {}
    rule_doc: dict[tuple[str, str], set[str]] = {}
    for c in rules:
        rule_here.setdefault(c.start, {}).setdefault((c.actor, c.issue), set()).add(c.stance)
        rule_doc.setdefault((c.actor, c.issue), set()).add(c.stance)
    out: list[Candidate] = []
    for sent in sentences:
        if sent.heading:
            continue
        here = rule_here.get(sent.start, {})
        actors = doc.within(doc.actors, sent.start, sent.end)
        if not actors and not here:
            continue
        issues = doc.within(doc.issues, sent.start, sent.end)
        if not issues and not here:
            continue
        quote = next((q for q in doc.quotes if q.start <= sent.start < q.end
                      or sent.start <= q.start < sent.end), None)
        parties: dict[str, ActorMention] = {}
        for a in actors:
            for p in a.all_parties():
                parties.setdefault(p, a)
        if quote is not None:
            for p in quote.speaker.all_parties():
                parties.setdefault(p, quote.speaker)
        party_ids = list(dict.fromkeys([*parties, *(k[0] for k in here)]))
        issue_ids = list(dict.fromkeys([*(i.issue for i in issues), *(k[1] for k in here)]))
        pairs = [(p, i) for p in party_ids for i in issue_ids if ruled or (p, i) not in here]
        if not pairs:
            continue  # the rules' verdict on every pair stands
        cues = doc.within(doc.cues, sent.start, sent.end)
        negators = doc.within(doc.negators, sent.start, sent.end)
        frames = doc.frames.get(sent.start)
        if frames is None:
            frames = find_frames(text, actors, doc.vocab, sent.start, sent.end)
        words = _words(text[sent.start:sent.end])
        shared = ["bias", f"nparties={min(len(party_ids), 3)}",
                  f"nissues={min(len(issue_ids), 3)}"]
        shared += [f"w={w}" for w in dict.fromkeys(words)]
        shared += [f"b={a}_{b}" for a, b in dict.fromkeys(zip(words, words[1:], strict=False))]
        if doc.within(doc.hedges, sent.start, sent.end):
            shared.append("hedged")
        if quote is not None:
            shared.append("in_quote")
        for c in cues:
            shared.append(f"cue={'NOT_' if _negated(c, negators) else ''}{c.rule.stance}")
            shared.append(f"cuetext={c.text.lower()}")
        first_party = next((p for a in actors for p in a.all_parties()), None)
        for party, issue in pairs:
            mention = parties.get(party)
            f = [f"iss={issue}", f"party={party}"]
            f += [f"ruledoc={s}" for s in sorted(rule_doc.get((party, issue), ()))] \
                or ["ruledoc=none"]
            im = next((i for i in issues if i.issue == issue), None)
            if quote is not None and party in quote.speaker.all_parties():
                f.append("quote_speaker")
            if mention is None:
                f.append("no_mention")
            else:
                mentions = [a for a in actors if party in a.all_parties()]
                f += _party_features(text, sent, mention, mentions, party, first_party,
                                     frames, im, cues, negators, actors)
            out.append(Candidate(sent, party, issue, mention, im, tuple(f + shared),
                                 (party, issue) in here))
    return out


def _party_features(text: str, sent: Sentence, mention: ActorMention,
                    mentions: list[ActorMention], party: str, first_party: str | None,
                    frames: list[Frame], im: IssueMention | None, cues: list[CueMatch],
                    negators: list[Span], actors: list[ActorMention]) -> list[str]:
    f = [f"kind={mention.kind}"]
    if party == first_party:
        f.append("first")
    for a in mentions[:3]:
        f.append(f"mkind={a.kind}")
        if is_object(text, a):
            f.append("m_object")
        if is_possessive(a):
            f.append("m_poss")
        f += [f"pl={w}" for w in _words(text[max(sent.start, a.start - 25):a.start])[-3:]]
        f += [f"pr={w}" for w in _words(text[a.end:min(sent.end, a.end + 30)])[:3]]
    for fr in frames:
        if party in fr.speaker.all_parties():
            f.append(f"speaker_frame={fr.kind}")
            if im is not None and fr.start <= im.start < fr.end:
                f.append("speaker_frame_covers_issue")
    if im is None:
        return f
    f.append(f"before_issue={int(mention.start < im.start)}")
    lo, hi = sorted((mention.end, im.start))
    for c in cues:
        if lo <= c.start < hi:
            f.append(f"cue_between={'NOT_' if _negated(c, negators) else ''}{c.rule.stance}")
    gap = _words(text[lo:hi])
    f.append(f"gaplen={min(len(gap) // 4, 5)}")
    f += [f"gw={w}" for w in gap[:12]]
    f += [f"il={w}" for w in _words(text[max(sent.start, im.start - 40):im.start])[-5:]]
    if cues:
        c = min(cues, key=lambda c: abs(c.start - im.start))
        side = "L" if c.start < im.start else "R"
        f.append(f"ncue={'NOT_' if _negated(c, negators) else ''}{c.rule.stance}{side}")
        f.append(f"ncue_t={c.text.lower()}")
        left = [a for a in actors if a.end <= c.start and a.all_parties()]
        if left and party in left[-1].all_parties():
            f.append("party_left_of_ncue")
    return f


@dataclass(frozen=True)
class StanceModel:
    """Multinomial logistic regression: ``classes``, a bias and a weight row per feature."""

    classes: tuple[str, ...]
    bias: np.ndarray
    weights: dict[str, np.ndarray]
    threshold: float
    meta: dict
    _rows: dict[str, int] = field(init=False, repr=False, compare=False)
    _matrix: np.ndarray = field(init=False, repr=False, compare=False)
    _none: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # one matrix and a row index: scoring a candidate is one gather and one sum
        names = list(self.weights)
        matrix = np.vstack([self.weights[f] for f in names]) if names else \
            np.zeros((0, len(self.classes)))
        object.__setattr__(self, "_rows", {f: i for i, f in enumerate(names)})
        object.__setattr__(self, "_matrix", matrix)
        object.__setattr__(self, "_none", self.classes.index(NONE) if NONE in self.classes
                           else -1)

    def probabilities(self, features: Iterable[str]) -> np.ndarray:
        rows = self._rows
        idx = [i for f in set(features) if (i := rows.get(f)) is not None]
        z = self.bias + self._matrix[idx].sum(axis=0)
        e = np.exp(z - z.max())
        return e / e.sum()

    def best(self, features: Iterable[str]) -> tuple[str, float]:
        """The most probable stance other than NONE, and its probability."""
        p = self.probabilities(features)
        if self._none >= 0:
            p = p.copy()
            p[self._none] = -1.0
        k = int(p.argmax())
        return self.classes[k], float(p[k])

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "threshold": self.threshold, "meta": self.meta,
                "bias": [round(float(b), 4) for b in self.bias],
                "weights": {f: [round(float(x), 4) for x in w]
                            for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> StanceModel:
        return cls(classes=tuple(data["classes"]), bias=np.asarray(data["bias"], dtype=float),
                   weights={f: np.asarray(w, dtype=float) for f, w in data["weights"].items()},
                   threshold=float(data["threshold"]), meta=data.get("meta", {}))

    def with_threshold(self, threshold: float) -> StanceModel:
        """The same weights deciding at another threshold (higher: fewer, surer claims)."""
        if not 0.0 <= threshold <= 1.0:
            raise AccordError(f"threshold {threshold}: expected a probability between 0 and 1")
        return StanceModel(self.classes, self.bias, self.weights, threshold, self.meta)


def explain(model: StanceModel, features: Iterable[str], stance: str,
            top: int = 8) -> list[tuple[str, float]]:
    """The features that pushed ``stance`` up (or down) most, against NONE."""
    k, n = model.classes.index(stance), model.classes.index(NONE)
    pushes = [(f, float(w[k] - w[n])) for f in dict.fromkeys(features)
              if (w := model.weights.get(f)) is not None]
    return sorted(pushes, key=lambda x: -abs(x[1]))[:top]


def model_path() -> Path:
    return Path(str(resources.files("accord.data") / "models" / MODEL_FILE))


def read_model(path: Path) -> StanceModel:
    """A model file; a missing or malformed file is an error naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = StanceModel.from_json(data)
    except OSError as exc:
        raise AccordError(f"{path}: cannot read ({exc.strerror})") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise AccordError(f"{path}: not a stance model ({exc})") from exc
    if NONE not in model.classes or any(len(w) != len(model.classes)
                                        for w in (model.bias, *model.weights.values())):
        raise AccordError(f"{path}: not a stance model (classes and weights disagree)")
    return model


@lru_cache(maxsize=1)
def load_model() -> StanceModel | None:
    """The shipped model; None when the package has no model file."""
    p = model_path()
    return read_model(p) if p.is_file() else None
