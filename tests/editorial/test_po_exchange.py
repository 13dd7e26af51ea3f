"""Translators' PO files: export what a language lacks, import it back, or refuse it whole."""

import io

import polib
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from awards.models import Festival
from editorial import po_exchange, po_import
from editorial import translation_status as ts
from people.models import BiographySection, Person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_messages():
    # Messages are compared in English here; the admin test reads them in French.
    with translation.override("en"):
        yield


def snapshot():
    """Every translated column of every object: what an import may change."""
    rows = {}
    for model in ts.translated_models():
        names = [build_localized_fieldname(name, code) for name in ts.translated_fields(model) for code in ts.LANGUAGES]
        for row in model._default_manager.values("pk", *names):
            rows[(model._meta.label_lower, row.pop("pk"))] = row
    return rows


def changed(before, after):
    return {
        (key, column): (before[key][column], after[key][column])
        for key in before
        for column in before[key]
        if before[key][column] != after[key][column]
    }


@pytest.fixture
def work(seed):
    """The seed with work for an Arabic translator: one text outdated, one missing, one in a
    biography section (edited on its person's page)."""
    person = Person.objects.get(slug="kamal-hachkar")
    person.summary_fr = person.summary_fr + " Il vit entre la France et le Maroc."
    person.save()
    festival = Festival.objects.exclude(city_fr="").first()
    festival.city_ar = ""
    festival.save()
    section = BiographySection.objects.filter(person=person).first()
    section.heading_fr = section.heading_fr + " (suite)"
    section.save()
    return {"person": person, "festival": festival, "section": section}


def po_bytes(po):
    return str(po).encode("utf-8")


def translate(po, translations):
    """What a translator does in Poedit: fill entries, clear their fuzzy mark."""
    for entry in po:
        for context_start, text in translations.items():
            if entry.msgctxt.startswith(context_start):
                entry.msgstr = text
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
    return po


def test_the_export_lists_exactly_the_missing_and_outdated_fields_with_their_source_and_context(work):
    po = polib.pofile(str(po_exchange.export_po("ar")))
    assert po.metadata["Language"] == "ar"
    entries = {entry.msgctxt: entry for entry in po}
    person, festival, section = work["person"], work["festival"], work["section"]

    summary = entries["people.person:kamal-hachkar:summary:fr"]
    assert summary.msgid == person.summary_fr
    # The outdated Arabic text comes along, marked fuzzy, as translation tools expect.
    assert summary.msgstr == person.summary_ar and "fuzzy" in summary.flags
    assert "summary" in summary.comment or "résumé" in summary.comment

    city = entries[f"awards.festival:{festival.slug}:city:fr"]
    assert city.msgid == festival.city_fr and city.msgstr == "" and "fuzzy" not in city.flags
    assert f"people.biographysection:kamal-hachkar/{section.slug}:heading:fr" in entries
    # Nothing complete is exported.
    assert len(entries) == 3


def test_the_file_opens_in_gettext_tools(work, tmp_path):
    import subprocess

    path = tmp_path / "ar.po"
    po_exchange.export_po("ar").save(str(path))
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_round_trip_changes_exactly_the_translated_fields_and_records_one_revision_per_object(work, editor):
    person, festival, section = work["person"], work["festival"], work["section"]
    po = polib.pofile(str(po_exchange.export_po("ar")))
    translate(
        po,
        {
            "people.person:kamal-hachkar:summary": "ملخص جديد عن كمال هشكار.",
            f"awards.festival:{festival.slug}:city": "مدينة",
            f"people.biographysection:kamal-hachkar/{section.slug}:heading": "عنوان جديد",
        },
    )
    before = snapshot()
    versions_before = Version.objects.count()

    objects, fields = po_import.import_po(po_bytes(po), user=editor, filename="ar.po")

    assert (objects, fields) == (3, 3)
    difference = changed(before, snapshot())
    assert difference == {
        (("people.person", person.pk), "summary_ar"): (person.summary_ar, "ملخص جديد عن كمال هشكار."),
        (("awards.festival", festival.pk), "city_ar"): ("", "مدينة"),
        (("people.biographysection", section.pk), "heading_ar"): (section.heading_ar, "عنوان جديد"),
    }
    # The Arabic flags are cleared; English was not translated and is still outdated.
    person = Person.objects.get(pk=person.pk)
    status = ts.status_for(person)
    assert status.fields["summary"] == {"fr": "complete", "ar": "complete", "en": "outdated"}
    assert ts.status_for(Festival.objects.get(pk=festival.pk)).languages["ar"] == "complete"
    assert ts.status_for(BiographySection.objects.get(pk=section.pk)).fields["heading"]["ar"] == "complete"

    # History: the person (with its section, edited on its page) and the festival, once each.
    assert Version.objects.count() > versions_before
    person_versions = Version.objects.get_for_object(person)
    festival_versions = Version.objects.get_for_object(Festival.objects.get(pk=festival.pk))
    assert person_versions.count() == 1 and festival_versions.count() == 1
    revision = person_versions.first().revision
    assert revision.user == editor
    assert "ar.po" in revision.get_comment()
    assert revision.version_set.filter(object_id=str(section.pk)).exists()
    # Nothing is left to translate into Arabic but nothing was invented either.
    assert len(po_exchange.export_po("ar")) == 0


def test_revising_a_complete_translation_flags_no_other_language(seed):
    po = po_exchange.export_po("ar", include_complete=True)
    translate(po, {"people.person:kamal-hachkar:birthplace": "تنغير (المغرب)"})
    assert po_import.import_po(po_bytes(po)) == (1, 1)
    person = Person.objects.get(slug="kamal-hachkar")
    assert person.birthplace_ar == "تنغير (المغرب)"
    assert ts.status_for(person).fields["birthplace"] == {"fr": "complete", "ar": "complete", "en": "complete"}


