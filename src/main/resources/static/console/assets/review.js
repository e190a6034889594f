// Reviewer pages (no inline script: CSP script-src 'self').
// Evidence images are blurred until the reviewer chooses to see one (a click or Enter/Space on
// the image's button); a second click blurs it again.
(function () {
  'use strict';
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-reveal]');
    if (!button) {
      return;
    }
    const revealed = button.classList.toggle('blurred') === false;
    button.setAttribute('aria-pressed', revealed ? 'true' : 'false');
  });
})();
