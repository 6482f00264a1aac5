"""Listing a content folder: the files a loader reads from it, and a Problem for anything else.

Catalogue, clips and pose scripts all list their folders here, so a stray ``plank.TOML``
or ``plank.toml.bak`` is named and refused the same way everywhere, and the content hash
covers exactly the files that are read.
"""

from pathlib import Path

from server.problems import Problem

# folder -> the one kind of file it holds
FOLDERS = {"exercises": ".toml", "ladders": ".toml", "routines": ".toml", "programs": ".toml", "poses": ".toml", "clips": ".mp4"}
NOT_A_FILE = "a folder where a file is expected"


def listed_files(directory: Path, suffix: str, problems: list[Problem]) -> list[Path]:
    """The ``*<suffix>`` files in ``directory``, sorted; every other entry is added to ``problems``."""
    files = []
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        where = f"{directory.name}/{path.name}"
        if path.is_dir():
            problems.append(Problem(where, "", NOT_A_FILE))
        elif path.suffix != suffix:
            problems.append(Problem(where, "", f"only {suffix} files belong in {directory.name}/"))
        else:
            files.append(path)
    return files


def content_files(root: Path) -> list[Path]:
    """Every file a load reads from ``root``: what the content hash covers."""
    ignored: list[Problem] = []  # refused files fail the load; they never reach the hash
    files = [root / "sources.toml"] if (root / "sources.toml").is_file() else []
    for folder, suffix in FOLDERS.items():
        files.extend(path for path in listed_files(root / folder, suffix, ignored) if path.is_file())
    return files
