/**
 * The layers of src/ and what each may import (checked by `npm run deps`, part of `npm test`).
 *
 *   content < calendar < schedule < frame < ui        the pure core and the components
 *   sync (the service worker's engine; its store in sync/store/), sw, bridge, app, preview: edges
 *
 * A layer imports only layers below it; the edges import the core and never each other, except
 * through the contracts named below. No import circle anywhere in src/ or tools/.
 */
const layer = (name, may) => ({
  name: `layer-${name}`,
  comment: `src/${name}/ may import only ${may.join(', ')} (and packages)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...may.map((m) => `^src/${m}`)] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: { path: '^(src|tools)/' }, to: { circular: true } },
    { name: 'src-not-tools-or-test', severity: 'error', from: { path: '^src/' }, to: { path: '^(tools|test)/' } },
    layer('content', []),
    layer('calendar', ['content/']),
    layer('schedule', ['content/', 'calendar/']),
    layer('frame', ['content/', 'calendar/', 'schedule/']),
    // Components draw frames: the schedule and the calendar reach them only through src/frame/glass.ts.
    layer('ui', ['content/', 'frame/']),
    // The worker's engine: the core, the ContentSet type of frame/, and its own store.
    layer('sync', ['content/', 'calendar/', 'frame/', 'fleet/protocol.ts']),
    {
      name: 'store-below-engine',
      comment: 'src/sync/store/ is below the engine: it imports only the core and the error codes (a leaf)',
      severity: 'error',
      from: { path: '^src/sync/store/' },
      to: { path: '^src/sync/', pathNot: ['^src/sync/store/', '^src/sync/sync-error\\.ts$'] },
    },
    // Shared by the worker and the page: these import nothing of the engine.
  { name: 'sync-leaves', severity: 'error', from: { path: '^src/sync/(sync-error|timers|backoff)\\.ts$' }, to: { path: '^src/', pathNot: '^src/frame/clock\\.ts$' } },
    layer('sw', ['content/', 'calendar/', 'frame/', 'sync/', 'fleet/protocol.ts']),
    // The fleet's wire contract (src/fleet/protocol.ts) is a leaf the worker can take; the staff
    // dashboard (src/fleet/dashboard/) is a page of the fleet server that nothing else imports.
    { name: 'fleet-protocol-leaf', severity: 'error', from: { path: '^src/fleet/protocol\\.ts$' }, to: { path: '^src/', pathNot: '^src/(content/keys|fleet/protocol)\\.ts$' } },
    layer('fleet', ['content/', 'calendar/local-text.ts']),
    { name: 'dashboard-apart', severity: 'error', from: { path: '^src/', pathNot: '^src/fleet/dashboard/' }, to: { path: '^src/fleet/dashboard/' } },
    {
      name: 'no-server-code-in-pages',
      comment: 'src/ runs in the browser and the worker: no Node built-ins, no server framework or database client',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '(^|/)node_modules/(hono|@hono|pg|pg-[a-z-]+|@electric-sql|esbuild)/' },
    },
    { name: 'no-node-builtins-in-pages', severity: 'error', from: { path: '^src/' }, to: { dependencyTypes: ['core'] } },
    // The page's line to the worker: the message contract and error codes; without a worker, the
    // engine's own checks on the page (read-manifest, verify).
    layer('bridge', ['content/', 'calendar/', 'frame/', 'sync/worker-protocol.ts', 'sync/sync-error.ts', 'sync/timers.ts', 'sync/backoff.ts', 'sync/read-manifest.ts', 'sync/verify.ts']),
    layer('app', ['content/', 'frame/', 'ui/', 'bridge/', 'sync/worker-protocol.ts']),
    layer('preview', ['content/', 'calendar/', 'schedule/', 'frame/', 'ui/', 'bridge/']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // node_modules stay in the graph (not followed), so rules can name packages.
    exclude: { path: '^dist/' },
  },
};
