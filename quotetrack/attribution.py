"""Attribution: who said each quoted span, through which cue, and what kind of quote it is.

The only stage that reads spaCy objects. It takes one article's text, its paragraphs, their
parsed Docs and the quoted spans, and returns plain `Attribution` records.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .constants import (ACCORDING_TO, MINOR_WORDS, NAME_TITLES, PERSON_ROLES, PRONOUN_GENDER,
                        REPORTING_VERBS, ROLE_GENDER, SENTENCE_END, SPEAKER_LABELS,
                        SPEAKER_PRONOUNS, TITLE_GENDER, WEAK_REPORTING_VERBS)
from .names import clean_name, fold, surname
from .quotemarks import Paragraph, QuotedSpan
from .tokens import lemma, pos

SUBJECTS = ("nsubj", "nsubjpass")
DASHES = ("―", "—", "–", "-", "--")
INHERITS_SUBJECT = ("conj", "advcl", "xcomp", "pcomp")
MAX_HOPS = 12
RECENT_SENTENCES = 25


@dataclass
class Attribution:
    kind: str
    speaker: str | None = None
    mention: tuple[int, int] | None = None   # absolute offsets of the mention relied on
    cue: str | None = None


@dataclass
class _Mention:
    """A person (or organisation) named or pointed at outside quotes, in text order."""
    at: int
    end: int
    name: str
    sentence: int
    subject: bool
    person: bool


@dataclass
class _Article:
    text: str
    paragraphs: list[Paragraph]
    docs: dict[int, object]              # paragraph index -> spaCy Doc
    quotes: list[QuotedSpan]
    quote_starts: list[int] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    titles: dict[str, set[str]] = field(default_factory=dict)   # surname -> title words
    gender: dict[str, dict[str, int]] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)              # surnames seen as PERSON
    full_names: dict[str, list[str]] = field(default_factory=dict)
    resolved: dict[int, str | None] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    offsets: dict[int, int] = field(default_factory=dict)       # id(Doc) -> paragraph start
    close_marks: set[int] = field(default_factory=set)

    def at(self, tok) -> int:
        """A token's offset in the article text."""
        return self.offsets[id(tok.doc)] + tok.idx


def attribute_article(text: str, paragraphs: list[Paragraph], docs: dict[int, object],
                      quotes: list[QuotedSpan]) -> list[Attribution]:
    """One Attribution per quoted span, in the order of `quotes`."""
    art = _Article(text, paragraphs, docs, quotes, quote_starts=[q.open_at for q in quotes],
                   offsets={id(doc): paragraphs[i].start for i, doc in docs.items()},
                   close_marks={q.close_at for q in quotes if q.close_at is not None})
    _index_names(art)
    out: list[Attribution] = []
    for i, q in enumerate(quotes):
        doc = docs.get(q.paragraph)
        if doc is None:
            out.append(Attribution(kind="other"))
            continue
        attribution = _attribute(art, doc, i, q, out)
        if attribution.speaker is not None:
            attribution.speaker = _fullest(art, attribution.speaker)
        out.append(attribution)
    return out


# ---------------------------------------------------------------- names the article gives

def _index_names(art: _Article) -> None:
    """Collect named people, their titles and grammatical gender, outside quotes."""
    sentence = 0
    for p_index in sorted(art.docs):
        doc = art.docs[p_index]
        offset = art.paragraphs[p_index].start
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                name = clean_name(ent.text)
                if name:
                    art.persons.add(surname(name))
        for sent in doc.sents:
            art.sentence_starts.append(offset + sent.start_char)
            subject_names = []
            for whole in _name_chunks(sent):
                if _inside_quote(art, offset + whole[0].idx):
                    continue
                chunk = _without_titles(whole)
                at, end = offset + chunk[0].idx, offset + chunk[-1].idx + len(chunk[-1])
                name = clean_name(" ".join(t.text for t in chunk))
                if not name:
                    continue
                key = surname(name)
                head = chunk[-1]
                is_person = key in art.persons or head.ent_type_ == "PERSON" or _titled(chunk)
                is_subject = _main_subject(head) or whole[0].i == sent.start
                art.mentions.append(_Mention(at, end, name, sentence, is_subject, is_person))
                if is_person:
                    art.full_names.setdefault(key, []).append(name)
                    art.titles.setdefault(key, set()).update(_title_words(chunk))
                    if is_subject:
                        subject_names.append(key)
            _index_descriptions(art, sent, sentence)
            _vote_gender(art, sent, subject_names)
            sentence += 1
    art.mentions.sort(key=lambda m: m.at)


