"""Uploaded portraits and posters: what is accepted, and how it is cleaned before it is stored.

An upload is refused with a form error (never a server error) when it is not an image
Pillow can read in an accepted format, is larger than ``IMAGE_MAX_UPLOAD_BYTES`` or has
more pixels than ``IMAGE_MAX_PIXELS`` (a small file can unpack into gigabytes: a
"decompression bomb"). Accepted images are re-encoded before they are stored, which
drops EXIF (camera, GPS position), XMP and text chunks, and turns the picture upright.
"""

import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models import ImageField
from django.db.models.signals import pre_save
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, features

from .image_checks import check_decoded_size, check_decodes, check_extension, check_no_trailing_data

# Pillow format name → file extension. AVIF only where this Pillow was built with it.
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
if features.check("avif"):
    FORMATS["AVIF"] = ".avif"

# Re-encoding options: visually lossless, and small enough for the web.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
    "AVIF": {"quality": 80},
}


def accepted_formats_label():
    return ", ".join(FORMATS)


@deconstructible
class ImageUploadValidator:
    """Format, weight and pixel count of a newly uploaded image; limits read from settings."""

    def __call__(self, value):
        if not value or getattr(value, "_committed", True):
            # Already stored (validated when it was uploaded): do not reopen it on every save.
            return
        max_bytes = settings.IMAGE_MAX_UPLOAD_BYTES
        if value.size is not None and value.size > max_bytes:
            raise ValidationError(
                _("This file is %(size)s; images may not be larger than %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(value.size), "limit": filesizeformat(max_bytes)},
            )
        image = open_image(value)
        try:
            if image.format not in FORMATS:
                raise ValidationError(
                    _("%(format)s images are not accepted. Use one of: %(formats)s."),
                    code="invalid_format",
                    params={"format": image.format or _("Unknown"), "formats": accepted_formats_label()},
                )
            check_pixels(image.width, image.height)
            check_decoded_size(image)
            check_extension(getattr(value, "name", ""), image.format)
            check_decodes(image)
            check_no_trailing_data(value, image.format)
        finally:
            image.close()

    def __eq__(self, other):
        return isinstance(other, ImageUploadValidator)


def check_pixels(width, height):
    limit = settings.IMAGE_MAX_PIXELS
    if width * height > limit:
        raise ValidationError(
            _("This image is %(width)s × %(height)s pixels; images may have at most %(limit)s million pixels."),
            code="too_many_pixels",
            params={"width": width, "height": height, "limit": f"{limit / 1_000_000:g}"},
        )


def open_image(file):
    """Open an upload with Pillow; any failure (including a decompression bomb) is a form error."""
    # Pillow closes the file it was given when the image is closed: give it a copy, so the
    # upload stays open for Django to store.
    file.seek(0)
    data = BytesIO(file.read())
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice its limit; here that is a refusal.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(data)
            image.size  # noqa: B018 - reading the header is enough to know the size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("This image has too many pixels to be processed safely."), code="too_many_pixels"
        ) from None
    except Exception:
        raise ValidationError(
            _("This file is not an image, or is damaged. Accepted formats: %(formats)s."),
            code="invalid_image",
            params={"formats": accepted_formats_label()},
        ) from None
    return image


def clean_image(file):
    """The image re-encoded in its own format with no metadata: (bytes, extension)."""
    image = open_image(file)
    check_pixels(image.width, image.height)
    check_decoded_size(image)
    with image:
        image_format = image.format
        if image_format not in FORMATS:
            raise ValidationError(_("%(format)s images are not accepted."), params={"format": image_format})
        try:
            image.load()
        except Exception:
            # Reached only by saves that skipped form validation (shell, scripts).
            raise ValidationError(_("This image is damaged or incomplete and cannot be read."), code="damaged_image") from None
        # Apply the EXIF orientation to the pixels, since the tag itself is about to go
        # (in place: one decoded copy fewer in memory).
        upright = ImageOps.exif_transpose(image, in_place=True) or image
        if image_format == "JPEG" and upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        icc_profile = image.info.get("icc_profile")
        # Copy the pixels only: a new image has no info dict, no EXIF, no XMP, no text chunks.
        clean = Image.new(upright.mode, upright.size)
        clean.paste(upright)
        if upright.mode == "P" and upright.getpalette():
            clean.putpalette(upright.getpalette())
        options = dict(SAVE_OPTIONS.get(image_format, {}))
        if upright.mode == "P" and "transparency" in upright.info:
            options["transparency"] = upright.info["transparency"]
        if icc_profile:
            # Colour profiles say how to show the colours; they carry nothing about the person.
            options["icc_profile"] = icc_profile
        output = BytesIO()
        clean.save(output, format=image_format, **options)
    return output.getvalue(), FORMATS[image_format]


def _strip_before_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if not isinstance(field, ImageField):
            continue
        value = getattr(instance, field.attname)
        if not value or getattr(value, "_committed", True):
            continue
        data, extension = clean_image(value.file)
        # The storage name comes from the field's upload_to (random); only the extension is kept.
        setattr(instance, field.attname, ContentFile(data, name=f"image{extension}"))


def connect_signals():
    from django.apps import apps

    for model in apps.get_models():
        if any(isinstance(f, ImageField) for f in model._meta.concrete_fields):
            pre_save.connect(_strip_before_save, sender=model, dispatch_uid=f"strip-image-{model._meta.label_lower}")
    # Renditions made on save, replaced and deleted files removed from storage.
    from . import image_files

    image_files.connect_signals()


def renditions(obj, field_name):
    """The WebP renditions of an image field narrower than the original: [(width, url)].

    Renditions are ImageSpecFields named ``<field>_<width>`` on the model; django-imagekit
    makes them when the image is saved (see image_files): one not in storage is left out
    rather than made while a visitor waits.
    """
    image = getattr(obj, field_name)
    found = []
    for name in dir(type(obj)):
        prefix, _sep, width = name.rpartition("_")
        if prefix != field_name or not width.isdigit():
            continue
        width = int(width)
        if width >= image.width:
            continue
        try:
            rendition = getattr(obj, name)
            if not rendition.storage.exists(rendition.name):
                continue
            found.append((width, rendition.url))
        except (OSError, ValueError):
            # A rendition that cannot be made is left out; the original still shows.
            continue
    return sorted(found)
