export declare const DEBIAN_CHROMIUM_PATHS: string[];
export declare function findChromium(options?: {
  env?: Record<string, string | undefined>;
  playwrightPath?: string;
  canRun?: (path: string) => boolean;
}): string | null;
export declare function missingChromiumMessage(env?: Record<string, string | undefined>): string;
