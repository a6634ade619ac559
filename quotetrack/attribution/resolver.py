"""The one resolver: which name a mention stands for ("he", "the finance minister", "Berg").

Quotes and reported statements both come here, so one person gets one name whatever points
at them. A pronoun or description that resolves to a name becomes a mention itself, so that a
later "he" can chain to it: that is the resolver's own state; the article context never
changes.
"""
from __future__ import annotations

import bisect
from typing import NamedTuple

from ..constants import (
    COLLECTIVE_ROLES,
    DOCUMENT_NOUNS,
    EVENT_NOUNS,
    NAME_TITLES,
    NOBODY,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    POSSESSIVE_PRONOUNS,
    PRONOUN_GENDER,
    REPORTING_VERBS,
    ROLE_ABBREVIATIONS,
    ROLE_GENDER,
    ROLE_TIME_WORDS,
    SECOND_HAND_VERBS,
    SOME_PEOPLE,
    SPEAKER_LABELS,
    SPEAKER_PRONOUNS,
)
from ..names import clean_name, fold, surname
from ..tokens import lemma, lemma_as_verb, pos
from .context import ArticleContext
from .grammar import (
    ADJECTIVE_MODIFIER,
    APPOSITION,
    COMPOUND,
    COORDINATED,
    DETERMINER,
    DIRECT_OBJECT,
    EVENT_LABELS,
    FINITE_TAGS,
    FLAT,
    NOUN_CLAUSE,
    NUMBER,
    PASSIVE_SUBJECT,
    PAST_PARTICIPLE,
    PLACE_LABELS,
    PLURAL_NOUN_TAGS,
    POSSESSOR,
    PREPOSITION,
    PREPOSITION_OBJECT,
    RELATIVE_CLAUSE,
    SINGULAR_NOUN_TAGS,
    TIME_LABELS,
    agent,
    is_age,
    is_name,
    is_reporting,
    main_subject,
    subject_of,
    written_by,
)
from .people import Mention, People, mention_span, title_before

RECENT_SENTENCES = 25
RECENT_ORGANISATION_SENTENCES = 4
DEFINITE = ("the", "this", "that")
RELATIVE_PRONOUNS = ("who", "which", "that")
PLURAL_PRONOUN = "they"


class Name(NamedTuple):
    """A resolved speaker: `named` when it is someone's name (which a later pronoun may point
    back to), not the words of an unresolved description ("a narrator")."""
    text: str
    named: bool = True


