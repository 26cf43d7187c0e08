/**
 * docs/fleet.md's nginx block hands the fleet server the Host the browser sent, port and all:
 * the staff login's Origin check compares the two (tools/fleet/staff-auth.ts sameOrigin), so a
 * Host without the port (nginx's $host) refuses every login on a port other than 443.
 */
import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { sameOrigin } from '../../tools/fleet/staff-auth.ts';

const nginx = /```nginx\n([\s\S]*?)```/.exec(readFileSync('docs/fleet.md', 'utf8'))?.[1] ?? '';

/** What nginx sends as Host for a browser's `Host:` header, per variable. */
const HOST_OF: Record<string, (browserHost: string) => string> = {
  $http_host: (h) => h,
  $host: (h) => h.replace(/:\d+$/, ''),
};

const request = (headers: Record<string, string>) =>
  ({ req: { header: (n: string) => headers[n.toLowerCase()], url: 'http://127.0.0.1:8787/fleet/login' } }) as unknown as Context;

describe('the nginx block of docs/fleet.md', () => {
  it('passes the browser\'s Host with its port, so a login on https://…:8443 passes the Origin check', () => {
    const variable = /proxy_set_header\s+Host\s+(\S+);/.exec(nginx)?.[1];
    expect(variable).toBe('$http_host');
    const host = HOST_OF[variable!]!('fleet.example.org:8443');
    expect(sameOrigin(request({ origin: 'https://fleet.example.org:8443', host }))).toBe(true);
    // Why: $host drops the port, and the check then fails.
    expect(sameOrigin(request({ origin: 'https://fleet.example.org:8443', host: HOST_OF.$host!('fleet.example.org:8443') }))).toBe(false);
  });
});
