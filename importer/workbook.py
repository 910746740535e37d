"""The import template (XLSX): an explanation sheet and one sheet per kind of row, optionally filled
with the register as it is, so an export in this layout can be edited and imported again."""

from collections import defaultdict
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.exports import EURO_FORMAT, append_literal
from governance.choices import Body, OpinionStatus, PersonFunction, SeatRole
from governance.deadlines import DocumentKind
from governance.models import CycleDocument, Opinion, Person, Seat
from partners.choices import FigureKind, FinancialInterestForm, LegalForm, PartyKind, PartyStatus
from partners.interests import Art15Field, DeclaredUnknown, FinancialInterest
from partners.models import Participation, ParticipationFinancials, Party, PartyFinancials, Population
from risks.choices import MeasureStatus, RiskCategory, RiskStatus
from risks.models import Measure, Risk

from .columns import (
    DOCUMENTS,
    EXPLANATION_TITLE,
    FORMATS,
    INTERESTS,
    MEASURES,
    OPINIONS,
    PARTICIPATIONS,
    PARTIES,
    PARTY_FIGURES,
    POPULATION,
    REPRESENTATIVES,
    RISKS,
    SHEETS,
    UNKNOWNS,
)

PERCENT_FORMAT = "0.00##%"
DATE_FORMAT = "DD-MM-YYYY"
# KvK-nummers as text, so that Excel keeps a leading zero.
CELL_FORMATS = {"amount": EURO_FORMAT, "percentage": PERCENT_FORMAT, "date": DATE_FORMAT, "kvk": "@"}

INTRODUCTION = [
    "Importsjabloon van het register verbonden partijen",
    "Vul per tabblad één rij per partij, deelname, jaar met cijfers, zetel, risico, document of zienswijze. Laat de "
    "kolomkoppen in de eerste rij staan; kolommen mogen in een andere volgorde staan en niet-verplichte kolommen "
    "mogen weg.",
    "Een lege cel maakt het veld leeg. Bestaande rijen worden bijgewerkt, nieuwe toegevoegd; de import verwijdert "
    "niets. Dezelfde import nog eens uitvoeren verandert niets.",
    "Lege rijen tussendoor worden overgeslagen. Formules, samengevoegde cellen en verborgen tabbladen worden "
    "geweigerd: plak waarden. Een CSV-bestand bevat één tabblad, met dezelfde kolomkoppen.",
    "Eerst volgt een controle zonder iets op te slaan; pas als er geen fouten zijn kunt u de import bevestigen. "
    "Dan worden alle rijen opgeslagen, of geen enkele.",
    "Koppelen (wat een rij bijwerkt in plaats van toevoegt): een partij op KvK-nummer, anders op naam en rechtsvorm; "
    "een deelname op partij en deelnemer; cijfers op partij (en deelnemer), jaar en soort; een persoon op naam en "
    "gemeente; een zetel op persoon, partij, orgaan, rol en begindatum; een risico op partij, titel en deelnemer; "
    "een beheersmaatregel op risico en omschrijving; inwoners op gemeente en jaar; een P&C-document op partij, soort "
    "en jaar (en titel bij een begrotingswijziging of overig bestuursbesluit); een zienswijze op document en "
    "gemeente; een financieel belang op partij, deelnemer, jaar en vorm (en toelichting bij twee van één vorm); een "
    "niet bekend gegeven op partij, deelnemer, jaar en gegeven.",
]


def _label(choices, value):
    return choices(value).label if value else None


