"""The rule pipeline: text -> claims (party, issue, stance, option, speaker, via, date, span).

Steps, each a small function in this package:
  1. sentences and clauses (:mod:`accord.extract.text`, spaCy sentencizer)
  2. mentions of actors, issues, cues (:mod:`accord.extract.mentions`)
  3. attribution frames and quotes (:mod:`accord.extract.attribution`)
  4. light coreference (pronouns, "the head of state", "the source", "this approach")
  5. stance and issue for each cue, with negation and hedges (this module)
  6. claim date (:mod:`accord.extract.dates`)
  7. the learned stance classifier on the party-issue pairs the rules left open
     (:mod:`accord.extract.classifier`; ``learned=False`` for the rules alone)

A rule emits a claim only when a party, an issue and a stance cue are tied together in one
attributed content. ``text[claim.start:claim.end] == claim.text`` always holds.

>>> cs = extract_claims("Russia demands the withdrawal of Ukrainian forces from Donbas.")
>>> [(c.actor, c.issue, c.stance, c.option) for c in cs]
[('RUS', 'territory.donbas', 'DEMAND', 'ua_withdraws')]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from accord.extract.attribution import (
    NOMINAL_CUE,
    Frame,
    find_frames,
    find_quotes,
    nearest_left,
    nearest_right,
)
from accord.extract.classifier import Candidate, StanceModel, candidates, load_model
from accord.extract.dates import find_date, heading_year
from accord.extract.mentions import (
    ActorMention,
    CueMatch,
    IssueMention,
    Span,
    attach_source_outlets,
    drop_inside_issues,
    find_actors,
    find_cues,
    find_issues,
    find_spans,
    resolve_coreference,
)
from accord.extract.text import Sentence, clause_bounds, split_sentences
from accord.extract.vocab import DOCUMENT, Vocab, load_vocab

E3 = {"GBR", "FRA", "DEU"}
# Anaphors whose head noun says what kind of issue they point back to.
TYPED_ANAPHORS = {
    "territory.": r"freeze|withdrawal|pullout|pull-out|line|zone|territor",
    "ceasefire": r"truce|ceasefire",
    "humanitarian.": r"swap|exchange",
    "security.foreign_forces": r"force|troops|contingents|deployment",
}
DOCUMENT_SPAN = 6  # sentences a described plan stays the holder of "would" clauses
# A reported plan text: its points name issues without a stance cue of their own; each point
# is a proposal of the plan's author. A point is a list item after "... the following
# points:", a sentence whose subject is the plan and a verb of content ("the document also
# states that ...", "the plan recognises ..."), a sentence sourced to the text ("according to
# the text", "under the original plan"), or a future/conditional statement right after one.
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}|[a-h])[.)]\s+\S|\s*[-•*–]\s+\S")
_LIST_INTRO = re.compile(r"(?:points?|provisions?|following|includes?|contains?|stipulates?|"
                         r"elements?|clauses?|says?|states?|conditions?\s+(?:are|were|include)|"
                         r"demands?\s+(?:are|were|include)|terms?\s+(?:are|were|include))\W*:\s*$|"
                         # "The memorandum includes three sections and 31 clauses."
                         r"\b(?:includes?|contains?|consists?\s+of|comprises?|is\s+divided\s+into)"
                         r"\b[^.:;]{0,80}\b(?:sections?|clauses?|points?|provisions?|articles?|"
                         r"parts?)\W*[.:]\s*$", re.IGNORECASE)
# an intro ending in a colon after a plan was named: "Among the primary conditions are:"
_LIST_COLON = re.compile(r"\b(?:conditions?|demands?|terms|points|provisions|requirements|"
                         r"elements|clauses)\b[^.;]{0,20}:\s*$", re.IGNORECASE)
_CONTENT_VERB = re.compile(
    r"[^.;:]{0,60}?\b(?:also\s+|further\s+|reportedly\s+|explicitly\s+)?(?:states?|stated|says|"
    r"said|includes?|included|contains?|provides?\s+for|envisages?|envisions?|foresees?|"
    r"stipulates?|recogni[sz]es|proposes?|proposed|suggests?|suggested|pitches|offers?|"
    r"outlines?|sets?\s+out|(?:had|has)\s+stated|would|will|does\s+not\s+(?:prohibit|bar|"
    r"exclude|rule\s+out)|drops?|dropped|calls?\s+for|guarantees?|grants?|allows?|bars?|"
    r"limits?|caps?|requires?)\b", re.IGNORECASE)
# ("in the document" sources a point only at the head of a clause, not in "clauses in the
# text he dislikes")
_FROM_TEXT = re.compile(r"(?:\b(?:according\s+to|under|(?:set|laid|spelled)\s+out\s+in|"
                        r"contained\s+in|included\s+in)|(?:^|[,;:]\s*)in)\s+the\s+(?:(?:original|"
                        r"initial|first|"
                        r"leaked|draft|full|new|revised|updated|final|peace)\s+){0,2}(?:text|"
                        r"document|plan|draft|proposal|blueprint|framework|memorandum)\b",
                        re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|shall)\s+(?:not\s+|also\s+|only\s+)?(?:be|have|"
                     r"remain|receive|lose|commit|get|keep|join|retain|return|hold|take)\b",
                     re.IGNORECASE)
NEGATION_WINDOW = 28  # characters between a negator and the cue it governs
TERRITORY = ("territory.donbas", "territory.south", "territory.crimea")


@dataclass(frozen=True)
class ExtractedClaim:
    """One claim with its evidence span; field names follow ``accord.store.models.Claim``."""

    start: int
    end: int
    text: str
    actor: str
    issue: str
    stance: str
    option: str | None
    hedged: bool
    speaker: str | None
    via: str | None
    cue: str
    date: dt.date | None
    date_source: str | None
    rule: str
    confidence: float

    def key(self) -> tuple[str, str, str]:
        return (self.actor, self.issue, self.stance)


@dataclass
class _Doc:
    text: str
    date: dt.date | None
    vocab: Vocab
    actors: list[ActorMention]
    issues: list[IssueMention]
    cues: list[CueMatch]
    negators: list[Span]
    hedges: list[Span]
    anaphors: list[Span]
    quotes: list[Frame]
    frames: dict[int, list[Frame]] = field(default_factory=dict)  # by sentence start
    _starts: dict[int, list[int]] = field(default_factory=dict)

    def within(self, items: list, start: int, end: int) -> list:
        """Items (sorted by start) that start in [start, end)."""
        key = id(items)
        starts = self._starts.get(key)
        if starts is None or len(starts) != len(items):
            starts = self._starts[key] = [i.start for i in items]
        return items[bisect_left(starts, start):bisect_right(starts, end - 1)]


def _party(m: ActorMention | None, quote: Frame | None) -> ActorMention | None:
    """The mention that gives a party: first-person pronouns stand for the quote's speaker."""
    if m is None:
        return None
    if m.kind == "first_person":
        return quote.speaker if quote is not None else None
    return m


def _speaker_name(m: ActorMention | None) -> str | None:
    if m is None:
        return None
    if m.kind in ("person", "pronoun", "source"):
        return m.name
    return m.text if m.kind == "group" else m.name


def _option(doc: _Doc, issue: str, lo: int, hi: int) -> str | None:
    """The option named in text[lo:hi]; with several, the one nearest a mention of the issue.

    ("first a truce, and guarantees later": the truce comes first)
    """
    segment = doc.text[lo:hi]
    named = [(option, regex) for option, regex in doc.vocab.option_regex.get(issue, [])
             if regex.search(segment)]
    if len(named) <= 1:
        return named[0][0] if named else None
    anchors = [m.start - lo for m in doc.within(doc.issues, lo, hi) if m.issue == issue]
    if not anchors:
        return named[0][0]
    best: tuple[int, str] | None = None
    for option, regex in named:
        for found in regex.finditer(segment):
            distance = min(abs(found.start() - a) for a in anchors)
            if best is None or distance < best[0]:
                best = (distance, option)
    return best[1] if best else None


_SUBJECT_LINK = re.compile(
    r"(?:\b(?:as|and|while|when|since|because|whereas|but|although|though|after|before|until)"
    r"|,)\s+(?:the\s+)?$", re.IGNORECASE)


_DETS = r"(?:the\s+|its\s+|their\s+|some\s+|other\s+|several\s+|many\s+)?"
_COORDINATION = re.compile(
    r"^\s*(?:,|,?\s*and|,?\s*or|nor|,?\s*as well as)\s*" + _DETS + "$", re.IGNORECASE)
_LAST_LINK = re.compile(r"^\s*,?\s*(?:and|or|nor|as well as)\s+" + _DETS + "$", re.IGNORECASE)


_PARENTHESIS = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:said|says|told|added|noted|stressed|explained|insisted|argued|"
    r"claimed|wrote|believes|thinks|recalled)(?:\s+[\w-]+){0,3}\s*,")
_POSSESSIVE_ONLY = re.compile(
    r"^\s+(?:the\s+|a\s+)?(?:[\w.-]+\s+){0,2}?[\w.-]+['’]s(?:\s+[a-z-]+)?\s*$")
