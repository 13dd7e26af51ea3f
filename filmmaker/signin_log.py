"""django-axes (the sign-in log), named in the editors' language.

INSTALLED_APPS names this config instead of "axes": the app keeps its label, models and
tables; only the name the admin shows changes (the index groups it with users and
permissions after the content, see ADMIN_APP_ORDER).
"""

from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _


class SignInLogConfig(AxesConfig):
    verbose_name = _("Sign-in log")
