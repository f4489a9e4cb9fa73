"""Optional extractor backed by a language model on an OpenAI-compatible server the user runs.

Off by default and never needed: the rule pipeline stands on its own. When a user points
``accord extract --llm-url http://localhost:8000/v1`` at a local server, each document is
sent with the project's identifiers, and the model's answer is checked like any input:
unknown ids are dropped, and a claim is kept only if its evidence occurs verbatim in the
text, so that ``text[start:end] == claim.text`` still holds. Nothing is downloaded.

>>> fake = lambda url, body, timeout: {"choices": [{"message": {"content":
...     '[{"actor": "RUS", "issue": "znpp", "stance": "REJECT", "evidence": "Moscow refuses"}]'}}]}
>>> ex = LLMExtractor("http://localhost:1/v1", "m", transport=fake)
>>> [(c.actor, c.issue, c.stance, c.start) for c in ex.extract("Moscow refuses.", None)]
[('RUS', 'znpp', 'REJECT', 0)]
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any, Protocol

from accord.errors import AccordError
from accord.extract.classifier import StanceModel
from accord.extract.pipeline import ExtractedClaim, extract_claims
from accord.extract.vocab import STANCES, Vocab, load_vocab

Transport = Callable[[str, dict[str, Any], float], dict[str, Any]]


class Extractor(Protocol):
    """Anything that turns a document's text and date into claims."""

    def extract(self, text: str, date: dt.date | None) -> list[ExtractedClaim]: ...


class RuleExtractor:
    """The default: the rule pipeline of :mod:`accord.extract.pipeline` and its classifier."""

    def __init__(self, vocab: Vocab | None = None, *, learned: bool = True,
                 model: StanceModel | None = None) -> None:
        self.vocab = vocab or load_vocab()
        self.learned = learned  # False: the rules alone, without the stance classifier
        self.model = model

    def extract(self, text: str, date: dt.date | None) -> list[ExtractedClaim]:
        return extract_claims(text, date, self.vocab, learned=self.learned, model=self.model)


def _post_json(url: str, body: dict[str, Any], timeout: float) -> dict[str, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json"}, method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, json.JSONDecodeError) as exc:
        raise AccordError(f"{url}: language-model server did not answer usefully ({exc})") from exc


class LLMExtractor:
    """Claims from a chat-completions endpoint (``{base_url}/chat/completions``)."""

    def __init__(self, base_url: str, model: str, *, vocab: Vocab | None = None,
                 timeout: float = 120.0, transport: Transport | None = None) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise AccordError(f"--llm-url {base_url!r}: expected an http(s) URL")
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.vocab = vocab or load_vocab()
        self.timeout = timeout
        self.transport = transport or _post_json

    def prompt(self) -> str:
        v = self.vocab
        return (
            "Extract negotiation claims from the news text. A claim is a party's stance on an "
            "issue, attributed in the text. Answer with a JSON array only; each item has "
            "actor, issue, stance, option (or null), hedged (true/false), speaker (or null), "
            "evidence (an exact quotation from the text, one sentence at most).\n"
            f"actor ids: {', '.join(v.party_ids)} (news outlets are never actors)\n"
            f"issue ids: {', '.join(v.issue_ids)}\n"
            f"stances: {', '.join(STANCES)}"
        )

    def extract(self, text: str, date: dt.date | None) -> list[ExtractedClaim]:
        body = {"model": self.model, "temperature": 0,
                "messages": [{"role": "system", "content": self.prompt()},
                             {"role": "user", "content": text}]}
        answer = self.transport(self.url, body, self.timeout)
        try:
            content = answer["choices"][0]["message"]["content"]
            items = json.loads(content[content.index("["):content.rindex("]") + 1])
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise AccordError(f"{self.url}: answer is not a JSON array of claims") from exc
        out: list[ExtractedClaim] = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            actor, issue, stance = item.get("actor"), item.get("issue"), item.get("stance")
            evidence = item.get("evidence") or ""
            if actor not in self.vocab.party_ids or issue not in self.vocab.issue_ids \
                    or stance not in STANCES or not evidence:
                continue
            start = text.find(evidence)
            if start < 0:  # the evidence must be the document's own characters
                continue
            option = item.get("option")
            options = {o for o, _ in self.vocab.option_regex.get(issue, [])}
            out.append(ExtractedClaim(
                start=start, end=start + len(evidence), text=evidence, actor=actor,
                issue=issue, stance=stance, option=option if option in options else None,
                hedged=bool(item.get("hedged")), speaker=item.get("speaker") or None, via=None,
                cue=evidence[:128], date=date, date_source="document" if date else None,
                rule=f"llm:{self.model}", confidence=0.5,
            ))
        return out
