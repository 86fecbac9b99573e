// newsfuse serve: keep the live part of a page current without reloading it.
// Polls /api/stamp; when the stamp changes, fetches this page again and swaps
// in its <main id="live">. Server-rendered and escaped HTML only; no eval.
(function () {
  "use strict";
  var live = document.getElementById("live");
  var badge = document.getElementById("jobs-badge");
  var busy = false;
  function refresh() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch("/api/stamp", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return null; }
        if (badge) {
          var open = s.queued + s.running;
          badge.textContent = open ? open + " running" : (s.failed ? s.failed + " failed" : "");
        }
        if (!live || !live.dataset.stamp || s.stamp === live.dataset.stamp) { return null; }
        var active = document.activeElement;
        if (active && (active.tagName === "INPUT" || active.tagName === "TEXTAREA")) { return null; }
        return fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
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
          });
      })
      .catch(function () { /* server restarting: try again on the next tick */ })
      .then(function () { busy = false; });
  }
  refresh();
  window.setInterval(refresh, 1500);
}());
