"""The forms of Aanleveren: Dutch labels from the models, dates as date fields, and every rule of the
model (also the constraints on the party, which the form does not show) checked before saving."""

from django import forms

from governance.models import CycleDocument, Opinion
from partners.models import PartyFinancials
from risks.models import Risk

from . import rules


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class SuppliedForm(forms.ModelForm):
    """A form for one row of the party's record. The fields the party does not choose (its party, the
    scope of a risk) are set before validation and validated with the rest, so a duplicate year or a
    broken constraint is a message on the form, never an error page."""

    def __init__(self, *args, party, **kwargs):
        super().__init__(*args, **kwargs)
        self.party = party
        rules.prepare(self.instance, party=party)
        for name in getattr(self.Meta, "localized_fields", ()):
            # Amounts as a Dutch user types them: 1.234.567,89 or -12500.
            self.fields[name].widget.attrs.update(inputmode="decimal", autocomplete="off")

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        return exclusions - {"party", "participation", "confidential", "document", "municipality"}

    def save(self, commit=True):
        return rules.save_supplied(self.instance, party=self.party)


class FinancialsForm(SuppliedForm):
    class Meta:
        model = PartyFinancials
        fields = [
            "year", "kind", "equity_start", "equity_end", "liabilities_start", "liabilities_end", "result",
            "source", "source_date",
        ]  # fmt: skip
        localized_fields = ["equity_start", "equity_end", "liabilities_start", "liabilities_end", "result"]
        widgets = {"source_date": DateInput()}

    def clean(self):
        # The rule of the database, said at the field it concerns.
        data = super().clean()
        for name in ("liabilities_start", "liabilities_end"):
            if data.get(name) is not None and data[name] < 0:
                self.add_error(name, "Vreemd vermogen kan niet negatief zijn.")
        return data


class DocumentForm(SuppliedForm):
    class Meta:
        model = CycleDocument
        fields = [
            "kind", "year", "title", "sent_on", "opinion_invited", "adopted_on", "sent_to_supervisor_on", "url",
            "audit_opinion",
        ]  # fmt: skip
        widgets = {name: DateInput() for name in ("sent_on", "adopted_on", "sent_to_supervisor_on")}

    def clean(self):
        data = super().clean()
        adopted, supervisor = data.get("adopted_on"), data.get("sent_to_supervisor_on")
        if adopted and supervisor and supervisor < adopted:
            self.add_error(
                "sent_to_supervisor_on",
                f"Het document kan niet vóór de vaststelling ({adopted:%d-%m-%Y}) aan de toezichthouder zijn "
                "verzonden.",
            )
        if data.get("audit_opinion") and data.get("kind") != "jaarrekening":
            self.add_error("audit_opinion", "Een accountantsverklaring hoort alleen bij een jaarrekening.")
        return data


class AnswerForm(SuppliedForm):
    """The bestuur's answer to one zienswijze: the rest of the zienswijze is the gemeente's."""

    class Meta:
        model = Opinion
        fields = ["board_answer", "answered_on"]
        widgets = {"answered_on": DateInput(), "board_answer": forms.Textarea(attrs={"rows": 8})}

    def clean(self):
        data = super().clean()
        answer, answered_on = data.get("board_answer"), data.get("answered_on")
        if answer and not answered_on and "answered_on" not in self.errors:
            self.add_error("answered_on", "Vul de datum van de reactie van het bestuur in.")
        if answered_on and not answer and "board_answer" not in self.errors:
            self.add_error("board_answer", "Vul de reactie van het bestuur in, of maak de datum leeg.")
        sent_on = self.instance.sent_on
        if answered_on and sent_on and answered_on < sent_on:
            self.add_error(
                "answered_on", f"De reactie kan niet vóór de zienswijze zijn gegeven (verzonden op {sent_on:%d-%m-%Y})."
            )
        return data


class RiskForm(SuppliedForm):
    class Meta:
        model = Risk
        fields = [
            "category", "title", "description", "likelihood", "impact", "amount_min", "amount_max", "status", "owner",
            "identified_on", "reviewed_on",
        ]  # fmt: skip
        localized_fields = ["amount_min", "amount_max"]
        widgets = {
            "identified_on": DateInput(),
            "reviewed_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "likelihood": {"invalid_choice": "Kies een kansklasse van 1 tot en met 5; %(value)s bestaat niet."},
            "impact": {"invalid_choice": "Kies een impactklasse van 1 tot en met 5; %(value)s bestaat niet."},
        }
