"""Attribution: who says what. Reporting verbs, "according to", and quotations.

A *frame* ties a speaker to a stretch of content. Stance cues inside the content take
the speaker as their holder: "Ukraine believes that guarantees must come first" -> the
demand is Ukraine's; "'We will not sign,' the source said" -> the source's.

>>> from accord.extract.vocab import load_vocab
>>> from accord.extract.mentions import find_actors
>>> v = load_vocab()
>>> t = "Lavrov said that the plan is absurd."
>>> [(f.speaker.name, t[f.start:f.end]) for f in find_frames(t, find_actors(t, v, None), v)]
[('Sergey Lavrov', ' that the plan is absurd.')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from accord.extract.mentions import ActorMention
from accord.extract.vocab import Vocab

SPEAKER_KINDS = {"party", "group", "person", "source", "pronoun", "document", "collective"}
# A mention right after one of these words is an object, not the one who speaks or acts.
OBJECT_BEFORE = re.compile(
    r"\b(?:of|to|with|from|in|on|against|by|for|over|into|toward|towards|at|about|between|"
    r"than|across|inside|within|near|under|among|amid|onto|upon|via|like)\s+(?:the\s+)?"
    r"(?:[a-zA-Z][a-z-]+\s+)?$",
    re.IGNORECASE,
)
_THAT = re.compile(r"\s+(?:[\w-]+\s+){0,2}that\b", re.IGNORECASE)
# ", the source said", ", Foreign Minister Sergey Lavrov said": titles may stand before the name
_TRAILING = re.compile(r",\s*(?:the\s+)?(?:(?-i:[A-Z][\w.’'-]*|of)\s+){0,4}$", re.IGNORECASE)
_FOR_LEAD = re.compile(r"\s*For\s+(?:the\s+)?")
_QUOTE = re.compile(r"[“\"]([^“”\"]{25,}?)[”\"]")


@dataclass(frozen=True)
class Frame:
    start: int  # content start
    end: int  # content end
    speaker: ActorMention
    cue: str
    kind: str  # verb | phrase | quote


def is_object(text: str, mention: ActorMention) -> bool:
    """True when the mention follows a preposition ("talks with Russia", "for Kyiv").

    "Leaders of the coalition", "members of the EU" are the subject, not an object.
    """
    before = text[max(0, mention.start - 30):mention.start]
    if _MEMBERS_OF.search(before):
        return False
    if re.search(r"\bwith\s+$", before) and _ABSOLUTE.match(text, mention.end):
        return False  # "with Russia ruling out a ceasefire": the subject of an absolute clause
    return bool(OBJECT_BEFORE.search(before))


_ABSOLUTE = re.compile(r"\s+(?:(?-i:[a-z]+ly)\s+)?(?-i:[a-z]+ing)\b")
_MEMBERS_OF = re.compile(r"\b(?:leaders|members|member states|officials|representatives|"
                         r"ministers|envoys|delegations?|heads|diplomats|negotiators)\s+of\s+"
                         r"(?:the\s+)?$", re.IGNORECASE)


def is_possessive(mention: ActorMention) -> bool:
    return mention.text.endswith(("'s", "’s")) or mention.text.lower() in ("his", "her", "our",
                                                                          "my")


# Cue words that are nouns: only these can belong to a possessive ("Russia's demand").
NOMINAL_CUE = re.compile(
    r"^(?:position|view|stance|demands?|insistence(?: on)?|proposals?|offers?|conditions?|"
    r"preconditions?|requirements?|stipulations?|"
    r"ultimatum|stance against|invitation|rejection|opposition(?: to)?|support|acceptance(?: of)?|"
    r"willingness to|readiness to|objections?(?: to)?|refusal(?: to)?|threats?|calls? for|"
    r"red line|(?:necessary|key|main|essential|non-negotiable|minimum) (?:condition|precondition|"
    r"requirement))$",
    re.IGNORECASE,
)


def nearest_left(mentions: list[ActorMention], pos: int, lo: int, gap: int, text: str,
                 kinds: set[str] = SPEAKER_KINDS, cue: str = "",
                 objects: bool = False) -> ActorMention | None:
    """The closest subject-like mention ending before ``pos`` and after ``lo``.

    Objects of prepositions are skipped ("talks with Russia") unless ``objects`` is set (the
    antecedent of a relative pronoun may be one: "a nonstarter for Kyiv, which wants"); a
    possessive counts only right before the word it owns ("Russia's demand", not
    "Zelensky's departure ... as").
    """
    i = bisect_left([m.end for m in mentions], pos + 1)
    for m in reversed(mentions[:i]):
        if m.start < lo or pos - m.end > gap:
            break
        if m.kind not in kinds:
            continue
        if is_possessive(m):
            between = text[m.end:pos]
            if len(between.split()) <= 2 and "," not in between and NOMINAL_CUE.match(cue):
                return m
            continue
        if objects or not is_object(text, m):
            return m
    return None


def nearest_right(mentions: list[ActorMention], pos: int, hi: int, gap: int,
                  kinds: set[str] = SPEAKER_KINDS) -> ActorMention | None:
    for m in mentions:
        if m.start < pos:
            continue
        if m.start - pos > gap or m.end > hi:
            break
        if m.kind in kinds:
            return m
    return None


def find_frames(text: str, mentions: list[ActorMention], vocab: Vocab,
                start: int = 0, end: int | None = None) -> list[Frame]:
    """Reporting frames in ``text[start:end]`` (one sentence)."""
    end = len(text) if end is None else end
    frames: list[Frame] = []
    assert vocab.reporting_regex is not None and vocab.attribution_regex is not None
    for m in vocab.reporting_regex.finditer(text, start, end):
        if any(a.start <= m.start() < a.end for a in mentions):
            continue  # "the United States", "the Islamic State": a name, not a verb of saying
        speaker = nearest_left(mentions, m.start(), start, 120, text, SPEAKER_KINDS,
                               m.group().split()[0])
        if speaker is not None and speaker.start > start and m.start() - speaker.end <= 12 \
                and _TRAILING.search(text[max(start, speaker.start - 48):speaker.start]) \
                and not _THAT.match(text, m.end()):
            # "CONTENT, the source said" / "X, he explained, Y": the whole sentence is theirs
            frames.append(Frame(start, end, speaker, m.group(), "verb"))
            continue
        if speaker is None:
            # "..., said Lavrov" puts the speaker after the verb
            speaker = nearest_right(mentions, m.end(), end, 3)
            if speaker is None:
                continue
            frames.append(Frame(start, m.start(), speaker, m.group(), "verb"))
            continue
        frames.append(Frame(m.end(), end, speaker, m.group(), "verb"))
    # "For Moscow, Ukraine's neutrality is a key condition": the view of the party named
    lead_for = next((m for m in mentions if start <= m.start < start + 30), None)
    if lead_for is not None and lead_for.kind in ("party", "group", "person") \
            and _FOR_LEAD.fullmatch(text, start, lead_for.start) \
            and text.startswith(",", lead_for.end):
        frames.append(Frame(lead_for.end + 1, end, lead_for, "for", "phrase"))
    # "Lavrov: Western plans for peacekeepers are unacceptable" (headline or lead style)
    lead = next((m for m in mentions if start <= m.start < start + 40), None)
    if lead is not None and lead.kind in SPEAKER_KINDS and text[lead.end:lead.end + 2] == ": " \
            and len(text[start:lead.start].split()) <= 3:
        frames.append(Frame(lead.end + 1, end, lead, ":", "verb"))
    for m in vocab.attribution_regex.finditer(text, start, end):
        speaker = nearest_right(mentions, m.end(), end, 25)
        if speaker is None:
            continue
        if m.group().lower() == "under" and speaker.kind != "document":
            continue
        if m.group().lower() in ("according to", "in the words of", "under", "in"):
            # "according to X, CONTENT" or "CONTENT, according to X": the whole sentence
            frames.append(Frame(start, end, speaker, m.group(), "phrase"))
        else:
            # "assertions from X that CONTENT": what follows the speaker
            frames.append(Frame(speaker.end, end, speaker, m.group(), "phrase"))
    return frames


def find_quotes(text: str, mentions: list[ActorMention], vocab: Vocab) -> list[Frame]:
    """Quotations of some length with the speaker named just after or just before them."""
    assert vocab.reporting_regex is not None
    out = []
    for q in _QUOTE.finditer(text):
        qs, qe = q.start(1), q.end(1)
        after = text[q.end():q.end() + 80].split("\n", 1)[0]
        speaker = None
        verb = vocab.reporting_regex.search(after)
        if verb is not None:
            lo, hi = q.end(), q.end() + verb.end() + 40
            cands = [m for m in mentions if lo <= m.start < hi and m.kind in SPEAKER_KINDS]
            speaker = cands[0] if cands else None
            cue = verb.group()
        if speaker is None:
            line_start = text.rfind("\n", 0, q.start()) + 1
            before = text[max(line_start, q.start() - 100):q.start()]
            verbs = list(vocab.reporting_regex.finditer(before))
            verb = verbs[-1] if verbs else None
            if verb is not None:
                pos = max(line_start, q.start() - 100) + verb.start()
                speaker = nearest_left(mentions, pos, line_start, 80, text)
                cue = verb.group()
        if speaker is not None:
            out.append(Frame(qs, qe, speaker, cue, "quote"))
    return out
