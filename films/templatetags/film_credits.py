from django import template

from films.credits import credit_groups as group_by_roles
from films.credits import credit_lines as group_credits

register = template.Library()


@register.filter
def credit_lines(credits):
    """``{% for line in film.visible_credits|credit_lines %}``: one line per person."""
    return group_credits(credits)


@register.filter
def credit_groups(credits):
    """``{% for group in film.visible_credits|credit_groups %}``: people who share their roles."""
    return group_by_roles(credits)
