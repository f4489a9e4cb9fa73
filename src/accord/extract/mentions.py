"""Mentions of actors, issues and cues in a document, with light coreference.

Each finder is a pure function of (text, vocabulary) returning spans sorted by start.

>>> from accord.extract.vocab import load_vocab
>>> v = load_vocab()
>>> [(m.text, m.party) for m in find_actors("Moscow and Zelenskyy met TASS.", v, None)]
[('Moscow', 'RUS'), ('Zelenskyy', 'UKR'), ('TASS', None)]
>>> [m.issue for m in find_issues("a truce in Donbas and Enerhodar", v)]
['ceasefire', 'territory.donbas', 'znpp']
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from accord.extract.fastmatch import FirstLetterIndex
from accord.extract.vocab import CueRule, Vocab


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    kind: str  # party | group | person | outlet | source | pronoun | first_person
    party: str | None  # resolved party (None for outlets, unnamed sources, unresolved)
    name: str  # canonical name: a person's full name, a party's name, the source phrase
    role: str | None = None
    via: str | None = None  # for sources: the outlet that cites them
    head_of_state: bool = False
    parties: tuple[str, ...] = ()  # collectives ("both sides"): every party they stand for
    stance: str | None = None  # documents: the stance their points carry

    def all_parties(self) -> tuple[str, ...]:
        if self.parties:
            return self.parties
        return (self.party,) if self.party else ()


@dataclass(frozen=True)
class IssueMention:
    start: int
    end: int
    issue: str


@dataclass(frozen=True)
class CueMatch:
    start: int
    end: int
    text: str
    rule: CueRule


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


_PRONOUN = re.compile(
    # the lookahead rejects most positions at once (speed: this runs on every document)
    r"(?<![\w-])(?=[hHsStTiIwWuUoOmM])(?:(?P<pron>he|she|his|her)"
    r"|(?P<hos>the (?:head of state|president|(?:Ukrainian|Russian|"
    r"American|US|U\.S\.) (?:leader|president)|Kremlin (?:chief|leader)))|(?P<desc>the "
    r"(?:minister|foreign minister|spokesman|spokeswoman|spokesperson|envoy|diplomat|"
    r"negotiator|secretary|chancellor|prime minister|ambassador|aide|diplomat-[a-z]+|"
    r"head of (?:the )?(?:[A-Z]?[a-z]+ )?delegation))"
    r"|(?P<first>I|we|us|our|my)|(?P<it>it)|(?P<plural>they|the leaders))\b",
    re.IGNORECASE,
)


def find_actors(text: str, vocab: Vocab, date: dt.date | None) -> list[ActorMention]:
    """Named parties, persons (resolved for ``date``), groups, outlets and unnamed sources."""
    out: list[ActorMention] = []
    assert vocab.name_index is not None and vocab.group_index is not None
    for start, end, i in vocab.name_index.finditer(text):
        surface = text[start:end]
        kind, ref = vocab.actor_lookup[vocab.name_keys[i]]
        if kind == "person":
            person = vocab.persons[ref]
            party, role = person.on(date)
            out.append(ActorMention(start, end, surface, "person", party, person.name,
                                    role, head_of_state=person.head_of_state))
        elif kind == "party":
            out.append(ActorMention(start, end, surface, "party", ref, vocab.party_names[ref]))
        else:
            out.append(ActorMention(start, end, surface, "outlet", None, ref))
    for start, end, i in vocab.group_index.finditer(text):
        surface = text[start:end]
        kind, ref = vocab.actor_lookup[vocab.group_keys[i].lower()]  # the singular's entry
        if kind == "group":
            out.append(ActorMention(start, end, surface, "group", ref, surface))
        else:
            out.append(ActorMention(start, end, surface, "source", None, surface))
    if vocab.titled_regex is not None:
        known = [(m.start, m.end) for m in out if m.kind == "person"]
        for m in vocab.titled_regex.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in known):
                continue  # a person the vocabulary knows keeps its canonical name
            party = vocab.actors.nationalities[m.group("nat")]
            out.append(ActorMention(m.start(), m.end(), m.group(), "person", party, m.group()))
    if vocab.untitled_regex is not None:
        for m in vocab.untitled_regex.finditer(text):
            party = vocab.actors.nationalities[m.group("nat")]
            # one official is a person "he" can point back to; "US officials" is a group
            plural = m.group().endswith("s") and not m.group().endswith("ss")
            out.append(ActorMention(
                m.start(), m.end(), m.group(), "group" if plural else "person", party,
                m.group(), head_of_state=bool(_HEAD_TITLE.search(m.group()))))
    if vocab.capitals:
        out = [m for m in out if not (m.kind == "party" and m.text in vocab.capitals
                                      and _at_place(text, m.start, m.end))]
    if vocab.collective_regex is not None:
        for m in vocab.collective_regex.finditer(text):
            parties = vocab.collective_lookup[m.group().lower()]
            out.append(ActorMention(m.start(), m.end(), m.group(), "collective", parties[0],
                                    m.group(), parties=parties))
    for regex, party, stance in vocab.document_regex:
        for m in regex.finditer(text):
            out.append(ActorMention(m.start(), m.end(), m.group(), "document", party,
                                    m.group(), stance=stance))
    for m in _PRONOUN.finditer(text):
        word = m.group()
        if m.group("first"):
            if word.isupper() and len(word) > 1:  # "US" is the country, not "us"
                continue
            out.append(ActorMention(m.start(), m.end(), word, "first_person", None, word))
        elif m.group("it") or m.group("plural"):
            kind = "it" if m.group("it") else "plural"
            out.append(ActorMention(m.start(), m.end(), word, kind, None, word))
        else:
            kind = "hos" if m.group("hos") else "pronoun"
            out.append(ActorMention(m.start(), m.end(), word, kind, None, word))
    return _drop_overlaps(sorted(out, key=lambda a: (a.start, -(a.end - a.start))))


# ("drafted in Washington" names the author, so a participle before "in" keeps the party)
_HEAD_TITLE = re.compile(r"\b(?:president|prime minister|chancellor|leader)$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"(?<!drafted )(?<!written )(?<!prepared )(?<!produced )(?<!made )"
                           r"(?<!up )\b(?:in|at|near|outside)\s+$")
_PLACE_AFTER = re.compile(r"\s+(?:talks|summit|meeting|meetings|negotiations|format|process|"
                          r"conference|round|declaration|communiqu[eé]|consultations)\b")


def _at_place(text: str, start: int, end: int) -> bool:
    """"talks in Berlin", "the Berlin summit": the capital is where, not who."""
    if text.startswith(("'s", "’s"), end):
        return False  # "in Kyiv's view" speaks for Kyiv
    return bool(_PLACE_BEFORE.search(text, max(0, start - 8), start)
                or _PLACE_AFTER.match(text, end))


def _drop_overlaps(items: list) -> list:
    """Keep the longest of overlapping spans (items sorted by start, longest first)."""
    kept: list = []
    for item in items:
        if kept and item.start < kept[-1].end:
            if item.end - item.start > kept[-1].end - kept[-1].start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


def drop_inside_issues(mentions: list[ActorMention],
                       issues: list[IssueMention]) -> list[ActorMention]:
    """A name inside an issue term is part of the term ("EU membership", "NATO accession")."""
    return [m for m in mentions
            if not (m.kind in ("party", "group") and any(
                i.start <= m.start and m.end <= i.end and (i.end - i.start) > (m.end - m.start)
                for i in issues))]


def resolve_coreference(mentions: list[ActorMention], text: str = "",
                        nationalities: dict[str, str] | None = None) -> list[ActorMention]:
    """Pronouns and descriptions take the party of the person they point back to.

    "he" / "the minister" -> the last person named; "the head of state" -> the last head of
    state named; "the source" -> the last unnamed source (and its outlet). First-person
    pronouns are left for the quote they stand in.
    """
    last_person: ActorMention | None = None
    last_head: ActorMention | None = None
    last_source: ActorMention | None = None
    # "the plan" / "the document" points at the document the article is about: the first
    # one it names (later mentions of other plans are usually comparisons)
    topic_document: ActorMention | None = None
    last_it: ActorMention | None = None
    last_document: ActorMention | None = None
    out: list[ActorMention] = []
    for m in mentions:
        if m.kind in ("it", "plural"):
            # "it" -> the last party or plan named just before ("The memorandum ... It also
            # demands"); "they" / "the leaders" -> the last group ("European leaders ...
            # They also backed"). Without a close antecedent the word is left out.
            ref = _antecedent(out, m, text)
            # "It also demands ... It also calls for": a sentence-initial "It" continues the
            # previous one's subject
            if m.text == "It" and last_it is not None and m.start - last_it.end <= 2 * IT_REACH:
                ref = last_it
            if ref is not None:
                out.append(replace(ref, start=m.start, end=m.end, text=m.text))
                if m.text == "It":
                    last_it = out[-1]
            continue
        if m.kind == "document":
            if m.party is None and m.text.lower().startswith(("its", "their")):
                # "Washington presented its plan": the owner is the subject just before
                owner = next((a for a in reversed(out) if m.start - a.end <= OWNER_REACH
                              and a.kind in ("party", "group", "person")
                              and not a.text.endswith(("'s", "’s"))), None)
                if owner is not None and owner.party is not None:
                    m = replace(m, party=owner.party, stance="PROPOSE")
                    last_document = m
                    out.append(m)
                    continue
            if m.party is None:
                # "the plan" -> the one the article is about, unless a party's own plan was
                # just named ("Washington presented its plan. The proposed plan ..."); other
                # named plans close by are usually comparisons
                ref = last_document if last_document is not None \
                    and m.start - last_document.end <= RECENT_DOCUMENT else topic_document
                if ref is None:
                    out.append(m)
                    continue
                m = replace(m, party=ref.party, stance=ref.stance, name=ref.name)
            elif topic_document is None:
                topic_document = m
        if m.kind == "person":
            # an antecedent is a person in subject position, not "the end of X's career"
            if not m.text.endswith(("'s", "’s")) or last_person is None:
                last_person = m
            if m.head_of_state:
                last_head = m
        elif m.kind == "source":
            if m.text.lower().startswith("the ") and last_source is not None:
                m = replace(m, via=last_source.via, name=last_source.name)
            last_source = m
        elif m.kind == "pronoun" and last_person is not None:
            m = replace(m, party=last_person.party, name=last_person.name, role=last_person.role,
                        kind="pronoun")
        elif m.kind == "hos":
            ref = last_head or last_person
            nat = next((p for adj, p in (nationalities or {}).items()
                        if re.search(rf"\b{re.escape(adj)}\b", m.text)), None)
            if nat is not None and (ref is None or ref.party != nat):
                # "the American president" with no president named yet: the country says who
                m = replace(m, party=nat, kind="person", head_of_state=True)
                last_person = last_head = m
            elif ref is not None:
                m = replace(m, party=ref.party, name=ref.name, role=ref.role, kind="pronoun")
        out.append(m)
    return out


OWNER_REACH = 80  # characters back from "its plan" to its owner
RECENT_DOCUMENT = 400  # a plan named this close before "the plan" is the one meant
IT_REACH = 250  # characters back to the antecedent of "it"
THEY_REACH = 400  # ... of "they"
LEADERS_REACH = 2000  # ... of "the leaders"


# What stands right before a mention that is no antecedent of "it": a preposition
# ("membership of Ukraine", "talks with Kyiv"), or a verb of giving or asking whose first
# object it is ("The plan offers Russia a withdrawal. It also ..."). One search per mention.
_NOT_SUBJECT_BEFORE = re.compile(
    r"\b(?:(?i:of|to|with|for|from|by|on|in|against|between|and|over)|offers?|offered|gives?|"
    r"gave|given|tells|told|urges?|urged|asks?|asked|invites?|invited|press(?:es|ed)|"
    r"promise[sd]?|grants?|granted|hands?|handed|sends?|sent|allows?|allowed|lets|forces?|"
    r"forced|warns?|warned)\s+(?:(?i:the)\s+)?$")


def _antecedent(before: list[ActorMention], m: ActorMention,
                text: str = "") -> ActorMention | None:
    if m.kind == "it":
        for a in reversed(before):
            if m.start - a.end > IT_REACH:
                return None
            if a.text.endswith(("'s", "’s")) or _NOT_SUBJECT_BEFORE.search(
                    text, max(0, a.start - 14), a.start):
                continue  # an antecedent is a subject, not "Ukraine's membership", "with Kyiv"
            if a.kind == "party" or (a.kind == "document" and a.party is not None):
                return a
        return None
    leaders = m.text.lower() == "the leaders"
    for a in reversed(before):
        if m.start - a.end > (LEADERS_REACH if leaders else THEY_REACH):
            return None
        if a.kind in ("group", "collective") and a.party is not None and (
                not leaders or "leader" in a.text.lower()):
            return a
    return None


def attach_source_outlets(mentions: list[ActorMention], sentences: list) -> list[ActorMention]:
    """An unnamed source takes the outlet named in its sentence ("a source cited by TASS")."""
    out = []
    for m in mentions:
        if m.kind == "source" and m.via is None and not m.text.lower().startswith("the "):
            sent = next((s for s in sentences if s.start <= m.start < s.end), None)
            if sent is not None:
                outlet = next((o for o in mentions if o.kind == "outlet"
                               and sent.start <= o.start < sent.end), None)
                if outlet is not None:
                    m = replace(m, via=outlet.name)
        out.append(m)
    return out


MAX_TERM = 300  # characters: no issue term is longer


def find_issues(text: str, vocab: Vocab) -> list[IssueMention]:
    """Issue terms, minus those inside blocking phrases and those inside a longer term."""
    blocked = [(m.start(), m.end()) for m in vocab.blocker_regex.finditer(text)] \
        if vocab.blocker_regex is not None else []
    found = []
    assert vocab.issue_index is not None
    for start, end, i in vocab.issue_index.finditer(text):
        issue = vocab.issue_of_term[i]
        # "before any ceasefire" is no claim about a ceasefire, but it is about sequencing
        if issue != "process.sequencing" and any(b0 <= start and end <= b1 for b0, b1 in blocked):
            continue
        found.append(IssueMention(start, end, issue))
    found = list(dict.fromkeys(found))
    found.sort(key=lambda i: (i.start, -(i.end - i.start)))
    # A term strictly inside a longer term of another issue is part of that term
    # ("Zaporizhzhia" inside "Zaporizhzhia nuclear power plant").
    # (sorted by start, so only terms that start at most MAX_TERM characters earlier can
    # contain this one: a window instead of every pair, for speed on long documents)
    out = []
    starts = [i.start for i in found]
    for i in found:
        # sequencing cuts across issues ("guarantees had to come first"): never absorbed
        lo = bisect_left(starts, i.start - MAX_TERM)
        hi = bisect_right(starts, i.start)
        if i.issue != "process.sequencing" and any(
                o.issue != i.issue and i.end <= o.end
                and (o.end - o.start) > (i.end - i.start) for o in found[lo:hi]):
            continue
        out.append(i)
    return out


def find_cues(text: str, vocab: Vocab, issues: list[IssueMention] = ()) -> list[CueMatch]:
    """Stance cues; the rule says where to look for the party and the issue.

    Every rule is matched on its own and the longest of overlapping matches wins
    ("would very much like" over "would"). A cue word inside an issue term is part of the
    term ("Western proposals"), not a cue.
    """
    found = []
    assert vocab.cue_index is not None
    for start, end, k in vocab.cue_index.finditer(text):
        if any(i.start <= start and end <= i.end for i in issues):
            continue
        found.append(CueMatch(start, end, text[start:end], vocab.cue_rules[k]))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return _drop_overlaps(found)


def find_spans(index: FirstLetterIndex | None, text: str) -> list[Span]:
    """Non-overlapping matches of a word list (longest at each place)."""
    if index is None:
        return []
    found = sorted(((s, e) for s, e, _ in index.finditer(text)), key=lambda x: (x[0], -x[1]))
    return _drop_overlaps([Span(s, e, text[s:e]) for s, e in found])
