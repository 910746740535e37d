"""Sessions end after SESSION_IDLE_MINUTES without activity.

The session lives SESSION_COOKIE_AGE (the idle time) from its last save; a request moves that end
forward by saving the session again, at most once a minute, so pages do not write on every
request (SESSION_SAVE_EVERY_REQUEST would). The session therefore ends between one minute before
and exactly at the idle time after the last request.
"""

import time

from django.contrib.auth import SESSION_KEY

LAST_SEEN_KEY = "_idle_last_seen"
REFRESH_SECONDS = 60


def touch(session, *, now: float | None = None) -> None:
    """Record activity: save the session (and so move its end) if the last save is a minute old."""
    now = time.time() if now is None else now
    if now - session.get(LAST_SEEN_KEY, 0) >= REFRESH_SECONDS:
        session[LAST_SEEN_KEY] = int(now)


def mark_login(sender, request, user, **kwargs):
    """A login saves the session anyway: count it as activity (user_logged_in signal)."""
    if request is not None and hasattr(request, "session"):
        touch(request.session)


class IdleTimeoutMiddleware:
    """Moves the end of a logged-in user's session forward on each request (see module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            touch(session)
        return response
