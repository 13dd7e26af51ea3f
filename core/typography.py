"""French typography for text shown to readers: apostrophes, guillemets and the spaces before
double punctuation, as the Imprimerie nationale and the CLDR French locale write them.

- ’ (U+2019) for the apostrophe;
- « and » with a no-break space (U+00A0) inside;
- a narrow no-break space (U+202F) before ; ? ! and a no-break space (U+00A0) before :.

Editors and translators type plain ' and spaces; the site applies the rules when it shows
French text, once, so the catalogues and the content stay easy to type and to search. The rules
only touch punctuation used as punctuation: a colon inside 19:35 or https://, an apostrophe
after a digit (5'30) and addresses are left as they are. English and Arabic text never reaches
these functions.
"""

import re
from html import escape, unescape

NBSP = "\u00a0"
NNBSP = "\u202f"

# Addresses are copied untouched: split them out before applying the rules.
_PROTECTED = re.compile(r"(?:\b(?:https?|ftp|mailto):[^\s<>«»]+|\bwww\.[^\s<>«»]+|[\w.+-]+@[\w-]+\.[\w.-]+)")
# Each address holds one of these; text without any has none (and skips the search, which
# tries every character).
_ADDRESS_MARKS = ("@", "www.", "http", "ftp:", "mailto:")

# The rules, in order. Each is applied only to text holding its punctuation, and each is
# written to be found from that punctuation (rare in text) rather than tried at every
# character: the page's text passes through them on every request.
_SPACE_CHARS = " \t\u00a0\u202f"
_SPACES = f"[{_SPACE_CHARS}]"
# The apostrophe after a letter: l'œuvre, aujourd'hui, d'Afrique.
_APOSTROPHE = re.compile(r"'(?<=[^\W\d_]')")
# Straight or English double quotes become guillemets.
_QUOTES = re.compile(r'"([^"\n]*)"')
_ENGLISH_QUOTES = re.compile(r"\u201c([^\u201d\n]*)\u201d")
# Guillemets hold their text between no-break spaces.
_OPENING = re.compile(f"«{_SPACES}*")
_CLOSING = re.compile("»")
# A colon used as punctuation (followed by a space or the end, after a word, a closing
# guillemet or bracket): a no-break space before it. 19:35 and http:// are not followed by a space.
_COLON = re.compile(r":(?=\s|$)")
# ; ! ? get a narrow no-break space; "?!" stays together.
_MARK = re.compile(r"[;!?](?=[\s»)\].,;:!?]|$)")
_AFTER_WORD = re.compile(r"[\w»)\]…%]")


def _space_before(text, marks, space, after_word):
    r"""Each mark found by ``marks`` with ``space`` instead of the spaces (if any) before it;
    with ``after_word``, only where a word, a closing guillemet or bracket precedes them.
    The same as ``re.sub(r"(?<=[\w»)\]…%])[ \t\u00a0\u202f]*(mark)", space + mark)``."""
    out = []
    last = 0
    for match in marks.finditer(text):
        start = match.start()
        while start > last and text[start - 1] in _SPACE_CHARS:
            start -= 1
        if after_word and not (start > 0 and _AFTER_WORD.match(text, start - 1)):
            continue
        out += (text[last:start], space, match.group())
        last = match.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _apply(text):
    if "'" in text:
        text = _APOSTROPHE.sub("\u2019", text)
    if '"' in text:
        text = _QUOTES.sub("«\\1»", text)
    if "\u201c" in text:
        text = _ENGLISH_QUOTES.sub("«\\1»", text)
    if "«" in text:
        text = _OPENING.sub(f"«{NBSP}", text)
    if "»" in text:
        text = _space_before(text, _CLOSING, NBSP, after_word=False)
    if ":" in text:
        text = _space_before(text, _COLON, NBSP, after_word=True)
    if ";" in text or "!" in text or "?" in text:
        text = _space_before(text, _MARK, NNBSP, after_word=True)
    return text


