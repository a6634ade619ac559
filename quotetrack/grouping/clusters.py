"""From judged pairs to clusters, without chains: a quote joins a centre it matches directly, and
the pieces of a split quote join each other without gluing two clusters together."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from ..schema import DIRECT, PARTIAL, is_none
from .evidence import Verdicts

# Articles that must print two quoted clusters one after the other (same speaker, one
# attribution) before the two, each quoted elsewhere too, count as one statement.
CORROBORATING_ARTICLES = 2


def cluster_units(sizes: np.ndarray, speakers: np.ndarray, left: np.ndarray, right: np.ndarray,
                  verdicts: Verdicts) -> np.ndarray:
    """Local labels (0..k-1) of the wordings `sizes` (in words) said by `speakers` (codes, -1
    when unknown), from the judged candidate pairs.

    Variants (whole wordings alike) gather around centres first; then each cluster of pieces
    joins at most one cluster of a longer quote that holds them, and a cluster that took pieces
    in joins nothing itself: neither step can chain."""
    keep = verdicts.kept()
    left, right = left[keep], right[keep]
    score, strong, piece = verdicts.score[keep], verdicts.strong[keep], verdicts.piece[keep]
    centre, voice = _leaders(sizes, speakers, left[~piece], right[~piece], score[~piece],
                             strong[~piece])
    centre = _attach_pieces(centre, voice, sizes, left[piece], right[piece], score[piece])
    _, local = np.unique(centre, return_inverse=True)
    return local.astype(np.int64)


def _leaders(sizes: np.ndarray, speakers: np.ndarray, left: np.ndarray, right: np.ndarray,
             scores: np.ndarray, strong: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(centre of each wording, speaker of each centre's cluster).

    The best-connected wordings become centres first; every other wording joins the centre it
    matches best, or becomes one. A member never recruits, so a chain of weak links cannot glue
    quotes together. A cluster takes the speaker of its first known member: a wording of another
    known speaker joins it only on evidence that holds across speakers (`strong`). Wordings arrive
    sorted, which breaks ties."""
    n = len(sizes)
    strength = np.bincount(left, scores, n) + np.bincount(right, scores, n)
    order = np.lexsort((np.arange(n), -sizes, -strength))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    src, dst = np.concatenate([left, right]), np.concatenate([right, left])
    both, robust = np.concatenate([scores, scores]), np.concatenate([strong, strong])
    centre = np.arange(n)
    voice = speakers.copy()
    earlier = rank[dst] < rank[src]          # only a wording ranked earlier can be a centre
    _follow(centre, voice, speakers, order, rank, src[earlier], dst[earlier], both[earlier],
            robust[earlier])
    # A centre that recruited no one was only ranked early: it joins the best centre it matches.
    alone = np.bincount(centre, minlength=n) == 1
    alone &= centre == np.arange(n)
    mine = alone[src] & ~alone[dst] & (centre[dst] == dst)
    _follow(centre, voice, speakers, order, rank, src[mine], dst[mine], both[mine], robust[mine])
    return centre, voice


def _follow(centre: np.ndarray, voice: np.ndarray, speakers: np.ndarray, order: np.ndarray,
            rank: np.ndarray, src: np.ndarray, dst: np.ndarray, scores: np.ndarray,
            robust: np.ndarray) -> None:
    """Each wording `src` (in `order`) joins the best `dst` that is still a centre and whose
    cluster's speaker agrees (or the evidence is `robust`). Updates centre and voice."""
    n = len(centre)
    best_first = np.lexsort((rank[dst], -scores, src))
    src, dst, robust = src[best_first], dst[best_first], robust[best_first]
    starts = np.searchsorted(src, np.arange(n))
    ends = np.searchsorted(src, np.arange(n), side="right")
    for i in order[(ends > starts)[order]].tolist():
        if centre[i] != i:
            continue
        mine = int(speakers[i])
        for j, holds in zip(dst[starts[i]:ends[i]].tolist(), robust[starts[i]:ends[i]].tolist()):
            if centre[j] != j:
                continue
            theirs = int(voice[j])
            if mine >= 0 and theirs >= 0 and mine != theirs and not holds:
                continue
            centre[i] = j
            if theirs < 0:
                voice[j] = mine
            break


