"""`report`: the quotations of a set of articles as one HTML page, for readers who do not write code.

The page stands alone (inline CSS and SVG, no script, no external file), so it can be mailed,
archived or opened offline, and every piece of article text in it is escaped.
"""
from __future__ import annotations

import html
import math
from pathlib import Path

import pandas as pd

from .diff import word_diff_html
from .drift import drift_summary
from .frames import require_columns
from .names import majority_speaker
from .schema import DIRECT, is_none, is_reported
from .variants import NEEDED, passage_variants, source_labels, source_variants

NO_SPEAKER = "(no speaker found)"


def report(quotes: pd.DataFrame, path: str | Path | None = None, *, by: str | None = None,
           title: str = "Quotations and how they drift") -> str:
    """The whole comparison as one HTML page (a str), also written to `path` when given.

    quotes: the frame of group_variants or score_drift. Each utterance is shown passage by
        passage, each passage with its common wording and each source's rendering of it; the
        chart of drift per source scores each source's whole variant (see source_variants).
    by: the column naming where a quote was printed: `outlet` when the frame has one, else `doc_id`.
    """
    source = _source_column(quotes, by)
    variants = source_variants(quotes, by=source)
    renderings = passage_variants(quotes, by=source)
    paraphrases = _reported(quotes).assign(source=lambda f: source_labels(f, source))
    clusters = _cluster_order(variants, paraphrases)
    sources = list(dict.fromkeys(source_labels(quotes, source)))
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p class='lead'>{_counts(quotes, sources, clusters)}</p>",
        _LEGEND,
        "<h2>Drift per source</h2>",
        _drift_chart(variants, sources),
        "<h2>Who is quoted where</h2>",
        _speaker_table(quotes[~is_reported(quotes)], source, sources),
        "<h2>Each utterance and its variants</h2>",
        *(_cluster_section(n, cluster_id, renderings, paraphrases) for n, cluster_id in enumerate(clusters, 1)),
        "<p class='foot'>Made by quotetrack.</p>",
    ]
    page = _PAGE.format(title=html.escape(title), style=_STYLE, body="\n".join(body))
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


def _source_column(quotes: pd.DataFrame, by: str | None) -> str:
    require_columns(quotes, NEEDED, "report (run group_variants first)")
    source = by or ("outlet" if "outlet" in quotes.columns else "doc_id")
    require_columns(quotes, [source], "report(by=...)")
    return source


def _reported(quotes: pd.DataFrame) -> pd.DataFrame:
    rows = quotes[is_reported(quotes)]
    return rows.sort_values("start", kind="stable") if "start" in rows.columns else rows


def _cluster_order(variants: pd.DataFrame, paraphrases: pd.DataFrame) -> list:
    """Largest first: most sources, then the longest canonical wording, then the cluster id."""
    both = pd.concat([variants[["cluster_id", "source", "canonical"]],
                      paraphrases[["cluster_id", "source", "canonical"]]])
    if both.empty:
        return []
    stats = both.groupby("cluster_id").agg(sources=("source", "nunique"),
                                           words=("canonical", lambda c: len(str(c.iloc[0]).split())))
    stats = stats.reset_index().sort_values(["sources", "words", "cluster_id"], ascending=[False, False, True])
    return stats["cluster_id"].tolist()


