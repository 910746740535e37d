"""What the API shows of each resource, with Dutch names in camelCase (NL GOV API Design Rules). An amount
that is not known is null, never 0; amounts are decimals as strings, so no cent is lost to a float."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as ModelValidationError
from rest_framework import serializers

from governance import deadlines
from governance.choices import Body, PersonFunction, SeatRole
from governance.models import CycleDocument, Seat
from partners.choices import FigureKind, LegalForm, PartyStatus
from partners.models import Participation, Party, PartyFinancials
from risks.choices import RiskCategory, RiskStatus
from risks.models import Risk
from supply import rules

GENERAL = "algemeen"


class SuppliedSerializer(serializers.ModelSerializer):
    """A row the party keeps itself. Read: who supplied it and when. Written with a party's API key
    (api/authentication.py): the party is the key's, every rule of the model is checked on the whole row
    before anything is saved (a refused write changes nothing), and a broken rule is named at the API's
    own field name in Dutch; a rule over more fields at "algemeen"."""

    aangeleverdDoor = serializers.SlugField(
        source="supplied_by.slug",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="De partij die dit zelf heeft aangeleverd; leeg als het register het bijhoudt.",
    )
    aangeleverdOp = serializers.DateTimeField(source="supplied_at", read_only=True, allow_null=True)

    def validate(self, attrs):
        token = self.context["request"].auth
        instance = self.instance if self.instance is not None else self.Meta.model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        rules.prepare(instance, party=token.party)
        try:
            instance.full_clean()
        except ModelValidationError as error:
            raise serializers.ValidationError(self.api_errors(error)) from error
        self.candidate = instance
        return attrs

    def api_errors(self, error) -> dict:
        names = {field.source: name for name, field in self.fields.items()}
        errors: dict[str, list[str]] = {}
        for field, messages in error.message_dict.items():
            name = GENERAL if field == NON_FIELD_ERRORS else names.get(field, GENERAL)
            errors.setdefault(name, []).extend(messages)
        return errors

    def save_candidate(self):
        token = self.context["request"].auth
        return rules.save_supplied(self.candidate, party=token.party, via=token.name)

    def create(self, validated_data):
        return self.save_candidate()

    def update(self, instance, validated_data):
        return self.save_candidate()


class PartySerializer(serializers.ModelSerializer):
    identificatie = serializers.SlugField(source="slug", help_text="Vaste sleutel van de partij in het register.")
    naam = serializers.CharField(source="name")
    afkorting = serializers.CharField(source="abbreviation")
    rechtsvorm = serializers.ChoiceField(
        source="legal_form", choices=LegalForm.choices, help_text="Wgr art. 8 of privaatrechtelijk."
    )
    rechtsvormOmschrijving = serializers.CharField(source="get_legal_form_display")
    status = serializers.ChoiceField(choices=PartyStatus.choices)
    vestigingsplaats = serializers.CharField(source="seat")
    beleidsveld = serializers.CharField(source="policy_area.name", allow_null=True, default=None)
    openbaarBelang = serializers.CharField(
        source="public_interest", help_text="Het openbaar belang dat de partij dient (BBV art. 15 lid 1 onder a)."
    )
    doel = serializers.CharField(source="purpose")
    oprichtingsdatum = serializers.DateField(source="founded_on", allow_null=True)
    einddatum = serializers.DateField(source="ended_on", allow_null=True)
    kvkNummer = serializers.CharField(source="kvk_number")
    website = serializers.CharField()
    regeling = serializers.CharField(source="regulation_url", help_text="Link naar de tekst van de regeling.")
    centrumgemeente = serializers.CharField(source="central_municipality.code", allow_null=True, default=None)
    url = serializers.HyperlinkedIdentityField(
        view_name="api:partij", lookup_field="slug", lookup_url_kwarg="identificatie"
    )

    class Meta:
        model = Party
        fields = [
            "identificatie", "naam", "afkorting", "rechtsvorm", "rechtsvormOmschrijving", "status", "vestigingsplaats",
            "beleidsveld", "openbaarBelang", "doel", "oprichtingsdatum", "einddatum", "kvkNummer", "website",
            "regeling", "centrumgemeente", "url",
        ]  # fmt: skip


class ParticipationSerializer(serializers.ModelSerializer):
    partij = serializers.SlugField(source="party.slug")
    deelnemerCode = serializers.CharField(source="participant.code", help_text="CBS-code bij een gemeente.")
    deelnemerNaam = serializers.CharField(source="participant.name")
    bestuurlijkBelang = serializers.BooleanField(source="governance_interest", help_text="BBV art. 1 lid 1 onder c.")
    financieelBelang = serializers.BooleanField(source="financial_interest", help_text="BBV art. 1 lid 1 onder b.")
    aandeelPercentage = serializers.DecimalField(
        source="share_percentage", max_digits=6, decimal_places=2, allow_null=True
    )
    datumToetreding = serializers.DateField(source="joined_on", allow_null=True)
    datumUittreding = serializers.DateField(source="left_on", allow_null=True)

    class Meta:
        model = Participation
        fields = [
            "id", "partij", "deelnemerCode", "deelnemerNaam", "bestuurlijkBelang", "financieelBelang",
            "aandeelPercentage", "datumToetreding", "datumUittreding",
        ]  # fmt: skip


def money(source: str, help_text: str = ""):
    return serializers.DecimalField(
        source=source, max_digits=16, decimal_places=2, allow_null=True, required=False, help_text=help_text or None
    )


class PartyFinancialsSerializer(SuppliedSerializer):
    partij = serializers.SlugField(
        source="party.slug", read_only=True, help_text="Bij schrijven: de partij van de sleutel."
    )
    jaar = serializers.IntegerField(source="year")
    soort = serializers.ChoiceField(source="kind", choices=FigureKind.choices)
    eigenVermogenBegin = money("equity_start", "Eigen vermogen op 1 januari (BBV art. 15 lid 1 onder d).")
    eigenVermogenEind = money("equity_end", "Eigen vermogen op 31 december (BBV art. 15 lid 1 onder d).")
    vreemdVermogenBegin = money("liabilities_start", "Vreemd vermogen op 1 januari (BBV art. 15 lid 1 onder d).")
    vreemdVermogenEind = money("liabilities_end", "Vreemd vermogen op 31 december (BBV art. 15 lid 1 onder d).")
    resultaat = money("result", "Financieel resultaat; negatief bij een tekort (BBV art. 15 lid 1 onder e).")
    bron = serializers.CharField(
        source="source",
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Het stuk waaruit de cijfers komen.",
    )
    bronDatum = serializers.DateField(
        source="source_date", required=False, allow_null=True, help_text="Datum van dat stuk."
    )

    class Meta:
        model = PartyFinancials
        fields = [
            "id", "partij", "jaar", "soort", "eigenVermogenBegin", "eigenVermogenEind", "vreemdVermogenBegin",
            "vreemdVermogenEind", "resultaat", "bron", "bronDatum", "aangeleverdDoor", "aangeleverdOp",
        ]  # fmt: skip


class SeatSerializer(serializers.ModelSerializer):
    partij = serializers.SlugField(source="party.slug")
    orgaan = serializers.ChoiceField(source="body", choices=Body.choices)
    rol = serializers.ChoiceField(source="role", choices=SeatRole.choices)
    naam = serializers.CharField(source="person.name")
    functie = serializers.ChoiceField(source="person.function", choices=PersonFunction.choices)
    namens = serializers.CharField(source="on_behalf_of.code", allow_null=True, default=None)
    begindatum = serializers.DateField(source="started_on")
    einddatum = serializers.DateField(source="ended_on", allow_null=True)

    class Meta:
        model = Seat
        fields = ["id", "partij", "orgaan", "rol", "naam", "functie", "namens", "begindatum", "einddatum"]


class CycleDocumentSerializer(SuppliedSerializer):
    partij = serializers.SlugField(
        source="party.slug", read_only=True, help_text="Bij schrijven: de partij van de sleutel."
    )
    soort = serializers.ChoiceField(source="kind", choices=deadlines.DocumentKind.choices())
    jaar = serializers.IntegerField(source="year")
    titel = serializers.CharField(source="title", required=False, allow_blank=True, max_length=200)
    verzondenOp = serializers.DateField(source="sent_on", allow_null=True, required=False)
    zienswijzeGevraagd = serializers.BooleanField(source="opinion_invited", required=False)
    vastgesteldOp = serializers.DateField(source="adopted_on", allow_null=True, required=False)
    naarToezichthouderOp = serializers.DateField(
        source="sent_to_supervisor_on", allow_null=True, required=False, help_text="Wgr art. 34 lid 2 en 3."
    )
    link = serializers.CharField(source="url", required=False, allow_blank=True)

    class Meta:
        model = CycleDocument
        fields = [
            "id", "partij", "soort", "jaar", "titel", "verzondenOp", "zienswijzeGevraagd", "vastgesteldOp",
            "naarToezichthouderOp", "link", "aangeleverdDoor", "aangeleverdOp",
        ]  # fmt: skip


class RiskSerializer(SuppliedSerializer):
    partij = serializers.SlugField(
        source="party.slug", read_only=True, help_text="Bij schrijven: de partij van de sleutel."
    )
    deelname = serializers.IntegerField(
        source="participation_id",
        allow_null=True,
        read_only=True,
        help_text="Leeg bij een risico van de hele partij; een partij levert alleen zulke risico's aan.",
    )
    categorie = serializers.ChoiceField(source="category", choices=RiskCategory.choices)
    titel = serializers.CharField(source="title", max_length=200)
    omschrijving = serializers.CharField(source="description", required=False, allow_blank=True)
    kans = serializers.IntegerField(source="likelihood", help_text="1 (zeer klein) tot 5 (zeer groot).")
    impact = serializers.IntegerField(help_text="1 (zeer klein) tot 5 (zeer groot).")
    bedragMinimaal = money("amount_min")
    bedragMaximaal = money("amount_max")
    status = serializers.ChoiceField(choices=RiskStatus.choices, required=False)
    vertrouwelijk = serializers.BooleanField(
        source="confidential", read_only=True, help_text="Een partij levert geen vertrouwelijke risico's aan."
    )

    class Meta:
        model = Risk
        fields = [
            "id", "partij", "deelname", "categorie", "titel", "omschrijving", "kans", "impact", "bedragMinimaal",
            "bedragMaximaal", "status", "vertrouwelijk", "aangeleverdDoor", "aangeleverdOp",
        ]  # fmt: skip
