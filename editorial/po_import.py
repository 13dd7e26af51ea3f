"""Reading a translator's PO file back: check every entry, then write all or nothing.

See :mod:`editorial.po_exchange` for the file's format.
"""

import re
from dataclasses import dataclass, field

import polib
import reversion
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from . import translation_status as ts
from .po_exchange import CONTEXT_SEPARATOR, KEY_SEPARATOR, field_limit, model_label
from .widgets import inline_foreign_key

# Tags, entities and control characters: the fields are plain text, shown escaped.
TAG = re.compile(r"</?[A-Za-z][^<>]*>|&[A-Za-z#][A-Za-z0-9]*;")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ImportRefused(Exception):
    """The file was refused; ``errors`` lists every bad entry, nothing was changed."""

    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors

@dataclass
class Change:
    obj: object
    fields: dict = field(default_factory=dict)  # {field: (source language, new text)}


def _parse_context(context):
    parts = (context or "").split(CONTEXT_SEPARATOR)
    if len(parts) != 4 or not all(parts):
        return None
    return parts


def _find_model(label):
    for model in ts.translated_models():
        if model_label(model) == label:
            return model
    return None


def _get_object(model, key, cache):
    if (model, key) not in cache:
        parts = key.split(KEY_SEPARATOR)
        try:
            if hasattr(model._default_manager, "get_by_natural_key"):
                cache[(model, key)] = model._default_manager.get_by_natural_key(*parts)
            else:
                cache[(model, key)] = model._default_manager.get(pk=key)
        except (model.DoesNotExist, model.MultipleObjectsReturned, ValueError, TypeError, ValidationError):
            cache[(model, key)] = None
    return cache[(model, key)]


