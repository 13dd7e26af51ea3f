"""The admin on a laptop (1280 px) and a tablet (768 px), in French, Arabic and English.

Every changelist and change form: nothing wider than the window, no content cut off in a
scrolling box, every language badge inside the window; Arabic text at a readable size with
Western digits; no English app, model or field name left in the French and Arabic admin;
the language tabs as the one, consistent language choice. Screenshots of the main pages go
to artifacts/admin/.
"""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from awards.models import Festival
from films.models import Film
from people.models import Person
from tests.admin_growth import add_credits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("fr", "ar", "en")
WIDTHS = (1280, 768)
# Pages worth a screenshot in each language and width: the lists and forms editors use most.
SCREENSHOTS = {"films_film_changelist", "awards_award_changelist", "people_person_change", "films_film_change", "index"}

# What the browser measures on a page (see the module docstring).
MEASURE = """() => {
  const viewport = document.documentElement.clientWidth;
  const result = {scrollWidth: document.documentElement.scrollWidth, viewport, clipped: [], badges: [], small: [], digits: []};
  const visible = (el, cs) => cs.display !== 'none' && cs.visibility !== 'hidden' && el.getClientRects().length > 0;
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (!visible(el, cs)) continue;
    // A box whose content is wider than itself and scrolls or clips it: content cut off.
    const scrolls = ['auto', 'scroll', 'hidden'].includes(cs.overflowX);
    const deliberate = ['INPUT', 'TEXTAREA', 'SELECT', 'OPTION'].includes(el.tagName) || cs.clipPath !== 'none'
      || cs.clip !== 'auto' || cs.textOverflow === 'ellipsis' || cs.textIndent.startsWith('-')
      || el.closest('.visually-hidden, .tr-badge__state');
    if (scrolls && !deliberate && el.clientWidth > 2 && el.scrollWidth > el.clientWidth + 2) {
      result.clipped.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    }
    // Arabic text and its size; digits written the Arabic-Indic way.
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (own && /[\\u0600-\\u06FF]/.test(own) && parseFloat(cs.fontSize) < 13.95 && !el.closest('.visually-hidden, .tr-badge__state')) {
      result.small.push(`${el.tagName.toLowerCase()}.${el.className} ${cs.fontSize} ${own.slice(0, 40)}`);
    }
    if (own && /[\\u0660-\\u0669\\u06F0-\\u06F9]/.test(own)) result.digits.push(own.slice(0, 60));
  }
  // Inline rows: every control stays inside its own cell (none spills over its neighbour).
  result.spills = [];
  for (const td of document.querySelectorAll('.inline-group .tabular tbody tr.form-row:not(.empty-form) > td:not(.original)')) {
    if (!visible(td, getComputedStyle(td))) continue;
    const cell = td.getBoundingClientRect();
    for (const control of td.querySelectorAll('.select2-container, input:not([type=hidden]), select:not(.select2-hidden-accessible), textarea')) {
      const cs = getComputedStyle(control);
      if (!visible(control, cs)) continue;
      const rect = control.getBoundingClientRect();
      if (rect.left < cell.left - 2 || rect.right > cell.right + 2) {
        result.spills.push(`${td.className.split(' ')[0]} ${control.tagName.toLowerCase()} ${Math.round(rect.left)}..${Math.round(rect.right)} in ${Math.round(cell.left)}..${Math.round(cell.right)}`);
      }
    }
  }
  // Every badge is whole: inside the window and inside every box around it that clips.
  for (const badge of document.querySelectorAll('.tr-badge')) {
    const rect = badge.getBoundingClientRect();
    if (rect.width === 0 || !visible(badge, getComputedStyle(badge))) continue;
    let [left, right, by] = [0, viewport, 'the window'];
    for (let box = badge.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      const edges = box.getBoundingClientRect();
      if (edges.left > left) [left, by] = [edges.left, box.className || box.tagName];
      if (edges.right < right) [right, by] = [edges.right, box.className || box.tagName];
    }
    if (rect.left < left - 0.5 || rect.right > right + 0.5) {
      result.badges.push(`${badge.textContent.trim()} ${Math.round(rect.left)}..${Math.round(rect.right)} cut by ${by} ${Math.round(left)}..${Math.round(right)}`);
    }
    // Its visible text keeps clear of its rounded edges on both sides.
    const text = {left: Infinity, right: -Infinity};
    for (const node of badge.childNodes) {
      if (node.nodeType === 1 && node.matches('.tr-badge__state')) continue;
      const range = document.createRange();
      range.selectNode(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0) continue;
      [text.left, text.right] = [Math.min(text.left, box.left), Math.max(text.right, box.right)];
    }
    if (text.right > text.left && Math.min(text.left - rect.left, rect.right - text.right) < 3) {
      result.badges.push(`${badge.textContent.trim()}: text ${Math.round(text.left)}..${Math.round(text.right)} touches its edge ${Math.round(rect.left)}..${Math.round(rect.right)}`);
    }
  }
  return result;
}"""

