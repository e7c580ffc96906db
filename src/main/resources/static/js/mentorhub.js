// MentorHub's page behaviour (docs/ui.md). Loaded deferred on every page; the CSP forbids inline scripts.
(function () {
  'use strict';
  // The icon font's style sheet loads with media="print" so that it never blocks the first paint; it
  // applies to the screen once the page is parsed.
  var icons = document.getElementById('icons-css');
  if (icons) {
    icons.media = 'all';
  }
  // A "saved" toast (flash attribute "toast") hides itself after five seconds.
  document.querySelectorAll('[data-mh-autohide]').forEach(function (toast) {
    window.setTimeout(function () {
      toast.classList.remove('show');
      toast.setAttribute('hidden', '');
    }, 5000);
  });
})();
