// Served by the dev server (`npm start`) only, never part of the built site:
// reloads the page when the site has been rebuilt. A failed rebuild sends no
// event, so the page stays on the last good site.
new EventSource('/__dev/events').addEventListener('reload', () => location.reload());
