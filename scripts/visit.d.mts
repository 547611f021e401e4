import type { Locator, Page } from '@playwright/test';
export declare function scrollThrough(page: Page, options?: { step?: number; pauseMs?: number }): Promise<void>;
export declare function clickAndReturn(page: Page, locator: Locator): Promise<void>;
export declare function visitNews(page: Page, port: number): Promise<void>;
export declare function visitBlog(page: Page, port: number): Promise<void>;
export declare function dwellOn(page: Page, locator: Locator, ms?: number): Promise<void>;
