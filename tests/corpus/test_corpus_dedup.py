"""Identity and near-duplicates: syndicated copies are linked, different stories are not."""

from __future__ import annotations

import random
from pathlib import Path

from accord.corpus import ingest, list_documents
from accord.corpus.dedup import (
    NEAR_DUPLICATE_JACCARD,
    band_keys,
    content_hash,
    jaccard,
    minhash,
    shingles,
)


def _syndicate(text: str, rng: random.Random) -> str:
    """A second outlet's copy: new headline, one sentence reworded, a few words changed."""
    lines = [x for x in text.split("\n") if x.strip()]
    lines[0] = "Syndicated: " + lines[0].lower()
    k = rng.randrange(1, len(lines))
    lines[k] = lines[k].replace(" said", " told reporters", 1).replace(" the ", " this ", 2)
    return "\n\n".join([*lines, "Published with permission of the original outlet."])


def test_content_hash_is_of_the_text():
    assert content_hash("a") != content_hash("a ")
    assert len(content_hash("Kyiv")) == 64


def test_minhash_estimates_jaccard(seeds: Path):
    a = shingles(next(seeds.glob("000_*")).read_text(encoding="utf-8"))
    b = set(sorted(a)[: len(a) * 2 // 3])  # J = 2/3 (sorted: a set's order varies per run)
    estimate = (minhash(a) == minhash(b)).mean()
    assert abs(estimate - jaccard(a, b)) < 0.12
    assert band_keys("same text here for both") == band_keys("same text here for both")


def test_syndicated_copies_are_linked_and_other_stories_are_not(engine, seeds: Path, tmp_path):
    rng = random.Random(7)
    ingest(engine, [seeds])
    for src in sorted(seeds.iterdir())[:3]:
        (tmp_path / f"copy_{src.name}").write_text(
            _syndicate(src.read_text(encoding="utf-8"), rng), encoding="utf-8"
        )
    report = ingest(engine, [tmp_path])
    assert len(report.added) == 3 and len(report.near_duplicates) == 3
    docs = {d.file: d for d in list_documents(engine)}
    for src in sorted(seeds.iterdir())[:3]:
        copy = docs[f"copy_{src.name}"]
        assert copy.near_duplicate_of == docs[src.name].id
        assert NEAR_DUPLICATE_JACCARD <= copy.similarity < 1
    # The five seeds are five different stories: none is linked to another.
    assert all(docs[p.name].near_duplicate_of is None for p in seeds.iterdir())


def test_unrelated_seed_pairs_are_far_below_the_threshold(seeds: Path):
    sets = [shingles(p.read_text(encoding="utf-8")) for p in sorted(seeds.iterdir())]
    worst = max(jaccard(a, b) for i, a in enumerate(sets) for b in sets[i + 1 :])
    assert worst < 0.1
