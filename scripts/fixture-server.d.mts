export declare const SITES_DIR: string;
export declare function startFixtureServer(port?: number): Promise<{ port: number; close: () => Promise<void> }>;
