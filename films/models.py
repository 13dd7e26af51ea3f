from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from imagekit.models import ImageSpecField
from pilkit.processors import ResizeToFit

from core.images import ImageUploadValidator
from core.models import Publishable, PublishedManager, Source, UnguessableUploadTo, Vocabulary, page_url, published_q, require_alt_text
from core.templatetags.i18n_fields import resolve
from people.models import Person

# The first films date from 1888; a year far in the future is a typing mistake.
YEAR_VALIDATORS = [MinValueValidator(1888), MaxValueValidator(2100)]


class Genre(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("genre")
        verbose_name_plural = _("genres")


class Role(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("role")
        verbose_name_plural = _("roles")


class Film(Publishable):
    slug = models.SlugField(_("slug"), max_length=160, unique=True, help_text=_("Used in the page address."))
    title = models.CharField(_("title"), max_length=300, help_text=_("The title under which the film is known in each language."))
    original_title = models.CharField(
        _("original title"), max_length=300, blank=True, help_text=_("The title in the film's original language, if known.")
    )
    original_language = models.CharField(
        _("original language"),
        max_length=12,
        blank=True,
        help_text=_("Language code of the original title, for example fr."),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    genre = models.ForeignKey(
        Genre, on_delete=models.PROTECT, null=True, blank=True, related_name="films", verbose_name=_("genre")
    )
    runtime = models.PositiveSmallIntegerField(
        _("running time"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("In minutes.")
    )
    synopsis = models.TextField(_("synopsis"), blank=True, help_text=_("Separate paragraphs with an empty line."))
    reception = models.TextField(
        _("reception"),
        blank=True,
        help_text=_("How critics and audiences received the film, if known. Separate paragraphs with an empty line."),
    )
    poster = models.ImageField(
        _("poster"),
        upload_to=UnguessableUploadTo("posters"),
        blank=True,
        validators=[ImageUploadValidator()],
        help_text=_("JPEG, PNG, WebP or AVIF. Camera and location data are removed when the image is saved."),
    )
    poster_alt = models.CharField(
        _("poster description"), max_length=300, blank=True, help_text=_("Alternative text for the poster.")
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="films", verbose_name=_("sources"))

    # Empty in every language, these show as "not written" in the translation status.
    translation_expected = ("synopsis",)

    # Smaller WebP copies for srcset, made on first use by django-imagekit.
    poster_240 = ImageSpecField(source="poster", processors=[ResizeToFit(width=240, upscale=False)], format="WEBP", options={"quality": 80})
    poster_480 = ImageSpecField(source="poster", processors=[ResizeToFit(width=480, upscale=False)], format="WEBP", options={"quality": 80})
    poster_720 = ImageSpecField(source="poster", processors=[ResizeToFit(width=720, upscale=False)], format="WEBP", options={"quality": 80})

    class Meta:
        ordering = ["-year", "slug"]
        verbose_name = _("film")
        verbose_name_plural = _("films")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=1888) & models.Q(year__lte=2100), name="film_year_plausible"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})" if self.title else self.slug

    get_absolute_url = page_url("films:detail")

    def clean(self):
        super().clean()
        require_alt_text(self, "poster")

    def title_card_lines(self):
        """(kicker, title, subtitle) of the film's title card, in the active language."""
        kicker = str(self.genre) if self.genre_id else str(_("Film"))
        return kicker[:1].upper() + kicker[1:], self.title, str(self.year or "")

    @property
    def distinct_original_title(self):
        """The original title where it is not the title the visitor reads already (a French
        film on the French pages), else ""."""
        if self.original_title and self.original_title != resolve(self, "title")[0]:
            return self.original_title
        return ""

    @property
    def original_language_name(self):
        """The original language's name in the visitor's language ("français", "الفرنسية")."""
        codes = {code for code, _name in settings.LANGUAGES}
        if self.original_language in codes:
            return get_language_info(self.original_language)["name_translated"]
        return self.original_language


class CreditQuerySet(models.QuerySet):
    def published(self):
        """Credits visitors may see: both the film and the person are published."""
        return self.filter(published_q("film__"), published_q("person__"))


class CreditManager(PublishedManager.from_queryset(CreditQuerySet)):
    def get_by_natural_key(self, film_slug, person_slug, role_slug):
        return self.get(film__slug=film_slug, person__slug=person_slug, role__slug=role_slug)


class Credit(models.Model):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits", verbose_name=_("film"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="credits", verbose_name=_("person"))
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="credits", verbose_name=_("role"))
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Credits are listed in this order."))
    sources = models.ManyToManyField(Source, blank=True, related_name="credits", verbose_name=_("sources"))

    objects = CreditManager()

    class Meta:
        # No join on every lookup: views that list credits across films order them explicitly.
        ordering = ["order", "pk"]
        verbose_name = _("credit")
        verbose_name_plural = _("credits")
        constraints = [
            models.UniqueConstraint(fields=["film", "person", "role"], name="unique_credit"),
        ]

    def __str__(self):
        return f"{self.person} — {self.role} — {self.film}"

    def natural_key(self):
        return (self.film.slug, self.person.slug, self.role.slug)

    natural_key.dependencies = ["films.film", "people.person", "films.role"]
