"""Fast matching of many word-bounded patterns: dispatch on the first two letters of a word.

A long alternation of patterns is slow in Python's ``re`` because every alternative is tried
at every word start. Here each pattern is filed under the two letters it can begin with
(read from the parsed pattern; one letter when the second cannot be read), and at each word
start only the patterns for the text's next two letters are tried, anchored with
``match``. Most words start with a pair no pattern begins with and cost one dictionary
lookup. Patterns whose first letter cannot be read are tried at every word start.

>>> fm = FirstLetterIndex(["demand(?:s|ed)?", "insist(?:s|ed)? on", "(?:re|ob)jects?"], True)
>>> [(s, e, i) for s, e, i in fm.finditer("Russia demands and rejects; it insists on X.")]
[(7, 14, 0), (19, 26, 2), (31, 41, 1)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # Python 3.11+
    from re import _constants as sre_c  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_WORD_START = re.compile(r"(?<![\w-])\w")


_OPEN = "\0"  # marks a prefix after which anything may follow


def _prefixes(items: list, ignore_case: bool, n: int) -> set[str] | None:
    """Possible first ``n`` characters of a parsed pattern (None: cannot tell).

    A string shorter than ``n`` (after dropping the open mark) means any character may
    follow it: the pattern may end there or continue in a way not worked out here.
    """
    results = {""}
    for op, av in items:
        if all(len(r) >= n or r.endswith(_OPEN) for r in results):
            break
        if op is sre_c.AT or op is sre_c.ASSERT or op is sre_c.ASSERT_NOT:
            continue
        opts = _element(op, av, ignore_case, n)
        if opts is None:
            if "" in results:
                return None
            return {r if len(r) >= n or r.endswith(_OPEN) else r + _OPEN for r in results}
        grown = set()
        for r in results:
            if len(r) >= n or r.endswith(_OPEN):
                grown.add(r)
                continue
            for o in opts:
                grown.add((r + o)[:n])
        results = grown
    return results


def _element(op: object, av: object, ignore_case: bool, n: int) -> set[str] | None:
    """Prefixes one pattern element can contribute ("" if it can be empty)."""
    def case(ch: str) -> str:
        return ch.lower() if ignore_case else ch

    if op is sre_c.LITERAL:
        return {case(chr(av))}  # type: ignore[arg-type]
    if op is sre_c.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:  # type: ignore[union-attr]
            if sub_op is sre_c.LITERAL:
                chars.add(case(chr(sub_av)))
            elif sub_op is sre_c.RANGE and sub_av[1] - sub_av[0] < 80:
                chars |= {case(chr(c)) for c in range(sub_av[0], sub_av[1] + 1)}
            elif sub_op is sre_c.CATEGORY and sub_av is sre_c.CATEGORY_DIGIT:
                chars |= set("0123456789")
            else:
                return None
        return chars
    if op is sre_c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            got = _prefixes(list(branch), ignore_case, n)
            if got is None:
                return None
            out |= got
        return out
    if op is sre_c.SUBPATTERN:
        return _prefixes(list(av[-1]), ignore_case, n)  # type: ignore[index]
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, sub = av  # type: ignore[misc]
        got = _prefixes(list(sub), ignore_case, n)
        if got is None:
            return None
        if high != 1:  # a repeat may go on: nothing after its first pass is known
            got = {g if len(g) >= n or g.endswith(_OPEN) else g + _OPEN for g in got}
        return got | ({""} if low == 0 else set())
    return None


class FirstLetterIndex:
    """Word-bounded matches of many patterns; yields (start, end, pattern index).

    Each pattern is filed under the first two characters it can begin with (or the first
    one, when the second cannot be read); at each word start only the patterns filed under
    the text's next two characters are tried, behind one combined gate per pair.
    """

    def __init__(self, patterns: list[str], ignore_case: bool) -> None:
        flags = re.IGNORECASE if ignore_case else 0
        self.ignore_case = ignore_case
        self.patterns = patterns
        self.flags = flags
        self.regexes = [re.compile(f"(?:{p})(?![\\w])", flags) for p in patterns]
        self.by_pair: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        for i, p in enumerate(patterns):
            try:
                parsed = list(sre_parse.parse(p, flags))
            except re.error:
                parsed = None
            pre = _prefixes(parsed, ignore_case, 2) if parsed is not None else None
            if pre is None or any(not q.replace(_OPEN, "") for q in pre):
                self.anywhere.append(i)
                continue
            for q in pre:
                q = q.replace(_OPEN, "")
                if len(q) >= 2:
                    self.by_pair.setdefault(q[:2], []).append(i)
                else:
                    self.by_first.setdefault(q, []).append(i)
        firsts = {k[0] for k in self.by_pair} | set(self.by_first)
        if ignore_case:
            firsts |= {c.upper() for c in firsts}
        letters = "".join(sorted(re.escape(ch) for ch in firsts))
        self.starts = _WORD_START if self.anywhere or not letters else re.compile(
            rf"(?<![\w-])[{letters}]")
        self._gates: dict[str, tuple[list[int], re.Pattern[str] | None]] = {}

    def _gate(self, key: str) -> tuple[list[int], re.Pattern[str] | None]:
        got = self._gates.get(key)
        if got is None:
            idx = sorted(set(self.by_pair.get(key, ())) | set(self.by_first.get(key[:1], ()))
                         | set(self.anywhere))
            gate = re.compile("|".join(f"(?:{self.patterns[i]})(?![\\w])" for i in idx),
                              self.flags) if idx else None
            got = self._gates[key] = (idx, gate)
        return got

    def finditer(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Every match starting at a word start (overlapping matches included)."""
        lower = text.lower() if self.ignore_case else text
        if len(lower) != len(text):  # a few letters lower to two ("İ"): keep offsets aligned
            lower = "".join(ch.lower()[:1] for ch in text)
        for w in self.starts.finditer(text):
            pos = w.start()
            idx, gate = self._gate(lower[pos:pos + 2])
            if gate is None or gate.match(text, pos) is None:
                continue
            for i in idx:
                m = self.regexes[i].match(text, pos)
                if m is not None:
                    yield pos, m.end(), i
