"""Pages of a collection: the items with their count and the addresses of the next and previous page in the
body, and the same addresses as RFC 8288 Link headers (as the NL GOV API Design Rules' pagination asks)."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class Pages(PageNumberPagination):
    page_size = 50
    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    max_page_size = 500
    invalid_page_message = "Pagina {page_number} bestaat niet."
    page_query_description = "Het nummer van de pagina (vanaf 1)."
    page_size_query_description = "Het aantal resultaten per pagina (hooguit 500; standaard 50)."

    def get_paginated_response(self, data):
        response = Response(
            {
                "aantal": self.page.paginator.count,
                "volgende": self.get_next_link(),
                "vorige": self.get_previous_link(),
                "resultaten": data,
            }
        )
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        response["X-Total-Count"] = str(self.page.paginator.count)
        return response

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["aantal", "volgende", "vorige", "resultaten"],
            "properties": {
                "aantal": {"type": "integer", "description": "Het aantal resultaten over alle pagina's."},
                "volgende": {"type": ["string", "null"], "format": "uri", "description": "De volgende pagina."},
                "vorige": {"type": ["string", "null"], "format": "uri", "description": "De vorige pagina."},
                "resultaten": schema,
            },
        }