def _rows(sheet):
    """The register's rows in the layout of `sheet`, as lists of cell values."""
    if sheet is PARTIES:
        for p in Party.objects.select_related("policy_area", "central_municipality").order_by("name", "pk"):
            yield [
                p.name, p.abbreviation, _label(LegalForm, p.legal_form), p.seat, _label(PartyStatus, p.status),
                p.policy_area.name if p.policy_area else None, p.kvk_number, p.founded_on, p.ended_on,
                p.central_municipality.code if p.central_municipality else None, p.public_interest, p.purpose,
                p.transferred_powers, p.exit_conditions, p.website, p.regulation_url,
                "ja" if p.cycle_by_regeling else "nee", _label(PartyKind, p.kind),
            ]  # fmt: skip
    elif sheet is PARTICIPATIONS:
        for d in Participation.objects.select_related("party", "participant").order_by(
            "party__name", "participant__code"
        ):
            yield [
                d.party.name, _label(LegalForm, d.party.legal_form), d.participant.code,
                "ja" if d.governance_interest else "nee", d.governance_interest_note, d.votes,
                "ja" if d.financial_interest else "nee", _label(FinancialInterestForm, d.financial_interest_form),
                d.financial_interest_note, _share_cell(d),
                d.shares_count, d.nominal_value, d.joined_on, d.left_on,
            ]  # fmt: skip
    elif sheet is PARTY_FIGURES:
        for f in PartyFinancials.objects.select_related("party").order_by("party__name", "year", "kind"):
            yield [
                f.party.name, _label(LegalForm, f.party.legal_form), f.year, _label(FigureKind, f.kind),
                f.equity_start, f.equity_end, f.liabilities_start, f.liabilities_end, f.result,
            ]  # fmt: skip
    elif sheet is REPRESENTATIVES:
        yield from _representative_rows()
    elif sheet is RISKS:
        risks = Risk.objects.select_related("party", "participation__participant")
        for r in risks.order_by("party__name", "title", "participation__participant__code", "pk"):
            yield [
                r.party.name, _label(LegalForm, r.party.legal_form),
                r.participation.participant.code if r.participation else None, r.title,
                _label(RiskCategory, r.category), r.description, r.likelihood, r.impact, r.amount_min, r.amount_max,
                _label(RiskStatus, r.status), r.owner, r.identified_on, r.reviewed_on,
                "ja" if r.confidential else "nee",
            ]  # fmt: skip
    elif sheet is MEASURES:
        measures = Measure.objects.select_related("risk__party", "risk__participation__participant")
        for m in measures.order_by("risk__party__name", "risk__title", "description", "pk"):
            risk = m.risk
            yield [
                risk.party.name, _label(LegalForm, risk.party.legal_form),
                risk.participation.participant.code if risk.participation else None, risk.title, m.description,
                m.owner, m.due_on, _label(MeasureStatus, m.status),
            ]  # fmt: skip
    elif sheet is DOCUMENTS:
        documents = CycleDocument.objects.select_related("party")
        for d in documents.order_by("party__name", "year", "kind", "title", "pk"):
            yield [
                d.party.name, _label(LegalForm, d.party.legal_form), DocumentKind(d.kind).label, d.year, d.title,
                d.sent_on, "ja" if d.opinion_invited else "nee", d.adopted_on, d.sent_to_supervisor_on, d.url,
            ]  # fmt: skip
    elif sheet is OPINIONS:
        opinions = Opinion.objects.select_related("document__party", "municipality")
        ordering = (
            "document__party__name",
            "document__year",
            "document__kind",
            "document__title",
            "municipality__code",
        )
        for o in opinions.order_by(*ordering, "pk"):
            d = o.document
            yield [
                d.party.name, _label(LegalForm, d.party.legal_form), DocumentKind(d.kind).label, d.year, d.title,
                o.municipality.code, _label(OpinionStatus, o.status), o.council_decision_on, o.sent_on, o.text,
                o.url, o.board_answer, o.answered_on,
            ]  # fmt: skip
    elif sheet is INTERESTS:
        interests = FinancialInterest.objects.select_related("participation__party", "participation__participant")
        ordering = ("participation__party__name", "participation__participant__code", "year", "form", "note", "pk")
        for i in interests.order_by(*ordering):
            party = i.participation.party
            yield [
                party.name, _label(LegalForm, party.legal_form), i.participation.participant.code, i.year,
                _label(FinancialInterestForm, i.form), i.shares_count, i.nominal_value, i.paid_in, i.principal,
                i.balance_start, i.balance_end, i.amount, i.book_value_start, i.book_value_end, i.note,
            ]  # fmt: skip
    elif sheet is UNKNOWNS:
        unknowns = DeclaredUnknown.objects.select_related("participation__party", "participation__participant")
        ordering = ("participation__party__name", "participation__participant__code", "year", "field")
        for u in unknowns.order_by(*ordering):
            party = u.participation.party
            yield [
                party.name, _label(LegalForm, party.legal_form), u.participation.participant.code, u.year,
                _label(Art15Field, u.field), u.reason,
            ]  # fmt: skip
    elif sheet is POPULATION:
        for p in Population.objects.select_related("participant").order_by("participant__code", "year"):
            yield [p.participant.code, p.year, p.inhabitants, p.source]
    else:
        figures = ParticipationFinancials.objects.select_related("participation__party", "participation__participant")
        for f in figures.order_by("participation__party__name", "participation__participant__code", "year", "kind"):
            party = f.participation.party
            yield [
                party.name, _label(LegalForm, party.legal_form), f.participation.participant.code, f.year,
                _label(FigureKind, f.kind), f.contribution, f.interest_start, f.interest_end, f.dividend,
            ]  # fmt: skip


