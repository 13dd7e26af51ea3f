from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language, get_language_info, pgettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from imagekit.models import ImageSpecField
from pilkit.processors import ResizeToFit

from core.images import ImageUploadValidator
from core.models import Publishable, UnguessableUploadTo, Vocabulary, page_url, require_alt_text


class Occupation(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")


class Nationality(Vocabulary):
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_("The country of this nationality; search engines are given its name."),
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("nationality")
        verbose_name_plural = _("nationalities")


class Person(Publishable):
    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Used in the page address."))
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name in the script of each language: Latin in French and English, Arabic script in Arabic."),
    )
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    birthplace = models.CharField(_("birthplace"), max_length=200, blank=True)
    occupations = models.ManyToManyField(Occupation, blank=True, verbose_name=_("occupations"))
    nationalities = models.ManyToManyField(Nationality, blank=True, verbose_name=_("nationalities"))
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences introducing the person."))
    portrait = models.ImageField(
        _("portrait"),
        upload_to=UnguessableUploadTo("portraits"),
        blank=True,
        validators=[ImageUploadValidator()],
        help_text=_("JPEG, PNG, WebP or AVIF. Camera and location data are removed when the image is saved."),
    )
    portrait_alt = models.CharField(
        _("portrait description"), max_length=300, blank=True, help_text=_("Alternative text for the portrait.")
    )
    wikidata_id = models.CharField(
        _("Wikidata identifier"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata identifier looks like Q42."))],
    )
    imdb_id = models.CharField(
        _("IMDb identifier"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^nm[0-9]{7,10}$", _("An IMDb person identifier looks like nm0000001."))],
    )

    # Empty in every language, these show as "not written" in the translation status.
    translation_expected = ("summary",)

    # Smaller WebP copies for srcset, made on first use by django-imagekit.
    portrait_320 = ImageSpecField(source="portrait", processors=[ResizeToFit(width=320, upscale=False)], format="WEBP", options={"quality": 80})
    portrait_640 = ImageSpecField(source="portrait", processors=[ResizeToFit(width=640, upscale=False)], format="WEBP", options={"quality": 80})
    portrait_960 = ImageSpecField(source="portrait", processors=[ResizeToFit(width=960, upscale=False)], format="WEBP", options={"quality": 80})

    class Meta:
        ordering = ["slug"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            # The identifiers become links: the database keeps them to their patterns too.
            models.CheckConstraint(
                condition=models.Q(wikidata_id="") | models.Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="person_wikidata_id_pattern",
            ),
            models.CheckConstraint(
                condition=models.Q(imdb_id="") | models.Q(imdb_id__regex=r"^nm[0-9]{7,10}$"),
                name="person_imdb_id_pattern",
            ),
        ]

    def __str__(self):
        return self.name or self.slug

    get_absolute_url = page_url("people:detail")

    def clean(self):
        super().clean()
        require_alt_text(self, "portrait")

    def name_forms(self):
        """The person's name in the other scripts than the page's, with their language.

        The Arabic page shows "Kamal Hachkar" beside "كمال هشكار", the French page the reverse.
        """
        current = getattr(self, f"name_{get_language()}", None) or self.name
        seen = {current}
        forms = []
        for code in ("fr", "ar", "en"):
            value = getattr(self, f"name_{code}", "")
            if value and value not in seen:
                seen.add(value)
                forms.append({"lang": code, "dir": "rtl" if get_language_info(code)["bidi"] else "ltr", "name": value})
        return forms

    def title_card_lines(self):
        """(kicker, title, subtitle) of the person's title card, in the active language."""
        occupations = [str(term) for term in self.occupations.all()]
        kicker = pgettext("list separator", ", ").join(occupations)
        place = (self.birthplace or "").strip()
        year = str(self.birth_date.year) if self.birth_date else ""
        return kicker[:1].upper() + kicker[1:], self.name, " · ".join(part for part in (year, place) if part)

    @property
    def external_links(self):
        links = []
        if self.wikidata_id:
            links.append(("Wikidata", f"https://www.wikidata.org/wiki/{self.wikidata_id}"))
        if self.imdb_id:
            links.append(("IMDb", f"https://www.imdb.com/name/{self.imdb_id}/"))
        return links


class BiographySectionManager(models.Manager):
    def get_by_natural_key(self, person_slug, slug):
        return self.get(person__slug=person_slug, slug=slug)


class BiographySection(models.Model):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="biography_sections", verbose_name=_("person")
    )
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Identifies the section within the person's page."))
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Sections are shown in this order."))
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Separate paragraphs with an empty line."))

    objects = BiographySectionManager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("biography section")
        verbose_name_plural = _("biography sections")
        constraints = [
            models.UniqueConstraint(fields=["person", "slug"], name="unique_biography_section_slug"),
        ]

    def __str__(self):
        return self.heading or self.slug

    def natural_key(self):
        return (self.person.slug, self.slug)

    natural_key.dependencies = ["people.person"]

