"""The login page (with a button per identity provider), the lockout page and the TOTP step (verify, set up)
in front of /admin/ and the pages that change data."""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import LoginView
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView

from . import oidc, two_factor
from .forms import TokenForm

WRONG_CODE = "Deze code klopt niet of is verlopen. Vul de code in die de app nu toont."
WAIT = (
    "Na een onjuiste code kunt u even geen nieuwe proberen. Wacht {seconds} en vul dan de code in die de app "
    "op dat moment toont."
)


def must_wait(form, user) -> bool:
    """After wrong codes django-otp refuses every code for a while: say how long, don't just say 'wrong'."""
    seconds = two_factor.seconds_to_wait(user)
    if seconds > 0:
        form.add_error("code", WAIT.format(seconds="1 seconde" if seconds == 1 else f"{seconds} seconden"))
    return seconds > 0


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this when a username and address are locked: the login page again, with
    a Dutch message saying how long to wait, and status 429 (Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        "form": AuthenticationForm(request, initial={"username": username}),
        "locked_out": True,
        "cooloff_minutes": minutes,
        "next": request.POST.get(REDIRECT_FIELD_NAME, ""),
        "providers": oidc.providers(),
    }
    return render(request, "registration/login.html", context, status=429)


class RegisterLoginView(LoginView):
    """Django's login page, with a button per identity provider of this installation (OIDC_PROVIDERS)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(providers=oidc.providers(), **kwargs)


class TwoFactorMixin(LoginRequiredMixin):
    """For users who can change data (two_factor.may_set_up); a user who already passed the step goes
    straight on."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not two_factor.may_set_up(request.user):
            raise Http404("Deze pagina bestaat niet.")  # as every page out of a user's scope
        if not two_factor.is_required() or request.user.is_verified():
            return redirect(self.next_url())
        return super().dispatch(request, *args, **kwargs)

    def next_url(self):
        url = self.request.POST.get(REDIRECT_FIELD_NAME) or self.request.GET.get(REDIRECT_FIELD_NAME, "")
        if url and url_has_allowed_host_and_scheme(url, {self.request.get_host()}, self.request.is_secure()):
            return url
        return reverse("admin:index") if self.request.user.is_staff else reverse("home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.next_url(), **kwargs)

    def get_success_url(self):
        return self.next_url()


class VerifyView(TwoFactorMixin, FormView):
    """The code from the app, asked once per session before the admin opens."""

    form_class = TokenForm
    template_name = "accounts/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and two_factor.may_set_up(request.user) and two_factor.is_required():
            if not request.user.is_verified() and not two_factor.has_confirmed_device(request.user):
                return redirect(f"{reverse('accounts:two_factor_setup')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if must_wait(form, self.request.user):
            return self.form_invalid(form)
        if not two_factor.verify(request=self.request, token=form.cleaned_data["code"]):
            form.add_error("code", WRONG_CODE)
            return self.form_invalid(form)
        return super().form_valid(form)


class SetupView(TwoFactorMixin, FormView):
    """First use: scan the QR code (or type the key) into an app and confirm with a first code.
    Only while the user has no confirmed device: adding a second one needs a beheerder in the admin."""

    form_class = TokenForm
    template_name = "accounts/two_factor_setup.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and two_factor.has_confirmed_device(request.user):
            return redirect(f"{reverse('accounts:two_factor')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        device = two_factor.pending_device(user=self.request.user)
        return super().get_context_data(
            qr_code=two_factor.qr_code_svg(device), secret=two_factor.secret_in_groups(device), **kwargs
        )

    def form_valid(self, form):
        device = two_factor.pending_device(user=self.request.user)
        if must_wait(form, self.request.user):
            return self.form_invalid(form)
        if not two_factor.confirm_device(request=self.request, device=device, token=form.cleaned_data["code"]):
            form.add_error("code", WRONG_CODE)
            return self.form_invalid(form)
        return super().form_valid(form)
