"""Conditional GETs: compare the client's ETag before building a body, and answer 304 with nothing built.

Flask-Compress appends the coding to a strong ETag after the view returns ("v" becomes
"v:gzip"), and a client echoes back whichever form it was given, so a view that compares
only its own plain tag never matches a compressed response.
"""

from flask import Response, request
from werkzeug.http import generate_etag, parse_etags, quote_etag

# Every coding Flask-Compress can choose (COMPRESS_ALGORITHM); the suffix is ":" + the coding.
CODINGS = ("zstd", "br", "gzip", "deflate")


def held_etag(if_none_match: str | None, etag: str) -> str | None:
    """The validator in an If-None-Match header that names ``etag`` (plain, coding-suffixed, weak or strong), or None.

    If-None-Match uses weak comparison (RFC 9110, 13.1.2), so W/"v:gzip" matches "v" too.
    """
    sent = parse_etags(if_none_match)
    if not sent:
        return None
    if sent.star_tag:
        return quote_etag(etag)
    for form in (etag, *(f"{etag}:{coding}" for coding in CODINGS)):
        if sent.is_strong(form):
            return quote_etag(form)
        if sent.is_weak(form):
            return quote_etag(form, weak=True)
    return None


def not_modified(held: str) -> Response:
    """A bodiless 304 repeating the validator the client holds, so its stored copy keeps the same ETag."""
    response = Response(status=304)
    response.headers["ETag"] = held
    response.cache_control.no_cache = True
    return response


def must_revalidate(response: Response, etag: str) -> Response:
    """``response`` with an ETag that clients must revalidate on every use (no-cache)."""
    response.set_etag(etag)
    response.cache_control.no_cache = True
    return response


def revalidated(response: Response) -> Response:
    """A built response tagged with a hash of its bytes, or a bodiless 304 if the client already holds them."""
    etag = generate_etag(response.get_data())
    held = held_etag(request.headers.get("If-None-Match"), etag)
    return not_modified(held) if held else must_revalidate(response, etag)
