"""The web app manifest, which makes Steady installable."""

LIGHT = {"theme_color": "#0a6a4c", "background_color": "#f6f4ef"}
DARK = {"theme_color": "#14171b", "background_color": "#14171b"}


def web_manifest() -> dict:
    """The manifest as a dict, served as application/manifest+json."""
    icon = "/static/icons/{}-{}.png"
    return {
        "id": "/",
        "name": "Steady — core & balance for runners",
        "short_name": "Steady",
        "description": "Guided core and balance routines for runners, with a training log that works offline.",
        "lang": "en-GB",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        **LIGHT,
        # Chromium's proposal for per-scheme colours; browsers without it use the light ones.
        "user_preferences": {"color_scheme_dark": DARK},
        "categories": ["health", "fitness", "sports"],
        "icons": [
            *({"src": icon.format("icon", s), "sizes": f"{s}x{s}", "type": "image/png", "purpose": "any"} for s in (192, 512)),
            *({"src": icon.format("maskable", s), "sizes": f"{s}x{s}", "type": "image/png", "purpose": "maskable"} for s in (192, 512)),
        ],
        "shortcuts": [
            {"name": "Start a routine", "short_name": "Routines", "url": "/routines",
             "icons": [{"src": icon.format("icon", 192), "sizes": "192x192", "type": "image/png"}]},
            {"name": "Log a session", "short_name": "Log", "url": "/log",
             "icons": [{"src": icon.format("icon", 192), "sizes": "192x192", "type": "image/png"}]},
        ],
    }
