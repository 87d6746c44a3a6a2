import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { scanHtml } from '../helpers/html-links.ts';
import { listHtmlPages } from '../helpers/output-files.ts';
import { repoRoot } from '../helpers/paths.ts';

/**
 * Rules `.htmlvalidate.json` turns down from the recommended preset, each with
 * the reason (JSON has no comments, so the reasons live here and the test
 * below fails if the config relaxes a rule that is not listed).
 */
const relaxedRules: Record<string, string> = {};

let site: BuiltSite;
let config: ConfigData;
let validator: HtmlValidate;

beforeAll(async () => {
  config = JSON.parse(await readFile(join(repoRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  // Static: the build lives in a temp dir, where a filesystem lookup would
  // never find the repository's config.
  validator = new HtmlValidate(new StaticConfigLoader(config));
  site = await buildSite();
});

afterAll(async () => {
  await site?.remove();
});

describe('html-validate configuration', () => {
  it('extends the recommended preset and relaxes only rules documented here', () => {
    expect(config.extends).toEqual(['html-validate:recommended']);
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(relaxedRules).sort());
  });

  it('rejects broken markup (the validator is really checking)', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><img src="a.png"></body></html>',
      'sample.html',
    );
    expect(report.valid).toBe(false);
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['wcag/h37']));
  });
});

describe('generated HTML', () => {
  it('every page passes html-validate', async () => {
    const files = await listHtmlPages(site.dir);
    // The fixed scheme alone has more pages than this; fewer means a page type is missing.
    expect(files.length).toBeGreaterThanOrEqual(20);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(join(site.dir, file));
      for (const result of report.results) {
        for (const m of result.messages) {
          errors.push(`${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
        }
      }
    }
    expect(errors, `${errors.length} html-validate errors:\n${errors.join('\n')}`).toEqual([]);
  });

  it('loads JavaScript only on the search page', async () => {
    const offenders: string[] = [];
    for (const file of await listHtmlPages(site.dir)) {
      if (file === 'search/index.html') continue;
      const html = await readFile(join(site.dir, file), 'utf8');
      // Structured data is a script element but not script: allowed anywhere.
      const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/type\s*=\s*["']?application\/(ld\+)?json/i.test(m[1] ?? ''));
      const handlers = scanHtml(html).links.filter((l) => /^javascript:/i.test(l.value));
      const inline = /\son[a-z]+\s*=/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/>[^<]*</g, '><'));
      if (scripts.length > 0 || handlers.length > 0 || inline) offenders.push(file);
    }
    expect(offenders, 'pages other than /search/ with scripts or inline handlers').toEqual([]);
  });
});
