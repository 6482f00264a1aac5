"""The one record every content check reports: catalogue files, coach clips and pose scripts.

Catalogue, clips and media all import this module and nothing of each other's, so a
problem found anywhere reaches the ``catalog load`` command unchanged.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one file, precise enough to fix without hunting.

    ``file`` is relative to the content folder (``poses/side-plank.toml``); ``field`` is the
    place inside it (``keyframes[2].t``), or empty when the file as a whole is wrong.
    """

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"field '{self.field}'" if self.field else "file"
        return f"{self.file}: {where}: {self.message}"


class ProblemsFound(Exception):
    """Raised with every problem found, so one run shows everything to fix."""

    def __init__(self, errors: list[Problem]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
