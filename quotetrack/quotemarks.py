"""Detection of quoted spans in raw text: quote marks only, no language model.

Works paragraph by paragraph, so a stray mark can never swallow more than its own paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .constants import CLOSERS, DOUBLE, ELISIONS, LOW_OPENER_CLOSERS, OPENERS, PARAGRAPH_BREAKS, SINGLE, SYMMETRIC

_PARAGRAPH = re.compile(f"[^{PARAGRAPH_BREAKS}]+")
_MARK = re.compile(r"''|``|[“”„‟\"«»‹›‘’‚']")
_ELISION = re.compile(r"(?:\d\ds?|" + "|".join(re.escape(e) for e in ELISIONS) + r")(?![A-Za-z])",
                      re.IGNORECASE)
_CLOSING_CHARS = set(CLOSERS) | set(SYMMETRIC) | {"“"}
_OPEN_CONTEXT = set(" \t([{<—–-/:;,") | set(OPENERS) | set(SYMMETRIC) | {"\u00a0"}


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class QuotedSpan:
    """The words between a pair of quote marks (marks and surrounding spaces excluded)."""
    start: int
    end: int
    paragraph: int
    open_at: int            # offset of the opening mark
    close_at: int | None    # offset of the closing mark; None when the quote runs on
    runs_on: bool = False   # no closing mark: the quotation continues in the next paragraph
    resumed: bool = False   # this paragraph reopens a quotation left open by the previous one


def split_paragraphs(text: str) -> list[Paragraph]:
    """Lines holding something other than white space; any kind of line break separates them."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.end()
        stripped = m.group().strip()
        if not stripped:
            continue
        start += len(m.group()) - len(m.group().lstrip())
        end -= len(m.group()) - len(m.group().rstrip())
        out.append(Paragraph(len(out), start, end))
    return out


def find_quoted_spans(text: str, paragraphs: list[Paragraph] | None = None) -> list[QuotedSpan]:
    """Every outermost quoted span, in text order."""
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    spans: list[QuotedSpan] = []
    left_open = False
    for i, para in enumerate(paragraphs):
        found, dangling = _scan(text, para)
        resumed = left_open and _opens_paragraph(text, para)
        if resumed and found and found[0].open_at == para.start:
            found[0] = replace(found[0], resumed=True)
        left_open = False
        if dangling is not None:
            nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            runs_on = nxt is not None and _opens_paragraph(text, nxt)
            if runs_on or dangling == para.start:
                span = _content(text, dangling, _mark_at(text, dangling), para.end, para.index,
                                None, runs_on=runs_on,
                                resumed=resumed and dangling == para.start)
                if span is not None:
                    found = [s for s in found if s.open_at < dangling] + [span]
                left_open = runs_on
        spans.extend(found)
    return spans


def _opens_paragraph(text: str, para: Paragraph) -> bool:
    mark = _mark_at(text, para.start)
    return bool(mark) and (mark in OPENERS or mark in SYMMETRIC or mark == "“")


def _mark_at(text: str, i: int) -> str:
    m = _MARK.match(text, i)
    return m.group() if m else ""