class Resolver:
    def __init__(self, ctx: ArticleContext, people: People):
        self.ctx = ctx
        self.people = people
        self.mentions: list[Mention] = list(people.mentions)   # grows as mentions resolve
        self.resolved: dict[int, Name | None] = {}              # mention offset -> name
        self._index_descriptions()

    def resolve(self, subject) -> tuple[str | None, tuple[int, int] | None]:
        """The name a subject token stands for, and the offsets of its mention. Each mention is
        resolved once."""
        span = mention_span(subject)
        at, end = self.ctx.at(span[0]), self.ctx.end_of(span[-1])
        if at not in self.resolved:
            name = self._name_for(span, at)
            if name is not None and name.named:
                name = Name(self.people.fullest(name.text, at, _title(span)))
                head = span[-1]
                if subject.lower_ in PRONOUN_GENDER or subject.lower_ == "it" or pos(head) == "NOUN":
                    organisation = subject.lower_ == "it" or lemma(head) in ORGANISATION_NOUNS
                    self._add(Mention(at, end, name.text, self.ctx.sentence_index(at), True,
                                      not organisation, organisation))
            self.resolved[at] = name
        name = self.resolved[at]
        return (name.text, (at, end)) if name is not None else (None, None)

    def _add(self, mention: Mention) -> None:
        bisect.insort(self.mentions, mention, key=_position)

    def _index_descriptions(self) -> None:
        """"The finance minister said ...": a described subject is a mention of the person it
        describes, so that a later "he" can find them."""
        ctx = self.ctx
        for p_index in sorted(ctx.docs):
            for tok in ctx.docs[p_index]:
                if not (main_subject(tok) and not is_name(tok) and lemma(tok) in PERSON_ROLES
                        and any(c.dep_ == DETERMINER for c in tok.children)):
                    continue
                if any(c.dep_ == APPOSITION and is_name(c) for c in tok.children):
                    continue      # "The campaign chairman, Phil Lovas, said": the name resolves it
                span = mention_span(tok)
                at = ctx.at(span[0])
                if ctx.inside_quote(at):
                    continue
                name = self._described(span, at)
                if name is not None and name.named:
                    self.resolved[at] = name
                    self._add(Mention(at, ctx.end_of(tok), name.text, ctx.sentence_index(at), True, True))

    # ------------------------------------------------------------ what a mention names

    def _name_for(self, span, at: int) -> Name | None:
        head = span[-1]
        if head.lower_ in RELATIVE_PRONOUNS:
            clause = head.head
            while clause.dep_ == COORDINATED and pos(clause.head) == "VERB":
                clause = clause.head    # "a banker whose fund grew, but who warned"
            if clause.dep_ == RELATIVE_CLAUSE or (clause.dep_ == COORDINATED
                                                  and pos(clause.head) in ("NOUN", "PROPN")):
                return self._relative(clause.head)     # "Lee, ... but who said": Lee
        if head.lower_ in SOME_PEOPLE and pos(head) in ("PRON", "DET") and head.n_rights:
            # "those surveyed", "those who back her": the words that say who they are
            return _description([t for t in head.subtree if t.i < head.head.i] or [head])
        if pos(head) == "PRON" or (len(span) == 1 and head.lower_ in SPEAKER_PRONOUNS):
            if head.lower_ == PLURAL_PRONOUN:
                group = self._group_before(head)
                if group is not None:
                    return group
            return self._pronoun(head.lower_, at)
        if is_age(head):
            return self._antecedent(at, None) or _description(span)    # "the 46-year-old"
        if head.ent_type_ in TIME_LABELS:
            return None       # "Saturday said", a mis-parse
        if head.lower_ in ROLE_ABBREVIATIONS and all(t.dep_ == DETERMINER for t in span[:-1]):
            return self._described(span, at, set(ROLE_ABBREVIATIONS[head.lower_])) or _description(span)
        if head.ent_type_ in SPEAKER_LABELS or is_name(head) or self._known_person(head):
            span = _before_headline_verb(span)         # "Obama Says ...": Obama
            return None if _not_a_name(span) else _named(span)
        # "the agency's director, Maria Lopez": the name in the description wins (its own
        # apposition, never a name further inside: "a letter to Senator Hill").
        named = [t for t in head.children if t.dep_ in (COMPOUND, APPOSITION, FLAT)
                 and (t.ent_type_ == "PERSON" or (t.dep_ == APPOSITION and is_name(t)))
                 and not _bracketed(t)]
        if named:
            return _named(mention_span(named[-1]))
        if lemma(head) in DOCUMENT_NOUNS:
            return self._author(head, at)
        if head.lower_ in NOBODY:
            return None
        if head.lower_ in SOME_PEOPLE or head.tag_ == NUMBER:
            whole = _of_what(head)
            if whole is not None and lemma(whole) in DOCUMENT_NOUNS:
                return self._author(whole, at)   # "one of the questions asks"
            return _description(span)     # "Another said", "Several wrote", "Two of them told"
        # A description: "the finance minister", "the newspaper", "the candidate's doctor".
        if any(c.dep_ == POSSESSOR and not (_place(c) and lemma(head) in PERSON_ROLES) for c in head.children):
            return _description(span)      # "the candidate's doctor"; "Poland's president" is a role
        if lemma(head) in ORGANISATION_NOUNS:
            return self._organisation(head, at) or _description(span)
        return self._described(span, at) or (_description(span) if pos(head) in ("NOUN", "PROPN") else None)

    def _known_person(self, tok) -> bool:
        """A surname the tagger took for another word (`Jolly said`, `O'Malley told`): a word
        written as a name that the article names as a person elsewhere."""
        return tok.is_title and pos(tok) not in ("NOUN", "PROPN") \
            and surname(tok.text) in self.people.persons \
            and (tok.i == 0 or not tok.doc[tok.i - 1].is_title)

    def _relative(self, noun) -> Name | None:
        """"Weaver, who said ..." is Weaver, and so is "Weaver, a banker who said"; "some who
        warned", "18% who say" are who they are; "the theme that would carry him" is no one."""
        if noun.dep_ == APPOSITION and is_name(noun.head):
            noun = noun.head
        noun = _speaking_head(noun)
        if noun.ent_type_ in SPEAKER_LABELS or is_name(noun) or lemma(noun) in PERSON_ROLES \
                or lemma(noun) in ORGANISATION_NOUNS or lemma(noun) in DOCUMENT_NOUNS or _counted(noun):
            name, _ = self.resolve(noun)
            return Name(name) if name is not None else None
        if noun.lower_ in SOME_PEOPLE or noun.ent_type_ == "PERCENT" or noun.lower_ in ("%", "percent"):
            return _description([t for t in noun.subtree if t.i <= noun.i])
        return None

    def _group_before(self, pronoun) -> Name | None:
        """"Senate Democrats blocked the bill because they said ...": "they" is the plural
        main-clause subject before it, in its sentence or the one before."""
        sent = pronoun.sent
        start = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for tok in reversed(pronoun.doc[start:pronoun.i]):
            if main_subject(tok) and tok.tag_ in PLURAL_NOUN_TAGS and not self.ctx.inside_quote(self.ctx.at(tok)):
                name, _ = self.resolve(tok)
                return Name(name, named=False) if name is not None else None
        return None

    def _pronoun(self, word: str, at: int) -> Name | None:
        word = POSSESSIVE_PRONOUNS.get(word, word)
        if word == "it":
            return self._organisation(None, at)
        if word not in SPEAKER_PRONOUNS or word in ("i", "we"):
            return None
        return self._antecedent(at, PRONOUN_GENDER.get(word))

    def _described(self, span, at: int, words: set[str] | None = None) -> Name | None:
        """The person whose titles the description's words match, nearest first ("Poland's
        president" for Polish President Anna Nowak); else, for a role ("the senator"), the most
        recent person (for an office, one the text gives no other office); else the description
        itself, as written, as for a qualified office ("the prime minister")."""
        head = span[-1]
        role_named = words is None and lemma(head) in PERSON_ROLES
        words = words or {lemma(t) for t in span if pos(t) in ("NOUN", "ADJ", "PROPN")}
        best, best_score = None, 0
        for m in self._mentions_before(at):
            if not m.person:
                continue
            titles = self.people.titles_of(m.name, m.end)
            if role_named and not any(_same_word(lemma(head), t) for t in titles):
                continue      # "the Polish president" is a president, not a Polish minister
            score = sum(1 for w in words if any(_same_word(w, t) for t in titles))
            if score > best_score:
                best, best_score = m.name, score
        if best is not None:
            return Name(best)
        role = lemma(head)
        if role in PERSON_ROLES and role not in COLLECTIVE_ROLES and _definite_singular(head):
            if role in NAME_TITLES and len(words - ROLE_TIME_WORDS) > 1:
                return _description(span)    # "the New York attorney general" nobody was titled
            return self._antecedent(at, ROLE_GENDER.get(role), role) or _description(span)
        return None

    def _organisation(self, head, at: int) -> Name | None:
        """The organisation the text named just before: for "it", any; for "the ministry", one
        whose name ends in "Ministry"."""
        for m in self._mentions_before(at, RECENT_ORGANISATION_SENTENCES):
            if m.organisation and (head is None or fold(m.name).split()[-1:] == [lemma(head)]):
                return Name(m.name)
        return None

    def _author(self, document, at: int) -> Name | None:
        """Who wrote a document that "says" something: its possessor ("Lopez's statement"), a
        name it is compounded with ("a White House statement"), its agent ("a letter from the
        union", "an editorial in the Gazette"), or whoever issued it just before ("The union
        filed a lawsuit. ... the lawsuit claims"). Never the document itself."""
        author = written_by(document)
        if author is not None:
            return self._name_of(author)
        issuer = _issuing_subject(document)      # "His office put out a statement saying ..."
        if issuer is not None and lemma(issuer) not in DOCUMENT_NOUNS:
            return self._name_of(issuer)
        return self._issuer(lemma(document), at)

    def _name_of(self, tok) -> Name | None:
        name, _ = self.resolve(tok)
        return Name(name) if name is not None else None

    def _issuer(self, document: str, at: int) -> Name | None:
        """The subject that released, sent or filed the same kind of document a few sentences
        before, or said something "in a statement"."""
        here = self.ctx.sentence_index(at)
        for p_index in sorted((i for i in self.ctx.docs if self.ctx.paragraphs[i].start < at), reverse=True):
            for tok in reversed(self.ctx.docs[p_index]):
                where = self.ctx.at(tok)
                if where >= at or self.ctx.inside_quote(where):
                    continue
                if here - self.ctx.sentence_index(where) > RECENT_ORGANISATION_SENTENCES:
                    return None
                if lemma(tok) != document:
                    continue
                issuer = _issuing_subject(tok)
                if issuer is not None and lemma(issuer) not in DOCUMENT_NOUNS:
                    return self._name_of(issuer)
        return None

    # ------------------------------------------------------------ who came before

    def _mentions_before(self, at: int, sentences: int = RECENT_SENTENCES) -> list[Mention]:
        """Mentions before `at`, nearest first, limited to the last few sentences."""
        here = self.ctx.sentence_index(at)
        out = []
        for i in range(bisect.bisect_left(self.mentions, at, key=_position) - 1, -1, -1):
            if here - self.mentions[i].sentence > sentences:
                break
            out.append(self.mentions[i])
        return out

    def _antecedent(self, at: int, gender: str | None, role: str | None = None) -> Name | None:
        """The most recent compatible person: subjects first, then any person mention. For an
        office ("the senator", a title word), never someone the text gave another office."""
        candidates = [m for m in self._mentions_before(at) if m.person]
        fits = [m for m in candidates if gender is None or self.people.gender_of(m.name, m.end) in (None, gender)]
        if role in NAME_TITLES:
            fits = [m for m in fits if not self._other_role(m, role)]
        for pool in ([m for m in fits if m.subject], fits):
            if pool:
                return Name(pool[0].name)
        return None

    def _other_role(self, m: Mention, role: str) -> bool:
        """The text gives this person another office ("union leader" is none, nor "husband")."""
        offices = {t for t in self.people.titles_of(m.name, m.end) if t in NAME_TITLES and t in PERSON_ROLES}
        return bool(offices) and not any(_same_word(role, t) for t in offices)


