// The tab bar's More button: a disclosure that shows the screens the five tabs leave out.
// It closes on Escape (focus back on the button), on a tap outside it, and once a link in it is followed.
(function (steady) {
  'use strict';

  /** Make the shell's More button open and close its list of screens. */
  function watchMoreMenu() {
    const button = document.querySelector('.more-button');
    const menu = document.getElementById('more-menu');
    if (!button || !menu) return;
    const show = (open) => {
      button.setAttribute('aria-expanded', String(open));
      menu.hidden = !open;
    };
    button.addEventListener('click', () => show(menu.hidden));
    menu.addEventListener('click', (event) => { if (event.target.closest('a')) show(false); });
    document.addEventListener('click', (event) => {
      if (!menu.hidden && !button.contains(event.target) && !menu.contains(event.target)) show(false);
    });
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || menu.hidden) return;
      show(false);
      button.focus();
    });
  }

  steady.navMore = { watchMoreMenu };
})(globalThis.steady);
