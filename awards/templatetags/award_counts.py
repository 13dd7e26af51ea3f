from django import template

from awards.counting import award_count_text, undated_count_text

register = template.Library()


@register.filter
def awards_counted(entries, several=0):
    """``{{ festival.award_count|awards_counted:festival.several_count }}``: "at least 8 awards"."""
    return award_count_text(entries, several)


@register.filter
def undated_counted(entries, several=0):
    return undated_count_text(entries, several)
