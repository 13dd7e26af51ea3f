"""Uploaded media on S3-compatible object storage (django-storages), against a local S3
server that the test starts (moto's server mode). The filesystem stays the default."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from filmmaker.benchmark import free_port
from tests.core.test_images import form_errors, image_bytes, post_poster, upload
from tests.factories import FilmFactory

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
BUCKET = "filmmaker-media"


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    import boto3

    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": s3_server, "querystring_auth": False, "file_overwrite": False},
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_the_filesystem_is_the_default():
    from django.conf import settings

    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_an_uploaded_poster_goes_to_the_bucket_cleaned_and_the_page_links_it(admin_client, client, s3, s3_server):
    film = FilmFactory(poster_alt_fr="Affiche", poster_alt_ar="ملصق", poster_alt_en="Poster", slug="tinghir")
    response = post_poster(admin_client, film, upload("IMG_0001.jpg", image_bytes("JPEG", size=(800, 1200), exif=True)))
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    assert film.poster.name in keys(s3)
    stored = s3.get_object(Bucket=BUCKET, Key=film.poster.name)["Body"].read()
    assert b"Secret Camera" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (800, 1200)

    html = client.get(film.get_absolute_url()).content.decode()
    img = re.search(r"<img [^>]*>", html[html.index("<main"):]).group(0)
    assert f'src="{s3_server}/{BUCKET}/{film.poster.name}"' in img
    # The responsive renditions were made and stored in the bucket too.
    renditions = re.findall(rf"{re.escape(s3_server)}/{BUCKET}/(\S+) (\d+)w", img)
    assert renditions and all(key in keys(s3) for key, _width in renditions if key != film.poster.name)


def test_load_site_copies_media_into_the_bucket(s3, tmp_path):
    media = tmp_path / "media"
    (media / "posters").mkdir(parents=True)
    (media / "posters" / "cover.png").write_bytes(image_bytes("PNG", size=(20, 30)))
    call_command("load_site", media=str(media), verbosity=0)
    assert "posters/cover.png" in keys(s3)
    # Loading again replaces the file rather than adding a second copy.
    call_command("load_site", media=str(media), verbosity=0)
    assert keys(s3).count("posters/cover.png") == 1 and len(keys(s3)) == 1


def test_settings_for_object_storage_from_the_environment():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_MEDIA_STORAGE": "s3",
        "DJANGO_S3_BUCKET": "media-bucket",
        "DJANGO_S3_CUSTOM_DOMAIN": "media.example.org",
    }
    code = (
        "from django.conf import settings; from django.core.files.storage import default_storage as s, storages; "
        "print(type(storages['default']).__name__, s.bucket_name, s.url('a.jpg'), "
        "settings.SERVE_MEDIA, settings.SECURE_CSP['img-src'][-1])"
    )
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "S3Storage media-bucket https://media.example.org/a.jpg False https://media.example.org"
