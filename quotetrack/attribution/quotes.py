"""The quote producer: one record per quoted span."""
from __future__ import annotations

from collections.abc import Iterator

from ..quotemarks import QuotedSpan
from .context import ArticleContext
from .continuation import carried
from .cues import cue_text, find_cue
from .kinds import quote_kind
from .resolver import Resolver
from .result import Attributed, Attribution


def attribute_quotes(ctx: ArticleContext, resolver: Resolver) -> Iterator[Attributed]:
    """One record per quoted span of the article, in text order. Lazy: each quote is resolved
    when it is asked for, so that other producers can resolve theirs in between, in text order."""
    out: list[Attribution] = []
    for index, q in enumerate(ctx.quotes):
        attribution = _attribute(ctx, resolver, index, q, out)
        if attribution.speaker is not None:
            attribution.speaker = resolver.fullest(attribution.speaker)
        out.append(attribution)
        yield Attributed.of(q.start, q.end, attribution)


def _attribute(ctx: ArticleContext, resolver: Resolver, index: int, q: QuotedSpan,
               earlier: list[Attribution]) -> Attribution:
    doc = ctx.docs.get(q.paragraph)
    if doc is None:
        return Attribution(kind="other")
    para = ctx.paragraphs[q.paragraph]
    span = doc.char_span(q.start - para.start, q.end - para.start, alignment_mode="expand")
    inside = list(span) if span is not None else []
    if not inside:
        return Attribution(kind="other")
    kind = quote_kind(ctx.text, para, q, inside)
    cue = find_cue(ctx, doc, q, inside, kind) if kind != "other" else None
    if cue is not None:
        verb, subject = cue
        speaker, mention = resolver.resolve(subject)
        if speaker is not None:
            return Attribution(kind, speaker, mention, cue_text(verb))
    if kind == "direct":
        continued = carried(ctx, index, q, earlier)
        if continued is not None:
            return continued
    if kind in ("partial", "other"):
        return Attribution(kind="other")
    return Attribution(kind)
