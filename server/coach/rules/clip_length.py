"""How long a coach's footage may be. Pure. ``frontend/js/rules/clip-length.js`` is the same rule in
JavaScript (the studio checks a video before uploading it); ``tests/vectors/clip_length.json`` is the
one set of cases both must pass."""

import math


def clip_length_problem(seconds: float, longest: int) -> str | None:
    """What to tell a coach whose footage is ``seconds`` long when a clip may be ``longest``; None when it may be used."""
    if seconds <= longest:
        return None
    # Rounded up, so footage a moment over the limit is never said to be exactly at it.
    return (f"This video is {math.ceil(seconds)} seconds long; a clip may be at most {longest} seconds."
            " Trim it to the movement itself and upload it again.")
