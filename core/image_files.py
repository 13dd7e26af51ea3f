"""The life of stored images: renditions made when an image is saved, files removed when replaced.

django-imagekit's renditions (the ImageSpecFields beside a model's ImageField) are made by
its Optimistic strategy when a model is saved with a new image, so no visitor waits for
them. Raw saves (fixtures, restores) bring their files along; `generate_renditions` makes
any that are missing, and `manage.py generateimages` does it for the whole site.

When an image is replaced or its object deleted, the old file and its renditions are
removed from storage once the transaction commits (a rolled-back save keeps them).
"""

import logging
import posixpath

from django.conf import settings
from django.db import transaction
from django.db.models import ImageField
from django.db.models.signals import post_delete, post_save, pre_save
from imagekit.cachefiles.strategies import Optimistic
from imagekit.models.fields.utils import ImageSpecFileDescriptor

logger = logging.getLogger(__name__)


class RenditionsOnSave(Optimistic):
    """imagekit's Optimistic strategy (make renditions when the source is saved, never on a
    visitor's request), except that a source that cannot be read does not fail the save:
    the page then shows the original alone, and the error is logged."""

    def on_source_saved(self, file):
        try:
            file.generate()
        except (OSError, ValueError, SyntaxError) as error:
            logger.warning("Could not make the rendition %s: %s", file.name, error)


def image_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, ImageField)]


def rendition_names(model, field_name):
    """Names of the ImageSpecFields made from ``field_name`` (``portrait`` → ``portrait_320``…)."""
    names = set()
    for klass in model.__mro__:
        for name, attribute in vars(klass).items():
            if isinstance(attribute, ImageSpecFileDescriptor) and attribute.source_field_name == field_name:
                names.add(name)
    return sorted(names)


def generate_renditions(obj):
    """Make the renditions of ``obj``'s images that are not in storage yet. Returns how many."""
    made = 0
    for field in image_fields(type(obj)):
        if not getattr(obj, field.attname):
            continue
        for name in rendition_names(type(obj), field.name):
            rendition = getattr(obj, name)
            if not rendition.storage.exists(rendition.name):
                rendition.generate(force=True)
                made += 1
    return made


def remove_stored_image(storage, name):
    """Delete an original and the folder of its renditions (imagekit names them after it)."""
    if not name:
        return
    if storage.exists(name):
        storage.delete(name)
    folder = posixpath.join(settings.IMAGEKIT_CACHEFILE_DIR, posixpath.splitext(name)[0])
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for file in files:
        storage.delete(posixpath.join(folder, file))


def _remember_stored_names(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    fields = image_fields(sender)
    stored = sender._base_manager.filter(pk=instance.pk).values(*[f.attname for f in fields]).first()
    instance._stored_image_names = stored or {}


def _remove_replaced(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_stored_image_names", None) or {}
    instance._stored_image_names = None
    for field in image_fields(sender):
        old = before.get(field.attname)
        new = getattr(instance, field.attname).name if getattr(instance, field.attname) else ""
        if old and old != new:
            storage = field.storage
            transaction.on_commit(lambda storage=storage, old=old: remove_stored_image(storage, old))


def _remove_deleted(sender, instance, **kwargs):
    for field in image_fields(sender):
        value = getattr(instance, field.attname)
        if value:
            storage, name = field.storage, value.name
            transaction.on_commit(lambda storage=storage, name=name: remove_stored_image(storage, name))


def connect_signals():
    from django.apps import apps

    for model in apps.get_models():
        if image_fields(model):
            uid = f"image-files-{model._meta.label_lower}"
            pre_save.connect(_remember_stored_names, sender=model, dispatch_uid=f"{uid}-pre")
            post_save.connect(_remove_replaced, sender=model, dispatch_uid=f"{uid}-post")
            post_delete.connect(_remove_deleted, sender=model, dispatch_uid=f"{uid}-delete")