_CONTEXT = re.compile(r"^[\w)\]…%]$")
# Every rule needs one of these characters in the text itself (the character of context
# added in front is a letter, a digit or a closing bracket, none of them): text without any
# comes out unchanged, so it skips the rules. Most text on a page has none.
_TOUCHED = re.compile("['\"\u201c«»:;!?]")


def french(text, before=""):
    """The text with French typography. ``before`` is the character shown just before it
    (the end of the previous text on the page), so a colon at the start of a piece knows
    whether it follows a word. Applying it twice changes nothing."""
    if not text or not _TOUCHED.search(text):
        return text
    if any(mark in text for mark in _ADDRESS_MARKS):
        pieces = _PROTECTED.split(text)
        addresses = _PROTECTED.findall(text)
    else:
        pieces, addresses = [text], []
    out = []
    for index, piece in enumerate(pieces):
        # Keep the character before each piece as context, then drop it again.
        context = before if index == 0 else addresses[index - 1][-1:]
        # Only a character the rules look back at (a letter, a digit, a closing bracket) serves.
        context = context if _CONTEXT.match(context) else ""
        typeset = _apply(context + piece) if piece else piece
        if context:
            typeset = typeset[len(context):] if typeset.startswith(context) else _apply(piece)
        out.append(typeset)
        if index < len(addresses):
            out.append(addresses[index])
    return "".join(out)


def for_language(text, code):
    """French typography when ``code`` is French, the text unchanged otherwise."""
    if code and str(code).split("-")[0].lower() == "fr":
        return french(text)
    return text


# --- HTML ------------------------------------------------------------------------------