def _counts(quotes: pd.DataFrame, sources: list[str], clusters: list) -> str:
    if quotes.empty:
        return "No quotations found."
    n_reported = int(is_reported(quotes).sum())
    parts = [_plural(len(sources), "source"), _plural(len(quotes) - n_reported, "quotation"),
             _plural(len(clusters), "utterance")]
    if n_reported:
        parts.append(_plural(n_reported, "reported statement"))
    return ", ".join(parts) + "."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _cluster_section(number: int, cluster_id, renderings: pd.DataFrame, paraphrases: pd.DataFrame) -> str:
    quoted = renderings[renderings["cluster_id"] == cluster_id]
    reported = paraphrases[paraphrases["cluster_id"] == cluster_id]
    everyone = pd.concat([quoted["speaker"].astype(object), reported["speaker"].astype(object)])
    speaker = majority_speaker(everyone)
    n_sources = len(set(quoted["source"]) | set(reported["source"]))
    head = (f"<h3 id='u{number}'>{number}. {html.escape(speaker or NO_SPEAKER)}"
            f" <small>{_plural(n_sources, 'source')}</small></h3>")
    parts = [f"<section class='cluster' data-cluster='{html.escape(str(cluster_id))}'>", head]
    if not len(quoted):
        parts.append(f"<blockquote class='canonical'>{html.escape(str(reported['canonical'].iloc[0]))}</blockquote>")
    passages = _passage_order(quoted)
    for k, rows in enumerate(passages, 1):
        if len(passages) > 1:
            parts.append(f"<p class='passage-head'>Passage {k} of {len(passages)}, "
                         f"{_plural(_rendered_by(rows), 'source')}:</p>")
        table = "".join(_variant_row(r, speaker) for r in rows.itertuples(index=False))
        parts.append(f"<blockquote class='canonical'>{html.escape(_wording(rows))}</blockquote>"
                     "<table class='variants'><colgroup><col class='c-source'><col class='c-speaker'>"
                     "<col><col class='c-drift'><col class='c-marks'></colgroup>"
                     "<thead><tr><th>source</th><th>speaker</th>"
                     "<th>wording (against the canonical)</th><th>drift</th><th></th></tr></thead>"
                     f"<tbody>{table}</tbody></table>")
    if len(reported):
        items = "".join(f"<li><b>{html.escape(r.source)}</b> ({html.escape(_name(r.speaker))}): "
                        f"<q>{html.escape(str(r.text))}</q></li>" for r in reported.itertuples(index=False))
        parts.append(f"<p class='paraphrase-head'>Paraphrased (reported speech, not quoted):</p>"
                     f"<ul class='paraphrases'>{items}</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _passage_order(quoted: pd.DataFrame) -> list[pd.DataFrame]:
    """The renderings listed under each passage, the passage most sources render first (ties:
    the earlier in the text of the first source)."""
    groups = [rows for _, rows in quoted.groupby("passage_id", sort=False, dropna=False)]
    return sorted(groups, key=lambda rows: -_rendered_by(rows))


def _rendered_by(rows: pd.DataFrame) -> int:
    """How many sources render a passage: also those whose quote spans it and is listed under
    another passage of theirs."""
    listed = rows["source"].nunique()
    if "passage_sources" not in rows.columns or rows["passage_sources"].isna().all():
        return listed
    return max(listed, int(rows["passage_sources"].max()))


def _wording(rows: pd.DataFrame) -> str:
    """The common wording of a passage: the canonical of its renderings that covers least (one
    that spans several passages carries their wordings joined)."""
    canonicals = rows["canonical"].astype(str)
    return canonicals.loc[canonicals.str.len().idxmin()]


def _variant_row(r, majority: str | None) -> str:
    marks = []
    if r.kind != DIRECT:
        marks.append(f"<span class='mark kind'>{html.escape(r.kind)}</span>")
    if _flag(r.truncated):
        marks.append("<span class='mark cut'>cut</span>")
    if _flag(r.speaker_mismatch):
        marks.append(f"<span class='mark who' title='most sources: {html.escape(majority or '?')}'>"
                     "other speaker</span>")
    drift = "" if is_none(r.drift) else f"{r.drift:.2f}"
    speaker = html.escape(_name(r.speaker))
    if _flag(r.speaker_mismatch):
        speaker = f"<b class='who'>{speaker}</b>"
    return (f"<tr><td>{html.escape(r.source)}</td><td>{speaker}</td>"
            f"<td class='wording'>{word_diff_html(str(r.canonical), str(r.text))}</td>"
            f"<td class='num'>{drift}</td><td>{' '.join(marks)}</td></tr>")


def _flag(value) -> bool:
    return not is_none(value) and bool(value)


def _name(value) -> str:
    return NO_SPEAKER if is_none(value) else str(value)


def _speaker_table(quotes: pd.DataFrame, source: str, sources: list[str]) -> str:
    """Quotations per speaker (rows, most quoted first) per source (columns)."""
    frame = pd.DataFrame({"speaker": [_name(s) for s in quotes["speaker"]],
                          "source": source_labels(quotes, source).tolist()})
    if frame.empty:
        return "<p>No quotations found.</p>"
    sources = [s for s in sources if s in set(frame["source"])]
    counts = pd.crosstab(frame["speaker"], frame["source"]).reindex(columns=sources, fill_value=0)
    counts = counts.assign(total=counts.sum(axis=1)).sort_values(["total"], ascending=False, kind="stable")
    head = "".join(f"<th>{html.escape(s)}</th>" for s in [*sources, "total"])
    rows = "".join(
        f"<tr><th>{html.escape(name)}</th>" + "".join(f"<td class='num'>{n or ''}</td>" for n in row) + "</tr>"
        for name, row in zip(counts.index, counts.to_numpy().tolist()))
    return f"<table class='speakers'><thead><tr><th>speaker</th>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _drift_chart(variants: pd.DataFrame, sources: list[str]) -> str:
    """Horizontal bars as inline SVG: the mean drift of the direct quotations each source shares
    with another source (one only it has has nothing to drift from; a one-word partial quote
    hardly can, and would only pull every mean towards 0)."""
    quoted = variants[variants["kind"] == DIRECT]
    shared = quoted[quoted.groupby("cluster_id")["source"].transform("nunique") > 1]
    if shared.empty:
        return "<p>No direct quotation appears in more than one source, so there is no drift to show.</p>"
    means = drift_summary(shared, by="source")["mean_drift"].reindex(sources)
    top = max(0.1, float(means.max()))
    scale = math.ceil(top * 10 - 1e-9) / 10       # the axis ends at the next tenth
    label_w, bar_w, row_h = 240, 420, 26
    height = row_h * len(sources) + 34
    bars = []
    for i, (name, value) in enumerate(means.items()):
        y = 8 + i * row_h
        short = name if len(name) <= 34 else "…" + name[-33:]
        if is_none(value):
            bars.append(f"<text x='{label_w - 8}' y='{y + 16}' text-anchor='end'><title>{html.escape(name)}"
                        f"</title>{html.escape(short)}</text><text x='{label_w + 4}' y='{y + 16}' "
                        "class='na'>no shared direct quotation</text>")
            continue
        width = bar_w * float(value) / scale
        bars.append(f"<text x='{label_w - 8}' y='{y + 16}' text-anchor='end'><title>{html.escape(name)}</title>"
                    f"{html.escape(short)}</text><rect x='{label_w}' y='{y + 3}' width='{width:.1f}' "
                    f"height='{row_h - 8}' fill='#4c72b0'/><text x='{label_w + width + 6:.1f}' y='{y + 16}'>"
                    f"{value:.2f}</text>")
    axis_y = 8 + len(sources) * row_h
    step = 0.1 if scale <= 0.5 else 0.2
    ticks = "".join(f"<text x='{label_w + bar_w * t * step / scale:.1f}' y='{axis_y + 16}' "
                    f"text-anchor='middle' class='tick'>{t * step:.1f}</text>"
                    for t in range(int(round(scale / step)) + 1))
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_w + bar_w + 60}' height='{height}' "
            f"role='img' aria-label='mean drift per source'>"
            f"<line x1='{label_w}' y1='4' x2='{label_w}' y2='{axis_y}' stroke='#333'/>"
            f"{''.join(bars)}{ticks}</svg>"
            "<p class='caption'>Mean drift of the direct quotations that a source shares with at least "
            "one other source: 0 is the common wording, 1 has no word in common.</p>")


