"""The rules alone, for the tests of rule behaviour.

The learned stance classifier has its own tests (``test_classifier.py``); left on here it
would make every expected-and-absent case depend on the last retrained model.
"""

from __future__ import annotations

import datetime as dt

from accord.extract.pipeline import ExtractedClaim, extract_claims
from accord.extract.vocab import Vocab


def rule_claims(text: str, date: dt.date | None = None,
                vocab: Vocab | None = None) -> list[ExtractedClaim]:
    return extract_claims(text, date, vocab, learned=False)


def rule_keys(text: str, date: dt.date | None = None) -> set[tuple[str, str, str]]:
    return {(c.actor, c.issue, c.stance) for c in rule_claims(text, date)}
