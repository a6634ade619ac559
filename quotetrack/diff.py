"""Comparing the quotations of two versions of a story, word by word."""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .extract import extract_quotes
from .grouping import group_variants
from .names import majority_speaker
from .normalize import words
from .schema import DIRECT, PARTIAL, REPORTED, is_none, is_reported

COMPARED_KINDS = (DIRECT, PARTIAL)
RED, GREEN, RESET = "\033[31m", "\033[32m", "\033[0m"
_DISPLAY_WORD = re.compile(r"[—–]|[^\s—–]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)] with op in "=", "-", "+": the words as written, compared as normalised."""
    a, b = _DISPLAY_WORD.findall(old), _DISPLAY_WORD.findall(new)
    keys_a = [" ".join(words(w)) or unicodedata.normalize("NFKC", w) for w in a]   # … is ...
    keys_b = [" ".join(words(w)) or unicodedata.normalize("NFKC", w) for w in b]
    out: list[tuple[str, str]] = []
    for op in Levenshtein.opcodes(keys_a, keys_b):
        if op.tag == "equal":
            out.append(("=", " ".join(b[op.dest_start:op.dest_end])))
            continue
        if op.src_end > op.src_start:
            out.append(("-", " ".join(a[op.src_start:op.src_end])))
        if op.dest_end > op.dest_start:
            out.append(("+", " ".join(b[op.dest_start:op.dest_end])))
    return out


def word_diff_html(old: str, new: str) -> str:
    """The word diff as HTML: removed words in <del>, added words in <ins>, all text escaped."""
    return "".join(
        f"<span>{html.escape(t)}</span> " if op == "=" else
        f"<del style='background:#fdd;color:#900'>{html.escape(t)}</del> " if op == "-" else
        f"<ins style='background:#dfd;color:#060;text-decoration:none'>{html.escape(t)}</ins> "
        for op, t in word_diff(old, new))


@dataclass
class QuoteDiff:
    """The quotations of A paired with their variants in B; renders as text or HTML."""
    name_a: str
    name_b: str
    pairs: pd.DataFrame                 # a_text, b_text, a_speaker, b_speaker, drift, status
    only_a: pd.DataFrame
    only_b: pd.DataFrame
    summary: dict = field(default_factory=dict)
    # A quotation of one version that the other only reports in its own words:
    # quoted_in ("a" or "b"), quote, paraphrase, speaker.
    paraphrased: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["quoted_in", "quote", "paraphrase", "speaker"]))

    @property
    def same(self) -> bool:
        return self.summary["reworded"] == 0 and self.summary["only_in_a"] == 0 \
            and self.summary["only_in_b"] == 0 and self.summary["speaker_changed"] == 0 \
            and self.summary.get("paraphrased", 0) == 0

    def _paraphrase_label(self, row) -> str:
        quoting, reporting = (self.name_a, self.name_b) if row.quoted_in == "a" else (self.name_b, self.name_a)
        return f"quoted in {quoting}, paraphrased in {reporting}"

    def to_text(self, color: bool = False) -> str:
        lines = [f"--- {self.name_a}", f"+++ {self.name_b}"]
        for row in self.pairs.itertuples(index=False):
            mark = "=" if row.status == "same" else "~"
            lines.append(f"{mark} {_render(word_diff(row.a_text, row.b_text), color)}")
            if speaker_changed(row.a_speaker, row.b_speaker):
                lines.append(f"  speaker: {row.a_speaker or '?'} -> {row.b_speaker or '?'}")
        for row in self.only_a.itertuples(index=False):
            lines.append(_paint(f"- only in {self.name_a}: {row.text}  ({row.speaker or '?'})", RED, color))
        for row in self.only_b.itertuples(index=False):
            lines.append(_paint(f"+ only in {self.name_b}: {row.text}  ({row.speaker or '?'})", GREEN, color))
        for row in self.paraphrased.itertuples(index=False):
            lines.append(f"≈ {self._paraphrase_label(row)}: {row.quote}  ≈  {row.paraphrase}  "
                         f"({row.speaker or '?'})")
        lines.append(summary_line(self.summary))
        return "\n".join(lines)

    def to_records(self) -> list[dict]:
        rows = [{"status": r.status, "a_text": r.a_text, "b_text": r.b_text,
                 "a_speaker": r.a_speaker, "b_speaker": r.b_speaker, "drift": r.drift,
                 "diff": _render(word_diff(r.a_text, r.b_text), False)}
                for r in self.pairs.itertuples(index=False)]
        rows += [{"status": "only_in_a", "a_text": r.text, "b_text": None, "a_speaker": r.speaker,
                  "b_speaker": None, "drift": None, "diff": None} for r in self.only_a.itertuples(index=False)]
        rows += [{"status": "only_in_b", "a_text": None, "b_text": r.text, "a_speaker": None,
                  "b_speaker": r.speaker, "drift": None, "diff": None} for r in self.only_b.itertuples(index=False)]
        for r in self.paraphrased.itertuples(index=False):
            quote_side, report_side = ("a", "b") if r.quoted_in == "a" else ("b", "a")
            rows.append({"status": f"paraphrased_in_{report_side}", f"{quote_side}_text": r.quote,
                         f"{report_side}_text": r.paraphrase, "a_speaker": r.speaker,
                         "b_speaker": r.speaker, "drift": None, "diff": None})
        return rows

    def _repr_html_(self) -> str:
        rows = []
        for r in self.pairs.itertuples(index=False):
            cells = word_diff_html(r.a_text, r.b_text)
            who = html.escape(r.b_speaker or "?") if not speaker_changed(r.a_speaker, r.b_speaker) else \
                f"{html.escape(r.a_speaker or '?')} &rarr; <b>{html.escape(r.b_speaker or '?')}</b>"
            rows.append(f"<tr><td>{r.status}</td><td>{who}</td><td>{cells}</td><td>{r.drift:.2f}</td></tr>")
        for label, frame in ((f"only in {self.name_a}", self.only_a), (f"only in {self.name_b}", self.only_b)):
            for r in frame.itertuples(index=False):
                rows.append(f"<tr><td>{html.escape(label)}</td><td>{html.escape(r.speaker or '?')}</td>"
                            f"<td>{html.escape(r.text)}</td><td></td></tr>")
        for r in self.paraphrased.itertuples(index=False):
            rows.append(f"<tr><td>{html.escape(self._paraphrase_label(r))}</td>"
                        f"<td>{html.escape(r.speaker or '?')}</td><td>{html.escape(r.quote)}<br>"
                        f"<i>≈ {html.escape(r.paraphrase)}</i></td><td></td></tr>")
        return ("<table><thead><tr><th></th><th>speaker</th><th>quotation</th><th>drift</th></tr>"
                f"</thead><tbody>{''.join(rows)}</tbody></table><p>{html.escape(summary_line(self.summary))}</p>")


