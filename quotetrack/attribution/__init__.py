"""Attribution: who said each quoted span, through which cue, and what kind of quote it is.

The only stage that reads spaCy objects. It takes one article's text, its paragraphs, their
parsed Docs and the quoted spans, and returns plain `Attribution` records.

    context.py       the article as read: text, paragraphs, parses, quotes (never changed)
    grammar.py       verbs of saying and their subjects in the parse
    people.py        candidate mentions: the people the article names, titles, gender
    cues.py          the cue around a quote and the subject it rests on
    resolver.py      the one resolver: mention -> name (pronouns, descriptions, surnames)
    kinds.py         direct, partial, heading or title
    continuation.py  quotes that continue the quote before them
    quotes.py        the quote producer
"""
from __future__ import annotations

from ..quotemarks import Paragraph, QuotedSpan
from .context import ArticleContext
from .people import index_people
from .quotes import attribute_quotes
from .resolver import Resolver
from .result import Attribution

__all__ = ["Attribution", "attribute_article"]


def attribute_article(text: str, paragraphs: list[Paragraph], docs: dict[int, object],
                      quotes: list[QuotedSpan]) -> list[Attribution]:
    """One Attribution per quoted span, in the order of `quotes`."""
    ctx = ArticleContext.build(text, paragraphs, docs, quotes)
    resolver = Resolver(ctx, index_people(ctx))
    return attribute_quotes(ctx, resolver)
