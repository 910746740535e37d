"""The upload form of the import."""

from django import forms
from django.core.exceptions import ValidationError


class ImportForm(forms.Form):
    """The upload of an existing register; the size is checked before the file is read, and a file
    over the limit is stopped while it arrives (core/uploads.py): then `too_large` is set."""

    file = forms.FileField(
        label="Bestand",
        help_text="Een Excel-werkmap (.xlsx) in het sjabloon, of een CSV-bestand met één soort rijen.",
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:
            self.fields["file"].required = False  # the file is missing because it was stopped

    def clean_file(self):
        from django.conf import settings

        upload = self.cleaned_data["file"]
        if self.too_large or upload.size > settings.IMPORT_MAX_MB * 1024 * 1024:
            raise ValidationError(
                f"Het bestand is groter dan {settings.IMPORT_MAX_MB} MB. Splits het in kleinere bestanden."
            )
        return upload
