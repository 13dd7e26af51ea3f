"""Drawing a title card with Pillow: the site's fonts, colours and layout, Arabic shaped by
libraqm and laid out right to left. core.title_cards decides when and where cards are stored."""

import hashlib
from io import BytesIO
from pathlib import Path

from django.utils.translation import get_language_info
from PIL import Image, ImageDraw, ImageFont, PngImagePlugin, features

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
FONT_REGULAR = FONTS / "NotoSansCard-Regular.ttf"
FONT_BOLD = FONTS / "NotoSansCard-Bold.ttf"

# The site's colours (static/css/site.css).
PAPER = "#fdfcf9"
PANEL = "#f3efe7"
INK = "#1c1b1a"
MUTED = "#555049"
ACCENT = "#8a2d12"
LINE = "#d8d1c4"

MARGIN = 96
BAR = 28
TITLE_SIZES = (88, 76, 66, 58, 50)
MAX_TITLE_LINES = 3
FINGERPRINT_KEY = "filmmaker-card"


class TitleCardError(RuntimeError):
    """A card cannot be drawn on this machine (a missing library or font)."""


def shaping_available():
    """Arabic needs libraqm (with FriBiDi and HarfBuzz) to join and order its letters."""
    return features.check("raqm")


def _layout(code):
    if shaping_available():
        return ImageFont.Layout.RAQM
    if get_language_info(code)["bidi"]:
        raise TitleCardError(
            "Arabic title cards need Pillow with libraqm; on Debian install libfribidi0 "
            "(and libraqm0 when Pillow was not built with its own copy)."
        )
    return ImageFont.Layout.BASIC


def font(size, bold=False, code="fr"):
    path = FONT_BOLD if bold else FONT_REGULAR
    if not path.is_file():
        raise TitleCardError(f"The title-card font {path} is missing (see core/fonts/build_card_fonts.py).")
    return ImageFont.truetype(str(path), size, layout_engine=_layout(code))


def fingerprint(lines, code):
    """What a card was drawn from; kept in the PNG, so an unchanged card is not drawn again."""
    data = "\x1f".join([code, *lines, str(WIDTH), str(HEIGHT), "v1"]).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:24]


def _shaping(direction, code):
    """Direction and language for the shaping engine; the basic layout takes neither."""
    return {"direction": direction, "language": code} if shaping_available() else {}


def _direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def _wrap(text, face, width, direction, code):
    """Greedy wrapping by words, measured with the shaping engine."""
    words = text.split()
    lines, current = [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and face.getlength(candidate, **_shaping(direction, code)) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


TOP, BOTTOM = 56, HEIGHT - 118 - 40  # the area above the footer band
KICKER_SIZE, SUBTITLE_SIZE, SITE_SIZE = 36, 40, 34


def _leading(size, rtl):
    # Arabic needs more room between lines (as on the site: line-height 1.9 against 1.6).
    return int(size * (1.45 if rtl else 1.18))


def _block_height(size, line_count, kicker, subtitle, rtl):
    height = line_count * _leading(size, rtl)
    if kicker:
        height += KICKER_SIZE + 28
    if subtitle:
        height += SUBTITLE_SIZE + 28
    return height


def _fit_title(title, width, direction, code, kicker, subtitle):
    """The largest title size whose lines (at most three) fit the card with the other lines."""
    rtl = direction == "rtl"
    for size in TITLE_SIZES:
        face = font(size, bold=True, code=code)
        lines = _wrap(title, face, width, direction, code)
        fits_width = all(face.getlength(line, **_shaping(direction, code)) <= width for line in lines)
        if fits_width and len(lines) <= MAX_TITLE_LINES and _block_height(size, len(lines), kicker, subtitle, rtl) <= BOTTOM - TOP:
            return face, size, lines
    size = TITLE_SIZES[-1]
    face = font(size, bold=True, code=code)
    lines = _wrap(title, face, width, direction, code)
    if len(lines) > MAX_TITLE_LINES:
        lines = lines[:MAX_TITLE_LINES]
        lines[-1] = lines[-1] + " …"
    return face, size, lines


def render(kicker, title, subtitle, code, site_name=""):
    """The card as PNG bytes."""
    direction = _direction(code)
    rtl = direction == "rtl"
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    # A band of the site's accent colour on the side where reading starts.
    band_x = WIDTH - BAR if rtl else 0
    draw.rectangle([0, HEIGHT - 118, WIDTH, HEIGHT], fill=PANEL)
    draw.line([0, HEIGHT - 118, WIDTH, HEIGHT - 118], fill=LINE, width=2)
    draw.rectangle([band_x, 0, band_x + BAR - 1, HEIGHT], fill=ACCENT)

    start = WIDTH - MARGIN if rtl else MARGIN
    anchor = "rs" if rtl else "ls"  # on the baseline, aligned where reading starts
    text_width = WIDTH - 2 * MARGIN
    options = {**_shaping(direction, code), "anchor": anchor}

    title_face, size, lines = _fit_title(title, text_width, direction, code, kicker, subtitle)
    leading = _leading(size, rtl)
    # Centre the block of lines in the area above the footer band.
    y = TOP + (BOTTOM - TOP - _block_height(size, len(lines), kicker, subtitle, rtl)) // 2
    if kicker:
        y += KICKER_SIZE
        draw.text((start, y), kicker, font=font(KICKER_SIZE, code=code), fill=ACCENT, **options)
        y += 28
    for line in lines:
        y += leading
        # The baseline sits about a fifth of the line above its bottom.
        draw.text((start, y - int(leading * 0.22)), line, font=title_face, fill=INK, **options)
    if subtitle:
        y += 28 + SUBTITLE_SIZE
        draw.text((start, y), subtitle, font=font(SUBTITLE_SIZE, code=code), fill=MUTED, **options)
    if site_name:
        draw.text((start, HEIGHT - 46), site_name, font=font(SITE_SIZE, bold=True, code=code), fill=INK, **options)

    info = PngImagePlugin.PngInfo()
    info.add_text(FINGERPRINT_KEY, fingerprint((kicker, title, subtitle, site_name), code))
    output = BytesIO()
    # compress_level 6 without optimize: a third of the time for a file 5% larger.
    image.save(output, format="PNG", compress_level=6, pnginfo=info)
    return output.getvalue()


