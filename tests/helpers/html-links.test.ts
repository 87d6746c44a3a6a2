import { describe, expect, it } from 'vitest';
import { cssUrls, decodeEntities, scanHtml, srcsetUrls } from './html-links.ts';

describe('scanHtml', () => {
  it('finds href, src and srcset on real start tags, with lines', () => {
    const { links } = scanHtml(
      [
        '<!doctype html><html><head><link rel="stylesheet" href="/a.css">',
        '<script src=/s.js></script></head>',
        '<body><a class=x href=\'people/\'>People</a>',
        '<img alt="" srcset="i-1.png 1x, i-2.png 2x" src="i.png">',
        '</body></html>',
      ].join('\n'),
    );
    expect(links.map((l) => [l.tag, l.attribute, l.value, l.line])).toEqual([
      ['link', 'href', '/a.css', 1],
      ['script', 'src', '/s.js', 2],
      ['a', 'href', 'people/', 3],
      ['img', 'srcset', 'i-1.png', 4],
      ['img', 'srcset', 'i-2.png', 4],
      ['img', 'src', 'i.png', 4],
    ]);
  });

  it('ignores look-alikes in comments, scripts, text and other attributes', () => {
    const { links } = scanHtml(
      [
        '<!-- <a href="/commented/"> -->',
        '<script>const s = \'<a href="/in-script/">\';</script>',
        '<p>Write href="/in-text/" to link</p>',
        '<div data-href="/data-attr/" title="src=/title/">x</div>',
        '<a href="/real/">real</a>',
      ].join('\n'),
    );
    expect(links.map((l) => l.value)).toEqual(['/real/']);
  });

  it('decodes entities in attribute values and handles odd spacing', () => {
    const { links } = scanHtml('<a\n  href = "/search/?q=a&amp;b=c" >x</a><a href=/x/&#35;frag>y</a>');
    expect(links.map((l) => [l.value, l.line])).toEqual([
      ['/search/?q=a&b=c', 2],
      ['/x/#frag', 2],
    ]);
  });

  it('collects ids, <a name> and <base href>', () => {
    const page = scanHtml('<base href="/archive/"><main id="main"><a name="old"></a><h2 id=x>t</h2></main>');
    expect([...page.anchors].sort()).toEqual(['main', 'old', 'x']);
    expect(page.base).toBe('/archive/');
  });

  it('reads url() in <style> and style attributes, but not in scripts', () => {
    const { links } = scanHtml(
      '<style>\n@font-face{src:url("/f.woff2")}</style><div style="background:url(/bg.png)"></div><script>url("/no.png")</script>',
    );
    expect(links.map((l) => [l.attribute, l.value, l.line])).toEqual([
      ['css-url', '/f.woff2', 2],
      ['css-url', '/bg.png', 2],
    ]);
  });
});

describe('small parsers', () => {
  it('splits srcset candidates, including URLs without descriptors', () => {
    expect(srcsetUrls('a.png 1x,b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls('  a.png, b.png 480w , c.png')).toEqual(['a.png', 'b.png', 'c.png']);
  });

  it('reads stylesheet urls and imports, skipping comments and data: URIs', () => {
    expect(cssUrls('/* url(/no.png) */ @import "x.css"; a{b:url( \'/y.svg\' )} c{d:url(data:image/png;base64,AA)}').map((c) => c.value)).toEqual([
      'x.css',
      '/y.svg',
    ]);
  });

  it('decodes numeric and named entities and leaves unknown ones', () => {
    expect(decodeEntities('&lt;&#x41;&#66;&amp;&bogus;')).toBe('<AB&&bogus;');
  });
});
