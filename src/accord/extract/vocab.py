"""Vocabularies for claim extraction, loaded from YAML data files and validated at start.

The files live in ``accord/data/vocab/`` (actors, issues, cues). A user may pass another
folder with the same three files. Every regular expression is compiled once here, so a bad
pattern is reported with its file and entry before any document is read.

>>> v = load_vocab()
>>> v.party_ids[:3]
['UKR', 'RUS', 'USA']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from accord.errors import AccordError
from accord.extract.fastmatch import FirstLetterIndex

STANCES = ("DEMAND", "REJECT", "PROPOSE", "ACCEPT", "THREATEN")
# Cues listed under DOCUMENT apply only when a document is the subject ("the plan would cap
# ..."); the stance is the one the document's points carry (actors.yaml, documents).
DOCUMENT = "DOCUMENT"
FILES = ("actors.yaml", "issues.yaml", "cues.yaml")


class Office(BaseModel):
    role: str
    party: str
    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None


class Person(BaseModel):
    name: str
    variants: list[str] = []
    party: str
    head_of_state: bool = False
    offices: list[Office] = []

    def on(self, date: dt.date | None) -> tuple[str, str | None]:
        """(party, role) of this person on ``date``; the default party when no office fits."""
        for office in self.offices:
            if date is None:
                continue
            if (office.from_ is None or office.from_ <= date) and (
                office.to is None or date < office.to
            ):
                return office.party, office.role
        if self.offices and date is None:
            last = self.offices[-1]
            return last.party, last.role
        return self.party, None


class Party(BaseModel):
    id: str
    name: str
    aliases: list[str] = []
    groups: list[str] = []


class Outlet(BaseModel):
    name: str
    aliases: list[str]


class Collective(BaseModel):
    phrases: list[str]
    parties: list[str]


class DocumentPattern(BaseModel):
    pattern: str
    party: str | None = None
    stance: str | None = None


class Actors(BaseModel):
    parties: list[Party]
    persons: list[Person]
    outlets: list[Outlet] = []
    sources: list[str] = []
    collectives: list[Collective] = []
    documents: list[DocumentPattern] = []
    nationalities: dict[str, str] = {}
    titles: list[str] = []
    # capitals that stand for their government but are also where talks happen
    capitals: list[str] = []

    @field_validator("persons")
    @classmethod
    def _known_parties(cls, persons: list[Person], info: Any) -> list[Person]:
        ids = {p.id for p in info.data.get("parties", [])}
        for person in persons:
            for party in [person.party, *(o.party for o in person.offices)]:
                if party not in ids:
                    raise ValueError(f"person {person.name!r} names unknown party {party!r}")
        return persons


def _flatten(items: Any) -> Any:
    """A YAML alias to a list of terms (``- *russia_leaves_all``) stands for its items."""
    if not isinstance(items, list):
        return items
    return [t for item in items for t in (item if isinstance(item, list) else [item])]


class Issue(BaseModel):
    id: str
    label: str
    pax: str | None = None
    terms: list[str]
    options: dict[str, list[str]] = {}

    @field_validator("terms", mode="before")
    @classmethod
    def _terms(cls, terms: Any) -> Any:
        return _flatten(terms)

    @field_validator("options", mode="before")
    @classmethod
    def _options(cls, options: Any) -> Any:
        if not isinstance(options, dict):
            return options
        return {k: _flatten(v) for k, v in options.items()}


class Issues(BaseModel):
    issues: list[Issue]
    blockers: list[str] = []


class Cue(BaseModel):
    pattern: str
    actor: Literal["left", "right", "holder"] = "left"
    scope: Literal["left", "right", "both"] = "right"
    negated: str | None = "default"
    gap: int = 90
    beyond: bool = False  # "not satisfied with X": the demand reaches past the regions named


class Cues(BaseModel):
    stances: dict[str, list[Cue]]
    negators: list[str]
    reporting: list[str]
    attribution_phrases: list[str] = []
    hedges: list[str]
    issue_anaphors: list[str] = []
    polarity_flips: list[str] = []
    elaborations: list[str] = []

    @field_validator("stances")
    @classmethod
    def _known_stances(cls, value: dict[str, list[Cue]]) -> dict[str, list[Cue]]:
        for stance, cues in value.items():
            if stance not in (*STANCES, DOCUMENT):
                raise ValueError(f"unknown stance {stance!r} (known: {', '.join(STANCES)})")
            for cue in cues:
                if cue.negated not in (None, "default", *STANCES):
                    raise ValueError(f"cue {cue.pattern!r}: unknown negated stance {cue.negated!r}")
        return value


# Default reading of a negated cue: "would not object" accepts, "will not accept" rejects;
# a negated demand, proposal or threat states no position.
DEFAULT_NEGATION = {"ACCEPT": "REJECT", "REJECT": "ACCEPT"}


@dataclass(frozen=True)
class CueRule:
    stance: str
    pattern: str
    actor: str
    scope: str
    negated: str | None
    gap: int
    beyond: bool


@dataclass
class Vocab:
    """Compiled vocabularies, ready for matching."""

    actors: Actors
    issues: Issues
    cues: Cues
    origin: str
    party_ids: list[str] = field(default_factory=list)
    issue_ids: list[str] = field(default_factory=list)
    # name/alias -> (kind, key): kind is party | group | person | outlet | source
    actor_regex: re.Pattern[str] | None = None
    actor_lookup: dict[str, tuple[str, str]] = field(default_factory=dict)
    group_regex: re.Pattern[str] | None = None
    collective_regex: re.Pattern[str] | None = None
    collective_lookup: dict[str, tuple[str, ...]] = field(default_factory=dict)
    document_regex: list[tuple[re.Pattern[str], str | None, str | None]] = field(
        default_factory=list)
    issue_regex: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    issue_index: FirstLetterIndex | None = None
    issue_of_term: list[str] = field(default_factory=list)
    cue_index: FirstLetterIndex | None = None
    name_index: FirstLetterIndex | None = None
    name_keys: list[str] = field(default_factory=list)
    group_index: FirstLetterIndex | None = None
    group_keys: list[str] = field(default_factory=list)
    option_regex: dict[str, list[tuple[str, re.Pattern[str]]]] = field(default_factory=dict)
    blocker_regex: re.Pattern[str] | None = None
    cue_rules: list[CueRule] = field(default_factory=list)
    cue_matchers: list[tuple[re.Pattern[str], CueRule]] = field(default_factory=list)
    negator_regex: re.Pattern[str] | None = None
    reporting_regex: re.Pattern[str] | None = None
    attribution_regex: re.Pattern[str] | None = None
    hedge_regex: re.Pattern[str] | None = None
    anaphor_regex: re.Pattern[str] | None = None
    flip_regex: re.Pattern[str] | None = None
    elaboration_regex: re.Pattern[str] | None = None
    negator_index: FirstLetterIndex | None = None
    hedge_index: FirstLetterIndex | None = None
    anaphor_index: FirstLetterIndex | None = None
    persons: dict[str, Person] = field(default_factory=dict)
    titled_regex: re.Pattern[str] | None = None
    untitled_regex: re.Pattern[str] | None = None
    capitals: frozenset[str] = frozenset()
    party_names: dict[str, str] = field(default_factory=dict)
    pax: dict[str, str | None] = field(default_factory=dict)


def _apostrophes(pattern: str) -> str:
    return re.sub(r"['’]", "['’]", pattern)


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise AccordError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


def _words(alternatives: list[str]) -> str:
    """One alternation of patterns, longest first, bounded by word edges."""
    ordered = sorted(set(alternatives), key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?![\w])"


def _read(folder: Path | None, name: str) -> tuple[Any, str]:
    if folder is None:
        ref = resources.files("accord") / "data" / "vocab" / name
        text, origin = ref.read_text(encoding="utf-8"), f"accord/data/vocab/{name}"
    else:
        path = folder / name
        if not path.is_file():
            raise AccordError(f"{path}: vocabulary file not found")
        text, origin = path.read_text(encoding="utf-8"), str(path)
    try:
        return yaml.safe_load(text), origin
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise AccordError(f"{origin}:{line} not valid YAML") from exc


def _validate(model: type[BaseModel], data: Any, origin: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(x) for x in err["loc"])
        raise AccordError(f"{origin}: {loc}: {err['msg']}") from exc


def build_vocab(actors: Actors, issues: Issues, cues: Cues, origin: str) -> Vocab:
    """Compile validated vocabularies into matchers."""
    v = Vocab(actors=actors, issues=issues, cues=cues, origin=origin)
    v.party_ids = [p.id for p in actors.parties]
    v.party_names = {p.id: p.name for p in actors.parties}
    lookup: dict[str, tuple[str, str]] = {}
    groups: list[str] = []
    for party in actors.parties:
        for alias in [*party.aliases]:
            lookup[alias] = ("party", party.id)
            if alias.startswith("the "):
                lookup[alias[4:]] = ("party", party.id)
        for g in party.groups:
            groups.append(g)
            lookup[g.lower()] = ("group", party.id)
    for person in actors.persons:
        v.persons[person.name] = person
        for name in [person.name, *person.variants]:
            lookup[name] = ("person", person.name)
    for outlet in actors.outlets:
        for alias in outlet.aliases:
            lookup[alias] = ("outlet", outlet.name)
    names = [re.escape(k) for k, (kind, _) in lookup.items() if kind != "group"]
    v.actor_lookup = lookup
    # Proper names are case-sensitive ("US" the country, not "us" the pronoun).
    v.actor_regex = _compile(_words(names) + r"(?:['’]s)?", f"{origin} actors", 0)
    group_alts = [re.escape(g) for g in groups]
    source_alts = [re.escape(s) for s in actors.sources]
    for s in actors.sources:
        lookup[s.lower()] = ("source", s)
    v.group_regex = _compile(_words(group_alts + source_alts), f"{origin} groups")

    for coll in actors.collectives:
        for phrase in coll.phrases:
            v.collective_lookup[phrase.lower()] = tuple(coll.parties)
    if v.collective_lookup:
        v.collective_regex = _compile(_words([re.escape(k) for k in v.collective_lookup]),
                                      f"{origin} collectives")
    if actors.nationalities and actors.titles:
        for adj, party in actors.nationalities.items():
            if party not in v.party_ids:
                raise AccordError(f"{origin} actors.yaml: nationality {adj!r}: unknown party")
        nat = "|".join(re.escape(a) for a in sorted(actors.nationalities, key=len, reverse=True))
        titles = "|".join(re.escape(t) for t in sorted(actors.titles, key=len, reverse=True))
        # "Russian Deputy Foreign Minister Sergei Ryabkov": country, title, capitalised name
        v.titled_regex = _compile(
            rf"(?<![\w-])(?P<nat>{nat})\s+(?:(?:[A-Z][a-z]+|of|the)\s+){{0,3}}?(?:{titles})"
            r"(?:\s+[A-Z][\w'’.-]*[\w])(?:\s+[A-Z][\w'’.-]*[\w]){0,2}", f"{origin} titles", 0)
        # "the Russian deputy foreign minister", "a senior Ukrainian official", "two US
        # officials": country and title without a name still give the party
        v.untitled_regex = _compile(
            rf"(?<![\w-])(?i:the|a|an|one|two|three|several|other|some)\s+"
            r"(?:(?i:senior|top|chief|deputy|high-ranking|leading|former|unnamed|anonymous)\s+)*"
            rf"(?P<nat>{nat})\s+(?:(?i:[a-z-]+)\s+){{0,2}}?(?i:{titles})(?i:s)?(?![\w-])",
            f"{origin} titles", 0)
    v.capitals = frozenset(actors.capitals)
    for d in actors.documents:
        if d.party is not None and d.party not in v.party_ids:
            raise AccordError(f"{origin} actors.yaml: document {d.pattern!r}: unknown party")
        v.document_regex.append((_compile(_words([d.pattern]), f"{origin} documents"), d.party,
                                 d.stance))

    for issue in issues.issues:
        v.issue_ids.append(issue.id)
        v.pax[issue.id] = issue.pax
        v.issue_regex.append((issue.id, _compile(_words(issue.terms), f"issues.yaml {issue.id}")))
        v.option_regex[issue.id] = [
            (opt, _compile(_words(terms), f"issues.yaml {issue.id}.{opt}"))
            for opt, terms in issue.options.items()
        ]
    v.issue_of_term = [i.id for i in issues.issues for _ in i.terms]
    v.issue_index = FirstLetterIndex([t for i in issues.issues for t in i.terms], True)
    v.name_keys = [k for k, (kind, _) in lookup.items() if kind != "group" and kind != "source"]
    # news writes the apostrophe either way ("Ukraine's", "Ukraine’s")
    v.name_index = FirstLetterIndex(
        [_apostrophes(re.escape(k)) + r"(?:['’]s)?" for k in v.name_keys], False)
    v.group_keys = groups + list(actors.sources)
    # plurals too ("Russian and Ukrainian delegations")
    v.group_index = FirstLetterIndex(
        [_apostrophes(re.escape(g)) + ("" if g.endswith("s") else "s?") for g in v.group_keys],
        True)
    if issues.blockers:
        v.blocker_regex = _compile(_words(issues.blockers), "issues.yaml blockers")

    for stance, rules in cues.stances.items():
        for rule in rules:
            negated = DEFAULT_NEGATION.get(stance) if rule.negated == "default" else rule.negated
            v.cue_rules.append(
                CueRule(stance, rule.pattern, rule.actor, rule.scope, negated, rule.gap,
                        rule.beyond)
            )
            v.cue_matchers.append((_compile(_words([rule.pattern]), f"cues.yaml {stance}"),
                                   v.cue_rules[-1]))
    v.cue_index = FirstLetterIndex([r.pattern for r in v.cue_rules], True)
    v.negator_index = FirstLetterIndex(cues.negators, True)
    v.hedge_index = FirstLetterIndex(cues.hedges, True)
    v.anaphor_index = FirstLetterIndex(cues.issue_anaphors, True)
    v.negator_regex = _compile(_words(cues.negators), "cues.yaml negators")
    v.reporting_regex = _compile(_words(cues.reporting), "cues.yaml reporting")
    v.attribution_regex = _compile(_words(cues.attribution_phrases), "cues.yaml attribution")
    v.hedge_regex = _compile(_words(cues.hedges), "cues.yaml hedges")
    v.anaphor_regex = _compile(_words(cues.issue_anaphors), "cues.yaml issue_anaphors")
    v.flip_regex = _compile(_words(cues.polarity_flips or [r"(?!x)x"]), "cues.yaml polarity_flips")
    v.elaboration_regex = _compile(
        "|".join(f"(?:{p})" for p in cues.elaborations) or r"(?!x)x", "cues.yaml elaborations"
    )
    return v


def load_vocab_from(folder: Path | None = None) -> Vocab:
    """Read, validate and compile the three vocabulary files (built-in when ``folder`` is None)."""
    data = {name: _read(folder, name) for name in FILES}
    actors = _validate(Actors, *data["actors.yaml"])
    issues = _validate(Issues, *data["issues.yaml"])
    cues = _validate(Cues, *data["cues.yaml"])
    origin = "accord/data/vocab" if folder is None else str(folder)
    return build_vocab(actors, issues, cues, origin)


@lru_cache(maxsize=4)
def load_vocab(folder: str | None = None) -> Vocab:
    """Cached :func:`load_vocab_from` (vocabularies are read once per process)."""
    return load_vocab_from(Path(folder) if folder else None)
