"""Gzip for public pages only.

Compressing a response that carries a secret (a CSRF token in a form, anything shown to
a signed-in editor) next to text an attacker can inject opens the BREACH attack. Public
pages carry neither, so they are compressed; responses for someone with a session, that
set a cookie, or that vary on cookies (Django's CSRF middleware adds ``Vary: Cookie``
when a page uses the token) go out as they are. The admin is small and used by few.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import has_vary_header


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
            return response
        if has_vary_header(response, "Cookie"):
            return response
        return super().process_response(request, response)
