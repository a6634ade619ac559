"""The article as attribution reads it: text, paragraphs, their parses and the quoted spans.

Built once per article and never changed afterwards, so every rule can rely on it."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..quotemarks import Paragraph, QuotedSpan


@dataclass(frozen=True)
class ArticleContext:
    text: str
    paragraphs: list[Paragraph]
    docs: dict[int, object]              # paragraph index -> spaCy Doc (of the paragraph, or a part)
    quotes: list[QuotedSpan]
    quote_starts: tuple[int, ...]        # opening marks, in text order
    close_marks: frozenset[int]
    offsets: dict[int, int]              # id(Doc) -> paragraph start
    sentence_starts: tuple[int, ...]     # of every parsed sentence, in text order

    @classmethod
    def build(cls, text: str, paragraphs: list[Paragraph], docs: dict[int, object],
              quotes: list[QuotedSpan], starts: dict[int, int] | None = None) -> ArticleContext:
        """starts: where a Doc that covers only part of its paragraph begins in the text (the
        parse plan may read just the sentences that need it); other Docs begin with their
        paragraph."""
        begins = {i: (starts or {}).get(i, paragraphs[i].start) for i in docs}
        sentences = [begins[i] + sent.start_char for i in sorted(docs) for sent in docs[i].sents]
        return cls(text, paragraphs, docs, quotes,
                   quote_starts=tuple(q.open_at for q in quotes),
                   close_marks=frozenset(q.close_at for q in quotes if q.close_at is not None),
                   offsets={id(doc): begins[i] for i, doc in docs.items()},
                   sentence_starts=tuple(sentences))

    def at(self, tok) -> int:
        """A token's offset in the article text."""
        return self.offsets[id(tok.doc)] + tok.idx

    def end_of(self, tok) -> int:
        return self.at(tok) + len(tok)

    def inside_quote(self, at: int) -> bool:
        """Between a quote's marks (the marks included)."""
        i = bisect.bisect_right(self.quote_starts, at) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        end = q.close_at if q.close_at is not None else q.end
        return q.open_at <= at < end

    def starts_quote(self, at: int) -> bool:
        i = bisect.bisect_left(self.quote_starts, at)
        return i < len(self.quote_starts) and self.quote_starts[i] == at

    def nickname(self, at: int) -> bool:
        """The quote opening at `at` is a nickname inside a name: `Marcia "Cia" Price`."""
        i = bisect.bisect_left(self.quote_starts, at)
        if i >= len(self.quotes) or self.quote_starts[i] != at or self.quotes[i].close_at is None:
            return False
        q = self.quotes[i]
        words = self.text[q.start:q.end].split()
        before = self.text[:q.open_at].split()[-1:]
        after = self.text[q.close_at + 1:q.close_at + 80].split()[:1]
        return 1 <= len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words) \
            and bool(before) and bool(after) and before[0].isalpha() and before[0][:1].isupper() \
            and after[0][:1].isupper()

    def closes_quote(self, at: int) -> bool:
        return at in self.close_marks

    def sentence_index(self, at: int) -> int:
        return bisect.bisect_right(self.sentence_starts, at) - 1
