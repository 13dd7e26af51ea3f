from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from django_countries.fields import CountryField

from core.links import http_only_constraint, http_url_validator
from core.models import Publishable, PublishableQuerySet, SlugManager, Source, page_url, published_q
from people.models import Person
from films.models import YEAR_VALIDATORS, Film


class Festival(Publishable):
    slug = models.SlugField(_("slug"), max_length=160, unique=True, help_text=_("Used in the page address."))
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, help_text=_("For example FICMEC."))
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True, validators=[http_url_validator])

    class Meta:
        ordering = ["slug"]
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")
        constraints = [http_only_constraint("website", "festival_website_http_only")]

    def __str__(self):
        return self.name or self.slug

    get_absolute_url = page_url("awards:festival_detail")

    def title_card_lines(self):
        """(kicker, title, subtitle) of the festival's title card, in the active language."""
        place = pgettext("list separator", ", ").join(
            str(part) for part in (self.city, self.country.name if self.country else "") if part
        )
        return _("Festival"), self.name, place


class AwardQuerySet(PublishableQuerySet):
    def published(self):
        """Awards visitors may see: published, with their festival, film and person published too."""
        return self.filter(
            published_q(),
            published_q("festival__"),
            models.Q(film__isnull=True) | published_q("film__"),
            models.Q(person__isnull=True) | published_q("person__"),
        )

    def in_reading_order(self):
        """Newest first, undated last, then by festival: the order award lists are read in."""
        return self.order_by(models.F("year").desc(nulls_last=True), "festival__slug", "slug")


class AwardManager(SlugManager.from_queryset(AwardQuerySet)):
    pass


class Award(Publishable):
    class Outcome(models.TextChoices):
        WON = "won", _("Won")
        NOMINATED = "nominated", _("Nominated")
        SPECIAL_MENTION = "special_mention", _("Special mention")
        SELECTION = "selection", _("Official selection")

    slug = models.SlugField(_("slug"), max_length=160, unique=True, help_text=_("Stable identifier used in fixtures."))
    festival = models.ForeignKey(
        Festival, on_delete=models.PROTECT, related_name="awards", verbose_name=_("festival")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS, help_text=_("Leave empty when the year is not known.")
    )
    category = models.CharField(
        _("category"), max_length=300, blank=True, help_text=_("The prize's name, for example Best Documentary Award.")
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.WON)
    # The sources sometimes speak of "several awards" at a festival without naming them: one entry
    # then stands for two or more, and every count of awards says "at least" rather than a false total.
    several = models.BooleanField(
        _("several awards"),
        default=False,
        help_text=_("This entry stands for several awards the sources do not list one by one."),
    )
    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, null=True, blank=True, related_name="awards", verbose_name=_("film")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="awards", verbose_name=_("person")
    )
    notes = models.TextField(_("notes"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="awards", verbose_name=_("sources"))

    objects = AwardManager()

    class Meta:
        # Unknown years last, then by festival.
        # No join on every lookup: lists that group by festival use in_reading_order().
        ordering = [models.F("year").desc(nulls_last=True), "slug"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(film__isnull=False) | models.Q(person__isnull=False),
                name="award_has_film_or_person",
                violation_error_message=_("An award goes to a film, a person, or both."),
            ),
            models.CheckConstraint(
                condition=models.Q(year__isnull=True) | (models.Q(year__gte=1888) & models.Q(year__lte=2100)),
                name="award_year_plausible",
            ),
        ]

    def __str__(self):
        label = self.category or self.get_outcome_display()
        year = f" {self.year}" if self.year else ""
        return f"{label} — {self.festival}{year}"

    def get_absolute_url(self):
        return f"{self.festival.get_absolute_url()}#award-{self.slug}"
