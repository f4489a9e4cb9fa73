"""Fast matching of many word-bounded patterns: dispatch on the first letter of each word.

A long alternation of patterns is slow in Python's ``re`` because every alternative is tried
at every word start. Here each pattern is filed under the letters it can begin with (read
from the parsed pattern), and at each word start only the patterns for that letter are
tried, anchored with ``match``. Patterns whose first letter cannot be read are tried at
every word start.

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


def _first(items: list, ignore_case: bool) -> set[str] | None:
    """Possible first characters of a parsed pattern (None: cannot tell)."""
    out: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            ch = chr(av)
            out |= {ch.lower(), ch.upper()} if ignore_case else {ch}
            return out
        if op is sre_c.IN:
            for sub_op, sub_av in av:
                if sub_op is sre_c.LITERAL:
                    ch = chr(sub_av)
                    out |= {ch.lower(), ch.upper()} if ignore_case else {ch}
                elif sub_op is sre_c.CATEGORY and sub_av is sre_c.CATEGORY_DIGIT:
                    out |= set("0123456789")
                elif sub_op is sre_c.RANGE:
                    lo, hi = sub_av
                    chars = {chr(c) for c in range(lo, hi + 1)}
                    out |= {c for ch in chars for c in (ch.lower(), ch.upper())} \
                        if ignore_case else chars
                else:
                    return None
            return out
        if op is sre_c.BRANCH:
            for branch in av[1]:
                got = _first(list(branch), ignore_case)
                if got is None:
                    return None
                out |= got
            return out
        if op is sre_c.SUBPATTERN:
            got = _first(list(av[-1]), ignore_case)
            if got is None:
                return None
            return out | got
        if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            low, _high, sub = av
            got = _first(list(sub), ignore_case)
            if got is None:
                return None
            out |= got
            if low >= 1:
                return out
            continue  # optional: the next item may also start the match
        if op is sre_c.AT or op is sre_c.ASSERT or op is sre_c.ASSERT_NOT:
            continue
        return None
    return None


def first_letters(pattern: str, ignore_case: bool) -> set[str] | None:
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return None
    return _first(list(parsed), ignore_case)


class FirstLetterIndex:
    """Word-bounded matches of many patterns; yields (start, end, pattern index)."""

    def __init__(self, patterns: list[str], ignore_case: bool) -> None:
        flags = re.IGNORECASE if ignore_case else 0
        self.regexes = [re.compile(f"(?:{p})(?![\\w])", flags) for p in patterns]
        self.by_letter: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        for i, p in enumerate(patterns):
            letters = first_letters(p, ignore_case)
            if letters is None:
                self.anywhere.append(i)
            else:
                for ch in letters:
                    self.by_letter.setdefault(ch, []).append(i)
        for ch in list(self.by_letter):
            self.by_letter[ch] = sorted(set(self.by_letter[ch]) | set(self.anywhere))
        # one combined pattern per letter answers "anything here?" in a single call; the
        # single patterns run only where it says yes (a few words in a hundred)
        self.gate: dict[str, re.Pattern[str]] = {
            ch: re.compile("|".join(f"(?:{patterns[i]})(?![\\w])" for i in idx), flags)
            for ch, idx in self.by_letter.items()
        }
        self.gate_anywhere = re.compile(
            "|".join(f"(?:{patterns[i]})(?![\\w])" for i in self.anywhere) or r"(?!x)x", flags)
        # only word starts whose first letter some pattern can begin with (a small index
        # then skips most words without a Python-level step)
        letters = "".join(sorted(re.escape(ch) for ch in self.by_letter))
        self.starts = _WORD_START if self.anywhere or not letters else re.compile(
            rf"(?<![\w-])[{letters}]")

    def finditer(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Every match starting at a word start (overlapping matches included)."""
        for w in self.starts.finditer(text):
            pos = w.start()
            gate = self.gate.get(text[pos], self.gate_anywhere)
            if gate.match(text, pos) is None:
                continue
            for i in self.by_letter.get(text[pos], self.anywhere):
                m = self.regexes[i].match(text, pos)
                if m is not None:
                    yield pos, m.end(), i