def diff(text_a: str, text_b: str, *, name_a: str = "A", name_b: str = "B", nlp=None) -> QuoteDiff:
    """Pair every quotation of `text_a` with its variant in `text_b`.

    Variants are found by group_variants; a quotation split in pieces on one side ("A," he
    said, "B.") is compared whole, its pieces joined in text order. A quotation that the other
    version only reports in its own words ("she said the plan would fail") is listed as
    paraphrased, not as missing."""
    quotes = extract_quotes({name_a: text_a, name_b: text_b}, nlp=nlp, reported=True)
    quotes = quotes[quotes["kind"].isin(COMPARED_KINDS + (REPORTED,))]
    if len(quotes):
        quotes = group_variants(quotes)
    pairs, only_a, only_b, paraphrased = [], [], [], []
    for _, cluster in quotes.groupby("cluster_id", sort=False) if len(quotes) else ():
        reports = cluster[is_reported(cluster)]
        cluster = cluster[~is_reported(cluster)]
        side_a = cluster[cluster["doc_id"] == name_a].sort_values("start")
        side_b = cluster[cluster["doc_id"] == name_b].sort_values("start")
        if cluster.empty:
            continue
        if side_a.empty or side_b.empty:
            quoted_in, quoted = ("a", side_a) if side_b.empty else ("b", side_b)
            reporting = reports[reports["doc_id"] == (name_b if quoted_in == "a" else name_a)]
            if not reporting.empty:
                paraphrased.append({"quoted_in": quoted_in, "quote": " ".join(quoted["text"]),
                                    "paraphrase": " ".join(reporting.sort_values("start")["text"]),
                                    "speaker": majority_speaker(quoted["speaker"]),
                                    "start": quoted["start"].min()})
                continue
            (only_a if side_b.empty else only_b).extend(
                {"text": r.text, "speaker": _name(r.speaker), "start": r.start}
                for r in (side_a if side_b.empty else side_b).itertuples(index=False))
            continue
        a, b = " ".join(side_a["text"]), " ".join(side_b["text"])
        similarity = fuzz.ratio(" ".join(words(a)), " ".join(words(b)))
        pairs.append({"a_text": a, "b_text": b, "a_speaker": majority_speaker(side_a["speaker"]),
                      "b_speaker": majority_speaker(side_b["speaker"]),
                      "status": "same" if words(a) == words(b) else "reworded",
                      "drift": round(1 - similarity / 100, 4), "start": side_a["start"].min()})
    pairs.extend(_pair_identical(only_a, only_b))
    pairs_frame = _ordered(pairs, ["a_text", "b_text", "a_speaker", "b_speaker", "status", "drift"])
    only_a_frame, only_b_frame = _ordered(only_a, ["text", "speaker"]), _ordered(only_b, ["text", "speaker"])
    paraphrased_frame = _ordered(paraphrased, ["quoted_in", "quote", "paraphrase", "speaker"])
    summary = {
        "matched": len(pairs_frame),
        "reworded": int((pairs_frame["status"] == "reworded").sum()),
        "speaker_changed": sum(speaker_changed(a, b) for a, b in zip(pairs_frame["a_speaker"],
                                                                     pairs_frame["b_speaker"])),
        "only_in_a": len(only_a_frame),
        "only_in_b": len(only_b_frame),
        "paraphrased": len(paraphrased_frame),
        "mean_drift": round(float(pairs_frame["drift"].mean()), 4) if len(pairs_frame) else 0.0,
    }
    return QuoteDiff(name_a, name_b, pairs_frame, only_a_frame, only_b_frame, summary, paraphrased_frame)


