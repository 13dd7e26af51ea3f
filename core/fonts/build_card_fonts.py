"""Rebuild the title-card fonts in this folder (not run by the site; needs fontTools).

    python -m pip install fonttools==4.68.0
    python core/fonts/build_card_fonts.py /usr/share/fonts/truetype/noto

Pillow draws one font per line, so each card font is Noto Sans and Noto Sans Arabic
(Debian's fonts-noto-core) merged into one file, cut down to the Latin, Latin Extended,
Arabic and punctuation ranges the site's languages use. Both are under the SIL Open
Font License (OFL.txt); the merged files keep the original copyright notices.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger

HERE = Path(__file__).resolve().parent
LATIN = "U+0000-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20AC,U+2122,U+2212,U+00A0-00FF"
ARABIC = "U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+0020-0040,U+00A0,U+00AB,U+00B7,U+00BB"


def cut(source, unicodes, target):
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    font.save(str(target))


def main(folder):
    folder = Path(folder)
    for weight in ("Regular", "Bold"):
        latin, arabic = HERE / f".latin-{weight}.ttf", HERE / f".arabic-{weight}.ttf"
        cut(folder / f"NotoSans-{weight}.ttf", LATIN, latin)
        cut(folder / f"NotoSansArabic-{weight}.ttf", ARABIC, arabic)
        merged = Merger().merge([str(latin), str(arabic)])
        merged.save(str(HERE / f"NotoSansCard-{weight}.ttf"))
        latin.unlink()
        arabic.unlink()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto")
