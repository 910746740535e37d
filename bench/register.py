"""Benchmark of the register at national scale: list, factsheet, gemeente page and exports.

Builds its own database (never the developer's) with 342 gemeenten, 3,000 parties and 30,000
participations with five years of figures, then prints median and p90 server times, queries per
request and the exports' peak memory against the targets. A script that prints figures, not a test.

    make bench
    SECRET_KEY=bench-only-secret .venv/bin/python bench/register.py --database-url postgres://postgres@127.0.0.1:5432/vp_bench
"""

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
import warnings
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DEFAULT_DATABASE_URL = f"sqlite:///{OUT / 'bench.sqlite3'}"

PARTIES = 3_000
PARTICIPATIONS = 30_000
YEARS = 5
BATCH = 2_000
# A national party in which every gemeente takes part (as in BNG Bank): the factsheet's worst case.
LARGEST_PARTY_SIZE = 342

FILTERED_QUERY = "rechtsvorm=openbaar_lichaam&deelnemer=GM0014&o=-gemeenten"

TARGET_PAGE_MS = 100
TARGET_EXPORT_MS = 2_000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=DEFAULT_DATABASE_URL,
        help="sqlite:///pad of postgres://…/naam; standaard bench/out/bench.sqlite3",
    )
    parser.add_argument("--runs", type=int, default=20, help="gemeten runs per pagina (na 2 opwarmruns)")
    parser.add_argument("--regenerate", action="store_true", help="gooi de benchmarkdatabase weg en bouw haar opnieuw")
    parser.add_argument("--seed", type=int, default=2025, help="seed van de gegenereerde gegevens")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs moet minstens 1 zijn")
    return args


# --- database -----------------------------------------------------------------------------------