def _main_subject(tok) -> bool:
    """The subject of the sentence's own verb, not of a clause inside it ("for the mayor to meet")."""
    return tok.dep_ in SUBJECTS and tok.head.dep_ in ("ROOT", "conj", "ccomp", "parataxis")


def _index_descriptions(art: _Article, sent, sentence: int) -> None:
    """"The Ukrainian leader said ...": a described subject is a mention of the person it
    describes, so that a later "he" can find them."""
    for tok in sent:
        if _main_subject(tok) and not _is_name(tok) and lemma(tok) in PERSON_ROLES \
                and any(c.dep_ == "det" for c in tok.children):
            span = _mention_span(tok)
            at = art.at(span[0])
            if _inside_quote(art, at):
                continue
            name = _described(art, span, at)
            if name is not None:
                art.resolved[at] = name
                art.mentions.append(_Mention(at, art.at(tok) + len(tok), name, sentence, True, True))


def _name_chunks(sent) -> list[list]:
    """Runs of proper nouns that name someone (entity or not: small models miss many)."""
    chunks, run = [], []
    for tok in sent:
        speaking = tok.ent_type_ in SPEAKER_LABELS or tok.ent_type_ == ""
        if tok.tag_ in ("NNP", "NNPS") and speaking and tok.text[:1].isupper():
            if run and (tok.i != run[-1].i + 1 or (tok.ent_iob_ == "B" and run[-1].ent_type_)):
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


def _without_titles(chunk) -> list:
    """"Finance Minister Karl Berg" -> "Karl Berg": the person entity if the recogniser found
    one, else what follows the last title word."""
    person = [t for t in chunk if t.ent_type_ == "PERSON"]
    if person and person[-1] is chunk[-1]:
        return chunk[chunk.index(person[0]):]
    last_title = max((k for k, t in enumerate(chunk[:-1])
                      if t.lower_.strip(".") in NAME_TITLES or t.lower_ in PERSON_ROLES), default=-1)
    return chunk[last_title + 1:]


def _titled(chunk) -> bool:
    """"Judge Ana Lima", "Mr. Hale", "spokesman Ivan Petrov": a title marks a person, whatever
    label the entity recogniser gave the name."""
    before = chunk[0].doc[chunk[0].i - 1] if chunk[0].i > 0 else None
    words = [t.lower_.strip(".") for t in chunk[:-1]] + ([before.lower_.strip(".")] if before is not None else [])
    return any(w in NAME_TITLES or w in PERSON_ROLES for w in words)


def _title_words(chunk) -> set[str]:
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


def _vote_gender(art: _Article, sent, subject_names: list[str]) -> None:
    """Gender from titles ("Mrs.", "spokeswoman") and from "X said she ...": the pronoun subject
    of what a named subject reports."""
    for key in set(subject_names):
        votes = art.gender.setdefault(key, {})
        for title in art.titles.get(key, ()):
            g = TITLE_GENDER.get(title) or ROLE_GENDER.get(title)
            if g:
                votes[g] = votes.get(g, 0) + 2
    for tok in sent:
        g = PRONOUN_GENDER.get(tok.lower_)
        if not g or tok.dep_ not in SUBJECTS or tok.head.dep_ != "ccomp":
            continue
        reporter = _subject_of(tok.head.head)
        if reporter is not None and pos(reporter) == "PROPN" and _is_reporting(tok.head.head):
            votes = art.gender.setdefault(surname(clean_name(reporter.text)), {})
            votes[g] = votes.get(g, 0) + 1


def _gender_of(art: _Article, key: str) -> str | None:
    votes = art.gender.get(key) or {}
    if not votes:
        return None
    best = max(votes, key=votes.get)
    return best if votes[best] > sum(votes.values()) - votes[best] else None


def _fullest(art: _Article, name: str) -> str:
    """The fullest form of a person's name in the article ("Berg" -> "Karl Berg")."""
    key = surname(name)
    forms = art.full_names.get(key)
    if not forms:
        return name
    words = set(fold(name).split())
    fitting = [f for f in forms if words <= set(fold(f).split())]
    if not fitting:
        return name
    return max(fitting, key=lambda f: (len(f.split()), fitting.count(f)))


def _inside_quote(art: _Article, at: int) -> bool:
    i = bisect.bisect_right(art.quote_starts, at) - 1
    if i < 0:
        return False
    q = art.quotes[i]
    end = q.close_at if q.close_at is not None else q.end
    return q.open_at <= at < end


# ---------------------------------------------------------------- one quote

