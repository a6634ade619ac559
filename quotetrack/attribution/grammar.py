"""The dependency-parse questions every rule asks: is this a verb of saying, what is its subject.

Dependency labels are named here once."""
from __future__ import annotations

from ..constants import (
    DOCUMENT_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    PHRASAL_REPORTING_VERBS,
    PUBLICATION_NOUNS,
    REPORTING_VERBS,
    SPEAKER_LABELS,
    SPEAKER_PRONOUNS,
)
from ..tokens import lemma, lemma_as_verb, pos

# Dependency labels (spaCy's English scheme).
ROOT = "ROOT"
SUBJECT, PASSIVE_SUBJECT = "nsubj", "nsubjpass"
CLAUSAL_COMPLEMENT = "ccomp"       # "said [that the port would reopen]"
NON_FINITE = "xcomp"               # "vowed [to build]", "urged voters [to register]"
ADJECTIVE_COMPLEMENT = "acomp"     # "is [safe] to say"
PARENTHETICAL = "parataxis"        # "The economy, [he said], is strong"
ADVERBIAL_CLAUSE = "advcl"         # "[As the paper noted], ..."
COORDINATED = "conj"
COMPLEMENTIZER = "mark"            # "that", "as"
ADVERB = "advmod"                  # also "when" in "when Lee said", as small models label it
RELATIVE_CLAUSE = "relcl"          # "Berg, [who said that ...]"
NOUN_CLAUSE = "acl"                # "a spokesman [saying]", "the deal, [announced Friday],"
APPOSITION = "appos"               # "One pastor, [Ana Lima], said"
AGENT = "agent"                    # "by X" in the passive
AUXILIARY, PASSIVE_AUXILIARY = "aux", "auxpass"
DIRECT_OBJECT, DATIVE = "dobj", "dative"
PREPOSITION = "prep"
PREPOSITION_OBJECT, PREPOSITION_CLAUSE = "pobj", "pcomp"   # "by [X]", "of [saying]"
PARTICLE = "prt"                   # "went [on]", "fired [back]"
POSSESSOR = "poss"                 # "[Clark's] remarks"
COMPOUND = "compound"              # "[White House] statement"
NOUN_MODIFIER = "nmod"
ADJECTIVE_MODIFIER = "amod"        # "60 [pledged] delegates"
NOUN_PHRASE_ADVERB = "npadvmod"    # "[Monday]"
DETERMINER = "det"
CASE = "case"                      # "'s"
NUMBER_MODIFIER = "nummod"
FLAT = "flat"
PUNCTUATION = "punct"
UNLABELLED = "dep"                 # the parser's "some relation": often a missed coordination

SUBJECTS = (SUBJECT, PASSIVE_SUBJECT)
# Clauses whose subject is who the sentence is about; not the clause someone reports
# ("Reid said that Hale had misled voters": Reid, not Hale).
MAIN_CLAUSES = (ROOT, COORDINATED, PARENTHETICAL)
# Clauses that share the subject of the verb they hang from: "X said ..., adding", "before asking".
INHERITS_SUBJECT = (COORDINATED, ADVERBIAL_CLAUSE, NON_FINITE, PREPOSITION_CLAUSE, ADJECTIVE_COMPLEMENT)
MAX_SUBJECT_HOPS = 6
# What a mis-parsed subject hangs by: "the lawsuit[compound] claims", "Lopez's statement read".
LOOSE_SUBJECTS = (COMPOUND, NOUN_MODIFIER, UNLABELLED, POSSESSOR)
LOOSE_SUBJECT_DISTANCE = 2
PASSIVE = (PASSIVE_AUXILIARY, PASSIVE_SUBJECT)
AUXILIARIES = (AUXILIARY, PASSIVE_AUXILIARY)
OBJECTS = (DIRECT_OBJECT, DATIVE)
PREPOSITION_OBJECTS = (PREPOSITION_OBJECT, PREPOSITION_CLAUSE)
# Clauses beside a reported clause that may be statements of their own: "..., adding that".
SIDE_CLAUSES = (COORDINATED, ADVERBIAL_CLAUSE, PARENTHETICAL)
# What trails reported content without being said: ", who ...", ", a follow-up to ..."; a
# participle (", created to placate ...") stays with what it describes.
NONRESTRICTIVE = (RELATIVE_CLAUSE, APPOSITION, NOUN_PHRASE_ADVERB, UNLABELLED)
# Clauses with a subject of their own inside a noun phrase: "whom spokesman Li called ...".
OWN_CLAUSES = (RELATIVE_CLAUSE, NOUN_CLAUSE)

