"""dependency-typosquat: (path, manifest, flagged line or None) with real look-alikes."""

from __future__ import annotations

import pytest

from tests.repo.checks.helpers import findings

PYPROJECT = """\
[project]
name = "djanga"
version = "1.0"
dependencies = [
    "requests>=2.31",
    "{dep}",
]
classifiers = ["Programming Language :: Python"]
"""

PACKAGE_JSON = """\
{{
  "name": "app",
  "dependencies": {{
    "express": "^4.19.2",
    "{dep}": "^1.0.0"
  }},
  "scripts": {{"lodahs": "echo not a dependency"}}
}}
"""

EXTRAS = '[project.optional-dependencies]\ndotenv = ["python-dotenv"]\nslack = ["slack-sdk"]\n'

CASES = [
    ("requirements.txt", "flask==3.0.3\nreqeusts==2.31.0\n", 2),
    ("requirements/dev.txt", "colourama>=0.4\n", 1),
    ("requirements.in", "python-dateutil\ndateutil\n", 2),
    ("pyproject.toml", PYPROJECT.format(dep="urllib4>=2"), 6),
    ("package.json", PACKAGE_JSON.format(dep="lodahs"), 5),
    ("package.json", PACKAGE_JSON.format(dep="crossenv"), 5),
    ("setup.py", 'setup(\n    name="x",\n    install_requires=[\n        "numpyy",\n    ],\n)\n', 4),
    # Legitimate: the real names; version-digit siblings; scoped npm packages; the project's own
    # name in pyproject (not a dependency); a script key that looks like a squat.
    ("requirements.txt", "requests==2.31.0\nboto3==1.34\nnose2\njinja2\n", None),
    ("requirements.txt", "pytest-cov\npy-cpuinfo\nattr\n", None),
    ("pyproject.toml", PYPROJECT.format(dep="pydantic-settings"), None),
    ("package.json", PACKAGE_JSON.format(dep="@types/lodash"), None),
    ("package.json", PACKAGE_JSON.format(dep="preact"), None),
    ("src/app.py", "import reqeusts\n", None),  # not a manifest
    # Real projects one edit from a popular name, found in real manifests: eclint (qs's
    # devDependencies, vs eslint), torchx (vs torch); an extras key named like a package (flask's
    # `dotenv = ["python-dotenv"]`, tqdm's `slack = ["slack-sdk"]`).
    ("package.json", PACKAGE_JSON.format(dep="eclint"), None),
    ("requirements.txt", "torchx==0.7\n", None),
    ("pyproject.toml", EXTRAS, None),
    # rich's poetry table: `python = ">=3.7.0"` is the interpreter, one letter from ipython.
    ("pyproject.toml", '[tool.poetry.dependencies]\npython = ">=3.7.0"\npygments = "^2.13.0"\n', None),
    ("pyproject.toml", '[tool.poetry.dependencies]\npython = ">=3.8"\npygmnets = "^2.13.0"\n', 3),
]


@pytest.mark.parametrize(("path", "text", "line"), CASES)
def test_typosquats(path: str, text: str, line: int | None) -> None:
    found = findings("dependency-typosquat", path, text)
    assert [f.line for f in found] == ([line] if line else [])
