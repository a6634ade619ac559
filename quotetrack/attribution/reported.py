"""The reported-speech producer: what someone said, in the writer's words.

    X said (that) CLAUSE, X told Y CLAUSE      the clausal complement of a verb of saying
    CLAUSE, X said / CLAUSE, said X            the same, with the clause first
    A, X said, B                               the verb inside the clause it reports
    X said A and that B                        two statements
    X, adding that CLAUSE                      the subject shared with the verb it hangs from
    according to X, CLAUSE / CLAUSE, according to X

Not reported speech: beliefs and plans (verbs outside REPORTED_SPEECH_VERBS), evidence ("the poll
suggests"), a verb of saying inside a quotation (the speaker's own "I told him that ..."),
content that is mostly quoted (the quote is a row of its own), nominal forms ("expressed his
desire to ..."), and anything under MIN_WORDS words.

Finding statements reads only the parse; attributing one goes through the one resolver, so
"he said that ..." gets the name a quote's "he said" would get.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..constants import (ACCORDING_TO, COMPLEMENTIZERS, EVIDENCE_SUBJECTS, EVIDENCE_VERBS,
                         INFINITIVE_SPEECH_VERBS, REPORTED_SPEECH_VERBS)
from ..tokens import lemma, pos
from .context import ArticleContext
from .cues import according_to, cue_text
from .grammar import (ADVERBIAL_CLAUSE, AGENT, APPOSITION, AUXILIARIES, CLAUSAL_COMPLEMENT, COMPLEMENTIZER, COORDINATED, 
                      NON_FINITE, OBJECTS, PARENTHETICAL, SIDE_CLAUSES, PASSIVE, RELATIVE_CLAUSE, ROOT, SUBJECTS, UNLABELLED,
                      subject_of)
from .people import is_name
from .resolver import Resolver
from .result import Attributed

REPORTED = "reported"
MIN_WORDS = 3
MOSTLY_QUOTED = 0.5          # share of the content's characters inside quote marks
QUOTE_CHARS = frozenset("“”„‟\"'‘’‚«»‹›`")
EDGE_WORDS = ("PUNCT", "CCONJ")   # never the first or last word of reported content
RELATIVE_TAGS = ("WP", "WDT")
NOMINAL = ("NOUN", "PROPN", "PRON")
AS_MARK = "as"
SEPARATORS = (",", "—", "–", "--", ";")
# What trails reported content without being said: ", who ...", ", a follow-up to ...".
NONRESTRICTIVE = ("relcl", "appos", "acl", "npadvmod", "dep")


@dataclass(frozen=True)
class Statement:
    """A reported statement as found in the parse, before its source is resolved."""
    start: int          # the reported content, in article offsets
    end: int
    cue: object         # the verb of saying, or "according"
    source: object      # the token resolved: the verb's subject, or X in "according to X"
    at: int             # where the source stands in the text: statements resolve in this order
    relative: tuple[int, int] | None = None   # "who" in "Berg, who said": the mention itself


def find_statements(ctx: ArticleContext) -> list[Statement]:
    """Every reported statement in the parsed text, in the order of their sources."""
    marks = _QuoteMarks(ctx)
    found: dict[tuple[int, int], Statement] = {}
    for p_index in sorted(ctx.docs):
        for tok in ctx.docs[p_index]:
            if ctx.inside_quote(ctx.at(tok)):
                continue
            for cue, subject, words in _reports(tok):
                span = _span(ctx, marks, words)
                if span is None:
                    continue
                source, relative = subject, None
                if subject.tag_ in RELATIVE_TAGS and subject.head.dep_ == RELATIVE_CLAUSE:
                    # "Berg, who said that ...": Berg is resolved, "who" is the mention
                    source, relative = subject.head.head, (ctx.at(subject), ctx.end_of(subject))
                found.setdefault(span, Statement(*span, cue, source, ctx.at(subject), relative))
    return sorted(found.values(), key=lambda s: (s.at, s.start))


def attribute_statement(resolver: Resolver, statement: Statement) -> Attributed:
    speaker, mention = resolver.resolve(statement.source)
    if speaker is not None:
        speaker = resolver.fullest(speaker)
        mention = statement.relative or mention
    return Attributed(statement.start, statement.end, REPORTED, speaker, mention,
                      cue_text(statement.cue))


def _reports(tok):
    """(cue, source, content words) for each statement this token reports."""
    if (tok.lower_, tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else "") == ACCORDING_TO:
        found = according_to(list(tok.doc[tok.i:tok.sent.end]))
        if found is not None:
            clause = _clause_of(tok)
            if _says(clause) and any(c.dep_ == CLAUSAL_COMPLEMENT for c in clause.children):
                return   # "he said X, according to Y": X is a statement already
            words = _without(clause.subtree, tok.subtree)
            yield tok, found[1], _core(_within_brackets(tok, words))
        return
    if not (_says(tok) or (pos(tok) == "VERB" and lemma(tok) in INFINITIVE_SPEECH_VERBS)):
        return
    source = _source(tok)
    if source is None:
        return
    complements = [c for c in tok.children if c.dep_ == CLAUSAL_COMPLEMENT
                   and (c.i > tok.i or _has_subject(tok))] or _loose_complement(tok)
    for clause in complements:
        parts = _coordinated(clause)
        if clause.i > tok.i and len(parts) == 1:
            parts = [parts[0] + _run_on(tok, clause)]
        for words in parts:
            yield tok, source, _core(words)
    if not complements and tok.head.i != tok.i and (tok.dep_ == PARENTHETICAL or _as_clause(tok)):
        yield tok, source, _core(_without(tok.head.subtree, _cue_words(tok)))
    if not complements and lemma(tok) in INFINITIVE_SPEECH_VERBS:
        words = _non_finite(tok)
        if words:
            yield tok, source, _core(words)


def _non_finite(verb) -> list:
    """"vowed to build a wall", "urged voters to register" (the addressee with the request),
    "accused her of lying" (the gerund)."""
    after = [c for c in verb.children if c.i > verb.i]
    clause = next((c for c in after if c.dep_ == NON_FINITE), None)
    if clause is not None:
        addressee = [t for c in after if c.dep_ in OBJECTS and c.i < clause.i for t in c.subtree]
        return addressee + list(clause.subtree)
    for prep in after:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            gerund = next((c for c in prep.children if c.dep_ == "pcomp"), None)
            if gerund is not None:
                return list(gerund.subtree)
    return []


def _run_on(verb, clause) -> list:
    """`says X would look zippier if he ate ...`: the parse often hangs the end of the reported
    clause on the verb of saying. The verb's words after the clause are content, but for
    statements of their own ("..., adding that")."""
    end = clause.right_edge.i
    return [t for c in verb.children if c.i > end and c.dep_ != "punct" and not _side_statement(c)
            and (c.dep_ != COORDINATED or _continues_clause(c)) for t in c.subtree]


def _continues_clause(conj) -> bool:
    """`said he was tired and would rest`, `said he is for trade but wants better deals`: a
    second verb with no subject of its own, and an auxiliary or another tense than the verb of
    saying, continues the reported clause; `said A and questioned B` is the speaker's act."""
    return not _has_subject(conj) and (any(c.dep_ in AUXILIARIES for c in conj.children)
                                       or conj.tag_ != conj.head.tag_)


