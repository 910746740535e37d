"""The Celery application of the register: tasks of core/tasks.py run the jobs of core/jobs.py.

Start a worker with `celery -A config worker`; its settings are the CELERY_… names in config/settings.py.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("verbonden_partijen")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["core"])
