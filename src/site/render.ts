import { existsSync } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { SiteModel } from '../types.ts';
import { withPathPrefix } from './filters.ts';
import { planPages, renderingKey, type SearchPlan } from './page-plan.ts';
import { deadlineMentionsShown, disagreementsShown } from './pages.ts';

export interface RenderOptions {
  model: SiteModel;
  output: string;
  /** With leading and trailing slash: `/` or `/archive/`. */
  pathPrefix: string;
  /** The folder of the last build, to keep its pages that would come out the same, with their fingerprints. */
  previous?: { dir: string; fingerprints: Record<string, string> };
}

export interface Rendered {
  /** Pages Eleventy wrote. */
  written: number;
  /** Pages kept from the previous build. */
  kept: number;
  /** For the next build's `previous`. */
  fingerprints: Record<string, string>;
  /** The search bundles the search page loads, for `indexSearch`. */
  search: SearchPlan;
}

/** The file a page's URL path is written to. */
const pageFile = (dir: string, url: string) => join(dir, url, 'index.html');

/** A hard link costs no copy; a folder on another disk gets a copy. */
async function keepPage(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * Renders the pages with Eleventy (config: `.eleventy.js`). Pages whose
 * fingerprint matches the previous build are taken from it instead of
 * rendered again.
 */
export async function renderSite({ model, output, pathPrefix, previous }: RenderOptions): Promise<Rendered> {
  const key = await renderingKey({ pathPrefix, title: model.title, siteUrl: model.siteUrl });
  const plan = planPages(model, key, previous?.fingerprints ?? {}, (url) => previous !== undefined && existsSync(pageFile(previous.dir, url)));
  const eleventy = new Eleventy(undefined, output, {
    configPath: resolve('.eleventy.js'),
    pathPrefix,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('archive', model);
      eleventyConfig.addGlobalData('pages', { ...plan.render, urls: plan.urls, search: plan.search });
      // Links are written as `{{ base }}people/…` or `{{ link(path) }}`, globals
      // so that imported macros see them: Eleventy's `url` filter costs more
      // than the rest of the link on pages with thousands of them.
      eleventyConfig.addNunjucksGlobal('base', pathPrefix);
      eleventyConfig.addNunjucksGlobal('link', withPathPrefix(pathPrefix));
      eleventyConfig.addNunjucksGlobal('deadlineMentionsShown', deadlineMentionsShown);
      eleventyConfig.addNunjucksGlobal('disagreementsShown', disagreementsShown);
    },
  });
  // Errors still throw and the build script reports them; this silences
  // Eleventy's timing notes and summary line, which the build's summary replaces.
  eleventy.setIsVerbose(false);
  eleventy.disableLogger();
  const [, templates] = await eleventy.write();
  for (const url of plan.keep) await keepPage(pageFile(previous!.dir, url), pageFile(output, url));
  return { written: templates.length, kept: plan.keep.length, fingerprints: plan.fingerprints, search: plan.search };
}
