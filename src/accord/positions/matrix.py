"""From claims to a party x issue matrix, as of any date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from accord.positions.model import (
    STRENGTHS,
    Cell,
    ClaimRecord,
    Evidence,
    PositionMatrix,
    StanceGroup,
    polarity,
)
from accord.positions.weights import WeightBook, load_weights, weigh

# On equal weight, the more committal stance prevails (a demand says more than an offer).
_STANCE_ORDER = {"THREATEN": 4, "DEMAND": 3, "REJECT": 3, "PROPOSE": 2, "ACCEPT": 1}


def _options_meet(a: str | None, b: str | None) -> bool:
    # A claim naming no option speaks of the issue as a whole, so it meets every option.
    return a is None or b is None or a == b


def _same_outcome(stance: str, option: str | None, top: StanceGroup) -> bool:
    # With no option named on either side, accepting and demanding speak of different
    # outcomes ("no longer insists ... would accept freezing the line" after "demands
    # withdrawal"), so one does not back the other.
    if option is None and top.option is None and {stance, top.stance} == {"ACCEPT", "DEMAND"}:
        return False
    return _options_meet(option, top.option)


def _strongest(evidence: Iterable[Evidence]) -> str:
    return max((e.strength for e in evidence), key=STRENGTHS.index, default=STRENGTHS[0])


def build_cell(actor: str, issue: str, evidence: list[Evidence]) -> Cell:
    """One party's position on one issue from its weighed claims.

    The prevailing (stance, option) is the one with the most weight behind it (its own
    claims and those of the same stance naming no option); ties go to the later
    evidence, then to the more committal stance, then to a named option. ``score`` is the
    weight of the supporting claims, ``share`` their part of all the weight in the cell.
    """
    by_group: dict[tuple[str, str | None], list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_group[(e.claim.stance, e.claim.option)].append(e)
    groups = [
        StanceGroup(
            stance=s,
            option=o,
            score=sum(e.weight for e in ev),
            evidence=tuple(sorted(ev, key=lambda e: e.claim.id)),
        )
        for (s, o), ev in by_group.items()
    ]

    # A claim that names no option backs the named options of the same stance ("Moscow
    # insists Kyiv leave" next to "demands withdrawal from Donbas"), so the named option
    # prevails with their weight behind it.
    unnamed: dict[str, float] = defaultdict(float)
    for g in groups:
        if g.option is None:
            unnamed[g.stance] += g.score

    def backing(g: StanceGroup) -> float:
        return g.score + (unnamed[g.stance] if g.option is not None else 0.0)

    def rank(g: StanceGroup) -> tuple:
        latest = max((e.claim.date for e in g.evidence if e.claim.date), default=dt.date.min)
        return (round(backing(g), 9), latest, _STANCE_ORDER[g.stance], g.option is not None)

    groups.sort(key=rank, reverse=True)
    top = groups[0]
    sign = polarity(top.stance)
    supporting, contradicting, other = [], [], []
    for e in sorted(evidence, key=lambda e: (e.claim.date or dt.date.min, e.claim.id)):
        same_side = polarity(e.claim.stance) == sign
        if same_side and _same_outcome(e.claim.stance, e.claim.option, top):
            supporting.append(e)
        elif not same_side and e.claim.option == top.option:
            contradicting.append(e)
        else:
            # e.g. "troops must leave Enerhodar" (no option) next to "rejects Russian
            # control": another side of the issue, not a contradiction.
            other.append(e)
    total = sum(g.score for g in groups)
    # Strength comes from the prevailing group's own words, not from the weaker allies.
    strength = _strongest(top.evidence)
    sources = sorted({e.claim.source for e in evidence})
    counted = [e for e in supporting if e.weight > 0]  # syndicated copies weigh 0
    support_sources = {e.claim.source for e in counted}
    partisan = {e.partisan for e in counted}
    single = None
    if len(support_sources) == 1 and len(partisan) == 1 and None not in partisan:
        single = partisan.pop()
    dates = [e.claim.date for e in evidence if e.claim.date]
    return Cell(
        actor=actor,
        issue=issue,
        stance=top.stance,
        option=top.option,
        strength=strength,
        score=sum(e.weight for e in supporting),
        share=sum(e.weight for e in supporting) / total if total > 0 else 0.0,
        supporting=tuple(supporting),
        contradicting=tuple(contradicting),
        other=tuple(other),
        groups=tuple(groups),
        sources=tuple(sources),
        latest=max(dates) if dates else None,
        single_partisan_source=single,
    )


def syndicated_repeats(claims: Iterable[ClaimRecord]) -> dict[int, int]:
    """Claims of a syndicated copy that repeat a claim of the document copied: id -> id.

    >>> a = ClaimRecord(1, "a", 1, 0, 1, "x", "RUS", "znpp", None, "REJECT")
    >>> b = ClaimRecord(2, "b", 2, 0, 1, "x", "RUS", "znpp", None, "REJECT", copy_of=1)
    >>> syndicated_repeats([a, b])
    {2: 1}
    """
    claims = list(claims)
    first: dict[tuple[int, tuple], int] = {}
    for c in claims:
        first.setdefault((c.document_id, c.key), c.id)
    return {
        c.id: first[(c.copy_of, c.key)]
        for c in claims
        if c.copy_of is not None and (c.copy_of, c.key) in first
    }


def build_matrix(
    claims: Iterable[ClaimRecord],
    as_of: dt.date | None = None,
    book: WeightBook | None = None,
) -> PositionMatrix:
    """The party x issue matrix on the claims known on ``as_of`` (all claims when None).

    With ``as_of``, claims dated later are left out, and so are undated ones (they cannot be
    placed in time; their number is reported). Weights fade with age from ``as_of``, or
    from the latest claim's date when ``as_of`` is None.

    >>> from accord.positions.model import ClaimRecord
    >>> c = ClaimRecord(1, "a.txt", 1, 0, 4, "text", "RUS", "territory.donbas",
    ...                 "ua_withdraws", "DEMAND", date=dt.date(2026, 2, 6))
    >>> build_matrix([c]).get("RUS", "territory.donbas").label
    'DEMAND ua_withdraws'
    """
    book = book or load_weights()
    kept: list[ClaimRecord] = []
    undated = 0
    for c in claims:
        if as_of is not None:
            if c.date is None:
                undated += 1
                continue
            if c.date > as_of:
                continue
        kept.append(c)
    ref = as_of or max((c.date for c in kept if c.date), default=None)
    originals = syndicated_repeats(kept)
    per_cell: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for c in kept:
        per_cell[(c.actor, c.issue)].append(weigh(c, ref, book, originals.get(c.id)))
    cells = {key: build_cell(key[0], key[1], ev) for key, ev in per_cell.items()}
    return PositionMatrix(
        as_of=as_of,
        cells=cells,
        claims_used=len(kept),
        undated_left_out=undated,
        weights=book.as_dict(),
    )



def matrix_history(
    claims: Iterable[ClaimRecord], dates: Iterable[dt.date], book: WeightBook | None = None
) -> list[PositionMatrix]:
    """The matrix as of each of ``dates`` (in the order given): positions over time.

    >>> c = ClaimRecord(1, "a.txt", 1, 0, 4, "text", "RUS", "znpp", "ru_control", "DEMAND",
    ...                 date=dt.date(2026, 2, 6))
    >>> [len(m.cells) for m in matrix_history([c], [dt.date(2026, 1, 31),
    ...                                              dt.date(2026, 2, 28)])]
    [0, 1]
    """
    claims = list(claims)
    book = book or load_weights()
    return [build_matrix(claims, as_of=d, book=book) for d in dates]
