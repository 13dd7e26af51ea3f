"""Translators' files: the fields one language lacks, out as a PO file and back in.

An export holds, for one target language, every translated field that is missing or
possibly outdated in it. Each entry's ``msgid`` is the source text, its ``msgctxt`` says
which object and field it fills (``people.person:kamal-hachkar:summary:fr``: model, natural
key, field, source language) and its comments say the same in words, for the translator.
A possibly outdated translation comes with its current text, marked fuzzy, as PO tools do.

An import checks every entry before it writes anything: the object and field must exist,
the source text must be the one exported, the translation must fit the field and bring no
markup the source does not have. One bad entry refuses the whole file. A good file saves
each object once, in a django-reversion revision of its own, and the fields it fills are in
step again with their source language.

Content models are found through modeltranslation's registry: this module imports none.
"""

import polib
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from . import translation_status as ts

CONTEXT_SEPARATOR = ":"
KEY_SEPARATOR = "/"

# Translation tools check the header; these are gettext's own rules for the three languages.
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;",
}

def model_label(model):
    return model._meta.label_lower


def natural_key(obj):
    key = obj.natural_key() if hasattr(obj, "natural_key") else (str(obj.pk),)
    return KEY_SEPARATOR.join(str(part) for part in key)


def source_language(obj, name, target, preferred=None):
    """The language the translator works from: the preferred one, then the site's default,
    then the fallback order, skipping the target, stale texts and empty ones."""
    outdated = set()
    state = ts.load_states([obj]).get(obj.pk)
    if state:
        outdated = set(state.outdated.get(name, ()))
    order = [preferred, settings.MODELTRANSLATION_DEFAULT_LANGUAGE, *ts.LANGUAGES]
    for code in order:
        if code and code != target and code not in outdated and ts.raw(obj, name, code):
            return code
    return None


def field_limit(model, name):
    return getattr(model._meta.get_field(build_localized_fieldname(name, ts.LANGUAGES[0])), "max_length", None)


def export_entries(target, source=None, include_complete=False, models=None):
    """The PO entries for ``target``: [(obj, field, source language, entry)]."""
    rows = []
    for model in models or ts.translated_models():
        queryset = model._default_manager.all() if include_complete else ts.incomplete(model)
        objects = list(queryset.annotate(translation_outdated=ts.outdated_subquery(model)))
        for obj in objects:
            status = ts.status_for(obj, outdated=obj.translation_outdated or {})
            for name, per_lang in status.fields.items():
                state = per_lang[target]
                if state == ts.NOT_APPLICABLE or (state == ts.COMPLETE and not include_complete):
                    continue
                code = source_language(obj, name, target, preferred=source)
                if code is None:
                    continue
                entry = polib.POEntry(
                    msgctxt=CONTEXT_SEPARATOR.join([model_label(model), natural_key(obj), name, code]),
                    msgid=ts.raw(obj, name, code),
                    msgstr=ts.raw(obj, name, target),
                    occurrences=[(f"{model_label(model)}/{natural_key(obj)}", "")],
                )
                limit = field_limit(model, name)
                comment = [
                    f"{model._meta.verbose_name}: {obj} — {obj._meta.get_field(name).verbose_name}",
                    f"{ts.language_name(code)} → {ts.language_name(target)}",
                ]
                if limit:
                    comment.append(_("At most %(limit)s characters.") % {"limit": limit})
                if state == ts.OUTDATED:
                    comment.append(_("The source text changed since this translation was written: check it."))
                    entry.flags.append("fuzzy")
                entry.comment = "\n".join(comment)
                rows.append((obj, name, code, entry))
    return rows


def export_po(target, source=None, include_complete=False):
    """A :class:`polib.POFile` with what ``target`` lacks."""
    if target not in ts.LANGUAGES:
        raise ValueError(f"Unknown language {target!r}; choose one of {', '.join(ts.LANGUAGES)}.")
    po = polib.POFile(wrapwidth=0)
    now = timezone.now().strftime("%Y-%m-%d %H:%M%z")
    po.metadata = {
        "Project-Id-Version": f"{settings.SITE_NAME} content",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Language": target,
        "Language-Team": ts.language_name(target),
        "Last-Translator": "",
        "Plural-Forms": PLURAL_FORMS[target],
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "filmmaker export_translations",
    }
    po.header = (
        f"Content of {settings.SITE_NAME}: fields to translate into {target}.\n"
        "Each context is model:key:field:source language. Keep the contexts and source texts as they are."
    )
    for _obj, _name, _code, entry in export_entries(target, source=source, include_complete=include_complete):
        po.append(entry)
    return po