def _representative_rows():
    """One row per seat, and one row for each person without seats."""
    seats = defaultdict(list)
    for seat in Seat.objects.select_related("party", "on_behalf_of").order_by("party__name", "body", "started_on"):
        seats[seat.person_id].append(seat)
    for p in Person.objects.select_related("municipality").order_by("name", "municipality__code", "pk"):
        person = [p.name, _label(PersonFunction, p.function), p.municipality.code if p.municipality else None, p.email,
                  p.phone]  # fmt: skip
        if not seats[p.pk]:
            yield person + [None] * 8
        for s in seats[p.pk]:
            yield person + [
                s.party.name, _label(LegalForm, s.party.legal_form), _label(Body, s.body), _label(SeatRole, s.role),
                s.on_behalf_of.code if s.on_behalf_of else None, s.started_on, s.ended_on, s.note,
            ]  # fmt: skip


def _explanation(workbook):
    sheet = workbook.active
    sheet.title = EXPLANATION_TITLE
    for line in INTRODUCTION:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    header = ["Tabblad", "Kolom", "Verplicht", "Formaat", "Toegestane waarden", "Toelichting"]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for kind in SHEETS:
        sheet.append([kind.title, "", "", "", "", kind.description])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for column in kind.columns:
            sheet.append(
                [kind.title, column.header, "ja" if column.required else "nee", FORMATS[column.kind], column.allowed,
                 column.note]
            )  # fmt: skip
    for letter, width in zip("ABCDEF", (20, 30, 10, 50, 50, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=len(INTRODUCTION) + 2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def template_workbook(*, with_register: bool = False) -> bytes:
    """The template as XLSX bytes; with_register fills the sheets with the register's current rows."""
    workbook = Workbook()
    _explanation(workbook)
    for kind in SHEETS:
        sheet = workbook.create_sheet(kind.title)
        sheet.append(kind.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        if with_register:
            for values in _rows(kind):
                append_literal(sheet, values)
        for index, column in enumerate(kind.columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(12, min(40, len(column.header) + 4))
            number_format = CELL_FORMATS.get(column.kind)
            if number_format:
                # On the column too, so that rows typed into the empty template get the format.
                sheet.column_dimensions[letter].number_format = number_format
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = number_format
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _share_cell(participation):
    """The share as it was entered when that is a fraction (1/342), else the percentage as a fraction
    of one in a cell formatted as percentage."""
    if "/" in participation.share_entered:
        return participation.share_entered
    return None if participation.share_percentage is None else participation.share_percentage / 100