# The labels editors read: app and model names, column and field labels, section titles.
LABELS = """() => {
  const selectors = ['#nav-sidebar caption', '#nav-sidebar th a', '.app-list caption', '.app-list th a', 'label',
    '#result_list thead th', '.inline-group thead th', 'fieldset h2', '.inline-group h2', '.breadcrumbs a',
    '#changelist-filter summary', '#changelist-filter h3', 'td[data-label]', '.inline-related h3 b', '.add-row a'];
  const texts = new Set();
  for (const el of document.querySelectorAll(selectors.join(','))) {
    if (!el.checkVisibility()) continue;
    const text = (el.getAttribute('data-label') && el.tagName === 'TD' ? el.getAttribute('data-label') : el.textContent).trim();
    if (text) texts.add(text);
  }
  return Array.from(texts);
}"""

# Words French shares with English: not a missing translation when they appear as they are.
SAME_IN_FRENCH = {
    "date", "film", "films", "festival", "festivals", "genre", "genres", "notes", "portrait", "position", "source",
    "sources", "synopsis", "url", "publication", "message", "permissions", "session", "actions", "action",
}


def admin_pages(user):
    """(name, path) of the index, every changelist and a change form of each model (or its
    add form when it has no object yet), as ``user`` may see them."""
    request = RequestFactory().get("/")
    request.user = user
    pages = [("index", reverse("admin:index"))]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        pages.append((f"{name}_changelist", reverse(f"admin:{name}_changelist")))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None and not getattr(model_admin, "edited_on_parent", False) and opts.model_name != "translationstate":
            pages.append((f"{name}_change", reverse(f"admin:{name}_change", args=[obj.pk])))
        elif obj is None and model_admin.has_add_permission(request):
            pages.append((f"{name}_add", reverse(f"admin:{name}_add")))
    return pages


def english_names():
    """Every app, model and field name the admin shows, in English, lower-cased."""
    names = set()
    with translation.override("en"):
        for model in admin.site._registry:
            opts = model._meta
            names.update({str(apps.get_app_config(opts.app_label).verbose_name), str(opts.verbose_name), str(opts.verbose_name_plural)})
            for field in opts.get_fields():
                if getattr(field, "verbose_name", None) and not getattr(field, "auto_created", False):
                    names.add(re.sub(r" \[\w+\]$", "", str(field.verbose_name)))
    return {name.strip().lower() for name in names if name.strip()}


def normalise(label):
    return re.sub(r"\s*[:：]\s*$", "", re.sub(r"\s*\[\w+\]", "", label)).strip().lower()


@pytest.fixture
def signed_in(transactional_db, live_server, browser):
    """The seed with a prolific person (credits beyond the inline's first rows), and a browser
    context signed in as a superuser, shared by every page of the test."""
    call_command("load_site", verbosity=0)
    add_credits(Person.objects.get(slug="kamal-hachkar"), count=30)
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-chief-password")
    # Something for the editors' home to show: a language gap, a scheduled film, a change.
    Festival.objects.filter(slug="ficmec").update(name_en="")
    film = Film.objects.get(slug="tinghir-jerusalem")
    Film.objects.filter(pk=film.pk).update(published_at=timezone.now() + timedelta(days=7))
    LogEntry.objects.log_actions(user.pk, [film], CHANGE, change_message="[]", single_object=True)
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    yield context
    context.close()


def in_language(code, path):
    """The same admin path in another language (/fr/admin/... -> /ar/admin/...)."""
    return re.sub(r"^/\w\w/", f"/{code}/", path)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_admin_page_fits_the_window_and_speaks_its_language(signed_in, live_server, artifacts, width):
    """Layout in every language at this width; at 1280 px also the labels: no English app,
    model or field name in the French and Arabic admin, French colons after a space."""
    folder = artifacts / "admin"
    folder.mkdir(parents=True, exist_ok=True)
    tab = signed_in.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    errors = []
    tab.on("pageerror", lambda error: errors.append(f"{tab.url}: {error}"))
    problems = []
    english = english_names()
    pages = admin_pages(get_user_model().objects.get(username="chief"))
    assert len(pages) > 25
    for code in LANGUAGES:
        for name, path in pages:
            response = tab.goto(live_server.url + in_language(code, path))
            assert response.status == 200, (code, name)
            found = tab.evaluate(MEASURE)
            where = f"{code} {width}px {name}"
            if found["scrollWidth"] > found["viewport"]:
                problems.append(f"{where}: page {found['scrollWidth']} px wide in a {found['viewport']} px window")
            problems += [f"{where}: cut off: {item}" for item in found["clipped"]]
            problems += [f"{where}: badge cut off: {item}" for item in found["badges"]]
            problems += [f"{where}: control spills out of its cell: {item}" for item in found["spills"]]
            if code == "ar":
                problems += [f"{where}: Arabic text under 14 px: {item}" for item in found["small"]]
                problems += [f"{where}: Arabic-Indic digits: {item}" for item in found["digits"]]
            if width == WIDTHS[0] and code in ("fr", "ar"):
                allowed = SAME_IN_FRENCH if code == "fr" else set()
                for label in tab.evaluate(LABELS):
                    if normalise(label) in english and normalise(label) not in allowed:
                        problems.append(f"{where}: untranslated: {label!r}")
                    # French puts a (non-breaking) space before a colon: "Nom :", "Section de biographie :".
                    if code == "fr" and re.search(r"\S:$", label):
                        problems.append(f"{where}: no space before the colon: {label!r}")
            if name in SCREENSHOTS:
                tab.screenshot(path=folder / f"{name}-{code}-{width}.png", full_page=True)
    assert problems == []
    assert errors == []


