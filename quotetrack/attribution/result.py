"""What attribution hands back: plain records, no spaCy objects."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Attribution:
    kind: str
    speaker: str | None = None
    mention: tuple[int, int] | None = None   # absolute offsets of the mention relied on
    cue: str | None = None
