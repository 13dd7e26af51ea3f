import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the admin account if it does not exist yet. The username and password come from "
        "DJANGO_ADMIN_USERNAME and DJANGO_ADMIN_PASSWORD (default: admin / admin, for a local demo only)."
    )

    def handle(self, **options):
        username = os.environ.get("DJANGO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DJANGO_ADMIN_PASSWORD", "admin")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True, "email": ""}
        )
        if created:
            user.set_password(password)
            user.save()
            self.stdout.write(self.style.SUCCESS(f"Admin account created: {username} / {password}"))
        else:
            self.stdout.write(f"Admin account {username} already exists; its password is unchanged.")
