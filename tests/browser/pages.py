"""The pages of the application the browser suite visits, by name, in menu order."""

import datetime

GEMEENTE = "GM0014"  # Groningen, the centre of the demo region
PARTY = "veiligheidsregio-groningen"  # a party with risks, seats and cycle documents in the demo
REPORT_YEAR = 2026
# The demo is loaded when the suite starts, so the register as it stood today is the demo itself.
TODAY = datetime.date.today().isoformat()

PAGES = {
    "inloggen": "/inloggen/",
    "partijen": "/partijen/",
    "partijen-gefilterd": "/partijen/?bbv_categorie=1&o=naam",
    "partijen-peildatum": f"/partijen/?peildatum={TODAY}",
    "peildatum-ongeldig": "/partijen/?peildatum=31-02-2025",
    "factsheet": f"/partijen/{PARTY}/",
    "factsheet-peildatum": f"/partijen/{PARTY}/?peildatum={TODAY}",
    "historie": f"/partijen/{PARTY}/historie/",
    "deelnemers": f"/partijen/{PARTY}/deelnemers/",
    "factsheet-financien": f"/partijen/{PARTY}/financien/",
    "factsheet-doelen": f"/partijen/{PARTY}/doelen/",
    "factsheet-sturing": f"/partijen/{PARTY}/sturing/",
    "factsheet-risicos": f"/partijen/{PARTY}/risicos/",
    "vergelijking": f"/partijen/{PARTY}/vergelijking/",
    "gemeenten": "/gemeenten/",
    "gemeente": f"/gemeenten/{GEMEENTE}/",
    "gemeente-vergelijking": f"/gemeenten/{GEMEENTE}/vergelijking/",
    "gemeente-deelnames": f"/gemeenten/{GEMEENTE}/deelnames/",
    "gemeente-financien": f"/gemeenten/{GEMEENTE}/financien/",
    "doelen": f"/gemeenten/{GEMEENTE}/doelen/",
    "gemeente-sturing": f"/gemeenten/{GEMEENTE}/sturing/",
    "gemeente-risicos": f"/gemeenten/{GEMEENTE}/risicos/",
    "gemeente-historie": f"/gemeenten/{GEMEENTE}/historie/",
    "dashboard": f"/gemeenten/{GEMEENTE}/dashboard/",
    "weerstandsvermogen": f"/gemeenten/{GEMEENTE}/weerstandsvermogen/",
    "rapportage": f"/gemeenten/{GEMEENTE}/rapportage/{REPORT_YEAR}/begroting",
    "rapportage-peildatum": f"/gemeenten/{GEMEENTE}/rapportage/{REPORT_YEAR}/begroting?peildatum={TODAY}",
    "signalen": "/signalen/",
    "personen": "/personen/",
    "persoon": None,  # the first person in /personen/: ids of demo rows are not fixed
    "risicos": "/risicos/",
    "risico": None,  # the first risk in /risicos/
    "mijn-rapporten": "/rapporten/",
    "import": "/import/",
    "importverslag": None,  # the dry run of the demo register exported in the import template
    "openbaar": "/openbaar/",
    "openbaar-gemeente": f"/openbaar/{GEMEENTE}/",
    "openbaar-partij": f"/openbaar/{GEMEENTE}/partijen/{PARTY}/",
    "openbaar-uit": "/openbaar/GM1895/",  # Oldambt has not published its register: the public 404
    "niet-gevonden": "/bestaat-niet/",
    "ongeldig-verzoek": "/partijen/?q=%00",  # a NUL in the address: the Dutch 400 page
    "geen-toegang": "/admin/autocomplete/",  # a refused request: the Dutch 403 page
}
# Pages only a beheerder may open; the others are visited as a beleidsmedewerker.
AS_USER = {"import": "beheer", "importverslag": "beheer", "geen-toegang": "beheer"}
# Pages opened without logging in.
ANONYMOUS = {"inloggen", "openbaar", "openbaar-gemeente", "openbaar-partij", "openbaar-uit"}
# Standalone documents (the report preview prints as A4): no application header, menu or skip link.
DOCUMENTS = {"rapportage", "rapportage-peildatum"}
