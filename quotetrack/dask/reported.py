"""Reported rows (kind `reported`) on Dask: grouping.reported.link_reported, with the texts on the
workers.

In memory link_reported runs per `by` group over its reports (one per distinct row key, in key
order) and all its quote rows. Here the same steps run as dask joins and shuffles:
- in each article (a shuffle on the article), the quotes inside each report's span: the one it
  holds, the longer quote a fragment it holds was borrowed from, and its own words (its stems
  without the words of the quotes it holds);
- the document frequency of each stem over the group's reports and quote rows, and its rarity,
  in the full stems and in the reports' own words (features hashed with their `by` group, as
  index.py's);
- the candidate pairs: a report and a quote (or another report) of the same known speaker that
  share a stem held by at most SPEAKER_WORD_DF of them (joins on speaker and stem), the rarity
  their stems share, and per report the quote it paraphrases best (ties: the quote first in row
  key order); report to report, rapidfuzz on the workers.
The client gathers one line of integers per report (its group, the rank of its text among all
texts, speaker, article, offsets), the label of the quote each report holds or paraphrases, and
the report pairs that hold (two ids and a score), and runs grouping.reported._report_labels on
them, group by group; then cluster ids for quotes and reports together (stable_ids).
"""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ..grouping.clusters import stable_ids
from ..grouping.group import _group_by
from ..grouping.index import SPEAKER_WORD_DF
from ..grouping.reported import (
    QUOTE_KINDS_HELD,
    REPORT_COVERAGE,
    REPORT_EVIDENCE,
    SAME_ARTICLE_EVIDENCE,
    _report_labels,
    _stemmed,
)
from ..schema import TEXT_DTYPE
from .index import HIDDEN as H
from .index import _codes as feature_codes
from .index import _sorted_ranks, _text_ranked, cached_telling, key_parts, rarity_in_groups, shared

# The working columns of this module (the rows keep none of them).
R = SimpleNamespace(
    id="_qt_report", other="_qt_other", rank="text_rank", lo="_qt_lo", hi="_qt_hi",
    borrowed="_qt_borrowed", held="_qt_held", host="_qt_host", best="_qt_best",
    stems="_qt_stems", own="_qt_own_stems", in_own="_qt_in_own", full_df="_qt_full_df",
    own_df="_qt_own_df", r_full="_qt_r_full", r_own="_qt_r_own", shared="_qt_shared",
    own_unit="_qt_own_unit", count="_qt_count",
)
# A report's identity: copies of one row (the same key in memory) are one report.
REPORT_KEY = [H.group, R.rank, H.speaker, H.doc, H.start, H.end]
UNIT_KEYS = [H.wording, H.speaker, H.unit_doc]


def split_reports(rows, code: int | None):
    """(the quote rows, the reported rows or None when there are none), persisted. `code`: the
    kind code of reported rows, None when there are none."""
    if code is None:
        return rows, None
    reported = rows[H.kind] == code
    reports = rows[reported]
    return rows[~reported].persist(), reports.map_partitions(_with_group, meta=_with_group(reports._meta)).persist()