def test_sign_in_log_comes_after_the_content_on_the_admin_home(signed_in, live_server):
    tab = signed_in.new_page()
    tab.goto(live_server.url + "/ar/admin/")
    captions = [text.strip() for text in tab.locator("#content-main .app-list caption, #content-main caption a").all_inner_texts()]
    captions = [c for c in captions if c]
    assert "سجل تسجيل الدخول" in captions
    # The people, films and awards come first; the accounts and the sign-in log last.
    assert captions.index("الأشخاص") < captions.index("المصادقة والتفويض") < captions.index("سجل تسجيل الدخول")


@pytest.mark.parametrize(("code", "expected"), [("ar", "ar"), ("fr", "fr"), ("en", "en")])
def test_language_tabs_are_the_one_language_choice_and_move_together(signed_in, live_server, artifacts, code, expected):
    person = Person.objects.get(slug="kamal-hachkar")
    tab = signed_in.new_page()
    tab.goto(live_server.url + f"/{code}/admin/people/person/{person.pk}/change/")
    # No second selector beside the title: the tabs choose the language.
    assert tab.locator("#modeltranslation-main-switch").count() == 0
    active = tab.locator(".ui-tabs .ui-tabs-active a").all_inner_texts()
    assert len(active) >= 5
    # Every group opens on the admin's own language.
    assert {text.strip().lower() for text in active} == {expected}
    # Choosing English in one group chooses it everywhere on the page.
    tab.locator(".ui-tabs").first.locator(".ui-tabs-nav a", has_text=re.compile("^en$", re.I)).click()
    active = tab.locator(".ui-tabs .ui-tabs-active a").all_inner_texts()
    assert {text.strip().lower() for text in active} == {"en"}
    assert tab.locator("#id_name_en").is_visible() and tab.locator("#id_summary_en").is_visible()
    if code == "ar":
        tab.screenshot(path=artifacts / "admin-tabs-ar-en.png")


def test_every_inline_cell_carries_its_heading(signed_in, live_server):
    # Rows that wrap show each cell's heading beside it, the award's category (whose
    # language tabs modeltranslation builds in place of three cells) included. One tab
    # goes through the languages, as an editor does: with the scripts cached, the tabs
    # may be built after the page has loaded.
    film = Film.objects.get(slug="tinghir-jerusalem")
    tab = signed_in.new_page()
    for code, category in [("fr", "Catégorie"), ("en", "Category"), ("ar", "الفئة")]:
        tab.goto(live_server.url + f"/{code}/admin/films/film/{film.pk}/change/")
        unlabelled = tab.evaluate("""() => Array.from(document.querySelectorAll(
            '.inline-group .tabular tbody tr.form-row:not(.empty-form) > td:not(.original):not(.delete)'))
            .filter((td) => !td.getAttribute('data-label')).map((td) => td.closest('.inline-group').id + ' ' + td.className)""")
        assert unlabelled == [], code
        assert tab.locator("#awards-group td.ui-tabs").first.get_attribute("data-label") == category


def test_birth_date_is_a_plain_date_without_today_or_time_zone_note(signed_in, live_server):
    person = Person.objects.get(slug="kamal-hachkar")
    tab = signed_in.new_page()
    tab.goto(live_server.url + f"/fr/admin/people/person/{person.pk}/change/")
    birth_date = tab.locator("#id_birth_date")
    assert birth_date.get_attribute("type") == "date"
    assert birth_date.input_value() == "1977-02-25"
    row = tab.locator(".form-row.field-birth_date")
    assert row.locator(".datetimeshortcuts").count() == 0
    assert row.locator(".timezonewarning").count() == 0


@pytest.mark.parametrize(("code", "arrow"), [("ar", "◂"), ("fr", "▸"), ("en", "▸")])
def test_the_folded_filters_arrow_points_the_way_the_language_reads(signed_in, live_server, code, arrow):
    tab = signed_in.new_page()
    tab.goto(live_server.url + f"/{code}/admin/awards/award/")
    before = tab.evaluate("getComputedStyle(document.querySelector('.changelist-filter-panel > summary'), '::before').content")
    assert before.strip('"').strip() == arrow
