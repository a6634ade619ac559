"""Passages: which sentences of one utterance each quote renders.

A cluster is one utterance, but its quotes are not all renderings of the same words: outlets
print all of it or only some of its sentences, split it around the attribution ("A," she said.
"B.") or cut it. Drift means something only between renderings of the same words, so each
cluster is cut into passages:
1. each quote is split into sentences;
2. a sentence links to its best match in each other quote of the cluster when that one has it as
   its best match too and the two are alike (as wholes, or one a cut of the other); the best
   links are taken first, and never so that two sentences of one quote become one;
3. linked sentences are one sentence of the utterance, and sentences that every quote prints
   together (no quote has one without the other) are one passage.
A quote belongs to the passage that holds most of its characters, and renders every passage
that one of its sentences is in.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from ..normalize import normalized
from ..scan import sentence_spans

# Two renderings of one sentence of an utterance (rapidfuzz, 0-100): the utterance is already
# known to be one, so this only has to tell its sentences apart.
SENTENCE_MATCH = 60.0
# ... and within one source (a fragment printed again in the full quote): a copy or a cut.
SAME_SOURCE_MATCH = 90.0
# A rendering shorter than this share of the other is compared as a cut of it (partial_ratio).
CUT_SHARE = 0.85


@dataclass(frozen=True)
class Passages:
    """The passages of one cluster's quotes.

    main: per quote, the passage holding most of its characters;
    covered: per quote, the passages it renders, in its text order;
    spans: per quote, {passage: [(start, end), ...]}: the sentences of the quote in each."""
    main: list[int]
    covered: list[list[int]]
    spans: list[dict[int, list[tuple[int, int]]]]
    count: int

    def rendering(self, texts: list[str], quote: int, passage: int) -> str:
        """The words of `passage` as `quote` prints them."""
        return " ".join(texts[quote][a:b] for a, b in self.spans[quote][passage])


def alike(a: str, b: str) -> float:
    """How alike two normalised renderings are over the part they share: as wholes (in any word
    order), or, when one is much shorter, as a cut of the other."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) < CUT_SHARE * max(len(a), len(b)):
        return fuzz.partial_ratio(a, b)
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


