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
_SPACES = "[ \t\u00a0\u202f]"

# Addresses are copied untouched: split them out before applying the rules.
_PROTECTED = re.compile(r"(?:\b(?:https?|ftp|mailto):[^\s<>«»]+|\bwww\.[^\s<>«»]+|[\w.+-]+@[\w-]+\.[\w.-]+)")

_RULES = [
    # The apostrophe after a letter: l'œuvre, aujourd'hui, d'Afrique.
    (re.compile(r"(?<=[^\W\d_])'"), "\u2019"),
    # Straight or English double quotes become guillemets.
    (re.compile(r'"([^"\n]*)"'), "«\\1»"),
    (re.compile(r"\u201c([^\u201d\n]*)\u201d"), "«\\1»"),
    # Guillemets hold their text between no-break spaces.
    (re.compile(f"«{_SPACES}*"), f"«{NBSP}"),
    (re.compile(f"{_SPACES}*»"), f"{NBSP}»"),
    # A colon used as punctuation (followed by a space or the end, after a word, a closing
    # guillemet or bracket): a no-break space before it. 19:35 and http:// are not followed by a space.
    (re.compile(f"(?<=[\\w»)\\]…%]){_SPACES}*:(?=\\s|$)"), f"{NBSP}:"),
    # ; ! ? get a narrow no-break space; "?!" stays together.
    (re.compile(f"(?<=[\\w»)\\]…%]){_SPACES}*([;!?])(?=[\\s»)\\].,;:!?]|$)"), f"{NNBSP}\\1"),
]


_CONTEXT = re.compile(r"^[\w)\]…%]$")


def _apply(text):
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def french(text, before=""):
    """The text with French typography. ``before`` is the character shown just before it
    (the end of the previous text on the page), so a colon at the start of a piece knows
    whether it follows a word. Applying it twice changes nothing."""
    if not text:
        return text
    pieces = _PROTECTED.split(text)
    addresses = _PROTECTED.findall(text)
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
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[a-zA-Z][^>]*>", re.S)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w:-]*)")
_LANG = re.compile(r"""\slang="([^"]*)\"""")
_ATTRIBUTE = re.compile(r"""(\s(?:%s|content)=")([^"]*)(")""" % "|".join(_TEXT_ATTRIBUTES))


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
    out = []
    stack = [("", lang or "", False)]  # (tag, language, verbatim)
    position = 0
    before = ""
    for match in _TOKEN.finditer(html):
        if match.start() > position:
            text = html[position : match.start()]
            out.append(_text(text, stack[-1], before))
            stripped = unescape(text).rstrip()
            before = stripped[-1:] if stripped else before
        token = match.group(0)
        position = match.end()
        if token.startswith("<!") or token.startswith("<?"):
            out.append(token)
            continue
        name = _TAG_NAME.match(token).group(1).lower()
        if token.startswith("</"):
            for index in range(len(stack) - 1, 0, -1):
                if stack[index][0] == name:
                    del stack[index:]
                    break
            out.append(token)
            continue
        parent = stack[-1]
        found = _LANG.search(token)
        code = found.group(1) if found else parent[1]
        verbatim = parent[2] or name in _VERBATIM
        out.append(_typeset_tag(token) if _is_french(code) and not verbatim else token)
        if name in ("script", "style"):
            # Raw text up to the closing tag, whatever it contains.
            end = html.lower().find(f"</{name}", position)
            end = len(html) if end == -1 else end
            out.append(html[position:end])
            position = end
            continue
        if name not in _VOID and not token.endswith("/>"):
            stack.append((name, code, verbatim))
    if position < len(html):
        out.append(_text(html[position:], stack[-1], before))
    return "".join(out)


def _text(raw, context, before):
    _tag, code, verbatim = context
    if verbatim or not _is_french(code) or not raw.strip():
        return raw
    value = unescape(raw)
    typeset = french(value, before)
    if typeset == value:
        return raw
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
