"""The quote producer: one record per quoted span."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..quotemarks import QuotedSpan
from ..tokens import pos
from .context import ArticleContext
from .continuation import carried
from .cues import (
    NEAR_VERB,
    after_window,
    characterising_cue,
    cue_text,
    find_cue,
    governing_cue,
    reported_in_paragraph_before,
    signature_line,
)
from .grammar import DASHES, SUBJECTS, could_speak
from .kinds import quote_kind
from .resolver import Resolver
from .result import Attributed, Attribution

TRANSCRIPT_NAME = re.compile(r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):\s")


def attribute_quotes(ctx: ArticleContext, resolver: Resolver) -> Iterator[Attributed]:
    """One record per quoted span of the article, in text order. Lazy: each quote is resolved
    when it is asked for, so that other producers can resolve theirs in between, in text order."""
    out: list[Attribution] = []
    for index, q in enumerate(ctx.quotes):
        out.append(_attribute(ctx, resolver, index, q, out))
        yield Attributed.of(q.start, q.end, out[-1])


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
    if ctx.nickname(q.open_at):
        return Attribution(kind="other")      # `Marcia "Cia" Price` quotes no one
    kind = quote_kind(ctx.text, para, q, inside)
    speaking = _transcript_speaker(ctx, resolver, q)
    if speaking is not None:
        return speaking
    if kind == "other":
        # A title or a name in capitals is a partial quote when a verb of saying governs it:
        # `Zimmerman said he would fight "Black Lives Matter" violence`.
        cue = governing_cue(ctx, inside[0], inside, strict=True) or characterising_cue(ctx, inside[0], inside)
        kind = "partial" if cue is not None else kind
    else:
        cue = find_cue(ctx, doc, q, inside, kind)
    if cue is not None:
        verb, subject = cue
        speaker, mention = resolver.resolve(subject)
        if speaker is not None:
            return Attribution(kind, speaker, mention, cue_text(verb, subject))
        # A cue whose subject names no one ("I said", a document with no named author, a
        # pronoun with nobody before it): nobody, never the last quote's speaker.
        return Attribution(kind if kind != "partial" else "other")
    if kind == "direct" and _whole_paragraph(ctx, q):
        signed = signature_line(ctx, q)
        if signed is not None:
            speaker, mention = resolver.resolve(signed[1])
            if speaker is not None:
                written = ctx.text[mention[0]:mention[1]]        # "-Dana Reyes": the name, not the dash
                dash = len(written) - len(written.lstrip("".join(DASHES)))
                return Attribution(kind, speaker, (mention[0] + dash, mention[1]), None)
        if not any(other.paragraph == q.paragraph - 1 for other in ctx.quotes):
            reporter = reported_in_paragraph_before(ctx, q)
            if reporter is not None:
                speaker, mention = resolver.resolve(reporter[1])
                if speaker is not None:
                    return Attribution(kind, speaker, mention, cue_text(*reporter))
    if kind == "direct" and not _someone_else_after(ctx, doc, q, inside):
        continued = carried(ctx, index, q, earlier)
        if continued is not None:
            return continued
    if kind in ("partial", "other"):
        return Attribution(kind="other")
    return Attribution(kind)


def _someone_else_after(ctx: ArticleContext, doc, q: QuotedSpan, inside) -> bool:
    """`"It is over," her husband sniffed.`: the sentence goes on with someone doing something
    to the quote, with a verb we do not know as a cue. Not the quote before it continuing."""
    content = ctx.text[q.start:q.end].rstrip("\"'”’ ")
    if content[-1:] != ",":
        return False
    window = after_window(ctx, doc, q, inside[-1])
    return any(t.dep_ in SUBJECTS and pos(t.head) == "VERB" and t.head in window and could_speak(t)
               for t in window[:NEAR_VERB])


def _transcript_speaker(ctx: ArticleContext, resolver: Resolver, q: QuotedSpan) -> Attribution | None:
    """`"PENCE: Well, look, ..."`: a quoted transcript names its speaker in capitals."""
    m = TRANSCRIPT_NAME.match(ctx.text, q.start, q.end)
    if m is None:
        return None
    name = resolver.people.fullest(m.group(1).title(), q.start)
    return Attribution("direct", name, (m.start(1), m.end(1)), ":")


def _whole_paragraph(ctx: ArticleContext, q: QuotedSpan) -> bool:
    para = ctx.paragraphs[q.paragraph]
    end = (q.close_at + 1) if q.close_at is not None else para.end
    return q.open_at == para.start and not ctx.text[end:para.end].strip(" .,;:!?\"'”’")
