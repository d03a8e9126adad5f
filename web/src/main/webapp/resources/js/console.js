/*
 * penneo-archive console: the only script, served from this origin (CSP script-src 'self').
 * The console works without it; it only tells the server the browser's time zone, so that
 * times are shown in the person's own zone (cookie "tz", read by ConsoleFormats).
 */
(function () {
  "use strict";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=" + encodeURIComponent(zone)) < 0) {
      // The application's context path: the first segment of this page's path.
      var context = location.pathname.replace(/^(\/[^\/]+\/).*$/, "$1");
      document.cookie = "tz=" + encodeURIComponent(zone) + "; path=" + context +
        "; SameSite=Strict; max-age=31536000";
    }
  } catch (e) {
    /* no Intl: times stay in UTC, as the footer says */
  }
})();

/*
 * The dashboard's archive progress: polls a small JSON resource of this origin every few
 * seconds while a job runs, and moves the bars. No meta refresh (which would reload the page
 * and lose the reader's place) and no inline script (forbidden by the CSP).
 */
(function () {
  "use strict";
  var panel = document.getElementById("archive-progress");
  if (!panel || !window.fetch) {
    return;
  }
  var source = panel.getAttribute("data-source");
  function render(runs) {
    var seen = {};
    runs.forEach(function (r) {
      seen[r.executionId] = true;
      var bar = document.getElementById("progress-" + r.executionId);
      if (!bar) {
        var row = document.createElement("div");
        row.className = "run";
        var label = document.createElement("label");
        label.htmlFor = "progress-" + r.executionId;
        label.textContent = "#" + r.executionId + " (" + r.kind + ")";
        bar = document.createElement("progress");
        bar.id = "progress-" + r.executionId;
        var figures = document.createElement("span");
        figures.className = "run-figures";
        row.appendChild(label);
        row.appendChild(bar);
        row.appendChild(figures);
        panel.appendChild(row);
        var none = document.getElementById("no-run");
        if (none) {
          none.hidden = true;
        }
      }
      bar.max = Math.max(1, r.caseFiles);
      bar.value = r.read;
      bar.textContent = r.read + " / " + r.caseFiles;
      bar.parentNode.querySelector(".run-figures").textContent = r.read + " / " + r.caseFiles;
    });
    Array.prototype.forEach.call(panel.querySelectorAll("progress"), function (bar) {
      var id = bar.id.substring("progress-".length);
      if (!seen[id] && !bar.dataset.done) {
        bar.dataset.done = "true";
        bar.value = bar.max;
        bar.parentNode.querySelector(".run-figures").textContent = panel.getAttribute("data-done");
      }
    });
  }
  function poll() {
    fetch(source, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (res) { return res.ok ? res.json() : { running: [] }; })
      .then(function (body) { render(body.running || []); })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 3000);
})();
