"""The evidence that two quotes are one utterance, as rules a user can read back.

One utterance is one person saying one thing on one occasion, however outlets reword, cut, split
or translate it. Two quotes join only on evidence of that:
- wording: the whole wordings are alike (rapidfuzz), or the shorter is a piece of the longer;
  and the words they share are rare enough in the corpus to tell (`a lot of people` tells nothing,
  `a ceasefire corridor for grain ships` tells a lot): the summed rarity of the shared content
  words must reach `distinctive` (rarity: see index.WordIndex.rarity); wordings alike as a whole
  may count the rare word pairs they share too, and a long quote repeated nearly word for word
  is its own evidence;
- speaker: two different known speakers are two utterances unless the quote is long and nearly
  the same (a misattribution, which score_drift flags as speaker_mismatch); a short quote joins a
  quote of another article only with the same speaker; an unknown speaker is neither;
- time: quotes published more than `max_days` apart need closer wording.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

SHORT_QUOTE = 5            # words: shorter quotes join another article's only with the same speaker, as the same words
SHORT_QUOTE_THRESHOLD = 88.0   # a few words look alike by chance: short quotes must be near copies
LONG_QUOTE = 8             # words: from this length two different speakers may share one quote
NEAR_IDENTICAL = 90.0      # ... when their wordings are this alike (a misattribution)
SAME_SPEAKER_BONUS = 5.0   # a piece of a quote of the same speaker needs this much less containment
FAR_APART_PENALTY = 10.0   # quotes published far apart need wording this much closer
UNKNOWN_SPEAKER_FACTOR = 2.0   # wording of an unknown speaker must be this much more distinctive
# Inside one story (two articles that already share utterances), the same speaker's renderings
# of one passage (two translations) need this share of the word evidence, when published within
# STORY_DAYS of each other (or undated).
STORY_EVIDENCE = 0.5
STORY_DAYS = 3.0
STORY_SHARED = 2           # utterances two articles must share to be one story

# How two quotes' speakers relate.
SAME, UNKNOWN, DIFFERENT = 0, 1, 2


@dataclass(frozen=True)
class Rules:
    """What joins two quotes; the defaults are group_variants' (see its docstring)."""
    threshold: float = 72.0             # whole-wording similarity of two variants
    same_speaker_threshold: float = 60.0
    containment: float = 90.0           # partial_ratio of a piece inside a longer quote
    min_words: int = 3                  # shortest piece that joins by containment without the same speaker
    distinctive: float = 0.5            # summed rarity the shared words must reach
    max_days: float = 30.0              # beyond this many days apart, dates count against


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs of wordings and what is known of each side."""
    left: np.ndarray
    right: np.ndarray
    speakers: np.ndarray        # SAME / UNKNOWN / DIFFERENT
    same_doc: np.ndarray        # both quoted in one article
    far_apart: np.ndarray       # published more than max_days apart
    same_story: np.ndarray | None = None    # in two articles of one story, within days


def speaker_relation(codes: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """codes: speaker code per wording, -1 when unknown."""
    a, b = codes[left], codes[right]
    return np.where((a < 0) | (b < 0), UNKNOWN, np.where(a == b, SAME, DIFFERENT)).astype(np.int8)


@dataclass(frozen=True)
class Verdicts:
    """Per pair: the similarity that makes the two one utterance (0: they are not); `strong`:
    it would hold even under two different speakers; `piece`: only as a piece of the longer."""
    score: np.ndarray
    strong: np.ndarray
    piece: np.ndarray

    def kept(self) -> np.ndarray:
        return self.score > 0

    def updated(self, where: np.ndarray, new: "Verdicts") -> "Verdicts":
        """These verdicts with the pairs `where` judged again as `new`."""
        score, strong, piece = self.score.copy(), self.strong.copy(), self.piece.copy()
        score[where], strong[where], piece[where] = new.score, new.strong, new.piece
        return Verdicts(score, strong, piece)


def judge(pairs: Pairs, texts: list[str], sizes: np.ndarray, shared: np.ndarray,
          in_order: np.ndarray, rules: Rules, workers: int = -1) -> Verdicts:
    """Weigh the evidence for each candidate pair of wordings (`texts`, `sizes` in words).

    shared: the summed rarity of the content words both wordings hold; in_order: that plus the
    rarity of the word pairs both hold (the same words in the same order)."""
    left, right = pairs.left, pairs.right
    if len(left) == 0:
        return Verdicts(np.empty(0), np.zeros(0, dtype=bool), np.zeros(0, dtype=bool))
    a = np.array([texts[i] for i in left], dtype=object)
    b = np.array([texts[j] for j in right], dtype=object)
    shorter = np.minimum(sizes[left], sizes[right])
    longer = np.maximum(sizes[left], sizes[right])
    same, unknown = pairs.speakers == SAME, pairs.speakers == UNKNOWN
    penalty = np.where(pairs.far_apart, FAR_APART_PENALTY, 0.0)
    # Whole wordings alike.
    needed = np.where(same, rules.same_speaker_threshold, rules.threshold)
    needed = np.where(shorter < SHORT_QUOTE, np.maximum(needed, SHORT_QUOTE_THRESHOLD), needed)
    needed = np.minimum(needed + penalty, 100.0)
    whole = process.cpdist(a, b, scorer=fuzz.ratio, workers=workers).astype(float)
    todo = whole < np.maximum(needed, NEAR_IDENTICAL)     # reordered words may still be verbatim
    if todo.any():
        reordered = process.cpdist(a[todo], b[todo], scorer=fuzz.token_sort_ratio, workers=workers)
        whole[todo] = np.maximum(whole[todo], reordered)
    # The shorter a piece of the longer (truncations, pieces, partial quotes).
    part = np.zeros(len(left))
    todo = ((shorter >= rules.min_words) | (same & (shorter >= 2))) & (shorter < 0.85 * longer)
    if todo.any():
        part[todo] = process.cpdist(a[todo], b[todo], scorer=fuzz.partial_ratio, workers=workers)
    part_needed = np.minimum(np.where(same, rules.containment - SAME_SPEAKER_BONUS, rules.containment)
                             + penalty, 100.0)
    # How distinctive the shared words are: an unknown speaker leaves more to the wording; the
    # same speaker in one story less.
    distinctive = np.where(unknown, rules.distinctive * UNKNOWN_SPEAKER_FACTOR, rules.distinctive)
    if pairs.same_story is not None:
        distinctive = np.where(same & pairs.same_story, rules.distinctive * STORY_EVIDENCE, distinctive)
    # A long quote repeated nearly word for word is its own evidence, common words or not.
    verbatim = (shorter >= LONG_QUOTE) & (whole >= NEAR_IDENTICAL)
    telling = (shared >= distinctive) | (verbatim & ~(pairs.speakers == DIFFERENT))
    # Wordings alike as a whole (5 words or more) may count rare word pairs too.
    in_sequence = (whole >= rules.threshold) & (shorter >= SHORT_QUOTE) & (in_order >= distinctive)
    whole_ok = (whole >= needed) & (telling | in_sequence)
    part_ok = (part >= part_needed) & telling
    # Quotes of one article are two utterances unless one holds the other.
    whole_ok &= ~pairs.same_doc | (whole >= rules.containment)
    # Short quotes in two articles: only the same speaker, and only as the same words: a
    # fragment (`a fraud`, a slogan) says nothing of which occasion a longer quote holding its
    # words was (a fragment joins the quote of its own article it was taken from: clusters.py).
    across = ~pairs.same_doc
    whole_ok &= ~(across & (shorter < SHORT_QUOTE) & ~same)
    part_ok &= ~(across & (shorter < SHORT_QUOTE))
    # Two different speakers: only a long quote, nearly the same.
    strong = verbatim & (shared >= distinctive)
    different = pairs.speakers == DIFFERENT
    whole_ok = np.where(different, strong, whole_ok)
    part_ok &= ~different
    score = np.where(whole_ok, whole, np.where(part_ok, part, 0.0))
    return Verdicts(score, strong, part_ok & ~whole_ok)