def _attribute(art: _Article, doc, index: int, q: QuotedSpan,
               earlier: list[Attribution]) -> Attribution:
    para = art.paragraphs[q.paragraph]
    offset = para.start
    span = doc.char_span(q.start - offset, q.end - offset, alignment_mode="expand")
    inside = list(span) if span is not None else []
    if not inside:
        return Attribution(kind="other")
    kind = _kind(art.text, para, q, inside)
    cue_tokens = _find_cue(art, doc, q, inside, kind) if kind != "other" else None
    if cue_tokens is not None:
        verb, subject = cue_tokens
        speaker, mention = _resolve(art, subject)
        if speaker is not None:
            return Attribution(kind, speaker, mention, _cue_text(verb))
    if kind == "direct":
        carried = _carried(art, index, q, earlier)
        if carried is not None:
            return carried
    if kind in ("partial", "other"):
        return Attribution(kind="other")
    return Attribution(kind)


def _kind(text: str, para: Paragraph, q: QuotedSpan, inside) -> str:
    content = text[q.start:q.end]
    words = content.split()
    whole_paragraph = q.open_at == para.start and not text[(q.close_at or q.end) + 1:para.end].strip(
        " .,;:!?\"'”’")
    last = content.rstrip("\"'”’ ")[-1:]
    if whole_paragraph and not q.resumed and not q.runs_on and last not in SENTENCE_END + ",;:" \
            and len(words) <= 20:
        return "heading"
    if len(words) >= 2 and not q.resumed and all(_title_case(w) for w in words):
        return "other"   # a title or a name: "Morning Joe", "Peace Through Strength"
    finite = any(t.tag_ in ("VBD", "VBP", "VBZ", "MD") for t in inside)
    if (finite and len(words) >= 3) or whole_paragraph or q.resumed:
        return "direct"
    return "partial"


def _title_case(word: str) -> bool:
    return word[:1].isupper() or not word[:1].isalpha() or word in MINOR_WORDS


def _find_cue(art: _Article, doc, q: QuotedSpan, inside, kind: str):
    """(cue token, subject token or None) from the text around the quote, or None."""
    first, last = inside[0], inside[-1]
    content = art.text[q.start:q.end].rstrip("\"'”’ ")
    after = _after_window(art, doc, q, last)
    if kind == "partial":
        # `branded him a "dictator"`, or `There had been "progress", he added`.
        return (_governing_cue(first, inside) or _according_to(list(first.sent))
                or (_cue_in(after, inside, first=True) if after[:1] and after[0].text == "," else None))
    before = _before_window(art, doc, q, first)
    after_cue = _cue_in(after, inside, first=True) if after else None
    before_cue = _cue_in(before, inside, first=False) if before else None
    ends_open = content[-1:] in ",—–-;" or content[-1:] not in SENTENCE_END
    lower_after = bool(after) and after[0].text[:1].islower()
    if after_cue and (ends_open or lower_after or _is_bare_cue(after_cue[0], after)):
        return after_cue
    if before_cue:
        return before_cue
    according = _according_to(after) or _according_to(before)
    if according:
        return according
    return _signature(after)


def _signature(window):
    """`"..." ― Jane Doe`: a name signed after a dash."""
    if len(window) >= 2 and window[0].text in DASHES:
        name = next((t for t in window[1:4] if pos(t) == "PROPN"), None)
        if name is not None:
            while pos(name.head) == "PROPN" and name.head.i > name.i and name.head.i - window[0].i < 6:
                name = name.head
            return window[0], name
    return None


def _after_window(art, doc, q, last):
    """Tokens after the closing mark, to the end of that sentence or the next quote."""
    if q.close_at is None:
        return []
    i = last.i + 1
    while i < len(doc) and art.at(doc[i]) <= q.close_at:
        i += 1
    if i >= len(doc):
        return []
    sent_end = doc[i].sent.end
    window = []
    for tok in doc[i:sent_end]:
        if _starts_quote(art, art.at(tok)):
            break
        window.append(tok)
    return window


def _before_window(art, doc, q, first):
    """Tokens from the start of the sentence to the opening mark, if they lead into it."""
    i = first.i - 1
    while i >= 0 and art.at(doc[i]) >= q.open_at:
        i -= 1
    if i < 0:
        return _introducing_paragraph(art, q)
    if doc[i].text in (".", "!", "?") or doc[i].text in ("”", '"', "''", "’"):
        return []
    window = []
    for tok in reversed(doc[doc[i].sent.start:i + 1]):
        if _inside_quote(art, art.at(tok)) or _closes_quote(art, art.at(tok)):
            break
        window.append(tok)
    return window[::-1]