def _speaking_head(noun):
    """"one Democrat familiar with the talks, who added": the parse hangs the relative clause
    on the nearest noun; the one who could speak is up the phrase it sits in."""
    tok = noun
    for _ in range(4):
        if tok.dep_ not in (PREPOSITION_OBJECT, PREPOSITION, ADJECTIVE_MODIFIER) or tok.head.i == tok.i:
            break
        tok = tok.head
        if pos(tok) in ("NOUN", "PROPN") and (is_name(tok) or lemma(tok) in PERSON_ROLES
                                              or tok.ent_type_ in SPEAKER_LABELS or _counted(tok)):
            return tok
    return noun


def _counted(noun) -> bool:
    """"one Democrat", "two aides", "some voters": people counted, whatever the noun."""
    return any(c.lower_ in SOME_PEOPLE or c.tag_ == NUMBER for c in noun.children)


def _of_what(head):
    """"questions" in "one of the questions"."""
    prep = next((c for c in head.children if c.dep_ == PREPOSITION and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == PREPOSITION_OBJECT), None) if prep is not None else None


def _definite_singular(head) -> bool:
    """"the senator" points back to someone; "senators", "a senator", "all candidates" do not."""
    return head.tag_ in SINGULAR_NOUN_TAGS and any(c.dep_ == DETERMINER and c.lower_ in DEFINITE for c in head.children)


