"""Claim extraction: a party's stance on an issue, who said it, via whom, when, and where.

Public pieces: :func:`extract_claims` (text -> claims, pure), :func:`load_vocab`
(vocabularies as data), :func:`extract_store` / :func:`list_claims` (the store),
:func:`load_gold` / :func:`score` (evaluation), :class:`LLMExtractor` (optional); the
learned stance classifier in :mod:`accord.extract.classifier` and its training in
:mod:`accord.extract.training`.

>>> [(c.actor, c.issue, c.stance) for c in extract_claims("Kyiv rejects the 28-point plan.")]
[('UKR', 'process.framework', 'REJECT'), ('USA', 'process.framework', 'PROPOSE')]
"""

from accord.extract.evaluate import EvalResult, GoldClaim, load_gold, score
from accord.extract.llm import Extractor, LLMExtractor, RuleExtractor
from accord.extract.pipeline import ExtractedClaim, extract_claims
from accord.extract.store import ClaimRecord, ExtractReport, extract_store, list_claims
from accord.extract.vocab import STANCES, Vocab, load_vocab

__all__ = [
    "STANCES",
    "ClaimRecord",
    "EvalResult",
    "ExtractReport",
    "ExtractedClaim",
    "Extractor",
    "GoldClaim",
    "LLMExtractor",
    "RuleExtractor",
    "Vocab",
    "extract_claims",
    "extract_store",
    "list_claims",
    "load_gold",
    "load_vocab",
    "score",
]
