"""Extraction speed: documents per second on a generated corpus, one core.

Generates N news-length documents (default 2,000, about 650 words each) from sentence
templates that mix stance sentences with filler, then times the rule pipeline
(``extract_claims``) over them in this process only.

    .venv/bin/python benchmarks/extract_bench.py [--docs 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from accord.extract.pipeline import extract_claims
from accord.extract.vocab import load_vocab

SUBJECTS = ["Russia", "Ukraine", "Moscow", "Kyiv", "The Kremlin", "Zelensky", "Lavrov",
            "Peskov", "Umerov", "Rubio", "Witkoff", "The White House", "European leaders",
            "Macron", "Starmer", "NATO", "Sybiha", "The Russian side", "The Ukrainian delegation"]
CUES = ["demands", "insists on", "rejects", "proposed", "is ready to accept", "called for",
        "will never accept", "would not object to", "refused to discuss", "wants"]
ISSUES = ["the withdrawal of Ukrainian forces from Donbas", "security guarantees for Ukraine",
          "an immediate ceasefire along the line of contact", "the lifting of sanctions",
          "a prisoner exchange of all for all", "neutral status for Ukraine",
          "control of the Zaporizhzhia nuclear power plant", "a summit in Istanbul",
          "elections within 100 days", "the deployment of European troops",
          "official status for the Russian language", "EU membership for Ukraine"]
FRAMES = ["{s} {c} {i}.", "{s} said on Tuesday that it {c} {i}.",
          "According to a source cited by TASS, {s} reportedly {c} {i}.",
          '"We {c} {i}," {s} told reporters.', "{s} {c} {i}, while {s2} {c2} {i2}."]
FILLER = ["The talks in Geneva lasted two days and ended without a joint statement.",
          "Delegations met in a hotel near the lake under tight security.",
          "Officials gave few details about the schedule of the next round.",
          "Fighting continued along the front while the diplomats met.",
          "Analysts said the gap between the parties remained wide.",
          "Markets reacted calmly to the news from the negotiations.",
          "The meeting was the third of its kind this year.",
          "Journalists waited outside for several hours for any comment."]


def make_document(rng: random.Random) -> str:
    paragraphs = [f"Talks round-up {rng.randint(1, 999)}"]
    words = 0
    while words < 650:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            if rng.random() < 0.45:
                frame = rng.choice(FRAMES)
                s = frame.format(s=rng.choice(SUBJECTS), c=rng.choice(CUES), i=rng.choice(ISSUES),
                                 s2=rng.choice(SUBJECTS), c2=rng.choice(CUES),
                                 i2=rng.choice(ISSUES))
            else:
                s = rng.choice(FILLER)
            sentences.append(s)
            words += len(s.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rules-only", action="store_true",
                        help="without the learned stance classifier")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    docs = [make_document(rng) for _ in range(args.docs)]
    words = sum(len(d.split()) for d in docs)
    vocab = load_vocab()
    learned = not args.rules_only
    # warm-up: spaCy, regex caches and the model file
    extract_claims(docs[0], dt.date(2026, 2, 1), vocab, learned=learned)
    start, cpu_start = time.perf_counter(), time.process_time()
    claims = 0
    for d in docs:
        claims += len(extract_claims(d, dt.date(2026, 2, 1), vocab, learned=learned))
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print("rules only" if args.rules_only else "rules and the learned stance classifier")
    print(f"documents: {len(docs)}  words: {words} (mean {words / len(docs):.0f})")
    print(f"claims: {claims}  ({claims / len(docs):.1f} per document)")
    print(f"wall time: {elapsed:.2f} s  ->  {len(docs) / elapsed:.1f} documents/s, "
          f"{words / elapsed:,.0f} words/s (one process, one core)")
    # CPU time of this process: the figure that does not depend on other load on the machine
    print(f"CPU time:  {cpu:.2f} s  ->  {len(docs) / cpu:.1f} documents/s")


if __name__ == "__main__":
    main()
