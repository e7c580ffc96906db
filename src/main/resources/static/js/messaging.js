// Direct messages live (docs/messaging.md): the notification stream (notifications.js) tells this script of each
// new notification; for a direct message it updates the unread badge in the top bar and, on the conversation it
// belongs to, appends the new messages and the read state of the person's own messages (htmx), which also marks
// them read. Without JavaScript the next page shows all of it.
(function () {
  'use strict';
  var badge = document.getElementById('messages-badge');
  var count = document.getElementById('messages-count');

  function showCount(unread) {
    if (!badge || typeof unread !== 'number' || unread < 0) {
      return;
    }
    badge.setAttribute('data-unread', String(unread));
    var label = unread > 0 ? (badge.getAttribute('data-mh-label-unread') || '{n}').replace('{n}', String(unread))
      : badge.getAttribute('data-mh-label') || '';
    badge.setAttribute('aria-label', label);
    if (count) {
      count.textContent = unread > 99 ? '99+' : String(unread);
      count.classList.toggle('d-none', unread === 0);
    }
  }

  function refreshBadge() {
    if (!badge || typeof window.fetch !== 'function') {
      return;
    }
    window.fetch(badge.getAttribute('data-mh-unread-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { showCount(data.unread); } })
      .catch(function () { /* the next page shows the count */ });
  }

  function refreshConversation(conversation) {
    var list = document.getElementById('message-list');
    if (!list || !window.htmx) {
      refreshBadge();
      return;
    }
    var after = 0;
    var from = 0;
    list.querySelectorAll('[data-mh-id]').forEach(function (e) {
      var id = Number(e.getAttribute('data-mh-id'));
      after = Math.max(after, id);
      from = from === 0 ? id : Math.min(from, id);
    });
    var url = conversation.getAttribute('data-mh-newer') + '?after=' + after + '&from=' + from;
    var done = window.htmx.ajax('GET', url, { target: '#message-list', swap: 'beforeend' });
    if (done && typeof done.then === 'function') {
      done.then(refreshBadge, refreshBadge);
    } else {
      window.setTimeout(refreshBadge, 500);
    }
  }

  document.addEventListener('mentorhub:notification', function (event) {
    var n = event.detail || {};
    if (n.type !== 'DIRECT_MESSAGE') {
      return;
    }
    var conversation = document.getElementById('conversation');
    if (conversation && n.link === '/messages/' + conversation.getAttribute('data-mh-conversation')) {
      refreshConversation(conversation);
    } else {
      refreshBadge();
    }
  });
})();