# Elements whose text is copied verbatim: code, scripts, and what a reader types.
_VERBATIM = {"script", "style", "pre", "code", "kbd", "samp", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes whose value is text for readers (tooltips, image descriptions, labels, meta text).
_TEXT_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label")
_META_TEXT = re.compile(r"""\s(?:name|property)="(?:description|og:title|og:description|og:image:alt)\"""")
# A comment, a declaration, a processing instruction, or a tag: (closing slash, element name).
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([a-zA-Z][\w:-]*)[^>]*>", re.S)
_LANG = re.compile(r"""\slang="([^"]*)\"""")
_ATTRIBUTE = re.compile(r"""(\s(?:%s|content)=")([^"]*)(")""" % "|".join(_TEXT_ATTRIBUTES))
# Where the raw text of a script or a style ends (ASCII case-insensitive, as HTML reads it).
_RAW_TEXT_END = {name: re.compile(f"</{name}", re.I | re.A) for name in ("script", "style")}
# The only way into French inside a document that is not French as a whole.
_FRENCH_LANG = re.compile(r"""lang="(?<=\slang=")[fF][rR][-"]""")
# Text in markup that the rules may change: a character they act on, or an entity that may
# stand for one. Text without any is copied as it is, without decoding it.
_TEXT_TOUCHED = re.compile("[&'\"\u201c«»:;!?]")


def _is_french(code):
    return bool(code) and code.split("-")[0].lower() == "fr"


def _typeset_tag(tag):
    """Typeset the readers' text in a start tag's attributes (not addresses, not values)."""
    meta_text = tag.startswith("<meta") and _META_TEXT.search(tag)

    def attribute(match):
        name = match.group(1).strip().split("=")[0]
        if name == "content" and not meta_text:
            return match.group(0)
        value = unescape(match.group(2))
        typeset = french(value)
        if typeset == value:
            return match.group(0)
        return f"{match.group(1)}{escape(typeset, quote=True)}{match.group(3)}"

    return _ATTRIBUTE.sub(attribute, tag)


def french_html(html, lang=None):
    """The HTML with French typography in the text of every French element.

    ``lang`` is the language around the fragment; ``lang`` attributes inside it (a whole
    ``<html lang="fr">`` document, or an English title quoted on a French page) decide for
    their own content. Markup, addresses and code are copied as they are.
    """
    # Every page passes through here, so the walk only notes what changes and copies the
    # rest of the page in slices: out holds html[:copied] with the changes made.
    out = []
    copied = 0
    position = 0
    before = ""
    # (tag, language, verbatim, typeset): typeset is true for French text that is not verbatim.
    top = ("", lang or "", False, _is_french(lang or ""))
    stack = [top]
    # In a document that is not French as a whole, past the last element marked French and
    # once every such element is closed, nothing is French: the rest is copied as it is.
    last_mark = len(html) if top[3] else max((mark.end() for mark in _FRENCH_LANG.finditer(html)), default=-1)
    if last_mark == -1:
        return html
    # The depth of the outermost open French element (None when there is none): closing it
    # closes every French element inside it too.
    french_depth = 0 if top[3] else None
    search, touched, attributes = _TOKEN.search, _TEXT_TOUCHED.search, _ATTRIBUTE.search
    while (match := search(html, position)) is not None:
        start, end = match.span()
        if start > position:
            text = html[position:start]
            if top[3] and touched(text):
                typeset = _text(text, before)
                if typeset is not None:
                    out += (html[copied:position], typeset)
                    copied = start
            stripped = (unescape(text) if "&" in text else text).rstrip()
            if stripped:
                before = stripped[-1]
        position = end
        closing, name = match.groups()
        if name is None:  # a comment, a declaration or a processing instruction
            continue
        name = name.lower()
        if closing:  # a closing tag closes the innermost open element of its name
            for index in range(len(stack) - 1, 0, -1):
                if stack[index][0] == name:
                    del stack[index:]
                    top = stack[-1]
                    if french_depth is not None and index <= french_depth:
                        french_depth = None
                    break
            if french_depth is None and position > last_mark:
                break
            continue
        token = match.group()
        verbatim = top[2] or name in _VERBATIM
        found = _LANG.search(token) if 'lang="' in token else None
        if found:
            code = found.group(1)
            typeset = not verbatim and _is_french(code)
        else:
            code = top[1]
            typeset = not verbatim and top[3]
        if typeset and attributes(token):
            tag = _typeset_tag(token)
            if tag != token:
                out += (html[copied:start], tag)
                copied = position
        if name in _RAW_TEXT_END:
            # Raw text up to the closing tag, whatever it contains.
            found = _RAW_TEXT_END[name].search(html, position)
            position = found.start() if found else len(html)
            continue
        if name not in _VOID and token[-2] != "/":  # not a void element, not <x/>
            if typeset and french_depth is None:
                french_depth = len(stack)
            top = (name, code, verbatim, typeset)
            stack.append(top)
    if position < len(html) and top[3]:
        typeset = _text(html[position:], before)
        if typeset is not None:
            out += (html[copied:position], typeset)
            copied = len(html)
    out.append(html[copied:])
    return "".join(out)


def _text(raw, before):
    """French text between tags, typeset, or None when the rules leave it as it is."""
    value = unescape(raw)
    typeset = french(value, before)
    if typeset == value:
        return None
    return escape(typeset, quote=False)


class FrenchTypographyMiddleware:
    """Typesets the French text of every public HTML page as it leaves the site.

    Interface strings come from the catalogues, content from the database and labels from the
    views; doing it here, on the finished page, reaches all of them at once and follows the
    page's own ``lang`` attributes (French text quoted on an Arabic page is typeset, English
    text on a French page is not). The admin's forms are left alone, so editors see what they
    typed, except its previews of public pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(response, "streaming", False)
            or not response.get("Content-Type", "").startswith("text/html")
            or self._is_admin(request)
        ):
            return response
        charset = getattr(response, "charset", None) or "utf-8"
        html = response.content.decode(charset)
        typeset = french_html(html)
        if typeset != html:
            response.content = typeset.encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response

    @staticmethod
    def _is_admin(request):
        match = getattr(request, "resolver_match", None)
        if match is None:
            return False
        return "admin" in match.namespaces and not (match.url_name or "").endswith("_preview")
