"""Parsing only what attribution needs.

Most paragraphs of an article hold no quote. The pipeline runs over the paragraphs that do, the
paragraph before each (it may introduce the quote, or hold the name a pronoun points to) and
the article's opening paragraphs (where people are named with their titles). The entity
recogniser, the costliest component, reads only the words outside the quotes: names inside a
quotation are never speakers. Other paragraphs are not parsed at all.

With reported speech, the plan also holds the sentences of the other paragraphs that a cheap scan
(quotetrack.scan) flags for a verb of saying: the plan is the union of what each producer needs.
Such a paragraph's Doc covers only the part from its first flagged sentence (or its start, when
the speaker is a pronoun or a description) to its last, and its start in the text is handed on
with it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import NamedTuple

from .articles import Article
from .constants import SIGNATURE_WORDS, SPEAKER_PRONOUNS
from .quotemarks import Paragraph, QuotedSpan, find_quoted_spans, split_paragraphs
from .scan import DESCRIPTION, POINTS_BACK, saying_sentences

OPENING_PARAGRAPHS = 2
ARTICLES_PER_BATCH = 64           # articles parsed together: their Docs are held at once
PARAGRAPHS_PER_PIPE_BATCH = 256   # spaCy's own batch inside nlp.pipe
ENTITY_PIPE = "ner"
PROPER_NOUNS = ("NNP", "NNPS")
_POINTING_BACK = re.compile(r"\b(?:" + "|".join(sorted(SPEAKER_PRONOUNS)) + rf"|{DESCRIPTION})\b",
                            re.IGNORECASE)
# Components whose work quotetrack.tokens does from the tags, faster.
UNUSED = ("attribute_ruler", "lemmatizer")


@dataclass(frozen=True)
class ParsedArticle:
    """One article as attribution takes it: its paragraphs and quotes, the Docs of the
    paragraphs parsed ({paragraph index: Doc}) and where each Doc starts in the text; or, in
    `error`, the exception that stopped it (the other fields then hold what was known)."""
    article: Article
    paragraphs: list[Paragraph] = field(default_factory=list)
    quotes: list[QuotedSpan] = field(default_factory=list)
    docs: dict = field(default_factory=dict)
    starts: dict = field(default_factory=dict)
    error: Exception | None = None


def parsed_articles(items: Iterable[Article], nlp, batch_size: int = ARTICLES_PER_BATCH,
                    reported: bool = False) -> Iterator[ParsedArticle]:
    """Every article parsed as far as attribution needs, in input order.

    Articles stream through, `batch_size` articles parsed together at a time. When a batch
    breaks the pipeline, its articles are parsed again one by one, so that only the article
    at fault carries the error and the others are parsed as if nothing had happened."""
    for chunk in _batches(_plans(items, reported), batch_size):
        planned = [plan for plan in chunk if isinstance(plan, Plan)]
        try:
            parsed = iter(_parse_chunk(planned, nlp))
        except Exception:
            parsed = None       # retried article by article below
        for plan in chunk:
            if not isinstance(plan, Plan):
                yield plan      # its plan failed: already a ParsedArticle with the error
            elif parsed is not None:
                yield next(parsed)
            else:
                yield _parse_alone(plan, nlp)


def _parse_alone(plan: Plan, nlp) -> ParsedArticle:
    try:
        return _parse_chunk([plan], nlp)[0]
    except Exception as exc:    # this article breaks the pipeline: say so, go on
        return ParsedArticle(plan.article, plan.paragraphs, plan.quotes, error=exc)


def _plans(items: Iterable[Article], reported: bool):
    """A Plan per article, or a ParsedArticle holding the error of one that cannot be planned."""
    for article in items:
        try:
            yield _plan(article, reported)
        except Exception as exc:
            yield ParsedArticle(article, error=exc)


def _parse_chunk(chunk: list[Plan], nlp) -> list[ParsedArticle]:
    """Parse one group of articles together."""
    pieces = [(piece, (n, p.index))
              for n, (article, _, quotes, wanted, _) in enumerate(chunk)
              for p in wanted for piece in _pieces(article.text, p, nlp.max_length)]
    entity_pipe = ENTITY_PIPE in nlp.pipe_names
    docs_by_article: dict[int, dict[int, object]] = {}
    skipped = [name for name in nlp.pipe_names if name in UNUSED or name == ENTITY_PIPE]
    stream = nlp.pipe(pieces, as_tuples=True, batch_size=PARAGRAPHS_PER_PIPE_BATCH, disable=skipped)
    for n, pairs in groupby(stream, key=lambda pair: pair[1][0]):
        docs_by_article[n] = _join_pieces(pairs)
    starts = [{p.index: p.start for p in plan.wanted} for plan in chunk]
    if entity_pipe:
        _entities_outside_quotes(nlp.get_pipe(ENTITY_PIPE), chunk, docs_by_article, starts,
                                 PARAGRAPHS_PER_PIPE_BATCH)
    return [ParsedArticle(plan.article, plan.paragraphs, plan.quotes, docs_by_article.get(n, {}), starts[n])
            for n, plan in enumerate(chunk)]


def paragraphs_to_parse(text: str, paragraphs: list[Paragraph], quotes: list[QuotedSpan]
                        ) -> list[Paragraph]:
    """The paragraphs holding quotes, the opening ones, and the one before a quote paragraph
    that points back (a pronoun or a description as speaker, or no cue at all)."""
    if not quotes:
        return []
    wanted = set(range(min(OPENING_PARAGRAPHS, len(paragraphs))))
    by_paragraph: dict[int, list[QuotedSpan]] = {}
    for q in quotes:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    for index, held in by_paragraph.items():
        wanted.add(index)
        outside = _outside(text, paragraphs[index], held)
        if _points_back(outside):
            wanted.add(index - 1)
        if not outside.strip(" .,;:!?\"'”’") and index + 1 < len(paragraphs) \
                and _short(text, paragraphs[index + 1]):
            wanted.add(index + 1)      # it may be signed by the next line
    return [p for p in paragraphs if p.index in wanted]


def reported_parts(text: str, paragraphs: list[Paragraph], wanted: list[Paragraph]
                   ) -> list[Paragraph]:
    """The parts of the other paragraphs that reported speech needs, as Paragraph records of
    the same index: from the first sentence holding a verb of saying to the last, from the
    paragraph's start when one of them points back ("she said", "the minister said"); and the
    opening paragraphs, where people are named with their titles."""
    taken = {p.index for p in wanted}
    spans: dict[int, tuple[int, int]] = {}

    def want(index: int, start: int, end: int) -> None:
        if index not in taken:
            old = spans.get(index, (start, end))
            spans[index] = (min(old[0], start), max(old[1], end))

    for para in paragraphs:
        if para.index in taken:
            continue
        flagged = saying_sentences(text, para.start, para.end)
        if not flagged:
            continue
        pointing = any(POINTS_BACK.search(text, a, b) for a, b in flagged)
        want(para.index, para.start if pointing else flagged[0][0], flagged[-1][1])
    if spans:
        for para in paragraphs[:OPENING_PARAGRAPHS]:
            want(para.index, para.start, para.end)
    return [Paragraph(index, *spans[index]) for index in sorted(spans)]


def _short(text: str, para: Paragraph) -> bool:
    return len(text[para.start:para.end].split()) <= SIGNATURE_WORDS


def _outside(text: str, para: Paragraph, quotes: list[QuotedSpan]) -> str:
    parts, at = [], para.start
    for q in quotes:
        parts.append(text[at:q.open_at])
        at = (q.close_at + 1) if q.close_at is not None else para.end
    parts.append(text[at:para.end])
    return " ".join(parts)


def _points_back(outside: str) -> bool:
    words = outside.split()
    if len(words) < 2 or outside.rstrip().endswith(":"):
        return True
    return bool(_POINTING_BACK.search(outside))


class Plan(NamedTuple):
    """What to parse of one article: `wanted` (paragraphs, or parts of them), and the indices of
    those whose words outside quotes the entity recogniser reads in full."""
    article: Article
    paragraphs: list[Paragraph]
    quotes: list[QuotedSpan]
    wanted: list[Paragraph]
    named: frozenset[int]


def _plan(article: Article, reported: bool = False) -> Plan:
    paragraphs = split_paragraphs(article.text)
    quotes = find_quoted_spans(article.text, paragraphs)
    wanted = paragraphs_to_parse(article.text, paragraphs, quotes)
    named = frozenset(p.index for p in wanted)
    if reported:
        # The sentences of saying are parsed, but the entity recogniser, the costliest
        # component, reads only their runs of proper nouns (see _entities_outside_quotes).
        wanted = sorted(wanted + reported_parts(article.text, paragraphs, wanted),
                        key=lambda p: p.index)
    return Plan(article, paragraphs, quotes, wanted, named)


def _batches(plans, batch_size: int):
    """Groups of `batch_size` articles."""
    chunk = []
    for plan in plans:
        chunk.append(plan)
        if len(chunk) >= batch_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pieces(text: str, para: Paragraph, max_length: int) -> list[str]:
    """A paragraph longer than the pipeline takes, cut at white space into pieces it takes."""
    body = text[para.start:para.end]
    limit = max(1000, max_length - 1)
    out = []
    while len(body) > limit:
        cut = body.rfind(" ", 0, limit)
        cut = cut + 1 if cut > 0 else limit
        out.append(body[:cut])
        body = body[cut:]
    out.append(body)
    return out


def _join_pieces(pairs) -> dict[int, object]:
    from spacy.tokens import Doc
    docs = {}
    for p_index, group in groupby(pairs, key=lambda pair: pair[1][1]):
        parts = [doc for doc, _ in group]
        docs[p_index] = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
    return docs


def _entities_outside_quotes(ner, chunk, docs_by_article: dict, starts: list[dict],
                             batch_size: int) -> None:
    """Run the entity recogniser over the words outside quotes (only around the proper nouns
    of the sentences parsed for reported speech alone), and set its entities on the paragraph
    Docs."""
    from spacy.tokens import Doc, Span

    jobs = []   # (paragraph Doc, token indices kept, Doc of those tokens)
    for n, (_, _, quotes, _, named) in enumerate(chunk):
        for p_index, doc in docs_by_article.get(n, {}).items():
            start = starts[n][p_index]
            if p_index in named:
                kept = _outside_quotes(doc, [q for q in quotes if q.paragraph == p_index], start)
            else:
                kept = _around_proper_nouns(doc)
            if not kept:
                continue
            words = [doc[i].text for i in kept]
            spaces = [bool(doc[i].whitespace_) or (k + 1 < len(kept) and kept[k + 1] != i + 1)
                      for k, i in enumerate(kept)]
            jobs.append((doc, kept, Doc(doc.vocab, words=words, spaces=spaces)))
    for (doc, kept, _), tagged in zip(jobs, ner.pipe((j[2] for j in jobs), batch_size=batch_size)):
        ents = []
        for ent in tagged.ents:
            first, last = kept[ent.start], kept[ent.end - 1]
            if last - first == ent.end - 1 - ent.start:      # contiguous in the paragraph
                ents.append(Span(doc, first, last + 1, label=ent.label_))
        doc.set_ents(ents, default="outside")


def _around_proper_nouns(doc) -> list[int]:
    """Indices of the runs of two proper nouns or more and the word on each side: enough for
    the recogniser to tell "Former Attorney General [Ana Lima]" apart, at a fraction of the
    cost of every word. A proper noun alone ("Hale said") needs no recogniser."""
    near: set[int] = set()
    run: list[int] = []
    for tok in list(doc) + [None]:
        if tok is not None and tok.tag_ in PROPER_NOUNS:
            run.append(tok.i)
            continue
        if len(run) >= 2:
            near.update(range(run[0] - 1, run[-1] + 2))
        run = []
    return sorted(i for i in near if 0 <= i < len(doc))


def _outside_quotes(doc, quotes: list[QuotedSpan], start: int) -> list[int]:
    """Indices of the tokens outside every quote (marks included in the quote)."""
    inside = bytearray(len(doc.text) + 1)
    for q in quotes:
        end = (q.close_at if q.close_at is not None else q.end) - start + 1
        inside[max(0, q.open_at - start):max(0, end)] = b"\x01" * (max(0, end) - max(0, q.open_at - start))
    return [t.i for t in doc if not inside[t.idx]]
