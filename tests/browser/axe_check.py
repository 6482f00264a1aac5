"""axe-core on a page in both colour schemes, with a phone-size screenshot of each for a human to look at."""

from axe_playwright_python.sync_playwright import Axe


def axe_in_both_schemes(page, screenshot, shot: str, *, clock: bool = False) -> None:
    """Fail with axe's report if the page has a violation in light or dark; screenshots are `<shot>-<scheme>`."""
    reports = []
    if clock:
        page.clock.resume()  # axe-core runs on timers, which a paused clock never fires
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        result = Axe().run(page)
        screenshot(f"{shot}-{scheme}")
        if result.violations_count:
            reports.append(f"{scheme}:\n{result.generate_report()}")
    page.emulate_media(color_scheme="light")
    assert not reports, "\n".join(reports)
