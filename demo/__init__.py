"""The demo region: the register (register.py), its risks (risks.py), representation and cycle
(governance.py) and doelen (goals.py), loaded in that order by `manage.py load_demo`."""
