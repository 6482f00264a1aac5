// Client-side routing: same-origin links render in place, with focus and title managed
// so keyboard and screen-reader users always know where they are.
(function (steady) {
  'use strict';

  let routes = [];
  let context = null;

  /** A screen ({ path: '/exercises/:slug', view, nav }) as a route that matches addresses. */
  function compile({ path, view, nav }) {
    const keys = [];
    const source = path.replace(/:(\w+)/g, (_, key) => { keys.push(key); return '([^/]+)'; });
    return { regex: new RegExp(`^${source}/?$`), keys, view, nav };
  }

  function match(pathname) {
    // The fewest parameters wins, so '/routines/new' beats '/routines/:slug' in any file order.
    let best = null;
    for (const candidate of routes) {
      const found = candidate.regex.exec(pathname);
      if (found && (!best || candidate.keys.length < best.keys.length)) {
        const params = {};
        candidate.keys.forEach((key, i) => { params[key] = decodeURIComponent(found[i + 1]); });
        best = { ...candidate, params };
      }
    }
    return best;
  }

  /** Render the view for a URL into <main>. */
  function render(url, { moveFocus }) {
    const main = document.getElementById('main');
    const found = match(url.pathname);
    const view = found ? found.view : steady.views.notFound;
    const { title, node } = view({ ...context, params: found ? found.params : {}, query: url.searchParams });
    main.replaceChildren(node);
    document.title = `${title} · Steady`;
    for (const link of document.querySelectorAll('[data-nav]')) {
      if (found && link.dataset.nav === found.nav) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (moveFocus) {
      const heading = main.querySelector('h1');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      steady.dom.announce(title);
    }
  }

  /** Go to a URL inside the app, adding a history entry. */
  function navigate(href, { replace = false } = {}) {
    const url = new URL(href, location.href);
    history[replace ? 'replaceState' : 'pushState']({}, '', url);
    render(url, { moveFocus: true });
    window.scrollTo(0, 0);
  }

  function onClick(event) {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || !match(url.pathname)) return;
    event.preventDefault();
    navigate(url.href);
  }

  /** Start routing `screens` (see screens.js), with the shared context (catalogue and friends) every view receives. */
  function start(screens, shared) {
    routes = screens.map(compile);
    context = { ...shared, navigate };
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', () => render(new URL(location.href), { moveFocus: true }));
    render(new URL(location.href), { moveFocus: false });
    // Lets benchmarks and tests read "navigation to first content" from the page itself.
    performance.mark('steady:first-render');
  }

  /** Swap in newer shared data (a refreshed catalogue); the next render uses it. */
  function update(shared) {
    context = { ...context, ...shared };
  }

  steady.router = { start, navigate, update };
})(globalThis.steady);