# (up to two lower-case adjectives between: "the immediate requirement", "a new key demand")
_DETERMINER = re.compile(
    r"\b(?:a|an|the|against|of|for|with|any|such|these|those|new|no)\s+"
    r"(?:(?-i:[a-z-]+(?:al|ate|ic|ive|ous|ent|ant|ed|est|ful|ary|ist|ing)|new|key|main|core|"
    r"basic|fresh|earlier|former|last|first|old|explicit|implicit|direct|strict|full|entire|"
    r"exact|clear|firm)\s+){0,2}$", re.IGNORECASE)
_ADJ_COORD = re.compile(r"\b(Russian|Ukrainian|American|US|U\.S\.|European|British|French|German|"
                        r"Turkish|Chinese)\s+and\s+$")
_TOPIC = re.compile(r"(?:In|On|As for|As to|Regarding|With regard to|When it comes to|"
                    r"Concerning|Over)\s+[^,.;:]{1,60},")
_OBLIGATION = re.compile(r"\b(?:have|need) to\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# a clause with no subject of its own: ", calling the terms ..." or "... but has called on"
_PARTICIPLE = re.compile(r"[\s,]*(?:(?:but|and|yet|while)\s+)?(?:(?-i:[a-z]+ing)|"
                         r"(?:has|have|had|is|are|was|were|will|would|also|then|later|still)"
                         r"(?=\s+(?-i:[a-z]+)))\b")
# "pressed Kyiv to accept", "demanding that Ukraine accept": the asked-for act is not a stance
# ("wants Turkey to be among the countries offering X": the offering is what is wanted)
_INNER = re.compile(r"^\s+(?:(?:[\w'’-]+\s+){1,3}to\s+(?:be\s+(?:among|one\s+of|part\s+of)\s+"
                    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:countries|states|nations|guarantors|"
                    r"parties|group)\s+(?:(?:that|which)\s+(?:would\s+|will\s+)?)?)?|that\s+"
                    r"(?:[\w'’-]+\s+){1,3}(?:(?:should|must|would)\s+)?)$")
# "wants Ukraine to cede Donbas, stay out of NATO and accept neutrality": every verb of the
# list after "to" is part of what is wanted
_INNER_LIST = re.compile(r"^\s+(?:[\w'’-]+\s+){1,3}to\s+[^.;:!?]{1,160}?(?:,\s*|\s+)(?:and|or)\s+$")
_COMMITMENT = re.compile(r"(?:would|will) (?:also )?(?:freeze|lift|return|hand|give|grant|allow|"
                         r"guarantee|restore|recogni[sz]e|provide|establish|create|cease|halt|"
                         r"stop|suspend)",
                         re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|until|till|once|whether|provided(?: that)?|in case|"
                           r"as long as)\s+(?:the\s+)?$", re.IGNORECASE)
_PLAN_WORD = re.compile(r"\b(?:plan|proposal|memorandum|framework|draft|counter-?proposal|"
                        r"counter-?plan|blueprint|document|paper|points)\b", re.IGNORECASE)
# ", addressing the negotiators," / " – along with Belgium, which holds the assets – "
_PARTICIPLE_ASIDE = re.compile(
    r"(?:,\s*(?-i:[a-z]+ing)\s+[^,]{1,60},|\s[–—]\s[^–—]{1,90}\s[–—]"
    r"|,\s*(?:including|along with|together with|such as)\s[^,]{1,60},)"
    r"\s*(?:(?:has|have|had|will|would|also|now|then|later|still)\s+)*$")
_NO_BEFORE = re.compile(r"\b(?:no|little)\s+(?:(?-i:[A-Z])[\w.-]*\s+)?$", re.IGNORECASE)
_CONDITION_CUE = re.compile(r"only|condition|requir|until|unless|insist|ultimatum|must",
                            re.IGNORECASE)
_GIVE_UP = re.compile(r"give up|abandon|drop|renounce|surrender", re.IGNORECASE)
_GOAL = re.compile(r"\s+(?:on\s+)?(?:the|its|their|his|our)\s+(?:[\w-]+\s+)?(?:liberation|goal|aim|"
                   r"claims?|demands?|quest|pursuit|bid|ambitions?|right)\b", re.IGNORECASE)
_WRONG = re.compile(r"\s+(?:[\w'’.-]+\s+){0,3}?(?:persecution|discrimination|oppression|"
                    r"suppression|harassment|mistreatment|ban(?:ning)?)\s+(?:of|on|against)\b",
                    re.IGNORECASE)
_RELATIVE_HEAD = re.compile(r"\s*(?:which|who)\s+(?!is\b|was\b|are\b|were\b|has been\b)",
                            re.IGNORECASE)
_IF_CLAUSE = re.compile(r"\b(?:if|provided(?:\s+that)?|on\s+condition\s+that|as\s+long\s+as|"
                        r"in\s+exchange\s+for|in\s+return\s+for)\s", re.IGNORECASE)
_ONLY_CLAUSE = re.compile(r"\bonly\s+(?:after|if|once|when|on\s+condition)\b", re.IGNORECASE)
_TRIGGER = re.compile(r"\b(?:if|unless|should\s+(?:the|talks|Russia|Moscow|Kyiv))\s", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s+to\s")
_SPACE = re.compile(r"\s*")
_MODAL_NOT = re.compile(r"\s+(?:not|never)\b", re.IGNORECASE)
_GERUND_GAP = re.compile(r"^\s+(?:[a-z]+ly\s+)?$")
_FRONTED = re.compile(r"(?:(?:,|\s[-–—])\s*(?:something|a|an|the|one)\s+(?:[\w-]+\s+){0,2}"
                      r"(?:that\s+)?"
                      r"|\b(?:a|an|the|any)\s+(?:[\w-]+\s+){0,2}(?:that|which)\s+"
                      r"|\bwhich\s+(?:(?-i:[A-Z])[\w.-]*\s+){0,3}"
                      # "..., a proposal Ukraine has firmly rejected": no relative pronoun
                      r"|(?:,|\s[-–—])\s*(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}"
                      r"(?:proposal|plan|demand|idea|"
                      r"offer|condition|step|move|option|scenario|concession|request|"
                      r"suggestion)s?\s+)$", re.IGNORECASE)
# "X, which Moscow has refused to discuss": at most two bare verbs after the cue
_BARE_TAIL = re.compile(r"[\s\"”’]*(?:(?-i:[a-z]+)\s*){0,2}[\s.,;:!?\"”’)]*")
# "Peskov called Kyiv's plan to retake Crimea an illusion": the verb of a verdict
_VERDICT_VERB = re.compile(r"call(?:s|ed)?|considers?|considered|deems?|deemed|finds?|found|"
                           r"brand(?:s|ed)|regards?|regarded|views?|viewed|sees|saw|"
                           r"describe[sd]",
                           re.IGNORECASE)
# "the demands that the Russian leader listed included X": the agent of a nominal cue named
# in a relative clause after it, and the verb that hands its content on
_RELATIVE_AGENT = re.compile(r"\s+(?:for\s+[\w-]+\s+|(?:he|she|it|they)\s+)?(?:that|which)\s+$",
                             re.IGNORECASE)
_AGENT_VERB = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:listed|made|set\s+out|put\s+forward|"
                         r"outlined|presented|voiced|issued|laid\s+out|tabled|submitted|named|"
                         r"announced|spelled\s+out|handed\s+over)\b(?:\s+(?:on|in|at)\s+"
                         r"(?-i:[A-Z])\w+)?(?:\s+(?:include[sd]?|are|were|was|is)\b)?",
                         re.IGNORECASE)
# "offered guarantees instead of NATO membership": what follows is not what is offered
_SUBSTITUTE = re.compile(r"\b(?:instead\s+of|in\s+lieu\s+of|rather\s+than|as\s+an\s+"
                         r"alternative\s+to)\b", re.IGNORECASE)
# "concessions and the waiver of reparations": terms of one list before a participle
_LIST_GAP = re.compile(r"[\s,]*(?:and|or|as\s+well\s+as)\s+(?:[\w'’-]+\s+){0,3}")


@functools.lru_cache(maxsize=4)
def _nationality_regex(adjectives: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(a) for a in sorted(adjectives, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alts})\s+(?:(?-i:[a-z-]+)\s+)?$")


def _nationality_before(nationalities: dict[str, str], text: str, lo: int,
                        pos: int) -> ActorMention | None:
    """A nationality adjective owning the noun at ``pos`` ("Russian demands")."""
    if not nationalities:
        return None
    m = _nationality_regex(tuple(nationalities)).search(text, max(lo, pos - 30), pos)
    if m is None:
        return None
    return ActorMention(m.start(1), m.end(1), m.group(1), "party", nationalities[m.group(1)],
                        m.group(1))


def _after_turn(found: list[IssueMention], pos: int) -> set[str]:
    """Issues named after ``pos`` and not also before it (the part a turn such as "unless",
    "if" or "in return for" hands to a different stance)."""
    return {i.issue for i in found if i.start > pos} - {i.issue for i in found if i.start < pos}


def _coordinated(actors: list[ActorMention], m: ActorMention, text: str) -> list[ActorMention]:
    """Parties named together with ``m`` as one subject ("Britain, France and Germany")."""
    out: list[ActorMention] = []
    if m not in actors:
        return out
    i = actors.index(m)
    cur = m
    while i > 0:
        prev = actors[i - 1]
        link = text[prev.end:cur.start]
        if prev.kind not in ("party", "group", "person", "collective") \
                or not _COORDINATION.match(link) or (cur is m and not _LAST_LINK.match(link)):
            break
        out.append(prev)
        cur, i = prev, i - 1
    return out


_EMBEDDED = re.compile(r"\b(?:that|to|for|whether|if)\s+(?:the\s+)?$", re.IGNORECASE)
# "the plan circulated by the White House": a participle's agent follows "by"
_BY_AGENT = re.compile(r"\s+(?:\w+ly\s+)?by\s+")
# "lasting peace hinges on Ukraine accepting X": the acceptance is demanded of Ukraine
_HINGE = re.compile(r"\b(?:hinges?|hinged|depends?|depended|dependent|conditional|contingent|"
                    r"conditioned|rests?|rested)\s+(?:up)?on\s+(?:[\w'’.-]+\s+){1,3}$",
                    re.IGNORECASE)
# predicates about the content ("X and Y are unrealistic objectives"): the holder's view
_PREDICATE = re.compile(r"absurd|ridiculous|unrealistic|unworkable|unacceptable|impossible",
                        re.IGNORECASE)
# "X would not be implemented until Y": Y is the condition, X only its consequence
_UNTIL = re.compile(r"\b(?:not|never)\b[^.;]{0,80}?\b(?:until|unless)\b", re.IGNORECASE)
_REDUCED_RELATIVE = re.compile(r"[,(][”\"’]?\s*(?:[a-z]+ly\s+)?$")
_LIST_LINK = re.compile(r"(?:,|\band|\bor)\s+(?:not\s+|also\s+)?$", re.IGNORECASE)
_GERUND = re.compile(r"\s+(?:[a-z]+ly\s+)?(?-i:[a-z]+ing)\b")
_NOUN_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\bthat\s+)(?:The|the|A|a|An|an)\s+"
                           r"(?:[a-z-]+\s+){1,3}$")
