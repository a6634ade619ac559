"""Candidate mentions and the people they name: every name outside quotes, with the titles,
gender and fullest form the article gives each person."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType

from ..constants import (
    GIVEN_NAME_HONORIFICS,
    MINOR_WORDS,
    NAME_TITLES,
    ORGANISATION_LABELS,
    PERSON_ROLES,
    PRONOUN_GENDER,
    ROLE_GENDER,
    SPEAKER_LABELS,
    STOPWORDS,
    TITLE_ABBREVIATIONS,
    TITLE_GENDER,
)
from ..names import clean_name, fold, same_given_name, surname
from ..tokens import lemma, pos
from .context import ArticleContext
from .grammar import (
    ADJECTIVE_MODIFIER,
    APPOSITION,
    CASE,
    CLAUSAL_COMPLEMENT,
    COMMON_NOUN_TAGS,
    COMPOUND,
    DETERMINER,
    FLAT,
    NOUN_MODIFIER,
    NUMBER_MODIFIER,
    OBJECTS,
    POSSESSOR,
    PROPER_NOUN_TAGS,
    SUBJECTS,
    is_age,
    is_reporting,
    main_subject,
    subject_of,
)

# Capitalised words before a surname that are not a first name ("But Hale", "Senator Hale").
NOT_FIRST_NAMES = STOPWORDS | NAME_TITLES | PERSON_ROLES | MINOR_WORDS | {"former", "late", "young", "old", "then"}
GENDER_EVIDENCE = 2     # "X said he" votes that make X a man for an honorific
HEADING_WORDS = 20
HEADING_CAPITALS = 0.6
TITLE_WORDS = 5


@dataclass(frozen=True)
class Mention:
    """A person (or organisation) named or pointed at outside quotes, in text order."""
    at: int
    end: int
    name: str
    sentence: int
    subject: bool
    person: bool
    organisation: bool = False


@dataclass(frozen=True)
class People:
    """What the article says about who is who; built once by `index_people`, then frozen (see
    `frozen`): resolving quotes reads it, and what resolution learns (a pronoun resolved, a
    mention found) lives in the Resolver, so no answer depends on the order quotes are resolved
    in."""
    mentions: list[Mention] = field(default_factory=list)
    # Keyed by person (folded fullest name), so that Tom and Lina Reyes keep their own.
    titles: dict[str, set[str]] = field(default_factory=dict)
    gender: dict[str, dict[str, int]] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)              # surnames seen as PERSON
    by_surname: dict[str, list[Mention]] = field(default_factory=dict)   # names of people
    text: str = ""
    # surname -> its "First Surname"s in the text: a cache of what the text says, filled on demand
    written: dict[str, list] = field(default_factory=dict)
    # person -> genders the words right at their name give ("Mrs. Lee", "Lee, his wife")
    marked: dict[str, set[str]] = field(default_factory=dict)
    # surname -> (offset, title) of each "President Lindqvist": a title and a surname alone
    titled: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def frozen(self) -> People:
        """The same facts in containers that cannot change."""
        def fixed(value):
            if isinstance(value, dict):
                return MappingProxyType({k: fixed(v) for k, v in value.items()})
            if isinstance(value, (set, frozenset)):
                return frozenset(value)
            if isinstance(value, list):
                return tuple(fixed(v) for v in value)
            return value
        return replace(self, **{f.name: fixed(getattr(self, f.name)) for f in fields(self)
                                if f.name != "written"})

    def person(self, name: str, at: int | None = None, title: str | None = None) -> str:
        """The key of the person a name stands for at `at`."""
        return fold(self.fullest(name, at, title))

    def names_someone(self, name: str) -> bool:
        """The article names a person or organisation so outside quotes ("LEE" for Ana Lee)."""
        key = surname(clean_name(name))
        return key in self.persons or key in self.by_surname

    def titles_of(self, name: str, at: int | None = None) -> set[str]:
        return self.titles.get(self.person(name, at), set())

    def gender_of(self, name: str, at: int | None = None) -> str | None:
        votes = self.gender.get(self.person(name, at)) or {}
        if not votes:
            return None
        best = max(votes, key=votes.get)
        return best if votes[best] > sum(votes.values()) - votes[best] else None

    def fullest(self, name: str, at: int | None = None, title: str | None = None) -> str:
        """The fullest form of the person a name stands for at offset `at` ("Berg" -> "Karl
        Berg"). A surname alone means the person of that surname the text is talking about
        there: the most recent full mention before `at`, a subject first; never simply the
        longest name that holds it (Tom and Lina Reyes are two people).

        `title` is the word written before the name ("Mrs.", "President", "Sir"): an honorific
        keeps to people of its gender; a titled surname takes a full name only when exactly one
        compatible person of that surname is named, and is otherwise a person in its own right
        ("President Lindqvist", whom a later bare "Lindqvist" also means). A bare name that is
        the first word of one person's full name is that person (`Park` for Park Min-jun, `Sir
        Alan` for Sir Alan Brooke)."""
        words = set(fold(name).split())
        forms = [m for m in self.by_surname.get(surname(name), ())
                 if words <= set(fold(m.name).split())]
        full = [m for m in forms if len(m.name.split()) > len(words)]
        if len(words) == 1:
            if title is not None and _title_key(title) not in GIVEN_NAME_HONORIFICS:
                return self._titled(name, full, title, at)
            principal = self._titled_principal(name, full, at)
            if principal is not None:
                return principal
        if not full:
            return self._first_word_owner(name, at, title) if len(words) == 1 else name
        before = [m for m in full if at is None or m.at < at]
        written = self._written_before(name, at) if len(words) == 1 else None
        if written is not None and (not before or written[0] > max(m.at for m in before)):
            # Named last in a paragraph attribution did not need to parse.
            known = [m.name for m in full if fold(m.name) == fold(written[1])]
            return known[0] if known else written[1]
        if before:
            meant = max(before, key=lambda m: (m.subject, m.at))
        elif len({_first_name(m.name) for m in full}) == 1:
            meant = full[0]
        else:
            return name       # two people fit and the text has named neither yet
        return self._fullest_form(meant, full)

    @staticmethod
    def _fullest_form(meant: Mention, full: list[Mention]) -> str:
        same_person = [m.name for m in full if set(fold(meant.name).split()) <= set(fold(m.name).split())]
        return max(same_person, key=lambda f: (len(f.split()), same_person.count(f), f == meant.name))

    def _compatible(self, m: Mention, title: str) -> bool:
        """Could the person of mention `m` be called `title` ("Mrs.", "President")? Not when
        their gender is the other one, nor when the text gives them roles and not this one."""
        key = _title_key(title)
        gender = _title_gender(title)
        if gender is not None and self.sex_of(m.name, m.end) not in (None, gender):
            return False
        roles = {t for t in self.titles_of(m.name, m.end) if t in PERSON_ROLES}
        return key not in PERSON_ROLES or not roles or key in roles

    def sex_of(self, name: str, at: int | None = None) -> str | None:
        """Gender for an honorific to rule someone out: from the words that mark the person
        themselves ("Mr. Lee", "his wife Ana Lee", "Ana Lee, his wife"), else from "X said she"
        only when said more than once ("Lee said she" may be about someone else)."""
        marked = self.marked.get(self.person(name, at)) or set()
        if len(marked) == 1:
            return next(iter(marked))
        votes = self.gender.get(self.person(name, at)) or {}
        voted = self.gender_of(name, at)
        return voted if voted is not None and votes[voted] >= GENDER_EVIDENCE else None

    def _titled(self, name: str, full: list[Mention], title: str, at: int | None) -> str:
        """"Mrs. Lindqvist", "President Lindqvist", "Dr. Ruiz": the one compatible person of that
        surname, one the text titled so or one of its gender first; with none or several, the
        title and the surname."""
        fits = [m for m in full if self._compatible(m, title)]
        gender = _title_gender(title)
        marked = [m for m in fits if gender is not None and self.sex_of(m.name, m.end) == gender]
        titled_so = [m for m in fits if _title_key(title) in {_title_key(t) for t in self.titles_of(m.name, m.end)}]
        fits = titled_so or marked or fits
        people = _distinct_people(fits)
        if len(people) == 1:
            return self._fullest_form(people[0], full)
        if not full:
            return self._first_word_owner(name, at, None)     # "Mr. Park" for Park Min-jun
        return _with_title(title, name)

    def _titled_principal(self, name: str, full: list[Mention], at: int | None) -> str | None:
        """A bare surname after "President Lindqvist" stood apart from "Maria Lindqvist, his
        wife" is the titled principal."""
        for where, title in reversed(self.titled.get(fold(name), ())):
            if at is None or where < at:
                held = self._titled(name, [m for m in full if m.at < where] or full, title, where)
                return held if fold(held).split()[0] in NAME_TITLES else None
        return None

    def _first_word_owner(self, name: str, at: int | None, title: str | None) -> str:
        """"Park said" after "Park Min-jun", "Sir Alan said" after "Sir Alan Brooke": the one
        person before `at` whose full name begins with this word (the caller has found no one of
        that surname); with two such people, neither."""
        word = fold(name)
        owners = [m for m in self.mentions if m.person and (at is None or m.at < at)
                  and len(fold(m.name).split()) > 1 and fold(m.name).split()[0] == word]
        people = _distinct_people(owners)
        if len(people) == 1:
            return self._fullest_form(people[0], owners)
        if people and title is not None:
            return _with_title(title, name)      # two Sir Alans: neither
        return name

    def _written_before(self, name: str, at: int | None):
        """(offset, "Lina Reyes") of the last "First Surname" written before `at`."""
        if at is None or not self.text:
            return None
        last = name.split()[-1]
        if last not in self.written:
            pattern = r"\b([A-Z][a-z][\w'’\-]*)[ \u00a0]" + re.escape(last) + r"\b"
            self.written[last] = [
                (m.start(), f"{m.group(1)} {last}") for m in re.finditer(pattern, self.text)
                if m.group(1).lower() not in NOT_FIRST_NAMES
                and fold(m.group(1)) not in self.persons]          # not "Hale Reyes"
        found = self.written[last]
        k = bisect.bisect_left(found, (at,))
        return found[k - 1] if k else None


def _first_name(name: str) -> str:
    return fold(name).split()[0]


def _title_key(title: str) -> str:
    return title.lower().strip(".")


def _title_gender(title: str) -> str | None:
    key = _title_key(title)
    return TITLE_GENDER.get(key) or ROLE_GENDER.get(key)


def _with_title(title: str, name: str) -> str:
    """"President Lindqvist", "Mrs. Lindqvist": a person known by title and surname alone."""
    return f"{_title_key(title).capitalize()}{'.' if title.endswith('.') else ''} {name}"


def _distinct_people(mentions: list[Mention]) -> list[Mention]:
    """One mention per person: full names with the same surname and given name (up to
    transliteration) are one."""
    people: list[Mention] = []
    for m in mentions:
        if not any(surname(p.name) == surname(m.name)
                   and same_given_name(_first_name(p.name), _first_name(m.name)) for p in people):
            people.append(m)
    return people


def index_people(ctx: ArticleContext) -> People:
    """Collect named people, their titles and grammatical gender, outside quotes."""
    people = People(text=ctx.text)
    for doc in ctx.docs.values():
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                name = clean_name(ent.text)
                if name:
                    people.persons.add(surname(name))
    for p_index in sorted(ctx.docs):
        if is_heading(ctx.docs[p_index].text):
            continue      # "Senator Slams Governor Over Budget": one run of capitals, no one's name
        for sent in ctx.docs[p_index].sents:
            sentence = ctx.sentence_index(ctx.at(sent[0]))
            subject_names = []
            for whole in name_chunks(sent, people.persons):
                if ctx.inside_quote(ctx.at(whole[0])):
                    continue
                chunk = without_titles(whole)
                name = clean_name("".join(t.text_with_ws for t in chunk))
                if not name:
                    continue
                title = title_before(chunk)
                if title is not None and len(name.split()) == 1 and _title_key(title) not in GIVEN_NAME_HONORIFICS:
                    people.titled.setdefault(fold(name), []).append((ctx.at(chunk[0]), title))
                key = surname(name)
                head = chunk[-1]
                is_person = key in people.persons or any(t.ent_type_ == "PERSON" for t in chunk) or titled(chunk)
                is_subject = main_subject(head) or whole[0].i == sent.start \
                    or (head.dep_ == APPOSITION and main_subject(head.head)) or _quote_took_root(ctx, head)
                mention = Mention(ctx.at(chunk[0]), ctx.end_of(chunk[-1]), name, sentence,
                                  is_subject, is_person, head.ent_type_ in ORGANISATION_LABELS)
                people.mentions.append(mention)
                if is_person or not head.ent_type_:    # the recogniser misses many names
                    people.by_surname.setdefault(key, []).append(mention)
                if is_person:
                    person = people.person(name, mention.end, title)
                    people.titles.setdefault(person, set()).update(title_words(chunk))
                    gender = marked_gender(chunk)
                    if gender is not None:
                        people.marked.setdefault(person, set()).add(gender)
                    if is_subject:
                        subject_names.append(person)
            _vote_gender(ctx, people, sent, subject_names)
    people.mentions.sort(key=lambda m: m.at)
    return people.frozen()


def is_heading(paragraph: str) -> bool:
    """A title line: short, most words capitalised, and no closing punctuation but perhaps a
    full stop."""
    words = [w for w in paragraph.split() if w[:1].isalpha()]
    if not words or len(words) > HEADING_WORDS or paragraph.rstrip()[-1:] in "!?\"”'’:":
        return False
    if paragraph.rstrip().endswith("."):
        # A title may close with a full stop, but then every word but the small ones is
        # capitalised; a sentence full of names still has its verbs and nouns in lower case.
        content = [w for w in words if w.lower() not in MINOR_WORDS]
        return len(words) >= TITLE_WORDS and "." not in paragraph.rstrip()[:-1] \
            and all(w[0].isupper() for w in content)
    return sum(w[0].isupper() for w in words) >= HEADING_CAPITALS * len(words)


def name_chunks(sent, known: set[str] = frozenset()) -> list[list]:
    """Runs of proper nouns that name someone (entity or not: small models miss many). A
    capitalised word that is a known person's surname counts whatever its tag ("Hale" tagged as a noun)."""
    chunks, run = [], []
    for tok in sent:
        speaking = tok.ent_type_ in SPEAKER_LABELS or tok.ent_type_ == ""
        proper = tok.tag_ in PROPER_NOUN_TAGS or (tok.tag_ in COMMON_NOUN_TAGS and tok.lower_ in known)
        if run and _hyphenated(run, tok):
            run.append(tok)           # "Park Min-jun", "Jean-Luc": one name
        elif proper and speaking and tok.text[:1].isupper():
            if run and (tok.i != run[-1].i + 1 or _entity_edge(run, tok)):
                chunks.append(run)
                run = []
            run.append(tok)
        elif run:
            chunks.append(run)
            run = []
    if run:
        chunks.append(run)
    return [c for c in chunks if any(t.ent_type_ in SPEAKER_LABELS for t in c)
            or c[-1].dep_ in SUBJECTS]


def _hyphenated(run, tok) -> bool:
    """A hyphen inside a name, or the part after it: written without spaces ("Min-jun")."""
    prev = run[-1]
    if prev.whitespace_:
        return False
    if tok.text == "-":
        return not tok.whitespace_ and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_alpha
    return prev.text == "-" and tok.is_alpha


def _entity_edge(run, tok) -> bool:
    """Where one name ends and another begins in a run of proper nouns: "Lina Reyes
    Slams Tom Hale" is two names, not one; "Judge Ana Lima" with only "Lima" recognised
    is one."""
    prev = run[-1]
    if tok.ent_iob_ == "B" and prev.ent_type_:
        return True
    if tok.ent_iob_ == "B" and _full_name(tok) and not all(_is_title(t) for t in run):
        return True       # "Offensive Things Donald Trump": a headline's words, then the name
    if prev.ent_type_ and not tok.ent_type_:
        return True
    return tok.ent_iob_ == "B" and any(t.ent_type_ for t in run)


def _full_name(tok) -> bool:
    """The recogniser's entity that starts at `tok` has more than one word."""
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I"


def _is_title(tok) -> bool:
    return tok.lower_.rstrip(".") in NAME_TITLES or lemma(tok) in PERSON_ROLES


def without_titles(chunk) -> list:
    """"Finance Minister Karl Berg" -> "Karl Berg": the person entity if the recogniser found
    one, else what follows the last title word."""
    person = [t for t in chunk if t.ent_type_ == "PERSON"]
    if person and person[-1] is chunk[-1]:
        return chunk[chunk.index(person[0]):]
    last_title = max((k for k, t in enumerate(chunk[:-1])
                      if t.lower_.strip(".") in NAME_TITLES or t.lower_ in PERSON_ROLES), default=-1)
    return chunk[last_title + 1:]


def marked_gender(chunk) -> str | None:
    """The gender the words right at a name give: an honorific or a gendered role just before
    it ("Mrs. Lee", "his wife Ana Lee") or in apposition ("Ana Lee, his wife")."""
    doc = chunk[0].doc
    before = doc[chunk[0].i - 1] if chunk[0].i > 0 else None
    words = [before.lower_.rstrip(".")] if before is not None else []
    words += [lemma(c) for c in chunk[-1].children if c.dep_ == APPOSITION]
    genders = {TITLE_GENDER.get(w) or ROLE_GENDER.get(w) for w in words} - {None}
    return genders.pop() if len(genders) == 1 else None


def title_before(chunk) -> str | None:
    """The title written just before the name: "President" in "President Lindqvist"."""
    doc = chunk[0].doc
    before = doc[chunk[0].i - 1] if chunk[0].i > 0 else None
    if before is not None and _title_key(before.text) in NAME_TITLES:
        return before.text
    return None


def titled(chunk) -> bool:
    """"Judge Ana Lima", "Mr. Hale", "spokesman Ivan Petrov": a title marks a person, whatever
    label the entity recogniser gave the name."""
    before = chunk[0].doc[chunk[0].i - 1] if chunk[0].i > 0 else None
    words = [t.lower_.strip(".") for t in chunk[:-1]] + ([before.lower_.strip(".")] if before is not None else [])
    return any(w in NAME_TITLES or w in PERSON_ROLES for w in words)


def title_words(chunk) -> set[str]:
    """Words that describe the person: "Finance Minister [Karl Berg]", appositions."""
    words = set()
    tok = chunk[0]
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and pos(doc[i]) in ("NOUN", "PROPN", "ADJ", "PART", "PUNCT") \
            and doc[i].text not in (",", ".", "—", "–", "(", ")", '"', "“", "”"):
        if pos(doc[i]) != "PUNCT":
            words.add(TITLE_ABBREVIATIONS.get(doc[i].lower_.rstrip("."), lemma(doc[i])))
        i -= 1
    head = chunk[-1]
    for child in head.children:
        if child.dep_ == APPOSITION:
            words.update(lemma(t) for t in child.subtree if pos(t) in ("NOUN", "ADJ", "PROPN"))
    if head.dep_ == APPOSITION and pos(head.head) == "NOUN":
        words.update(lemma(t) for t in head.head.subtree
                     if pos(t) in ("NOUN", "ADJ") and t.i < head.i)
    return words


def _vote_gender(ctx: ArticleContext, people: People, sent, subject_names: list[str]) -> None:
    """Gender from titles ("Mrs.", "spokeswoman") and from "X said she ...": the pronoun subject
    of what a named subject reports."""
    for key in set(subject_names):
        votes = people.gender.setdefault(key, {})
        for title in people.titles.get(key, ()):
            g = TITLE_GENDER.get(title) or ROLE_GENDER.get(title)
            if g:
                votes[g] = votes.get(g, 0) + 2
    for tok in sent:
        g = PRONOUN_GENDER.get(tok.lower_)
        if not g or tok.dep_ not in SUBJECTS or tok.head.dep_ != CLAUSAL_COMPLEMENT:
            continue
        verb = tok.head.head
        if any(c.dep_ in OBJECTS and pos(c) in ("PROPN", "PRON", "NOUN") for c in verb.children):
            continue      # "Lee told Kim he ...": "he" may be either
        reporter = subject_of(verb)
        if reporter is not None and pos(reporter) == "PROPN" and is_reporting(verb):
            person = people.person(clean_name(reporter.text), ctx.end_of(reporter))
            votes = people.gender.setdefault(person, {})
            votes[g] = votes.get(g, 0) + 1


def _quote_took_root(ctx: ArticleContext, tok) -> bool:
    """`Lee scolded him: "You are wrong," she said.`: the parse hangs the writer's clause from
    the quote's verb, or from the cue after the quote; its subject is still the sentence's."""
    verb = tok.head
    if tok.dep_ not in SUBJECTS or verb.head.i == verb.i or ctx.inside_quote(ctx.at(verb)):
        return False
    between = verb.doc[verb.i + 1:verb.head.i + 1]
    return any(ctx.inside_quote(ctx.at(t)) for t in between)


def mention_span(subject) -> list:
    """The words of the noun phrase a subject token heads, or of its entity."""
    doc = subject.doc
    if subject.ent_type_:
        ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return list(ent)
    if pos(subject) == "PRON":
        return [subject]
    if is_age(subject):
        return list(doc[subject.left_edge.i:subject.i + 1])
    left = [c for c in subject.lefts if c.dep_ in (COMPOUND, ADJECTIVE_MODIFIER, DETERMINER, POSSESSOR,
                                                   NOUN_MODIFIER, CASE, NUMBER_MODIFIER, FLAT)]
    start = min([subject.i] + [t.left_edge.i for t in left])
    return list(doc[start:subject.i + 1])