def _scan(text: str, para: Paragraph) -> tuple[list[QuotedSpan], int | None]:
    """Pair the marks of one paragraph with a stack.

    Returns the outermost closed spans, and the offset of the outermost opening mark left
    unclosed at the paragraph's end (None if all closed). Unclosed marks are dropped and what
    they enclosed is looked at again, so a stray mark costs nothing but itself.
    """
    stack: list[tuple[int, str, str, int]] = []   # (offset, mark, family, entry id)
    parent: list[int] = []                        # entry id -> enclosing entry id (or -1)
    closed: dict[int, tuple[int, int, str]] = {}  # entry id -> (open_at, close_at, close mark)
    for m in _MARK.finditer(text, para.start, para.end):
        mark, at = m.group(), m.start()
        role = _role(text, at, mark, para, stack)
        if role == "close":
            family = CLOSERS.get(mark) or SYMMETRIC.get(mark) or "double"
            if mark == "“":
                family = DOUBLE
            while stack:
                entry = stack.pop()
                if entry[2] == family:
                    closed[entry[3]] = (entry[0], at, mark)
                    break
        elif role == "open":
            family = OPENERS.get(mark) or SYMMETRIC.get(mark)
            parent.append(stack[-1][3] if stack else -1)
            stack.append((at, mark, family, len(parent) - 1))
    found = []
    for entry_id, (open_at, close_at, _) in closed.items():
        if _has_closed_ancestor(entry_id, parent, closed):
            continue
        open_mark = _mark_at(text, open_at)
        span = _content(text, open_at, open_mark, close_at, para.index, close_at)
        if span is not None:
            found.append(span)
    found.sort(key=lambda s: s.start)
    dangling = None
    for at, _mark, _family, entry_id in stack:
        if not _has_closed_ancestor(entry_id, parent, closed):
            dangling = at
            break
    return found, dangling


def _has_closed_ancestor(entry_id: int, parent: list[int], closed: dict) -> bool:
    p = parent[entry_id]
    while p != -1:
        if p in closed:
            return True
        p = parent[p]
    return False


def _role(text: str, at: int, mark: str, para: Paragraph, stack: list) -> str | None:
    """'open', 'close' or None (an apostrophe or a mark that pairs with nothing)."""
    before = text[at - 1] if at > para.start else " "
    after_at = at + len(mark)
    after = text[after_at] if after_at < para.end else " "
    open_families = {e[2] for e in stack}
    left_flanking = (before in _OPEN_CONTEXT or before.isspace()) and not after.isspace()
    right_flanking = not before.isspace() and (after_at >= para.end or not after.isalnum())

    if mark == "“":
        # German „…“ closes with “; in English it always opens.
        if stack and stack[-1][1] in LOW_OPENER_CLOSERS and right_flanking:
            return "close"
        return "open"
    if mark in OPENERS and mark not in ("‘", "‚"):
        return "open"
    if mark in ("‘", "‚"):
        if _ELISION.match(text, after_at) and not (stack and stack[-1][2] == SINGLE):
            return None
        return "open" if not before.isalnum() else None
    if mark in CLOSERS and mark != "’":
        return "close" if CLOSERS[mark] in open_families else None
    if mark in ("’", "'") and _ends_n_elision(text, at, para):
        return None
    if mark == "’":
        if before.isalnum() and after.isalnum():
            return None
        return "close" if SINGLE in open_families and right_flanking else None
    # Symmetric marks: " and '' are double, ' is single.
    family = SYMMETRIC[mark]
    if family == DOUBLE:
        if DOUBLE in open_families and (right_flanking or not left_flanking):
            return "close"
        if left_flanking or at == para.start or (before.isspace() and after.isspace()):
            return "open"
        return "close" if DOUBLE in open_families else None
    if before.isalnum() and after.isalnum():
        return None
    if SINGLE in open_families and right_flanking:
        return "close"
    if left_flanking or at == para.start:
        if _ELISION.match(text, after_at):
            return None
        return "open"
    return None


def _ends_n_elision(text: str, at: int, para: Paragraph) -> bool:
    """The second mark of rock 'n' roll."""
    return at - 2 >= para.start and text[at - 1] in "nN" and text[at - 2] in "'’" \
        and (at - 3 < para.start or not text[at - 3].isalnum())


def _content(text: str, open_at: int, open_mark: str, close_at: int, paragraph: int,
             close_mark_at: int | None, runs_on: bool = False,
             resumed: bool = False) -> QuotedSpan | None:
    start, end = open_at + len(open_mark), close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if close_mark_at is None:   # a quote running to the end of its paragraph: no marks at its end
        while end > start and (text[end - 1].isspace() or text[end - 1] in _CLOSING_CHARS):
            end -= 1
    if start >= end:
        return None
    return QuotedSpan(start, end, paragraph, open_at, close_mark_at, runs_on, resumed)