def _introducing_paragraph(art, q):
    """`Caddell continued:` closing the paragraph before a quote paragraph introduces it."""
    prev = art.docs.get(q.paragraph - 1)
    if prev is None or not prev.text.rstrip().endswith(":"):
        return []
    return list(list(prev.sents)[-1])


def _starts_quote(art, at: int) -> bool:
    i = bisect.bisect_left(art.quote_starts, at)
    return i < len(art.quote_starts) and art.quote_starts[i] == at


def _closes_quote(art, at: int) -> bool:
    return at in art.close_marks


def _is_bare_cue(verb, window) -> bool:
    """`"...." Berg said.`: a short sentence whose verb reports nothing else."""
    return len(window) <= 8 and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children)


def _cue_in(window, inside, first: bool):
    ordered = window if first else list(reversed(window))
    quote_ids = {t.i for t in inside}
    for tok in ordered:
        if not _is_reporting(tok):
            continue
        if lemma(tok) in WEAK_REPORTING_VERBS and not _governs(tok, quote_ids) \
                and (not first or window.index(tok) > 3):
            continue
        subject = _subject_of(tok) or _adjacent_name(tok, window)
        if subject is not None and subject.i not in quote_ids:
            return tok, subject
    return None


def _is_reporting(tok) -> bool:
    return pos(tok) in ("VERB", "AUX") and lemma(tok) in REPORTING_VERBS


def _governs(verb, token_ids) -> bool:
    return any(t.i in token_ids for t in verb.subtree)