# Penn Treebank tags.
VERB_TAG_PREFIX = "VB"             # of every verb tag: VB, VBD, VBG, VBN, VBP, VBZ
BASE_FORM, GERUND, PAST_PARTICIPLE = "VB", "VBG", "VBN"   # "will [say]", "[saying]", "was [told]"
FINITE_TAGS = ("VBD", "VBP", "VBZ", "MD")   # a verb with a tense (or a modal)
# A verb that heads a clause of its own: "Dana Reyes left.", "Reyes will [say]".
CLAUSE_VERB_TAGS = (BASE_FORM,) + FINITE_TAGS
NOUN, PLURAL_NOUN, PROPER_NOUN, PLURAL_PROPER_NOUN = "NN", "NNS", "NNP", "NNPS"
SINGULAR_NOUN_TAGS = (NOUN, PROPER_NOUN)
PLURAL_NOUN_TAGS = (PLURAL_NOUN, PLURAL_PROPER_NOUN)
COMMON_NOUN_TAGS = (NOUN, PLURAL_NOUN)
PROPER_NOUN_TAGS = (PROPER_NOUN, PLURAL_PROPER_NOUN)
NUMBER = "CD"
SUBORDINATOR = "IN"                # "that" as the tagger sees it, when the parse labels it otherwise

