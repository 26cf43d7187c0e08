/** Ed25519 public JWKs injected at build time (vite.config.ts `define`). */
declare const __SW_PUBLIC_KEYS__: JsonWebKey[];
