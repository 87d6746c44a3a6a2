import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { SiteModel } from '../types.ts';
import type { Download } from './downloads.ts';
import { withPathPrefix } from './filters.ts';
import { deadlineMentionsShown, disagreementsShown } from './pages.ts';

export interface RenderOptions {
  model: SiteModel;
  downloads: Download[];
  output: string;
  /** With leading and trailing slash: `/` or `/archive/`. */
  pathPrefix: string;
}

/** Renders the pages with Eleventy (config: `.eleventy.js`) and writes the data downloads. */
export async function renderSite({ model, downloads, output, pathPrefix }: RenderOptions): Promise<number> {
  const eleventy = new Eleventy(undefined, output, {
    configPath: resolve('.eleventy.js'),
    pathPrefix,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('archive', model);
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
  for (const d of downloads) {
    const path = join(output, d.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, d.content);
  }
  return templates.length;
}