# Parts of speech no name is mistagged as: "Also said" opens with no one.
FUNCTION_WORDS = ("PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "NUM", "PUNCT")
CONTRACTIONS = ("’s", "'s")        # "she's said": "has", which the tagger may take for the subject
PERSONAL = ("PROPN", "PRON")      # a name or a pronoun: someone, not "staffers" in general
SUBJECT_CONTROL = ("promise",)     # "promised voters to ...": the one who promised acts
AUTHOR_PREPOSITIONS = ("from", "by")  # "a letter from the union"
PUBLISHED_IN = ("in",)                # "an editorial in the Gazette"
# "as Lee put it", "As the paper noted": the subordinator that makes a clause a cue.
AS = "as"


SPEAKING_NOUNS = PERSON_ROLES | ORGANISATION_NOUNS | DOCUMENT_NOUNS
# Dashes as news text writes them: after a dateline, before a signature, around an aside.
DASHES = ("―", "—", "–", "-", "--")
# Entities that never speak: beside a verb, places are where it happened ("in Iowa, telling
# the crowd"); dates, numbers and amounts are no one.
TIME_LABELS = frozenset({"DATE", "TIME"})
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})     # "Poland's president", "the Polish president"
# Never speak; not PRODUCT or WORK_OF_ART, which small models give to news outlets ("WikiLeaks").
EVENT_LABELS = frozenset({"EVENT", "LAW", "LANGUAGE"})
MUTE_LABELS = TIME_LABELS | {"GPE", "LOC", "FAC", "PERCENT", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY"}


def is_name(tok) -> bool:
    """A proper noun as written: small models tag "the minister" PROPN too."""
    return pos(tok) == "PROPN" and tok.text[:1].isupper()


def written_by(document):
    """The author a document's own words name: its possessor ("Lopez's statement"), a name it is
    compounded with ("a White House statement"), or "a letter from the union", "an editorial in
    the Gazette"."""
    for child in document.children:
        if child.dep_ == POSSESSOR or (child.dep_ == COMPOUND and child.i < document.i
                                       and (child.ent_type_ in SPEAKER_LABELS or is_name(child))):
            return child
    prepositions = AUTHOR_PREPOSITIONS + (PUBLISHED_IN if lemma(document) in PUBLICATION_NOUNS else ())
    for prep in document.children:
        if prep.lower_ in prepositions:
            obj = next((c for c in prep.children if c.dep_ == PREPOSITION_OBJECT), None)
            if obj is not None and (obj.ent_type_ in SPEAKER_LABELS or is_name(obj)
                                    or lemma(obj) in PERSON_ROLES | ORGANISATION_NOUNS):
                return obj
    return None


def is_age(tok) -> bool:
    """"the 46-year-old": a person, though the recogniser calls it a date."""
    return (tok.lower_ == "old" and any(lemma(c) == "year" for c in tok.children)) \
        or (tok.lower_.endswith("-year-old") and tok.lower_[:1].isdigit())


def could_speak(tok) -> bool:
    """A name, a pronoun, or a noun for a person, an organisation or a document: `"...?" asked
    the minister`, where the parse took the inverted subject for an object."""
    if is_age(tok):
        return True
    if tok.ent_type_ in MUTE_LABELS:
        return False
    return (tok.ent_type_ in SPEAKER_LABELS or tok.lower_ in SPEAKER_PRONOUNS or is_name(tok)
            or (pos(tok) == "NOUN" and lemma(tok) in SPEAKING_NOUNS)
            or any(c.dep_ == APPOSITION and is_name(c) for c in tok.children))   # "his partner, Al Li,"


def is_reporting(tok) -> bool:
    """A verb of saying; also one the tagger took for a noun at the root of its sentence, as
    small models do with "the statement read" or "the lawsuit claims"."""
    if (lemma(tok), _particle(tok)) in PHRASAL_REPORTING_VERBS:
        after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        return after is None or pos(after) == "PUNCT"    # "she went on.", not "talks went on for days"
    if lemma(tok) not in REPORTING_VERBS and _verb_lemma(tok) not in REPORTING_VERBS:
        return False
    if pos(tok) in ("VERB", "AUX"):
        return True
    return tok.dep_ == ROOT and (any(c.dep_ in SUBJECTS for c in tok.children)
                                 or _left_noun(tok) is not None)


def _particle(verb) -> str | None:
    """"on" in "went on", though the parse may call it a preposition ("went on a trip" is not)."""
    return next((c.lower_ for c in verb.children if c.i == verb.i + 1 and (
        c.dep_ == PARTICLE or (c.dep_ == PREPOSITION and not any(g.dep_ in PREPOSITION_OBJECTS for g in c.children)))),
        None)


def _verb_lemma(tok) -> str:
    return lemma_as_verb(tok.lower_)


def _left_noun(verb):
    """A noun just left of the verb that the parse attached as anything but a subject."""
    lefts = [c for c in verb.lefts if verb.i - c.i <= LOOSE_SUBJECT_DISTANCE]
    if lefts and lefts[-1].dep_ in LOOSE_SUBJECTS and pos(lefts[-1]) in ("NOUN", "PROPN", "PRON"):
        return lefts[-1]
    return None


def main_subject(tok) -> bool:
    """The subject of the sentence's own verb, not of a clause inside it ("for the mayor to meet")."""
    return tok.dep_ in SUBJECTS and tok.head.dep_ in MAIN_CLAUSES


def subject_of(verb, hops: int = 0, outside: frozenset[int] = frozenset()):
    """The verb's subject, or the one it shares: "X said ..., adding", "X, asking", "before asking".

    Tokens in `outside` (a quote's words) are never the subject: parsers often attach a word of
    the quotation as a second subject of the cue; the one nearest the verb is meant."""
    if hops == 0 and is_passive(verb):
        return agent(verb)      # "X was asked by Y": Y spoke; with no "by", no one we know
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i not in outside]
    if subjects:
        return mended_subject(min(subjects, key=lambda c: abs(c.i - verb.i)))
    shown = verb.doc[verb.i - 1] if verb.i else None
    if verb.tag_ == GERUND and shown is not None and shown.dep_ == PREPOSITION_OBJECT and shown.head.lower_ == "of" \
            and is_name(shown) and could_speak(shown):
        return shown      # "footage of Hale saying": the one shown speaking, not the footage
    if verb.dep_ == ROOT and _left_noun(verb) is not None:
        return _left_noun(verb)
    head = verb.head
    if head.i == verb.i or hops >= MAX_SUBJECT_HOPS or head.i in outside:
        return None
    if verb.dep_ == NOUN_CLAUSE and pos(head) in ("PROPN", "NOUN", "PRON"):
        if could_speak(head):
            return head      # "a spokesman saying", not "emailed supporters saying"
        if head.dep_ == APPOSITION and is_name(head.head):
            return head.head     # "Ana Lee, the statistician who built it, tweeted"
    controller = next((c for c in head.children if c.dep_ in OBJECTS and c.i < verb.i), None)
    if verb.dep_ == NON_FINITE and controller is not None and pos(controller) in PERSONAL \
            and lemma(head) not in SUBJECT_CONTROL:
        return controller    # "the win led Lee to declare": Lee declares, not the win
    if verb.dep_ == PREPOSITION_CLAUSE and head.dep_ == PREPOSITION and head.head.i != head.i:
        return subject_of(head.head, hops + 1, outside)
    if verb.dep_ in INHERITS_SUBJECT:
        return subject_of(head, hops + 1, outside)
    return None


