"""Speaker names: cleaning a mention into a name, and one name per person across articles."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import repeat

from rapidfuzz.distance import Levenshtein

from .constants import GIVEN_NAME_SPELLINGS, MINOR_WORDS, NAME_TITLES, SOME_PEOPLE
from .schema import is_none

_POSSESSIVE = re.compile(r"['’]s?$")
SPELLING_MIN_LENGTH = 7   # surnames this long may differ by one letter (Kovalenko / Kovalenkko)
LONG_SURNAME = 10         # ... and this long by two
MAX_NAME_WORDS = 4
NAME_PARTICLES = frozenset("de da di du del der van von la le al el bin ben ibn".split())


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, accents off, punctuation to spaces: for comparing names, never for showing."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


# `Ann "Duck" Moss`: a quoted nickname inside a name is not part of the name.
_NICKNAME = re.compile(r"\s(?:\"|“|''|‘) ?[^\s\"“”'‘’]+(?: [^\s\"“”'‘’]+)? ?(?:\"|”|''|’)(?=\s)")


_SPACED_DASH = re.compile(r"\s(?:--|[—–―-])\s")


def clean_name(mention: str) -> str:
    """"the Senate's" -> "Senate"; "Mr. Hale" -> "Hale"; "President Ana Lima" -> "Ana Lima"."""
    # "Kyiv — Olena Kovalenko": a dateline or a heading before a dash is not part of the name
    mention = _SPACED_DASH.split(mention)[-1]
    words = _NICKNAME.sub(" ", mention.replace("\u00a0", " ")).split()
    while words and _POSSESSIVE.search(words[-1]) and len(words[-1]) > 2:
        words[-1] = _POSSESSIVE.sub("", words[-1])
        if not words[-1]:
            words.pop()
    while words and words[-1] in ("'s", "’s", "'", "’"):
        words.pop()
    while len(words) > 1 and (words[0].lower().strip(".-–—―") in NAME_TITLES or words[0].lower() == "the"):
        words.pop(0)
    name = " ".join(words).strip(" ,.;:-–—\"'“”‘’()")
    return name if any(c.isalpha() for c in name) else ""


def surname(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


def canonical_speakers(names: Iterable[str],
                       registry: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Map every name to one name per person.

    Names sharing a surname up to spelling ("Kovalenkko") and with the same given name up to
    transliteration (Dmitry / Dmitri S.) are one person, named by the spelling most mentions use
    in its fullest form; different given names are different people (Eric / Erica Adams). A
    bare name that is the first word of one full name and nobody's surname is that person
    ("Park" for Park Min-jun). A registry (canonical name -> aliases) wins over all of this.
    """
    counts = Counter(n for n in names if isinstance(n, str) and n)
    aliases = _registry_index(registry)
    for canonical in (registry or {}):
        counts.setdefault(canonical, 0)   # registry names gather their spelling variants too
    owners = _first_word_owners(counts)
    groups: dict[str, list[str]] = defaultdict(list)   # representative surname -> names
    surnames: dict[str, list[str]] = defaultdict(list)   # by first letter, as same_surname needs
    for name in sorted(counts, key=lambda n: (not _presentable(n), -_length(n), -counts[n], n)):
        if name in owners:
            continue
        key = surname(name)
        if not key:
            groups[name].append(name)      # no Latin letters to compare: a person of its own
            continue
        match = next((s for s in surnames[key[:1]] if same_surname(s, key)), None)
        if match is None:
            surnames[key[:1]].append(key)
            match = key
        groups[match].append(name)
    mapping: dict[str, str] = {}
    for members in groups.values():
        described = [n for n in members if _is_description(n)]
        named = [n for n in members if not _is_description(n)]
        for person in _split_by_first_name(named, counts) + _split_by_role(described, counts):
            if not person:
                continue
            chosen = next((aliases[fold(n)] for n in person if fold(n) in aliases), None)
            if chosen is None:
                chosen = _most_used_spelling(person, counts)
            for n in person:
                mapping[n] = chosen
    for single, owner in owners.items():
        mapping[single] = mapping[owner]
    for n in counts:
        if fold(n) in aliases:
            mapping[n] = aliases[fold(n)]
    return mapping


def _most_used_spelling(person: list[str], counts: Mapping[str, int]) -> str:
    """The fullest name (middle initials aside) in the spelling most mentions use ("Dmitry
    Ivanov" twice and "Dmitri S. Ivanov" once is "Dmitry Ivanov"), in its most frequent form."""
    shown = [n for n in person if _presentable(n)] or person
    spellings: Counter = Counter()
    for n in person:
        spellings[_spelling(n)] += counts[n]
    return max(shown, key=lambda n: (_length(n), spellings[_spelling(n)], counts[n], -len(n.split()), n))


def _spelling(name: str) -> str:
    """How a name spells its given name and surname, titles and middle initials aside:
    "Dmitri S. Ivanov" -> "dmitri ivanov", "President Lima" -> "lima"."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in NAME_TITLES:
        words.pop(0)
    return " ".join(w for k, w in enumerate(words) if len(w) > 1 or k in (0, len(words) - 1))


def _length(name: str) -> int:
    """Words of a name, titles and middle initials aside."""
    return len(_spelling(name).split())


def given_name_key(given: str) -> str:
    """One spelling for a folded given name's transliterations (Dmitry, Dmitriy, Dmitri ->
    dmitri); any other difference is another name."""
    for pattern, replacement in _GIVEN_NAME_SPELLINGS:
        given = pattern.sub(replacement, given)
    return given


_GIVEN_NAME_SPELLINGS = tuple((re.compile(p), r) for p, r in GIVEN_NAME_SPELLINGS)


def same_given_name(a: str, b: str) -> bool:
    """Two folded given names of one person: equal up to transliteration, or an initial and a
    name it begins. Close spellings of different names stay apart (Eric / Erica, Jon / Joan):
    a final -a, -e or any other letter is a different name, however close."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return given_name_key(a) == given_name_key(b)


