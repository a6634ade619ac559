"""`group_variants`: which quotes are the same utterance, across outlets and rewrites.

One utterance is one person saying one thing on one occasion. Five steps, none of them all-pairs:
1. candidates: wordings that share some of each other's rarest words (index.py);
2. evidence: rapidfuzz over the candidate pairs only, weighed by how rare the shared words are
   in the corpus and by who said them and when (evidence.py);
3. clusters: best-connected quotes first, each quote joins the best *centre* it matches
   directly, or becomes one; members never recruit, so weak links cannot chain (clusters.py);
4. the pieces of one quote split in an article ("A," he said, "B.") are put back together, a
   fragment joins the quote of its article it was taken from (clusters.py), and reported speech
   joins the quotes it reports (reported.py);
5. each cluster is cut into passages, the sentences its sources print together, each with its
   common wording (passages.py, canonical.py).
"""
from .group import DEFAULTS, finish_clusters, finished_clusters, group_variants

__all__ = ["DEFAULTS", "finish_clusters", "finished_clusters", "group_variants"]
