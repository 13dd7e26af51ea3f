"""The title cards of the site's sections (films, festivals, awards, people), for the
Open Graph image of list pages; objects' cards are described by their models."""

from django.utils.translation import gettext


def _section(label):
    return lambda: ("", gettext(label), "")


SECTIONS = [
    ("films", _section("Films")),
    ("festivals", _section("Festivals")),
    ("awards", _section("Awards")),
    ("people", _section("People")),
]