def _first_word_owners(counts: Mapping[str, int]) -> dict[str, str]:
    """Surname-first names across the call: a bare name that is the first word of exactly one
    person's full name ("Park" and "Park Min-jun") and the last word of nobody's is that
    person's."""
    full = [n for n in counts if len(fold(n).split()) > 1 and fold(n).split()[0] not in NAME_TITLES
            and _presentable(n)]
    lasts: dict[str, set[str]] = defaultdict(set)      # by first letter, as same_surname needs
    for n in full:
        lasts[surname(n)[:1]].add(surname(n))
    by_first: dict[str, set[str]] = defaultdict(set)
    for n in full:
        by_first[fold(n).split()[0]].add(n)
    owners = {}
    for n in counts:
        words = fold(n).split()
        if len(words) != 1 or not _presentable(n) \
                or any(same_surname(words[0], last) for last in lasts[words[0][:1]]):
            continue
        holders = by_first.get(words[0], set())
        if len({_spelling(h) for h in holders}) == 1:
            owners[n] = max(holders, key=lambda h: (counts[h], h))
    return owners


def same_surname(a: str, b: str) -> bool:
    """Kovalenko / Kovalenkko, Kowalczyk / Kowalczyck: one letter apart in a long surname. Short
    surnames one letter apart are different people (Rubin / Rubio, Haines / Haynes)."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < SPELLING_MIN_LENGTH:
        return False
    allowed = 2 if min(len(a), len(b)) >= LONG_SURNAME else 1
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def _presentable(name: str) -> bool:
    """A name to show: a few capitalised words, not a run of headline words."""
    words = name.split()
    return len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() or w.lower() in NAME_PARTICLES
                                                 or not w[:1].isalpha() for w in words)


def _registry_index(registry: Mapping[str, Iterable[str]] | None) -> dict[str, str]:
    if registry is None:
        return {}
    if not isinstance(registry, Mapping):
        raise TypeError("speakers= must be a mapping of canonical name -> list of aliases, "
                        f"not {type(registry).__name__}")
    index = {}
    for canonical, alias_list in registry.items():
        if isinstance(alias_list, str):
            alias_list = [alias_list]
        for alias in [canonical, *alias_list]:
            index[fold(alias)] = canonical
    return index


def _split_by_first_name(names: list[str], counts: Mapping[str, int]) -> list[list[str]]:
    """Within one surname: Ana Lima and Rui Lima are two people. A titled surname ("President
    Lima") is a person in its own right: an article names someone so only when it also names
    another person of that surname (see `People.fullest`). A surname alone goes with the person
    most mentions name."""
    people: list[list[str]] = []
    firsts: list[str] = []
    titled: dict[str, list[str]] = {}
    bare: list[str] = []
    for name in names:
        words = fold(name).split()
        if len(words) <= 1 or words[0] in NAME_PARTICLES:
            bare.append(name)            # "Lima", "De Lima"; a name of no Latin letters
        elif words[0] in NAME_TITLES:
            titled.setdefault(words[0], []).append(name)
        else:
            i = next((k for k, f in enumerate(firsts) if same_given_name(f, words[0])), None)
            if i is None:
                people.append([])
                firsts.append(words[0])
                i = len(people) - 1
            people[i].append(name)
    people.extend(titled.values())
    if bare:
        most_named = max(people, key=lambda p: sum(counts[n] for n in p), default=None)
        (most_named if most_named is not None else _new(people)).extend(bare)
    return people


def _is_description(name: str) -> bool:
    """"the secretary general", "several experts": words in lower case that are no particle."""
    return any(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in name.split())


def _split_by_role(descriptions: list[str], counts: Mapping[str, int]) -> list[list[str]]:
    """Descriptions that end in one word are one speaker across the call only when the word
    before it agrees: "the secretary general" is not "the attorney general", "one GOP source"
    not "a Democratic source"; one with no such word ("several experts") goes with the most
    used."""
    roles: dict[str, list[str]] = {}
    bare: list[str] = []
    for name in descriptions:
        words = [w for w in fold(name).split() if w not in SOME_PEOPLE and w not in MINOR_WORDS]
        if len(words) < 2:
            bare.append(name)
        else:
            roles.setdefault(words[-2], []).append(name)
    people = list(roles.values())
    if bare:
        most_used = max(people, key=lambda p: sum(counts[n] for n in p), default=None)
        (most_used if most_used is not None else _new(people)).extend(bare)
    return people


def _new(people: list[list[str]]) -> list[str]:
    people.append([])
    return people[-1]


def majority_speakers(groups: Iterable, names: Iterable) -> dict:
    """{group: the name most of its rows give}. Ties go to the alphabetically first name, so
    row order never decides; groups with no name are left out."""
    votes = Counter((g, n) for g, n in zip(groups, names) if not is_none(n) and n)
    best: dict = {}
    for (group, name), count in votes.items():
        held = best.get(group)
        if held is None or (-count, name) < (-held[1], held[0]):
            best[group] = (name, count)
    return {group: name for group, (name, _) in best.items()}


def majority_speaker(names: Iterable):
    """The name most rows give (ties: alphabetically first), or None."""
    return majority_speakers(repeat(0), names).get(0)
