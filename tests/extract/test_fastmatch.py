"""The two-letter index finds exactly what trying every pattern at every word start finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.extract.fastmatch import FirstLetterIndex
from accord.extract.vocab import load_vocab

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "accord" / "data" / "sample_corpus"


def _brute(index: FirstLetterIndex, text: str) -> list[tuple[int, int, int]]:
    out = []
    for w in re.finditer(r"(?<![\w-])\w", text):
        for i, rx in enumerate(index.regexes):
            m = rx.match(text, w.start())
            if m is not None:
                out.append((w.start(), m.end(), i))
    return sorted(out)


def _texts() -> list[str]:
    files = sorted(SAMPLE.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else [])
    return [f.read_text(encoding="utf-8") for f in files][:8]


@pytest.mark.parametrize("name", ["issue_index", "cue_index", "name_index", "group_index",
                                  "negator_index", "hedge_index", "anaphor_index"])
def test_index_equals_brute_force_on_news_text(name: str) -> None:
    index = getattr(load_vocab(), name)
    for text in _texts():
        assert sorted(index.finditer(text)) == _brute(index, text)


def test_prefixes_of_optional_repeated_and_alternative_starts() -> None:
    fm = FirstLetterIndex([r"\d{2,3}(?:,000| 000) troops", r"(?:re|ob)jects?", "a?bc",
                           "[Kk]yiv", "x"], True)
    text = "Kyiv rejects 50,000 troops and bc, x and abc; Russia objects."
    assert sorted(fm.finditer(text)) == _brute(fm, text)
    assert len(list(fm.finditer(text))) == 7


def test_letters_that_lower_to_two_keep_offsets() -> None:
    fm = FirstLetterIndex(["kyiv", "demands?", "istanbul"], True)
    text = "İstanbul talks: Kyiv demands, İİ Istanbul."
    found = list(fm.finditer(text))
    # lowering the whole text would shift every offset after an "İ" by one
    assert (16, 20, 0) in found and (21, 28, 1) in found and (33, 41, 2) in found
