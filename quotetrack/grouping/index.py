"""The word index of a set of wordings: candidate pairs without comparing all pairs, and how rare
each word is in the corpus, so that shared words can be weighed as evidence.

Features are held as integer codes, never as strings; joins are vectorised and chunked so memory
stays bounded at millions of quotes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..constants import STOPWORDS
from ..normalize import content_words

# Until a corpus holds this many distinct wordings it cannot tell a common word from a rare one:
# every word is weighed as if it had been seen in a corpus of this size.
RARITY_FLOOR = 1000
# A content word in at most this many wordings is enough to compare two quotes of one speaker.
SPEAKER_WORD_DF = 50
# How many of a quote's rarest words find its candidates, and how common a word may be to serve.
ANCHORS = 4
MAX_DF = 200


@dataclass(frozen=True)
class WordIndex:
    """One entry per (wording, feature), sorted by wording then feature code.

    Features: the content words of a wording (or all its words when it has none) and its word
    pairs. `is_word` marks the codes that are content words; codes from `first_pair` on are
    word pairs."""
    unit: np.ndarray        # entry -> wording
    code: np.ndarray        # entry -> feature code
    df: np.ndarray          # code -> number of wordings holding it
    is_word: np.ndarray     # code -> a content word
    n_units: int
    first_pair: int

    def rarity(self, pairs: bool = False) -> np.ndarray:
        """code -> how rare the content word is, in [0, 1]: (1 - log(1 + df) / log(1 + N))²
        where df of the N wordings hold it. Squared, so that one rare word tells more than two
        common ones (`dictator` more than `we'll see`). Stop words weigh 0, and so do word pairs,
        unless `pairs`: then only word pairs weigh (the same words in the same order)."""
        weighed = np.arange(len(self.df)) >= self.first_pair if pairs else self.is_word
        return np.where(weighed, feature_rarity(self.df, self.n_units), 0.0)

    def unit_rarity(self, rarity: np.ndarray) -> np.ndarray:
        """wording -> the summed rarity of its content words (how distinctive it is on its own)."""
        return np.bincount(self.unit, rarity[self.code], self.n_units)

    def shared_rarity(self, rarity: np.ndarray, left: np.ndarray, right: np.ndarray,
                      *more: np.ndarray, chunk: int = 2_000_000):
        """The summed rarity of the features that both wordings of each pair hold; with `more`
        rarities, one such sum for each (a tuple), in one pass over the entries."""
        weights = (rarity, *more)
        out = [np.zeros(len(left)) for _ in weights]
        if len(left):
            vocab = len(self.df)
            keys = self.unit * vocab + self.code          # sorted, as the entries are
            weighed = np.logical_or.reduce([w[self.code] > 0 for w in weights])
            starts = np.searchsorted(self.unit, np.arange(self.n_units + 1))
            counts = np.diff(starts)
            done = 0
            while done < len(left):
                # a slice of pairs whose left wordings hold about `chunk` entries in all
                stop = done + max(1, int(np.searchsorted(np.cumsum(counts[left[done:]]), chunk)))
                a, b = left[done:stop], right[done:stop]
                n = counts[a]
                pair = np.repeat(np.arange(len(a)), n)
                entry = np.repeat(starts[a] - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
                keep = weighed[entry]
                pair, entry = pair[keep], entry[keep]
                wanted = b[pair] * vocab + self.code[entry]
                found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
                hit = keys[found] == wanted
                for total, w in zip(out, weights):
                    total[done:stop] = np.bincount(pair[hit], w[self.code[entry[hit]]], len(a))
                done = stop
        return out[0] if not more else tuple(out)


def feature_rarity(df: np.ndarray, n_units: int) -> np.ndarray:
    """How rare features held by `df` of `n_units` wordings are: (1 - log(1 + df) / log(1 + N))²,
    N counted as at least RARITY_FLOOR."""
    scale = math.log1p(max(n_units, RARITY_FLOOR))
    return np.clip(1.0 - np.log1p(df) / scale, 0.0, 1.0) ** 2


@dataclass(frozen=True)
class Tokens:
    """Every word of a list of texts, in order: its code in `vocabulary`, the text it is in
    (`owner`), whether it is a single feature (a content word, or any word of a text that has
    none) and whether the next word is of the same text (`follows`: a word pair starts there).
    `telling`: per word of the vocabulary, whether it is a content word."""
    token: np.ndarray
    vocabulary: np.ndarray
    telling: np.ndarray
    owner: np.ndarray
    single: np.ndarray
    follows: np.ndarray


def tokens(texts: list[str], telling=None) -> Tokens | None:
    """The words of the normalised `texts` (words separated by single spaces); None when there
    are none. `telling`: the test of a content word (a cached one, for many calls)."""
    n = len(texts)
    lengths = np.fromiter((t.count(" ") + 1 if t else 0 for t in texts), dtype=np.int64, count=n)
    if lengths.sum() == 0:
        return None
    # one split of one string: millions of small lists would keep the garbage collector busy
    words = np.array(" ".join(t for t in texts if t).split(" "), dtype=object)
    token, vocabulary = pd.factorize(words)
    del words
    token = token.astype(np.int64)
    content = np.fromiter(map(telling or is_telling, vocabulary), dtype=bool, count=len(vocabulary))
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    # single words: the content words, or every word of a wording that has none
    has_word = np.bincount(owner, content[token], n) > 0
    return Tokens(token=token, vocabulary=vocabulary, telling=content, owner=owner,
                  single=content[token] | ~has_word[owner],
                  follows=np.r_[owner[1:] == owner[:-1], False])   # adjacent pairs within one wording


def word_index(texts: list[str]) -> WordIndex:
    """Index the normalised wordings `texts` (words separated by single spaces).

    Features: each wording's content words (all its words when it has none) and its pairs of
    adjacent words, as integer codes (words first, then word pairs): no string is hashed."""
    n = len(texts)
    found = tokens(texts)
    if found is None:
        empty = np.empty(0, dtype=np.int64)
        return WordIndex(empty, empty, empty, np.empty(0, dtype=bool), n, 0)
    token, vocabulary, telling = found.token, found.vocabulary, found.telling
    owner, single, follows = found.owner, found.single, found.follows
    pair, _ = pd.factorize(token[follows] * len(vocabulary) + token[np.r_[False, follows[:-1]]])
    vocab = len(vocabulary) + (int(pair.max()) + 1 if len(pair) else 0)
    unit = np.r_[owner[single], owner[follows]]
    code = np.r_[token[single], len(vocabulary) + pair.astype(np.int64)]
    entry, _ = sorted_unique(unit * vocab + code)        # one (wording, feature) entry each
    unit, code = entry // vocab, entry % vocab
    df = np.bincount(code, minlength=vocab)
    is_word = np.zeros(vocab, dtype=bool)
    is_word[:len(vocabulary)] = telling
    return WordIndex(unit, code, df, is_word, n, len(vocabulary))


def is_telling(word: str) -> bool:
    """A content word, not a contraction of function words (we'll, don't, that's): Hale's
    counts, it's does not."""
    if not content_words([word]):
        return False
    head, mark, tail = word.rpartition("'")
    return not (mark and (tail in ("ll", "re", "ve", "d", "m", "t") or (tail == "s" and head in STOPWORDS)))


def candidate_pairs(index: WordIndex, anchors: int, max_df: int,
                    chunk: int = 200_000) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) where j holds at least two of i's rarest features (one, when i has fewer
    than two to go by). A wording's anchors are its features as rare as its `anchors`-th rarest
    (ties included, so the choice never depends on the order of codes); features held by one wording only,
    or by more than `max_df`, are not looked up."""
    n, df = index.n_units, index.df
    empty = np.empty(0, dtype=np.int64)
    quote, word = index.unit, index.code
    usable = (df[word] > 1) & (df[word] <= max_df)
    quote, word = quote[usable], word[usable]
    if len(quote) == 0:
        return empty, empty
    quote_df = df[word]
    order = np.lexsort((quote_df, quote))
    quote, word, quote_df = quote[order], word[order], quote_df[order]
    first = np.r_[0, np.flatnonzero(np.diff(quote)) + 1]
    run = np.diff(np.r_[first, len(quote)])
    kth = np.minimum(first + anchors - 1, np.r_[first[1:], len(quote)] - 1)
    is_anchor = quote_df <= np.repeat(quote_df[kth], run)
    anchor_quote, anchor_word = quote[is_anchor], word[is_anchor]
    per_quote = np.bincount(anchor_quote, minlength=n)
    by_word = np.argsort(word, kind="stable")
    posting_quote = quote[by_word]
    posting_start = np.searchsorted(word[by_word], np.arange(len(df)))
    del quote, word, quote_df, by_word
    found: list[np.ndarray] = []
    for lo in range(0, len(anchor_quote), chunk):
        aq, aw = anchor_quote[lo:lo + chunk], anchor_word[lo:lo + chunk]
        sizes = df[aw]
        offsets = np.repeat(posting_start[aw] - np.r_[0, np.cumsum(sizes)[:-1]], sizes)
        other = posting_quote[offsets + np.arange(int(sizes.sum()))]
        mine = np.repeat(aq, sizes)
        keep = other != mine
        keys, shared = sorted_unique(mine[keep] * n + other[keep])
        keys = keys[shared >= np.where(per_quote[keys // n] >= 2, 2, 1)]
        i, j = keys // n, keys % n
        found.append(np.minimum(i, j) * n + np.maximum(i, j))
    if not found:
        return empty, empty
    pairs, _ = sorted_unique(np.concatenate(found))
    return pairs // n, pairs % n


def speaker_word_pairs(index: WordIndex, unit_wording: np.ndarray, unit_speaker: np.ndarray,
                       max_df: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of units (a wording said by a speaker) with the same known speaker that
    share a content word held by at most `max_df` wordings: reworded and translated variants of
    one person's quote often share little more than that. Units arrive sorted by wording."""
    empty = np.empty(0, dtype=np.int64)
    known = np.flatnonzero(unit_speaker >= 0)
    if len(known) == 0 or len(index.code) == 0:
        return empty, empty
    starts = np.searchsorted(index.unit, np.arange(index.n_units + 1))
    n = np.diff(starts)[unit_wording[known]]
    unit = np.repeat(known, n)
    entry = np.repeat(starts[unit_wording[known]] - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
    code = index.code[entry]
    telling = index.is_word[code] & (index.df[code] > 1) & (index.df[code] <= max_df)
    unit, code = unit[telling], code[telling]
    key = unit_speaker[unit] * len(index.df) + code
    order = np.lexsort((unit, key))
    unit, key = unit[order], key[order]
    first = np.r_[0, np.flatnonzero(np.diff(key)) + 1]
    size = np.diff(np.r_[first, len(key)])
    # every member of a group with each later member of it
    position = np.arange(len(key))
    later = np.repeat(first + size, size) - position - 1
    i = np.repeat(unit, later)
    j = unit[np.repeat(position + 1 - (np.cumsum(later) - later), later) + np.arange(int(later.sum()))]
    pairs, _ = sorted_unique(np.minimum(i, j) * len(unit_wording) + np.maximum(i, j))
    return pairs // len(unit_wording), pairs % len(unit_wording)


def sorted_unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique with counts, by sorting (faster than hashing for millions of int64 keys)."""
    if len(values) == 0:
        return values, values
    values = np.sort(values)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts], np.diff(np.r_[starts, len(values)])
