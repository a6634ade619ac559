"""Candidate mentions and the people they name: every name outside quotes, with the titles,
gender and fullest form the article gives each person."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..constants import (
    MINOR_WORDS,
    NAME_TITLES,
    ORGANISATION_LABELS,
    PERSON_ROLES,
    PRONOUN_GENDER,
    ROLE_GENDER,
    SPEAKER_LABELS,
    STOPWORDS,
    TITLE_GENDER,
)
from ..names import clean_name, fold, surname
from ..tokens import lemma, pos
from .context import ArticleContext
from .grammar import SUBJECTS, is_age, is_reporting, main_subject, subject_of

# Capitalised words before a surname that are not a first name ("But Hale", "Senator Hale").
NOT_FIRST_NAMES = STOPWORDS | NAME_TITLES | PERSON_ROLES | MINOR_WORDS | {"former", "late", "young", "old", "then"}
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


@dataclass
class People:
    """What the article says about who is who; built once by `index_people`."""
    mentions: list[Mention] = field(default_factory=list)
    # Keyed by person (folded fullest name), so that Tom and Lina Reyes keep their own.
    titles: dict[str, set[str]] = field(default_factory=dict)
    gender: dict[str, dict[str, int]] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)              # surnames seen as PERSON
    by_surname: dict[str, list[Mention]] = field(default_factory=dict)   # names of people
    text: str = ""
    written: dict[str, list] = field(default_factory=dict)   # surname -> its "First Surname"s

    def person(self, name: str, at: int | None = None) -> str:
        """The key of the person a name stands for at `at`."""
        return fold(self.fullest(name, at))

    def titles_of(self, name: str, at: int | None = None) -> set[str]:
        return self.titles.get(self.person(name, at), set())

    def gender_of(self, name: str, at: int | None = None) -> str | None:
        votes = self.gender.get(self.person(name, at)) or {}
        if not votes:
            return None
        best = max(votes, key=votes.get)
        return best if votes[best] > sum(votes.values()) - votes[best] else None

    def fullest(self, name: str, at: int | None = None) -> str:
        """The fullest form of the person a name stands for at offset `at` ("Berg" -> "Karl
        Berg"). A surname alone means the person of that surname the text is talking about
        there: the most recent full mention before `at`, a subject first; never simply the
        longest name that holds it (Tom and Lina Reyes are two people)."""
        words = set(fold(name).split())
        forms = [m for m in self.by_surname.get(surname(name), ())
                 if words <= set(fold(m.name).split())]
        full = [m for m in forms if len(m.name.split()) > len(words)]
        if not full:
            return name
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
        same_person = [m.name for m in full if set(fold(meant.name).split()) <= set(fold(m.name).split())]
        return max(same_person, key=lambda f: (len(f.split()), same_person.count(f), f == meant.name))


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
                name = clean_name(" ".join(t.text for t in chunk))
                if not name:
                    continue
                key = surname(name)
                head = chunk[-1]
                is_person = key in people.persons or head.ent_type_ == "PERSON" or titled(chunk)
                is_subject = main_subject(head) or whole[0].i == sent.start \
                    or (head.dep_ == "appos" and main_subject(head.head)) or _quote_took_root(ctx, head)
                mention = Mention(ctx.at(chunk[0]), ctx.end_of(chunk[-1]), name, sentence,
                                  is_subject, is_person, head.ent_type_ in ORGANISATION_LABELS)
                people.mentions.append(mention)
                if is_person or not head.ent_type_:    # the recogniser misses many names
                    people.by_surname.setdefault(key, []).append(mention)
                if is_person:
                    person = people.person(name, mention.end)
                    people.titles.setdefault(person, set()).update(title_words(chunk))
                    if is_subject:
                        subject_names.append(person)
            _vote_gender(ctx, people, sent, subject_names)
    people.mentions.sort(key=lambda m: m.at)
    return people


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
        proper = tok.tag_ in ("NNP", "NNPS") or (tok.tag_ in ("NN", "NNS") and tok.lower_ in known)
        if proper and speaking and tok.text[:1].isupper():
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
            words.add(lemma(doc[i]))
        i -= 1
    head = chunk[-1]
    for child in head.children:
        if child.dep_ == "appos":
            words.update(lemma(t) for t in child.subtree if pos(t) in ("NOUN", "ADJ", "PROPN"))
    if head.dep_ == "appos" and pos(head.head) == "NOUN":
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
        if not g or tok.dep_ not in SUBJECTS or tok.head.dep_ != "ccomp":
            continue
        verb = tok.head.head
        if any(c.dep_ in ("dobj", "dative") and pos(c) in ("PROPN", "PRON", "NOUN") for c in verb.children):
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
    left = [c for c in subject.lefts if c.dep_ in ("compound", "amod", "det", "poss", "nmod", "case",
                                                   "nummod", "flat")]
    start = min([subject.i] + [t.left_edge.i for t in left])
    return list(doc[start:subject.i + 1])