def _subject_of(verb, hops: int = 0):
    """The verb's subject, or the one it shares: "X said ..., adding", "X, asking", "before asking"."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    head = verb.head
    if head is verb or hops >= 4:
        return None
    if verb.dep_ == "acl" and pos(head) in ("PROPN", "NOUN", "PRON"):
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
        return _subject_of(head.head, hops + 1)
    if verb.dep_ in INHERITS_SUBJECT:
        return _subject_of(head, hops + 1)
    return None


def _earlier_subject(verb):
    """A subject the parse did not attach: the nearest one before the verb in its sentence."""
    for tok in reversed(verb.doc[verb.sent.start:verb.i]):
        if tok.dep_ in SUBJECTS and pos(tok) in ("PROPN", "PRON", "NOUN"):
            return tok
    return None


def _adjacent_name(verb, window):
    """When the parse gives no subject: the nearest name or pronoun beside the verb."""
    ids = [t.i for t in window]
    pos = ids.index(verb.i)
    before = list(range(pos - 1, max(-1, pos - 5), -1))
    after = list(range(pos + 1, min(len(window), pos + 5)))
    for j in (after + before if pos == 0 else before + after):
        tok = window[j]
        if tok.ent_type_ in SPEAKER_LABELS or tok.lower_ in SPEAKER_PRONOUNS:
            return tok
    return None


def _governing_cue(first, inside):
    """Partial quotes: the reporting verb above the quote in the parse, and its subject."""
    quote_ids = {t.i for t in inside}
    root = next((t for t in inside if t.head.i not in quote_ids), first)
    tok, hops = root.head, 0
    while hops < MAX_HOPS:
        if _is_reporting(tok):
            subject = _subject_of(tok) or _earlier_subject(tok)
            if subject is not None and subject.i not in quote_ids:
                return tok, subject
        if tok.head is tok:
            break
        tok, hops = tok.head, hops + 1
    return None


def _according_to(window):
    for a, b in zip(window, window[1:]):
        if (a.lower_, b.lower_) == ACCORDING_TO:
            obj = next((c for c in b.children if c.dep_ == "pobj"), None)
            if obj is None:
                after = [t for t in window if t.i > b.i]
                obj = next((t for t in after if pos(t) in ("PROPN", "NOUN", "PRON")), None)
            if obj is not None:
                return a, obj
    return None


def _cue_text(verb) -> str:
    if verb.lower_ == "according":
        return "according to"
    words = [verb]
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "prt") and child.i > verb.i and child.i - verb.i <= 4:
            words.extend(t for t in child.subtree if t.i - verb.i <= 4)
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)


# ---------------------------------------------------------------- who the mention stands for

def _resolve(art: _Article, subject) -> tuple[str | None, tuple[int, int] | None]:
    """The name a subject stands for, and its offsets. Each mention is resolved once; a pronoun
    or description that resolves becomes a mention itself, so a later "he" can chain to it."""
    span = _mention_span(subject)
    at = art.at(span[0])
    end = art.at(span[-1]) + len(span[-1])
    if at in art.resolved:
        name = art.resolved[at]
    else:
        name = art.resolved[at] = _name_for(art, span, at)
        if name is not None and (subject.lower_ in PRONOUN_GENDER or pos(span[-1]) == "NOUN"):
            bisect.insort(art.mentions, _Mention(at, end, name, _sentence_index(art, at), True, True),
                          key=_position)
    return name, ((at, end) if name else None)


def _mention_span(subject) -> list:
    doc = subject.doc
    if subject.ent_type_:
        ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return list(ent)
    if pos(subject) == "PRON":
        return [subject]
    left = [c for c in subject.lefts if c.dep_ in ("compound", "amod", "det", "poss", "nmod", "case",
                                                   "nummod", "flat")]
    start = min([subject.i] + [t.left_edge.i for t in left])
    return list(doc[start:subject.i + 1])


def _name_for(art: _Article, span, at: int) -> str | None:
    head = span[-1]
    if pos(head) == "PRON" or (len(span) == 1 and head.lower_ in SPEAKER_PRONOUNS):
        if head.lower_ not in SPEAKER_PRONOUNS or head.lower_ in ("i", "we"):
            return None
        return _antecedent(art, at, PRONOUN_GENDER.get(head.lower_))
    if head.ent_type_ in SPEAKER_LABELS or _is_name(head):
        return clean_name(" ".join(t.text for t in span)) or None
    # A description: "the Ukrainian leader", "the newspaper", "the candidate's doctor".
    if any(c.dep_ == "poss" for c in head.children):
        return _description_text(span)
    persons = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.i != head.i
               and t.dep_ in ("compound", "appos", "flat")]
    if persons:
        return clean_name(" ".join(t.text for t in _mention_span(persons[-1]))) or None
    return _described(art, span, at)


def _described(art: _Article, span, at: int) -> str | None:
    head = span[-1]
    words = {lemma(t) for t in span if pos(t) in ("NOUN", "ADJ", "PROPN")}
    best, best_score = None, 0
    for m in _mentions_before(art, at):
        if not m.person:
            continue
        titles = art.titles.get(surname(m.name), set())
        score = sum(1 for w in words if any(_same_word(w, t) for t in titles))
        if score > best_score:
            best, best_score = m.name, score
    if best is not None:
        return best
    if lemma(head) in PERSON_ROLES:
        return _antecedent(art, at, ROLE_GENDER.get(lemma(head)))
    return _description_text(span) if pos(head) in ("NOUN", "PROPN") else None


def _is_name(tok) -> bool:
    """A proper noun as written: small models tag "the minister" PROPN too."""
    return pos(tok) == "PROPN" and tok.text[:1].isupper()


def _description_text(span) -> str:
    return "".join(t.text_with_ws for t in span).strip()


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _mentions_before(art: _Article, at: int) -> list[_Mention]:
    """Mentions before `at`, nearest first, limited to the last few sentences."""
    here = _sentence_index(art, at)
    out = []
    for i in range(bisect.bisect_left(art.mentions, at, key=_position) - 1, -1, -1):
        if here - art.mentions[i].sentence > RECENT_SENTENCES:
            break
        out.append(art.mentions[i])
    return out


def _position(mention: _Mention) -> int:
    return mention.at


def _antecedent(art: _Article, at: int, gender: str | None) -> str | None:
    """The most recent compatible person: subjects first, then any person mention."""
    candidates = [m for m in _mentions_before(art, at) if m.person]
    fits = [m for m in candidates if gender is None or _gender_of(art, surname(m.name)) in (None, gender)]
    for pool in ([m for m in fits if m.subject], fits):
        if pool:
            return pool[0].name
    return None


def _sentence_index(art: _Article, at: int) -> int:
    return bisect.bisect_right(art.sentence_starts, at) - 1


def _carried(art: _Article, index: int, q: QuotedSpan,
             earlier: list[Attribution]) -> Attribution | None:
    """A quote with no cue of its own continues the direct quote just before it: in the same
    paragraph (`"A," he said. "B."`, resting on the same mention) or the next one (no mention)."""
    if index == 0:
        return None
    prev_q, prev = art.quotes[index - 1], earlier[index - 1]
    if prev.speaker is None or prev.kind != "direct":
        return None
    if prev_q.paragraph == q.paragraph:
        return Attribution("direct", prev.speaker, prev.mention, prev.cue)
    para = art.paragraphs[q.paragraph]
    lead = art.text[para.start:q.open_at].strip()
    if q.resumed or (prev_q.paragraph == q.paragraph - 1 and (not lead or lead[-1:] in SENTENCE_END)):
        return Attribution("direct", prev.speaker)
    return None
