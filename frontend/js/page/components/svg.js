// SVG elements built like steady.dom.h builds HTML ones, for the charts we draw ourselves.
(function (steady) {
  'use strict';
  const NS = 'http://www.w3.org/2000/svg';

  /** Create an SVG element: s('rect', { x: 0, class: 'cell' }, s('title', {}, 'text')). */
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) el.setAttribute(key, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  steady.components.svg = { s };
})(globalThis.steady);
