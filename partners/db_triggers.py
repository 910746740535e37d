"""Database triggers for invariants that span rows, which a CheckConstraint cannot express.

The shares of all participants in one party may not add up to more than 100%. The triggers are
(re)created after every migrate, because SQLite drops a table's triggers when Django rebuilds it.
"""

SHARE_SUM_MESSAGE = "De aandelen van de deelnemers in een partij komen samen boven 100%."

_POSTGRES = [
    f"""
    CREATE OR REPLACE FUNCTION partners_participation_share_sum() RETURNS trigger AS $$
    BEGIN
        IF (SELECT COALESCE(SUM(share_percentage), 0) FROM partners_participation
            WHERE party_id = NEW.party_id) > 100 THEN
            -- MESSAGE, not a format string: there '%' would be a placeholder ("100%").
            RAISE EXCEPTION USING MESSAGE = '{SHARE_SUM_MESSAGE}', ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS partners_participation_share_sum ON partners_participation",
    """
    CREATE CONSTRAINT TRIGGER partners_participation_share_sum
    AFTER INSERT OR UPDATE OF share_percentage, party_id ON partners_participation
    FOR EACH ROW EXECUTE FUNCTION partners_participation_share_sum()
    """,
]

# SQLite stores decimals as binary floats, so 84.18 + 7.56 + 8.26 sums to 100.00000000000001;
# rounding to the field's 4 decimal places compares the sum the way the user entered it.
_SQLITE = [
    statement
    for event in ("INSERT", "UPDATE")
    for statement in (
        f"DROP TRIGGER IF EXISTS partners_participation_share_sum_{event.lower()}",
        f"""
        CREATE TRIGGER partners_participation_share_sum_{event.lower()}
        AFTER {event} ON partners_participation
        WHEN (SELECT ROUND(COALESCE(SUM(share_percentage), 0), 4) FROM partners_participation
              WHERE party_id = NEW.party_id) > 100
        BEGIN SELECT RAISE(ABORT, '{SHARE_SUM_MESSAGE}'); END
        """,
    )
]


def install(connection) -> None:
    """Create or replace the triggers on the given connection (PostgreSQL or SQLite)."""
    statements = {"postgresql": _POSTGRES, "sqlite": _SQLITE}.get(connection.vendor)
    if statements is None:
        return
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install_after_migrate(sender, using, **kwargs):
    from django.db import connections

    install(connections[using])
