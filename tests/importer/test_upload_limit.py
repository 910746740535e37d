"""An upload over IMPORT_MAX_MB is stopped while it arrives, with the Dutch message of the import form."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.test import RequestFactory

from core.uploads import SizeLimitUploadHandler, upload_was_too_large
from importer.models import ImportRun
from partners.roles import BEHEERDER
from tests.conftest import pass_two_factor

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
RECORDER = "tests.importer.test_upload_limit.RecordingHandler"


class RecordingHandler(FileUploadHandler):
    """Placed right after the limit: records how many bytes of a file got past it."""

    received = 0

    def receive_data_chunk(self, raw_data, start):
        RecordingHandler.received += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture
def beheerder_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="beheer", password="x")
    user.groups.add(Group.objects.get(name=BEHEERDER))
    return pass_two_factor(client, user)  # the import asks the second factor, as the admin does


def test_the_handler_stops_a_file_once_it_passes_the_limit(settings):
    settings.IMPORT_MAX_MB = 1
    request = RequestFactory().post("/import/")
    handler = SizeLimitUploadHandler(request)
    handler.new_file("file", "groot.csv", "text/csv", 2 * MB)

    assert handler.receive_data_chunk(b"x" * MB, 0) == b"x" * MB
    assert not upload_was_too_large(request)
    with pytest.raises(StopUpload):
        handler.receive_data_chunk(b"x", MB)
    assert upload_was_too_large(request)


def test_a_file_over_the_limit_never_reaches_the_file_storage_and_gets_the_dutch_message(beheerder_client, settings):
    settings.IMPORT_MAX_MB = 1
    settings.FILE_UPLOAD_HANDLERS = [settings.FILE_UPLOAD_HANDLERS[0], RECORDER, *settings.FILE_UPLOAD_HANDLERS[1:]]
    RecordingHandler.received = 0

    response = beheerder_client.post("/import/", {"file": SimpleUploadedFile("groot.csv", b"x" * (3 * MB))})

    assert "Het bestand is groter dan 1 MB. Splits het in kleinere bestanden." in response.content.decode()
    assert "Dit veld is verplicht" not in response.content.decode()
    assert 0 < RecordingHandler.received <= MB
    assert not ImportRun.objects.exists()


def test_a_file_within_the_limit_passes_the_handler_whole(beheerder_client, settings):
    settings.IMPORT_MAX_MB = 1
    settings.FILE_UPLOAD_HANDLERS = [settings.FILE_UPLOAD_HANDLERS[0], RECORDER, *settings.FILE_UPLOAD_HANDLERS[1:]]
    RecordingHandler.received = 0
    data = b"naam;rechtsvorm\n" * 100

    beheerder_client.post("/import/", {"file": SimpleUploadedFile("klein.csv", data)})

    assert RecordingHandler.received == len(data)
    assert ImportRun.objects.count() == 1
