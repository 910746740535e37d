"""Helpers for governance page tests: count the queries of a page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
