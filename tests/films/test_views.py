import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_film_detail_answers_in_each_language(client, seed, code):
    with translation.override(code):
        url = reverse("films:detail", kwargs={"slug": "tinghir-jerusalem"})
    response = client.get(url)
    assert response.status_code == 200
    assert url.startswith(f"/{code}/")