def _attach_pieces(centre: np.ndarray, voice: np.ndarray, sizes: np.ndarray, left: np.ndarray,
                   right: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Each cluster holding a piece joins the cluster of the best longer quote that holds it,
    unless their speakers differ; a cluster that took pieces in, or joined another, moves no
    more. So a common piece cannot become a hub that glues the long quotes holding it."""
    if len(left) == 0:
        return centre
    piece = np.where(sizes[left] <= sizes[right], left, right)
    whole = np.where(sizes[left] <= sizes[right], right, left)
    guest, host = centre[piece], centre[whole]
    differ = guest != host
    guest, host, scores = guest[differ], host[differ], scores[differ]
    moved = np.zeros(len(centre), dtype=bool)     # joined another cluster
    hosting = np.zeros(len(centre), dtype=bool)   # took a cluster in
    target = np.arange(len(centre))
    for k in np.lexsort((host, guest, -scores)).tolist():
        g, h = int(guest[k]), int(host[k])
        if moved[g] or hosting[g] or moved[h]:
            continue
        if voice[g] >= 0 and voice[h] >= 0 and voice[g] != voice[h]:
            continue
        target[g], moved[g], hosting[h] = h, True, True
        if voice[h] < 0:
            voice[h] = voice[g]
    return target[centre]


def join_pieces(frame: pd.DataFrame, labels: np.ndarray, speakers: list, quoted: np.ndarray,
                row_key: np.ndarray) -> np.ndarray:
    """Rows that continue the row before them in the same article (same speaker, and the same
    attribution or none of their own) are pieces of one utterance. Joining them never merges two
    clusters that each have members in other articles (two utterances quoted side by side), so
    pieces cannot chain clusters together, unless CORROBORATING_ARTICLES articles print the two
    one after the other. Only rows where `quoted` is true take part; rows at one offset are taken
    in `row_key` order."""
    if "speaker_start" not in frame.columns:
        return labels
    joinable = piece_pairs(frame, speakers, quoted, row_key)
    if not joinable:
        return labels
    docs = frame["doc_id"].astype(str).tolist()
    involved = {int(labels[r]) for pair in joinable for r in pair}
    member = pd.Series(docs)[np.isin(labels, list(involved))]
    spread = member.groupby(labels[member.index.to_numpy()]).nunique()
    roots = joined_clusters([(int(labels[prev]), int(labels[row]), docs[prev]) for prev, row in joinable],
                            spread)
    return np.array([roots.get(int(x), int(x)) for x in labels], dtype=np.int64)


def piece_pairs(frame: pd.DataFrame, speakers: list, quoted: np.ndarray,
                row_key: np.ndarray) -> list[tuple[int, int]]:
    """(row before, row) for each row that continues the row before it in its article, in the
    order of (doc_id, start, row_key). Article by article: any frame of whole articles will do."""
    starts = frame["start"].to_numpy() if "start" in frame.columns else np.arange(len(frame))
    kinds = frame["kind"].astype(str).tolist() if "kind" in frame.columns else [DIRECT] * len(frame)
    mention = [None if is_none(m) else int(m) for m in frame["speaker_start"].tolist()]
    docs = frame["doc_id"].astype(str).tolist()
    joinable = []
    rows = [r for r in range(len(frame)) if quoted[r]]
    order = sorted(rows, key=lambda r: (docs[r], starts[r], row_key[r]))
    for prev, row in zip(order, order[1:]):
        if docs[prev] != docs[row] or speakers[row] is None or speakers[row] != speakers[prev]:
            continue
        if kinds[row] != DIRECT or kinds[prev] not in (DIRECT, PARTIAL):
            continue
        if mention[row] is None or (kinds[prev] == DIRECT and mention[row] == mention[prev]):
            joinable.append((prev, row))
    return joinable


def joined_clusters(pairs: list[tuple[int, int, str]], spread) -> dict[int, int]:
    """{cluster: the cluster it joins} from the clusters of joinable pieces (`pairs`: cluster of
    the row before, cluster of the row, their article; in order); `spread[c]`: the number of
    articles cluster c has members in. Clusters not in the result stay as they are. Two clusters
    that CORROBORATING_ARTICLES articles print one right after the other are one statement, even
    when both are quoted elsewhere: more than one source says so."""
    parent: dict[int, int] = {}
    elsewhere: dict[int, bool] = {}          # cluster root -> has members in other articles
    articles = Counter(frozenset((a, b)) for a, b, _ in set(pairs))

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for first, second, _ in pairs:
        a, b = find(first), find(second)
        if a == b:
            continue
        if elsewhere.get(a, spread[a] > 1) and elsewhere.get(b, spread[b] > 1) \
                and articles[frozenset((first, second))] < CORROBORATING_ARTICLES:
            continue
        root, other = min(a, b), max(a, b)
        elsewhere[root] = elsewhere.get(a, spread[a] > 1) or elsewhere.get(b, spread[b] > 1)
        parent[other] = root
    return {x: find(x) for x in list(parent)}


def stable_ids(labels: np.ndarray, row_key: np.ndarray) -> np.ndarray:
    """Number clusters by their smallest row key (normalised wording first), so row order does
    not matter."""
    _, labels = np.unique(labels, return_inverse=True)
    smallest = np.full(labels.max() + 1 if len(labels) else 0, np.iinfo(np.int64).max)
    np.minimum.at(smallest, labels, row_key)
    order = np.lexsort((np.arange(len(smallest)), smallest))
    new = np.empty(len(smallest), dtype=np.int64)
    new[order] = np.arange(len(smallest))
    return new[labels]


def join_fragments(labels: np.ndarray, kinds: list[str], docs: list, speakers: list,
                   norms: list[str], quoted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A cluster of fragments (partial quotes: `reckless`, `a new dawn`) joins the utterance they
    were taken from: the cluster of a direct quote of the same speaker, in a fragment's own
    article, that holds the fragment's words in order. Writers quote a word and then the
    sentence it comes from. A fragment cluster joins at most one such cluster (the one most of
    its fragments point to; ties: the lowest label), so fragments cannot glue utterances.
    Returns the labels and which rows moved."""
    votes = fragment_votes(labels, kinds, docs, speakers, norms, quoted)
    if not votes:
        return labels, np.zeros(len(labels), dtype=bool)
    only_fragments = fragment_clusters(labels, kinds, quoted)
    target = chosen_hosts([(guest, host) for _, guest, host in votes], only_fragments)
    moved = np.array([int(label) in target for label in labels], dtype=bool)
    return np.array([target.get(int(label), int(label)) for label in labels], dtype=np.int64), moved


def fragment_votes(labels: np.ndarray, kinds: list[str], docs: list, speakers: list,
                   norms: list[str], quoted: np.ndarray) -> list[tuple[int, int, int]]:
    """(fragment row, its cluster, a host cluster): one line per fragment and each distinct
    cluster of a direct quote of its speaker, in its article, holding its words in order.
    Article by article: any frame of whole articles will do."""
    direct: dict[tuple, list[int]] = {}
    for r in range(len(labels)):
        if quoted[r] and kinds[r] == DIRECT and speakers[r] is not None:
            direct.setdefault((docs[r], speakers[r]), []).append(r)
    votes = []
    for r in range(len(labels)):
        if not (quoted[r] and kinds[r] == PARTIAL and speakers[r] is not None and norms[r]):
            continue
        piece = f" {norms[r]} "
        hosts = {int(labels[d]) for d in direct.get((docs[r], speakers[r]), ())
                 if piece in f" {norms[d]} " and norms[d] != norms[r]}
        votes.extend((r, int(labels[r]), host) for host in sorted(hosts))
    return votes


def fragment_clusters(labels: np.ndarray, kinds: list[str], quoted: np.ndarray) -> pd.Series:
    """label -> whether the cluster is made of partial quotes only."""
    return pd.Series([bool(quoted[r]) and kinds[r] == PARTIAL for r in range(len(labels))]) \
        .groupby(np.asarray(labels)).all()


def chosen_hosts(votes: list[tuple[int, int]], only_fragments) -> dict[int, int]:
    """{fragment cluster: the cluster it joins} from the votes (guest, host), for the guests
    that `only_fragments[guest]` says are fragments only: the host with most votes, ties the
    lowest label."""
    counts: dict[int, Counter] = {}
    for guest, host in votes:
        if only_fragments[guest]:
            counts.setdefault(guest, Counter())[host] += 1
    return {guest: min(count, key=lambda h: (-count[h], h)) for guest, count in counts.items()}
