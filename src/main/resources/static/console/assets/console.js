// Staff console behaviour (no inline script: CSP script-src 'self').
// 1. htmx requests carry the session's CSRF token as a header.
// 2. Idle sign-out: the server ends a session after server.servlet.session.timeout without
//    requests; because htmx polling counts as requests, this page also counts the person's own
//    activity (keys, clicks, touches). Two minutes before the end it warns and offers "Stay signed
//    in"; at the end it stops polling and signs out (POST /console/logout).
(function () {
  'use strict';

  function meta(name) {
    const element = document.querySelector(`meta[name="${name}"]`);
    return element ? element.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', (event) => {
    const header = meta('_csrf_header');
    const token = meta('_csrf');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  const timeout = Number(meta('session-timeout'));
  if (!timeout || timeout <= 0) {
    return;
  }
  const warnBefore = Math.min(120, timeout / 2);
  let lastActivity = Date.now();
  let signedOut = false;

  function idleSeconds() {
    return (Date.now() - lastActivity) / 1000;
  }

  function activity() {
    if (signedOut) {
      return;
    }
    lastActivity = Date.now();
    const box = warning();
    if (box && !box.hidden) {
      box.hidden = true;
      // Renew the server's session too (polling stopped while the warning was up).
      fetch('/console/session/ping', { credentials: 'same-origin', redirect: 'manual' }).then((response) => {
        if (response.status !== 204) {
          window.location.assign('/console/login?expired');
        }
      });
    }
  }

  function warning() {
    return document.getElementById('session-warning');
  }

  function signOut() {
    signedOut = true;
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const header = meta('_csrf_header');
    if (header) {
      headers[header] = meta('_csrf');
    }
    fetch('/console/logout', { method: 'POST', headers, credentials: 'same-origin', redirect: 'manual' })
      .finally(() => { window.location.assign('/console/login?expired'); });
  }

  document.addEventListener('htmx:beforeRequest', (event) => {
    // Polling must not keep a session open that nobody uses.
    if (signedOut || idleSeconds() >= timeout - warnBefore) {
      const trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
      if (!trigger || trigger.type !== 'click') {
        event.preventDefault();
      }
    }
  });

  ['keydown', 'pointerdown', 'touchstart', 'wheel'].forEach((type) =>
    document.addEventListener(type, activity, { passive: true }));

  document.addEventListener('DOMContentLoaded', () => {
    const stay = document.getElementById('session-stay');
    if (stay) {
      stay.addEventListener('click', activity); // keyboard "click" too
    }
  });

  setInterval(() => {
    if (signedOut) {
      return;
    }
    const idle = idleSeconds();
    if (idle >= timeout - 5) {
      signOut();
    } else if (idle >= timeout - warnBefore) {
      const box = warning();
      if (box && box.hidden) {
        box.hidden = false;
        const stay = document.getElementById('session-stay');
        if (stay) {
          stay.focus();
        }
      }
    }
  }, 1000);
})();
