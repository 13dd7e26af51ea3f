"""What an uploaded image must pass beyond its header: a bounded decoded size, a name that
matches its content, every frame decodable, nothing hidden after the image's end."""

import warnings
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Bytes Pillow keeps in memory per pixel of each mode (three-band RGB is stored in four bytes).
MODE_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16L": 2, "I;16B": 2, "I;16N": 2}
# The extensions a file of each accepted format may have: a PNG named .jpg is refused, since a
# name that lies about its content is how polyglots and mislabelled files get through.
EXTENSIONS = {"JPEG": {".jpg", ".jpeg", ".jpe", ".jfif"}, "PNG": {".png"}, "WEBP": {".webp"}, "AVIF": {".avif"}}


def decoded_bytes(image):
    """Memory one decoded copy of the image takes: width × height × bytes per pixel × frames."""
    frames = getattr(image, "n_frames", 1) or 1
    return image.width * image.height * MODE_BYTES.get(image.mode, 4) * frames


def check_decoded_size(image):
    """Refuse images whose decoded pixels would cost more memory than the limit allows.

    Cleaning holds about three decoded copies at once (the decoded image, its upright copy,
    the metadata-free copy), so IMAGE_MAX_DECODED_BYTES (64 MB) keeps an upload under about
    200 MB of worker memory, whatever its file size. Frames count: an animation of many
    small frames decodes to as much as one huge picture.
    """
    frames = getattr(image, "n_frames", 1) or 1
    if frames > settings.IMAGE_MAX_FRAMES:
        raise ValidationError(
            _("This image has %(frames)s frames; images may have at most %(limit)s."),
            code="too_many_frames",
            params={"frames": frames, "limit": settings.IMAGE_MAX_FRAMES},
        )
    if decoded_bytes(image) > settings.IMAGE_MAX_DECODED_BYTES:
        raise ValidationError(
            _("This image is too large to be processed safely (%(width)s × %(height)s pixels, %(frames)s frame(s)). Use a smaller image."),
            code="too_large_decoded",
            params={"width": image.width, "height": image.height, "frames": frames},
        )


def check_extension(name, image_format):
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in EXTENSIONS.get(image_format, ()):
        raise ValidationError(
            _("This file is named “%(name)s” but contains a %(format)s image: give it the right extension (%(extensions)s)."),
            code="extension_mismatch",
            params={
                "name": PurePath(name or "").name,
                "format": image_format,
                "extensions": ", ".join(sorted(EXTENSIONS.get(image_format, ()))),
            },
        )


def check_decodes(image):
    """Decode every frame: a truncated or corrupt file is refused here, not when it is saved."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            for index in range(getattr(image, "n_frames", 1) or 1):
                image.seek(index)
                image.load()
            image.seek(0)
    except Exception:
        raise ValidationError(
            _("This image is damaged or incomplete and cannot be read. Export it again and upload the new file."),
            code="damaged_image",
        ) from None


def image_end(data, image_format):
    """Where the image's own data ends in ``data``; None when the container cannot say."""
    if image_format == "PNG":
        at = data.rfind(b"IEND")
        return at + 8 if at >= 0 else None
    if image_format == "JPEG":
        return jpeg_end(data)
    if image_format == "WEBP" and data[:4] == b"RIFF":
        size = int.from_bytes(data[4:8], "little")
        return 8 + size + (size & 1)
    if image_format == "AVIF":
        # ISO base media file: a sequence of boxes, each starting with its size.
        offset = 0
        while offset + 8 <= len(data):
            size = int.from_bytes(data[offset : offset + 4], "big")
            if size == 1:
                size = int.from_bytes(data[offset + 8 : offset + 16], "big")
            elif size == 0:
                return len(data)
            if size < 8 or offset + size > len(data):
                # Not a box: whatever starts here is not part of the image.
                return offset
            offset += size
        return offset
    return None


def jpeg_end(data):
    """The offset just past a JPEG's end marker, walking its segments and scans (not a search,
    which a second JPEG appended to the first would fool)."""
    offset = 2  # after SOI
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return None
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker == 0xD9:  # EOI
            return offset + 2
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            offset += 2
            continue
        length = int.from_bytes(data[offset + 2 : offset + 4], "big")
        offset += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next real marker
            while offset + 1 < len(data):
                if data[offset] == 0xFF and data[offset + 1] not in (0x00, *range(0xD0, 0xD8)):
                    break
                offset += 1
    return None


def check_no_trailing_data(file, image_format):
    """Refuse bytes after the end of the image: a JPEG followed by a ZIP or HTML is a polyglot."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    end = image_end(data, image_format)
    # Some encoders pad with zeros or a newline; anything else after the image is refused.
    if end is not None and data[end:].strip(b"\x00\r\n "):
        raise ValidationError(
            _("This file has other data after the image (%(size)s). Upload the image alone."),
            code="trailing_data",
            params={"size": filesizeformat(len(data) - end)},
        )
