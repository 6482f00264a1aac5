// A screen whose content is read from the device after it renders: its heading at once,
// "Loading…" until fill() replaces it, and the reason in an alert if reading fails.
(function (steady) {
  'use strict';
  const { h } = steady.dom;

  /** The screen { title, node }; fill(heading, body, context) may rename the heading and fills the body. */
  function devicePage(context, { title, tag = 'div', className, failure, fill }) {
    const heading = h('h1', {}, title);
    const body = h('div', {}, h('p', { class: 'status-message' }, 'Loading…'));
    fill(heading, body, context).catch((error) => body.replaceChildren(h('p', { role: 'alert' }, `${failure}: ${error.message}`)));
    return { title, node: h(tag, { class: `page ${className}` }, heading, body) };
  }

  steady.components.devicePage = devicePage;
})(globalThis.steady);