def _issuing_subject(document):
    """"X released a statement", "a memo written by X", "X said in a statement". Not who came
    by it ("a memo obtained by the paper", "a report cited by X")."""
    for made in document.children:
        if made.dep_ == NOUN_CLAUSE and made.tag_ == PAST_PARTICIPLE and lemma(made) not in SECOND_HAND_VERBS \
                and not is_reporting(made) and agent(made) is not None:
            return agent(made)
    verb = document.head
    if document.dep_ == DIRECT_OBJECT and pos(verb) == "VERB":
        return subject_of(verb)
    if document.dep_ == PASSIVE_SUBJECT:
        return agent(verb)
    if document.dep_ == PREPOSITION_OBJECT and verb.lower_ == "in" and is_reporting(verb.head):
        return subject_of(verb.head)
    return None


def _bracketed(tok) -> bool:
    """"(D-Ore.)" after a name is a party and a state, not a name."""
    for before in reversed(tok.doc[tok.sent.start:tok.i]):
        if before.text in "()":
            return before.text == "("
    return False


def _title(span) -> str | None:
    """The title written just before the name a mention ends with ("Mrs. Lindqvist",
    "President Lindqvist"), if any; a pronoun has none."""
    if pos(span[-1]) == "PRON":
        return None
    last_title = max((k for k, t in enumerate(span) if t.lower_.strip(".") in NAME_TITLES), default=-1)
    name = span[last_title + 1:]
    return title_before(name) if name else None


