"""Cue finding: the reporting expression around a quote ("said", "told reporters",
"according to", a name signed after a dash) and the subject token it rests on.

The order of the rules is the design: `CUE_RULES` lists them in the order they are tried, and
the first that finds a cue wins."""
from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..constants import (
    ACCORDING_TO,
    CHARACTERISING_VERBS,
    DOCUMENT_NOUNS,
    SENTENCE_END,
    SIGNATURE_WORDS,
    SPEAKER_PRONOUNS,
    WEAK_REPORTING_VERBS,
)
from ..quotemarks import QuotedSpan
from ..tokens import lemma, lemma_as_verb, pos
from .context import ArticleContext
from .grammar import (
    ADJECTIVE_MODIFIER,
    ADVERB,
    ADVERBIAL_CLAUSE,
    AS,
    CLAUSAL_COMPLEMENT,
    CLAUSE_VERB_TAGS,
    COMPLEMENTIZER,
    COORDINATED,
    DASHES,
    DIRECT_OBJECT,
    NON_FINITE,
    NOUN_PHRASE_ADVERB,
    OBJECTS,
    OWN_CLAUSES,
    PARENTHETICAL,
    PARTICLE,
    POSSESSOR,
    PREPOSITION_OBJECT,
    ROOT,
    SUBJECTS,
    could_speak,
    earlier_subject,
    governs,
    is_name,
    is_reporting,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_HOPS = 12
BARE_CUE_WORDS = 8
LEAD_IN_WORDS = 2
NEAR_VERB = 4        # how far from a verb an unattached name may stand
BELIEF_VERBS = ("think", "believe")
NOT_SUBJECTS = (PREPOSITION_OBJECT, POSSESSOR, NOUN_PHRASE_ADVERB)   # "under Mr. Hale", "Clark's remarks", "Monday"
SUBORDINATORS = ("after", "before", "when", "while", "as", "because", "since", "if", "although",
                 "though", "until", "once", "whereas")
PLAIN_SAYING = ("say", "tell", "claim", "write", "tweet", "state", "add")
LEAD_IN_MARKS = (",", ":")


@dataclass(frozen=True)
class Cue:
    """What an attribution rests on: the cue word (a verb of saying, "according", a colon, a
    dash), the subject that names the speaker, and the rule that found them."""
    verb: Token
    subject: Token
    rule: str


@dataclass(frozen=True)
class Site:
    """A quote and the words around it, as every rule reads them."""
    ctx: ArticleContext
    q: QuotedSpan
    inside: list              # the quote's tokens
    content: str              # its words, without the closing marks
    before: list              # the words that lead into it, from the start of the sentence
    after: list               # the words after it, to the end of the sentence or the next quote
    cue_before: Cue | None    # the reporting verb in `before` nearest the quote
    cue_after: Cue | None     # the reporting verb in `after` nearest the quote
    # A partial quote inside the writer's sentence (`branded him a "dictator"`, `There had been
    # "progress", he added`) hangs from that sentence, not from a cue beside it.
    in_sentence: bool

    @classmethod
    def of(cls, ctx: ArticleContext, doc: Doc, q: QuotedSpan, inside, kind: str) -> Site:
        before = before_window(ctx, doc, q, inside[0])
        after = after_window(ctx, doc, q, inside[-1])
        return cls(ctx, q, inside, ctx.text[q.start:q.end].rstrip("\"'”’ "), before, after,
                   cue_in(ctx, before, inside, first=False) if before else None,
                   cue_in(ctx, after, inside, first=True) if after else None,
                   kind == "partial" and (bool(before) or not _opens_sentence(inside[0])))

    @property
    def first(self) -> Token:
        return self.inside[0]

    @property
    def quote_ids(self) -> frozenset[int]:
        return frozenset(t.i for t in self.inside)

    def ends_with(self, *marks: str) -> bool:
        """The words before the quote end with one of these marks."""
        return bool(self.before) and self.before[-1].text in marks


# Which quotes a rule reads: partial quotes inside the writer's sentence, the others, or both.
IN_SENTENCE, AROUND, EITHER = "in sentence", "around", "either"


@dataclass(frozen=True)
class Rule:
    name: str
    reads: str
    find: Callable[[Site], Cue | None]


def _governing(site: Site) -> Cue | None:
    """`branded him a "dictator"`: the verb of saying the quote hangs from."""
    return governing_cue(site.ctx, site.first, site.inside)


def _according_to_sentence(site: Site) -> Cue | None:
    return according_to(list(site.first.sent))


def _cue_after_comma(site: Site) -> Cue | None:
    """`There had been "progress", he added`."""
    return site.cue_after if site.after[:1] and site.after[0].text == "," else None


def _leading_in(site: Site) -> Cue | None:
    """`X said, "...,"` whatever follows the quote."""
    cue = site.cue_before
    return cue if cue is not None and _leads_in(cue, site.before) else None


def _cue_after(site: Site) -> Cue | None:
    """`"...," X said`; after a full stop only a bare cue (`"...." X said.`), and not one that
    leads into the next quote."""
    cue, after, content = site.cue_after, site.after, site.content
    if cue is None:
        return None
    ends_open = content[-1:] in ",—–-;" or content[-1:] not in SENTENCE_END
    lower_after = after[0].text[:1].islower()
    if not (ends_open or lower_after or _is_bare_cue(cue, after, content)):
        return None
    return None if site.before and content[-1:] == "." and _leads_next(site.ctx, after) else cue


def _hangs_from(site: Site) -> Cue | None:
    """The quote goes on the sentence (`X tells voters who wonder why that he "..."`): the verb
    it hangs from, not merely the nearest one."""
    return _governing(site) if site.before and not site.ends_with(*LEAD_IN_MARKS) else None


def _cue_before(site: Site) -> Cue | None:
    return site.cue_before


def _according_to_around(site: Site) -> Cue | None:
    return according_to(site.after) or according_to(site.before)


def _reporting_sentence(site: Site) -> Cue | None:
    """Inside a sentence that reports it: `X says that A, and "B."`"""
    return _governing(site) if site.ends_with(",") else None


def _characterising(site: Site) -> Cue | None:
    return characterising_cue(site.ctx, site.first, site.inside)


def characterising_cue(ctx: ArticleContext, first, inside) -> Cue | None:
    """The last resort: the first verb above the quote, when it characterises what someone said
    (`Hale derided the plan as "a disaster"`, `she cited "security concerns"`)."""
    quote_ids = frozenset(t.i for t in inside)
    tok = next((t for t in inside if t.head.i not in quote_ids), first).head
    for _ in range(MAX_HOPS):
        if pos(tok) == "VERB" and not ctx.inside_quote(ctx.at(tok)):
            if lemma_as_verb(tok.lower_) not in CHARACTERISING_VERBS:
                return None
            subject = subject_of(tok, outside=quote_ids)
            if subject is not None and could_speak(subject) and not ctx.inside_quote(ctx.at(subject)):
                return Cue(tok, subject, "characterising verb")
            return None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _opens_sentence(first) -> bool:
    """Only quote marks stand between the sentence start and the quote's first word."""
    return all(pos(t) == "PUNCT" for t in first.doc[first.sent.start:first.i])


def _reported_just_before(site: Site) -> Cue | None:
    """`Lee said the plan had failed. "We warned them."`: a quote opening its sentence right
    after a sentence of reported speech, in the same paragraph, is the reporter's."""
    first = site.first
    if site.before or first.sent.start == 0:
        return None
    return _reporter_of(site.ctx, first.doc[first.sent.start - 1].sent)


def reported_in_paragraph_before(ctx: ArticleContext, q: QuotedSpan) -> Cue | None:
    """`Lee argued in her email that the plan had failed.` closing the paragraph before a
    paragraph that is only a quotation, with no quote of its own: the quotation is Lee's."""
    doc = ctx.docs.get(q.paragraph - 1)
    if doc is None or not len(doc):
        return None
    found = _reporter_of(ctx, list(doc.sents)[-1])
    if found is None or lemma(found.verb) in WEAK_REPORTING_VERBS or found.verb.tag_ not in CLAUSE_VERB_TAGS:
        return None       # not "Dana Reyes, tweeting after the vote.", the last quote's signature
    return replace(found, rule="reported in the paragraph before")


def _reporter_of(ctx: ArticleContext, sentence) -> Cue | None:
    """The cue and subject of a sentence of reported speech that holds no quote."""
    if any(ctx.inside_quote(ctx.at(t)) or ctx.closes_quote(ctx.at(t)) for t in sentence):
        return None       # the sentence holds a quote of its own: continuation decides
    root = sentence.root
    # The root, or a cue set before the clause it reports: "X argued in his email, CLAUSE".
    fronted = [c for c in root.children if c.dep_ in (CLAUSAL_COMPLEMENT, PARENTHETICAL) and c.i < root.i]
    verb = next((v for v in [root] + fronted if is_reporting(v)), None)
    if verb is None or lemma(verb) in BELIEF_VERBS:
        return None
    subject = subject_of(verb)
    if subject is None or not could_speak(subject):
        return None
    return Cue(verb, subject, "reported just before")


def _parenthetical(site: Site) -> Cue | None:
    """`Loyalty, he noted, has long been a "core tenet"`: a cue set off by commas in the
    sentence that holds the quote, whose verb reports nothing else."""
    ctx, quote_ids = site.ctx, site.quote_ids
    for tok in site.first.sent:
        if tok.i in quote_ids or not is_reporting(tok) or lemma(tok) in WEAK_REPORTING_VERBS \
                or ctx.inside_quote(ctx.at(tok)):
            continue
        if any(c.dep_ in (CLAUSAL_COMPLEMENT, DIRECT_OBJECT, NON_FINITE) for c in tok.children):
            continue
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        subject = subject_of(tok, outside=quote_ids)
        if subject is None or not could_speak(subject) or ctx.inside_quote(ctx.at(subject)):
            continue
        left = tok.doc[min(subject.left_edge.i, tok.i) - 1] if min(subject.left_edge.i, tok.i) else None
        if (left is not None and left.text == ",") and after is not None and after.text in (",", "."):
            return Cue(tok, subject, "parenthetical")
    return None


def _colon_lead_in(site: Site) -> Cue | None:
    """`Kaine has taken the stance: "..."`, `Michael Hale: "..."`: whoever the lead-in is
    about introduces the quote, whatever the verb."""
    if not site.ends_with(":"):
        return None
    ctx, window = site.ctx, site.before
    words = [t for t in window[:-1] if not ctx.inside_quote(ctx.at(t))]
    dash = max((k for k, t in enumerate(words) if t.text in DASHES), default=-1)
    words = words[dash + 1:]           # "Why polls missed it - Pew Research: "..."
    if not words:
        return None
    ids = {t.i for t in words}
    tops = [t for t in words if t.head.i not in ids or t.head.i == t.i]
    root = next((t for t in tops if pos(t) in ("VERB", "AUX")), tops[0] if tops else None)
    if root is not None and pos(root) in ("VERB", "AUX"):
        subject = subject_of(root)
        if subject is not None and subject.i >= words[0].i and could_speak(subject):
            return Cue(root, subject, "colon lead-in")
        return None
    head = words[-1]
    if all(pos(t) in ("PROPN", "NOUN", "PUNCT", "DET", "ADJ", "NUM") for t in words) and could_speak(head):
        return Cue(window[-1], head, "colon lead-in")
    return None


def _colon_sentence(site: Site) -> Cue | None:
    """`X, asked about it, said "A" and went on:` - the subject of the last main verb of the
    whole sentence before the colon, quotes in it or not."""
    if not site.ends_with(":"):
        return None
    ctx, colon = site.ctx, site.before[-1]
    verbs = [t for t in colon.sent if t.i < colon.i and pos(t) == "VERB"
             and t.dep_ in (ROOT, COORDINATED, CLAUSAL_COMPLEMENT) and not ctx.inside_quote(ctx.at(t))]
    for verb in reversed(verbs):
        subject = subject_of(verb, outside=site.quote_ids)
        if subject is not None and subject.i < verb.i and could_speak(subject) \
                and not ctx.inside_quote(ctx.at(subject)):
            return Cue(verb, subject, "colon sentence")
    return None


def _leads_in(cue: Cue, window) -> bool:
    """The cue verb stands right before the quote: `Berg said, "..."`, `Berg told me: "..."`."""
    return cue.verb.i >= window[-1].i - LEAD_IN_WORDS and window[-1].text in LEAD_IN_MARKS


def _leads_next(ctx: ArticleContext, window) -> bool:
    """`She says he is "a fraud." She adds, "..."`: after a quote that ends the writer's
    sentence, a cue that runs into the next quote introduces that one."""
    last = window[-1]
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return last.text in LEAD_IN_MARKS and following is not None and ctx.starts_quote(ctx.at(following))


def _issued_document(site: Site) -> Cue | None:
    """`Hale issued a statement, "..."`: the quote is the document its issuer put out."""
    window = site.before
    if len(window) < 3 or not site.ends_with(*LEAD_IN_MARKS):
        return None
    document = window[-2]
    if lemma(document) not in DOCUMENT_NOUNS or document.dep_ != DIRECT_OBJECT:
        return None
    verb = document.head
    subject = subject_of(verb)
    if subject is None or not could_speak(subject) or lemma(subject) in DOCUMENT_NOUNS:
        return None
    return Cue(verb, subject, "issued document")


def _signature(site: Site) -> Cue | None:
    """`"..." ― Jane Doe`: a name signed after a dash (the dash may cling to the mark)."""
    ctx, q = site.ctx, site.q
    window = [t for t in site.after if not t.is_space]
    if not window:
        return None
    if window[0].text in DASHES:
        dash, names = window[0], window[1:4]
    elif q.close_at is not None and ctx.text[q.close_at:ctx.at(window[0])].strip("”\"'’ ")[-1:] in DASHES:
        dash, names = window[0], window[:3]
    else:
        return None
    name = next((t for t in names if pos(t) == "PROPN"), None)
    if name is None:
        return None
    while pos(name.head) == "PROPN" and name.head.i > name.i and name.head.i - dash.i < 6:
        name = name.head
    return Cue(dash, name, "signature")


CUE_RULES = (
    Rule("governing verb", IN_SENTENCE, _governing),
    Rule("according to, in the sentence", IN_SENTENCE, _according_to_sentence),
    Rule("cue after a comma", IN_SENTENCE, _cue_after_comma),
    Rule("parenthetical", IN_SENTENCE, _parenthetical),
    Rule("cue leading in", AROUND, _leading_in),
    Rule("cue after", AROUND, _cue_after),
    Rule("verb it hangs from", AROUND, _hangs_from),
    Rule("cue before", AROUND, _cue_before),
    Rule("according to", AROUND, _according_to_around),
    Rule("sentence reporting it", AROUND, _reporting_sentence),
    Rule("issued document", AROUND, _issued_document),
    Rule("colon lead-in", AROUND, _colon_lead_in),
    Rule("colon sentence", AROUND, _colon_sentence),
    Rule("reported just before", AROUND, _reported_just_before),
    Rule("signature", AROUND, _signature),
    Rule("characterising verb", EITHER, _characterising),
)


def find_cue(ctx: ArticleContext, doc: Doc, q: QuotedSpan, inside, kind: str) -> Cue | None:
    """The cue of the first rule in `CUE_RULES` that finds one for this quote."""
    site = Site.of(ctx, doc, q, inside, kind)
    reads = IN_SENTENCE if site.in_sentence else AROUND
    for rule in CUE_RULES:
        if rule.reads in (reads, EITHER):
            cue = rule.find(site)
            if cue is not None:
                return replace(cue, rule=rule.name)
    return None


def signature_line(ctx: ArticleContext, q: QuotedSpan) -> Cue | None:
    """A paragraph that is only a quotation, signed by the next one: `Dana Reyes, a former
    trade negotiator.` The signature is a name, perhaps described, with no verb of its own."""
    doc = ctx.docs.get(q.paragraph + 1)
    if doc is None or len(doc) > SIGNATURE_WORDS or not len(doc):
        return None
    start = 1 if doc[0].text in DASHES else 0
    if start >= len(doc) or not (is_name(doc[start]) or _dashed_name(doc[start])):
        return None
    if any(t.tag_ in CLAUSE_VERB_TAGS and t.dep_ not in OWN_CLAUSES + (ADJECTIVE_MODIFIER,) for t in doc):
        return None       # "Dana Reyes, tweeting after the vote." signs; "Dana Reyes left." does not
    name = doc[start]
    while name.i + 1 < len(doc) and is_name(doc[name.i + 1]):
        name = doc[name.i + 1]
    return Cue(doc[start], name, "signature line")


def _dashed_name(tok) -> bool:
    """"-Dana" in "-Dana Reyes, Ohio.": the dash stuck to the name."""
    return tok.text[:1] in DASHES and tok.text[1:2].isupper() and pos(tok) == "PROPN"


def after_window(ctx: ArticleContext, doc, q: QuotedSpan, last):
    """Tokens after the closing mark, to the end of that sentence or the next quote."""
    if q.close_at is None:
        return []
    i = last.i + 1
    while i < len(doc) and ctx.at(doc[i]) <= q.close_at:
        i += 1
    if i >= len(doc):
        return []
    sent_end = doc[i].sent.end
    window = []
    for tok in doc[i:sent_end]:
        if ctx.starts_quote(ctx.at(tok)) and not ctx.nickname(ctx.at(tok)):
            break
        window.append(tok)
    return window


def before_window(ctx: ArticleContext, doc, q: QuotedSpan, first):
    """Tokens from the start of the sentence to the opening mark, if they lead into it."""
    i = first.i - 1
    while i >= 0 and ctx.at(doc[i]) >= q.open_at:
        i -= 1
    if i < 0:
        return _introducing_paragraph(ctx, q)
    if doc[i].text in (".", "!", "?") or doc[i].text in ("”", '"', "''", "’"):
        return []
    window = []
    for tok in reversed(doc[doc[i].sent.start:i + 1]):
        if ctx.inside_quote(ctx.at(tok)) or ctx.closes_quote(ctx.at(tok)):
            break
        window.append(tok)
    return window[::-1]


def _introducing_paragraph(ctx: ArticleContext, q: QuotedSpan):
    """`Caddell continued:` closing the paragraph before a quote paragraph introduces it."""
    prev = ctx.docs.get(q.paragraph - 1)
    if prev is None or not prev.text.rstrip().endswith(":"):
        return []
    return list(list(prev.sents)[-1])


def _is_bare_cue(cue: Cue, window, content: str) -> bool:
    """`"...." Berg said.`, `"...?" Berg asked, adding ...`: a cue after the quote whose verb
    reports nothing else, so it reports the quote. After a question or an exclamation the cue
    may go on; after a full stop only a short sentence is a cue (a longer one is news of its own)."""
    verb, subject = cue.verb, cue.subject
    in_window = {t.i for t in window}
    if any(c.dep_ in (CLAUSAL_COMPLEMENT, DIRECT_OBJECT) and c.i > verb.i and not could_speak(c) and c.i in in_window
           for c in verb.children):
        return False      # `"...," Lee said the plan would fail.` reports something else
    if len(window) <= BARE_CUE_WORDS:
        return True
    return content[-1:] in "?!" and window[0].i in (verb.i, subject.left_edge.i)


def cue_in(ctx: ArticleContext, window, inside, first: bool) -> Cue | None:
    """The first reporting verb in the window (nearest the quote) with a subject outside quotes."""
    ordered = window if first else list(reversed(window))
    quote_ids = frozenset(t.i for t in inside)
    for tok in ordered:
        if not is_reporting(tok):
            continue
        if first and not governs(tok, quote_ids) and any(
                c.dep_ in (COMPLEMENTIZER, ADVERB) and c.lower_ in SUBORDINATORS and c.lower_ != AS
                for c in tok.children):
            continue      # `"...," when Lee blasted him`: a clause of its own; `as Lee said` is a cue
        weak = lemma(tok) in WEAK_REPORTING_VERBS and not governs(tok, quote_ids) \
            and not _puts_it(tok) and not _answers_back(tok)
        near = window.index(tok) <= 3 if first else window[-1].text in LEAD_IN_MARKS \
            and window[-1].i - tok.i <= LEAD_IN_WORDS + 1
        if weak and not near:
            continue
        subject = subject_of(tok, outside=quote_ids) or _adjacent_name(tok, window)
        if subject is None or subject.i in quote_ids or ctx.inside_quote(ctx.at(subject)):
            continue
        if weak and not could_speak(subject):
            continue      # `"...," and donations began to rise`
        return outermost(ctx, Cue(tok, subject, "cue beside the quote"), quote_ids)
    return None


def _answers_back(verb) -> bool:
    """"fired back", "shot back", "hit back": a retort, though the verb alone is not."""
    return any(c.dep_ == PARTICLE and c.lower_ == "back" for c in verb.children)


def _puts_it(verb) -> bool:
    """"as Lee put it": a cue, though "put" alone is not."""
    return lemma(verb) == "put" and any(c.lower_ == "it" and c.dep_ == DIRECT_OBJECT for c in verb.children)


def _adjacent_name(verb, window):
    """When the parse gives no subject: the nearest name or pronoun beside the verb."""
    ids = [t.i for t in window]
    at = ids.index(verb.i)
    before = list(range(at - 1, max(-1, at - NEAR_VERB - 1), -1))
    after = list(range(at + 1, min(len(window), at + NEAR_VERB + 1)))
    for j in (after + before if at == 0 else before):
        if could_speak(window[j]) and window[j].dep_ not in NOT_SUBJECTS:
            return window[j]
    return None


def governing_cue(ctx: ArticleContext, first, inside, strict: bool = False) -> Cue | None:
    """The reporting verb above the quote in the parse, and its subject: `branded him a
    "dictator"`, `X says that A, and "B."`. Neither may stand inside a quotation. `strict`:
    only a verb of saying proper, never a weak one ("called it", "put")."""
    quote_ids = frozenset(t.i for t in inside)
    root = next((t for t in inside if t.head.i not in quote_ids), first)
    tok, hops, passed_verb = root.head, 0, False
    while hops < MAX_HOPS:
        # "thinks", "believes" report a quote only as the first verb above it, not from afar.
        weak_ok = (not passed_verb or lemma(tok) not in BELIEF_VERBS) \
            and not (strict and lemma(tok) in WEAK_REPORTING_VERBS)
        if is_reporting(tok) and weak_ok and not ctx.inside_quote(ctx.at(tok)):
            subject = subject_of(tok, outside=quote_ids) or earlier_subject(tok)
            if subject is not None and subject.i not in quote_ids and not ctx.inside_quote(ctx.at(subject)):
                return outermost(ctx, Cue(tok, subject, "governing verb"), quote_ids)
        passed_verb = passed_verb or pos(tok) in ("VERB", "AUX")
        if tok.head.i == tok.i:
            break
        tok, hops = tok.head, hops + 1
    return None


def outermost(ctx: ArticleContext, cue: Cue, quote_ids: frozenset[int]) -> Cue:
    """`X says Y did "Q"`, `X told them that Y "...," adding ...`: a quote inside reported speech
    is the outer reporter's, as news reports attribute it. Only `he said` inside reported speech
    (`X said he told them "Q"`) keeps its own speaker."""
    verb, subject = cue.verb, cue.subject
    if lemma(verb) in PLAIN_SAYING and subject.lower_ in SPEAKER_PRONOUNS:
        return cue
    chosen, tok = cue, verb
    for _ in range(MAX_HOPS):
        if tok.head.i == tok.i or tok.dep_ in OWN_CLAUSES or _subordinate(tok) or _answers(tok):
            break         # `whom spokesman Li called "remarkable"` is Li's, whoever hailed it
        tok = tok.head
        for reporter in [tok] + [c for c in tok.children if c.dep_ == PARENTHETICAL and c.i < verb.i]:
            # `Hale said, most voters have come to believe "Q"`: the aside reports it all.
            if not is_reporting(reporter) or lemma(reporter) in WEAK_REPORTING_VERBS \
                    or ctx.inside_quote(ctx.at(reporter)):
                continue
            outer = subject_of(reporter, outside=quote_ids)
            if outer is not None and outer.i != chosen.subject.i and could_speak(outer) \
                    and not ctx.inside_quote(ctx.at(outer)):
                chosen = replace(cue, verb=reporter, subject=outer)
    return chosen


def _answers(verb) -> bool:
    """`Lee said A, and when pressed, the aide replied "Q"`: a verb of saying coordinated with
    its own subject reports in its own right, not inside the clause before it."""
    return verb.dep_ == COORDINATED and is_reporting(verb) \
        and any(c.dep_ in SUBJECTS for c in verb.children)


def _subordinate(tok) -> bool:
    """A clause of its own: `..., after Ortiz argued that "..."`."""
    return tok.dep_ in (ADVERBIAL_CLAUSE, COORDINATED) and any(c.dep_ == COMPLEMENTIZER and c.lower_ in SUBORDINATORS
                                                  for c in tok.children)


def according_to(window) -> Cue | None:
    """"according to X": X, the object of "to", or the first noun after it."""
    for a, b in itertools.pairwise(window):
        if (a.lower_, b.lower_) == ACCORDING_TO:
            obj = next((c for c in b.children if c.dep_ == PREPOSITION_OBJECT), None)
            if obj is None:
                after = [t for t in window if t.i > b.i]
                obj = next((t for t in after if pos(t) in ("PROPN", "NOUN", "PRON")), None)
            if obj is not None:
                return Cue(a, obj, "according to")
    return None


def cue_text(verb, subject=None) -> str:
    """The verb with its particle and short object: "said", "told reporters", "wrote on X"."""
    if verb.lower_ == "according":
        return "according to"
    words = [verb]
    for child in verb.children:
        if child.dep_ in OBJECTS + (PARTICLE,) and child.i > verb.i and child.i - verb.i <= 4 \
                and (subject is None or child.i != subject.i):
            words.extend(t for t in child.subtree if t.i - verb.i <= 4)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)
