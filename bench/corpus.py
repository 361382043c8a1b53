"""A git repository whose commits are successive real releases of real packages.

Each release (a PyPI sdist fetched with `pip download`, or an npm tarball
fetched with `npm pack`) is downloaded once into the cache, unpacked safely,
and committed over its package's folder (`pypi/requests/`, `npm/express/`), so
every commit is a real release-to-release diff: the same mix of code, tests,
docs and version bumps that a pull request carries.

Generated packaging metadata (`PKG-INFO`, `*.egg-info/`) is left out, since a
project's own repository does not hold it and it would add a changed file to
every release.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    ecosystem: str  # "pypi" or "npm"
    name: str
    version: str

    @property
    def folder(self) -> str:
        """Where this package lives in the benchmark repository."""
        return f"{self.ecosystem}/{self.name}"

    @property
    def subject(self) -> str:
        """The commit subject; also how a built repository is recognised."""
        return f"{self.ecosystem} {self.name} {self.version}"


def _series(ecosystem: str, name: str, *versions: str) -> tuple[Release, ...]:
    return tuple(Release(ecosystem=ecosystem, name=name, version=v) for v in versions)


def _interleave(*series: tuple[Release, ...]) -> tuple[Release, ...]:
    """Every package's first release, then the later ones round-robin.

    After the imports, a range of several commits updates several packages at
    once, like a pull request in a monorepo, rather than importing one whole.
    """
    firsts = tuple(s[0] for s in series)
    rest = [s[1:] for s in series]
    rounds = max(len(r) for r in rest)
    return firsts + tuple(r[i] for i in range(rounds) for r in rest if i < len(r))


# Chosen by inspecting `git diff --numstat` counts between these commits:
# - jest-regex-util 29.4.3 -> 29.6.3 changes one file (package.json: a
#   dependency-and-version bump, the commonest one-file pull request);
# - express 5.x and requests 2.32.x releases change ~3-40 files each;
# - click 8.1.7 -> 8.2.0 changes ~80 files (code, tests and docs).
# bench/scan.py searches these commits for its ranges; it does not hard-code them.
RELEASES: tuple[Release, ...] = _interleave(
    _series("pypi", "requests", "2.31.0", "2.32.0", "2.32.2", "2.32.3", "2.32.4", "2.32.5"),
    _series("npm", "express", "4.21.2", "5.0.0", "5.0.1", "5.1.0"),
    _series("pypi", "click", "8.1.7", "8.1.8", "8.2.0", "8.2.1"),
    _series("npm", "jest-regex-util", "29.4.3", "29.6.3"),
)

# Fixed identity and dates make the commits, and so their shas, reproducible.
_GIT_CONFIG = (
    "-c", "user.name=sentinel bench", "-c", "user.email=bench@example.invalid",
    "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false",
    # A user's global hooks (perhaps sentinel's own pre-push hook) must not run here.
    "-c", "core.hooksPath=/dev/null",
)  # fmt: skip


def build(cache: Path, releases: tuple[Release, ...] = RELEASES) -> Path:
    """The repository of `releases` under `cache`, built on first use and reused after."""
    repo = cache / "repo"
    if _built_from(repo) == [r.subject for r in releases]:
        log.info("reusing %s", repo)
        return repo
    # Fetch everything first: a failed download must not leave half a repository.
    archives = [fetch(release, cache / "downloads") for release in releases]
    partial = cache / "repo.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    git(partial, "init", "--quiet", "--initial-branch=main")
    for index, (release, archive) in enumerate(zip(releases, archives, strict=True)):
        folder = partial / release.folder
        shutil.rmtree(folder, ignore_errors=True)  # the release replaces the whole package tree
        count = unpack(archive, folder)
        # --force: a .gitignore shipped inside a package must not hide its own files.
        git(partial, "add", "--all", "--force", "--", release.folder)
        git(partial, "commit", "--quiet", "--allow-empty", "-m", release.subject, env=_commit_env(index))
        log.info("committed %s (%d files)", release.subject, count)
    shutil.rmtree(repo, ignore_errors=True)
    partial.rename(repo)
    return repo


def fetch(release: Release, downloads: Path) -> Path:
    """The release's archive, downloaded into `downloads` unless already there."""
    folder = downloads / release.ecosystem / f"{release.name}-{release.version}"
    found = _archive_in(folder)
    if found is not None:
        return found
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Download into a scratch folder and rename: an interrupted download is never reused.
    scratch = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder.parent))
    try:
        log.info("downloading %s", release.subject)
        done = subprocess.run(_download_command(release, scratch), capture_output=True, text=True)
        if done.returncode != 0:  # pip and npm are chatty: show their output only on failure
            raise RuntimeError(f"{release.subject}: download failed:\n{done.stderr}{done.stdout}")
        if _archive_in(scratch) is None:
            raise RuntimeError(f"{release.subject}: the download produced no archive")
        shutil.rmtree(folder, ignore_errors=True)
        scratch.rename(folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    found = _archive_in(folder)
    if found is None:
        raise RuntimeError(f"{release.subject}: no archive in {folder}")
    return found


def _download_command(release: Release, dest: Path) -> list[str]:
    if release.ecosystem == "pypi":
        # Sdists only: the source as released, not a built wheel.
        return [
            sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
            "--no-binary", ":all:", "--no-deps", "--dest", str(dest),
            f"{release.name}=={release.version}",
        ]  # fmt: skip
    if release.ecosystem == "npm":
        spec = f"{release.name}@{release.version}"
        return ["npm", "pack", "--silent", "--pack-destination", str(dest), spec]
    raise ValueError(f"unknown ecosystem {release.ecosystem!r}")


def _archive_in(folder: Path) -> Path | None:
    if not folder.is_dir():
        return None
    archives = sorted(p for p in folder.iterdir() if p.name.endswith((".tar.gz", ".tgz", ".zip", ".tar.bz2")))
    return archives[0] if archives else None


def unpack(archive: Path, dest: Path) -> int:
    """Write the archive's regular files under `dest`, minus its top folder; return how many.

    Absolute paths, `..`, links and device files are never written: an archive
    from a registry is untrusted input.
    """
    dest.mkdir(parents=True, exist_ok=True)
    root = dest.resolve()
    count = 0
    for name, mode, data in _members(archive):
        relative = _inside_path(name)
        if relative is None:
            continue
        target = (root / relative).resolve()
        if not target.is_relative_to(root):  # belt and braces after _inside_path
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        # Git tracks only the executable bit; keep it, drop everything else.
        target.chmod(0o755 if mode & stat.S_IXUSR else 0o644)
        count += 1
    return count


def _members(archive: Path) -> Iterator[tuple[str, int, bytes]]:
    """(name, mode, content) of each regular file in a tar or zip archive."""
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                mode = info.external_attr >> 16
                if info.is_dir() or stat.S_ISLNK(mode):
                    continue
                yield info.filename, mode, zf.read(info)
        return
    with tarfile.open(archive) as tf:
        for member in tf:
            if not member.isreg():  # links, devices, fifos: skipped
                continue
            handle = tf.extractfile(member)
            if handle is not None:
                yield member.name, member.mode, handle.read()


def _inside_path(name: str) -> PurePosixPath | None:
    """The member's path below the archive's top folder, or None to skip it."""
    path = PurePosixPath(name.replace("\\", "/"))
    parts = path.parts
    if path.is_absolute() or ".." in parts or len(parts) < 2:
        return None
    inner = parts[1:]  # sdists unpack into name-version/, npm tarballs into package/
    if ".git" in inner or inner == ("PKG-INFO",) or any(p.endswith(".egg-info") for p in inner):
        return None
    return PurePosixPath(*inner)


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in `repo` with the bench's fixed config; return stdout."""
    done = subprocess.run(
        ["git", *_GIT_CONFIG, *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
    )
    return done.stdout.decode("utf-8", "surrogateescape")


def _commit_env(index: int) -> dict[str, str]:
    # One commit a day from a fixed start, so a rebuilt repository has the same shas.
    date = f"{1704067200 + index * 86400} +0000"
    return {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}


def _built_from(repo: Path) -> list[str]:
    """Subjects of the commits in an existing repository, oldest first ([] if none)."""
    if not (repo / ".git").is_dir():
        return []
    try:
        return git(repo, "log", "--reverse", "--format=%s").splitlines()
    except subprocess.CalledProcessError:
        return []


# --- The benign corpus of bench/false_alarms.py -------------------------------------------
#
# Many releases of popular projects in several languages: Python (requests, urllib3), C with
# Python (psutil, simplejson), JavaScript (lodash, express, axios, moment, chalk, commander,
# debug, semver; axios and commander ship TypeScript declarations), C/C++ Node addons (bcrypt,
# node-pty, bufferutil) and shell (`n`, the Node version manager, is a bash script). PyPI
# series keep their newest releases only: every sdist download prepares its metadata in a
# fresh build environment (slow), and old sdists mostly no longer build on a current Python.
# Versions are listed literally (taken once from `pip index versions` and `npm view NAME
# versions`, prereleases left out) so the corpus is the same on every machine. Go, Ruby and
# PHP sources cannot be fetched here (only the PyPI and npm registries are reachable).
_BENIGN_VERSIONS: tuple[tuple[str, str, str], ...] = (
    (
        "pypi",
        "requests",
        """
        2.16.3 2.16.4 2.16.5 2.17.0 2.17.1 2.17.2 2.17.3 2.18.0 2.18.1 2.18.2 2.18.3 2.18.4 2.19.0
        2.19.1 2.20.0 2.20.1 2.21.0 2.22.0 2.23.0 2.24.0 2.25.0 2.25.1 2.26.0 2.27.0 2.27.1 2.28.0
        2.28.1 2.28.2 2.29.0 2.30.0 2.31.0 2.32.2 2.32.3 2.32.4 2.32.5 2.33.0 2.33.1 2.34.0 2.34.1
        2.34.2
    """,
    ),
    (
        "pypi",
        "psutil",
        """
        5.6.3 5.6.4 5.6.5 5.6.6 5.6.7 5.7.0 5.7.1 5.7.2 5.7.3 5.8.0 5.9.0 5.9.1 5.9.2 5.9.3 5.9.4 5.9.5
        5.9.6 5.9.7 5.9.8 6.0.0 6.1.0 6.1.1 7.0.0 7.1.0 7.1.1 7.1.2 7.1.3 7.2.0 7.2.1 7.2.2
    """,
    ),
    (
        "pypi",
        "simplejson",
        """
        3.17.4 3.17.5 3.17.6 3.18.0 3.18.1 3.18.2 3.18.3 3.18.4 3.19.1 3.19.2 3.19.3 3.20.1 3.20.2 4.0.0
        4.0.1 4.1.0 4.1.1 4.1.2 4.2.0 4.3.0
    """,
    ),
    (
        "pypi",
        "urllib3",
        """
        1.26.11 1.26.12 1.26.13 1.26.14 1.26.15 1.26.16 1.26.17 1.26.18 1.26.19 1.26.20 2.0.2 2.0.3
        2.0.4 2.0.5 2.0.6 2.0.7 2.1.0 2.2.0 2.2.1 2.2.2 2.2.3 2.3.0 2.4.0 2.5.0 2.6.0 2.6.1 2.6.2 2.6.3
        2.7.0 2.8.0
    """,
    ),
    (
        "npm",
        "lodash",
        """
        0.1.0 0.2.0 0.2.1 0.2.2 0.3.0 0.3.1 0.3.2 0.4.0 0.4.1 0.4.2 0.5.0 0.5.1 0.5.2 0.6.0 0.6.1 0.7.0
        0.8.0 0.8.1 0.8.2 0.9.0 0.9.1 0.9.2 0.10.0 1.0.0 1.0.1 1.0.2 1.1.0 1.1.1 1.2.0 1.2.1 1.3.0 1.3.1
        2.0.0 2.1.0 2.2.0 2.2.1 2.3.0 2.4.0 2.4.1 2.4.2 3.0.0 3.0.1 3.1.0 3.2.0 3.3.0 3.3.1 3.4.0 3.5.0
        3.6.0 3.7.0 3.8.0 3.9.0 3.9.1 3.9.2 3.9.3 3.10.0 3.10.1 4.0.0 4.0.1 4.1.0 4.2.0 4.2.1 4.3.0
        4.4.0 4.5.0 4.5.1 4.6.0 4.6.1 4.7.0 4.8.0 4.8.1 4.8.2 4.9.0 4.10.0 4.11.0 4.11.1 4.11.2 4.12.0
        4.13.0 4.13.1 4.14.0 4.14.1 4.14.2 4.15.0 4.16.0 4.16.1 4.16.2 4.16.3 4.16.4 4.16.5 4.16.6
        4.17.0 4.17.1 4.17.2 4.17.3 4.17.4 4.17.5 4.17.9 4.17.10 4.17.11 4.17.12 4.17.13 4.17.14 4.17.15
        4.17.16 4.17.17 4.17.18 4.17.19 4.17.20 4.17.21 4.17.23 4.18.0 4.18.1
    """,
    ),
    (
        "npm",
        "express",
        """
        3.10.3 3.10.4 3.10.5 3.11.0 3.12.0 3.12.1 3.13.0 3.14.0 3.15.0 3.15.1 3.15.2 3.15.3 3.16.0
        3.16.1 3.16.2 3.16.3 3.16.4 3.16.5 3.16.6 3.16.7 3.16.8 3.16.9 3.16.10 3.17.0 3.17.1 3.17.2
        3.17.3 3.17.4 3.17.5 3.17.6 3.17.7 3.17.8 3.18.0 3.18.1 3.18.2 3.18.3 3.18.4 3.18.5 3.18.6
        3.19.0 3.19.1 3.19.2 3.20.0 3.20.1 3.20.2 3.20.3 3.21.0 3.21.1 3.21.2 4.0.0 4.1.0 4.1.1 4.1.2
        4.2.0 4.3.0 4.3.1 4.3.2 4.4.0 4.4.1 4.4.2 4.4.3 4.4.4 4.4.5 4.5.0 4.5.1 4.6.0 4.6.1 4.7.0 4.7.1
        4.7.2 4.7.3 4.7.4 4.8.0 4.8.1 4.8.2 4.8.3 4.8.4 4.8.5 4.8.6 4.8.7 4.8.8 4.9.0 4.9.1 4.9.2 4.9.3
        4.9.4 4.9.5 4.9.6 4.9.7 4.9.8 4.10.0 4.10.1 4.10.2 4.10.3 4.10.4 4.10.5 4.10.6 4.10.7 4.10.8
        4.11.0 4.11.1 4.11.2 4.12.0 4.12.1 4.12.2 4.12.3 4.12.4 4.13.0 4.13.1 4.13.2 4.13.3 4.13.4
        4.14.0 4.14.1 4.15.0 4.15.1 4.15.2 4.15.3 4.15.4 4.15.5 4.16.0 4.16.1 4.16.2 4.16.3 4.16.4
        4.17.0 4.17.1 4.17.2 4.17.3 4.18.0 4.18.1 4.18.2 4.18.3 4.19.0 4.19.1 4.19.2 4.20.0 4.21.0
        4.21.1 4.21.2 4.22.0 4.22.1 4.22.2 4.22.3 5.0.0 5.0.1 5.1.0 5.2.0 5.2.1 5.3.0
    """,
    ),
    (
        "npm",
        "axios",
        """
        0.11.0 0.11.1 0.12.0 0.13.0 0.13.1 0.14.0 0.15.0 0.15.1 0.15.2 0.15.3 0.16.0 0.16.1 0.16.2
        0.17.0 0.17.1 0.18.0 0.18.1 0.19.0 0.19.1 0.19.2 0.20.0 0.21.0 0.21.1 0.21.2 0.21.3 0.21.4
        0.22.0 0.23.0 0.24.0 0.25.0 0.26.0 0.26.1 0.27.0 0.27.1 0.27.2 0.28.0 0.28.1 0.29.0 0.30.0
        0.30.1 0.30.2 0.30.3 0.31.0 0.31.1 0.32.0 0.33.0 0.34.0 0.35.0 1.0.0 1.1.0 1.1.1 1.1.2 1.1.3
        1.2.0 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.2.6 1.3.0 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.3.6 1.4.0 1.5.0
        1.5.1 1.6.0 1.6.1 1.6.2 1.6.3 1.6.4 1.6.5 1.6.6 1.6.7 1.6.8 1.7.0 1.7.1 1.7.2 1.7.3 1.7.4 1.7.5
        1.7.6 1.7.7 1.7.8 1.7.9 1.8.0 1.8.1 1.8.2 1.8.3 1.8.4 1.9.0 1.10.0 1.11.0 1.12.0 1.12.1 1.12.2
        1.13.0 1.13.1 1.13.2 1.13.3 1.13.4 1.13.5 1.13.6 1.14.0 1.15.0 1.15.1 1.15.2 1.16.0 1.16.1
        1.17.0 1.18.0 1.18.1 1.19.0 1.20.0 1.21.0 1.21.1
    """,
    ),
    (
        "npm",
        "moment",
        """
        1.0.0 1.0.1 1.1.0 1.1.1 1.2.0 1.3.0 1.4.0 1.5.0 1.5.1 1.6.0 1.6.1 1.6.2 1.7.0 1.7.1 1.7.2 2.0.0
        2.1.0 2.2.1 2.3.0 2.3.1 2.4.0 2.5.0 2.5.1 2.6.0 2.7.0 2.8.1 2.8.2 2.8.3 2.8.4 2.9.0 2.10.2
        2.10.3 2.10.5 2.10.6 2.11.0 2.11.1 2.11.2 2.12.0 2.13.0 2.14.0 2.14.1 2.15.0 2.15.1 2.15.2
        2.16.0 2.17.0 2.17.1 2.18.0 2.18.1 2.19.0 2.19.1 2.19.2 2.19.3 2.19.4 2.20.0 2.20.1 2.21.0
        2.22.0 2.22.1 2.22.2 2.23.0 2.24.0 2.25.0 2.25.1 2.25.2 2.25.3 2.26.0 2.27.0 2.28.0 2.29.0
        2.29.1 2.29.2 2.29.3 2.29.4 2.30.0 2.30.1 2.31.0
    """,
    ),
    (
        "npm",
        "n",
        """
        0.0.1 0.0.2 0.0.3 0.0.4 0.1.0 0.1.1 0.1.2 0.2.0 0.2.1 0.2.2 0.3.0 0.4.0 0.4.1 0.4.2 0.5.0 0.5.1
        0.5.2 0.5.3 0.5.4 0.6.0 0.6.1 0.7.0 0.7.1 0.7.2 0.7.3 0.8.0 0.8.1 0.8.2 0.9.0 0.9.1 0.9.2 0.9.3
        1.0.0 1.1.0 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.2.6 1.2.7 1.2.8 1.2.9 1.2.11 1.2.13 1.2.14 1.3.0
        1.4.0 1.4.1 1.4.2 2.0.0 2.0.1 2.0.2 2.1.0 2.1.1 2.1.2 2.1.3 2.1.4 2.1.5 2.1.6 2.1.7 2.1.8 2.1.9
        2.1.10 2.1.11 2.1.12 3.0.0 3.0.1 3.0.2 4.0.0 4.1.0 5.0.0 5.0.1 5.0.2 6.0.0 6.0.1 6.1.0 6.1.1
        6.1.2 6.1.3 6.2.0 6.3.0 6.3.1 6.4.0 6.5.0 6.5.1 6.6.0 6.7.0 6.7.1 6.8.0 7.0.0 7.0.1 7.0.2 7.1.0
        7.2.0 7.2.1 7.2.2 7.3.0 7.3.1 7.4.0 7.4.1 7.5.0 8.0.0 8.0.1 8.0.2 8.1.0 8.2.0 9.0.0 9.0.1 9.1.0
        9.2.0 9.2.1 9.2.2 9.2.3 10.0.0 10.1.0 10.2.0
    """,
    ),
    (
        "npm",
        "chalk",
        """
        0.1.0 0.1.1 0.2.0 0.2.1 0.3.0 0.4.0 0.5.0 0.5.1 1.0.0 1.1.0 1.1.1 1.1.2 1.1.3 2.0.0 2.0.1 2.1.0
        2.2.0 2.2.2 2.3.0 2.3.1 2.3.2 2.4.0 2.4.1 2.4.2 3.0.0 4.0.0 4.1.0 4.1.1 4.1.2 5.0.0 5.0.1 5.1.0
        5.1.1 5.1.2 5.2.0 5.3.0 5.4.0 5.4.1 5.5.0 5.6.0 5.6.2 6.0.0 6.0.1
    """,
    ),
    (
        "npm",
        "commander",
        """
        0.0.1 0.0.3 0.0.4 0.0.5 0.1.0 0.2.0 0.2.1 0.3.0 0.3.1 0.3.2 0.3.3 0.4.0 0.4.1 0.4.2 0.4.3 0.5.0
        0.5.1 0.5.2 0.6.0 0.6.1 1.0.0 1.0.1 1.0.2 1.0.3 1.0.4 1.0.5 1.1.0 1.1.1 1.2.0 1.3.0 1.3.1 1.3.2
        2.0.0 2.1.0 2.2.0 2.3.0 2.4.0 2.5.0 2.5.1 2.6.0 2.7.0 2.7.1 2.8.0 2.8.1 2.9.0 2.10.0 2.11.0
        2.12.0 2.12.1 2.12.2 2.13.0 2.14.0 2.14.1 2.15.0 2.15.1 2.16.0 2.17.0 2.17.1 2.18.0 2.19.0
        2.20.0 2.20.1 2.20.3 3.0.0 3.0.1 3.0.2 4.0.0 4.0.1 4.1.0 4.1.1 5.0.0 5.1.0 6.0.0 6.1.0 6.2.0
        6.2.1 7.0.0 7.1.0 7.2.0 8.0.0 8.1.0 8.2.0 8.3.0 9.0.0 9.1.0 9.2.0 9.3.0 9.4.0 9.4.1 9.5.0 10.0.0
        10.0.1 11.0.0 11.1.0 12.0.0 12.1.0 13.0.0 13.1.0 14.0.0 14.0.1 14.0.2 14.0.3 15.0.0 15.1.0
    """,
    ),
    (
        "npm",
        "debug",
        """
        0.0.1 0.1.0 0.2.0 0.3.0 0.4.0 0.4.1 0.5.0 0.6.0 0.7.0 0.7.1 0.7.2 0.7.3 0.7.4 0.8.0 0.8.1 1.0.0
        1.0.1 1.0.2 1.0.3 1.0.4 1.0.5 2.0.0 2.1.0 2.1.1 2.1.2 2.1.3 2.2.0 2.3.0 2.3.1 2.3.2 2.3.3 2.4.0
        2.4.1 2.4.2 2.4.3 2.4.4 2.4.5 2.5.0 2.5.1 2.5.2 2.6.0 2.6.1 2.6.2 2.6.3 2.6.4 2.6.5 2.6.6 2.6.7
        2.6.8 2.6.9 3.0.0 3.0.1 3.1.0 3.2.0 3.2.1 3.2.2 3.2.3 3.2.4 3.2.5 3.2.6 3.2.7 4.0.0 4.0.1 4.1.0
        4.1.1 4.2.0 4.3.0 4.3.1 4.3.2 4.3.3 4.3.4 4.3.5 4.3.6 4.3.7 4.4.0 4.4.1 4.4.3
    """,
    ),
    (
        "npm",
        "semver",
        """
        4.0.2 4.0.3 4.1.0 4.1.1 4.2.0 4.2.1 4.2.2 4.3.0 4.3.1 4.3.2 4.3.3 4.3.4 4.3.5 4.3.6 5.0.0 5.0.1
        5.0.2 5.0.3 5.1.0 5.1.1 5.2.0 5.3.0 5.4.0 5.4.1 5.5.0 5.5.1 5.6.0 5.7.0 5.7.1 5.7.2 5.7.3 6.0.0
        6.1.0 6.1.1 6.1.2 6.1.3 6.2.0 6.3.0 6.3.1 6.3.2 7.0.0 7.1.0 7.1.1 7.1.2 7.1.3 7.2.0 7.2.1 7.2.2
        7.2.3 7.3.0 7.3.1 7.3.2 7.3.3 7.3.4 7.3.5 7.3.6 7.3.7 7.3.8 7.4.0 7.5.0 7.5.1 7.5.2 7.5.3 7.5.4
        7.6.0 7.6.1 7.6.2 7.6.3 7.7.0 7.7.1 7.7.2 7.7.3 7.7.4 7.8.0 7.8.1 7.8.2 7.8.3 7.8.4 7.8.5 7.8.6
    """,
    ),
    (
        "npm",
        "bcrypt",
        """
        0.1.2 0.1.3 0.2.0 0.2.1 0.2.2 0.2.3 0.2.4 0.3.0 0.3.1 0.3.2 0.4.0 0.4.1 0.5.0 0.6.0 0.7.0 0.7.1
        0.7.2 0.7.3 0.7.4 0.7.5 0.7.6 0.7.7 0.7.8 0.8.0 0.8.1 0.8.2 0.8.3 0.8.4 0.8.5 0.8.6 0.8.7 1.0.0
        1.0.1 1.0.2 1.0.3 2.0.0 2.0.1 3.0.0 3.0.1 3.0.2 3.0.3 3.0.4 3.0.5 3.0.6 3.0.7 3.0.8 4.0.0 4.0.1
        5.0.0 5.0.1 5.1.0 5.1.1 6.0.0
    """,
    ),
    (
        "npm",
        "node-pty",
        """
        0.0.1 0.1.0 0.4.1 0.5.0 0.5.1 0.6.0 0.6.1 0.6.2 0.6.3 0.6.4 0.6.5 0.6.6 0.6.7 0.6.8 0.6.9 0.6.10
        0.7.0 0.7.1 0.7.2 0.7.3 0.7.4 0.7.5 0.7.6 0.7.7 0.7.8 0.8.0 0.8.1 0.9.0 0.10.0 0.10.1 1.0.0
        1.1.0
    """,
    ),
    (
        "npm",
        "bufferutil",
        """
        1.0.0 1.0.1 1.1.0 1.2.0 1.2.1 1.3.0 2.0.0 2.0.1 3.0.0 3.0.1 3.0.2 3.0.3 3.0.4 3.0.5 4.0.0 4.0.1
        4.0.2 4.0.3 4.0.4 4.0.5 4.0.6 4.0.7 4.0.8 4.0.9 4.1.0
    """,
    ),
)

BENIGN_RELEASES: tuple[Release, ...] = _interleave(
    *(_series(eco, name, *versions.split()) for eco, name, versions in _BENIGN_VERSIONS)
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Built:
    repo: Path
    committed: tuple[Release, ...]
    failed: tuple[Release, ...]  # downloads that failed (or archives that would not unpack)


def build_tolerant(
    cache: Path, releases: tuple[Release, ...], *, name: str, jobs: int = 4, fetch_missing: bool = True
) -> Built:
    """Like build(), but releases that fail to download are skipped (and listed) instead of fatal.

    Old sdists sometimes no longer prepare their metadata on a current Python, and
    registries occasionally refuse one version; a corpus of a thousand releases must not
    depend on every one of them. npm tarballs are fetched many per `npm pack` call and
    sdists several at a time, since each download is mostly waiting. With `fetch_missing`
    False only archives already in the cache are used (the others count as failed).
    """
    downloads = cache / "downloads"
    if fetch_missing:
        archives, failed = fetch_all(releases, downloads, jobs=jobs)
    else:
        archives = {
            r: a for r in releases if (a := _archive_in(downloads / r.ecosystem / f"{r.name}-{r.version}"))
        }
        failed = tuple(r for r in releases if r not in archives)
    committed = tuple(r for r in releases if r in archives)
    repo = cache / name
    if _built_from(repo) == [r.subject for r in committed]:
        log.info("reusing %s", repo)
        return Built(repo=repo, committed=committed, failed=failed)
    partial = cache / f"{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    git(partial, "init", "--quiet", "--initial-branch=main")
    for index, release in enumerate(committed):
        folder = partial / release.folder
        shutil.rmtree(folder, ignore_errors=True)
        count = unpack(archives[release], folder)
        git(partial, "add", "--all", "--force", "--", release.folder)
        git(partial, "commit", "--quiet", "--allow-empty", "-m", release.subject, env=_commit_env(index))
        log.info("committed %s (%d files)", release.subject, count)
    shutil.rmtree(repo, ignore_errors=True)
    partial.rename(repo)
    return Built(repo=repo, committed=committed, failed=failed)


def fetch_all(
    releases: tuple[Release, ...], downloads: Path, *, jobs: int = 4
) -> tuple[dict[Release, Path], tuple[Release, ...]]:
    """Archives of the releases that could be fetched, and the releases that could not."""
    found: dict[Release, Path] = {}
    for release in releases:
        archive = _archive_in(downloads / release.ecosystem / f"{release.name}-{release.version}")
        if archive is not None:
            found[release] = archive
    missing = [r for r in releases if r not in found]
    npm = [r for r in missing if r.ecosystem == "npm"]
    for start in range(0, len(npm), 25):
        found.update(_npm_pack_batch(tuple(npm[start : start + 25]), downloads))
    others = [r for r in missing if r.ecosystem != "npm" or r not in found]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for release, archive in zip(
            others, pool.map(lambda r: _try_fetch(r, downloads), others), strict=True
        ):
            if archive is not None:
                found[release] = archive
    failed = tuple(r for r in releases if r not in found)
    if failed:
        log.warning("%d of %d releases could not be fetched: %s", len(failed), len(releases),
                    ", ".join(r.subject for r in failed))  # fmt: skip
    return found, failed


def _try_fetch(release: Release, downloads: Path) -> Path | None:
    try:
        return fetch(release, downloads)
    except (RuntimeError, OSError) as exc:
        log.warning("%s", str(exc).splitlines()[0])
        return None


def _npm_pack_batch(releases: tuple[Release, ...], downloads: Path) -> dict[Release, Path]:
    """Fetch several npm tarballs with one `npm pack` (its start-up costs more than a download).

    When the batch fails (one bad version fails the whole call), nothing is kept and
    the releases are fetched one by one by the caller.
    """
    if not releases:
        return {}
    root = downloads / "npm"
    root.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".partial-", dir=root))
    try:
        specs = [f"{r.name}@{r.version}" for r in releases]
        log.info("npm pack %d tarballs (%s ...)", len(specs), specs[0])
        done = subprocess.run(
            ["npm", "pack", "--silent", "--json", "--pack-destination", str(scratch), *specs],
            capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode != 0:
            log.warning("npm pack batch failed; fetching one by one")
            return {}
        # --json names each tarball in the order of the specs.
        packed = json.loads(done.stdout)
        out: dict[Release, Path] = {}
        for release, entry in zip(releases, packed, strict=True):
            tarball = scratch / str(entry["filename"]).replace("/", "-").lstrip("@")
            if not tarball.is_file():
                continue
            folder = root / f"{release.name}-{release.version}"
            folder.mkdir(parents=True, exist_ok=True)
            tarball.rename(folder / tarball.name)
            out[release] = folder / tarball.name
        return out
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("npm pack batch output not understood (%s); fetching one by one", exc)
        return {}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