def mended_subject(subject):
    """The subject the parse meant: past a dateline, and past a contraction it took for a word
    of its own (`she's said`: she)."""
    if subject.lower_ in CONTRACTIONS and pos(subject) in ("VERB", "AUX"):
        own = next((c for c in subject.children if c.dep_ in SUBJECTS), None)
        if own is not None:
            return own
    return past_dateline(subject)


def past_dateline(subject):
    """`WASHINGTON -- President Hale, ..., said`, `LA CROSSE, Wis. — Gov. Hale said`: the parse
    takes the dateline for the subject and hangs the name from it; the name after the dash is
    meant."""
    if not (subject.ent_type_ in MUTE_LABELS or subject.is_upper):
        return subject
    doc = subject.doc
    named = [c for c in subject.children if c.dep_ == APPOSITION and is_name(c) and c.i > subject.i]
    after_dash = [c for c in named if any(t.text in DASHES for t in doc[subject.i + 1:c.left_edge.i])]
    if after_dash:
        return after_dash[-1]
    return named[0] if named and subject.ent_type_ in MUTE_LABELS else subject


def is_passive(verb) -> bool:
    return any(c.dep_ in PASSIVE for c in verb.children)


def agent(verb):
    """"by X" of a passive verb."""
    for child in verb.children:
        if child.dep_ == AGENT:
            return next((c for c in child.children if c.dep_ in PREPOSITION_OBJECTS), None)
    return None


def earlier_subject(verb):
    """A subject the parse did not attach: the word just before the verb when it could speak
    (`..., the candidate stated`, the candidate hung from a name as apposition), else the
    nearest subject before the verb in its sentence."""
    if verb.i > verb.sent.start:
        beside = verb.doc[verb.i - 1]
        if beside.dep_ in (APPOSITION, COORDINATED) and pos(beside) in ("NOUN", "PROPN") and could_speak(beside):
            return beside
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if tok.dep_ in SUBJECTS and pos(tok) in ("PROPN", "PRON", "NOUN"):
            return tok
    opener = verb.doc[verb.i - 1] if verb.i - 1 == verb.sent.start else None
    if opener is not None and opener.is_title and opener.is_alpha and pos(opener) not in FUNCTION_WORDS:
        return opener     # "Jolly said": a surname tagged as an adverb; the resolver decides
    return None


def governs(verb, token_ids) -> bool:
    return any(t.i in token_ids for t in verb.subtree)
