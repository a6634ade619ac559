"""Reported speech (`the mayor said she was ready to resign`) joins the quotes it reports.

A report is a paraphrase: its words overlap a quote's only loosely, so string similarity is weak
evidence. A report joins a quote's cluster on strong evidence only:
- it holds a quote of its own article (`Hale said the city "started" the dispute`), not of another
  speaker: it reports that quote's utterance;
- or the same known speaker, and the rare words the two share (stems, so `resigned` meets
  `resign`) weigh at least `REPORT_EVIDENCE` x `distinctive` and cover at least half of what is
  distinctive in the report; in the report's own article (a lead telling what the quote below
  says) `SAME_ARTICLE_EVIDENCE` x `distinctive` is enough.
Reports of one utterance in several outlets join each other when worded alike (as quotes of one
speaker are; in one article only when nearly the same); a report that joins no quote joins the
best such report that did. Quote clusters are never changed, joined or split by reports: reports only
join them, so a report can never glue two quotes together. Wrong joins are worse than missed
ones: a report that matches nothing is a cluster of its own.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ..schema import DIRECT, PARTIAL
from .evidence import DIFFERENT, speaker_relation
from .index import SPEAKER_WORD_DF, speaker_word_pairs, word_index

REPORT_EVIDENCE = 2.0      # x distinctive: shared rare words a paraphrase needs
REPORT_COVERAGE = 0.5      # ... and the share of the report's own distinctive words they are
SAME_ARTICLE_EVIDENCE = 1.0   # x distinctive: the same, for a quote of the report's own article
QUOTE_KINDS_HELD = (DIRECT, PARTIAL)
SUFFIXES = ("ing", "ed", "s")


@lru_cache(maxsize=None)
def stem(word: str) -> str:
    """A light stemmer for paraphrase overlap: wants/wanted -> want, meets -> meet."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def link_reported(frame: pd.DataFrame, part: np.ndarray, labels: np.ndarray, reported: np.ndarray,
                  wordings: np.ndarray, rows, rules, workers: int,
                  borrowed: np.ndarray | None = None) -> np.ndarray:
    """Labels with the reported rows of the partition `part` given: a quote cluster's label, a
    label shared with other reports, or a new one.

    borrowed: quotes that are fragments of a longer quote of another row (join_fragments). A
    report that holds such a fragment (`he was not "worried" and would run again`) may report
    something else than the quote the word was taken from, so it joins that quote's cluster only
    on the evidence of its own words."""
    every = part[reported[part]]
    if len(every) == 0:
        return labels
    # one report per distinct row key, in key order: positions break ties, not row order
    _, first, copy_of = np.unique(rows.key[every], return_index=True, return_inverse=True)
    mine = every[first]
    quotes = part[~reported[part]]
    quotes = quotes[np.argsort(rows.key[quotes], kind="stable")]
    labels = labels.copy()
    fresh = labels.max() + 1
    target = np.full(len(mine), -1, dtype=np.int64)      # quote row each report joins
    inside = _quotes_inside(frame, mine, quotes)
    held = _held_quotes(inside, rows.speaker, borrowed)
    for k, q in held.items():
        target[k] = q
    host = _borrowed_hosts(inside, len(mine), labels, rows.speaker, borrowed, held)
    members = np.r_[mine, quotes]
    stemmed = {w: _stemmed(wordings[w]) for w in set(rows.wording[members].tolist())}
    texts = [stemmed[w] for w in rows.wording[members].tolist()]
    index = word_index(texts)
    rarity = index.rarity()
    speaker = rows.speaker[members]
    left, right = speaker_word_pairs(index, np.arange(len(members)), speaker, SPEAKER_WORD_DF)
    is_report = np.arange(len(members)) < len(mine)
    keep = is_report[left]                               # left < right: a report first
    left, right = left[keep], right[keep]
    shared = index.shared_rarity(rarity, left, right)
    docs = rows.doc[members]
    # report to quote, on the report's own words
    own_index = word_index(_own_words(inside, mine, wordings, rows.wording) + texts[len(mine):])
    own_rarity = own_index.rarity()
    own_shared = own_index.shared_rarity(own_rarity, left, right)
    paraphrase = (own_shared >= REPORT_EVIDENCE * rules.distinctive) \
        & (own_shared >= REPORT_COVERAGE * own_index.unit_rarity(own_rarity)[left])
    # In its own article, a report of a quote the writer also gives (the lead that tells what the
    # quote below says) needs less: the same speaker, and rare words in common.
    paraphrase |= (docs[left] == docs[right]) & (own_shared >= SAME_ARTICLE_EVIDENCE * rules.distinctive)
    to_quote = paraphrase & ~is_report[right]
    to_quote &= (host[left] < 0) | (labels[members[right]] == host[left])
    _best_partner(target, left[to_quote], right[to_quote], own_shared[to_quote], members)
    # report to report: worded alike, or one a piece of the other, as quotes of one speaker are;
    # in one article, nearly the same
    both = is_report[right]
    alike = piece = np.zeros(int(both.sum()))
    if both.any():
        a, b = [texts[i] for i in left[both]], [texts[j] for j in right[both]]
        alike = process.cpdist(a, b, scorer=fuzz.token_sort_ratio, workers=workers)
        piece = process.cpdist(a, b, scorer=fuzz.partial_ratio, workers=workers)
    needed = np.where(docs[left[both]] == docs[right[both]], rules.containment,
                      rules.same_speaker_threshold)
    ok = ((alike >= needed) | (piece >= rules.containment)) & (shared[both] >= rules.distinctive)
    r_left, r_right, r_score = left[both][ok], right[both][ok], np.maximum(alike, piece)[ok]
    labels[every] = _report_labels(target, labels, r_left, r_right, r_score, fresh)[copy_of]
    return labels


