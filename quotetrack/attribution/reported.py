"""The reported-speech producer: what someone said, in the writer's words.

    X said (that) CLAUSE, X told Y CLAUSE      the clausal complement of a verb of saying
    CLAUSE, X said / CLAUSE, said X            the same, with the clause first
    A, X said, B / As X noted, CLAUSE          the verb inside or beside the clause it reports
    SUBJECT, said X, PREDICATE                 the verb between the subject and the rest
    X said A and that B                        two statements
    X, adding that CLAUSE                      the subject shared with the verb it hangs from
    X vowed to ..., X urged Y to ...           promises and requests, in a non-finite clause
    according to X, CLAUSE / CLAUSE, according to X

Not reported speech: beliefs and plans (verbs outside the lexicons in constants.py), evidence
("the poll suggests"), a verb of saying inside a quotation (the speaker's own "I told him that
..."), nominal forms ("expressed his desire to ..."), and what content.py rules out (fragments,
mostly quoted content).

Finding statements reads only the parse (sources.py: who says it; content.py: the bounds);
attributing one goes through the one resolver, so "he said that ..." gets the name a quote's
"he said" would get.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..constants import ACCORDING_TO, COMPLEMENTIZERS, DOCUMENT_NOUNS
from ..tokens import lemma, pos
from .content import QuoteMarks, core, cue_words, is_mark, span, within_brackets, without
from .context import ArticleContext
from .cues import according_to, cue_text
from .grammar import (
    ADJECTIVE_MODIFIER,
    APPOSITION,
    AUXILIARIES,
    CLAUSAL_COMPLEMENT,
    COMPLEMENTIZER,
    COORDINATED,
    FINITE_TAGS,
    GERUND,
    NON_FINITE,
    NOUN_CLAUSE,
    OBJECTS,
    PARENTHETICAL,
    PREPOSITION,
    PREPOSITION_CLAUSE,
    PUNCTUATION,
    RELATIVE_CLAUSE,
    SIDE_CLAUSES,
    SUBJECTS,
    SUBORDINATOR,
    VERB_TAG_PREFIX,
    written_by,
)
from .resolver import Resolver
from .result import Attributed
from .sources import NOMINAL, as_clause, asks, has_subject, says, source

REPORTED = "reported"
ACCUSED_OF = "of"            # "accused her of lying"
CUT_MARKS = (":", ";", "—", "–", " - ", "--")
NOUN_MODIFIERS = (NOUN_CLAUSE, APPOSITION, ADJECTIVE_MODIFIER, RELATIVE_CLAUSE)
TELL = "tell"
SAID_WHAT = (CLAUSAL_COMPLEMENT, NON_FINITE) + OBJECTS     # what a verb of saying says
NOUN_PHRASE_STARTS = ("DET", "ADJ", "NUM")   # "said [the] aide", "said [former] Gov. ..."
CLAUSE_WORDS = ("VERB", "AUX", "SCONJ")     # none inside the attribution `, X said,`
REFLEXIVES = ("himself", "herself", "themselves", "itself", "myself", "ourselves")


@dataclass(frozen=True)
class Statement:
    """A reported statement as found in the parse, before its source is resolved."""
    start: int          # the reported content, in article offsets
    end: int
    cue: object         # the verb of saying, or "according"
    source: object      # the token resolved: the verb's subject, or X in "according to X"
    at: int             # where the source stands in the text: statements resolve in this order


def find_statements(ctx: ArticleContext) -> list[Statement]:
    """Every reported statement in the parsed text, in the order of their sources."""
    marks = QuoteMarks(ctx)
    found: dict[tuple[int, int], Statement] = {}
    for p_index in sorted(ctx.docs):
        for tok in ctx.docs[p_index]:
            if not (tok.tag_.startswith(VERB_TAG_PREFIX) or tok.lower_ == ACCORDING_TO[0]) \
                    or ctx.inside_quote(ctx.at(tok)):
                continue
            for cue, subject, words in _reports(tok):
                if not _is_content(words, cue, subject):
                    continue
                bounds = span(ctx, marks, words)
                if bounds is not None and not _cut_off(ctx, bounds, subject):
                    found.setdefault(bounds, Statement(*bounds, cue, subject, ctx.at(subject)))
    statements = [s for s in found.values() if not _reported_within(s, found.values(), ctx)]
    return sorted(statements, key=lambda s: (s.at, s.start))


def _is_content(words, cue, subject) -> bool:
    """What a statement's words must be: neither the attribution itself (`"...," [the source
    recalled]`, `said [David Lee, an aide]`), nor another quote's attribution (`"...," [the Ledger
    reported]`), nor a phrase that describes a noun (`the interview [taped on Wednesday]`), nor a
    reflexive object and its description (`declared [himself the winner]`)."""
    ids = {t.i for t in words}
    if not words or cue.i in ids or subject.i in ids:
        return False
    roots = [t for t in words if t.head.i not in ids or t.head.i == t.i]
    if any(t.dep_ in NOUN_MODIFIERS and not has_subject(t) for t in roots):
        return False
    first = min(words, key=lambda t: t.i)
    if _after_quote(first) and any(says(t) and has_subject(t) and not any(
            c.dep_ in SAID_WHAT and c.i in ids for c in t.children) for t in roots):
        return False
    return first.lower_ not in REFLEXIVES


def _after_quote(tok) -> bool:
    """The word follows a closing quote mark, a comma between them at most."""
    before = [t for t in tok.doc[max(0, tok.i - 2):tok.i] if t.text != ","]
    return bool(before) and is_mark(before[-1])


def _reported_within(statement: Statement, others, ctx: ArticleContext) -> bool:
    """`Lee said voters believe the governor told them the plan was dead`: what the governor
    told them is part of what Lee said, as a quote inside reported speech is the outer
    reporter's. One row, Lee's. And one verb reports one content, not also a piece of it."""
    cue_at = ctx.at(statement.cue)
    return any(o is not statement and o.start <= statement.start and statement.end <= o.end
               and (o.start <= cue_at < o.end or o.cue.i == statement.cue.i) for o in others)


def _cut_off(ctx: ArticleContext, bounds: tuple[int, int], subject) -> bool:
    """`News coverage was merciless: the Ledger said ...`: a colon, a semicolon or a dash
    between the content and the speaker after it ends the writer's sentence; the clause is
    not what the speaker said."""
    _, end = bounds
    at = ctx.at(subject)
    return end <= at and any(mark in ctx.text[end:at] for mark in CUT_MARKS)


def attribute_statement(resolver: Resolver, statement: Statement) -> Attributed:
    speaker, mention = resolver.resolve(statement.source)
    return Attributed(statement.start, statement.end, REPORTED, speaker, mention,
                      cue_text(statement.cue, statement.source))


def _reports(tok):
    """(cue, source, content words) for each statement this token reports."""
    if (tok.lower_, tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else "") == ACCORDING_TO:
        yield from _according_to(tok)
        return
    if not (says(tok) or asks(tok)) or tok.dep_ == ADJECTIVE_MODIFIER:
        return            # "60 pledged delegates": a participle describing a noun
    inserted = _inserted(tok)
    if inserted is not None:
        yield tok, inserted[0], core(inserted[1])
        return
    speaker = source(tok)
    if speaker is None:
        return
    complements = [c for c in tok.children if c.dep_ == CLAUSAL_COMPLEMENT
                   and (c.i > tok.i or has_subject(tok))] or _loose_complement(tok) or _gerund(tok)
    if any(c.i > tok.i for c in complements):
        # "In a statement released on Monday, Cruz said he was certain ...": the clause after
        # the verb is what was said; the parse's clause before it is the setting.
        complements = [c for c in complements if c.i > tok.i]
    for clause in complements:
        parts = _coordinated(clause)
        if clause.i > tok.i and len(parts) == 1:
            parts = [parts[0] + _run_on(tok, clause)]
        for words in parts:
            yield tok, speaker, core(words)
    if complements:
        return
    if tok.head.i != tok.i and (tok.dep_ == PARENTHETICAL or (as_clause(tok) and not _has_object(tok))):
        clause = tok.head
        while clause.dep_ in AUXILIARIES and clause.head.i != clause.i:
            clause = clause.head          # "Even then, he said, he's learned ..."
        yield tok, speaker, core(without(clause.subtree, cue_words(tok)))
    elif asks(tok):
        words = _non_finite(tok)
        if words:
            yield tok, speaker, core(words)


def _inserted(verb):
    """(speaker, content words) for a verb of saying set off by commas between a clause's
    subject and its predicate: `The plan, said Ana Lima, an economist, would cut taxes`, `Part of
    the cost, experts say, is fuel`. The parse often takes the clause's subject for the
    speaker's, or the speaker for the clause's subject."""
    doc, sent = verb.doc, verb.sent
    if verb.tag_ not in FINITE_TAGS or verb.dep_ == RELATIVE_CLAUSE:
        return None       # "Lee, who announced ...,", "the deal, announced Friday,"
    left = next((t.i for t in reversed(doc[sent.start:verb.i]) if t.text == ","), None)
    if left is None or left == sent.start:
        return None
    if left + 1 < verb.i:                       # "..., experts like Ana Lima say, ..."
        right = next((t.i for t in doc[verb.i + 1:sent.end] if t.text == ","), None)
        if right is None or not all(_aside(t, verb) for t in doc[verb.i + 1:right]):
            return None
        phrase = doc[left + 1:verb.i]
    else:                                       # "..., said Ana Lima, an economist, ..."
        end = next((t.i for t in doc[verb.i + 1:sent.end] if t.text == ","), None)
        if end is None or end == verb.i + 1 or pos(doc[verb.i + 1]) not in NOMINAL + NOUN_PHRASE_STARTS:
            return None
        phrase = doc[verb.i + 1:end]
    ids = {t.i for t in phrase}
    heads = [t for t in phrase if t.head.i not in ids and pos(t) in NOMINAL]
    if len(heads) != 1 or any(pos(t) in CLAUSE_WORDS or t.dep_ == COMPLEMENTIZER or is_mark(t)
                              for t in phrase):
        return None
    speaker = heads[0]
    if left + 1 == verb.i:                      # the apposition after the name is the speaker's
        last = max(speaker.right_edge.i, phrase.end - 1)
        right = last if doc[last].text == "," else last + 1
        if right >= sent.end or doc[right].text != ",":
            return None
    subject, predicate = doc[sent.start:left], doc[right + 1:sent.end]
    verbs = [t for t in predicate if pos(t) not in ("ADV", "PART")]
    if any(t.tag_ in FINITE_TAGS or is_mark(t) for t in subject) \
            or not verbs or verbs[0].tag_ not in FINITE_TAGS:
        return None
    return speaker, list(subject) + list(predicate)


def _aside(tok, verb) -> bool:
    """What may follow the verb inside `, X said on Friday,` or `, X told reporters,`: no
    clause and no object but the hearer."""
    if pos(tok) in CLAUSE_WORDS or tok.dep_ == COMPLEMENTIZER:
        return False
    return tok.dep_ not in OBJECTS or lemma(verb) == TELL


def _has_object(verb) -> bool:
    """`..., as lawmakers accused each other of ...`: an "as" clause that says something of its
    own is a time or a cause, not `as Lee said`."""
    said_to = lemma(verb) == TELL           # "as Lee told reporters, ..." names the hearer
    return any(c.dep_ in (CLAUSAL_COMPLEMENT, NON_FINITE) or (c.dep_ in OBJECTS and not said_to)
               for c in verb.children)


def _according_to(tok):
    """"According to X, CLAUSE": the clause it qualifies. When that clause is a statement
    itself (`Lee said A, according to the Ledger`), X reports it all: one row, X's, as for
    reported speech inside reported speech. Lee keeps the row when X vouches for a detail only
    (`Lee said A, which stood at 263, according to X`) or is a document the text gives no
    author (`according to press reports`): a row should name who spoke."""
    found = according_to(list(tok.doc[tok.i:tok.sent.end]))
    if found is None:
        return
    clause = tok.head
    while clause.head.i != clause.i and not (clause.dep_ == CLAUSAL_COMPLEMENT and says(clause.head)):
        clause = clause.head
    if says(clause) and (_after_relative_clause(tok) or _unsigned(found.subject)):
        return
    yield tok, found.subject, core(within_brackets(tok, without(clause.subtree, tok.subtree)))


def _after_relative_clause(tok) -> bool:
    """`..., which stood at 263, according to`: the word before the comma ends a relative clause."""
    before = tok.doc[tok.i - 2] if tok.i - 2 >= tok.sent.start else None
    if before is None or tok.doc[tok.i - 1].text != ",":
        return False
    return any(t.dep_ == RELATIVE_CLAUSE and t.right_edge.i == before.i
               for t in [before, *before.ancestors])


def _unsigned(source) -> bool:
    return lemma(source) in DOCUMENT_NOUNS and written_by(source) is None


def _loose_complement(verb) -> list:
    """A `that` clause the parse hung elsewhere: `said Sunday — the eve of ... — that CLAUSE`
    attached to "eve". Taken when only words that are no verbs stand between it and the verb,
    and no subject or object ("stressed the threat that ..." is a relative clause)."""
    for tok in verb.subtree:
        if tok.i <= verb.i or not any(c.lower_ in COMPLEMENTIZERS and (
                c.dep_ == COMPLEMENTIZER or c.tag_ == SUBORDINATOR) for c in tok.children):
            continue      # "that" as the parse labels it, or as it tags it
        head = tok.head
        while head.i != verb.i and pos(head) not in ("VERB", "AUX") \
                and head.dep_ not in OBJECTS + SUBJECTS and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            return [tok]
    return []


def _gerund(verb) -> list:
    """`said seeing the police there was a relief`, `reported spending $1 million`: a clause
    led by a gerund, which the parse hangs on the verb of saying as a non-finite complement."""
    if not says(verb):
        return []
    return [c for c in verb.children if c.dep_ == NON_FINITE and c.tag_ == GERUND and c.i > verb.i]


def _coordinated(clause) -> list[list]:
    """`said A and that B`: A and B apart; `said A and would B` stays one statement; a verb of
    saying beside the content (`said A, adding that B`) reports on its own."""
    apart = [c for c in clause.children if c.dep_ == COORDINATED
             and any(m.dep_ == COMPLEMENTIZER and m.lower_ in COMPLEMENTIZERS for m in c.children)]
    first = list(clause.subtree)
    for child in clause.children:
        if child in apart or _side_statement(child):
            first = without(first, child.subtree)
    return [first] + [list(conj.subtree) for conj in apart]


def _run_on(verb, clause) -> list:
    """`says X would look better if he ate ...`: the parse often hangs the end of the reported
    clause on the verb of saying. The verb's words after the clause are content, but for
    statements of their own ("..., adding that") and the speaker's next act ("and left")."""
    end = clause.right_edge.i
    return [t for c in verb.children if c.i > end and c.dep_ != PUNCTUATION and not _side_statement(c)
            and (c.dep_ != COORDINATED or _continues_clause(c)) for t in c.subtree]


def _continues_clause(conj) -> bool:
    """`said he was tired and would rest`, `said he is for trade but wants better deals`: a
    second verb with no subject of its own, and an auxiliary or another tense than the verb of
    saying, continues the reported clause; `said A and questioned B` is the speaker's act."""
    return not has_subject(conj) and (any(c.dep_ in AUXILIARIES for c in conj.children)
                                      or conj.tag_ != conj.head.tag_)


def _side_statement(tok) -> bool:
    """"..., adding that B": a verb of saying beside the content, with content of its own."""
    if tok.dep_ not in SIDE_CLAUSES:
        return False
    if asks(tok) and _non_finite(tok):
        return True
    return says(tok) and any(c.dep_ == CLAUSAL_COMPLEMENT for c in tok.children)


def _non_finite(verb) -> list:
    """"vowed to build a wall", "urged voters to register" (the addressee with the request),
    "accused her of lying" (the accused and the gerund)."""
    after = [c for c in verb.children if c.i > verb.i]
    clause = next((c for c in after if c.dep_ == NON_FINITE), None)
    if clause is not None:
        addressee = [t for c in after if c.dep_ in OBJECTS + SUBJECTS and c.i < clause.i
                     for t in c.subtree]
        return addressee + list(clause.subtree)
    objects = [c for c in after if c.dep_ in OBJECTS]
    for prep in after + [p for o in objects for p in o.children]:     # "of" may hang on the accused
        if prep.dep_ == PREPOSITION and prep.lower_ == ACCUSED_OF:
            gerund = next((c for c in prep.children if c.dep_ == PREPOSITION_CLAUSE), None)
            if gerund is not None:      # the accused with what they are accused of
                return sorted({t for o in objects if o.i < prep.i for t in o.subtree}
                              | {prep} | set(gerund.subtree), key=lambda t: t.i)
    return []
