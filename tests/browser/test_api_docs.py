"""The API's interactive documentation works offline under the site's strict CSP."""

import pytest
from django.core.management import call_command


@pytest.fixture
def site_content(transactional_db):
    call_command("load_site", verbosity=0)


@pytest.mark.browser
def test_the_documentation_lists_and_runs_the_operations_without_breaking_the_policy(site_content, live_server, page, artifacts):
    problems, outside = [], []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: request.url.startswith(live_server.url) or request.url.startswith("data:") or outside.append(request.url))

    page.goto(f"{live_server.url}/fr/api/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert page.locator(".opblock").count() == 8

    # Try one operation from the page: the browser fetches the API itself.
    operation = page.locator(".opblock", has_text="/fr/api/people/{slug}/").first
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("input[placeholder='slug']").fill("kamal-hachkar")
    operation.locator("button.execute").click()
    page.wait_for_selector(".live-responses-table tbody .response-col_status", timeout=15000)
    assert "200" in operation.locator(".live-responses-table tbody .response-col_status").first.inner_text()
    assert "Kamal Hachkar" in operation.locator(".live-responses-table").inner_text()
    page.screenshot(path=artifacts / "api-docs.png")

    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert outside == []
