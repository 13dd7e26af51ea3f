"""Hostile and valid image files, generated rather than committed.

Bombs are written by hand (a header that claims a huge picture, or many frames), so the
tests never hold such a picture in memory: the upload checks must refuse them from the
header alone.
"""

import io
import struct
import zlib

from PIL import Image, features

HOSTILE_LIMIT_BYTES = 9 * 1024 * 1024


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header(width, height, bit_depth=8, colour_type=2, extra=b"", rows=1):
    """A PNG claiming width × height pixels, with a few real rows of pixel data."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    row = b"\0" + b"\0" * max(1, width * channels * bit_depth // 8)
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + extra
        + png_chunk(b"IDAT", zlib.compress(row * rows, 9))
        + png_chunk(b"IEND", b"")
    )


def apng_claiming_frames(frames, width=200, height=200):
    """An animated PNG whose acTL chunk announces ``frames`` frames."""
    actl = png_chunk(b"acTL", struct.pack(">II", frames, 0))
    fctl = png_chunk(b"fcTL", struct.pack(">IIIIIHHBB", 0, width, height, 0, 0, 1, 10, 0, 0))
    return png_header(width, height, extra=actl + fctl, rows=height)


def jpeg_claiming(width, height):
    """A JPEG whose frame header (SOF0) claims width × height, with no real scan data."""
    small = encode(Image.new("RGB", (16, 16), (200, 30, 30)), "JPEG")
    at = small.index(b"\xff\xc0")
    sof = bytearray(small[at : at + 19])
    sof[5:7] = struct.pack(">H", height)
    sof[7:9] = struct.pack(">H", width)
    return small[:at] + bytes(sof) + small[at + 19 :]


def webp_claiming(width, height):
    """An extended WebP (VP8X) whose canvas is width × height."""
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    inner = encode(Image.new("RGB", (8, 8)), "WEBP")[12:]
    body = b"WEBP" + vp8x + inner
    return b"RIFF" + struct.pack("<I", len(body)) + body


def encode(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def photo(size=(64, 48), mode="RGB"):
    """A picture with detail (a gradient), so truncating it cuts real image data."""
    image = Image.linear_gradient("L").resize(size)
    return image.convert(mode) if mode != "L" else image


def animated(fmt, frames, size=(16, 16)):
    images = [Image.new("RGB", size, (n * 7 % 256, n * 13 % 256, n * 29 % 256)) for n in range(frames)]
    return encode(images[0], fmt, save_all=True, append_images=images[1:], duration=40)


def hostile_files():
    """(label, file name, bytes): every one must be refused with a form error."""
    jpeg = encode(photo((320, 240)), "JPEG", quality=90)
    progressive = encode(photo((320, 240)), "JPEG", progressive=True)
    png = encode(photo((200, 150)), "PNG")
    webp = encode(photo((200, 150)), "WEBP")
    zip_bytes = b"PK\x03\x04" + b"\x14\x00" * 10 + b"evil.php<?php system($_GET['c']); ?>" + b"PK\x05\x06" + b"\0" * 18
    html = b"<html><body><script>alert(document.cookie)</script></body></html>"
    svg_script = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    svg_xxe = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>'
    svg_laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>'
    bad_crc = bytearray(png)
    bad_crc[33 + 20] ^= 0xFF  # inside the first IDAT chunk: its CRC no longer matches
    text_bomb = png_header(10, 10, extra=png_chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"A" * 20_000_000, 9)), rows=10)
    files = [
        # Bombs by pixels: tiny files, gigantic pictures.
        ("PNG 30000 × 30000 (900 Mpx)", "bomb.png", png_header(30000, 30000, bit_depth=1, colour_type=0)),
        ("PNG 6320 × 6320 RGB, under the pixel limit", "wide.png", png_header(6320, 6320)),
        ("16-bit PNG 5000 × 5000 RGBA", "deep.png", png_header(5000, 5000, bit_depth=16, colour_type=6)),
        ("PNG one row of 40 million pixels", "row.png", png_header(40_000_000, 1)),
        ("JPEG claiming 65000 × 65000", "bomb.jpg", jpeg_claiming(65000, 65000)),
        ("JPEG claiming 7000 × 7000", "big.jpg", jpeg_claiming(7000, 7000)),
        ("WebP claiming 16384 × 16384", "bomb.webp", webp_claiming(16384, 16384)),
        ("PNG with a 20 MB compressed text chunk", "text.png", text_bomb),
        # Bombs by frames.
        ("APNG announcing 100000 frames", "frames.png", apng_claiming_frames(100_000)),
        ("APNG announcing 2000 frames of 200 × 200", "frames2.png", apng_claiming_frames(2000)),
        ("animated WebP of 150 frames", "frames.webp", animated("WEBP", 150)),
        ("animated PNG of 150 frames", "many.png", animated("PNG", 150)),
        # Truncated and damaged.
        ("JPEG cut at half", "half.jpg", jpeg[: len(jpeg) // 2]),
        ("JPEG cut before its end marker", "cut.jpg", jpeg[:-200]),
        ("progressive JPEG cut at half", "prog.jpg", progressive[: len(progressive) // 2]),
        ("JPEG header only", "header.jpg", jpeg[:600]),
        ("PNG cut at half", "half.png", png[: len(png) // 2]),
        ("PNG without its end", "noend.png", png[:-12]),
        ("PNG with a wrong checksum", "crc.png", bytes(bad_crc)),
        ("WebP cut at half", "half.webp", webp[: len(webp) // 2]),
        ("PNG with zero width", "zero.png", png_header(0, 10)),
        ("empty file", "empty.jpg", b""),
        ("one byte", "byte.jpg", b"\xff"),
        ("JPEG signature only", "sig.jpg", b"\xff\xd8\xff\xe0"),
        ("PNG signature only", "sig.png", b"\x89PNG\r\n\x1a\n"),
        # Polyglots: an image with something else before or after it.
        ("JPEG followed by a ZIP", "poly.jpg", jpeg + zip_bytes),
        ("JPEG followed by HTML", "poly2.jpg", jpeg + html),
        ("PNG followed by a script", "poly.png", png + html),
        ("WebP followed by a ZIP", "poly.webp", webp + zip_bytes),
        ("two JPEGs in one file", "twice.jpg", jpeg + b"junk" + jpeg),
        ("HTML then a JPEG", "html.jpg", html + jpeg),
        ("PDF header then a JPEG", "pdf.jpg", b"%PDF-1.4\n" + jpeg),
        ("ZIP then a PNG", "zip.png", zip_bytes + png),
        # Names that lie about the content.
        ("PNG named .jpg", "poster.jpg", png),
        ("JPEG named .png", "poster.png", jpeg),
        ("JPEG named .php", "shell.php", jpeg),
        ("JPEG named .jpg.html", "poster.jpg.html", jpeg),
        ("JPEG named .svg", "poster.svg", jpeg),
        ("JPEG with no extension", "poster", jpeg),
        # Not images at all, or formats not accepted.
        ("SVG with a script", "poster.svg", svg_script),
        ("SVG with a script named .png", "poster.png", svg_script),
        ("SVG with an external entity", "xxe.svg", svg_xxe),
        ("SVG with nested entities", "laughs.svg", svg_laughs),
        ("HTML named .jpg", "page.jpg", html),
        ("PHP named .jpg", "shell.jpg", b"<?php system($_GET['c']); ?>"),
        ("GIF", "poster.gif", encode(Image.new("P", (10, 10)), "GIF")),
        ("GIF followed by a ZIP (GIFAR)", "gifar.gif", encode(Image.new("P", (10, 10)), "GIF") + zip_bytes),
        ("BMP", "poster.bmp", encode(photo(), "BMP")),
        ("TIFF", "poster.tif", encode(photo(), "TIFF")),
        ("ICO", "favicon.ico", encode(photo((32, 32)), "ICO")),
        ("multi-picture JPEG (MPO)", "stereo.jpg", encode(photo(), "MPO", save_all=True, append_images=[photo()])),
        ("PostScript", "poster.eps", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"),
        ("PPM", "poster.ppm", encode(photo(), "PPM")),
        ("over the size limit", "huge.jpg", jpeg + b"\0" * HOSTILE_LIMIT_BYTES),
    ]
    if features.check("avif"):
        avif = encode(photo((200, 150)), "AVIF")
        files += [
            ("AVIF cut at half", "half.avif", avif[: len(avif) // 2]),
            ("AVIF followed by a ZIP", "poly.avif", avif + zip_bytes),
        ]
    return files


def valid_files():
    """(label, file name, bytes, expected stored size): every one must be accepted."""
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    sideways = encode(photo((120, 80)), "JPEG", exif=exif.tobytes())
    files = [
        ("RGB JPEG", "photo.jpg", encode(photo((120, 80)), "JPEG"), (120, 80)),
        ("CMYK JPEG", "print.jpeg", encode(photo((120, 80), "CMYK"), "JPEG"), (120, 80)),
        ("greyscale JPEG", "grey.jpg", encode(photo((120, 80), "L"), "JPEG"), (120, 80)),
        ("EXIF-rotated JPEG", "IMG_0001.JPG", sideways, (80, 120)),
        ("16-bit PNG", "scan.png", encode(Image.new("I;16", (120, 80), 40000), "PNG"), (120, 80)),
        ("palette PNG with transparency", "logo.png", encode(photo((120, 80), "P"), "PNG", transparency=0), (120, 80)),
        ("RGBA PNG", "alpha.png", encode(photo((120, 80), "RGBA"), "PNG"), (120, 80)),
        ("WebP", "photo.webp", encode(photo((120, 80)), "WEBP"), (120, 80)),
        ("animated WebP", "loop.webp", animated("WEBP", 12, (120, 80)), (120, 80)),
        ("animated PNG", "loop.png", animated("PNG", 8, (120, 80)), (120, 80)),
    ]
    if features.check("avif"):
        files.append(("AVIF", "photo.avif", encode(photo((120, 80)), "AVIF"), (120, 80)))
    return files
