"""Counting awards honestly.

An entry marked ``several`` stands for two or more awards the sources do not list (the
Moroccan National Film Festival gave "several awards"). A total that includes one is a
minimum: "at least 8 awards", and a single such entry reads "several awards", never "1 award".
"""

from django.utils.translation import gettext, ngettext


def minimum(entries, several):
    """The fewest awards ``entries`` entries can stand for, ``several`` of them for two or more."""
    return entries + several


def award_count_text(entries, several=0):
    """"7 awards", "several awards" or "at least 8 awards", in the current language."""
    entries, several = int(entries or 0), int(several or 0)
    if not several:
        return ngettext("%(counter)s award", "%(counter)s awards", entries) % {"counter": entries}
    if entries == 1:
        return gettext("several awards")
    total = minimum(entries, several)
    return ngettext("at least %(counter)s award", "at least %(counter)s awards", total) % {"counter": total}


def undated_count_text(entries, several=0):
    """The part of a total whose year is unknown: "(4 of unknown year)", "(at least 5 of unknown year)"."""
    entries, several = int(entries or 0), int(several or 0)
    if not several:
        return ngettext("(%(counter)s of unknown year)", "(%(counter)s of unknown year)", entries) % {"counter": entries}
    total = minimum(entries, several)
    return ngettext(
        "(at least %(counter)s of unknown year)", "(at least %(counter)s of unknown year)", total
    ) % {"counter": total}
