"""Run as ``python -m tests.filmmaker.site_snapshot ACTION`` with DATABASE_URL set.

A separate process per database, as an operator would run the commands:

- ``history``: adds content with gaps in the ids, edited history, stale translations, an
  editor account and a portrait, so a backup has everything that can go wrong in it;
- ``snapshot``: prints JSON describing the site as a visitor and an editor see it (every
  public page's bytes, each object's history by natural key, translation flags, accounts);
- ``revert``: reverts the first version of an award's history and prints what changed.
"""

import hashlib
import io
import json
import os
import re
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmmaker.settings")

import django  # noqa: E402

django.setup()

import reversion  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from PIL import Image  # noqa: E402
from reversion.models import Version  # noqa: E402

from awards.models import Award, Festival  # noqa: E402
from editorial.models import TranslationState  # noqa: E402
from people.models import Person  # noqa: E402
from films.models import Film  # noqa: E402

NONCE = re.compile(rb' nonce="[^"]*"')
LIST_PAGES = ["", "films/", "festivals/", "awards/", "search/?q=hachkar", "search/?q=%D9%83%D9%85%D8%A7%D9%84"]


def natural(obj):
    return list(obj.natural_key()) if hasattr(obj, "natural_key") else [obj.pk]


def make_history():
    editor = User.objects.create_user("editor", password="editor-password-long")
    editor.groups.add(Group.objects.get(name="Editor"))
    festival = Festival.objects.order_by("pk").first()
    film = Film.objects.order_by("pk").first()
    # A gap in the ids: the first awards added are deleted, so the ids no longer start at 1.
    for n in range(3):
        Award.objects.create(slug=f"gap-{n}", festival=festival, film=film, category_fr=f"Trou {n}")
    Award.objects.filter(slug__startswith="gap-").delete()
    for award in Award.objects.order_by("pk"):
        with reversion.create_revision():
            reversion.set_user(editor)
            award.category_fr = f"{award.category_fr} (v1)"
            award.save()
        with reversion.create_revision():
            reversion.set_user(editor)
            award.category_fr = award.category_fr.replace(" (v1)", "")
            award.save()
    # French edited alone: Arabic and English become "possibly outdated".
    person = Person.objects.get(slug="kamal-hachkar")
    with reversion.create_revision():
        person.summary_fr = person.summary_fr + " Texte revu."
        buffer = io.BytesIO()
        Image.new("RGB", (700, 900), (120, 80, 40)).save(buffer, format="JPEG")
        person.portrait = SimpleUploadedFile("portrait.jpg", buffer.getvalue(), content_type="image/jpeg")
        for code in ("fr", "ar", "en"):
            setattr(person, f"portrait_alt_{code}", getattr(person, f"portrait_alt_{code}") or f"Portrait [{code}]")
        person.save()
    # Renditions are files too: make them, so the backup must carry them.
    for name in ("portrait_320", "portrait_640"):
        getattr(person, name).generate()
    print(json.dumps({"awards": Award.objects.count()}))


def page_urls(client):
    urls = {f"/{code}/{page}" for code in ("fr", "ar", "en") for page in LIST_PAGES}
    sitemap = client.get("/sitemap.xml").content.decode()
    urls.update(re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap))
    urls.update({"/sitemap.xml", "/robots.txt"})
    return sorted(urls)


def snapshot():
    client = Client()
    pages = {}
    for url in page_urls(client):
        response = client.get(url)
        pages[url] = [response.status_code, hashlib.sha256(NONCE.sub(b"", response.content)).hexdigest()]
        # Images the pages point at must be there too.
        for src in set(re.findall(rb'(/media/[^" ,]+)', response.content)):
            media = client.get(src.decode())
            pages[src.decode()] = [media.status_code, hashlib.sha256(b"".join(media.streaming_content if media.streaming else [media.content])).hexdigest()]
    history = []
    for version in Version.objects.select_related("content_type", "revision__user").order_by("revision__date_created", "pk"):
        target = version.object
        history.append(
            {
                "model": version.content_type.model,
                # The object the version is attached to, and the object its data describes.
                "attached_to": natural(target) if target is not None else None,
                "describes": version.field_dict.get("slug"),
                "user": version.revision.user.username if version.revision.user else None,
            }
        )
    states = sorted(
        [state.content_type.model, natural(state.content_type.get_object_for_this_type(pk=state.object_id)), state.outdated, state.outdated_languages]
        for state in TranslationState.objects.select_related("content_type")
    )
    users = sorted(
        [user.username, user.password, sorted(user.groups.values_list("name", flat=True)), user.is_staff]
        for user in User.objects.all()
    )
    groups = sorted([group.name, group.permissions.count()] for group in Group.objects.all())
    print(json.dumps({"pages": pages, "history": history, "states": states, "users": users, "groups": groups}))


def revert():
    award = Award.objects.exclude(slug__startswith="gap-").order_by("-pk").first()
    others = {a.slug: a.category_fr for a in Award.objects.exclude(pk=award.pk)}
    first = Version.objects.get_for_object(award).order_by("revision__date_created").first()
    first.revision.revert()
    award.refresh_from_db()
    after = {a.slug: a.category_fr for a in Award.objects.exclude(pk=award.pk)}
    print(json.dumps({"slug": award.slug, "category": award.category_fr, "others_unchanged": others == after}))


if __name__ == "__main__":
    {"history": make_history, "snapshot": snapshot, "revert": revert}[sys.argv[1]]()
