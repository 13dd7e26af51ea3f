"""French typography as first written: each rule a plain ``re.sub`` over the whole text, and
the HTML walked token by token. Slow (every rule tries every character of every text on every
page) but easy to check against the rules; core.typography does the same work faster, and
tests/core/test_typography.py holds it to giving the same output as this."""

import re
from html import escape, unescape

from core.typography import NBSP, NNBSP

_SPACES = "[ \t\u00a0\u202f]"
_PROTECTED = re.compile(r"(?:\b(?:https?|ftp|mailto):[^\s<>«»]+|\bwww\.[^\s<>«»]+|[\w.+-]+@[\w-]+\.[\w.-]+)")
_RULES = [
    (re.compile(r"(?<=[^\W\d_])'"), "\u2019"),
    (re.compile(r'"([^"\n]*)"'), "«\\1»"),
    (re.compile(r"\u201c([^\u201d\n]*)\u201d"), "«\\1»"),
    (re.compile(f"«{_SPACES}*"), f"«{NBSP}"),
    (re.compile(f"{_SPACES}*»"), f"{NBSP}»"),
    (re.compile(f"(?<=[\\w»)\\]…%]){_SPACES}*:(?=\\s|$)"), f"{NBSP}:"),
    (re.compile(f"(?<=[\\w»)\\]…%]){_SPACES}*([;!?])(?=[\\s»)\\].,;:!?]|$)"), f"{NNBSP}\\1"),
]
_CONTEXT = re.compile(r"^[\w)\]…%]$")


def apply_rules(text):
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def french(text, before=""):
    if not text:
        return text
    pieces = _PROTECTED.split(text)
    addresses = _PROTECTED.findall(text)
    out = []
    for index, piece in enumerate(pieces):
        context = before if index == 0 else addresses[index - 1][-1:]
        context = context if _CONTEXT.match(context) else ""
        typeset = apply_rules(context + piece) if piece else piece
        if context:
            typeset = typeset[len(context):] if typeset.startswith(context) else apply_rules(piece)
        out.append(typeset)
        if index < len(addresses):
            out.append(addresses[index])
    return "".join(out)


_VERBATIM = {"script", "style", "pre", "code", "kbd", "samp", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_META_TEXT = re.compile(r"""\s(?:name|property)="(?:description|og:title|og:description|og:image:alt)\"""")
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[a-zA-Z][^>]*>", re.S)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w:-]*)")
_LANG = re.compile(r"""\slang="([^"]*)\"""")
_ATTRIBUTE = re.compile(r"""(\s(?:title|alt|placeholder|aria-label|content)=")([^"]*)(")""")


def _is_french(code):
    return bool(code) and code.split("-")[0].lower() == "fr"


def _typeset_tag(tag):
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


def _text(raw, context, before):
    _tag, code, verbatim = context
    if verbatim or not _is_french(code) or not raw.strip():
        return raw
    value = unescape(raw)
    typeset = french(value, before)
    if typeset == value:
        return raw
    return escape(typeset, quote=False)


def french_html(html, lang=None):
    """The HTML pass as first written. (It lost its place after a script or a style whose
    text holds something like a tag; the fast one skips such text as a whole.)"""
    out = []
    stack = [("", lang or "", False)]
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
