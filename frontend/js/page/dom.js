// A tiny element builder, so views read as the markup they produce.
(function (steady) {
  'use strict';

  /** Create an element: h('a', { href: '/x', class: 'card' }, 'text', childNode, [more]). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (key === 'class') {
        el.className = value;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  /** Say something to screen-reader users without moving focus. */
  function announce(message) {
    const region = document.getElementById('announcer');
    if (!region) return;
    region.textContent = '';
    // A fresh text node after a tick makes repeated messages be read again.
    setTimeout(() => { region.textContent = message; }, 50);
  }

  steady.dom = { h, announce };
})(globalThis.steady);
