// Client-side routing: same-origin links render in place, with focus and title managed
// so keyboard and screen-reader users always know where they are.
(function (steady) {
  'use strict';

  let routes = [];
  let context = null;
  let renders = 0;
  let listening = false;
  let movedEarly = false;

  /** A screen ({ path: '/exercises/:slug', view, nav }, or bundle and viewName for one in a screen bundle) as a route that matches addresses. */
  function compile({ path, view, bundle, viewName, nav, live = false }) {
    const keys = [];
    const source = path.replace(/:(\w+)/g, (_, key) => { keys.push(key); return '([^/]+)'; });
    return { regex: new RegExp(`^${source}/?$`), keys, view, bundle, viewName, nav, live };
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

  function markCurrentNav(found) {
    for (const link of document.querySelectorAll('[data-nav]')) {
      if (found && link.dataset.nav === found.nav) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    // The More button shows that the current screen is one of those behind it.
    const more = document.querySelector('.more-button');
    if (more) more.dataset.current = String(Boolean(document.querySelector('#more-menu [aria-current]')));
  }

  /** The view of a screen in a screen bundle, loading the bundle first if this page has not yet;
   * the needs-a-connection screen when it cannot be fetched. */
  async function bundledView(found, url) {
    // `in`, not a read: test_bundle_order.py's strict namespaces rightly throw on reading a view not defined yet.
    if (!(found.viewName in steady.views)) {
      markCurrentNav(found);
      document.getElementById('main').replaceChildren(
        steady.dom.h('p', { class: 'status-message', role: 'status' }, 'Loading…'));
      try {
        await steady.screenBundles.loadScreenBundle(found.bundle);
      } catch (error) {
        console.warn(error);
        return (shared) => steady.views.needsConnection({ ...shared, retry: () => render(url, { moveFocus: true }) });
      }
    }
    if (!(found.viewName in steady.views)) throw new Error(`The ${found.bundle} bundle defines no ${found.viewName} view`);
    return steady.views[found.viewName];
  }

  /** Render the view for a URL into <main>; resolves once it shows (after its screen bundle loads, if it has one). */
  async function render(url, { moveFocus }) {
    const found = match(url.pathname);
    if (!context) {
      // Not started: start() draws the screen the address names, with focus moved if the runner moved.
      movedEarly = movedEarly || moveFocus;
      markCurrentNav(found);
      return;
    }
    const turn = ++renders;
    const main = document.getElementById('main');
    let view = found ? found.view : steady.views.notFound;
    if (found && found.bundle) {
      view = await bundledView(found, url);
      if (turn !== renders) return; // the runner went elsewhere while the bundle loaded
    }
    const { title, node } = view({ ...context, params: found ? found.params : {}, query: url.searchParams });
    main.replaceChildren(node);
    document.title = `${title} · Steady`;
    markCurrentNav(found);
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

  /** Follow the app's links in place from now on, before the first screen can draw: a tap while the
   * catalogue first loads only changes the address (a whole page load would start that download
   * again), and start() then draws the screen it names. */
  function listen(screens) {
    if (listening) return;
    listening = true;
    routes = screens.map(compile);
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', () => render(new URL(location.href), { moveFocus: true }));
  }

  /** Start routing `screens` (see screens.js), with the shared context (catalogue and friends) every
   * view receives; resolves once the first screen shows. */
  async function start(screens, shared) {
    listen(screens);
    context = { ...shared, navigate };
    await render(new URL(location.href), { moveFocus: movedEarly });
    // Lets benchmarks and tests read "navigation to first content" from the page itself.
    performance.mark('steady:first-render');
  }

  let waiting = false;

  /** Changes arrived from the account: show them on the current screen if it only shows records
   * (`live` in screens.js). Not under the runner's hands: while a control in it has focus, the
   * screen waits until focus leaves it. Resolves to whether it re-rendered now. */
  async function refresh() {
    const found = match(location.pathname);
    const main = document.getElementById('main');
    if (!context || !found || !found.live) return false; // before start() the first render shows them
    const focused = document.activeElement;
    if (main.contains(focused) && focused !== main && focused.tagName !== 'H1') {
      if (!waiting) {
        waiting = true;
        main.addEventListener('focusout', function later(event) {
          if (main.contains(event.relatedTarget)) return;
          main.removeEventListener('focusout', later);
          waiting = false;
          refresh();
        });
      }
      return false;
    }
    const at = window.scrollY;
    await render(new URL(location.href), { moveFocus: false });
    window.scrollTo(0, at);
    const heading = main.querySelector('h1');
    if (focused && focused.tagName === 'H1' && heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
    return true;
  }

  /** Swap in newer shared data (a refreshed catalogue); the next render uses it. */
  function update(shared) {
    context = { ...context, ...shared };
  }

  steady.router = { listen, start, navigate, refresh, update };
})(globalThis.steady);
