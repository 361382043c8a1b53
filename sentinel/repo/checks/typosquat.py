"""dependency-typosquat: a new dependency whose name is one typo away from a popular package.

What: names added to requirements*.txt, pyproject.toml, setup.py/setup.cfg, Pipfile or a
package.json dependency section that are within one edit (insert, delete, substitute, swap) of a
popular PyPI or npm name, or that wrap one in a python-/py-/-js style affix, without being that
name. The popular names are rule data in rules/checks.yaml (`options.pypi`, `options.npm`).
Why it matters: typosquats (`reqeusts`, `colourama`, `crossenv`, `electorn`) carry install-time
malware; an insider can slip one into a manifest as a "typo".
False positives: real packages that sit one edit from a popular one (preact/react, nose2/nose) are
handled by listing them as popular or in `options.allow`; names shorter than `min_length` are
ignored because short names are all close to each other.
ATT&CK: T1195.001 (Compromise Software Dependencies and Development Tools).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sentinel.repo.changes import ChangedFile
from sentinel.repo.checks.base import Hit, added_lines, snippet

_PY_MANIFEST = re.compile(
    r"(^|/)(([\w.-]*requirements[\w.-]*|constraints[\w.-]*|requirements/[\w.-]+)\.(txt|in)|pyproject\.toml|setup\.py|setup\.cfg|Pipfile)$"
)
# A requirement at the start of a line or of a quoted string: `name`, `name[extra]`, `name>=1`.
_PY_REQ = re.compile(
    r"""(?:^\s*|["']\s*)([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])\s*(?:\[[^\]]*\])?\s*(?:[<>!~]=?|===?|[;@]|["']|$)"""
)
_PY_KEY = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*[\"'{]")  # Pipfile / poetry tables
_NPM_SECTIONS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")
_AFFIXES = re.compile(r"^(python-|python3-|py-|py|node-)|(-python|-py|-js|\.js|-node|-lib)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    min_length: int = 5
    pypi: tuple[str, ...] = ()
    npm: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


def scan(file: ChangedFile, options: Options) -> Iterator[Hit]:
    name = file.path.rsplit("/", 1)[-1]
    if name == "package.json":
        yield from _npm(file, options)
    elif _PY_MANIFEST.search(file.path):
        yield from _pypi(file, options)


def _pypi(file: ChangedFile, options: Options) -> Iterator[Hit]:
    popular = {normalise(n) for n in options.pypi}
    allowed = popular | {normalise(n) for n in options.allow}
    name = file.path.rsplit("/", 1)[-1]
    in_deps = _dependency_lines(file.lines(), name)
    for number, text in added_lines(file):
        stripped = text.strip()
        if not stripped or stripped.startswith(("#", "-", "[")) or number not in in_deps:
            continue
        keyed = name == "Pipfile" or in_deps[number] == "keys"
        pattern = _PY_KEY if keyed else _PY_REQ
        for match in pattern.finditer(text):
            candidate = match.group(1)
            if keyed and candidate.lower() in _NOT_PACKAGES:
                continue
            target = squats(normalise(candidate), popular, allowed, options.min_length)
            if target:
                detail = f"{candidate!r} looks like PyPI's {target!r}"
                yield Hit(line=number, detail=detail, snippet=snippet(text))
                break


# Keys of poetry/Pipfile dependency tables that constrain the interpreter, not a package.
_NOT_PACKAGES = frozenset(("python", "python_version", "python_full_version"))
_TABLE = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")
_KEYED_TABLES = re.compile(
    r"^(tool\.poetry\.(dev-)?dependencies|tool\.poetry\.group\.[\w-]+\.dependencies|packages|dev-packages)$"
)
_LIST_TABLES = re.compile(r"^(project\.optional-dependencies|dependency-groups|options\.extras_require)$")
_LIST_START = re.compile(
    r"^\s*(dependencies|requires|install_requires|setup_requires|tests_require|extras_require)\s*[=:]"
)


def _dependency_lines(lines: Sequence[str], name: str) -> dict[int, str]:
    """Line number -> 'list' or 'keys' for lines that declare dependencies in a Python manifest.

    Requirements files are all dependencies; pyproject/setup.cfg/Pipfile/setup.py only inside their
    dependency tables and lists, so project names, package lists and classifiers are never read.
    """
    if name.endswith((".txt", ".in")):
        return dict.fromkeys(range(1, len(lines) + 1), "list")
    found: dict[int, str] = {}
    table = ""
    depth = 0  # bracket depth of an open dependency list (pyproject arrays, setup.py lists)
    continuation = False  # setup.cfg `install_requires =` followed by indented lines
    for number, text in enumerate(lines, start=1):
        header = _TABLE.match(text) if depth == 0 else None
        if header:
            table, continuation = header.group(1).strip(), False
            continue
        if depth > 0:
            found[number] = "list"
            depth += text.count("[") + text.count("(") - text.count("]") - text.count(")")
            depth = max(depth, 0)
            continue
        if _KEYED_TABLES.match(table):
            found[number] = "keys"
        elif _LIST_TABLES.match(table) or _LIST_START.match(text):
            found[number] = "list"
            depth = max(text.count("[") + text.count("(") - text.count("]") - text.count(")"), 0)
            continuation = name == "setup.cfg" and not depth
        elif continuation and text[:1].isspace() and text.strip():
            found[number] = "list"
        else:
            continuation = False
    return found


def _npm(file: ChangedFile, options: Options) -> Iterator[Hit]:
    try:
        manifest = json.loads(file.content)
    except (ValueError, UnicodeDecodeError):
        return
    if not isinstance(manifest, dict):
        return
    declared = {n for s in _NPM_SECTIONS if isinstance(manifest.get(s), dict) for n in manifest[s]}
    popular = {n.lower() for n in options.npm}
    allowed = popular | {n.lower() for n in options.allow}
    for number, text in added_lines(file):
        match = re.match(r'\s*"([^"]+)"\s*:', text)
        if match and match.group(1) in declared:
            target = squats(match.group(1).lower(), popular, allowed, options.min_length)
            if target:
                detail = f"{match.group(1)!r} looks like npm's {target!r}"
                yield Hit(line=number, detail=detail, snippet=snippet(text))


def normalise(name: str) -> str:
    """PEP 503 normalisation: case and runs of -_. do not distinguish PyPI names."""
    return re.sub(r"[-_.]+", "-", name).lower()


def squats(candidate: str, popular: set[str], allowed: set[str], min_length: int) -> str | None:
    """The popular name `candidate` imitates, or None."""
    if candidate in allowed or len(candidate) < min_length:
        return None
    if candidate.startswith("@"):
        return None  # scoped npm names belong to their scope's owner (@types/react is not a squat)
    bare = candidate
    for target in sorted(popular):
        if len(target) < min_length:
            continue
        if _AFFIXES.sub("", bare) == target or _AFFIXES.sub("", target) == bare:
            return target
        if _one_edit(bare, target) and not _digit_suffix(bare, target):
            return target
    return None


def _digit_suffix(a: str, b: str) -> bool:
    # boto/boto3, nose/nose2, jinja/jinja2: a trailing version digit is a different project.
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and long_.startswith(short) and long_[-1].isdigit()


def _one_edit(a: str, b: str) -> bool:
    """True when candidate `a` is a plausible one-keystroke typo of `b`.

    Swaps of neighbouring letters and deletions always count; a substitution counts when the two
    characters are keyboard neighbours, look alike or are both vowels; an insertion counts inside
    the name or as a doubled last letter. Other one-edit pairs (eslint/eclint, slack/black,
    torch/torchx) are how different real projects are named, not how people mistype.
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            x, y = a[diffs[0]], b[diffs[0]]
            return y in _NEIGHBOURS.get(x, "") or {x, y} <= _VOWELS or frozenset((x, y)) in _LOOKALIKES
        if len(diffs) != 2:
            return False
        i, j = diffs
        return j == i + 1 and a[i] == b[j] and a[j] == b[i]
    if len(a) < len(b):  # a letter dropped
        return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))
    # a letter added: anywhere but the end, unless it doubles the last letter (numpyy)
    return any(a[:i] + a[i + 1 :] == b for i in range(len(a) - 1)) or (a[:-1] == b and a[-1] == b[-1])


_ROWS = ("1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours(r: int, i: int) -> str:
    # Rows are staggered: the keys touching row r, index i are i-1/i+1 beside it, i-1/i in the
    # row below and i/i+1 in the row above.
    spots = [(r, i - 1), (r, i + 1), (r + 1, i - 1), (r + 1, i), (r - 1, i), (r - 1, i + 1)]
    return "".join(_ROWS[y][x] for y, x in spots if 0 <= y < len(_ROWS) and 0 <= x < len(_ROWS[y]))


_NEIGHBOURS = {c: _neighbours(r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
_VOWELS = frozenset("aeiouy")
_LOOKALIKES = frozenset(
    frozenset(p) for p in ("l1", "li", "i1", "o0", "s5", "b8", "g9", "z2", "-_", "-.", "_.")
)
