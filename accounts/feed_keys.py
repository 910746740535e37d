"""The key behind a user's agenda addresses (.ics with ?token=): read, renewed on request, and
renewed on every password change, through whichever path (admin, password form, set_password,
changepassword), so an address someone copied stops when the password is changed after a leak."""

import secrets

from django.contrib.auth.hashers import is_password_usable

from .models import FeedKey


def current_key(user) -> str:
    """The user's key, or "" before he ever renewed it (addresses signed without a key)."""
    try:
        return user.feed_key.key
    except FeedKey.DoesNotExist:
        return ""


def renew(user) -> None:
    """A new key: every agenda address of this user made before stops at once."""
    FeedKey.objects.update_or_create(user=user, defaults={"key": secrets.token_urlsafe(32)})
    user._state.fields_cache.pop("feed_key", None)  # the next current_key() reads the new one


def _password_changes(user, update_fields) -> bool:
    """Whether this save of an existing user stores a new password. set_password() leaves the raw
    password on the user until the save; Django's own rehash at login (a stronger hasher, same
    password) clears it before saving, so it does not count. Disabling the password (unusable)
    counts too."""
    if update_fields is not None and "password" not in update_fields:
        return False
    if getattr(user, "_password", None) is not None:
        return True
    if is_password_usable(user.password):
        return False
    stored = type(user)._default_manager.filter(pk=user.pk).values_list("password", flat=True).first()
    return stored is not None and is_password_usable(stored)


def note_password_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of the user model: remember whether this save changes the password."""
    instance._renew_feed_key = not raw and not instance._state.adding and _password_changes(instance, update_fields)


def renew_after_password_change(sender, instance, created=False, raw=False, **kwargs):
    """post_save of the user model: a changed password renews the agenda key."""
    if getattr(instance, "_renew_feed_key", False) and not created:
        instance._renew_feed_key = False
        renew(instance)