_AGENTIVE = re.compile(r"(?:demand|insist|want|seek|sought|propos|offer|reject|refus|agree|"
                       r"accept|call|urge|press|push|oppos|welcom|support|threat)", re.IGNORECASE)
_COPULA = re.compile(r"\b(?:is|are|was|were|remains?|remained|be|been|as)\s+(?:a|an|the)\s+"
                     r"(?:[\w-]+\s+)?$", re.IGNORECASE)
_OBJECT_GAP = re.compile(r"^\s+(?:(?:the|a|an|its|their|his|her|all|any|new|renewed|repeated|"
                         r"other|such|these|those|further|additional|"
                         r"recent|latest|fresh|Western|(?-i:[A-Z][\w.'’-]*)|(?-i:[a-z-]+(?:al|ate|"
                         r"ic|ive|ous|ent|ant|ed|est|ful|ary|ist|ing)))\s+){1,4}$")
_NOMINAL_OBJECT = re.compile(r"(?:calls? (?:for|on)|offers?|proposals?|plans?|demands?|ideas?|"
                             r"requests?|requirements?|initiatives?|insistence|ultimatum)\b",
                             re.IGNORECASE)
# "rejected plans requiring territorial concessions", "opposes any deal that would demand X":
# the participle or relative describes the plan rejected; it is no stance of its own
_PLAN_MODIFIER = re.compile(r"^\s+(?:[\w'’.-]+\s+){0,3}?(?:plans?|proposals?|deals?|agreements?|"
                            r"settlements?|initiatives?|ideas?|drafts?|terms|frameworks?|"
                            r"schemes?|formulas?|options?|scenarios?)\s+(?:(?:that|which)\s+"
                            r"(?:would\s+|will\s+|could\s+|might\s+)?)?$", re.IGNORECASE)
_VERB_NEGATOR = re.compile(r"refus|fail|declin", re.IGNORECASE)
_OBJECT_VERB = re.compile(r"\s+(?:discuss|consider|accept|examine|study|negotiate|entertain|"
                          r"meet|look\s+at|heed|satisfy|fulfil|fulfill)\s", re.IGNORECASE)
_OBJECT_PAIR = re.compile(r"\b(?:with|to|for|from|against|between|on|by)\s+(?:the\s+)?$",
                          re.IGNORECASE)


def _reported_subject(doc: _Doc, pos: int) -> bool:
    """Whether the mention at ``pos`` opens the content of a reporting verb ("said that X")."""
    rx = doc.vocab.reporting_regex
    m = re.search(r"(\w+)\s+that\s+$", doc.text[max(0, pos - 30):pos])
    return bool(m and rx is not None and rx.fullmatch(m.group(1)))


def _next_subject(text: str, actors: list[ActorMention], pos: int, end: int) -> int:
    """Where a new subject starts after ``pos`` ("Ukraine seeks X as Russia returns Y")."""
    prev: ActorMention | None = None
    for m in actors:
        if pos <= m.start < end and m.kind in ("party", "group", "person") \
                and _SUBJECT_LINK.search(text[max(0, m.start - 12):m.start]):
            # "with the United States and Ukraine": the second of two objects is no subject
            if not (prev is not None and re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                                      text[prev.end:m.start])
                    and _OBJECT_PAIR.search(text, max(0, prev.start - 14), prev.start)):
                return m.start
        prev = m
    return end


class _State:
    """What a document has said so far: issues in focus and the last sentence's claims."""

    def __init__(self) -> None:
        self.focus: list[str] = []
        self.history: list[list[str]] = []  # issues of the last sentences, oldest first
        self.last_claims: list[ExtractedClaim] = []
        self.section_year: int | None = None
        # the plan being described: "Under the plan, ... Kyiv would have to ..." keeps
        # speaking for its author for a few sentences after it is named
        self.document: ActorMention | None = None
        self.document_age = 0
        # the last speaker of this paragraph: "X said ... . All sanctions must be lifted."
        self.speaker: tuple[int, Frame] | None = None
        # reported plan text: the plan whose points are being listed, and how
        self.plan: ActorMention | None = None
        self.plan_age = 0
        self.listing = False  # the last plan sentence announced a list ("... points:")
        self.point = False  # the last sentence was a point of the plan
        self.numbered = False  # the last sentence was only a list number ("1.")
        self.open_item = False  # the last sentence ended in ":" or ";" (a list goes on)
        self.open_item_paragraph = -1
        self.list_stance: str | None = None  # the stance an intro gives its items


def _skip_aside(text: str, pos: int, end: int) -> str:
    """The text after ``pos`` without a parenthesis right there ("The plan — drafted in
    Washington — would ...", "The plan, which was leaked, would ...")."""
    rest = text[pos:end]
    m = re.match(r"\s*(?:[—–]|--)[^—–]{0,250}?(?:[—–]|--)|\s*,\s*(?:which|first|drafted|"
                 r"published|leaked)\b[^,]{0,250},", rest)
    return rest[m.end():] if m else rest


