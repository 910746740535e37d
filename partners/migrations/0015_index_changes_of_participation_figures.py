"""A partial index on the versions of deelnames' figures that are real changes (not the "beginstand" that
an import or the first save writes): a party's history (reports/changes.py) lists only those, and in a
national register nearly all of the 300,000 versions are the beginstand, so the index is small and the
history of a party with 342 deelnemers reads no version it does not show. SQLite and PostgreSQL both
know partial indexes with this syntax."""

from django.db import migrations

INDEX = "partners_hpf_changes_idx"


class Migration(migrations.Migration):
    dependencies = [("partners", "0014_party_kind")]

    operations = [
        migrations.RunSQL(
            # IF NOT EXISTS: a database that made the index under an earlier number of this migration keeps it.
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON partners_historicalparticipationfinancials (participation_id) "
            "WHERE (history_change_reason <> 'beginstand' OR history_change_reason IS NULL)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
