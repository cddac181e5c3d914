// The production bench page's one script (bench-page-production.html, built by run.mjs with the app's Vite
// config): the benches that measure what a learner's tab holds, each a lazy chunk of the built bundle, as
// the app loads its own modules. run.mjs imports one by name through `benchModules`.
const modules = import.meta.glob<{ run(): Promise<unknown[]> }>('./first-sound.browser-bench.ts');

/** Bench modules by file name, each loaded on demand. */
(globalThis as { benchModules?: unknown }).benchModules = Object.fromEntries(
  Object.entries(modules).map(([path, load]) => [path.slice(2), load]),
);
