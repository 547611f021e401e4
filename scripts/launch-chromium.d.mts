import type { BrowserContext, Worker } from '@playwright/test';
export declare const CHROMIUM_PATH: string;
export declare const EXTENSION_DIR: string;
export declare const BROWSER_FLAGS: string[];
export declare function launchWithExtension(options?: {
  headless?: boolean;
  extensionDir?: string;
  backForwardCache?: boolean;
}): Promise<{ context: BrowserContext; extensionId: string; worker: Worker }>;