def _stemmed(wording: str, leave_out=()) -> str:
    return " ".join(stem(x) for x in wording.split() if x not in leave_out)


def _own_words(inside: pd.DataFrame, mine: np.ndarray, wordings: np.ndarray, wording: np.ndarray) -> list[str]:
    """Each report's stems without the words of the quotes it holds: its evidence of paraphrase
    is its own words; the words it quotes speak through the quotes themselves."""
    quoted = {k: {w for q in group for w in wordings[wording[q]].split()}
              for k, group in inside.groupby("k")["quote"]}
    return [_stemmed(wordings[wording[r]], quoted.get(k, ())) for k, r in enumerate(mine.tolist())]


def _borrowed_hosts(inside: pd.DataFrame, n_reports: int, labels: np.ndarray, speaker: np.ndarray,
                    borrowed: np.ndarray | None, held: dict[int, int]) -> np.ndarray:
    """Per report: the cluster of the longer quote that a fragment it holds was taken from, when it
    holds no quote of its own (-1 otherwise). Such a report joins that cluster, or none."""
    host = np.full(n_reports, -1, dtype=np.int64)
    if borrowed is None or inside.empty:
        return host
    r, q = inside["row"].to_numpy(), inside["quote"].to_numpy()
    fits = borrowed[q] & (speaker_relation(speaker, r, q) != DIFFERENT)
    for k, quote in inside[fits].drop_duplicates("k")[["k", "quote"]].itertuples(index=False, name=None):
        if k not in held:
            host[k] = labels[quote]
    return host


def _quotes_inside(frame: pd.DataFrame, mine: np.ndarray, quotes: np.ndarray) -> pd.DataFrame:
    """(k: position of a report in `mine`, row: the report's row, quote: a quote row of its
    article inside its span, length), longest first, for quotes of the kinds a report can hold."""
    empty = pd.DataFrame({"k": [], "row": [], "quote": [], "length": []}, dtype=np.int64)
    if len(quotes) == 0 or not {"start", "end", "kind"} <= set(frame.columns):
        return empty
    kinds = frame["kind"].astype(str).to_numpy()
    quotes = quotes[np.isin(kinds[quotes], QUOTE_KINDS_HELD)]
    starts, ends = frame["start"].to_numpy(), frame["end"].to_numpy()
    docs = frame["doc_id"].astype(str).to_numpy()
    reports = pd.DataFrame({"k": np.arange(len(mine)), "row": mine, "doc": docs[mine]})
    inside = reports.merge(pd.DataFrame({"quote": quotes, "doc": docs[quotes],
                                         "position": np.arange(len(quotes))}), on="doc")
    if inside.empty:
        return empty
    r, q = inside["row"].to_numpy(), inside["quote"].to_numpy()
    fits = (starts[q] >= starts[r]) & (ends[q] <= ends[r]) & (ends[q] > starts[q])
    inside = inside[fits].assign(length=(ends[q] - starts[q])[fits])
    inside = inside.sort_values(["k", "length", "position"], ascending=[True, False, True])
    return inside[["k", "row", "quote", "length"]]


def _held_quotes(inside: pd.DataFrame, speaker: np.ndarray, borrowed: np.ndarray | None) -> dict[int, int]:
    """{position of a report: the longest quote inside it (`inside`, ordered) whose speaker is
    not another known one and that is not a fragment borrowed from a longer quote}."""
    if inside.empty:
        return {}
    r, q = inside["row"].to_numpy(), inside["quote"].to_numpy()
    fits = speaker_relation(speaker, r, q) != DIFFERENT
    fits &= np.ones(len(q), dtype=bool) if borrowed is None else ~borrowed[q]
    return dict(inside[fits].drop_duplicates("k")[["k", "quote"]].itertuples(index=False, name=None))


def _best_partner(target: np.ndarray, left: np.ndarray, right: np.ndarray, score: np.ndarray,
                  members: np.ndarray) -> None:
    """target[k] = the row of the best-scoring partner of report k (ties: the first in
    `members`), where no quote of its own article has set it already."""
    order = np.lexsort((right, -score, left))
    seen = set()
    for k, j in zip(left[order].tolist(), right[order].tolist()):
        if k in seen or target[k] >= 0:
            continue
        seen.add(k)
        target[k] = members[j]


def _report_labels(target: np.ndarray, labels: np.ndarray, left: np.ndarray, right: np.ndarray,
                   score: np.ndarray, fresh: int) -> np.ndarray:
    """Reports that found a quote take its label; every other report joins the best report it
    matches that found one, else the reports it matches gather around the best-connected one
    (which never passes its own link on: no chains). Ties: the earlier report."""
    n = len(target)
    out = np.where(target >= 0, labels[np.maximum(target, 0)], -1)
    strength = np.bincount(left, score, n) + np.bincount(right, score, n)
    order = np.lexsort((np.arange(n), -strength))
    src, dst = np.r_[left, right], np.r_[right, left]
    both = np.r_[score, score]
    by_best = np.lexsort((dst, -both, src))
    src, dst = src[by_best], dst[by_best]
    starts = np.searchsorted(src, np.arange(n))
    ends = np.searchsorted(src, np.arange(n), side="right")
    centre = np.full(n, -1, dtype=np.int64)
    for k in order.tolist():
        if out[k] >= 0:
            continue
        partners = dst[starts[k]:ends[k]].tolist()
        found = next((j for j in partners if target[j] >= 0), None)
        if found is not None:
            out[k] = out[found]
            continue
        lead = next((j for j in partners if centre[j] == j), None)
        if lead is None:
            centre[k] = k
            out[k] = fresh + k
        else:
            centre[k] = lead
            out[k] = out[lead]
    return out
