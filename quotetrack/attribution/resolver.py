"""The one resolver: which name a mention stands for ("he", "the Ukrainian leader", "Berg").

Quotes and reported statements both come here, so one person gets one name whatever points
at them. A pronoun or description that resolves becomes a mention itself, so that a later
"he" can chain to it: that is the resolver's own state; the article context never changes.
"""
from __future__ import annotations

import bisect

from ..constants import PERSON_ROLES, PRONOUN_GENDER, ROLE_GENDER, SPEAKER_LABELS, SPEAKER_PRONOUNS
from ..names import clean_name, surname
from ..tokens import lemma, pos
from .context import ArticleContext
from .grammar import main_subject
from .people import Mention, People, is_name, mention_span

RECENT_SENTENCES = 25


class Resolver:
    def __init__(self, ctx: ArticleContext, people: People):
        self.ctx = ctx
        self.people = people
        self.mentions: list[Mention] = list(people.mentions)   # grows as mentions resolve
        self.resolved: dict[int, str | None] = {}               # mention offset -> name
        self._index_descriptions()

    def resolve(self, subject) -> tuple[str | None, tuple[int, int] | None]:
        """The name a subject token stands for, and the offsets of its mention. Each mention is
        resolved once."""
        span = mention_span(subject)
        at, end = self.ctx.at(span[0]), self.ctx.end_of(span[-1])
        if at in self.resolved:
            name = self.resolved[at]
        else:
            name = self.resolved[at] = self._name_for(span, at)
            if name is not None and (subject.lower_ in PRONOUN_GENDER or pos(span[-1]) == "NOUN"):
                self._add(Mention(at, end, name, self.ctx.sentence_index(at), True, True))
        return name, ((at, end) if name else None)

    def fullest(self, name: str) -> str:
        return self.people.fullest(name)

    def _add(self, mention: Mention) -> None:
        bisect.insort(self.mentions, mention, key=_position)

    def _index_descriptions(self) -> None:
        """"The Ukrainian leader said ...": a described subject is a mention of the person it
        describes, so that a later "he" can find them."""
        ctx = self.ctx
        for p_index in sorted(ctx.docs):
            for tok in ctx.docs[p_index]:
                if not (main_subject(tok) and not is_name(tok) and lemma(tok) in PERSON_ROLES
                        and any(c.dep_ == "det" for c in tok.children)):
                    continue
                span = mention_span(tok)
                at = ctx.at(span[0])
                if ctx.inside_quote(at):
                    continue
                name = self._described(span, at)
                if name is not None:
                    self.resolved[at] = name
                    self._add(Mention(at, ctx.end_of(tok), name, ctx.sentence_index(at), True, True))

    def _name_for(self, span, at: int) -> str | None:
        head = span[-1]
        if pos(head) == "PRON" or (len(span) == 1 and head.lower_ in SPEAKER_PRONOUNS):
            if head.lower_ not in SPEAKER_PRONOUNS or head.lower_ in ("i", "we"):
                return None
            return self._antecedent(at, PRONOUN_GENDER.get(head.lower_))
        if head.ent_type_ in SPEAKER_LABELS or is_name(head):
            return clean_name(" ".join(t.text for t in span)) or None
        # A description: "the Ukrainian leader", "the newspaper", "the candidate's doctor".
        if any(c.dep_ == "poss" for c in head.children):
            return _description_text(span)
        persons = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.i != head.i
                   and t.dep_ in ("compound", "appos", "flat")]
        if persons:
            return clean_name(" ".join(t.text for t in mention_span(persons[-1]))) or None
        return self._described(span, at)

    def _described(self, span, at: int) -> str | None:
        """The person whose titles the description's words match, nearest first."""
        head = span[-1]
        words = {lemma(t) for t in span if pos(t) in ("NOUN", "ADJ", "PROPN")}
        best, best_score = None, 0
        for m in self._mentions_before(at):
            if not m.person:
                continue
            titles = self.people.titles.get(surname(m.name), set())
            score = sum(1 for w in words if any(_same_word(w, t) for t in titles))
            if score > best_score:
                best, best_score = m.name, score
        if best is not None:
            return best
        if lemma(head) in PERSON_ROLES:
            return self._antecedent(at, ROLE_GENDER.get(lemma(head)))
        return _description_text(span) if pos(head) in ("NOUN", "PROPN") else None

    def _mentions_before(self, at: int) -> list[Mention]:
        """Mentions before `at`, nearest first, limited to the last few sentences."""
        here = self.ctx.sentence_index(at)
        out = []
        for i in range(bisect.bisect_left(self.mentions, at, key=_position) - 1, -1, -1):
            if here - self.mentions[i].sentence > RECENT_SENTENCES:
                break
            out.append(self.mentions[i])
        return out

    def _antecedent(self, at: int, gender: str | None) -> str | None:
        """The most recent compatible person: subjects first, then any person mention."""
        candidates = [m for m in self._mentions_before(at) if m.person]
        fits = [m for m in candidates if gender is None or self.people.gender_of(m.name) in (None, gender)]
        for pool in ([m for m in fits if m.subject], fits):
            if pool:
                return pool[0].name
        return None


def _position(mention: Mention) -> int:
    return mention.at


def _description_text(span) -> str:
    return "".join(t.text_with_ws for t in span).strip()


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])
