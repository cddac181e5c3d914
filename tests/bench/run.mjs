// `npm run bench`: measures speed and size, and prints one table.
// Rows come from three kinds of bench module in tests/bench/:
//   *.node-bench.ts     bundled for Node by Vite (as the app ships: one module, no loader in the hot loops), then
//                       imported; `export async function run(): Promise<Row[]>`
//   *.browser-bench.ts  loaded in headless Chromium from a Vite dev server; same `run` export
//   and the built app's first-screen JavaScript size, measured here.
// A Row is { name: string, value: number, unit: string, goal?: string, ok?: boolean }.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, createServer, preview } from 'vite';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
const only = process.argv[2];
const rows = [];

async function firstScreenRows(browser) {
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn', mode: 'production' });
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 4319 } });
  const base = server.resolvedUrls.local[0].replace(/\/$/, '');
  const page = await browser.newPage();
  const scripts = new Set();
  page.on('response', (r) => {
    if (r.url().endsWith('.js') && !r.url().endsWith('/sw.js')) scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(`${base}/learn`, { waitUntil: 'networkidle' });
  await page.locator('main h1').first().waitFor();
  let gz = 0;
  for (const path of scripts) {
    const size = gzipSync(readFileSync(`dist${path}`), { level: 9 }).length;
    if (process.env.HEADROOM_BENCH_LIST)
      process.stderr.write(`${(size / 1024).toFixed(1).padStart(6)} kB  ${path}\n`);
    gz += size;
  }
  await page.close();
  await server.close();
  rows.push({
    name: `first screen JavaScript (${scripts.size} files, gzip)`,
    value: gz / 1024,
    unit: 'kB',
    goal: '≤ 50 kB',
    ok: gz / 1024 <= 50,
  });
}

async function moduleRows(browser) {
  const files = readdirSync('tests/bench').filter(
    (f) => /\.(node|browser)-bench\.ts$/.test(f) && (!only || f.includes(only)),
  );
  if (files.length === 0) return;
  // The size step builds for production; bench modules run on a dev server (dev worklet loading and all).
  process.env.NODE_ENV = 'development';
  const server = await createServer({
    logLevel: 'warn',
    // No file watching: other edits in the tree must not reload a page mid-measurement.
    server: { host: '127.0.0.1', port: 5179, watch: null, hmr: false },
    appType: 'mpa', // 'custom' serves no HTML, so bench-page.html was a 404
  });
  await server.listen();
  const base = server.resolvedUrls.local[0].replace(/\/$/, '');
  for (const f of files) {
    process.stderr.write(`running ${f}…\n`);
    if (f.endsWith('.node-bench.ts')) {
      const outDir = resolve('.tmp/bench-node');
      await build({
        logLevel: 'warn',
        configFile: false,
        publicDir: false,
        build: { ssr: `tests/bench/${f}`, outDir, emptyOutDir: true, minify: false, target: 'node20' },
      });
      const mod = await import(pathToFileURL(resolve(outDir, f.replace(/\.ts$/, '.js'))).href);
      rows.push(...(await mod.run()));
    } else {
      const page = await browser.newPage();
      page.on('pageerror', (e) => process.stderr.write(`${f}: ${e.message}\n`));
      await page.goto(`${base}/tests/bench/bench-page.html`);
      const out = await page.evaluate(async (url) => (await import(url)).run(), `/tests/bench/${f}`);
      rows.push(...out);
      await page.close();
    }
  }
  await server.close();
}

const browser = await chromium.launch({ executablePath, args, headless: true });
try {
  if (!only || only === 'size') await firstScreenRows(browser);
  if (only !== 'size') await moduleRows(browser);
} finally {
  await browser.close();
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const table = rows.map((r) => [
  r.name,
  `${fmt(r.value)} ${r.unit}`,
  r.goal ?? '',
  r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
]);
const head = ['measurement', 'value', 'goal', ''];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const t of table) console.log(line(t));
