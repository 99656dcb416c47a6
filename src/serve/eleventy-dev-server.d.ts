/*
 * @11ty/eleventy-dev-server 2 ships JavaScript without declaration files; these are the parts the
 * dev server uses, typed from its server.js.
 */
declare module '@11ty/eleventy-dev-server' {
  export interface DevServerOptions {
    port?: number;
    pathPrefix?: string;
    liveReload?: boolean;
    domDiff?: boolean;
    showVersion?: boolean;
    portReassignmentRetryCount?: number;
    messageOnStart?: (info: { hosts: string[]; localhostUrl: string }) => string | false;
    logger?: { info: (message: string) => void; log: (message: string) => void; error: (message: string) => void };
  }

  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    getServerUrl(host: string, pathname?: string): string;
    reload(event: { files?: string[]; subtype?: string; build?: { templates?: Array<{ url: string; inputPath: string; content: string }> } }): void;
    sendError(event: { error: Error }): void;
    close(): Promise<void>;
    readonly server: import('node:http').Server;
  }
}
