from modeltranslation.translator import TranslationOptions, register

from .models import BiographySection, Nationality, Occupation, Person


@register(Occupation)
@register(Nationality)
class VocabularyTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fr", "ar", "en")


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "birthplace", "summary", "portrait_alt")


@register(BiographySection)
class BiographySectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body")
