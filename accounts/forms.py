"""The login form, and the one field of the TOTP step: the six-digit code from the authenticator app."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class TokenForm(forms.Form):
    code = forms.CharField(
        label="Code uit de app",
        max_length=12,
        help_text="De zes cijfers die de authenticator-app nu toont.",
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "aria-describedby": "id_code-help"}
        ),
        error_messages={"required": "Vul de code uit de authenticator-app in."},
    )


class LoginForm(AuthenticationForm):
    """Django's login form, refusing a username longer than a user can have before it is checked.

    AuthenticationForm sets max_length on the field after it was made, so no validator checks it;
    a username of thousands of characters reached the lockout log (django-axes), whose 255
    characters PostgreSQL enforces: a server error instead of the form's message."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
