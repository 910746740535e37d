"""The history of a party reads the real changes of its deelnames' figures through a small partial index,
not every version: in a national register nearly all 300,000 versions are the beginstand."""

import pytest
from django.db import connection

from core.history import BEGINSTAND_REASON
from partners.models import ParticipationFinancials

pytestmark = pytest.mark.django_db

INDEX = "partners_hpf_changes_idx"


def test_the_real_changes_of_deelnames_figures_have_a_partial_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "partners_historicalparticipationfinancials")
    assert constraints[INDEX]["columns"] == ["participation_id"]


def test_the_query_for_changes_of_a_partys_figures_uses_it():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's planner, without statistics, takes the index on participation_id")
    # The filter of reports/changes.py: the party's deelnames, without the beginstand versions.
    listed = (
        ParticipationFinancials.history.model.objects.filter(participation_id__in=[1, 2, 3])
        .exclude(history_change_reason=BEGINSTAND_REASON)
        .values("history_id")
    )
    sql, params = listed.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert INDEX in plan
