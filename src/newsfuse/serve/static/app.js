// newsfuse serve: keep the live part of a page current without reloading it.
// Listens to /api/events (server-sent events: the store's stamp and job counts,
// sent when they change); where EventSource is missing or the stream cannot be
// opened, polls /api/stamp instead. When the stamp differs from the page's,
// fetches this page again and swaps in its <main id="live">. Server-rendered and
// escaped HTML only; no eval.
(function () {
  "use strict";
  var POLL_MS = 1500;
  var live = document.getElementById("live");
  var badge = document.getElementById("jobs-badge");
  var latest = null;   // the newest progress seen: {stamp, queued, running, failed}
  var seen = 0;        // how many have been seen (a swap re-checks only if one came meanwhile)
  var busy = false;
  var waiting = false; // a re-check is scheduled (the page is hidden or a field has focus)
  var polling = null;

  function later() {
    if (!waiting) {
      waiting = true;
      window.setTimeout(function () { waiting = false; update(); }, POLL_MS);
    }
  }

  function update() {
    var s = latest;
    if (!s || busy) { return; }
    if (badge) {
      var open = s.queued + s.running;
      badge.textContent = open ? open + " running" : (s.failed ? s.failed + " failed" : "");
    }
    if (!live || !live.dataset.stamp || s.stamp === live.dataset.stamp) { return; }
    var active = document.activeElement;
    if (document.hidden || (active && (active.tagName === "INPUT" || active.tagName === "TEXTAREA"))) {
      later();
      return;
    }
    busy = true;
    var before = seen;
    fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("live");
        if (fresh) {
          live.replaceChildren.apply(live, Array.prototype.slice.call(fresh.childNodes).map(function (n) {
            return document.importNode(n, true);
          }));
          live.dataset.stamp = fresh.dataset.stamp;
        }
      })
      .catch(function () { /* server restarting: the next event or poll tries again */ })
      .then(function () {
        busy = false;
        if (seen !== before) { update(); }
      });
  }

  function progress(s) {
    if (s && typeof s.stamp === "string") {
      latest = s;
      seen += 1;
      update();
    }
  }

  function poll() {
    if (document.hidden) { return; }
    fetch("/api/stamp", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(progress)
      .catch(function () { /* server restarting: try again on the next tick */ });
  }

  function startPolling() {
    if (polling === null) {
      poll();
      polling = window.setInterval(poll, POLL_MS);
    }
  }

  if (!window.EventSource) {
    startPolling();
    return;
  }
  var source = new EventSource("/api/events");
  source.addEventListener("progress", function (e) {
    try { progress(JSON.parse(e.data)); } catch (err) { /* not ours: ignore */ }
  });
  source.onerror = function () {
    // CONNECTING: the stream ended or dropped and the browser reopens it (after the server's retry).
    // CLOSED: it refused the stream (an error status, a proxy): poll instead.
    if (source.readyState === EventSource.CLOSED) { startPolling(); }
  };
}());