def _side_statement(tok) -> bool:
    """"..., adding that B": a verb of saying beside the content, with content of its own."""
    if tok.dep_ not in SIDE_CLAUSES or pos(tok) != "VERB":
        return False
    if lemma(tok) in INFINITIVE_SPEECH_VERBS and _non_finite(tok):
        return True
    return _says(tok) and any(c.dep_ == CLAUSAL_COMPLEMENT for c in tok.children)


def _core(words) -> list:
    """The content less what trails it after a comma or dash without being said: a relative
    clause, an apposition, a participle ("..., a follow-up to the talks", "..., who has ...",
    "..., putting them ahead")."""
    words = sorted(words, key=lambda t: t.i)
    for k in range(len(words) - 1, 0, -1):
        if words[k].i == 0 or words[k].doc[words[k].i - 1].text not in SEPARATORS:
            continue
        rest = words[k:]
        rest_ids = {t.i for t in rest}
        roots = [t for t in rest if t.head.i not in rest_ids]
        if roots and all(_trailing_modifier(t) for t in roots):
            return _core(words[:k])
    return words


def _trailing_modifier(tok) -> bool:
    return tok.dep_ in NONRESTRICTIVE or tok.lower_ == ACCORDING_TO[0]


def _within_brackets(cue, words) -> list:
    """"(the actual number is closer, according to X)": the content stays inside the brackets."""
    sent = cue.sent
    opened = next((t.i for t in reversed(sent.doc[sent.start:cue.i]) if t.text in "()"), None)
    if opened is None or sent.doc[opened].text != "(":
        return words
    closed = next((t.i for t in sent.doc[cue.i:sent.end] if t.text == ")"), sent.end)
    return [t for t in words if opened < t.i < closed]


