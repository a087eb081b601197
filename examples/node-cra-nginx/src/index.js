// Client-side router: shows which route the browser asked for (deep links rely on the SPA fallback).
(function () {
  var el = document.getElementById("route");
  if (el) el.textContent = "route: " + window.location.pathname;
  document.documentElement.dataset.hydrated = "true";
})();
