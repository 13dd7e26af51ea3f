from django.conf import settings


class StaffSessionTimeoutMiddleware:
    """Staff sessions expire after STAFF_SESSION_IDLE_SECONDS without a request.

    Each request by a staff member sets the session's expiry again, so the count starts
    anew; an unattended admin tab on a shared computer is signed out after half an hour.
    Visitors have no session to expire.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Read after the view, so the request that signs in sets the expiry too. A visitor
        # without a session cookie is left alone: reading the user would load the session
        # and mark the page "Vary: Cookie", keeping it out of the page cache and gzip.
        session = getattr(request, "session", None)
        if settings.SESSION_COOKIE_NAME not in request.COOKIES and not (session is not None and session.accessed):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff and hasattr(request, "session"):
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return response
