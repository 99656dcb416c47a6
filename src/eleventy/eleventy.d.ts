/*
 * Eleventy 3 ships JavaScript with JSDoc but no declaration files; these are the parts Chronicle
 * uses, typed from Eleventy's own source (src/UserConfig.js, src/Eleventy.js).
 */
declare module '@11ty/eleventy' {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes?: string;
    data?: string;
  }

  export interface AfterBuildEvent {
    directories: EleventyDirectories;
    runMode: 'build' | 'watch' | 'serve';
    outputMode: string;
  }

  export interface UserConfig {
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void | Promise<void>, options: O): void;
    addGlobalData(name: string, value: unknown): void;
    /** Globs (relative to the working directory) of input files Eleventy skips. */
    ignores: Set<string>;
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
    addPassthroughCopy(copy: string | Record<string, string>): void;
    addExtension(extensions: string | string[], options: { key: string }): void;
    addTemplateFormats(formats: string | string[]): void;
    setTemplateFormats(formats: string | string[]): void;
    setQuietMode(quiet: boolean): void;
    setLayoutsDirectory(dir: string): void;
    setServerOptions(options: Record<string, unknown>): void;
    setWatchThrottleWaitTime(ms: number): void;
    addTransform(name: string, transform: (this: { page: { url: string | false; outputPath: string | false } }, content: string) => string | Promise<string>): void;
    on(event: 'eleventy.after', handler: (event: AfterBuildEvent) => void | Promise<void>): void;
    on(event: 'eleventy.before', handler: (event: AfterBuildEvent) => void | Promise<void>): void;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'watch' | 'serve';
    pathPrefix?: string;
    config?: (config: UserConfig) => void | Promise<void>;
  }

  /** Rewrites every URL in HTML output to carry the path prefix (src/Plugins/HtmlBasePlugin.js). */
  export function HtmlBasePlugin(config: UserConfig, options?: { baseHref?: string }): void;

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
    stopWatch(): Promise<void>;
  }
}
