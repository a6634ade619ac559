"""The bounds of reported content: from the words the parse gives to offsets in the text.

Less a leading "that", edge punctuation, unpaired quote marks and trailing asides (", who ...",
", according to X"); never a fragment under MIN_WORDS words, content that is mostly quoted (the
quote is a row of its own), nor content that cuts a quotation in two.
"""
from __future__ import annotations

import bisect

from ..constants import ACCORDING_TO, COMPLEMENTIZERS
from ..tokens import pos
from .context import ArticleContext
from .grammar import COMPLEMENTIZER, NONRESTRICTIVE, SUBORDINATOR

MIN_WORDS = 3
MOSTLY_QUOTED = 0.5          # share of the content's characters inside quote marks
QUOTE_CHARS = frozenset("“”„‟\"'‘’‚«»‹›`")
EDGE_WORDS = ("PUNCT", "CCONJ")   # never the first or last word of reported content
SEPARATORS = (",", "—", "–", "--", ";")


class QuoteMarks:
    """Where the article's quotes open and close: to keep a quote's marks paired in the content,
    and to measure how much of it is quoted."""

    def __init__(self, ctx: ArticleContext):
        quotes = ctx.quotes
        self.text = ctx.text
        self.open_close = {q.open_at: q.close_at for q in quotes if q.close_at is not None}
        self.close_open = {c: o for o, c in self.open_close.items()}
        self.ranges = [(q.start, q.end) for q in quotes]
        self.starts = [q.start for q in quotes]
        self.opens = [q.open_at for q in quotes]

    def closes_within(self, mark: int, end: int) -> bool:
        close = self.open_close.get(mark)
        return close is not None and close < end

    def opens_within(self, mark: int, start: int) -> bool:
        opened = self.close_open.get(mark)
        return opened is not None and opened >= start

    def with_opening(self, start: int, end: int) -> int:
        """`said "God" was ...`, where the parse left the opening mark out of the clause: the
        start moved back onto the mark of a quote that opens at `start` and closes inside."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] == start:
            close = self.open_close.get(self.opens[i])
            if close is not None and close < end:
                return self.opens[i]
        return start

    def open_at(self, at: int) -> bool:
        """A quotation opened before `at` is still open there."""
        i = bisect.bisect_left(self.opens, at) - 1
        return i >= 0 and at < self.ranges[i][1]

    def cut_at(self, end: int) -> bool:
        """A quotation goes on past `end` with more words."""
        i = bisect.bisect_left(self.opens, end) - 1
        if i < 0 or not self.starts[i] < end < self.ranges[i][1]:
            return False
        return any(ch.isalnum() for ch in self.text[end:self.ranges[i][1]])

    def share(self, start: int, end: int) -> float:
        quoted = 0
        for a, b in self.ranges[max(0, bisect.bisect_right(self.starts, start) - 1):]:
            if a >= end:
                break
            quoted += max(0, min(b, end) - max(a, start))
        return quoted / max(1, end - start)


def span(ctx: ArticleContext, marks: QuoteMarks, words) -> tuple[int, int] | None:
    """The content's offsets, from its first to its last word; None when it is no content."""
    words = sorted(words, key=lambda t: t.i)
    while words and (_edge(words[0]) or (words[0].lower_ in COMPLEMENTIZERS
                                          and (words[0].dep_ == COMPLEMENTIZER or words[0].tag_ == SUBORDINATOR))):
        if is_mark(words[0]) and marks.closes_within(ctx.at(words[0]), ctx.end_of(words[-1])):
            break
        words = words[1:]
    while words and _edge(words[-1]):
        if is_mark(words[-1]) and marks.opens_within(ctx.at(words[-1]), ctx.at(words[0])):
            break
        words = words[:-1]
    if not words:
        return None
    end = ctx.end_of(words[-1])
    start = marks.with_opening(ctx.at(words[0]), end)
    if len(ctx.text[start:end].split()) < MIN_WORDS or marks.share(start, end) > MOSTLY_QUOTED \
            or marks.open_at(start) or marks.cut_at(end):
        return None
    return start, end


def core(words) -> list:
    """The content less what trails it after a comma or dash without being said: a relative
    clause, an apposition ("..., a follow-up to the talks", "..., who has ..."), a trailing
    "according to X" (a source of its own)."""
    words = sorted(words, key=lambda t: t.i)
    for k in range(len(words) - 1, 0, -1):
        if words[k].i == 0 or words[k].doc[words[k].i - 1].text not in SEPARATORS:
            continue
        rest = words[k:]
        rest_ids = {t.i for t in rest}
        roots = [t for t in rest if t.head.i not in rest_ids]
        if roots and all(t.dep_ in NONRESTRICTIVE or t.lower_ == ACCORDING_TO[0] for t in roots):
            return core(words[:k])
    return words


def within_brackets(cue, words) -> list:
    """"(the actual number is closer, according to X)": the content stays inside the brackets."""
    sent = cue.sent
    opened = next((t.i for t in reversed(sent.doc[sent.start:cue.i]) if t.text in "()"), None)
    if opened is None or sent.doc[opened].text != "(":
        return words
    closed = next((t.i for t in sent.doc[cue.i:sent.end] if t.text == ")"), sent.end)
    return [t for t in words if opened < t.i < closed]


def cue_words(verb) -> list:
    """`he said` in `A, he said, B`: the verb's words up to the comma after it. What the parse
    hangs on the verb past that comma is content ("There had been progress, he added, on a
    deal ...")."""
    comma = next((t.i for t in verb.doc[verb.i + 1:verb.sent.end] if t.text == ","), verb.sent.end)
    return [t for t in verb.subtree if t.i <= comma]


def without(words, removed) -> list:
    gone = {t.i for t in removed}
    return [t for t in words if t.i not in gone]


def _edge(tok) -> bool:
    return pos(tok) in EDGE_WORDS or is_mark(tok)


def is_mark(tok) -> bool:
    return all(ch in QUOTE_CHARS for ch in tok.text)
