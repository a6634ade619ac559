"""The quote producer: one record per quoted span."""
from __future__ import annotations

import re
from collections import Counter

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
from .result import Attribution

TRANSCRIPT_TURNS = 2      # a label opening this many quotes is a transcript's speaker
TRANSCRIPT_NAME = re.compile(r"([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):\s")


def transcript_labels(ctx: ArticleContext) -> Counter:
    """How many of the article's quotes each capitalised label (`COLE:`) opens."""
    return Counter(m.group(1) for q in ctx.quotes if (m := TRANSCRIPT_NAME.match(ctx.text, q.start, q.end)))


def attribute_quote(ctx: ArticleContext, resolver: Resolver, index: int, q: QuotedSpan,
                    earlier: list[Attribution], labels: Counter) -> Attribution:
    """The attribution of the article's quote number `index`; `earlier` holds those of the quotes
    before it, which a quote with no cue of its own may continue; `labels` counts the
    transcript labels (`COLE:`) opening the article's quotes."""
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
    speaking = _transcript_speaker(ctx, resolver, q, labels)
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
        speaker, mention = resolver.resolve(cue.subject)
        if speaker is not None:
            return Attribution(kind, speaker, mention, cue_text(cue.verb, cue.subject))
        # A cue whose subject names no one ("I said", a document with no named author, a
        # pronoun with nobody before it): nobody, never the last quote's speaker.
        return Attribution(kind if kind != "partial" else "other")
    if kind == "direct" and _whole_paragraph(ctx, q):
        signed = signature_line(ctx, q)
        if signed is not None:
            speaker, mention = resolver.resolve(signed.subject)
            if speaker is not None:
                written = ctx.text[mention[0]:mention[1]]        # "-Dana Reyes": the name, not the dash
                dash = len(written) - len(written.lstrip("".join(DASHES)))
                return Attribution(kind, speaker, (mention[0] + dash, mention[1]), None)
        if not any(other.paragraph == q.paragraph - 1 for other in ctx.quotes):
            reporter = reported_in_paragraph_before(ctx, q)
            if reporter is not None:
                speaker, mention = resolver.resolve(reporter.subject)
                if speaker is not None:
                    return Attribution(kind, speaker, mention, cue_text(reporter.verb, reporter.subject))
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


def _transcript_speaker(ctx: ArticleContext, resolver: Resolver, q: QuotedSpan,
                        labels: Counter) -> Attribution | None:
    """`"PENCE: Well, look, ..."`: a quoted transcript names its speaker in capitals: a person
    the article names outside quotes, or a label that opens several of its quotes (the turns of
    a transcript). A label used once for no one it names (`"UPDATE: The bridge is closed,"
    Olsen said`) opens the quote and names no one."""
    m = TRANSCRIPT_NAME.match(ctx.text, q.start, q.end)
    if m is None or (labels[m.group(1)] < TRANSCRIPT_TURNS and not resolver.people.names_someone(m.group(1))):
        return None
    name = resolver.people.fullest(m.group(1).title(), q.start)
    return Attribution("direct", name, (m.start(1), m.end(1)), ":")


def _whole_paragraph(ctx: ArticleContext, q: QuotedSpan) -> bool:
    para = ctx.paragraphs[q.paragraph]
    end = (q.close_at + 1) if q.close_at is not None else para.end
    return q.open_at == para.start and not ctx.text[end:para.end].strip(" .,;:!?\"'”’")
