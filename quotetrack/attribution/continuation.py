"""Quotes with no cue of their own that continue the quote before them."""
from __future__ import annotations

from ..constants import SENTENCE_END
from ..quotemarks import QuotedSpan
from .context import ArticleContext
from .result import Attribution


def carried(ctx: ArticleContext, index: int, q: QuotedSpan,
            earlier: list[Attribution]) -> Attribution | None:
    """A quote with no cue of its own continues the direct quote just before it: in the same
    paragraph (`"A," he said. "B."`, resting on the same mention) or the next one (no mention)."""
    # In the same paragraph: the last quote with a speaker, passing over titles quoted in
    # between (`he said on "Meet the Press."`) - `"Nice," Lee said. "Very nice."`.
    same = [k for k in range(index) if ctx.quotes[k].paragraph == q.paragraph
            and earlier[k].speaker is not None]
    if same:
        prev = earlier[same[-1]]
        return Attribution("direct", prev.speaker, prev.mention, prev.cue)
    if index == 0 or ctx.quotes[index - 1].paragraph == q.paragraph:
        return None
    prev_q, prev = ctx.quotes[index - 1], earlier[index - 1]
    if prev.speaker is None or prev.kind != "direct":
        return None
    para = ctx.paragraphs[q.paragraph]
    lead = ctx.text[para.start:q.open_at].strip()
    if q.resumed or (prev_q.paragraph == q.paragraph - 1 and (not lead or lead[-1:] in SENTENCE_END)):
        return Attribution("direct", prev.speaker)
    return None
