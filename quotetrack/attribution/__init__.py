"""Attribution: who said each quoted span or reported statement, through which cue, and what
kind of span it is.

The only stage that reads spaCy objects. It takes one article's text, its paragraphs, their
parsed Docs and the quoted spans, and returns plain `Attributed` records. Two producers read one
article context and share one resolver: quotes, and (on request) reported statements.

    context.py       the article as read: text, paragraphs, parses, quotes (never changed)
    grammar.py       verbs of saying and their subjects in the parse
    people.py        candidate mentions: the people the article names, titles, gender
    cues.py          the cue around a quote and the subject it rests on
    resolver.py      the one resolver: mention -> name (pronouns, descriptions, surnames)
    kinds.py         direct, partial, heading or title
    continuation.py  quotes that continue the quote before them
    quotes.py        the quote producer
    reported.py      the reported-speech producer ("X said that ...", "according to X, ...")
    sources.py       who says a reported statement: the verb's subject, misparses mended
    content.py       the bounds of reported content
"""
from __future__ import annotations

from ..quotemarks import Paragraph, QuotedSpan
from .context import ArticleContext
from .people import index_people
from .quotes import attribute_quote, transcript_labels
from .reported import attribute_statement, find_statements
from .resolver import Resolver
from .result import Attributed, Attribution

__all__ = ["Attributed", "Attribution", "attribute_article"]


def attribute_article(text: str, paragraphs: list[Paragraph], docs: dict[int, object],
                      quotes: list[QuotedSpan], *, reported: bool = False,
                      starts: dict[int, int] | None = None) -> list[Attributed]:
    """One record per quoted span, in the order of `quotes`; with `reported`, also one per
    reported statement, and all of them in text order.

    starts: where each Doc begins in the text when it covers only part of its paragraph."""
    ctx = ArticleContext.build(text, paragraphs, docs, quotes, starts)
    resolver = Resolver(ctx, index_people(ctx))
    statements = find_statements(ctx) if reported else []
    # One list in text order (a quote at its opening mark, a statement at its source, the quote
    # first at the same offset), resolved in that order: a pronoun resolved for one is a mention
    # that a later "he" of either can chain to, as the reader meets them.
    order = sorted([(q.open_at, 0, k) for k, q in enumerate(quotes)]
                   + [(s.at, 1, k) for k, s in enumerate(statements)])
    out: list[Attributed] = []
    earlier: list[Attribution] = []
    labels = transcript_labels(ctx)
    for _, is_statement, k in order:
        if is_statement:
            out.append(attribute_statement(resolver, statements[k]))
        else:
            earlier.append(attribute_quote(ctx, resolver, k, quotes[k], earlier, labels))
            out.append(Attributed.of(quotes[k].start, quotes[k].end, earlier[-1]))
    return sorted(out, key=lambda r: (r.start, r.kind == "reported")) if reported else out