def prepare_database(url: str, regenerate: bool) -> None:
    """Make sure the bench database exists (empty again with --regenerate), before Django connects."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        path = Path(parts.path[1:])  # as django-environ reads it: sqlite:////absolute/path
        if path.resolve() == (ROOT / "db.sqlite3").resolve():
            sys.exit("Weigert de database van de ontwikkelaar (db.sqlite3) te gebruiken; kies een eigen bestand.")
        path.parent.mkdir(parents=True, exist_ok=True)
        if regenerate and path.exists():
            path.unlink()
        return
    if parts.scheme.startswith("postgres"):
        import psycopg
        from psycopg import sql

        name = parts.path.lstrip("/")
        if not name or name in {"postgres", "template0", "template1"}:
            sys.exit(f"Geef een eigen databasenaam voor de benchmark, niet {name!r}.")
        admin_url = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
        with psycopg.connect(admin_url, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if exists and regenerate:
                conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
                exists = None
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return
    sys.exit(f"Onbekend databasetype in {url!r}: gebruik sqlite:/// of postgres://.")


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench-only-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # The test client speaks plain http: without this the production default answers 301 to https.
    os.environ.setdefault("HTTPS", "false")
    # WhiteNoise warns that collectstatic has not run; the benchmarks serve no static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = ["testserver"]


# --- data ---------------------------------------------------------------------------------------


def register_is_complete() -> bool:
    from partners.models import Participation, ParticipationFinancials, Party, PartyFinancials

    return (
        Party.objects.count() == PARTIES
        and Participation.objects.count() == PARTICIPATIONS
        and PartyFinancials.objects.exists()
        and ParticipationFinancials.objects.exists()
    )


def _party_sizes(rng: random.Random) -> list[int]:
    """Participants per party: one national party, the others 3–17 so that all add up to 30,000."""
    rest = PARTICIPATIONS - LARGEST_PARTY_SIZE
    others = PARTIES - 1
    sizes = [rng.randint(3, 17) for _ in range(others)]
    # Nudge random parties up or down until the total is exact, staying within 2–20.
    while (diff := rest - sum(sizes)) != 0:
        i = rng.randrange(others)
        step = 1 if diff > 0 else -1
        if 2 <= sizes[i] + step <= 20:
            sizes[i] += step
    return [LARGEST_PARTY_SIZE, *sizes]


def _shares(rng: random.Random, n: int) -> list[Decimal]:
    """n shares that add up to at most 100 (rounded down to the field's four decimals)."""
    weights = [rng.uniform(0.5, 5) for _ in range(n)]
    total = sum(weights)
    unit = Decimal("0.0001")
    return [(Decimal(str(100 * w / total))).quantize(unit, rounding=ROUND_DOWN) for w in weights]


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def generate_register(seed: int) -> None:
    from django.db import transaction
    from django.utils.text import slugify

    from core.periods import report_year
    from partners.choices import FigureKind, FinancialInterestForm, LegalForm, PartyStatus
    from partners.models import (
        Participant,
        Participation,
        ParticipationFinancials,
        Party,
        PartyFinancials,
        PolicyArea,
    )

    rng = random.Random(seed)
    # The gemeenten of today: a deelname of a gemeente that ended by herindeling would not count.
    municipalities = list(Participant.objects.municipalities().filter(ended_on__isnull=True).order_by("code"))
    if len(municipalities) != LARGEST_PARTY_SIZE:
        sys.exit(f"Verwacht {LARGEST_PARTY_SIZE} gemeenten uit de migratie, gevonden: {len(municipalities)}.")
    policy_areas = list(PolicyArea.objects.all()) or [None]
    forms = list(LegalForm)
    form_weights = [30, 12, 10, 8, 6, 8, 10, 3, 8, 3, 2]  # gemeenschappelijke regelingen vooral
    statuses = [PartyStatus.ACTIEF] * 17 + [PartyStatus.IN_OPRICHTING, PartyStatus.IN_LIQUIDATIE, PartyStatus.BEEINDIGD]
    first_year = report_year() - YEARS + 1
    years = range(first_year, first_year + YEARS)
    kinds = (FigureKind.BEGROTING, FigureKind.REALISATIE)

    started = time.perf_counter()
    with transaction.atomic():
        parties = []
        for i in range(PARTIES):
            form = forms[0] if i == 0 else rng.choices(forms, form_weights)[0]
            status = rng.choice(statuses)
            founded = rng.randint(1950, 2020)
            region = municipalities[i % len(municipalities)]
            name = f"{form.label} {region.name} {i + 1:04d}"
            parties.append(
                Party(
                    name=name,
                    slug=slugify(name),
                    abbreviation=f"VP{i + 1:04d}",
                    legal_form=form,
                    seat=region.name,
                    status=status,
                    policy_area=rng.choice(policy_areas),
                    public_interest="Uitvoering van taken die de deelnemers samen beter kunnen doen.",
                    purpose="Doelmatige uitvoering in de regio.",
                    founded_on=f"{founded}-01-01",
                    ended_on=f"{founded + rng.randint(1, 5)}-12-31" if status == PartyStatus.BEEINDIGD else None,
                    kvk_number=f"{10_000_000 + i:08d}",
                    central_municipality=region if form == LegalForm.CENTRUMGEMEENTEREGELING else None,
                )
            )
        Party.objects.bulk_create(parties, batch_size=BATCH)
        parties = list(Party.objects.order_by("pk"))  # pks on every backend
        print(f"  {len(parties):>7,} partijen")

        participations = []
        for party, size in zip(parties, _party_sizes(rng), strict=True):
            members = municipalities if size == len(municipalities) else rng.sample(municipalities, size)
            for member, share in zip(members, _shares(rng, size), strict=True):
                verbonden = rng.random() > 0.08
                participations.append(
                    Participation(
                        party=party,
                        participant=member,
                        governance_interest=True,
                        governance_interest_note="1 zetel in het algemeen bestuur",
                        votes=rng.randint(1, 10),
                        financial_interest=verbonden,
                        financial_interest_form=rng.choice(list(FinancialInterestForm)) if verbonden else "",
                        share_percentage=share,
                        joined_on=party.founded_on,
                    )
                )
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        participation_ids = list(Participation.objects.order_by("pk").values_list("pk", flat=True))
        print(f"  {len(participation_ids):>7,} deelnames")

        party_figures = [
            PartyFinancials(
                party=party,
                year=year,
                kind=kind,
                equity_start=_money(rng, 0, 20_000_000),
                equity_end=_money(rng, 0, 20_000_000),
                liabilities_start=_money(rng, 0, 50_000_000),
                liabilities_end=_money(rng, 0, 50_000_000),
                result=_money(rng, -1_000_000, 2_000_000),
            )
            for party in parties
            for year in years
            for kind in kinds
        ]
        PartyFinancials.objects.bulk_create(party_figures, batch_size=BATCH)
        print(f"  {len(party_figures):>7,} cijferregels van partijen")

        count = 0
        for year in years:  # one year at a time keeps memory flat
            for kind in kinds:
                rows = [
                    ParticipationFinancials(
                        participation_id=pk,
                        year=year,
                        kind=kind,
                        contribution=_money(rng, 1_000, 5_000_000),
                        interest_start=_money(rng, 0, 1_000_000),
                        interest_end=_money(rng, 0, 1_000_000),
                        dividend=_money(rng, 0, 50_000),
                    )
                    for pk in participation_ids
                ]
                ParticipationFinancials.objects.bulk_create(rows, batch_size=BATCH)
                count += len(rows)
        print(f"  {count:>7,} cijferregels van deelnames ({years[0]}–{years[-1]}, begroting en realisatie)")
    print(f"Genereren duurde {time.perf_counter() - started:.1f} s")


def ensure_populations(seed: int) -> int:
    """Inwonertallen of every gemeente for the years with figures, so that the factsheets show the
    bijdrage per inwoner and the regional comparison (as a register with CBS figures loaded does).
    Only missing ones are added, also to a benchmark database made before they were generated."""
    from core.periods import report_year
    from partners.models import Participant, Population

    rng = random.Random(seed + 1)
    first_year = report_year() - YEARS + 1
    have = set(Population.objects.values_list("participant_id", "year"))
    new = []
    for municipality in Participant.objects.municipalities().order_by("code"):
        inhabitants = round(10 ** rng.uniform(3.7, 5.9))  # 5.000 to 800.000
        for year in range(first_year, first_year + YEARS):
            if (municipality.pk, year) not in have:
                new.append(Population(participant=municipality, year=year, inhabitants=inhabitants))
            inhabitants = round(inhabitants * rng.uniform(0.995, 1.012))
    Population.objects.bulk_create(new, batch_size=BATCH)
    return len(new)


# Kinds of party (partners.choices.PartyKind) with their weights: every party gets one, so the largest
# comparable kind holds several hundred parties, far more than the country has of any real kind.
KIND_WEIGHTS = {
    "veiligheidsregio": 3,
    "ggd": 3,
    "omgevingsdienst": 4,
    "afvalbedrijf": 8,
    "archief": 5,
    "belastingsamenwerking": 7,
    "sociale_werkvoorziening": 20,
    "overig": 50,
}


def ensure_kinds(seed: int) -> int:
    """A kind on every party without one (for the peer comparison, bench/peers.py); parties that have a
    kind keep it. Returns how many got one."""
    from partners.models import Party

    rng = random.Random(seed + 2)
    missing = list(Party.objects.filter(kind="").order_by("pk").values_list("pk", flat=True))
    chosen: dict[str, list[int]] = {}
    for pk in missing:
        chosen.setdefault(rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0], []).append(pk)
    for kind, pks in chosen.items():
        for start in range(0, len(pks), BATCH):
            Party.objects.filter(pk__in=pks[start : start + BATCH]).update(kind=kind)
    return len(missing)