def with_reports(reports, rows, units: pd.DataFrame, labels: np.ndarray, borrowed: np.ndarray,
                 unit_key: list[np.ndarray], words, rules, workers: int, reported: int,
                 columns: list[str]):
    """The rows, quotes and reports, each with the keys of its unit (a report is one of its
    own: wording -1 - its id), and the units (the reports' too) with their cluster_id.

    labels, borrowed: per unit, its cluster and whether it moved as fragments (join_fragments);
    unit_key: the columns that follow its text's rank in its smallest row key; reported: the kind
    code of reported rows."""
    import dask
    import dask.dataframe as dd

    partitions = words.partitions
    text_rank, reports = _ranked_texts(words, reports)
    lines = reports[REPORT_KEY].drop_duplicates(split_out=partitions).compute()
    lines = lines.sort_values(REPORT_KEY).reset_index(drop=True).assign(**{R.id: np.arange(len(lines))})
    reports = reports.merge(dd.from_pandas(lines, npartitions=partitions), on=REPORT_KEY).persist()
    table = units[UNIT_KEYS].assign(**{H.label: labels, R.borrowed: borrowed})
    quoted = rows.merge(dd.from_pandas(table, npartitions=partitions), on=UNIT_KEYS)
    quoted = quoted.map_partitions(_with_group, meta=_with_group(quoted._meta)).persist()
    found = _found_in_articles(reports, quoted)
    report_entries, quote_entries = _stem_entries(found, quoted, words, lines)
    best = _paraphrased(found, quoted, report_entries, quote_entries, rules, partitions)
    alike = _alike_reports(found, report_entries, rules, workers, partitions)
    held, best, alike = dask.compute(found[[R.id, R.held]], best, alike)
    report_labels = _labels_of_reports(lines, held, best, alike, labels)
    first = [text_rank[units[H.wording].to_numpy()], *unit_key]
    ids = stable_ids(np.r_[labels, report_labels], _group_by(*_with_report_keys(first, lines, reported))[1])
    own_units = pd.DataFrame({H.wording: -1 - lines[R.id].to_numpy(), H.speaker: lines[H.speaker].to_numpy(),
                              H.unit_doc: lines[H.doc].to_numpy(), "cluster_id": ids[len(units):]})
    units = pd.concat([units[UNIT_KEYS].assign(cluster_id=ids[:len(units)]), own_units], ignore_index=True)
    reports = reports.assign(**{H.wording: -1 - reports[R.id], H.unit_doc: reports[H.doc]})
    return dd.concat([rows[[*columns, *UNIT_KEYS]], reports[[*columns, *UNIT_KEYS]]]), units


def _ranked_texts(words, reports):
    """(the rank of each quote wording's text among all texts, quotes' and reports'; the reports
    with the rank of theirs): the first part of the row key in memory, by a sort on the workers."""
    import dask.dataframe as dd

    texts, _ = _sorted_ranks(dd.concat([words.wordings[[H.norm]], reports[[H.norm]]]), H.norm,
                             words.partitions, _text_ranked)
    texts = texts.astype({H.norm: TEXT_DTYPE}).persist()
    ranked = words.wordings[[H.norm, H.wording]].astype({H.norm: TEXT_DTYPE}).merge(texts, on=H.norm)
    ranked = ranked[[H.wording, R.rank]].compute()
    text_rank = np.zeros(words.n, dtype=np.int64)
    text_rank[ranked[H.wording].to_numpy(dtype=np.int64)] = ranked[R.rank].to_numpy(dtype=np.int64)
    return text_rank, reports.merge(texts, on=H.norm)


def _with_report_keys(unit_keys: list[np.ndarray], lines: pd.DataFrame, kind: int) -> list[np.ndarray]:
    """The columns of the units' smallest row keys (text rank, speaker, article, offsets, kind),
    followed by the reports' own."""
    theirs = [lines[c].to_numpy() for c in REPORT_KEY[1:]] + [np.full(len(lines), kind, dtype=np.int64)]
    return [np.r_[mine, other] for mine, other in zip(unit_keys, theirs)]


