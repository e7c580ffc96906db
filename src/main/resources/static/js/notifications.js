// Live notifications (docs/notifications-live.md): an EventSource on the bell's data-mh-stream keeps the
// bell's count current, shows a toast for each new notification and adds it to the top of the
// notification centre's list. Loaded deferred on signed-in pages only; without it (or without
// EventSource) the next page shows the count, so nothing depends on this script.
(function () {
  'use strict';
  var bell = document.getElementById('notification-bell');
  var toasts = document.getElementById('notification-toasts');
  if (!bell || !toasts || !bell.getAttribute('data-mh-stream') || typeof window.EventSource !== 'function') {
    return;
  }
  var streamUrl = bell.getAttribute('data-mh-stream');
  var count = document.getElementById('notification-count');
  var lastId = null;
  var retryDelay = 5000;
  var source = null;

  function label(unread) {
    return unread > 0
      ? (toasts.getAttribute('data-mh-label-unread') || '{n}').replace('{n}', String(unread))
      : toasts.getAttribute('data-mh-label') || '';
  }

  function showCount(unread) {
    if (typeof unread !== 'number' || unread < 0) {
      return;
    }
    bell.setAttribute('data-unread', String(unread));
    bell.setAttribute('aria-label', label(unread));
    if (count) {
      count.textContent = unread > 99 ? '99+' : String(unread);
      count.classList.toggle('d-none', unread === 0);
    }
  }

  function openLink(n) {
    return '/notifications/' + encodeURIComponent(String(n.id)) + '/open';
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function moment(n) {
    var time = element('time', '', '');
    if (n.createdAt) {
      time.setAttribute('datetime', n.createdAt);
      var date = new Date(n.createdAt);
      time.textContent = isNaN(date.getTime()) ? n.createdAt : date.toLocaleString();
    }
    return time;
  }

  function toast(n) {
    var box = element('div', 'toast show mh-live-toast', '');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    box.setAttribute('aria-atomic', 'true');
    box.id = 'notification-toast-' + n.id;
    var header = element('div', 'toast-header', '');
    var icon = element('i', 'bi bi-bell-fill text-primary me-2', '');
    icon.setAttribute('aria-hidden', 'true');
    header.appendChild(icon);
    header.appendChild(element('strong', 'me-auto', toasts.getAttribute('data-mh-new') || ''));
    var close = element('button', 'btn-close', '');
    close.type = 'button';
    close.setAttribute('aria-label', toasts.getAttribute('data-mh-close') || 'Close');
    close.addEventListener('click', function () {
      box.remove();
    });
    header.appendChild(close);
    var body = element('div', 'toast-body', '');
    var link = element('a', 'fw-semibold d-block', n.title || '');
    link.href = openLink(n);
    body.appendChild(link);
    if (n.body) {
      body.appendChild(element('div', 'small text-body-secondary', n.body));
    }
    box.appendChild(header);
    box.appendChild(body);
    toasts.appendChild(box);
    // At most three at once; each goes after eight seconds unless the pointer or focus is on it.
    while (toasts.children.length > 3) {
      toasts.removeChild(toasts.firstElementChild);
    }
    var hide = function () {
      if (!box.matches(':hover') && !box.contains(document.activeElement)) {
        box.remove();
      } else {
        window.setTimeout(hide, 4000);
      }
    };
    window.setTimeout(hide, 8000);
  }

  // On the notification centre's first page without a filter of another type, the new one goes on top.
  function prepend(n) {
    if (window.location.pathname !== '/notifications') {
      return;
    }
    var params = new URLSearchParams(window.location.search);
    if ((params.get('page') && params.get('page') !== '0') || (params.get('type') && params.get('type') !== n.type)
      || document.getElementById('notification-' + n.id)) {
      return;
    }
    var list = document.getElementById('notification-list');
    if (!list) {
      var empty = document.querySelector('main .empty-state');
      if (!empty) {
        return;
      }
      list = element('ul', 'list-group mb-3', '');
      list.id = 'notification-list';
      empty.replaceWith(list);
    }
    var row = element('li', 'list-group-item d-flex gap-3 align-items-start notification-unread', '');
    row.id = 'notification-' + n.id;
    var dot = element('i', 'bi mt-1 bi-circle-fill text-primary', '');
    dot.setAttribute('aria-hidden', 'true');
    var text = element('div', 'flex-grow-1 min-w-0', '');
    var link = element('a', 'fw-semibold text-decoration-none d-block', n.title || '');
    link.href = openLink(n);
    text.appendChild(link);
    text.appendChild(element('div', 'small text-body-secondary', n.body || ''));
    var when = element('div', 'small text-body-tertiary', '');
    when.appendChild(element('span', 'visually-hidden', toasts.getAttribute('data-mh-new') || ''));
    when.appendChild(moment(n));
    text.appendChild(when);
    row.appendChild(dot);
    row.appendChild(text);
    list.insertBefore(row, list.firstChild);
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return null;
    }
  }

  function connect() {
    // EventSource sends Last-Event-ID itself when it reconnects; a new one (after a refusal) is told by parameter.
    var url = lastId === null ? streamUrl
      : streamUrl + (streamUrl.indexOf('?') < 0 ? '?' : '&') + 'lastEventId=' + encodeURIComponent(lastId);
    source = new EventSource(url);
    source.addEventListener('unread', function (event) {
      retryDelay = 5000;
      bell.setAttribute('data-mh-live', 'connected');
      var data = parse(event);
      if (data) {
        showCount(data.unread);
      }
    });
    source.addEventListener('notification', function (event) {
      var n = parse(event);
      if (!n) {
        return;
      }
      lastId = event.lastEventId || String(n.id);
      showCount(n.unread);
      toast(n);
      prepend(n);
      // Other scripts of the page (messaging.js) react to the same stream instead of opening their own.
      document.dispatchEvent(new CustomEvent('mentorhub:notification', { detail: n }));
    });
    // A newer stream of this person took this one's place (too many open tabs): do not reconnect.
    source.addEventListener('closed', function () {
      bell.setAttribute('data-mh-live', 'closed');
      source.close();
    });
    source.addEventListener('error', function () {
      bell.setAttribute('data-mh-live', 'reconnecting');
      // EventSource reconnects by itself after a dropped connection; a refusal (503, sign-in page) closes
      // it for good, so try again later, each time waiting longer (at most five minutes).
      if (source.readyState === EventSource.CLOSED) {
        window.setTimeout(connect, retryDelay + Math.floor(Math.random() * 1000));
        retryDelay = Math.min(retryDelay * 2, 300000);
      }
    });
  }

  connect();
  // Closed when the page is left, so that the back/forward cache can keep it; opened again when it comes back.
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
    }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      connect();
    }
  });
})();
