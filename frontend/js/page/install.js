// Install: the browser's prompt behind our own button, or iOS Safari's manual steps, shown once.
(function (steady) {
  'use strict';
  const { h } = steady.dom;
  const IOS_HINT_KEY = 'steady.iosInstallHintDismissed';

  function isStandalone() {
    return window.matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
  }

  function isIosSafari() {
    const ua = navigator.userAgent;
    const ios = /iPad|iPhone|iPod/.test(ua) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
    return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
  }

  function showIosHint() {
    const hint = h('div', { class: 'banner', role: 'region', 'aria-label': 'Install Steady', 'data-install-hint': '' },
      h('p', {}, 'Install Steady: tap the Share button, then “Add to Home Screen”. It then opens full screen and works offline.'),
      h('button', {
        type: 'button', class: 'button button-quiet',
        onclick: () => { localStorage.setItem(IOS_HINT_KEY, '1'); hint.remove(); },
      }, 'Got it'));
    document.body.append(hint);
  }

  /** Offer installation where the browser allows it. */
  function offerInstall() {
    const button = document.getElementById('install-button');
    window.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      button.hidden = false;
      button.onclick = async () => {
        button.hidden = true;
        event.prompt();
        await event.userChoice;
      };
    });
    window.addEventListener('appinstalled', () => { button.hidden = true; });
    if (isIosSafari() && !isStandalone() && !localStorage.getItem(IOS_HINT_KEY)) showIosHint();
  }

  steady.install = { offerInstall };
})(globalThis.steady);
