"""Who says a reported statement: the subject of the verb of saying, found through the parse
and the small model's common misparses. Only the token is chosen here; the resolver names it."""
from __future__ import annotations

from ..constants import (
    EVIDENCE_SUBJECTS,
    EVIDENCE_VERBS,
    INFINITIVE_SPEECH_VERBS,
    REPORTED_SPEECH_VERBS,
    TURNS_OF_PHRASE,
)
from ..tokens import lemma, pos
from .grammar import (
    ADJECTIVE_COMPLEMENT,
    ADVERBIAL_CLAUSE,
    APPOSITION,
    AS,
    AUXILIARIES,
    CLAUSAL_COMPLEMENT,
    COMPLEMENTIZER,
    COORDINATED,
    NON_FINITE,
    NUMBER,
    PAST_PARTICIPLE,
    ROOT,
    SUBJECTS,
    UNLABELLED,
    agent,
    earlier_subject,
    is_name,
    is_passive,
    mended_subject,
    subject_of,
)

IMPERSONAL = "it"
TURN_OF_PHRASE_SUBJECTS = ("that", "this", "all")   # "That said,", "This said,", "All told,"
NOMINAL = ("NOUN", "PROPN", "PRON")


def says(tok) -> bool:
    """A verb of saying whose clausal complement is reported speech."""
    return pos(tok) == "VERB" and lemma(tok) in REPORTED_SPEECH_VERBS


def asks(tok) -> bool:
    """A promise, threat or request, reported in a non-finite clause ("vowed to ...")."""
    return pos(tok) == "VERB" and lemma(tok) in INFINITIVE_SPEECH_VERBS


def has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def as_clause(verb) -> bool:
    """"As the paper noted, CLAUSE", "As reported by X, CLAUSE"."""
    return verb.dep_ == ADVERBIAL_CLAUSE and any(
        c.dep_ == COMPLEMENTIZER and c.lower_ == AS for c in verb.children)


def source(verb):
    """Who says it: the verb's subject (or the one it shares); in the passive only the agent
    ("was told by Berg that"), never the hearer ("he was told that ..."); never evidence ("the
    poll suggests ...")."""
    if is_passive(verb) or (verb.tag_ == PAST_PARTICIPLE and as_clause(verb)):
        return agent(verb)
    if verb.tag_ == PAST_PARTICIPLE and not has_subject(verb) and not any(c.dep_ in AUXILIARIES for c in verb.children):
        return None       # "Asked whether ..., Lee said": someone unnamed asked Lee
    subject = _subject(verb)
    if subject is None or (lemma(verb) in EVIDENCE_VERBS and lemma(subject) in EVIDENCE_SUBJECTS) \
            or _turn_of_phrase(verb, subject) or _impersonal(verb, subject):
        return None
    return subject


def _turn_of_phrase(verb, subject) -> bool:
    """"That said, ..." and "All told, ..." open a sentence, and "time will tell", without anyone
    saying anything; a bare number says nothing either."""
    doc = verb.doc
    if (lemma(subject), lemma(verb)) in TURNS_OF_PHRASE:
        return True
    if subject.tag_ == NUMBER and not subject.n_lefts + subject.n_rights:
        return True       # "60 pledged delegates ...": a number, misparsed as the subject
    return subject.lower_ in TURN_OF_PHRASE_SUBJECTS and subject.i == verb.sent.start and verb.i == subject.i + 1 \
        and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","


def _impersonal(verb, subject) -> bool:
    """"It is safe to say ...", "It is worth noting ...": an adjective's infinitive with "it"
    for subject says nothing of anyone. "Lee was quick to say" is Lee's."""
    if verb.dep_ != NON_FINITE or subject.lower_ != IMPERSONAL:
        return False
    head = verb.head
    return pos(head) == "ADJ" or any(c.dep_ == ADJECTIVE_COMPLEMENT and pos(c) == "ADJ"
                                     for c in head.children)


def _subject(verb):
    """The verb's subject, mending the common misparses:
    two subjects ("election winner Friedrich Merz said"): the person, else the nearest;
    a name in apposition ("One pastor, Ana Lima, said", "CLEVELAND — Ana Lima said"): the name;
    no subject on the main verb ("X has labeled Y a dictator and stated that ..." parsed as if
    "stated" reported the first clause): that clause's subject, else the nearest one before;
    a second verb of saying hung on the first one's content ("claimed A, and claimed B"), or by
    an unlabelled relation: the first one's subject;
    a subject stranded by a subordinator ("as the agency reported"): the noun before the verb."""
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    if own:
        subject = min(own, key=lambda c: (c.ent_type_ != "PERSON", not is_name(c), abs(verb.i - c.i)))
        mended = mended_subject(subject)
        if mended is not subject:
            return mended
        named = [c for c in subject.children if c.dep_ == APPOSITION and is_name(c)]
        return named[0] if named and not is_name(subject) else subject
    if verb.dep_ == ROOT:
        stolen = [s for c in verb.children if c.dep_ == CLAUSAL_COMPLEMENT and c.i < verb.i
                  for s in c.children if s.dep_ in SUBJECTS]
        return stolen[-1] if stolen else earlier_subject(verb)
    if verb.dep_ == COORDINATED and verb.head.dep_ == CLAUSAL_COMPLEMENT and says(verb.head.head):
        return _subject(verb.head.head)
    if verb.dep_ == UNLABELLED and pos(verb.head) == "VERB":
        return _subject(verb.head)
    if verb.dep_ == ADVERBIAL_CLAUSE and any(c.dep_ == COMPLEMENTIZER and c.lower_ == AS
                                            for c in verb.children):
        before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
        return before if before is not None and pos(before) in NOMINAL else None
    return subject_of(verb)      # "..., while saying that": the subject of the clause it qualifies