def speaker_changed(a, b) -> bool:
    """Two versions name another speaker; no speaker on either side is no change."""
    return (_name(a) or None) != (_name(b) or None)


def _pair_identical(only_a: list[dict], only_b: list[dict]) -> list[dict]:
    """Pairs of the quotations left on each side that are worded alike (words as compared),
    taken out of `only_a` and `only_b`.

    Grouping keeps a short quote with no speaker apart from its copy in another article (it is
    no evidence of one utterance in a corpus); two versions of one story that print the same
    words have not changed them."""
    pairs = []
    for a in list(only_a):
        b = next((b for b in only_b if words(b["text"]) == words(a["text"])
                  and not (a["speaker"] and b["speaker"] and a["speaker"] != b["speaker"])), None)
        if b is None:
            continue
        only_a.remove(a)
        only_b.remove(b)
        pairs.append({"a_text": a["text"], "b_text": b["text"], "a_speaker": a["speaker"],
                      "b_speaker": b["speaker"], "status": "same", "drift": 0.0, "start": a["start"]})
    return pairs


def _ordered(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns + ["start"])
    return frame.sort_values("start", kind="stable").drop(columns="start").reset_index(drop=True)


def summary_line(summary: dict) -> str:
    return (f"{summary['matched']} matched ({summary['reworded']} reworded, "
            f"{summary['speaker_changed']} with another speaker), {summary['only_in_a']} only in A, "
            f"{summary['only_in_b']} only in B, "
            + (f"{summary['paraphrased']} paraphrased, " if summary.get("paraphrased") else "")
            + f"mean drift {summary['mean_drift']:.2f}")


def _name(value):
    return None if is_none(value) else str(value)


def _render(ops: list[tuple[str, str]], color: bool) -> str:
    parts = []
    for op, text in ops:
        if op == "=":
            parts.append(text)
        elif op == "-":
            parts.append(_paint(text, RED, color) if color else f"[-{text}-]")
        else:
            parts.append(_paint(text, GREEN, color) if color else f"{{+{text}+}}")
    return " ".join(parts)


def _paint(text: str, colour: str, on: bool) -> str:
    return f"{colour}{text}{RESET}" if on else text