def read_po(data):
    """Parse uploaded bytes or text; a file that is not PO is refused with a clear error."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportRefused([_("The file is not UTF-8 text: export it again from the site, or save it as UTF-8.")])
    try:
        po = polib.pofile(data, wrapwidth=0)
    except (OSError, ValueError) as error:
        raise ImportRefused([_("The file is not a PO file: %(error)s") % {"error": error}])
    return po


def check_po(po, target=None, user=None):
    """Every change the file asks for, or :class:`ImportRefused` listing every problem."""
    language = po.metadata.get("Language", "").strip().replace("_", "-").split("-")[0]
    target = target or language
    errors = []
    if target not in ts.LANGUAGES:
        raise ImportRefused([_("The file does not say which language it is in (its Language header is %(value)r).") % {"value": language}])
    if language and language != target:
        raise ImportRefused(
            [_("The file is in %(file)s, not in %(target)s.") % {"file": language, "target": target}]
        )
    changes, objects, seen = {}, {}, set()
    for number, entry in enumerate(po, start=1):
        if entry.obsolete:
            continue
        where = _("Entry %(number)s (%(context)s)") % {"number": number, "context": entry.msgctxt or "—"}
        parts = _parse_context(entry.msgctxt)
        if parts is None:
            errors.append(_("%(where)s: its context does not name an object and a field.") % {"where": where})
            continue
        label, key, name, source = parts
        model = _find_model(label)
        if model is None:
            errors.append(_("%(where)s: unknown kind of object %(label)r.") % {"where": where, "label": label})
            continue
        if name not in ts.translated_fields(model):
            errors.append(_("%(where)s: %(field)r is not a translated field.") % {"where": where, "field": name})
            continue
        if source not in ts.LANGUAGES or source == target:
            errors.append(_("%(where)s: %(code)r cannot be the source language.") % {"where": where, "code": source})
            continue
        obj = _get_object(model, key, objects)
        if obj is None:
            errors.append(_("%(where)s: there is no such object any more.") % {"where": where})
            continue
        if (label, key, name) in seen:
            errors.append(_("%(where)s: the same field appears twice.") % {"where": where})
            continue
        seen.add((label, key, name))
        if user is not None and not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            errors.append(_("%(where)s: you may not change this kind of object.") % {"where": where})
            continue
        if ts.text_hash(entry.msgid) != ts.text_hash(ts.raw(obj, name, source)):
            errors.append(
                _("%(where)s: the source text changed since the file was exported; export the file again.")
                % {"where": where}
            )
            continue
        # Untranslated and fuzzy entries are the translator's "not done": they change nothing.
        if not entry.msgstr.strip() or "fuzzy" in entry.flags:
            continue
        text = entry.msgstr.replace("\r\n", "\n")
        if text == ts.raw(obj, name, target):
            continue
        problem = _check_text(model, name, entry.msgid, text)
        if problem:
            errors.append(f"{where}: {problem}")
            continue
        change = changes.setdefault((model, obj.pk), Change(obj))
        change.fields[name] = (source, text)
    if not errors:
        # The site's own rules last, on the objects as they would be saved (in memory only).
        for change in changes.values():
            for name, (_source, text) in change.fields.items():
                setattr(change.obj, build_localized_fieldname(name, target), text)
            try:
                change.obj.full_clean(validate_unique=False)
            except ValidationError as error:
                errors.append(
                    _("%(object)s: the translation breaks a rule of the site: %(error)s")
                    % {"object": change.obj, "error": "; ".join(error.messages)}
                )
    if errors:
        raise ImportRefused(errors)
    return list(changes.values())


def _check_text(model, name, source, text):
    limit = field_limit(model, name)
    if limit and len(text) > limit:
        return _("the translation has %(length)s characters, more than the %(limit)s the field holds.") % {
            "length": len(text),
            "limit": limit,
        }
    if CONTROL.search(text):
        return _("the translation contains control characters.")
    extra = set(TAG.findall(text)) - set(TAG.findall(source))
    if extra:
        return _("the translation contains markup the source does not have: %(markup)s") % {
            "markup": ", ".join(sorted(extra))
        }
    form_field = model._meta.get_field(build_localized_fieldname(name, ts.LANGUAGES[0]))
    if form_field.get_internal_type() == "CharField" and "\n" in text:
        return _("the field holds a single line, and the translation has several.")
    return None


def history_owner(obj, site=admin.site):
    """The object whose history shows this one: itself, or the parent it is edited on."""
    model = type(obj)
    own_admin = site._registry.get(model)
    if own_admin is not None and not getattr(own_admin, "edited_on_parent", False):
        return obj
    for parent_model, parent_admin in site._registry.items():
        for inline in parent_admin.inlines:
            fk = inline_foreign_key(parent_model, inline) if inline.model is model else None
            if fk is not None:
                return getattr(obj, fk.name)
    return obj


def _outdated_before(obj):
    state = ts.load_states([obj]).get(obj.pk)
    return dict(state.outdated) if state else {}


def _mark_in_step(obj, fields, target, before):
    """The imported fields are in step with their source again: clear their flags for the
    target and the source. A third language keeps the flag it had before the import (it
    still predates the source) and gets none it did not have: the source did not change."""
    state = ts.load_states([obj]).get(obj.pk)
    if state is None:
        return
    current = ts.current_hashes(obj)
    outdated = dict(state.outdated)
    for name, (source, _text) in fields.items():
        remaining = [code for code in before.get(name, ()) if code not in (target, source)]
        if remaining:
            outdated[name] = remaining
        else:
            outdated.pop(name, None)
            state.baseline[name] = current[name]
    if not outdated:
        state.baseline = current
        state.confirmed_at = timezone.now()
    state.outdated = outdated
    codes = sorted({code for langs in outdated.values() for code in langs}, key=ts.LANGUAGES.index)
    state.outdated_languages = f",{','.join(codes)}," if codes else ""
    state.save()


def apply_changes(changes, target, user=None, filename=""):
    """Write checked changes: one revision per object shown in the history. Returns the count
    of fields written."""
    by_owner = {}
    for change in changes:
        owner = history_owner(change.obj)
        by_owner.setdefault((type(owner), owner.pk), (owner, []))[1].append(change)
    comment = _("Translation into %(language)s imported from a PO file") % {"language": ts.language_name(target)}
    if filename:
        comment = f"{comment} ({filename})"
    written = 0
    with transaction.atomic():
        for owner, owner_changes in by_owner.values():
            with reversion.create_revision():
                for change in owner_changes:
                    for name, (_source, text) in change.fields.items():
                        setattr(change.obj, build_localized_fieldname(name, target), text)
                        written += 1
                    before = _outdated_before(change.obj)
                    change.obj.save()
                    _mark_in_step(change.obj, change.fields, target, before)
                    if reversion.is_registered(type(change.obj)):
                        reversion.add_to_revision(change.obj)
                if owner is not None and reversion.is_registered(type(owner)):
                    reversion.add_to_revision(owner)
                if user is not None and user.is_authenticated:
                    reversion.set_user(user)
                reversion.set_comment(comment)
    return written


def import_po(data, target=None, user=None, filename="", dry_run=False):
    """Check a PO file and, if every entry is good, write it. Returns (objects, fields)."""
    po = read_po(data)
    changes = check_po(po, target=target, user=user)
    language = target or po.metadata.get("Language", "").strip().replace("_", "-").split("-")[0]
    if dry_run:
        return len(changes), sum(len(change.fields) for change in changes)
    return len(changes), apply_changes(changes, language, user=user, filename=filename)
