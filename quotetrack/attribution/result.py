"""What attribution hands back: plain records, no spaCy objects."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Attribution:
    kind: str
    speaker: str | None = None
    mention: tuple[int, int] | None = None   # absolute offsets of the mention relied on
    cue: str | None = None


@dataclass(frozen=True)
class Attributed:
    """One row of output: a span of the article (a quote, or reported content) and who said it.

    Every producer (quotes, reported statements) returns these, so rows are built from them
    alone."""
    start: int
    end: int
    kind: str
    speaker: str | None = None
    mention: tuple[int, int] | None = None
    cue: str | None = None

    @classmethod
    def of(cls, start: int, end: int, attribution: Attribution) -> Attributed:
        return cls(start, end, attribution.kind, attribution.speaker, attribution.mention,
                   attribution.cue)
