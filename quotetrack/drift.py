"""`score_drift` and `drift_summary`: how far each variant has moved from the common wording of
its passage."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .frames import require_columns
from .names import majority_speakers
from .normalize import words
from .schema import is_none, is_reported

# A variant this much shorter than the canonical, whose words match a part of it this well
# (rapidfuzz partial_ratio), was cut rather than reworded: it is measured against that part.
SHORTER = 0.9
CUT = 90


def score_drift(quotes: pd.DataFrame) -> pd.DataFrame:
    """Add `drift` in [0, 1] and the columns that explain it.

    drift is 0 when the variant has the canonical's words (the common wording of its passage;
    marks, case, spacing, punctuation and British/American spelling ignored) and grows with
    rewording. A variant that is a cut of the canonical (shorter, and matching a part of it
    closely) is compared with that part, so the cut is not counted as rewording: `truncated`
    says it was cut. drift is NA where no other source renders the row's passage (nothing to
    drift from: `passage_sources` below 2, or, in a frame without it, one doc_id in the row's
    passage_id or cluster_id). Also: word_similarity (0-1, whole wordings), words_deleted / words_inserted /
    words_replaced (word edits from the canonical to the variant), truncated, speaker_mismatch
    (the speaker differs from the one most variants give; NA where the speaker is unknown) and
    reported (a row of kind `reported`: a paraphrase, not a wording of the quote, so its drift
    and word_similarity are NA).
    """
    require_columns(quotes, ["text", "cluster_id", "canonical"], "score_drift (run group_variants first)")
    out = quotes.copy()
    variants = [words(t) for t in out["text"].tolist()]
    canon = [words(t) for t in out["canonical"].tolist()]
    drift, similarity, deleted, inserted, replaced, truncated = [], [], [], [], [], []
    for v, c in zip(variants, canon):
        similarity.append(Indel.normalized_similarity(v, c) if (v or c) else 1.0)
        ops = Counter(op.tag for op in Levenshtein.editops(c, v))
        deleted.append(ops["delete"])
        inserted.append(ops["insert"])
        replaced.append(ops["replace"])
        # a cut: shorter, and its words (typos aside) a part of the canonical's; measured there
        shorter = 0 < len(v) < len(c) and (len(v) < SHORTER * len(c) or _contains(c, v))
        part = fuzz.partial_ratio(" ".join(v), " ".join(c)) if shorter else 0
        truncated.append(part >= CUT)
        drift.append(1.0 - part / 100.0 if part >= CUT else 1.0 - similarity[-1])
    reported = is_reported(out)
    unmeasured = reported | _alone(out)
    out["drift"] = np.where(unmeasured, np.nan, np.clip(np.round(np.array(drift, dtype=float), 4), 0.0, 1.0))
    out["word_similarity"] = np.where(reported, np.nan, np.round(np.array(similarity, dtype=float), 4))
    out["words_deleted"] = np.array(deleted, dtype=np.int64)
    out["words_inserted"] = np.array(inserted, dtype=np.int64)
    out["words_replaced"] = np.array(replaced, dtype=np.int64)
    out["truncated"] = np.array(truncated, dtype=bool)
    out["speaker_mismatch"] = _speaker_mismatch(out)
    out["reported"] = reported
    return out


def _alone(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose passage no other source renders."""
    if "passage_sources" in frame.columns:
        return (frame["passage_sources"].astype("Float64").fillna(0) < 2).to_numpy(dtype=bool)
    if "doc_id" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    group = frame["passage_id"] if "passage_id" in frame.columns else frame["cluster_id"]
    group = group.astype(object).where(group.notna(), frame["cluster_id"])
    return (frame["doc_id"].groupby(group.to_numpy(), dropna=False).transform("nunique") < 2).to_numpy()


def _contains(whole: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def _speaker_mismatch(frame: pd.DataFrame) -> pd.Series:
    if "speaker" not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="boolean")
    speakers = [None if is_none(s) else s for s in frame["speaker"].tolist()]
    majority = majority_speakers(frame["cluster_id"].tolist(), speakers)
    flags = [pd.NA if s is None or c not in majority else s != majority[c]
             for s, c in zip(speakers, frame["cluster_id"].tolist())]
    return pd.Series(pd.array(flags, dtype="boolean"), index=frame.index)


def drift_summary(quotes: pd.DataFrame, by: str | list[str] = "outlet") -> pd.DataFrame:
    """Per group: the number of quotes and how many of them have a drift (`measured`: their
    passage is rendered by another source too); over the quotes only, mean drift (over the
    measured ones), share truncated and share misattributed; and the number of reported
    statements."""
    by_columns = [by] if isinstance(by, str) else list(by)
    require_columns(quotes, ["drift", "truncated", "speaker_mismatch", *by_columns],
                    "drift_summary (run score_drift first)")
    is_report = quotes["reported"].astype("boolean").fillna(False).astype(bool) \
        if "reported" in quotes.columns else pd.Series(False, index=quotes.index)
    counts = is_report.groupby([quotes[c] for c in by_columns], observed=True, dropna=False)
    grouped = quotes[~is_report].groupby(by_columns, observed=True, dropna=False)
    summary = pd.DataFrame({
        "quotes": counts.size() - counts.sum(),
        "measured": grouped["drift"].count(),
        "mean_drift": grouped["drift"].mean(),
        "share_truncated": grouped["truncated"].mean(),
        "share_misattributed": grouped["speaker_mismatch"].agg(
            lambda s: s.astype("boolean").mean(skipna=True)),
        "reported": counts.sum(),
    })
    summary["measured"] = summary["measured"].fillna(0)
    return summary.astype({"quotes": "int64", "measured": "int64", "reported": "int64",
                           "share_misattributed": "Float64"})
