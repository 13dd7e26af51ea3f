"""Small pieces of sentences the site composes in every language: lists joined with "and",
and descriptions made of whole sentences that fit a length (never cut in the middle of a title).
"""

import re

from django.utils.translation import pgettext

# A sentence ends with . ! ? … or the Arabic question mark, before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+(?=\S)")


def join_and(items):
    """["a", "b", "c"] → "a, b and c" in the current language ("a، b وc" in Arabic)."""
    items = [str(item) for item in items if item]
    if len(items) < 2:
        return items[0] if items else ""
    head = pgettext("list separator", ", ").join(items[:-1])
    return pgettext("list conjunction", "%(first)s and %(last)s") % {"first": head, "last": items[-1]}


def sentences(text):
    return [part for part in _SENTENCE_END.split((text or "").strip()) if part]


def fit_sentences(parts, limit):
    """As many of ``parts`` (whole sentences, in order) as fit in ``limit`` characters."""
    kept = []
    for part in parts:
        if len(" ".join([*kept, part])) > limit:
            break
        kept.append(part)
    return " ".join(kept)
