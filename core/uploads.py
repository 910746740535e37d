"""The upload limit while the request arrives: a file over IMPORT_MAX_MB is never stored whole,
not in memory and not in a temporary file. The rest of the request is read and dropped, and the
import form says the file is too large (importer/forms.py)."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

TOO_LARGE = "upload_too_large"  # set on the request when a file was stopped


def max_bytes() -> int:
    return settings.IMPORT_MAX_MB * 1024 * 1024


def upload_was_too_large(request) -> bool:
    return getattr(request, TOO_LARGE, False)


class SizeLimitUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: counts each file's bytes and stops the upload past the limit.
    It stores nothing itself; the handlers after it keep the file as usual."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > max_bytes():
            setattr(self.request, TOO_LARGE, True)
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None
