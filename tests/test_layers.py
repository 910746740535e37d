"""Imports run one way: core and accounts ← partners ← risks ← governance ← reports, importer, demo ← public.

Every module's imports (also those inside a function) and every template's {% load %} and
{% include %} are walked; a lower layer that reaches a higher one fails with the place it does so.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Apps by layer: an app may use its own layer's platform and anything below, never above. Apps on the
# same layer stay apart (the importer does not need the demo, nor the reports the importer).
LAYERS = {
    "core": 0,
    "accounts": 0,
    "partners": 1,
    "risks": 2,
    "governance": 3,
    "reports": 4,
    "importer": 4,
    "demo": 4,
    "public": 5,  # the public register reads the adopted paragrafen of reports
}
# Template tag libraries by the app that defines them.
TAG_LIBRARIES = {
    "register_tags": "core",
    "scope_tags": "partners",
    "governance_tags": "governance",
}
# Templates outside an app's folder (base.html, includes/, admin/, registration/, error pages) are the
# platform's.
TEMPLATE_DIRS = {"partners", "risks", "governance", "reports", "importer", "accounts", "public"}


def allowed(importer: str, imported: str) -> bool:
    if importer == imported:
        return True
    return LAYERS[imported] < LAYERS[importer]


def python_modules():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield app, path


def imported_apps(path: Path):
    """(line, app) for every import of one of the apps in the module, wherever it stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS:
                yield node.lineno, top


def template_app(path: Path) -> str:
    first = path.relative_to(ROOT / "templates").parts[0]
    return first if first in TEMPLATE_DIRS else "core"


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
INCLUDE = re.compile(r"""{%\s*include\s+["']([^"']+)["']""")


def test_the_walk_sees_the_apps_and_their_function_level_imports(tmp_path):
    module = tmp_path / "example.py"
    module.write_text("import os\n\ndef f():\n    from governance.models import Seat\n    import risks.models\n")
    assert list(imported_apps(module)) == [(4, "governance"), (5, "risks")]
    assert not allowed("partners", "governance") and allowed("governance", "partners") and allowed("risks", "core")
    assert not allowed("core", "partners") and not allowed("importer", "demo")


def test_no_module_imports_a_higher_layer():
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {app}"
        for owner, path in python_modules()
        for line, app in imported_apps(path)
        if not allowed(owner, app)
    ]
    assert not wrong, "Imports against the layers:\n" + "\n".join(wrong)


@pytest.mark.parametrize("app", ["partners"])
def test_partners_imports_nothing_from_the_apps_above_it(app):
    above = {"governance", "risks", "importer", "reports", "demo"}
    found = [
        (path, line, name) for owner, path in python_modules() if owner == app for line, name in imported_apps(path)
    ]
    assert found, "the walk found no imports at all in partners"
    assert not [f for f in found if f[2] in above]


def test_core_imports_no_app():
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {app}"
        for owner, path in python_modules()
        if owner == "core"
        for line, app in imported_apps(path)
        if app != "core"
    ]
    assert not found


def test_no_template_loads_tags_or_includes_templates_of_a_higher_layer():
    wrong = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        owner = template_app(path)
        source = path.read_text(encoding="utf-8")
        for match in LOAD.finditer(source):
            for library in match.group(1).split():
                app = TAG_LIBRARIES.get(library)
                if app and not allowed(owner, app):
                    wrong.append(f"{path.relative_to(ROOT)} loads {library} ({app})")
        for match in INCLUDE.finditer(source):
            included = ROOT / "templates" / match.group(1)
            app = template_app(included)
            if not allowed(owner, app):
                wrong.append(f"{path.relative_to(ROOT)} includes {match.group(1)} ({app})")
    assert not wrong, "Templates against the layers:\n" + "\n".join(wrong)


def test_every_tag_library_is_known_to_this_test():
    libraries = {path.stem for app in LAYERS for path in (ROOT / app).glob("templatetags/*.py")} - {"__init__"}
    assert libraries == set(TAG_LIBRARIES)
