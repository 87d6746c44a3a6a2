// Eleventy 3 reads only a JavaScript config. The build runs under tsx, so the
// site code it pulls in stays TypeScript; the data comes from the build
// script (`archive`, added as global data), never from templates.
export default async function (eleventyConfig) {
  const { filters } = await import('./src/site/filters.ts');
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);

  eleventyConfig.setInputDirectory('templates');
  eleventyConfig.setIncludesDirectory('_includes');
  eleventyConfig.setTemplateFormats(['njk']);
  eleventyConfig.addPassthroughCopy({ public: '/' });
  // Article text is untrusted: everything printed is escaped unless a
  // template says otherwise, and a typo in a variable name fails the build.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true });
}