class Alike:
    """`alike`, remembered; `prime` scores many pairs at once in rapidfuzz's own loops, which is
    what keeps passages cheap at millions of quotes."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], float] = {}

    def __call__(self, a: str, b: str) -> float:
        key = (a, b) if a <= b else (b, a)
        score = self._known.get(key)
        if score is None:
            score = self._known[key] = alike(a, b)
        return score

    def prime(self, left: list[str], right: list[str], workers: int = -1) -> None:
        """Score the pairs (left[i], right[i]) as `alike` does, all at once."""
        if not left:
            return
        a, b = np.array(left, dtype=object), np.array(right, dtype=object)
        sizes_a = np.fromiter(map(len, left), int, len(left))
        sizes_b = np.fromiter(map(len, right), int, len(right))
        cut = np.minimum(sizes_a, sizes_b) < CUT_SHARE * np.maximum(sizes_a, sizes_b)
        score = np.zeros(len(left))
        if cut.any():
            score[cut] = process.cpdist(a[cut], b[cut], scorer=fuzz.partial_ratio, workers=workers)
        whole = ~cut
        if whole.any():
            score[whole] = np.maximum(
                process.cpdist(a[whole], b[whole], scorer=fuzz.ratio, workers=workers),
                process.cpdist(a[whole], b[whole], scorer=fuzz.token_sort_ratio, workers=workers))
        score[(sizes_a == 0) | (sizes_b == 0)] = 0.0
        for x, y, value in zip(left, right, score.tolist()):
            self._known[(x, y) if x <= y else (y, x)] = value


def find_passages(texts: list[str], sources: list, norms: list[str] | None = None,
                  scores: Alike | None = None) -> Passages:
    """The passages of the quotes `texts` of one cluster, printed by `sources` (in a fixed order:
    ties go to the first; `norms`: the texts normalised, when known). Two pieces of one source's
    quote are two passages unless one repeats the other."""
    norms = norms if norms is not None else [normalized(t) for t in texts]
    scores = scores or Alike()
    if len(texts) == 1 or len(set(norms)) == 1:
        return Passages(main=[0] * len(texts), covered=[[0]] * len(texts),
                        spans=[{0: [(0, len(t))]} for t in texts], count=1)
    sentences = [_sentences(t) for t in texts]
    owner = [q for q, s in enumerate(sentences) for _ in s]        # sentence -> its quote
    flat = [span for s in sentences for span in s]
    sentence_norms = [norms[q] if len(sentences[q]) == 1 else _normalized(texts[q][a:b])
                      for q, (a, b) in zip(owner, flat)]
    first = [0]
    for s in sentences:
        first.append(first[-1] + len(s))
    parent = list(range(len(flat)))
    quotes_of = [{q} for q in owner]                               # root -> quotes it spans

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, a, b in sorted(_links(sentence_norms, first, sources, scores)):
        ra, rb = root(a), root(b)
        if ra != rb and not quotes_of[ra] & quotes_of[rb]:
            parent[max(ra, rb)] = min(ra, rb)
            quotes_of[min(ra, rb)] |= quotes_of[max(ra, rb)]
    # sentences that every quote prints together are one passage
    printed_by = {r: frozenset(quotes_of[r]) for r in {root(x) for x in range(len(flat))}}
    number: dict[frozenset, int] = {}
    passage_of = [number.setdefault(printed_by[root(x)], len(number)) for x in range(len(flat))]
    main, covered, spans = [], [], []
    for q, s in enumerate(sentences):
        mine = passage_of[first[q]:first[q + 1]]
        by_passage: dict[int, list[tuple[int, int]]] = {}
        for p, span in zip(mine, s):
            by_passage.setdefault(p, []).append(span)
        covered.append(list(by_passage))
        spans.append(by_passage)
        main.append(max(by_passage, key=lambda p: (sum(b - a for a, b in by_passage[p]), -covered[-1].index(p))))
    return Passages(main=main, covered=covered, spans=spans, count=len(number))


@lru_cache(maxsize=1 << 16)
def _normalized(text: str) -> str:
    return normalized(text)


def _sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a quote that hold words (a lone mark joins the sentence before)."""
    out: list[tuple[int, int]] = []
    for a, b in sentence_spans(text, 0, len(text)):
        if out and not _normalized(text[a:b]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out or [(0, len(text))]


def _links(norms: list[str], first: list[int], sources: list, alike: Alike) -> list[tuple[float, int, int]]:
    """(-score, a, b) for each pair of sentences of two quotes that are each other's best match
    in the other quote and alike enough."""
    links = []
    if len(norms) == len(first) - 1:        # one sentence each: every pair is its own best match
        return [(-score, i, j) for i in range(len(norms)) for j in range(i + 1, len(norms))
                if (score := alike(norms[i], norms[j]))
                >= (SAME_SOURCE_MATCH if sources[i] == sources[j] else SENTENCE_MATCH)]
    for i in range(len(first) - 1):
        for j in range(i + 1, len(first) - 1):
            needed = SAME_SOURCE_MATCH if sources[i] == sources[j] else SENTENCE_MATCH
            mine, theirs = range(first[i], first[i + 1]), range(first[j], first[j + 1])
            score = {(a, b): alike(norms[a], norms[b]) for a in mine for b in theirs}
            best_of_mine = {a: max(theirs, key=lambda b: (score[a, b], -b)) for a in mine}
            best_of_theirs = {b: max(mine, key=lambda a: (score[a, b], -a)) for b in theirs}
            links.extend((-score[a, b], a, b) for a, b in best_of_mine.items()
                         if best_of_theirs[b] == a and score[a, b] >= needed)
    return links