def _named(span) -> Name | None:
    text = clean_name("".join(t.text_with_ws for t in span))
    return Name(text) if text else None


def _description(span) -> Name:
    return Name("".join(t.text_with_ws for t in span).strip(), named=False)


def _position(mention: Mention) -> int:
    return mention.at


def _not_a_name(span) -> bool:
    """A speaker is a name: not a clause (`Lee greeted Park`, one entity to a small model), nor
    an event or an agreement (`the Lisbon Summit`)."""
    head = span[-1]
    return any(t.tag_ in FINITE_TAGS and t.is_lower for t in span[1:]) \
        or head.ent_type_ in EVENT_LABELS or (lemma(head) in EVENT_NOUNS and head.ent_type_ != "PERSON")


def _before_headline_verb(span):
    """The words before a headline's verb of saying, who are its subject ("Lee Slams Park")."""
    verb = next((k for k, t in enumerate(span) if k and _headline_verb(t)), None)
    return span if verb is None else span[:verb]


def _headline_verb(tok) -> bool:
    """"Lee Slams Park", "Mayor Warns Residents": a verb of saying, capitalised as a headline
    writes it, inside a run of capitalised words; never inside a place or an organisation's
    name ("United States")."""
    word = tok.lower_
    verb = lemma_as_verb(word)
    return tok.is_title and tok.ent_type_ in ("", "PERSON") and word.endswith("s") and verb != word \
        and verb in REPORTING_VERBS


def _place(tok) -> bool:
    """A country or city as a possessor: "Poland's president" names a role, not a person's."""
    return tok.ent_type_ in PLACE_LABELS


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])
