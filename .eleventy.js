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
  // Eleventy 3.1 makes a new Nunjucks template for every page it renders,
  // and compiles it again, body and permalink: a tenth of the rendering on
  // a large archive. Here each text is compiled once, in Eleventy's own
  // Nunjucks environment, with its filters, globals and options.
  let nunjucks;
  eleventyConfig.on('eleventy.engine.njk', (engine) => {
    nunjucks = engine;
  });
  const compiled = new Map();
  const compile = (str, inputPath) => {
    const key = `${inputPath}\u0000${str}`;
    let render = compiled.get(key);
    if (!render) {
      const template = new nunjucks.nunjucks.Template(str, nunjucks.environment, inputPath, true);
      render = (data) => new Promise((resolve, reject) => template.render(data, (error, html) => (error ? reject(error) : resolve(html))));
      compiled.set(key, render);
    }
    return render;
  };
  eleventyConfig.addExtension('njk', { compile, compileOptions: { permalink: compile } });
}