def ensure_warning_figures(seed: int) -> int:
    """The few rows the signalen read besides the figures above (governance/early_warnings.py): the
    begroting and jaarrekening of every party with the Wgr cycle (most in time, some late or missing,
    a few with an accountantsverklaring other than goedkeurend), begrotingswijzigingen, zienswijzen with
    and without an answer, two monitoring scans for a share of the deelnames, and an index per year.
    Added once; returns the number of new rows."""
    from datetime import date, timedelta
    from decimal import Decimal

    from django.db import transaction

    from core.periods import report_year
    from governance import law
    from governance.choices import AuditOpinion, CriterionGroup, OpinionStatus, Signal
    from governance.deadlines import DocumentKind
    from governance.models import Assessment, ContributionIndex, Criterion, CycleDocument, Opinion, Score
    from partners.models import Participation, Party

    if CycleDocument.objects.exists():
        return 0
    rng = random.Random(seed + 2)
    year = report_year()
    new = 0
    with transaction.atomic():
        indexes = [
            ContributionIndex(year=y, percentage=Decimal(str(round(rng.uniform(1.5, 4.5), 1))), source="bench")
            for y in range(year - YEARS + 1, year + 2)
        ]
        ContributionIndex.objects.bulk_create(indexes)
        new += len(indexes)
        cycle = [
            p for p in Party.objects.order_by("pk") if law.has_cycle(p.legal_form, by_regeling=p.cycle_by_regeling)
        ]
        documents = []
        for party in cycle:
            for kind, doc_year, adopted in (
                (DocumentKind.BEGROTING, year + 1, date(year, 7, 1)),
                (DocumentKind.JAARREKENING, year - 1, date(year, 6, 24)),
            ):
                roll = rng.random()
                if roll < 0.05:
                    continue  # not recorded: a "niet ontvangen" signal
                sent = adopted + timedelta(days=rng.randint(20, 40) if roll < 0.15 else rng.randint(1, 14))
                audit = ""
                if kind == DocumentKind.JAARREKENING:
                    audit = rng.choices(list(AuditOpinion), [90, 7, 2, 1])[0]
                documents.append(
                    CycleDocument(
                        party=party,
                        kind=kind,
                        year=doc_year,
                        adopted_on=adopted,
                        sent_to_supervisor_on=sent,
                        opinion_invited=False,
                        audit_opinion=audit,
                    )
                )
            documents.append(
                CycleDocument(party=party, kind=DocumentKind.ONTWERPBEGROTING, year=year + 1, sent_on=date(year, 4, 15))
            )
            for number in range(rng.choice([0, 0, 1, 2, 3, 4])):
                documents.append(
                    CycleDocument(
                        party=party, kind=DocumentKind.BEGROTINGSWIJZIGING, year=year, title=f"{number + 1}e wijziging"
                    )
                )
        CycleDocument.objects.bulk_create(documents, batch_size=BATCH)
        new += len(documents)
        drafts = dict(CycleDocument.objects.filter(kind=DocumentKind.ONTWERPBEGROTING).values_list("party_id", "pk"))
        participations = list(
            Participation.objects.filter(participant__kind="gemeente")
            .order_by("pk")
            .values_list("party_id", "participant_id")
        )
        opinions = []
        for party_id, municipality_id in participations:
            if party_id in drafts and rng.random() < 0.3:
                answered = rng.random() < 0.5
                opinions.append(
                    Opinion(
                        document_id=drafts[party_id],
                        municipality_id=municipality_id,
                        status=OpinionStatus.VERZONDEN,
                        council_decision_on=date(year, 6, 20),
                        sent_on=date(year, 6, 25),
                        board_answer="Het bestuur neemt de zienswijze over." if answered else "",
                        answered_on=date(year, 7, 10) if answered else None,
                    )
                )
        Opinion.objects.bulk_create(opinions, batch_size=BATCH)
        new += len(opinions)
        criteria = [
            Criterion.objects.get_or_create(
                name=name, municipality=None, defaults={"group": CriterionGroup.TOETSINGSKADER}
            )[0]
            for name in ("Kwaliteit van de dienstverlening", "Risicomanagement", "Kostenbesparing")
        ]
        scanned = rng.sample(participations, len(participations) // 20)
        scans = [
            Assessment(party_id=party_id, municipality_id=municipality_id, assessed_on=day, signal=Signal.GROEN)
            for party_id, municipality_id in scanned
            for day in (date(year - 1, 3, 1), date(year, 3, 1))
        ]
        Assessment.objects.bulk_create(scans, batch_size=BATCH)
        scans = list(Assessment.objects.order_by("pk").values_list("pk", flat=True))
        scores = [
            Score(assessment_id=pk, criterion=criterion, score=rng.randint(1, 5))
            for pk in scans
            for criterion in criteria
        ]
        Score.objects.bulk_create(scores, batch_size=BATCH)
        new += len(scans) + len(scores)
    return new


# --- measuring ----------------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    url: str
    timings_ms: list[float]
    cpu_ms: list[float]
    queries: int
    target_ms: float
    size_bytes: int
    peak_mib: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p90(self) -> float:
        ordered = sorted(self.timings_ms)
        return ordered[max(0, round(0.9 * len(ordered) + 0.5) - 1)]  # nearest rank

    @property
    def ok(self) -> bool:
        return self.median < self.target_ms


def _fetch(client, url: str) -> int:
    """One request, with the body read to the end (a streaming export is only done when consumed)."""
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} gaf status {response.status_code}")
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(
    client, label: str, url: str, *, runs: int, target_ms: float, memory: bool = False, cold: bool = False
) -> Result:
    """`cold`: every request is the first after a change to the register, so nothing derived from
    it comes from the cache (core/register_cache.py); the change itself is not timed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.register_cache import bump_version

    for _ in range(2):
        _fetch(client, url)
    timings, cpu = [], []
    for _ in range(runs):
        if cold:
            bump_version()
        started, started_cpu = time.perf_counter(), time.process_time()
        size = _fetch(client, url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    # Counting queries and tracing memory slow a request down, so they get runs of their own.
    if cold:
        bump_version()
    with CaptureQueriesContext(connection) as captured:
        _fetch(client, url)
    queries = len(captured.captured_queries)  # read now: the next request clears the query log
    peak = None
    if memory:
        tracemalloc.start()
        _fetch(client, url)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    result = Result(label, url, timings, cpu, queries, target_ms, size, peak)
    print(f"  {label}: {result.median:.1f} ms", flush=True)
    return result


def busiest_municipality():
    from django.db.models import Count

    from partners.models import Participant

    return Participant.objects.municipalities().annotate(n=Count("participations")).order_by("-n", "code").first()


def scoped_user(municipality):
    """A beleidsmedewerker of one gemeente (partners/scoping.py narrows every page to it)."""
    from django.contrib.auth import get_user_model

    from partners.models import UserMunicipality
    from partners.roles import BELEIDSMEDEWERKER, ensure_roles

    user, _ = get_user_model().objects.get_or_create(username="bench-beleid")
    user.groups.set([ensure_roles()[BELEIDSMEDEWERKER]])
    UserMunicipality.objects.get_or_create(user=user, municipality=municipality)
    return user


def pages_to_measure():
    from django.db.models import Count
    from django.urls import reverse

    from partners.models import Participant, Party

    parties = Party.objects.annotate(n=Count("participations"))
    party = parties.order_by("-n", "pk").first()
    typical = parties.filter(n=PARTICIPATIONS // PARTIES).order_by("pk").first() or party
    municipality = (
        Participant.objects.municipalities().annotate(n=Count("participations")).order_by("-n", "code").first()
    )
    list_url = reverse("partners:party_list")
    # (label, url, target, trace memory, every request the first after a change)
    pages = [
        ("Lijst, eerste pagina", list_url, TARGET_PAGE_MS, False, False),
        ("Lijst, gefilterd", f"{list_url}?{FILTERED_QUERY}", TARGET_PAGE_MS, False, False),
    ]
    for cold, when in ((True, "na wijziging"), (False, "herhaald")):
        pages += [
            (f"Factsheet ({party.n} deeln.), {when}", party.get_absolute_url(), TARGET_PAGE_MS, False, cold),
            (f"Factsheet ({typical.n} deeln.), {when}", typical.get_absolute_url(), TARGET_PAGE_MS, False, cold),
            (
                f"Gemeente {municipality.code} ({municipality.n}), {when}",
                municipality.get_absolute_url(),
                TARGET_PAGE_MS,
                False,
                cold,
            ),
        ]
    return pages + [
        ("Export CSV, alles", f"{list_url}?format=csv", TARGET_EXPORT_MS, True, False),
        ("Export XLSX, alles", f"{list_url}?format=xlsx", TARGET_EXPORT_MS, True, False),
    ]


def print_table(results: list[Result], vendor: str, runs: int) -> None:
    columns = f"{'Pagina':<40} {'mediaan':>8} {'p90':>8} {'cpu':>7} {'queries':>7} {'grootte':>8} {'piek':>9}"
    header = f"{columns} {'doel':>7}  oordeel"
    print()
    print(f"Resultaten op {vendor}, {runs} runs per pagina na 2 opwarmruns.")
    print("Servertijd in ms (mediaan, p90); cpu = mediaan van de processortijd van dit proces in ms.")
    print('"na wijziging": elk verzoek is het eerste na een wijziging van het register (niets uit de cache);')
    print('"herhaald": hetzelfde verzoek opnieuw; de inhoud van de pagina komt uit de cache (core/register_cache.py).')
    print(header)
    print("-" * len(header))
    for r in results:
        peak = f"{r.peak_mib:.1f} MiB" if r.peak_mib is not None else "—"
        print(
            f"{r.label:<40} {r.median:>8.1f} {r.p90:>8.1f} {statistics.median(r.cpu_ms):>7.1f} {r.queries:>7}"
            f" {r.size_bytes / 1024:>5.0f} kB {peak:>9} {'< ' + format(r.target_ms, '.0f'):>7}"
            f"  {'OK' if r.ok else 'TE TRAAG'}"
        )
    missed = [r.label for r in results if not r.ok]
    print()
    print("Alle doelen gehaald." if not missed else "Doel gemist: " + ", ".join(missed))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if load is not None:
        print(f"Belasting van de machine (load average, 1 min): {load:.1f} op {os.cpu_count()} cores")


def main(argv=None) -> int:
    args = parse_args(argv)
    prepare_database(args.database_url, args.regenerate)
    setup_django(args.database_url)

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from partners.models import Participation, ParticipationFinancials, Party, PartyFinancials, Population

    print(f"Benchmarkdatabase: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0, interactive=False)
    if register_is_complete():
        print("Register op landelijke schaal staat er al (--regenerate bouwt het opnieuw).")
    else:
        if Party.objects.exists():
            sys.exit("De benchmarkdatabase is onvolledig; draai opnieuw met --regenerate.")
        print("Register op landelijke schaal genereren …")
        generate_register(args.seed)
    added = ensure_populations(args.seed)
    if added:
        print(f"  {added:>7,} inwonertallen toegevoegd")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Inhoud: {Party.objects.count():,} partijen, {Participation.objects.count():,} deelnames, "
        f"{PartyFinancials.objects.count():,} + {ParticipationFinancials.objects.count():,} cijferregels, "
        f"{Population.objects.count():,} inwonertallen"
    )

    # A superuser sees the whole register; a beleidsmedewerker of the busiest gemeente sees the
    # parties of that gemeente only (partners/scoping.py), which the scoped rows measure.
    user, _ = get_user_model().objects.update_or_create(username="bench", defaults={"is_superuser": True})
    client = Client()
    client.force_login(user)
    scoped_client, gemeente = Client(), busiest_municipality()
    scoped_client.force_login(scoped_user(gemeente))

    print(f"Meten ({args.runs} runs per pagina) …")
    results = [
        measure(client, label, url, runs=args.runs, target_ms=target, memory=memory, cold=cold)
        for label, url, target, memory, cold in pages_to_measure()
    ]
    list_url = "/partijen/"
    results += [
        measure(scoped_client, label, url, runs=args.runs, target_ms=target, memory=memory)
        for label, url, target, memory in [
            (f"Lijst, beleidsmedewerker {gemeente.code}", list_url, TARGET_PAGE_MS, False),
            (f"Export XLSX, beleidsmedewerker {gemeente.code}", f"{list_url}?format=xlsx", TARGET_EXPORT_MS, True),
            (f"Risico's, beleidsmedewerker {gemeente.code}", "/risicos/", TARGET_PAGE_MS, False),
        ]
    ]
    print_table(results, connection.vendor, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
