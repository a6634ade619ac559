"""The dependency-parse questions every rule asks: is this a verb of saying, what is its subject.

Dependency labels are named here once."""
from __future__ import annotations

from ..constants import REPORTING_VERBS
from ..tokens import lemma, pos

SUBJECTS = ("nsubj", "nsubjpass")
MAIN_CLAUSES = ("ROOT", "conj", "ccomp", "parataxis")
# Clauses that share the subject of the verb they hang from: "X said ..., adding", "before asking".
INHERITS_SUBJECT = ("conj", "advcl", "xcomp", "pcomp")
MAX_SUBJECT_HOPS = 4
# Reported speech: the clause a verb of saying reports, and the ways a clause hangs from it.
ROOT = "ROOT"
CLAUSAL_COMPLEMENT = "ccomp"       # "said [that the port would reopen]"
NON_FINITE = "xcomp"               # "vowed [to build]", "urged voters [to register]"
PARENTHETICAL = "parataxis"        # "The economy, [he said], is strong"
ADVERBIAL_CLAUSE = "advcl"         # "[As the paper noted], ..."
COORDINATED = "conj"
COMPLEMENTIZER = "mark"            # "that", "as"
RELATIVE_CLAUSE = "relcl"          # "Berg, [who said that ...]"
APPOSITION = "appos"               # "One pastor, [Ana Lima], said"
AGENT = "agent"                    # "by X" in the passive
PASSIVE = ("auxpass", "nsubjpass")
AUXILIARIES = ("aux", "auxpass")
OBJECTS = ("dobj", "dative")
PREPOSITION, PREPOSITION_OBJECTS = "prep", ("pobj", "pcomp")
UNLABELLED = "dep"                 # the parser's "some relation": often a missed coordination
# Clauses beside a reported clause that may be statements of their own: "..., adding that".
SIDE_CLAUSES = ("conj", "advcl", "parataxis")
# What trails reported content without being said: ", who ...", ", a follow-up to ...".
NONRESTRICTIVE = ("relcl", "appos", "acl", "npadvmod", "dep")


def is_reporting(tok) -> bool:
    return pos(tok) in ("VERB", "AUX") and lemma(tok) in REPORTING_VERBS


def main_subject(tok) -> bool:
    """The subject of the sentence's own verb, not of a clause inside it ("for the mayor to meet")."""
    return tok.dep_ in SUBJECTS and tok.head.dep_ in MAIN_CLAUSES


def subject_of(verb, hops: int = 0):
    """The verb's subject, or the one it shares: "X said ..., adding", "X, asking", "before asking"."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    head = verb.head
    if head is verb or hops >= MAX_SUBJECT_HOPS:
        return None
    if verb.dep_ == "acl" and pos(head) in ("PROPN", "NOUN", "PRON"):
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
        return subject_of(head.head, hops + 1)
    if verb.dep_ in INHERITS_SUBJECT:
        return subject_of(head, hops + 1)
    return None


def earlier_subject(verb):
    """A subject the parse did not attach: the nearest one before the verb in its sentence."""
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if tok.dep_ in SUBJECTS and pos(tok) in ("PROPN", "PRON", "NOUN"):
            return tok
    return None


def governs(verb, token_ids) -> bool:
    return any(t.i in token_ids for t in verb.subtree)
