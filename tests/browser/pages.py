"""The pages of the application the browser suite visits, by name, in menu order."""

GEMEENTE = "GM0014"  # Groningen, the centre of the demo region
PARTY = "veiligheidsregio-groningen"  # a party with risks, seats and cycle documents in the demo
REPORT_YEAR = 2026

PAGES = {
    "inloggen": "/inloggen/",
    "partijen": "/partijen/",
    "partijen-gefilterd": "/partijen/?bbv_categorie=1&o=naam",
    "factsheet": f"/partijen/{PARTY}/",
    "deelnemers": f"/partijen/{PARTY}/deelnemers/",
    "gemeenten": "/gemeenten/",
    "gemeente": f"/gemeenten/{GEMEENTE}/",
    "dashboard": f"/gemeenten/{GEMEENTE}/dashboard/",
    "weerstandsvermogen": f"/gemeenten/{GEMEENTE}/weerstandsvermogen/",
    "rapportage": f"/gemeenten/{GEMEENTE}/rapportage/{REPORT_YEAR}/begroting",
    "personen": "/personen/",
    "persoon": None,  # the first person in /personen/: ids of demo rows are not fixed
    "risicos": "/risicos/",
    "risico": None,  # the first risk in /risicos/
    "niet-gevonden": "/bestaat-niet/",
}
# Pages that answer 404 until another part of the application is built; tests skip them until then.
NOT_YET_BUILT = {"rapportage": "de rapportage (paragraaf verbonden partijen) is nog niet gebouwd"}
# Pages opened without logging in.
ANONYMOUS = {"inloggen"}
# Standalone documents (the report preview prints as A4): no application header, menu or skip link.
DOCUMENTS = {"rapportage"}
