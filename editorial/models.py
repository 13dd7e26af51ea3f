from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationState(models.Model):
    """What each language of an object's translated fields said when they were last in step.

    A hash per field and language is kept from the moment the languages were known to agree
    (the object was created, every language was updated together, or an editor confirmed
    them). When one language's text later differs from its hash while another's does not,
    the other one is possibly outdated: it was written for a text that has since changed.
    Timestamps alone cannot tell this, since saving an object touches every column.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    baseline = models.JSONField(
        _("confirmed texts"),
        default=dict,
        help_text=_("For each field and language, a hash of the text when the languages were last in step."),
    )
    outdated = models.JSONField(
        _("possibly outdated"),
        default=dict,
        help_text=_("For each field, the languages whose text predates a change in another language."),
    )
    # Denormalised from ``outdated`` so the admin can filter without decoding JSON: ",ar,en,".
    outdated_languages = models.CharField(
        _("possibly outdated languages"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Language codes with at least one possibly outdated field."),
    )
    confirmed_at = models.DateTimeField(
        _("confirmed"), null=True, blank=True, help_text=_("When the languages were last in step.")
    )
    updated_at = models.DateTimeField(_("last checked"), auto_now=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation status")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_translation_state"),
        ]

    def __str__(self):
        return f"{self.content_type} #{self.object_id}"