def _loose_complement(verb) -> list:
    """A `that` clause the parse hung elsewhere: `said Sunday — the eve of ... — that CLAUSE`
    attached to "eve". Taken when only words that are no verbs stand between it and the verb,
    and no object ("stressed the threat that ..." is a relative clause)."""
    for tok in verb.subtree:
        if tok.i <= verb.i or not any(c.dep_ == COMPLEMENTIZER and c.lower_ in COMPLEMENTIZERS
                                      for c in tok.children):
            continue
        head = tok.head
        while head.i != verb.i and pos(head) not in ("VERB", "AUX") and head.dep_ not in OBJECTS \
                and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            return [tok]
    return []


def _as_clause(verb) -> bool:
    """"As the paper noted, CLAUSE", "As reported by X, CLAUSE": the clause is the content."""
    return verb.dep_ == ADVERBIAL_CLAUSE and any(
        c.dep_ == COMPLEMENTIZER and c.lower_ == AS_MARK for c in verb.children)


def _source(verb):
    """Who says it: the verb's subject (or the one it shares); in the passive only the agent
    ("was told by Berg that"), never the hearer ("he was told that ..."); never evidence ("the
    poll suggests ...")."""
    if any(c.dep_ in PASSIVE for c in verb.children) or (verb.tag_ == "VBN" and _as_clause(verb)):
        agent = next((c for c in verb.children if c.dep_ == AGENT), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    subject = _subject(verb)
    if subject is None:
        return None
    if lemma(verb) in EVIDENCE_VERBS and lemma(subject) in EVIDENCE_SUBJECTS:
        return None
    return subject


def _subject(verb):
    """The verb's subject, mending common misparses: two subjects ("election winner Friedrich
    Merz said": the person), a name in apposition ("One pastor, Ana Lima, said", "CLEVELAND —
    Ana Lima said": the name), a subject stranded by a subordinator ("as the agency
    reported": not the main clause's), and a second verb of saying hung on the first one's
    content ("claimed A, and claimed B": the first one's subject)."""
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    if own:              # a person before anything else, then the nearest to the verb
        subject = min(own, key=lambda c: (c.ent_type_ != "PERSON", not is_name(c), abs(verb.i - c.i)))
        named = [c for c in subject.children if c.dep_ == APPOSITION and is_name(c)]
        return named[0] if named and not is_name(subject) or subject.text.isupper() and named else subject
    if verb.dep_ == ROOT:
        # "X has labeled Y a dictator and stated that ...", parsed as if the first clause
        # were what "stated" reports: that clause's subject is the verb's.
        stolen = [s for c in verb.children if c.dep_ == CLAUSAL_COMPLEMENT and c.i < verb.i
                  for s in c.children if s.dep_ in SUBJECTS]
        if stolen:
            return stolen[-1]
    if verb.dep_ == COORDINATED and verb.head.dep_ == CLAUSAL_COMPLEMENT and _says(verb.head.head):
        return _subject(verb.head.head)
    if verb.dep_ == UNLABELLED and pos(verb.head) == "VERB":
        return _subject(verb.head)        # "X has branded Y a dictator, falsely claimed ..."
    if verb.dep_ == ADVERBIAL_CLAUSE and any(c.dep_ == COMPLEMENTIZER for c in verb.children):
        before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        return before if before is not None and pos(before) in NOMINAL else None
    return subject_of(verb)


def _has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _says(tok) -> bool:
    return pos(tok) == "VERB" and lemma(tok) in REPORTED_SPEECH_VERBS


def _coordinated(clause):
    """`said A and that B`: A and B apart; `said A and would B` stays one statement."""
    conjuncts = [c for c in clause.children if c.dep_ == COORDINATED]
    apart = [c for c in conjuncts
             if any(m.dep_ == COMPLEMENTIZER and m.lower_ in COMPLEMENTIZERS for m in c.children)]
    first = list(clause.subtree)
    for child in clause.children:
        # `said A and that B`; and `said A, adding that B`: a verb of saying reports on its own
        if child in apart or _side_statement(child):
            first = _without(first, child.subtree)
    return [first] + [list(conj.subtree) for conj in apart]


def _clause_of(tok):
    """The clause an "according to" phrase qualifies: the main clause above it, or the content
    of a statement it sits in."""
    head = tok.head
    while head.head.i != head.i and not (head.dep_ == CLAUSAL_COMPLEMENT and _says(head.head)):
        head = head.head
    return head


def _cue_words(verb) -> list:
    """`he said` in `A, he said, B`: the verb's words up to the comma after it. What the parse
    hangs on the verb past that comma is content ("There had been progress, he added, on a
    deal ...")."""
    comma = next((t.i for t in verb.doc[verb.i + 1:verb.sent.end] if t.text == ","), verb.sent.end)
    return [t for t in verb.subtree if t.i <= comma]


def _without(words, removed) -> list:
    gone = {t.i for t in removed}
    return [t for t in words if t.i not in gone]


def _span(ctx: ArticleContext, marks: _QuoteMarks, words) -> tuple[int, int] | None:
    """The content's offsets: from its first to its last word, less a leading "that", edge
    punctuation and unpaired quote marks; None when too short or mostly quoted."""
    words = sorted(words, key=lambda t: t.i)
    while words and (_edge(words[0]) or (words[0].lower_ in COMPLEMENTIZERS
                                          and words[0].dep_ == COMPLEMENTIZER)):
        if _is_mark(words[0]) and marks.closes_within(ctx.at(words[0]), ctx.end_of(words[-1])):
            break
        words = words[1:]
    while words and _edge(words[-1]):
        if _is_mark(words[-1]) and marks.opens_within(ctx.at(words[-1]), ctx.at(words[0])):
            break
        words = words[:-1]
    if not words:
        return None
    start, end = ctx.at(words[0]), ctx.end_of(words[-1])
    start = marks.with_opening(start, end)
    if len(ctx.text[start:end].split()) < MIN_WORDS or marks.share(start, end) > MOSTLY_QUOTED \
            or marks.open_at(start) or marks.cut_at(end):
        return None      # a fragment, a quotation, or a clause that cuts a quotation
    return start, end


def _edge(tok) -> bool:
    return pos(tok) in EDGE_WORDS or _is_mark(tok)


def _is_mark(tok) -> bool:
    return all(ch in QUOTE_CHARS for ch in tok.text)


class _QuoteMarks:
    """Where the article's quotes open and close, to keep a quote's marks paired in the content
    and to measure how much of it is quoted."""

    def __init__(self, ctx: ArticleContext):
        quotes = ctx.quotes
        self.open_close = {q.open_at: q.close_at for q in quotes if q.close_at is not None}
        self.close_open = {c: o for o, c in self.open_close.items()}
        self.ranges = [(q.start, q.end) for q in quotes]
        self.starts = [q.start for q in quotes]
        self.opens = [q.open_at for q in quotes]
        self.text = ctx.text

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
