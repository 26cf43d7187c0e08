/** Ed25519 public JWKs injected at build time (vite.config.ts `define`). */
declare const __SW_PUBLIC_KEYS__: JsonWebKey[];
/** The service worker's time limit for one sync request in ms (vite.config.ts `define`, env SW_REQUEST_TIMEOUT_MS). */
declare const __SW_REQUEST_TIMEOUT_MS__: number;
/** The app build: package version and commit (vite.config.ts `define`). */
declare const __APP_BUILD__: string;
