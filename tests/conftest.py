"""Shared fixtures: factories for every model, the seed content, and a headless browser."""

import os
import shutil
from pathlib import Path

import factory
import pytest
from django.core.management import call_command

from awards.models import Award, Festival
from filmmaker.models import BiographySection, Nationality, Occupation, Person, Source
from films.models import Credit, Film, Genre, Role

LANGUAGES = ("fr", "ar", "en")
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "artifacts"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def translated(field, text):
    """The same text in the three languages, tagged so a test can tell them apart."""
    return {f"{field}_{code}": f"{text} [{code}]" for code in LANGUAGES}


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"occupation-{n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.slug} fr")
    name_ar = factory.LazyAttribute(lambda o: f"{o.slug} ar")
    name_en = factory.LazyAttribute(lambda o: f"{o.slug} en")


class NationalityFactory(OccupationFactory):
    class Meta:
        model = Nationality
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"nationality-{n}")


class GenreFactory(OccupationFactory):
    class Meta:
        model = Genre
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"genre-{n}")


class RoleFactory(OccupationFactory):
    class Meta:
        model = Role
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"role-{n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Source {n}")
    url = factory.Sequence(lambda n: f"https://example.org/source-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name_fr = factory.Sequence(lambda n: f"Personne {n}")
    name_ar = factory.Sequence(lambda n: f"شخص {n}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
    is_published = True


class BiographySectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BiographySection

    person = factory.SubFactory(PersonFactory)
    slug = factory.Sequence(lambda n: f"section-{n}")
    heading_fr = "Carrière"
    heading_ar = "المسيرة المهنية"
    heading_en = "Career"
    body_fr = "Texte."
    body_ar = "نص."
    body_en = "Text."


class FilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Film

    slug = factory.Sequence(lambda n: f"film-{n}")
    title_fr = factory.Sequence(lambda n: f"Film {n}")
    title_ar = factory.Sequence(lambda n: f"فيلم {n}")
    title_en = factory.Sequence(lambda n: f"Film {n} (en)")
    year = 2013
    genre = factory.SubFactory(GenreFactory, slug="documentary")
    is_published = True


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.SubFactory(RoleFactory, slug="director")


class FestivalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Festival

    slug = factory.Sequence(lambda n: f"festival-{n}")
    name_fr = factory.Sequence(lambda n: f"Festival {n}")
    name_ar = factory.Sequence(lambda n: f"مهرجان {n}")
    name_en = factory.Sequence(lambda n: f"Festival {n} (en)")
    is_published = True


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    slug = factory.Sequence(lambda n: f"award-{n}")
    festival = factory.SubFactory(FestivalFactory)
    film = factory.SubFactory(FilmFactory)
    year = 2013
    category_fr = "Prix du meilleur documentaire"
    category_ar = "جائزة أفضل فيلم وثائقي"
    category_en = "Best Documentary Award"
    is_published = True


@pytest.fixture
def seed(db):
    """The first site's content, loaded the way the run command loads it."""
    call_command("load_site", verbosity=0)
    return Person.objects.get(slug="kamal-hachkar")


@pytest.fixture
def kamal(seed):
    return seed


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads in a test go to a throw-away folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _english_default_is_not_assumed(settings):
    # Tests run with the site's real default language, French.
    assert settings.LANGUAGE_CODE == "fr"


def chromium_available():
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the system (Playwright cannot download its own here).

    Where Chromium is missing the browser tests are skipped with a plain message;
    with REQUIRE_BROWSER=1 (as in CI) a missing Chromium is a failure instead.
    """
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM}: browser tests need Debian's chromium package."
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made
    # by the test itself (set-up, assertions) are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def pytest_report_header(config):
    if chromium_available():
        return f"browser tests: headless Chromium at {CHROMIUM}"
    return f"browser tests: Chromium NOT found at {CHROMIUM}; they will be skipped (install Debian's chromium to run them)"


_skipped_browser_tests = []


def pytest_runtest_logreport(report):
    if report.skipped and "browser" in report.keywords:
        _skipped_browser_tests.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    # In CI a skipped browser test is a failure: a skip proves nothing.
    if os.environ.get("REQUIRE_BROWSER") == "1" and _skipped_browser_tests:
        print(f"\n{len(_skipped_browser_tests)} browser tests were skipped but REQUIRE_BROWSER=1: failing the run.")
        session.exitstatus = 1


# --- Admin: editors and form data -------------------------------------------------------------


class EditorFactory(factory.django.DjangoModelFactory):
    """A staff member in the "Editor" group created by the editorial migration."""

    class Meta:
        model = "auth.User"
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True
    password = factory.django.Password("a-long-editor-password")

    @factory.post_generation
    def editor_group(self, create, extracted, **kwargs):
        # Transactional tests (live server) flush the database, migration data included.
        from filmmaker.permissions import ensure_editor_group

        if create:
            self.groups.add(ensure_editor_group())


@pytest.fixture
def editor(db):
    return EditorFactory(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def admin_form_data(response):
    """The POST data an unchanged admin form would send: main form, inlines and management forms."""
    from django import forms as django_forms

    data = {}

    def add(form):
        for name, field in form.fields.items():
            bound = form[name]
            key = bound.html_name
            value = bound.value()
            widget = field.widget
            if isinstance(field, django_forms.FileField):
                continue
            if isinstance(widget, django_forms.CheckboxInput):
                if value:
                    data[key] = "on"
                continue
            if isinstance(field, django_forms.SplitDateTimeField):
                if value:
                    value = value if isinstance(value, list) else widget.decompress(value)
                    data[f"{key}_0"], data[f"{key}_1"] = [str(v or "") for v in value]
                continue
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)

    context = response.context
    add(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = str(management[name].value())
        for form in formset.forms:
            add(form)
    return data
