"""Aanleveren: the pages where a party's bronhouder keeps the party's own record (supply/rules.py) and
makes its API keys. Anyone else, and any row that is not the party's to change, gets the Dutch 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from api.models import ApiToken
from partners import scoping

from . import forms, rules

# The kinds of row on the Aanleveren pages: URL part -> (form, rows of the party, Dutch names, may add).
KINDS = {
    "cijfers": (forms.FinancialsForm, rules.financials_of, "financiële gegevens", "cijfers", True),
    "documenten": (forms.DocumentForm, rules.documents_of, "document", "documenten", True),
    "zienswijzen": (forms.AnswerForm, rules.opinions_of, "reactie op een zienswijze", "zienswijzen", False),
    "risicos": (forms.RiskForm, rules.risks_of, "risico", "risicos", True),
}
TITLES = {
    "cijfers": ("Financiële gegevens toevoegen", "Financiële gegevens wijzigen"),
    "documenten": ("Document toevoegen", "Document wijzigen"),
    "zienswijzen": ("", "Reactie van het bestuur op de zienswijze"),
    "risicos": ("Risico toevoegen", "Risico wijzigen"),
}


def supplied_party_or_404(user, slug):
    """A party whose record this user keeps; any other slug is a plain 404."""
    return get_object_or_404(scoping.supplied_parties(user), slug=slug)


class SupplyHomeView(View):
    """/aanleveren/: straight to the party when the bronhouder keeps one, else the list of his parties."""

    def get(self, request):
        parties = list(scoping.supplied_parties(request.user))
        if not parties:
            raise Http404(scoping.NOT_FOUND)
        if len(parties) == 1:
            return redirect("supply:supply_party", slug=parties[0].slug)
        return render(request, "supply/home.html", {"parties": parties})


class SupplyPartyView(TemplateView):
    """/aanleveren/<partij>/: everything the party supplies, with links to change it, and its API keys."""

    template_name = "supply/party.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        party = supplied_party_or_404(self.request.user, self.kwargs["slug"])
        context.update(
            party=party,
            financials=list(rules.financials_of(party).order_by("-year", "kind")),
            documents=list(rules.documents_of(party).order_by("-year", "kind", "pk")),
            opinions=list(rules.opinions_of(party)),
            risks=list(rules.risks_of(party).order_by("title", "pk")),
            other_risks=party.risks.filter(participation=None, confidential=False).exclude(supplied_by=party).count(),
            tokens=list(party.api_tokens.select_related("created_by").order_by("-created_at")),
            new_key=self.request.session.pop(f"new_api_key_{party.pk}", None),
        )
        return context


class SupplyEditView(View):
    """/aanleveren/<partij>/<soort>/nieuw/ and …/<soort>/<nr>/: one row of the party's record. Bad input
    shows the form again with every value kept and a Dutch message at each field."""

    template_name = "supply/form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        kind = kwargs["kind"]
        if kind not in KINDS:
            raise Http404(scoping.NOT_FOUND)
        self.party = supplied_party_or_404(request.user, kwargs["slug"])
        self.form_class, rows, self.noun, _, may_add = KINDS[kind]
        self.kind = kind
        if "pk" in kwargs:
            self.object = get_object_or_404(rows(self.party), pk=kwargs["pk"])
        elif may_add:
            self.object = None
        else:
            raise Http404(scoping.NOT_FOUND)

    def form(self, data=None):
        return self.form_class(data, instance=self.object, party=self.party)

    def render(self, form):
        new, edit = TITLES[self.kind]
        return render(
            self.request,
            self.template_name,
            {
                "party": self.party,
                "form": form,
                "kind": self.kind,
                "object": self.object,
                "title": edit if self.object else new,
                "back": reverse("supply:supply_party", kwargs={"slug": self.party.slug}) + f"#{self.kind}",
            },
        )

    def get(self, request, **kwargs):
        return self.render(self.form())

    def post(self, request, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        saved = form.save()
        what = self.noun[:1].upper() + self.noun[1:]
        messages.success(request, f"{what} opgeslagen: {saved}. Alle deelnemers zien dit nu als {saved.supplied_text}.")
        return redirect(reverse("supply:supply_party", kwargs={"slug": self.party.slug}) + f"#{self.kind}")


class TokenCreateView(View):
    """POST: a new API key for the party; the key is shown once, on the party's Aanleveren page."""

    def post(self, request, slug):
        party = supplied_party_or_404(request.user, slug)
        name = request.POST.get("naam", "").strip()
        if not name or len(name) > 100:
            messages.error(
                request, "Geef de sleutel een naam van hooguit 100 tekens, bijvoorbeeld: koppeling financieel systeem."
            )
            return redirect(reverse("supply:supply_party", kwargs={"slug": slug}) + "#api")
        _, key = ApiToken.issue(name=name, party=party, created_by=request.user)
        request.session[f"new_api_key_{party.pk}"] = key
        return redirect(reverse("supply:supply_party", kwargs={"slug": slug}) + "#api")


class TokenRevokeView(View):
    def post(self, request, slug, pk):
        party = supplied_party_or_404(request.user, slug)
        token = get_object_or_404(party.api_tokens, pk=pk)
        token.revoke()
        messages.success(request, f"De API-sleutel “{token.name}” is ingetrokken; hij werkt niet meer.")
        return redirect(reverse("supply:supply_party", kwargs={"slug": slug}) + "#api")