_LEGEND = ("<p class='legend'>Each utterance is shown passage by passage (the sentences that sources "
           "print together), each in its <b>canonical</b> wording (the one most sources agree with), "
           "then as each source printed it: <del>struck-out red</del> words are "
           "in the canonical but not in this version, <ins>green</ins> words are in this version only. "
           "<b>drift</b> runs from 0 (the canonical's words) to 1; <span class='mark cut'>cut</span>: "
           "words are missing from the end or the start; <span class='mark who'>other speaker</span>: "
           "this source names someone else than most sources do.</p>")

_STYLE = """
.qtr{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1100px;margin:0 auto;
padding:0 16px}
.qtr h1{font-size:1.6em;margin:.6em 0 .2em}.qtr h2{margin-top:1.6em;border-bottom:1px solid #ccc}
.qtr h3{margin:1.4em 0 .3em}.qtr h3 small{color:#666;font-weight:normal}
.qtr .lead{color:#444}.qtr .legend,.qtr .caption,.qtr .foot{color:#555;font-size:.9em}
.qtr blockquote.canonical{margin:.3em 0 .6em;padding:.4em .8em;border-left:4px solid #4c72b0;background:#f4f6fa}
.qtr table{border-collapse:collapse;margin:.4em 0;width:100%}
.qtr th,.qtr td{border-bottom:1px solid #e4e4e4;padding:4px 8px;text-align:left;vertical-align:top}
.qtr table.speakers{width:auto}.qtr td.num{text-align:right;font-variant-numeric:tabular-nums}
.qtr table.variants{table-layout:fixed}.qtr col.c-source{width:15%}.qtr col.c-speaker{width:16%}
.qtr col.c-drift{width:6%}.qtr col.c-marks{width:13%}.qtr del{background:#fdd;color:#900}
.qtr ins{background:#dfd;color:#060;text-decoration:none}
.qtr .mark{display:inline-block;font-size:.8em;padding:0 6px;border-radius:8px;background:#eee;margin:1px}
.qtr .mark.cut{background:#fff1c2}.qtr .mark.who{background:#f8c9c9}.qtr b.who{color:#a00}
.qtr .passage-head{margin:.8em 0 0;color:#444}
.qtr ul.paraphrases{margin:.2em 0 .6em}.qtr .paraphrase-head{margin:.4em 0 0;color:#444;font-style:italic}
.qtr svg text{font:12px system-ui,sans-serif;fill:#222}.qtr svg text.tick,.qtr svg text.na{fill:#777}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<main class="qtr">
{body}
</main>
</body>
</html>
"""
