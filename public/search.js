// The site's only script: starts Pagefind's search UI on the search page.
// The path prefix is read from the page so one build works at the domain
// root and under a prefix; Pagefind finds its own files from this script's URL.
const element = document.getElementById('search');
if (element && 'PagefindUI' in window) {
  element.replaceChildren();
  new window.PagefindUI({
    element: '#search',
    baseUrl: element.dataset.baseUrl,
    // The index comes in bundles (people and tariffs, then articles by quarter) so a rebuild redoes only the changed ones.
    mergeIndex: (element.dataset.merge || '').split(' ').filter(Boolean).map((bundlePath) => ({ bundlePath })),
    showSubResults: false,
    showImages: false,
  });
  // Pagefind's input is named only by its title attribute; give it a real label.
  element.querySelector('input')?.setAttribute('aria-label', 'Search the archive');
}