def _plan_points(doc: _Doc, sent: Sentence, state: _State,
                 found: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """Add the author's PROPOSE for each issue a reported plan point names.

    >>> cs = extract_claims("The European plan includes the following points:\\n"
    ...                     "1. Reliable security guarantees for Ukraine.")
    >>> [(c.actor, c.issue, c.stance) for c in cs if c.issue != "process.framework"]
    [('EUR', 'security.guarantees', 'PROPOSE')]
    """
    text = doc.text
    if sent.heading:
        return found
    sent_text = text[sent.start:sent.end]
    plans = [a for a in doc.within(doc.actors, sent.start, sent.end)
             if a.kind == "document" and a.party is not None and a.stance is not None]
    if re.fullmatch(r"\s*(?:\d{1,2}|[a-h])[.)]\s*", sent_text):
        # the sentencizer cuts "1." from its item: the item is the next sentence
        state.numbered = state.listing
        return found
    # (an unnumbered line after an intro's colon, or after an item ending in ";")
    item = bool(_LIST_ITEM.match(sent_text)) or state.numbered or (
        state.listing and state.open_item and sent.paragraph != state.open_item_paragraph)
    state.numbered = False
    state.open_item = sent_text.rstrip().endswith((":", ";"))
    state.open_item_paragraph = sent.paragraph
    kind = None
    if item and state.listing and state.plan is not None:
        kind = "item"
    elif plans and _CONTENT_VERB.match(_skip_aside(text, plans[0].end, sent.end)) \
            and len(text[sent.start:plans[0].start].split()) <= 5 \
            and not re.search(r"\b(?:of|for|on|against|about|to|with|by|over)\s*$",
                              text[sent.start:plans[0].start], re.IGNORECASE) \
            and not doc.within(doc.cues, sent.start, plans[0].start) \
            and not [a for a in doc.within(doc.actors, sent.start, plans[0].start)
                     if a.kind != "document"]:
        # the plan is the subject: near the start, after no stance and no other party
        kind = "subject"
    elif plans and _FROM_TEXT.search(sent_text) or (
            state.plan is not None and _FROM_TEXT.search(sent_text)):
        kind = "source"
    elif state.point and state.plan is not None and _FUTURE.search(sent_text) \
            and not find_frames(text, doc.within(doc.actors, sent.start, sent.end), doc.vocab,
                                sent.start, sent.end):
        kind = "continued"
    plan = plans[0] if plans else state.plan
    if plans:
        state.plan, state.plan_age = plans[0], 0
    elif state.plan is not None:
        state.plan_age += 1
        if state.plan_age > DOCUMENT_SPAN and not (item and state.listing):
            state.plan = None
    if not (item and state.listing):
        state.listing = bool(plan is not None and (
            (plans or kind) and _LIST_INTRO.search(sent_text) or _LIST_COLON.search(sent_text)))
        # "its main conditions are:": the items are demands, whatever the text is called
        state.list_stance = "DEMAND" if state.listing and re.search(
            r"\b(?:conditions?|demands?|requirements?|ultimatum)\b", sent_text,
            re.IGNORECASE) else None
    state.point = kind is not None
    if kind is None or plan is None:
        return found
    state.plan_age = 0
    party = plan.party
    stance = plan.stance if plan.stance in ("PROPOSE", "DEMAND") else "PROPOSE"
    if kind == "item" and state.list_stance is not None:
        stance = state.list_stance
    inside = [a for a in doc.within(doc.actors, sent.start, sent.end) if a.kind == "document"]
    issues = [i for i in doc.within(doc.issues, sent.start, sent.end)
              if not any(a.start < i.end and i.start < a.end for a in inside)]
    if kind == "continued":
        # the statement's own clause, not a history aside later in the sentence
        fut = _FUTURE.search(sent_text)
        hi = sent.start + (fut.end() + 150 if fut else len(sent_text))
        issues = [i for i in issues if i.start < hi]
    if kind == "subject" and not re.match(r"[^.;:]{0,60}?\b(?:calls?\s+for|requires?|demands?)\b",
                                          text[plans[0].end:sent.end], re.IGNORECASE):
        # "the plan recognises X's right to ...": a point of the plan, not a demand
        found = [replace(c, stance=stance, rule=f"{stance.lower()}:plan-point:{kind}")
                 if c.actor == party and c.stance in ("DEMAND", "PROPOSE")
                 and c.stance != stance and not any(k == (party, c.issue, stance) for k in
                                                     (d.key() for d in found)) else c
                 for c in found]
    if kind in ("item", "source"):
        # the parties named in a point are its content, not speakers; the point is the
        # plan's, whatever modal it is phrased with ("NATO should ..., according to the text")
        found = [c if c.stance == stance or c.stance not in ("DEMAND", "PROPOSE")
                 else replace(c, stance=stance, rule=f"{stance.lower()}:plan-point:{kind}")
                 for c in found if c.actor == party]
    have = {c.key() for c in found}
    date = found[0].date if found else doc.date
    date_source = found[0].date_source if found else ("document" if doc.date else None)
    for issue in dict.fromkeys(i.issue for i in issues):
        if any(k[:2] == (party, issue) for k in have):
            continue
        have.add((party, issue, stance))
        found.append(ExtractedClaim(
            start=sent.start, end=sent.end, text=sent_text, actor=party, issue=issue,
            stance=stance, option=_option(doc, issue, sent.start, sent.end),
            hedged=bool(doc.within(doc.hedges, sent.start, sent.end)), speaker=plan.name,
            via=None, cue=plan.text[:128], date=date, date_source=date_source,
            rule=f"{stance.lower()}:plan-point:{kind}", confidence=0.6))
    return found


def extract_claims(text: str, doc_date: dt.date | None = None,
                   vocab: Vocab | None = None, learned: bool = True,
                   model: StanceModel | None = None) -> list[ExtractedClaim]:
    """All claims in ``text`` (a document's cleaned text) published on ``doc_date``.

    The rules' claims, then (with ``learned``) the claims the stance classifier adds for
    party-issue pairs the rules left without a stance (``model`` or the shipped one).
    """
    doc, sentences, claims = analyse(text, doc_date, vocab)
    if learned:
        model = model or load_model()
        if model is not None:
            claims += learned_claims(doc, sentences, claims, model)
    return claims


def learned_claims(doc: _Doc, sentences: list[Sentence], rules: list[ExtractedClaim],
                   model: StanceModel) -> list[ExtractedClaim]:
    """Claims of the stance classifier on pairs whose (party, issue, stance) no rule made.

    One claim per (party, issue, stance): the sentence where the model is surest.
    """
    made = {c.key() for c in rules}
    best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    for cand in candidates(doc, sentences, rules):
        stance, p = model.best(cand.features)
        key = (cand.party, cand.issue, stance)
        if p >= model.threshold and key not in made and p > best.get(key, (0.0, None))[0]:
            best[key] = (p, cand)
    out = []
    for (party, issue, stance), (p, cand) in best.items():
        sent, m = cand.sentence, cand.mention
        sent_text = doc.text[sent.start:sent.end]
        date, date_source = find_date(sent_text, doc.date)
        if date is None:
            date, date_source = doc.date, ("document" if doc.date else None)
        cues = doc.within(doc.cues, sent.start, sent.end)
        anchor = cand.issue_mention.start if cand.issue_mention else sent.start
        cue = min(cues, key=lambda c: abs(c.start - anchor)).text if cues else ""
        hedged = bool(doc.within(doc.hedges, sent.start, sent.end)) or (
            m is not None and m.kind == "source")
        out.append(ExtractedClaim(
            start=sent.start, end=sent.end, text=sent_text, actor=party, issue=issue,
            stance=stance, option=_option(doc, issue, sent.start, sent.end), hedged=hedged,
            speaker=_speaker_name(m), via=m.via if m is not None else None, cue=cue[:128],
            date=date, date_source=date_source, rule=f"model:{stance.lower()}",
            confidence=round(p - (0.15 if hedged else 0.0), 2)))
    return sorted(out, key=lambda c: (c.start, c.actor, c.issue, c.stance))


def analyse(text: str, doc_date: dt.date | None = None, vocab: Vocab | None = None
            ) -> tuple[_Doc, list[Sentence], list[ExtractedClaim]]:
    """The rules alone: the document's mentions, its sentences and the rules' claims."""
    vocab = vocab or load_vocab()
    sentences = split_sentences(text)
    issues = find_issues(text, vocab)
    actors = drop_inside_issues(find_actors(text, vocab, doc_date), issues)
    actors = resolve_coreference(attach_source_outlets(actors, sentences), text,
                                 vocab.actors.nationalities)
    doc = _Doc(
        text=text, date=doc_date, vocab=vocab, actors=actors,
        issues=issues, cues=find_cues(text, vocab, issues),
        negators=find_spans(vocab.negator_index, text),
        hedges=find_spans(vocab.hedge_index, text),
        anaphors=find_spans(vocab.anaphor_index, text),
        quotes=[],
    )
    doc.quotes = find_quotes(text, actors, vocab)
    state = _State()
    claims: list[ExtractedClaim] = []
    for sent in sentences:
        if sent.heading:
            year = heading_year(text[sent.start:sent.end], doc_date)
            if year is not None:
                state.section_year = None if year == -1 else year
        found = _sentence_claims(doc, sent, state)
        found = _plan_points(doc, sent, state, found)
        claims.extend(found)
        # a plan becomes the one described when it opens a sentence or speaks in it
        named = [a for a in doc.within(actors, sent.start, sent.end)
                 if a.kind == "document" and a.party is not None and a.stance is not None
                 and (re.match(r"^(?:(?:under|in|unlike)\s+)?(?:the\s+|a\s+|an\s+)?\W?$",
                               text[sent.start:a.start], re.IGNORECASE)
                      or any(c.speaker == a.name for c in found))]
        if named:
            state.document, state.document_age = named[0], 0
        elif state.document is not None and any(c.speaker == state.document.name
                                                for c in found):
            state.document_age = 0  # the description goes on
        elif not sent.heading:
            state.document_age += 1
            if state.document_age > DOCUMENT_SPAN:
                state.document = None
        if not sent.heading:
            state.last_claims = found
    return doc, sentences, claims


def _sentence_claims(doc: _Doc, sent: Sentence, state: _State) -> list[ExtractedClaim]:
    text = doc.text
    actors = doc.within(doc.actors, sent.start, sent.end)
    issues = doc.within(doc.issues, sent.start, sent.end)
    cues = doc.within(doc.cues, sent.start, sent.end)
    frames = doc.frames[sent.start] = find_frames(text, actors, doc.vocab, sent.start, sent.end)
    quote = next((q for q in doc.quotes if q.start <= sent.start < q.end
                  or sent.start <= q.start < sent.end), None)
    hedged_sentence = bool(doc.within(doc.hedges, sent.start, sent.end))
    sent_text = text[sent.start:sent.end]
    date, date_source = find_date(sent_text, doc.date)
    if date is None and state.section_year is not None:
        date, date_source = dt.date(state.section_year, 1, 1), "section"
    if date is None:
        date, date_source = doc.date, ("document" if doc.date else None)
    clauses = clause_bounds(text, sent.start, sent.end)
    out: dict[tuple[str, str, str], ExtractedClaim] = {}
    sentence_issues: list[str] = [i.issue for i in issues]

    def holder_at(pos: int) -> Frame | None:
        best = None
        for f in frames:
            if f.start <= pos < f.end and (best is None or f.start >= best.start):
                best = f
        if best is None and quote is not None and quote.start <= pos < quote.end:
            best = quote
        return best

    def emit(actor_m: ActorMention, issue: str, stance: str, cue: CueMatch, holder: Frame | None,
             option: str | None, rule: str, confidence: float, party: str | None = None) -> None:
        party = party or actor_m.party
        if party is None:
            return
        speaker_m = holder.speaker if holder is not None else actor_m
        if speaker_m.kind == "first_person":
            speaker_m = actor_m
        via = None
        for m in (speaker_m, actor_m):
            if m.via:
                via = m.via
        if via is None and (holder is not None or quote is not None):
            outlet = next((a for a in actors if a.kind == "outlet"), None)
            via = outlet.name if outlet is not None else None
        hedged = hedged_sentence or speaker_m.kind == "source" or bool(
            quote is not None and quote.speaker.kind == "source")
        key = (party, issue, stance)
        if key in out:
            return
        out[key] = ExtractedClaim(
            start=sent.start, end=sent.end, text=sent_text, actor=party, issue=issue,
            stance=stance, option=option, hedged=hedged, speaker=_speaker_name(speaker_m),
            via=via, cue=cue.text[:128], date=date, date_source=date_source, rule=rule,
            confidence=round(confidence - (0.15 if hedged else 0.0), 2),
        )

    # "Washington pressed Kyiv to accept X": accepting is what Kyiv is asked to do, and X
    # belongs to the pressing
    # (not "..., an ultimatum that Ukraine has rejected.": a relative clause whose object is
    # the noun, with nothing after its verb)
    inner = {c2 for c1_ in cues if c1_.rule.stance == "DEMAND" for c2 in cues
             if c2.start > c1_.end and (
                 _INNER.match(text[c1_.end:c2.start])
                 # ("pressured Kyiv to accept": the cue's own "to")
                 or (c1_.text.lower().endswith(" to") and not text[c1_.end:c2.start].strip())
                 or (_INNER_LIST.match(text[c1_.end:c2.start])
                     and not re.search(r"(?:ed|s)$", c2.text.split()[0], re.IGNORECASE)))
             and not (NOMINAL_CUE.match(c1_.text)
                      and _DETERMINER.search(text, max(sent.start, c1_.start - 32), c1_.start)
                      and re.match(r"[\s\"”’]*(?:[.,;:!?)]|$)", text[c2.end:sent.end]))}
    # "will propose officially accepting X", "demanded recognising X": the gerund is the
    # content of the proposal or demand, not a stance of its own
    # ("proposed dropping the demand for X" is a rejection of X: the gerund then speaks)
    for c1_ in cues:
        if c1_.rule.stance not in ("DEMAND", "PROPOSE"):
            continue
        for c2 in cues:
            if c2.start > c1_.end and c2.text.lower().endswith("ing") \
                    and _GERUND_GAP.match(text[c1_.end:c2.start]):
                inner.add(c1_ if c2.rule.stance == "REJECT" else c2)
    # "no willingness to agree to a truce", "readiness to accept": one stance, not two (the
    # readiness carries it; "willing to offer X" is an offer)
    carried: dict[CueMatch, CueMatch] = {}
    for c1_ in cues:
        if re.search(r"(?:willingness|readiness|ready|prepared|willing) to$", c1_.text,
                     re.IGNORECASE):
            for c2 in cues:
                if c2.start > c1_.end and not text[c1_.end:c2.start].strip():
                    inner.add(c2 if c2.rule.stance == "ACCEPT" else c1_)
                    if c2.rule.stance == "ACCEPT":
                        carried[c1_] = c2
    # "called Kyiv's plan to retake Crimea an illusion": the verdict word is the verb's, and
    # what lies between (the plan, and the stances inside it) is what the verdict is on
    verdict_hi: dict[CueMatch, int] = {}
    for c1_ in cues:
        if c1_.rule.stance == "REJECT" and _VERDICT_VERB.fullmatch(c1_.text):
            c2 = next((c for c in cues if c.start > c1_.end and c.rule.stance == "REJECT"
                       and c.rule.scope == "left"
                       and not re.search(r"[.;:]", text[c1_.end:c.start])), None)
            if c2 is not None:
                inner.add(c2)
                verdict_hi[c1_] = c2.start
    # "rebuffed calls for X", "rejected the US offer of X": a stance's object may itself be a
    # cue; it then belongs to whoever is named inside the object ("the US"), not to the subject
    objects = {c2: c1 for c1 in cues if c1.rule.stance in ("REJECT", "ACCEPT")
               and c1.rule.scope == "right" for c2 in cues
               if c2.start > c1.end and c2.rule.stance in ("DEMAND", "PROPOSE")
               and _NOMINAL_OBJECT.match(c2.text)
               and (_OBJECT_GAP.match(text[c1.end:c2.start])
                    # "refused to discuss Russian demands": through the verb after "to"
                    or (c1.text.lower().endswith(" to") and (vm := _OBJECT_VERB.match(
                        text, c1.end, c2.start)) is not None and (
                            vm.end() == c2.start
                            or _OBJECT_GAP.match(text[vm.end() - 1:c2.start])))
                    # "rejected proposals": a plural noun right after the verb
                    or (not text[c1.end:c2.start].strip() and c2.text.lower().endswith("s")
                        and not c1.text.lower().endswith(" to"))
                    or (c2.text.lower().startswith("call") and not text[c1.end:c2.start].strip()))}
    for c1_ in cues:
        if c1_.rule.stance in ("REJECT", "ACCEPT") and c1_.rule.scope == "right":
            after = [c for c in cues if c.start > c1_.end]
            if after and objects.get(after[0]) is c1_:
                after = after[1:]  # "rejected proposals demanding X": past the object noun
            c2 = after[0] if after else None
            if c2 is not None and c2.rule.stance in ("DEMAND", "PROPOSE", DOCUMENT) \
                    and c2.rule.actor == "left" and _PLAN_MODIFIER.match(text[c1_.end:c2.start]):
                inner.add(c2)
    # a topic put first ("In Donbas, ...", "On the nuclear plant, ...") is what the sentence's
    # stances are about when they name nothing else
    tm = _TOPIC.match(text, sent.start, sent.end)
    # ("In his 20-point plan, ..." places content in a plan; it is not a topic)
    topic = list(dict.fromkeys(i.issue for i in issues if tm and i.end <= tm.end()
                               and i.issue != "process.framework")) if tm else []
    # "against demands to cede": a demand with an article or preposition before it has no
    # agent in the subject ("Russia's demand" and "its demand" do)
    # ("X is a key condition" is a predicate: whoever holds the sentence states it)
    agentless = {c for c in cues if NOMINAL_CUE.match(c.text)
                 and _DETERMINER.search(text, max(sent.start, c.start - 32), c.start)
                 and not _COPULA.search(text, max(sent.start, c.start - 24), c.start)}
    chain: ActorMention | None = None  # the subject of a verb that governs a gerund list
    for cue in cues:
        c0, c1 = next(((a, b) for a, b in clauses if a <= cue.start < b), (sent.start, sent.end))
        rule = cue.rule
        # negation: a negator shortly before the cue in the same clause
        stance: str | None = rule.stance
        # a negator governs the next cue only: not across another cue or a comma
        # ("refused to discuss Russian demands": the refusal is Kyiv's; the demands stand)
        negators = [n for n in doc.within(doc.negators, c0, cue.start)
                    if n.end <= cue.start and cue.start - n.end <= NEGATION_WINDOW
                    and "," not in text[n.end:cue.start]
                    and not (cue in objects and _VERB_NEGATOR.match(n.text))
                    and not any(n.end <= c.start and c.end <= cue.start for c in cues
                                if c is not cue)]
        if not negators and NOMINAL_CUE.match(cue.text) \
                and _NO_BEFORE.search(text, max(c0, cue.start - 24), cue.start):
            # "no Russian willingness to agree", "no support for": the noun is negated
            negators = [cue]
        if not negators and rule.actor == "holder" and _MODAL_NOT.match(text, cue.end) \
                and re.fullmatch(r"must|should|(?:has|have) to|needs to be", cue.text,
                                 re.IGNORECASE):
            # "the army should not be capped": the negator follows the modal
            negators = [cue]
        if negators:
            stance = rule.negated
            # "no longer insists on X": the party has come round to accepting
            if rule.stance == "DEMAND" and negators[-1].text.lower() == "no longer":
                stance = "ACCEPT"
        if stance is None:
            continue
        holder = holder_at(cue.start)
        if holder is None and rule.actor == "holder" and rule.stance != DOCUMENT:
            # "Russia is demanding that Kyiv cede X as a condition for peace": a holder cue
            # inside what a party's own verb governs belongs to that party
            governing = next((c for c in cues if c.end <= cue.start and c0 <= c.start
                              and c.rule.actor == "left"
                              and c.rule.stance in ("DEMAND", "REJECT", "PROPOSE")), None)
            subject = nearest_left(actors, governing.start, sent.start, 60, text,
                                   {"party", "person", "group"}, governing.text) \
                if governing is not None else None
            if subject is not None and subject.party is not None:
                holder = Frame(sent.start, sent.end, subject, "", "subject")
        if holder is None and rule.actor == "holder" and rule.stance != DOCUMENT \
                and state.speaker is not None \
                and state.speaker[0] == sent.paragraph:
            holder = Frame(sent.start, sent.end, state.speaker[1].speaker, "", "running")
        if holder is None and rule.stance == DOCUMENT and rule.actor == "holder" \
                and state.document is not None:
            # only a plain description of a point: no other stance cue in the clause ("Russia
            # would reject it" is Russia's stance, not the plan's)
            others = [c for c in cues if c is not cue and c0 <= c.start < c1
                      and c.rule.stance != DOCUMENT and c.rule.actor == "left"]
            if others:
                continue
            holder = Frame(sent.start, sent.end, state.document, "", "document")
        # the party
        actor_m: ActorMention | None = None
        agent_end: int | None = None  # end of "that X listed" after a nominal cue
        how = rule.actor
        by_agent = False
        if rule.actor == "left":
            lo = c0
            kinds = {"party", "group", "person", "pronoun", "source", "first_person", "document",
                     "collective"}
            pos, gap = cue.start, rule.gap
            found_m = nearest_left(actors, pos, lo, gap, text, kinds, cue.text)
            nominal = NOMINAL_CUE.match(cue.text) is not None
            if found_m is None and nominal and rule.stance in ("DEMAND", "PROPOSE"):
                agent = next((m for m in actors if cue.end < m.start < c1
                              and m.kind in ("party", "person", "pronoun", "group")
                              and _RELATIVE_AGENT.fullmatch(text, cue.end, m.start)), None)
                verb = _AGENT_VERB.match(text, agent.end) if agent is not None else None
                if verb is not None:
                    found_m, agent_end = agent, verb.end()
                    agentless.discard(cue)  # "the demands that X listed" name their agent
            enclosing = next((m for m in actors if m.kind == "document" and m.party
                              and m.start < cue.start and cue.end <= m.end), None) \
                if nominal else None
            nat = _nationality_before(doc.vocab.actors.nationalities, text, c0, cue.start) \
                if nominal else None
            if enclosing is not None:
                # "a U.S. proposal for a ceasefire": the plan's own party puts it forward
                found_m = enclosing
            elif nat is not None and (found_m is None or found_m.end <= nat.start):
                # "rejected Russian demands for neutrality": the adjective names the party
                found_m = nat
            elif found_m is None and _RELATIVE_HEAD.match(text, c0) and c0 > sent.start:
                # "Kyiv, which seeks NATO membership, ...": the antecedent before the comma,
                # also as the object of a preposition ("a nonstarter for Kyiv, which wants")
                found_m = nearest_left(actors, c0, sent.start, 12, text, kinds, cue.text,
                                       objects=True)
            elif found_m is None and (_PARTICIPLE.match(text, c0) or (
                    re.search(r"\b(?:but|yet|and)\s*$", text[max(sent.start, c0 - 6):c0])
                    and re.match(r"(?-i:[a-z]+ly\s+)?(?-i:[a-z]+ed)\b", text[c0:]))):
                # (", but demanded a truce": a second verb of the same subject)
                # ", calling the terms an ultimatum": the subject is the main clause's, not
                # the subject of a clause inside it ("demands that Ukraine leave X, but ...")
                lo, gap = sent.start, gap + (c0 - sent.start)
                found_m = nearest_left(actors, pos, lo, gap, text, kinds, cue.text)
                # (but "Trump indicated that Putin was demanding X, while expressing ...": the
                # subject of reported content is the participle's)
                while found_m is not None and _EMBEDDED.search(
                        text, max(lo, found_m.start - 12), found_m.start) \
                        and not _reported_subject(doc, found_m.start):
                    found_m = nearest_left(actors, found_m.start, lo,
                                           gap - (pos - found_m.start), text, kinds, cue.text)
            if found_m is None and re.search(r"\b(?:and|but|yet)\s+(?:[a-z]+ly\s+)?$",
                                             text[max(c0, cue.start - 20):cue.start]):
                # "Zelensky rejected a meeting in Moscow and publicly invited Putin to Kyiv":
                # a second verb of the sentence's subject, past the first verb's object
                first = next((m for m in actors if c0 <= m.start < c0 + 60 and m.start < cue.start
                              and m.kind in ("party", "person", "group")), None)
                if first is not None and any(first.end <= c.start and c.end <= cue.start
                                             and c.rule.actor == "left" for c in cues):
                    found_m = first
            if found_m is not None and cue.text.lower().endswith("ed") \
                    and _REDUCED_RELATIVE.search(text, max(c0, cue.start - 20), cue.start) \
                    and not re.match(r"\s+to\b", text[cue.end:]) \
                    and not text[found_m.end:cue.start].lstrip().startswith(","):
                # "X interprets the formula, reportedly agreed between Y and Z": a participle,
                # not X's act ("Moscow, for its part, proposed" is Moscow's)
                continue
            # "Washington, a European official said, no longer insists": the speaker in the
            # parenthesis is not the subject
            while found_m is not None and _PARENTHESIS.match(text, found_m.end):
                gap += pos - found_m.start
                pos = found_m.start
                found_m = nearest_left(actors, pos, lo, gap, text, kinds, cue.text)
            # "Erdogan, speaking to both delegations, urged": the object of a
            # participle in commas is not the subject
            aside = _PARTICIPLE_ASIDE.search(text, max(sent.start, pos - 120), pos)
            if aside is not None and (found_m is None or aside.start() < found_m.start):
                gap += pos - aside.start()
                pos, lo = aside.start(), sent.start
                found_m = nearest_left(actors, pos, lo, gap, text, kinds, cue.text)
            actor_m = _party(found_m, quote)
            if cue.text.lower().endswith("ed") and _BY_AGENT.match(text, cue.end) \
                    and not _PASSIVE.search(text, max(c0, cue.start - 12), cue.start):
                # "a plan circulated by the White House": the agent is after "by"
                by_m = _BY_AGENT.match(text, cue.end)
                actor_m = nearest_right(actors, by_m.end(), c1, 6,
                                        {"party", "group", "person", "collective"})
                how, by_agent = "right", True
                if actor_m is None:
                    continue
            elif cue.text.lower().endswith("ed") and (
                    not re.match(r"\s+to\b", text[cue.end:])
                    or re.match(r"invit|ask|urg|press", cue.text, re.IGNORECASE)) \
                    and _PASSIVE.search(text, max(c0, cue.start - 24), cue.start):
                # "must be agreed upon by all guarantors": the agent follows "by", if anyone
                by = re.compile(r"\s+(?:upon\s+|on\s+|to\s+)?by\s+").match(text, cue.end)
                agent = nearest_right(actors, by.end(), c1, 6, {"party", "group", "person",
                                                               "collective"}) if by else None
                actor_m, how = agent, "right" if agent is not None else how
                if actor_m is None:
                    continue
        elif rule.actor == "right":
            actor_m = _party(nearest_right(actors, cue.end, c1, 12,
                                           {"party", "group", "person", "pronoun",
                                            "collective"}), quote)
        if chain is not None and rule.actor == "left" and cue.text.lower().endswith("ing") \
                and _LIST_LINK.search(text, max(c0, cue.start - 14), cue.start):
            # "suggested recognising X, not opposing Y and rejecting Z": each gerund of the
            # list is a stance of the subject of the verb that governs the list
            actor_m, how = chain, "left"
        if cue in agentless:
            actor_m, how = state.document, "holder"
        if stance == "ACCEPT" and cue.text.lower().endswith("ing") \
                and _HINGE.search(text, max(sent.start, cue.start - 60), cue.start):
            # "peace hinges on Kyiv accepting X": the speaker (or the subject before the
            # verb) demands X
            hm = _HINGE.search(text, max(sent.start, cue.start - 60), cue.start)
            stance = "DEMAND"
            actor_m = holder.speaker if holder is not None else _party(nearest_left(
                actors, hm.start(), sent.start, 200, text,
                {"party", "group", "person", "pronoun", "collective"}, cue.text), quote)
            how = "holder" if holder is not None else "left"
        elif holder is not None and holder.speaker.party is not None and actor_m is not None \
                and actor_m is not holder.speaker and rule.actor == "left" and (
                    (rule.scope == "left" and _PREDICATE.fullmatch(cue.text))
                    or (re.fullmatch(r"need(?:s|ed)?", cue.text, re.IGNORECASE)
                        and _TO_AFTER.match(text, cue.end))):
            # "Y said X would need to cede Z" / "Y stated that X's bid is unrealistic": the
            # obligation or the verdict is the speaker's, the party named is its content
            actor_m, how = holder.speaker, "holder"
        elif holder is None and actor_m is not None and rule.actor == "left" \
                and re.fullmatch(r"need(?:s|ed)?", cue.text, re.IGNORECASE) \
                and re.search(r"\bwould\s+$", text[max(c0, cue.start - 8):cue.start]) \
                and _TO_AFTER.match(text, cue.end) and actor_m.kind != "first_person":
            # "- Neutral status: Ukraine would need to adopt ..." in a list of someone's terms:
            # an obligation put on the party named, not its own demand
            continue
        if rule.stance == "PROPOSE" and re.fullmatch(r"present(?:s|ed)?", cue.text,
                                                     re.IGNORECASE) \
                and re.match(r"[^.,;]{0,60}?\bas\b", text[cue.end:]):
            continue  # "presented the zone as a measure": a framing, not a proposal
        if actor_m is None and holder is not None and not (
                rule.actor == "left" and _AGENTIVE.match(cue.text)
                and _NOUN_SUBJECT.search(text[c0:cue.start].lstrip())):
            # (not when an agent's verb has a subject of its own the vocabulary does not know:
            # "the aggressor state demands ..., the ministry said" is no demand of the
            # ministry; "a lasting settlement requires ..., Lavrov said" is Lavrov's)
            actor_m, how = holder.speaker, "holder"
        if actor_m is None or actor_m.party is None:
            continue
        if actor_m.kind == "collective" and re.match(r"rais|discuss", cue.text, re.IGNORECASE):
            continue  # "the parties raised the issue of X": on the agenda, nobody's demand
        if cue in inner:
            continue
        hyp = _HYPOTHETICAL.search(text, max(sent.start, actor_m.start - 16), actor_m.start) \
            if how == "left" else None
        if hyp is not None:
            # "no relief until Moscow accepts a truce", "if Kyiv accepts":
            # a condition someone else sets, not the party's stance; when it is the condition
            # of the speaker or the main clause's subject ("only if", "until", "unless"),
            # they demand it
            setter = None
            if stance == "ACCEPT" and re.match(r"until|till|unless", hyp.group(), re.IGNORECASE) \
                    or re.search(r"\bonly\b[^,.;]{0,30}$",
                                 text[max(sent.start, hyp.start() - 40):hyp.start()]):
                setter = holder.speaker if holder is not None else nearest_left(
                    actors, hyp.start(), sent.start, 120, text,
                    {"party", "group", "person", "pronoun"})
            if stance != "ACCEPT" or setter is None or setter.party is None \
                    or setter.party == actor_m.party:
                continue
            actor_m, stance, how = _party(setter, quote), "DEMAND", "holder"
            if actor_m is None or actor_m.party is None:
                continue
        if cue in objects and not objects[cue].end <= actor_m.start < cue.start \
                and rule.actor != "right":  # ("an offer from Ankara": named after the noun)
            continue
        if how == "left" and rule.stance in ("PROPOSE", "DEMAND", "ACCEPT") \
                and _GERUND.match(text, cue.end):
            chain = actor_m
        if cue in agentless:
            # "... demands that have appeared in Russian statements: X, Y" while a plan is
            # being described: the plan's demands
            if state.document is None or rule.stance not in ("DEMAND", "PROPOSE"):
                continue
        if rule.stance == DOCUMENT:
            # "the plan would cap ...": only a document speaks this way; but "X said Kyiv
            # would have to ..." is X's demand
            if actor_m.kind != "document" or actor_m.stance is None:
                if how == "left" and actor_m.kind in ("party", "person", "pronoun", "group") \
                        and _COMMITMENT.fullmatch(cue.text) and state.document is None \
                        and (holder is None or actor_m.kind == "pronoun"
                             or holder.speaker.party == actor_m.party):
                    # "Moscow said it would halt its advance in the south": a party's own
                    # undertaking is what it puts on the table
                    stance = "PROPOSE"
                elif not (how == "holder" and _OBLIGATION.search(cue.text)):
                    continue
                else:
                    stance = "DEMAND"
            else:
                stance = actor_m.stance
        parties = list(actor_m.all_parties())
        if how == "left":
            parties += [p for m in _coordinated(actors, actor_m, text)
                        for p in m.all_parties() if p not in parties]
            # "American and Ukrainian negotiators": the first country is named by adjective
            adj = _ADJ_COORD.search(text, max(c0, actor_m.start - 30), actor_m.start)
            if adj is not None and actor_m.kind == "group":
                party = doc.vocab.actors.nationalities.get(adj.group(1)) or (
                    "EUR" if adj.group(1) == "European" else None)
                if party and party not in parties:
                    parties.append(party)
            if E3 <= set(parties):  # Britain, France and Germany together are the E3
                parties.append("EUR")
        # the issue: where the rule says, up to the neighbouring cues in the clause
        # neighbouring cues bound the scope; a plan's "would" binds only plans
        # ("readiness to accept a US proposal for X": the proposal is what is accepted)
        bounding = [c for c in cues if c not in inner and c not in agentless
                    and c.rule.stance != DOCUMENT and objects.get(c) is not cue
                    and (cue not in carried or objects.get(c) is not carried[cue])]
        prev_end = max([c.end for c in bounding if c0 <= c.end <= cue.start] + [c0])
        next_start = min([c.start for c in bounding if cue.end <= c.start < c1] + [c1])
        frame_start = max([f.start for f in frames if f.kind == "verb" and f.start <= cue.start]
                          + [c0])
        inverted = how == "left" and re.search(r"\bas\s+$", text[max(c0, actor_m.start - 4):
                                                                   actor_m.start])
        if agent_end is not None:
            lo, hi = agent_end, c1
        elif inverted:
            # "85,000 troops, as Moscow wanted": the issue comes before the party
            lo, hi = max(prev_end, c0, actor_m.start - 120), actor_m.start
        elif by_agent:
            # "a plan circulated by X": what X circulated is the noun before the participle
            lo, hi = max(prev_end, c0, cue.start - 60), cue.start
        elif cue in verdict_hi:
            lo, hi = cue.end, verdict_hi[cue]
        elif rule.scope == "right":
            lo, hi = cue.end, min(next_start, _next_subject(text, actors, cue.end, c1))
            sub = _SUBSTITUTE.search(text, lo, hi) if stance in ("PROPOSE", "DEMAND",
                                                                 "ACCEPT") else None
            if sub is not None:
                hi = sub.start()
        elif rule.scope == "left":
            lo, hi = max(prev_end, frame_start if frame_start < cue.start else c0), cue.start
        else:
            lo, hi = c0, c1
        # "Zelenskiy rejected Russia's demand that ...": what is rejected is what was demanded
        if rule.scope == "right" and rule.stance in ("REJECT", "ACCEPT") and not inverted \
                and _POSSESSIVE_ONLY.match(text[cue.end:hi]) and hi < c1:
            hi = c1
        # a term may begin inside the cue ("will never recognise the annexation")
        first = cue.start if (rule.scope == "right" and not inverted and not by_agent) else lo
        found = [i for i in doc.within(doc.issues, first, hi) if i.end <= hi or i.start >= lo]
        um = _UNTIL.search(text, lo, hi) if stance == "DEMAND" else None
        if um is not None and any(i.start >= um.end() for i in found):
            found = [i for i in found if i.start >= um.end()]
        if actor_m.kind == "document":
            # the plan that speaks is not also what it speaks about
            docs = [a for a in actors if a.kind == "document"]
            found = [i for i in found
                     if not any(a.start < i.end and i.start < a.end for a in docs)]
        if rule.scope == "left" and found:
            # "a peace plan brokered by X": the noun just before the cue, not the whole clause
            # (with the terms of a list that ends there: "concessions and the waiver of
            # reparations were rejected by X")
            first_kept = found[-1].start
            for prev, nxt in zip(reversed(found[:-1]), reversed(found), strict=False):
                if prev.end <= nxt.start and _LIST_GAP.fullmatch(text, prev.end, nxt.start):
                    first_kept = prev.start
                elif prev.start < first_kept and prev.end > nxt.start:
                    continue
                else:
                    break
            found = [i for i in found if i.start >= first_kept]
        # "recognise the annexation of Donetsk and Kherson": the regions are what recognition
        # is about, not separate territorial claims
        # (Crimea is the exception: recognising it as Russian is the Crimea question itself)
        # "the peace plan must not pardon war crimes": the plan is the modal's subject; what
        # it must (not) do is the stance's issue
        if rule.actor == "holder" and rule.scope == "both" and any(
                i.issue != "process.framework" for i in found):
            found = [i for i in found if not (i.issue == "process.framework"
                                              and i.end <= cue.start
                                              and not text[i.end:cue.start].strip())]
        rec = next((i.start for i in found if i.issue == "territory.recognition"), None)
        if rec is not None:
            found = [i for i in found if i.issue not in TERRITORY or i.start < rec
                     or i.issue == "territory.crimea"]
        # "reject any deal that ignores X": X is demanded
        flip = None
        if stance == "REJECT" and doc.vocab.flip_regex is not None:
            fm = doc.vocab.flip_regex.search(text, lo, hi)
            flip = fm.start() if fm else None
        issue_ids: list[str] = list(dict.fromkeys(i.issue for i in found))
        if stance == "REJECT" and flip is None:
            # "will never give up the liberation of X", "condemned the persecution of X": to
            # refuse to drop a goal, or to condemn a wrong done to X, is to demand X
            gm = (_GOAL if _GIVE_UP.search(cue.text)
                  and re.search(r"\bnot\b|\bnever\b|n[’']t\b", cue.text, re.IGNORECASE) else
                  _WRONG if re.match(r"condemn|denounc|decr|slamm|criticis|criticiz",
                                     cue.text, re.IGNORECASE) else None)
            fm = gm.match(text, cue.end) if gm is not None else None
            flip = fm.start() if fm else None
        # (an issue also named before the turn keeps the rejection: "cannot imagine returning
        # the assets unless reparations are paid" still rejects returning the assets)
        flipped = _after_turn(found, flip) if flip is not None else set()
        if stance in ("PROPOSE", "ACCEPT"):
            # "promised a ceasefire if Kyiv withdraws from Donbas", "would agree to a truce
            # only after a withdrawal": the condition the party sets is what it demands ("would
            # agree to X if ..." stays an acceptance of what the condition names, as
            # annotators read it)
            only = stance == "ACCEPT" and re.search(r"\bonly\s+(?:[a-z]+ly\s+)?$",
                                                    text[max(c0, cue.start - 24):cue.start])
            cm = (_IF_CLAUSE if stance == "PROPOSE" or only else _ONLY_CLAUSE).search(
                text, cue.end, hi)
            if cm is None and only:
                cm = re.compile(r"\b(?:after|once|when|until)\s").search(text, cue.end, hi)
            if cm is not None:
                flipped |= _after_turn(found, cm.start())
        elif stance == "DEMAND":
            # "called for more sanctions if the talks fail to bring a ceasefire": the trigger
            # is not part of the demand
            cm = _TRIGGER.search(text, cue.end, hi)
            if cm is not None:
                trigger_only = _after_turn(found, cm.start())
                found = [i for i in found if i.issue not in trigger_only]
                issue_ids = [i for i in issue_ids if i not in trigger_only]
        mode = "term"
        if not issue_ids and rule.scope == "right" and _BARE_TAIL.fullmatch(text, lo, hi) \
                and actor_m.start >= sent.start:
            # nothing after the cue and the party introduced by an appositive ("...,
            # something Moscow will never accept"): the issue is what comes before
            fm = _FRONTED.search(text, max(sent.start, actor_m.start - 40), actor_m.start)
            if fm is not None:
                back = [i for i in doc.within(doc.issues, sent.start, actor_m.start)
                        if i.end <= actor_m.start]
                if back:
                    issue_ids = [back[-1].issue]
                    mode = "fronted"
        if not issue_ids and stance in ("PROPOSE", "ACCEPT", "REJECT") \
                and any("process.summit" in past for past in state.history[-3:]) \
                and any(rx.match(text, _SPACE.match(text, cue.end).end())
                        for _o, rx in doc.vocab.option_regex.get("process.summit", [])):
            # "Macron has proposed Geneva" while the text is about where leaders would meet
            issue_ids, mode = ["process.summit"], "venue"
        if not issue_ids and topic:
            # "In Donbas, by contrast, Ukrainian negotiators say they will not withdraw"
            issue_ids, mode = list(topic), "topic"
        if not issue_ids and rule.scope == "right" and rule.stance in ("REJECT", "ACCEPT") \
                and not text[cue.end:c1].strip(" .!\"”’") and cue.end - sent.start > 0 \
                and how == "left" and len(text[sent.start:cue.start].split()) <= 4:
            # "Kyiv refuses." answers what the text just said
            issue_ids, mode = list(state.focus), "ellipsis"
        if not issue_ids and re.match(
                r"\s*(?:(?:this|it|them)\b\s*(?-i:[a-z]+\s*){0,2}|that\s*)(?:[.,;:!?]|$)",
                text[lo:hi], re.IGNORECASE):
            issue_ids, mode = list(state.focus), "anaphor"
        if not issue_ids:
            ana = doc.within(doc.anaphors, lo, hi)
            if ana:
                earlier = [i.issue for i in issues if i.end <= ana[0].start
                           and not (lo <= i.start < hi)]
                issue_ids = list(dict.fromkeys(earlier)) or list(state.focus)
                kind = next((k for k, words in TYPED_ANAPHORS.items()
                             if re.search(words, ana[0].text, re.IGNORECASE)), None)
                if kind is not None:
                    # "such a freeze", "the withdrawal": the last issues of that kind
                    typed = [i for i in issue_ids if i.startswith(kind)]
                    if not typed:
                        typed = next(([i for i in past if i.startswith(kind)]
                                      for past in reversed(state.history)
                                      if any(i.startswith(kind) for i in past)), [])
                    issue_ids = typed
                mode = "anaphor"
        if not issue_ids and stance == "THREATEN":
            # "Russia will achieve its goals militarily": the threat is about the land in
            # question, the territorial issues the text has just been discussing
            issue_ids = next(([i for i in past if i.startswith("territory.")]
                              for past in reversed(state.history + [sentence_issues])
                              if any(i.startswith("territory.") for i in past)), [])
            mode = "focus"
        if "security.guarantees" in issue_ids and stance == "DEMAND" \
                and re.match(r"only (?:after|once)\b", cue.text, re.IGNORECASE):
            # "guarantees take effect only after the war ends": the order of guarantees and
            # settlement is what is demanded (as with "guarantees first")
            issue_ids = ["process.sequencing"] + [i for i in issue_ids
                                                  if i != "security.guarantees"]
        if not issue_ids:
            continue
        if rule.beyond and any(i in TERRITORY for i in issue_ids):
            issue_ids, mode = ["territory.other"], "beyond"
        conf = {"left": 0.8, "right": 0.8, "holder": 0.7}[how] - (0.15 if mode == "anaphor"
                                                                 else 0.0)
        for issue in issue_ids:
            option = "ru_claims" if mode == "beyond" else _option(doc, issue, lo, hi)
            st = "DEMAND" if issue in flipped else stance
            if st == "DEMAND" and issue == "process.summit" \
                    and not _CONDITION_CUE.search(cue.text):
                # calling for, urging or wanting a meeting puts one on the table; only a
                # condition on it ("only after the documents are agreed") is a demand
                st = "PROPOSE"
            for party in parties:
                emit(actor_m, issue, st, cue, holder, option,
                     f"{st.lower()}:{how}-actor:{rule.scope}-{mode}"
                     + ("-flipped" if issue in flipped else ""), conf, party)

    # A plan named as a party's ("the revised US peace plan", "Russia's memorandum") is that
    # party's framework proposal, whatever the sentence says about it.
    for m in actors:
        if m.kind != "document" or m.party is None or not _PLAN_WORD.search(m.text) \
                or (re.match(r"\s+(?:for|on)\s", text[m.end:m.end + 5])
                    and any(i.issue != "process.framework"
                            for i in doc.within(doc.issues, m.end, m.end + 30))) \
                or re.match(r"(?:its|their)\b(?!.*\bpeace\b)", m.text, re.IGNORECASE) \
                or not re.search(r"[A-Z0-9]", m.text[1:]):
            # ("the EU's plan to end oil imports" is no peace framework; a bare "the
            # memorandum" does not say whose it is)
            continue
        key = (m.party, "process.framework", "PROPOSE")
        if any(k[:2] == key[:2] for k in out) or "process.framework" not in doc.vocab.issue_ids:
            continue
        out[key] = ExtractedClaim(
            start=sent.start, end=sent.end, text=sent_text, actor=m.party,
            issue="process.framework", stance="PROPOSE",
            option=_option(doc, "process.framework", m.start, m.end),
            hedged=hedged_sentence, speaker=None, via=None, cue=m.text[:128], date=date,
            date_source=date_source, rule="propose:plan-mention", confidence=0.5)

    # Elaboration: "Under that framework, ..." / "X said these include ..." spells out the
    # proposal of the sentence before; its party and stance carry to the issues named here.
    if state.last_claims and doc.vocab.elaboration_regex is not None \
            and doc.vocab.elaboration_regex.search(sent_text):
        base = next((c for c in reversed(state.last_claims)
                     if c.stance in ("PROPOSE", "DEMAND") and not c.rule.endswith("-flipped")),
                    None)
        if base is not None:
            for i in issues:
                key = (base.actor, i.issue, base.stance)
                if key in out:
                    continue
                out[key] = ExtractedClaim(
                    start=sent.start, end=sent.end, text=sent_text, actor=base.actor,
                    issue=i.issue, stance=base.stance,
                    option=_option(doc, i.issue, sent.start, sent.end),
                    hedged=hedged_sentence or base.hedged, speaker=base.speaker, via=base.via,
                    cue=base.cue, date=date, date_source=date_source,
                    rule=f"{base.stance.lower()}:elaboration", confidence=0.6,
                )
    spoken = [f for f in frames if f.kind in ("verb", "phrase") and f.speaker.party is not None]
    if spoken:
        state.speaker = (sent.paragraph, spoken[-1])
    if not sent.heading:
        resolved = list(dict.fromkeys(sentence_issues + [c.issue for c in out.values()]))
        if resolved:
            state.focus = resolved
            state.history = (state.history + [resolved])[-6:]
    return list(out.values())