def bad_files(work):
    festival = work["festival"]
    return {
        "unknown object": ("people.person:nobody:summary:fr", "x", "Texte"),
        "unknown field": ("people.person:kamal-hachkar:slug:fr", "kamal-hachkar", "x"),
        "changed source": ("people.person:kamal-hachkar:summary:fr", "Une autre source.", "ملخص"),
        "too long": (f"awards.festival:{festival.slug}:city:fr", festival.city_fr, "م" * 121),
        "markup": (f"awards.festival:{festival.slug}:city:fr", festival.city_fr, "<script>alert(1)</script>"),
        "several lines": (f"awards.festival:{festival.slug}:city:fr", festival.city_fr, "سطر\nسطر"),
        "no context": ("", festival.city_fr, "مدينة"),
    }


@pytest.mark.parametrize(
    "problem", ["unknown object", "unknown field", "changed source", "too long", "markup", "several lines", "no context"]
)
def test_one_bad_entry_refuses_the_whole_file_and_changes_nothing(work, problem):
    po = polib.pofile(str(po_exchange.export_po("ar")))
    translate(po, {"people.person:kamal-hachkar:summary": "ملخص جديد."})
    context, source, translation = bad_files(work)[problem]
    if problem in ("too long", "markup", "several lines"):
        for entry in po:
            if entry.msgctxt == context:
                entry.msgstr = translation
    else:
        po.append(polib.POEntry(msgctxt=context or None, msgid=source, msgstr=translation))
    before, versions = snapshot(), Version.objects.count()

    with pytest.raises(po_import.ImportRefused) as refused:
        po_import.import_po(po_bytes(po))

    assert len(refused.value.errors) == 1
    assert snapshot() == before and Version.objects.count() == versions
    assert ts.status_for(Person.objects.get(slug="kamal-hachkar")).fields["summary"]["ar"] == "outdated"


def test_a_source_text_edited_after_the_export_refuses_the_file(work):
    po = polib.pofile(str(po_exchange.export_po("ar")))
    translate(po, {"people.person:kamal-hachkar:summary": "ملخص جديد."})
    person = Person.objects.get(slug="kamal-hachkar")
    person.summary_fr = "Un tout autre résumé."
    person.save()
    with pytest.raises(po_import.ImportRefused, match="export the file again"):
        po_import.import_po(po_bytes(po))
    assert Person.objects.get(pk=person.pk).summary_ar == work["person"].summary_ar


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xff\xfe not text", "UTF-8"),
        (b"<html>hello</html>", "not a PO file"),
        (b'msgid "a"\nmsgstr "b" trailing', "not a PO file"),
        (b'msgid ""\nmsgstr ""\n', "which language"),
    ],
)
def test_a_file_that_is_not_po_is_refused_clearly(work, data, message):
    with pytest.raises(po_import.ImportRefused, match=message):
        po_import.import_po(data)


def test_a_file_in_another_language_is_refused(work):
    po = polib.pofile(str(po_exchange.export_po("ar")))
    with pytest.raises(po_import.ImportRefused):
        po_import.import_po(po_bytes(po), target="en")


def test_fuzzy_and_empty_entries_change_nothing(work):
    po = polib.pofile(str(po_exchange.export_po("ar")))
    before = snapshot()
    assert po_import.import_po(po_bytes(po)) == (0, 0)
    assert snapshot() == before


def test_the_commands_export_and_import(work, tmp_path):
    path = tmp_path / "en.po"
    call_command("export_translations", "en", "-o", str(path), stderr=io.StringIO())
    po = polib.pofile(str(path))
    assert {entry.msgctxt.split(":")[0] for entry in po} == {"people.person", "people.biographysection"}
    translate(po, {"people.person:kamal-hachkar:summary": "A new summary."})
    po.save(str(path))
    out = io.StringIO()
    call_command("import_translations", str(path), stdout=out)
    assert "1 fields of 1 objects changed" in out.getvalue()
    assert Person.objects.get(slug="kamal-hachkar").summary_en == "A new summary."

    translate(po, {"people.person:kamal-hachkar:summary": "<b>bold</b>"})
    po.save(str(path))
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("import_translations", str(path))
    with pytest.raises(CommandError, match="Unknown language"):
        call_command("export_translations", "de")


def test_editors_download_and_upload_from_the_translation_status_page(work, editor_client):
    overview = editor_client.get(reverse("admin:editorial_translationstate_changelist"))
    export_url = reverse("admin:editorial_translationstate_po_export")
    assert export_url in overview.content.decode()

    response = editor_client.get(export_url, {"language": "ar"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="translations-ar-')
    po = polib.pofile(response.content.decode("utf-8"))
    translate(po, {"people.person:kamal-hachkar:summary": "ملخص جديد."})

    import_url = reverse("admin:editorial_translationstate_po_import")
    upload = io.BytesIO(po_bytes(po))
    upload.name = "ar.po"
    response = editor_client.post(import_url, {"file": upload}, follow=True)
    assert response.status_code == 200
    assert Person.objects.get(slug="kamal-hachkar").summary_ar == "ملخص جديد."

    translate(po, {"people.person:kamal-hachkar:summary": "<i>x</i>"})
    upload = io.BytesIO(po_bytes(po))
    upload.name = "ar.po"
    response = editor_client.post(import_url, {"file": upload})
    assert response.status_code == 400
    assert "nothing was changed" in response.content.decode() or "rien" in response.content.decode()
    assert Person.objects.get(slug="kamal-hachkar").summary_ar == "ملخص جديد."

    assert editor_client.get(export_url, {"language": "xx"}).status_code == 302
    assert editor_client.post(import_url, {}).status_code == 400
