"""Two-factor authentication (TOTP, RFC 6238) for the admin and every other page that changes data:
who needs it, setting up a device in an authenticator app, and checking a code. django-otp keeps the
devices and the throttling."""

import math
import re

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator-app"


def is_required() -> bool:
    """Whether /admin/ asks for a TOTP code (ADMIN_TWO_FACTOR; on unless DEBUG)."""
    return settings.ADMIN_TWO_FACTOR


def may_use_admin(request) -> bool:
    """A staff user may use the admin once this session passed the TOTP step (when it is required)."""
    return not is_required() or request.user.is_verified()


def may_set_up(user) -> bool:
    """Who gets the TOTP step: whoever can reach a page that changes data. Staff (the admin),
    superusers, and users with a right to add, change or delete (the beheerder role, who may import
    without being staff). Readers have no such page, so for them the step does not exist."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(not permission.partition(".")[2].startswith("view_") for permission in user.get_all_permissions())


class SecondFactorRequiredMixin:
    """For views that change data (or hand out the whole register), as /admin/ does: when two-factor
    is on and this session has not passed the TOTP step, the user goes there first (or to the setup
    of the app), coming back to `second_factor_next_url()`. Nothing else of the view runs before.

    Put it after the view's own access check, so a user who may not use the page still gets its 404.
    """

    def dispatch(self, request, *args, **kwargs):
        if is_required() and not request.user.is_verified():
            return redirect_to_login(self.second_factor_next_url(), reverse("accounts:two_factor"))
        return super().dispatch(request, *args, **kwargs)

    def second_factor_next_url(self) -> str:
        """Where to come back after the step: this page, or for a form sent with POST the page itself
        (the form is filled in again; a POST cannot be replayed after a redirect)."""
        if self.request.method in ("GET", "HEAD"):
            return self.request.get_full_path()
        return self.request.path


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_device(*, user) -> TOTPDevice:
    """The device being set up: unconfirmed until the user enters a first code from the app."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).filter(name=DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def confirm_device(*, request, device: TOTPDevice, token: str) -> bool:
    """Confirm a new device with a code from the app, and count this session as verified."""
    if not device.verify_token(_clean(token)):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


def verify(*, request, token: str) -> bool:
    """Check a code against the user's confirmed devices; on success the session is verified."""
    device = match_token(request.user, _clean(token))
    if device is None:
        return False
    otp_login(request, device)
    return True


def seconds_to_wait(user) -> int:
    """After a wrong code django-otp refuses every code for a while, doubling each time (1, 2,
    4 … seconds): how long this user still has to wait, so the page can say so."""
    waits = [0]
    for device in TOTPDevice.objects.devices_for_user(user, confirmed=None):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append(math.ceil((data["locked_until"] - timezone.now()).total_seconds()))
    return max(waits)


def secret_in_groups(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app that cannot scan a QR code."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no inline style, so the CSP holds)."""
    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string().decode()
    svg = re.sub(r'^<svg width="[^"]*" height="[^"]*"', "<svg", svg)
    label = format_html(
        '<svg class="qr-code" role="img" aria-label="{}"', "QR-code om de sleutel in de authenticator-app te zetten"
    )
    return mark_safe(svg.replace("<svg", label, 1))


def _clean(token: str) -> str:
    return re.sub(r"\s", "", token or "")
