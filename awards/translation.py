from modeltranslation.translator import TranslationOptions, register

from .models import Award, Festival


@register(Festival)
class FestivalTranslationOptions(TranslationOptions):
    fields = ("name", "city")


@register(Award)
class AwardTranslationOptions(TranslationOptions):
    fields = ("category", "notes")
