import type { BrowserContext, Page, Worker } from '@playwright/test';
export declare const CHROMIUM_PATH: string;
export declare const EXTENSION_DIR: string;
export declare const BROWSER_FLAGS: string[];
export declare function launchWithExtension(options?: {
  headless?: boolean;
  extensionDir?: string;
  backForwardCache?: boolean;
  welcomeTab?: 'close' | 'keep';
}): Promise<{ context: BrowserContext; extensionId: string; worker: Worker }>;
export declare function closeWelcomeTab(context: BrowserContext, extensionId: string): Promise<void>;
export declare function waitForWelcomeTab(context: BrowserContext, extensionId: string, timeout?: number): Promise<Page>;
