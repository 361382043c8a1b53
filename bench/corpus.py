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
