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
from ..schema import REPORTED
from .context import ArticleContext
from .people import index_people
from .quotes import attribute_quotes
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
    quoted = attribute_quotes(ctx, resolver)
    if not reported:
        return list(quoted)
    statements = find_statements(ctx)
    # Resolve in text order, so that a pronoun resolved for one producer is a mention that a
    # later "he" of either producer can chain to, as the reader meets them.
    out, pending = [], iter(statements)
    statement = next(pending, None)
    for q in quotes:
        while statement is not None and statement.at < q.open_at:
            out.append(attribute_statement(resolver, statement))
            statement = next(pending, None)
        out.append(next(quoted))
    while statement is not None:
        out.append(attribute_statement(resolver, statement))
        statement = next(pending, None)
    return sorted(out, key=lambda r: (r.start, r.kind == REPORTED))
