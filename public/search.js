// The site's only script: starts Pagefind's search UI on the search page.
// The path prefix is read from the page so one build works at the domain
// root and under a prefix; Pagefind finds its own files from this script's URL.
const element = document.getElementById('search');
if (element && 'PagefindUI' in window) {
  element.replaceChildren();
  new window.PagefindUI({
    element: '#search',
    baseUrl: element.dataset.baseUrl,
    showSubResults: false,
    showImages: false,
  });
  // Pagefind's input is named only by its title attribute; give it a real label.
  element.querySelector('input')?.setAttribute('aria-label', 'Search the archive');
}
