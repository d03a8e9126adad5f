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
