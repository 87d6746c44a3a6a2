// Eleventy 3 ships no types for its programmatic API; this is the part the build uses.
declare module '@11ty/eleventy' {
  interface EleventyUserConfig {
    addGlobalData(name: string, data: unknown): void;
    ignores: Set<string>;
    addNunjucksGlobal(name: string, value: unknown): void;
  }
  interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: EleventyUserConfig) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string | undefined, output: string, options?: EleventyOptions);
    setIsVerbose(verbose: boolean): void;
    disableLogger(): void;
    /** Passthrough copies, then the pages written. */
    write(): Promise<[unknown[], unknown[]]>;
  }
}
