from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def duration_words(value):
    """A timedelta in words ("15 minutes", "2 hours"), for messages such as a sign-in lockout."""
    try:
        minutes = round(value.total_seconds() / 60)
    except AttributeError:
        return value
    if minutes >= 120 and minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = max(minutes, 1)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
