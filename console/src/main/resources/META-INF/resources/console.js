// Console ENT: what htmx needs beyond its defaults. A boosted request (link or form) marks itself as a JavaScript
// request; when the session has ended, the console answers 499 instead of redirecting to the login page (an XHR
// cannot follow it to another origin): the page is then reloaded, and the browser goes to the login page itself.
document.addEventListener('htmx:configRequest', function (e) {
  e.detail.headers['X-Requested-With'] = 'JavaScript';
});
document.addEventListener('htmx:beforeSwap', function (e) {
  if (e.detail.xhr && e.detail.xhr.status === 499) {
    e.detail.shouldSwap = false;
    window.location.reload();
  }
});
// After a boosted navigation, the focus goes to the new page's main content (screen readers announce it).
document.addEventListener('htmx:afterSettle', function () {
  var main = document.getElementById('contenu');
  if (main) { main.focus({ preventScroll: true }); }
});
