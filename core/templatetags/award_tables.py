from django import template

register = template.Library()

# The outcome every award list assumes unless told otherwise.
USUAL_OUTCOME = "won"


@register.filter
def outcomes_vary(awards):
    """Whether an Outcome column says anything: not when every award was simply won."""
    return any(getattr(award, "outcome", USUAL_OUTCOME) != USUAL_OUTCOME for award in awards)
