// Kindly's own script: progressive enhancement only. Every page works
// without it; with it the agent gets keyboard shortcuts, promise countdowns,
// a live inbox and saved replies inserted where the cursor is.
// No framework, no CDN, no inline script (the CSP forbids it).
(function () {
  'use strict';

  // --- countdowns -------------------------------------------------------
  // Words it as the server does (web/src/lib.rs `time_left`).
  function timeLeft(secs) {
    var mins = Math.floor((Math.abs(secs) + 59) / 60);
    var span;
    if (mins >= 60 * 24) {
      span = Math.floor(mins / (60 * 24)) + ' d ' + Math.floor((mins % (60 * 24)) / 60) + ' h';
    } else if (mins >= 60) {
      span = Math.floor(mins / 60) + ' h ' + (mins % 60) + ' min';
    } else {
      span = mins + ' min';
    }
    return secs >= 0 ? span + ' left' : span + ' overdue';
  }

  function tick() {
    var now = Date.now() / 1000;
    var els = document.querySelectorAll('[data-countdown]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var deadline = Number(el.getAttribute('data-countdown'));
      if (!isFinite(deadline)) continue;
      if (el.tagName === 'TIME' && !el.title) el.title = el.textContent;
      var secs = Math.round(deadline - now);
      el.textContent = timeLeft(secs);
      el.classList.toggle('overdue', secs < 0);
    }
  }

  // --- keyboard ---------------------------------------------------------
  function typing(e) {
    var t = e.target;
    if (!t || !t.tagName) return false;
    var tag = t.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t.isContentEditable;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#inbox-rows tr[data-ticket]'));
  }

  var selected = null; // ticket number of the selected inbox row

  function select(row) {
    var all = rows();
    for (var i = 0; i < all.length; i++) all[i].classList.remove('selected');
    if (!row) return;
    row.classList.add('selected');
    row.setAttribute('aria-selected', 'true');
    selected = row.getAttribute('data-ticket');
    var link = row.querySelector('a');
    if (link) link.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) return;
    var at = -1;
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute('data-ticket') === selected) at = i;
    }
    var next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step));
    select(all[next]);
  }

  function moveMessage(step) {
    var all = Array.prototype.slice.call(document.querySelectorAll('article.msg'));
    if (all.length === 0) return;
    var at = all.indexOf(document.activeElement);
    var next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step));
    all[next].focus();
    all[next].scrollIntoView({ block: 'nearest' });
  }

  function onKey(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    var inbox = document.querySelector('[data-inbox]');
    var reply = document.getElementById('body');
    var settings = document.getElementById('settings');
    switch (e.key) {
      case 'j':
      case 'k':
        if (inbox) move(e.key === 'j' ? 1 : -1);
        else moveMessage(e.key === 'j' ? 1 : -1);
        break;
      case 'o':
      case 'Enter':
        if (!inbox || selected === null) return;
        window.location.href = '/tickets/' + encodeURIComponent(selected);
        break;
      case '/':
        var q = document.getElementById('q');
        if (!q) return;
        q.focus();
        break;
      case 'r':
        if (!reply || !document.querySelector('form.composer')) return;
        reply.focus();
        break;
      case 'e':
        // Mark solved (the ticket page's settings form, as a click would).
        if (!settings) return;
        var status = document.getElementById('set-status');
        if (!status) return;
        status.value = 'solved';
        settings.requestSubmit();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  // --- live inbox ---------------------------------------------------------
  var REFRESH_MS = 20000;

  function refresh() {
    var body = document.getElementById('inbox-list');
    if (!body || document.hidden) return;
    fetch(window.location.href, { credentials: 'same-origin', redirect: 'manual' })
      .then(function (r) {
        if (!r.ok) throw new Error('status ' + r.status);
        return r.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('inbox-list');
        if (!fresh || fresh.innerHTML === body.innerHTML) return;
        body.innerHTML = fresh.innerHTML;
        tick();
        if (selected !== null) {
          var row = body.querySelector('tr[data-ticket="' + CSS.escape(selected) + '"]');
          if (row) row.classList.add('selected');
        }
        var note = document.getElementById('inbox-fresh');
        if (note) note.textContent = 'Updated ' + new Date().toLocaleTimeString();
      })
      .catch(function () {
        // Logged out or the server is away: the page still works by hand.
      });
  }

  // --- saved replies ------------------------------------------------------
  function insertSaved(e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute('data-saved-pick')) return;
    var pick = form.querySelector('select');
    var reply = document.getElementById('body');
    if (!pick || !reply) return;
    var option = pick.options[pick.selectedIndex];
    if (!option) return;
    e.preventDefault();
    var text = option.getAttribute('data-body') || '';
    var start = reply.selectionStart || 0;
    var end = reply.selectionEnd || 0;
    reply.value = reply.value.slice(0, start) + text + reply.value.slice(end);
    reply.focus();
    reply.selectionStart = reply.selectionEnd = start + text.length;
  }

  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 30000);
    document.addEventListener('keydown', onKey);
    document.addEventListener('submit', insertSaved);
    var list = document.getElementById('inbox-list');
    if (list) {
      var status = document.createElement('p');
      status.id = 'inbox-fresh';
      status.className = 'muted';
      status.setAttribute('role', 'status');
      if (list.parentNode) list.parentNode.insertBefore(status, list);
      setInterval(refresh, REFRESH_MS);
    }
  });
})();
