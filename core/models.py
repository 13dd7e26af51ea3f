"""What every content app builds on: publication, vocabularies, sources and upload names."""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, Now, NullIf
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from .links import http_only_constraint, http_url_validator
from .paths import page_path


def page_url(viewname):
    """A ``get_absolute_url`` for a page found by the object's slug: ``reverse(viewname)``,
    remembered for the process (``core.paths``), since pages name the same film or festival
    again and again."""

    def get_absolute_url(self):
        return page_path(viewname, kwargs={"slug": self.slug})

    return get_absolute_url


@deconstructible
class UnguessableUploadTo:
    """Store uploads under a random name: a title must not reveal a file's URL."""

    def __init__(self, prefix):
        self.prefix = prefix

    def __call__(self, instance, filename):
        suffix = PurePath(filename).suffix.lower()
        return f"{self.prefix}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, UnguessableUploadTo) and other.prefix == self.prefix


def require_alt_text(obj, image_field):
    """A published image needs its description in every language: refuse to publish without it."""
    if not obj.is_published or not getattr(obj, image_field):
        return
    from modeltranslation import settings as mt_settings

    errors = {}
    for code in mt_settings.AVAILABLE_LANGUAGES:
        if not (getattr(obj, f"{image_field}_alt_{code}", "") or "").strip():
            errors[f"{image_field}_alt_{code}"] = ValidationError(
                _("Describe the image in %(language)s before publishing."),
                code="alt_text_required",
                params={"language": get_language_info(code)["name_translated"]},
            )
    if errors:
        raise ValidationError(errors)


def published_q(prefix=""):
    """A filter for "visitors may see it": published, with no publication date in the future.

    ``prefix`` reaches through a relation, for example ``published_q("film__")``. The clock
    is the database's (``Now()``), so the filter is the same on every request and a
    manager can build it once (``PublishedManager``).
    """
    return models.Q(**{f"{prefix}is_published": True}) & (
        models.Q(**{f"{prefix}published_at__isnull": True}) | models.Q(**{f"{prefix}published_at__lte": Now()})
    )


def translated(path):
    """SQL for a translated field as visitors read it: the current language's text, else the
    fallbacks' (the same order as the templates), else ""; ``translated("festival__name")``."""
    from modeltranslation import settings as mt_settings

    current = get_language() or settings.LANGUAGE_CODE
    fallbacks = mt_settings.FALLBACK_LANGUAGES
    codes = dict.fromkeys([current, *fallbacks.get(current, fallbacks["default"])])
    values = [NullIf(models.F(f"{path}_{code}"), models.Value("")) for code in codes]
    return Coalesce(*values, models.Value(""), output_field=models.CharField())


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())


class PublishedManager(models.Manager):
    """``Model.objects.published()`` starts from a query built once per process.

    What visitors may see reaches through relations (an award's festival, film and person),
    and building those joins on every request cost more than running the query. The query
    built is never run itself: each call gets a copy to refine. One per language, since
    modeltranslation writes a translated default ordering in the active language.
    """

    def published(self):
        built = self.__dict__.setdefault("_published", {})
        language = get_language()
        if language not in built:
            built[language] = self.get_queryset().published()
        return built[language].all()


class SlugManager(PublishedManager.from_queryset(PublishableQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Publishable(models.Model):
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published items are shown to visitors."),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish at once; a future date keeps the item hidden until then."),
    )
    # Defaults rather than auto_now: loaddata saves raw, and fixtures need not carry timestamps.
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last modified"), default=timezone.now, editable=False)

    objects = SlugManager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    @property
    def is_visible(self):
        return self.is_published and (self.published_at is None or self.published_at <= timezone.now())

    def natural_key(self):
        return (self.slug,)


class Vocabulary(models.Model):
    """A small translated list of terms, keyed by slug (occupations, genres, roles…)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Stable identifier used in fixtures."))
    name = models.CharField(_("name"), max_length=120, help_text=_("The term, as written in each language."))
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Terms are listed in this order, for example director before academic.")
    )

    objects = SlugManager()

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name or self.slug

    def natural_key(self):
        return (self.slug,)


class Source(models.Model):
    """A published reference that supports a fact on the site."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True, help_text=_("Stable identifier used in fixtures."))
    title = models.CharField(_("title"), max_length=300, help_text=_("The title as the source publishes it."))
    url = models.URLField(_("URL"), max_length=500, blank=True, validators=[http_url_validator])
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Publication date, if known."))
    language = models.CharField(
        _("language"), max_length=12, blank=True, help_text=_("Language code of the source, for example fr, ar or en.")
    )

    objects = SlugManager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [http_only_constraint("url", "source_url_http_only")]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)
