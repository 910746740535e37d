"""The user roles of the register as auth groups, and their permissions, kept in sync after migrate."""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

# The apps whose models the roles read or maintain: the register's, the log of imports and the API keys (the
# beheerder reads them in the admin) and the switch of the public register. An app label here is configuration.
ROLE_APPS = ("partners", "governance", "risks", "importer", "public", "api")

BELEIDSMEDEWERKER = "beleidsmedewerker"
CONTROLLER = "controller"
BEHEERDER = "beheerder"
# A member or clerk of a gemeenteraad: reads his gemeente's register as the public paragraaf shows it.
RAAD_GRIFFIE = "raadslid/griffie"
# A user of a party (not of a gemeente) who keeps the party's own record (partners.UserParty).
BRONHOUDER = "bronhouder"

# Group name -> permission actions on every model of ROLE_APPS. Reading is enough for the policy
# officer and the controller (the controller will also get the reports); the beheerder maintains the register.
ROLES = {
    BELEIDSMEDEWERKER: ("view",),
    CONTROLLER: ("view",),
    BEHEERDER: ("add", "change", "delete", "view"),
    RAAD_GRIFFIE: ("view",),
    # Reading in the pages; what he may write is decided per row by the Aanleveren pages and the API.
    BRONHOUDER: ("view",),
}


def ensure_roles(*, apps=global_apps, using=DEFAULT_DB_ALIAS) -> dict:
    """Create the groups if missing and set their permissions to exactly what ROLES asks of the
    permissions that exist now. Safe to repeat; returns the groups by name."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    groups = {}
    for name, actions in ROLES.items():
        group, _ = group_model.objects.using(using).get_or_create(name=name)
        by_action = Q()
        for action in actions:
            by_action |= Q(codename__startswith=f"{action}_")
        wanted = set(
            permission_model.objects.using(using)
            .filter(by_action, content_type__app_label__in=ROLE_APPS)
            # History is written by the register itself, never by hand: only viewing it is a right.
            .exclude(~Q(codename__startswith="view_"), codename__contains="_historical")
            .values_list("pk", flat=True)
        )
        current = set(group.permissions.values_list("pk", flat=True))
        if wanted != current:
            group.permissions.set(wanted)
        groups[name] = group
    return groups


def sync_roles_after_migrate(sender, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver: re-sync the groups with whatever permissions exist at this moment."""
    try:
        apps.get_model("auth", "Group")
        apps.get_model("contenttypes", "ContentType")
    except LookupError:  # auth or contenttypes is not (yet) migrated on this database
        return
    ensure_roles(apps=apps, using=using)
