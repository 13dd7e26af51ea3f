from modeltranslation.translator import TranslationOptions, register

from .models import Film, Genre, Role


@register(Genre)
@register(Role)
class VocabularyTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fr", "ar", "en")


@register(Film)
class FilmTranslationOptions(TranslationOptions):
    fields = ("title", "synopsis", "reception", "poster_alt")
