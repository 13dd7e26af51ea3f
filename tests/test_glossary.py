"""The glossary (locale/glossary.json) against the content and the interface catalogues.

The same film, festival, award, degree, role or occupation is always called the same way in
each language; wordings an editor rejected never come back.
"""

import gettext
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
GLOSSARY = json.loads((ROOT / "locale" / "glossary.json").read_text(encoding="utf-8"))
FIXTURE = json.loads((ROOT / "fixtures" / "kamal_hachkar.json").read_text(encoding="utf-8"))
LANGUAGES = ("fr", "ar", "en")
TERMS = GLOSSARY["terms"]


def catalogue(code):
    with open(ROOT / "locale" / code / "LC_MESSAGES" / "django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


def catalogue_texts(code):
    """Every translation in the compiled catalogue (what pages show)."""
    texts = []
    for key, value in catalogue(code)._catalog.items():
        if key != "" and value:
            texts.append(value)
    return texts


def fixture_texts(code):
    """Every text field of the content in one language (the original title in its own)."""
    texts = []
    for obj in FIXTURE:
        fields = obj["fields"]
        for name, value in fields.items():
            if isinstance(value, str) and value and name.endswith(f"_{code}"):
                texts.append(value)
        if fields.get("original_title") and fields.get("original_language") == code:
            texts.append(fields["original_title"])
    return texts


TEXTS = {code: {"fixture": fixture_texts(code), "catalogue": catalogue_texts(code)} for code in LANGUAGES}


def fixture_object(model, slug):
    """The object by model name and slug, whatever app label the model has."""
    for obj in FIXTURE:
        if obj["model"].rsplit(".", 1)[-1] == model and obj["fields"].get("slug") == slug:
            return obj["fields"]
    raise AssertionError(f"{model} {slug} is not in the fixture")


def cases(key):
    return [
        pytest.param(term, code, id=f"{term['id']}-{code}")
        for term in TERMS
        for code in LANGUAGES
        if key is None or key in term
    ]


@pytest.mark.parametrize("term,code", cases("fixture"))
def test_the_content_uses_the_glossary_form(term, code):
    where = term["fixture"]
    fields = fixture_object(where["model"], where["slug"])
    value = fields[f"{where['field']}_{code}"]
    entry = term[code]
    if entry.get("ignore_case"):
        assert value.lower() == entry["form"].lower()
    else:
        assert value == entry["form"]


@pytest.mark.parametrize("term,code", cases("catalogue"))
def test_the_interface_uses_the_glossary_form(term, code):
    where = term["catalogue"]
    translations = catalogue(code)
    if "context" in where:
        value = translations.pgettext(where["context"], where["msgid"])
    else:
        value = translations.gettext(where["msgid"])
    assert value == term[code]["form"]


@pytest.mark.parametrize("term,code", cases(None))
def test_every_mention_uses_the_glossary_form(term, code):
    """Where a text names the term (an anchor matches), it uses the whole accepted form."""
    entry = term[code]
    flags = re.IGNORECASE if entry.get("ignore_case") else 0
    form = re.compile(re.escape(entry["form"]), flags)
    stray = []
    for source, texts in TEXTS[code].items():
        for text in texts:
            spans = [m.span() for m in form.finditer(text)]
            for anchor in entry.get("anchors", []):
                for match in re.finditer(anchor, text):
                    if not any(start <= match.start() and match.end() <= end for start, end in spans):
                        stray.append((source, text[max(0, match.start() - 30) : match.end() + 30]))
    assert stray == [], f"{term['id']} in {code} is not written {entry['form']!r}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_rejected_wordings_never_appear(code):
    rejected = list(GLOSSARY["rejected"][code])
    for term in TERMS:
        rejected += term[code].get("rejected", [])
    patterns = [re.compile(p) for p in GLOSSARY["rejected_patterns"][code]]
    found = []
    for source, texts in TEXTS[code].items():
        for text in texts:
            found += [(source, words) for words in rejected if words in text]
            found += [(source, text[max(0, m.start() - 20) : m.end() + 20]) for p in patterns for m in p.finditer(text)]
    assert found == []


def test_the_glossary_knows_the_wordings_the_review_rejected():
    """The corrections that started the glossary stay in it, so a test keeps them out."""
    rejected = {code: set(GLOSSARY["rejected"][code]) for code in LANGUAGES}
    for term in TERMS:
        for code in LANGUAGES:
            rejected[code] |= set(term[code].get("rejected", []))
    assert {"Lauréat", "université de la Sorbonne", "coup d'œil"} <= rejected["fr"]
    assert {"تنغير - القدس", "مدرّسًا", "أفريقيا", "الفانتازيا"} <= rejected["ar"]
    assert {"Sorbonne University", "desperate times", "Personal life"} <= rejected["en"]


def test_the_catalogues_compiled_are_the_catalogues_written():
    """A translation corrected in a .po file reaches the pages only once compiled into the .mo."""
    for code in LANGUAGES:
        po = (ROOT / "locale" / code / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
        strings = set()
        for match in re.finditer(r'^msgstr(?:\[\d+\])? ((?:".*"\n?)+)', po, re.M):
            value = "".join(json.loads(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', match.group(1)))
            if value and not value.startswith("Project-Id-Version"):
                strings.add(value)
        compiled = set()
        for value in catalogue(code)._catalog.values():
            compiled.add(value)
        assert strings - compiled == set(), f"{code}: compile the catalogue (msgfmt or compilemessages)"


def po_entries(path):
    """{(context, msgid): (msgstr or plural forms, fuzzy)} of a .po file, obsolete entries left out."""
    entries = {}
    for block in path.read_text(encoding="utf-8").strip().split("\n\n")[1:]:
        if block.lstrip().startswith("#~"):
            continue

        def field(name, block=block):
            found = re.search(rf"^{name} ((?:\".*\"\n?)+)", block, re.M)
            return "".join(json.loads(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', found.group(1))) if found else None

        value = field("msgstr")
        if value is None:
            value = tuple(form for index in range(6) if (form := field(rf"msgstr\[{index}\]")) is not None)
        entries[(field("msgctxt"), field("msgid"))] = (value, "#, fuzzy" in block)
    return entries


def test_the_catalogues_hold_every_string_the_site_marks(tmp_path):
    """`make messages` changes nothing, and French and Arabic translate every string: a sentence
    added to a template without its translations would reach French and Arabic pages in English."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext (GNU gettext) is needed to extract the strings")
        pytest.skip("xgettext (GNU gettext) is not installed")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT, copy, symlinks=True,
        ignore=shutil.ignore_patterns(".venv", ".git", "artifacts", "staticfiles", "node_modules", "media", ".cache", "tests"),
    )
    command = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--ignore=.venv", "--ignore=tests",
               "--ignore=staticfiles", "--ignore=artifacts", *(f"--locale={code}" for code in LANGUAGES)]
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True)
    for code in LANGUAGES:
        written = po_entries(ROOT / "locale" / code / "LC_MESSAGES" / "django.po")
        extracted = po_entries(copy / "locale" / code / "LC_MESSAGES" / "django.po")
        assert sorted(extracted.keys() - written.keys(), key=str) == [], f"{code}: strings missing from the catalogue (make messages)"
        assert sorted(written.keys() - extracted.keys(), key=str) == [], f"{code}: strings no longer used (make messages)"
        assert [key for key, (_value, fuzzy) in written.items() if fuzzy] == [], f"{code}: fuzzy translations to check"
        if code != "en":  # English falls back to the source strings
            untranslated = [key for key, (value, _fuzzy) in written.items() if not all(value if isinstance(value, tuple) else [value])]
            assert untranslated == [], f"{code}: untranslated strings"
