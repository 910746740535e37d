"""What every page shows of the environment: the item of the main menu it belongs to, and the demo
banner naming the relaxations in force (DEMO)."""

from django.conf import settings

# Pages by URL name, grouped under the item of the main menu (templates/base.html) they belong to.
# A page of one gemeente (its dashboard, doelen, weerstandsvermogen) belongs to Gemeenten, whatever
# app serves it.
MENU_SECTIONS = {
    "partijen": {"party_list", "party_detail", "party_participants", "party_history"},
    "gemeenten": {"municipality_list", "municipality_detail", "dashboard", "municipality_goals", "resistance"},
    "signalen": {"warnings"},
    "personen": {"person_list", "person_detail"},
    "risicos": {"risk_list", "risk_detail"},
    "rapporten": {"my_jobs", "job_status"},
    "import": {"import", "import_report"},
    "aanleveren": {"supply_home", "supply_party", "supply_new", "supply_edit", "supply_token_create"},
}
SECTION_OF = {name: section for section, names in MENU_SECTIONS.items() for name in names}


def environment(request):
    match = getattr(request, "resolver_match", None)
    context = {"menu_section": SECTION_OF.get(match.url_name) if match else None}
    if settings.DEMO:
        context["demo_relaxations"] = settings.DEMO_RELAXATIONS
    return context
