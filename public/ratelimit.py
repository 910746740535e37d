"""A limit on requests without login (the public register and the open API), per client address, counted in
the shared cache: a fixed window of a minute, so every app server counts against the same number.

The client address is REMOTE_ADDR, or behind a reverse proxy the last address in the header that proxy sets
(PUBLIC_CLIENT_IP_HEADER): the one address a client cannot choose.
"""

import time

from django.conf import settings
from django.core.cache import cache

WINDOW = 60  # seconds


def client_address(request) -> str:
    header = settings.PUBLIC_CLIENT_IP_HEADER
    if header:
        forwarded = request.headers.get(header, "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "") or "onbekend"


def retry_after(request) -> int | None:
    """Count this request; the seconds until the client may ask again when it is over the limit, else None."""
    limit = settings.PUBLIC_RATE_LIMIT
    if not limit:
        return None
    now = time.time()
    window = int(now // WINDOW)
    key = f"openbaar:limiet:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW * 2)
        count = 1
    if count <= limit:
        return None
    return max(1, int((window + 1) * WINDOW - now) + 1)
