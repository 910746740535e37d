"""Helpers of the import tests: build XLSX and CSV files in memory and take a picture of the register."""

import csv
import io

from openpyxl import Workbook

from governance.models import (
    Assessment,
    CycleDocument,
    CycleRules,
    Opinion,
    ParticipationGovernance,
    PartyEvent,
    Person,
    Score,
    Seat,
)
from importer.columns import SHEETS
from importer.values import normalize
from partners.interests import DeclaredUnknown, FinancialInterest
from partners.models import Participation, ParticipationFinancials, Party, PartyFinancials, Population
from risks.models import Measure, Risk

HEADERS = {sheet.title: sheet.headers for sheet in SHEETS}


def row(sheet: str, **values) -> list:
    """A row in the column order of `sheet`, from header=value pairs (kvk_nummer for KvK-nummer)."""

    def key(name):
        return "".join(ch for ch in normalize(name) if ch.isalnum())

    by_header = {key(k): v for k, v in values.items()}
    unknown = set(by_header) - {key(h) for h in HEADERS[sheet]}
    assert not unknown, unknown
    return [by_header.get(key(h)) for h in HEADERS[sheet]]


def xlsx(sheets: dict, *, headers: dict | None = None) -> bytes:
    """A workbook with the given rows per sheet title, under the template's headers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.append((headers or {}).get(title, HEADERS.get(title, [])))
        for values in rows:
            sheet.append(values)
    return save(workbook)


def save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_file(headers: list, rows: list, delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def register_state():
    """Everything the import may write, as sorted tuples: equal states mean an equal register."""
    return (
        sorted(
            Party.objects.values_list(
                "name", "abbreviation", "legal_form", "seat", "status", "policy_area__code", "kvk_number",
                "founded_on", "ended_on", "central_municipality__code", "public_interest", "purpose",
                "transferred_powers", "exit_conditions", "website", "regulation_url", "cycle_by_regeling", "kind",
            )
        ),
        sorted(
            Participation.objects.values_list(
                "party__name", "participant__code", "governance_interest", "governance_interest_note", "votes",
                "financial_interest", "financial_interest_form", "financial_interest_note", "share_percentage",
                "shares_count", "nominal_value", "joined_on", "left_on",
            )
        ),
        sorted(
            PartyFinancials.objects.values_list(
                "party__name", "year", "kind", "equity_start", "equity_end", "liabilities_start", "liabilities_end",
                "result",
            )
        ),
        sorted(
            ParticipationFinancials.objects.values_list(
                "participation__party__name", "participation__participant__code", "year", "kind", "contribution",
                "interest_start", "interest_end", "dividend",
            )
        ),
        sorted(Person.objects.values_list("name", "function", "municipality__code", "email", "phone")),
        sorted(
            Seat.objects.values_list(
                "person__name", "person__municipality__code", "party__name", "body", "role", "on_behalf_of__code",
                "started_on", "ended_on", "note",
            ),
            key=str,
        ),
        sorted(
            Risk.objects.values_list(
                "party__name", "participation__participant__code", "title", "category", "description", "likelihood",
                "impact", "amount_min", "amount_max", "status", "owner", "identified_on", "reviewed_on",
                "confidential",
            ),
            key=str,
        ),
        sorted(
            Measure.objects.values_list(
                "risk__party__name", "risk__participation__participant__code", "risk__title", "description",
                "owner", "due_on", "status",
            ),
            key=str,
        ),
        sorted(Population.objects.values_list("participant__code", "year", "inhabitants", "source")),
        sorted(
            CycleDocument.objects.values_list(
                "party__name", "kind", "year", "title", "sent_on", "opinion_invited", "adopted_on",
                "sent_to_supervisor_on", "url",
            ),
            key=str,
        ),
        sorted(
            Opinion.objects.values_list(
                "document__party__name", "document__kind", "document__year", "document__title", "municipality__code",
                "status", "council_decision_on", "sent_on", "text", "url", "board_answer", "answered_on",
            ),
            key=str,
        ),
        sorted(
            FinancialInterest.objects.values_list(
                "participation__party__name", "participation__participant__code", "year", "form", "shares_count",
                "nominal_value", "paid_in", "principal", "balance_start", "balance_end", "amount", "book_value_start",
                "book_value_end", "note",
            ),
            key=str,
        ),
        sorted(
            DeclaredUnknown.objects.values_list(
                "participation__party__name", "participation__participant__code", "year", "field", "reason"
            )
        ),
    )  # fmt: skip


def empty_register():
    """Delete everything the import can write, and what protects it (the cycle, assessments, roles)."""
    for model in (Score, Assessment, Opinion, CycleDocument, PartyEvent, CycleRules, ParticipationGovernance):
        model.objects.all().delete()
    Risk.objects.all().delete()
    Seat.objects.all().delete()
    Person.objects.all().delete()
    ParticipationFinancials.objects.all().delete()
    PartyFinancials.objects.all().delete()
    FinancialInterest.objects.all().delete()
    DeclaredUnknown.objects.all().delete()
    Participation.objects.all().delete()
    Party.objects.all().delete()
    Population.objects.all().delete()