def _with_group(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows with their `by` group's code and normalised wording, from their wording's key."""
    groups, norms = key_parts(frame[H.key])
    return frame.assign(**{H.group: groups, H.norm: pd.Series(norms, index=frame.index, dtype=TEXT_DTYPE)})


def _found_in_articles(reports, quoted):
    """Per report (one line per id): its group, speaker and article, the label of the quote it
    holds (-1: none), of the longer quote a fragment it holds was borrowed from (-1), its stems
    and its own stems. Found article by article, after a shuffle on the article."""
    import dask.dataframe as dd

    lines = [frame.map_partitions(_article_lines, is_report, meta=_article_lines(frame._meta, is_report))
             for frame, is_report in ((reports, True), (quoted, False))]
    both = dd.concat(lines).shuffle(on=H.doc)
    return both.map_partitions(_in_articles, meta=_in_articles(lines[0]._meta)).persist()


def _article_lines(frame: pd.DataFrame, is_report: bool) -> pd.DataFrame:
    """Reports, or quotes of the kinds a report can hold, as lines of one table: what
    grouping.reported._quotes_inside reads of each."""
    n = len(frame)

    def offsets(column: str) -> np.ndarray:
        if column not in frame.columns:
            return np.full(n, np.nan)
        return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)

    none = np.full(n, -1, dtype=np.int64)
    out = pd.DataFrame({
        H.doc: frame[H.doc].to_numpy(dtype=np.int64), H.group: frame[H.group].to_numpy(dtype=np.int64),
        R.id: frame[R.id].to_numpy(dtype=np.int64) if is_report else none,
        H.speaker: frame[H.speaker].to_numpy(dtype=np.int64),
        H.wording: none if is_report else frame[H.wording].to_numpy(dtype=np.int64),
        H.start: frame[H.start].to_numpy(dtype=np.int64), H.end: frame[H.end].to_numpy(dtype=np.int64),
        H.kind: frame[H.kind].to_numpy(dtype=np.int64), R.lo: offsets("start"), R.hi: offsets("end"),
        H.label: none if is_report else frame[H.label].to_numpy(dtype=np.int64),
        R.borrowed: np.zeros(n, dtype=bool) if is_report else frame[R.borrowed].to_numpy(dtype=bool),
        H.norm: pd.Series(frame[H.norm].astype(object).tolist(), dtype=TEXT_DTYPE)})
    if is_report:
        return out
    return out[frame["kind"].astype(str).isin(QUOTE_KINDS_HELD).to_numpy()].reset_index(drop=True)


def _in_articles(part: pd.DataFrame) -> pd.DataFrame:
    """grouping.reported._quotes_inside, _held_quotes, _borrowed_hosts and _own_words over the
    reports and quotes of whole articles; quotes in row key order (their wording's rank within
    the group, speaker, offsets, kind)."""
    reports = part[part[R.id] >= 0].drop_duplicates(R.id)
    quotes = part[part[R.id] < 0]
    q = {c: f"q{c}" for c in quotes.columns if c not in (H.doc, H.group)}
    inside = reports[[R.id, H.doc, H.group, H.speaker, R.lo, R.hi]].merge(
        quotes.rename(columns=q), on=[H.doc, H.group])
    lo, hi = inside[q[R.lo]].to_numpy(), inside[q[R.hi]].to_numpy()
    fits = (lo >= inside[R.lo].to_numpy()) & (hi <= inside[R.hi].to_numpy()) & (hi > lo)
    inside = inside[fits].assign(length=(hi - lo)[fits])
    order = [R.id, "length", q[H.wording], q[H.speaker], q[H.start], q[H.end], q[H.kind]]
    inside = inside.sort_values(order, ascending=[True, False, *[True] * 5], kind="stable")
    mine, theirs = inside[H.speaker].to_numpy(), inside[q[H.speaker]].to_numpy()
    differ = (mine >= 0) & (theirs >= 0) & (mine != theirs)
    moved = inside[q[R.borrowed]].to_numpy(dtype=bool)
    ids = reports[R.id].to_numpy(dtype=np.int64)

    def first_label(where: np.ndarray) -> np.ndarray:
        chosen = inside[where].drop_duplicates(R.id).set_index(R.id)[q[H.label]]
        return chosen.reindex(ids).fillna(-1).to_numpy(dtype=np.int64)

    held = first_label(~differ & ~moved)
    host = np.where(held >= 0, -1, first_label(~differ & moved))
    quoted = {k: {w for norm in norms.tolist() for w in norm.split()}
              for k, norms in inside.groupby(R.id)[q[H.norm]]}
    norms = reports[H.norm].astype(object).tolist()
    return pd.DataFrame({
        R.id: ids, H.group: reports[H.group].to_numpy(dtype=np.int64),
        H.speaker: reports[H.speaker].to_numpy(dtype=np.int64), H.doc: reports[H.doc].to_numpy(dtype=np.int64),
        R.held: held, R.host: host,
        R.stems: pd.Series([_stemmed(n) for n in norms], dtype=TEXT_DTYPE),
        R.own: pd.Series([_stemmed(n, quoted.get(k, ())) for k, n in zip(ids.tolist(), norms)], dtype=TEXT_DTYPE)})


def _stem_entries(found, quoted, words, lines: pd.DataFrame):
    """(report entries: id, group, speaker, stem feature, whether among its own stems, document
    frequency in the stems and in the own stems, rarity in each; quote entries: wording, group,
    feature, document frequency in the stems). A group's wordings are its reports and its quote
    rows (copies too), as link_reported's members; only content stems weigh."""
    import dask.dataframe as dd

    partitions = words.partitions
    report_entries = found.map_partitions(_report_features, meta=_report_features(found._meta))
    texts = words.wordings[[H.wording, H.group, H.norm]]
    quote_entries = texts.map_partitions(_quote_features, meta=_quote_features(texts._meta))
    counts = quoted[[H.wording]].assign(**{R.count: 1}).groupby(H.wording)[R.count].sum(split_out=partitions)
    quote_entries = quote_entries.merge(counts.reset_index(), on=H.wording)
    from_quotes = quote_entries[[H.feature, R.count]].rename(columns={R.count: R.full_df})
    from_reports = report_entries[[H.feature, R.in_own]].rename(columns={R.in_own: R.own_df})
    counted = dd.concat([from_quotes.assign(**{R.own_df: from_quotes[R.full_df]}),
                         from_reports.assign(**{R.full_df: 1, R.own_df: from_reports[R.own_df].astype(np.int64)})])
    df = counted[[H.feature, R.full_df, R.own_df]].groupby(H.feature).sum(split_out=partitions).reset_index()
    per_group = quoted[H.group].value_counts().compute().add(lines[H.group].value_counts(), fill_value=0) \
        .astype(np.int64)
    report_entries = report_entries.merge(df, on=H.feature)
    report_entries = report_entries.map_partitions(_rarities, shared(per_group),
                                                   meta=_rarities(report_entries._meta, pd.Series([], dtype=np.int64)))
    quote_entries = quote_entries.merge(df[[H.feature, R.full_df]], on=H.feature)
    return report_entries.persist(), quote_entries[[H.wording, H.feature, R.full_df]].persist()


def _features(group: int, stems: str) -> list[str]:
    """The distinct content stems of a stemmed wording, as features of its group."""
    return [f"{group}|{t}" for t in dict.fromkeys(stems.split()) if cached_telling(t)]


def _report_features(part: pd.DataFrame) -> pd.DataFrame:
    ids, groups, speakers, features, own = [], [], [], [], []
    for k, group, speaker, stems, mine in zip(part[R.id].tolist(), part[H.group].tolist(),
                                              part[H.speaker].tolist(), part[R.stems].astype(object).tolist(),
                                              part[R.own].astype(object).tolist()):
        found = _features(group, stems)
        kept = set(_features(group, mine))
        features.extend(found)
        own.extend(f in kept for f in found)
        ids.extend([k] * len(found))
        groups.extend([group] * len(found))
        speakers.extend([speaker] * len(found))
    return pd.DataFrame({R.id: np.array(ids, dtype=np.int64), H.group: np.array(groups, dtype=np.int64),
                         H.speaker: np.array(speakers, dtype=np.int64), H.feature: feature_codes(features),
                         R.in_own: np.array(own, dtype=bool)})


def _quote_features(part: pd.DataFrame) -> pd.DataFrame:
    wordings, groups, features = [], [], []
    for w, group, norm in zip(part[H.wording].tolist(), part[H.group].tolist(), part[H.norm].astype(object).tolist()):
        found = _features(group, _stemmed(norm))
        features.extend(found)
        wordings.extend([w] * len(found))
        groups.extend([group] * len(found))
    return pd.DataFrame({H.wording: np.array(wordings, dtype=np.int64), H.group: np.array(groups, dtype=np.int64),
                         H.feature: feature_codes(features)})


def _rarities(part: pd.DataFrame, per_group: pd.Series) -> pd.DataFrame:
    """Rarity of each stem within its group, in the stems and in the reports' own stems."""
    group = part[H.group].to_numpy(dtype=np.int64)
    return part.assign(**{R.r_full: rarity_in_groups(part[R.full_df].to_numpy(dtype=np.int64), group, per_group),
                          R.r_own: rarity_in_groups(part[R.own_df].to_numpy(dtype=np.int64), group, per_group)})


def _postings(report_entries):
    """(report, speaker, feature) for the stems that find candidates: a known speaker, a stem
    held by more than one and at most SPEAKER_WORD_DF wordings (grouping.index.speaker_word_pairs)."""
    usable = report_entries[(report_entries[H.speaker] >= 0) & (report_entries[R.full_df] > 1)
                            & (report_entries[R.full_df] <= SPEAKER_WORD_DF)]
    return usable[[R.id, H.speaker, H.feature]]


def _summed(hits, keys: list[str], value: str):
    """The sum of `value` per `keys`, over the features in a fixed order: two pairs that share
    the same stems get the very same sum (ties stay ties)."""
    meta = _sum_sorted(hits._meta, keys, value)
    return hits.shuffle(on=keys[0]).map_partitions(_sum_sorted, keys, value, meta=meta)


def _sum_sorted(part: pd.DataFrame, keys: list[str], value: str) -> pd.DataFrame:
    part = part.sort_values([*keys, H.feature], kind="stable")
    return part.groupby(keys, sort=False)[value].sum().rename(R.shared).reset_index()


def _paraphrased(found, quoted, report_entries, quote_entries, rules, partitions: int):
    """(report, label of the quote it paraphrases best) for the reports that hold no quote:
    link_reported's report-to-quote step (grouping.reported._best_partner), on the workers."""
    postings = _postings(report_entries)
    quote_postings = quote_entries[(quote_entries[R.full_df] > 1) & (quote_entries[R.full_df] <= SPEAKER_WORD_DF)]
    voices = quoted[quoted[H.speaker] >= 0][[H.wording, H.speaker]].drop_duplicates(split_out=partitions)
    voices = voices.merge(quote_postings[[H.wording, H.feature]], on=H.wording)
    pairs = postings.merge(voices, on=[H.speaker, H.feature])[[R.id, H.wording, H.speaker]] \
        .drop_duplicates(split_out=partitions)
    own = report_entries[report_entries[R.in_own]][[R.id, H.feature, R.r_own]]
    hits = pairs[[R.id, H.wording]].merge(own, on=R.id).merge(quote_entries[[H.wording, H.feature]],
                                                              on=[H.wording, H.feature])
    pairs = pairs.merge(_summed(hits, [R.id, H.wording], R.r_own), on=[R.id, H.wording], how="left")
    places = quoted[quoted[H.speaker] >= 0][[H.wording, H.speaker, H.doc, H.label]] \
        .rename(columns={H.doc: "q_doc"}).drop_duplicates(split_out=partitions)
    pairs = pairs.merge(places, on=[H.wording, H.speaker])
    own_unit = own[[R.id, R.r_own]].rename(columns={R.r_own: R.own_unit})
    own_unit = own_unit.groupby(R.id).sum(split_out=partitions).reset_index()
    info = found[[R.id, H.doc, R.held, R.host]].merge(own_unit, on=R.id, how="left")
    pairs = pairs.merge(info, on=R.id)
    return pairs.shuffle(on=R.id).map_partitions(_best, rules, meta=_best(pairs._meta, rules))


def _best(part: pd.DataFrame, rules) -> pd.DataFrame:
    shared = part[R.shared].fillna(0.0).to_numpy(dtype=float)
    own_unit = part[R.own_unit].fillna(0.0).to_numpy(dtype=float)
    host, label = part[R.host].to_numpy(dtype=np.int64), part[H.label].to_numpy(dtype=np.int64)
    paraphrase = (shared >= REPORT_EVIDENCE * rules.distinctive) & (shared >= REPORT_COVERAGE * own_unit)
    paraphrase |= (part[H.doc].to_numpy() == part["q_doc"].to_numpy()) \
        & (shared >= SAME_ARTICLE_EVIDENCE * rules.distinctive)
    ok = paraphrase & ((host < 0) | (label == host)) & (part[R.held].to_numpy() < 0)
    chosen = part[ok].assign(**{R.shared: shared[ok]}).sort_values(
        [R.id, R.shared, H.wording, H.speaker, "q_doc"], ascending=[True, False, True, True, True], kind="stable")
    chosen = chosen.drop_duplicates(R.id)
    return pd.DataFrame({R.id: chosen[R.id].to_numpy(dtype=np.int64), R.best: chosen[H.label].to_numpy(dtype=np.int64)})


def _alike_reports(found, report_entries, rules, workers: int, partitions: int):
    """(report, later report, score) for the reports of one speaker worded alike (or one a
    piece of the other): link_reported's report-to-report step, rapidfuzz on the workers."""
    postings = _postings(report_entries)
    pairs = postings.merge(postings.rename(columns={R.id: R.other}), on=[H.speaker, H.feature])
    pairs = pairs[pairs[R.id] < pairs[R.other]][[R.id, R.other]].drop_duplicates(split_out=partitions)
    full = report_entries[[R.id, H.feature, R.r_full]]
    hits = pairs.merge(full, on=R.id).merge(full[[R.id, H.feature]].rename(columns={R.id: R.other}),
                                            on=[R.other, H.feature])
    pairs = pairs.merge(_summed(hits, [R.id, R.other], R.r_full), on=[R.id, R.other], how="left")
    texts = found[[R.id, R.stems, H.doc]]
    pairs = pairs.merge(texts, on=R.id).merge(
        texts.rename(columns={R.id: R.other, R.stems: "o_stems", H.doc: "o_doc"}), on=R.other)
    return pairs.map_partitions(_alike, rules, workers, meta=_alike(pairs._meta, rules, workers))


def _alike(part: pd.DataFrame, rules, workers: int) -> pd.DataFrame:
    a, b = part[R.stems].astype(object).tolist(), part["o_stems"].astype(object).tolist()
    alike = piece = np.zeros(len(a))
    if a:
        alike = process.cpdist(a, b, scorer=fuzz.token_sort_ratio, workers=workers)
        piece = process.cpdist(a, b, scorer=fuzz.partial_ratio, workers=workers)
    needed = np.where(part[H.doc].to_numpy() == part["o_doc"].to_numpy(), rules.containment,
                      rules.same_speaker_threshold)
    shared = part[R.shared].fillna(0.0).to_numpy(dtype=float)
    ok = ((alike >= needed) | (piece >= rules.containment)) & (shared >= rules.distinctive)
    return pd.DataFrame({R.id: part[R.id].to_numpy(dtype=np.int64)[ok],
                         R.other: part[R.other].to_numpy(dtype=np.int64)[ok],
                         "score": np.maximum(alike, piece)[ok].astype(float)})


def _labels_of_reports(lines: pd.DataFrame, held: pd.DataFrame, best: pd.DataFrame, alike: pd.DataFrame,
                       labels: np.ndarray) -> np.ndarray:
    """Each report's label (grouping.reported._report_labels, group by group, on the client):
    the quote it holds or paraphrases, else a label shared with the reports it matches."""
    n = len(lines)
    target = np.full(n, -1, dtype=np.int64)
    target[best[R.id].to_numpy(dtype=np.int64)] = best[R.best].to_numpy(dtype=np.int64)
    mine = held[R.held].to_numpy(dtype=np.int64) >= 0
    target[held[R.id].to_numpy(dtype=np.int64)[mine]] = held[R.held].to_numpy(dtype=np.int64)[mine]
    alike = alike.sort_values([R.id, R.other])
    left, right = alike[R.id].to_numpy(dtype=np.int64), alike[R.other].to_numpy(dtype=np.int64)
    score = alike["score"].to_numpy(dtype=float)
    group = lines[H.group].to_numpy(dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if n else np.zeros(0, dtype=np.int64)
    out = np.empty(n, dtype=np.int64)
    fresh = int(labels.max()) + 1 if len(labels) else 0
    for start, stop in zip(starts.tolist(), np.r_[starts[1:], n].tolist()):
        t = target[start:stop]
        inside = (left >= start) & (left < stop)
        out[start:stop] = _report_labels(np.where(t >= 0, np.arange(stop - start), -1), t,
                                         left[inside] - start, right[inside] - start, score[inside], fresh)
        fresh += stop - start
    return out
