// `npm run bench`: measures speed and size, and prints one table.
// Rows come from three kinds of bench module in tests/bench/:
//   *.node-bench.ts     bundled for Node by Vite (as the app ships: one module, no loader in the hot loops), then
//                       imported; `export async function run(): Promise<Row[]>`
//   *.browser-bench.ts  loaded in headless Chromium from a Vite dev server (those in PRODUCTION_BENCHES from the
//                       production build); same `run` export
//   and the built app's first-screen JavaScript size, measured here.
// A Row is { name: string, value: number, unit: string, goal?: string, ok?: boolean }.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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

// Renderer memory for browser benches: Chromium's renderer processes (children of this Node process's
// browser) are sampled every 50 ms from /proc/<pid>/smaps_rollup (PSS: shared pages split between sharers;
// Workers run inside their page's renderer, so they count). A page calls `benchRendererPeakMB(reset)`:
// the highest PSS of any renderer since the last reset, and the PSS now.
let rendererPeak = 0;
let rendererNow = 0;
let renderers = [];
function childrenOf(root) {
  const kids = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch {}
  }
  const out = [];
  const stack = [root];
  while (stack.length > 0) for (const c of kids.get(stack.pop()) ?? []) out.push(c) && stack.push(c);
  return out;
}
function pssMB(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
function sampleRenderers() {
  let now = 0;
  for (const pid of renderers) now = Math.max(now, pssMB(pid));
  rendererNow = now;
  rendererPeak = Math.max(rendererPeak, now);
}
function findRenderers() {
  renderers = childrenOf(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

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

// The Mix page as a learner opens it, on the production build (issue 15, "Fast first sound"; issue 20 part 3).
// Each of rock, pop and electronic in a fresh browser profile: a first visit (nothing cached: the app, its
// service worker and the 8.75 MB instrument bank all downloaded), then another song in a new page load (cold:
// the app and the bank in the HTTP and service-worker caches as on any later visit, the song never opened, so
// its first bars are synthesised while the rest renders), then that song again once its sampled stems are
// stored (warm: read from IndexedDB). Times from the navigation: Play enabled, and the first sound at the
// output (an analyser tapped onto the speakers, above -60 dBFS) when Play is pressed as soon as it is enabled;
// Play → that sound alone; and where the time went, from the app's performance marks (mix-songs.ts).
async function mixOpenRows(browser) {
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn', mode: 'production' });
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 4320 } });
  const base = server.resolvedUrls.local[0].replace(/\/$/, '');
  // Before the app: taps each live context's output, and notes when Play is first enabled.
  const tap = () => {
    const taps = new Map();
    const connect = AudioNode.prototype.connect;
    AudioNode.prototype.connect = function (...a) {
      const out = connect.apply(this, a);
      if (a[0] instanceof AudioDestinationNode && this.context instanceof AudioContext) {
        let t = taps.get(this.context);
        if (!t) {
          t = this.context.createAnalyser();
          t.fftSize = 256;
          taps.set(this.context, t);
        }
        connect.call(this, t);
      }
      return out;
    };
    const block = new Float32Array(256);
    globalThis.benchOutputPeak = () => {
      let p = 0;
      for (const t of taps.values()) {
        t.getFloatTimeDomainData(block);
        for (const v of block) p = Math.max(p, Math.abs(v));
      }
      return p;
    };
    globalThis.benchPlayEnabledAt = null;
    const check = () => {
      if (globalThis.benchPlayEnabledAt === null && document.querySelector('.transport-play:not([disabled])'))
        globalThis.benchPlayEnabledAt = performance.now();
    };
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
  };
  const opening = async (page, url) => {
    await page.goto(url);
    await page.waitForFunction(() => globalThis.benchPlayEnabledAt !== null, null, {
      timeout: 60_000,
      polling: 5,
    });
    return page.evaluate(async () => {
      const enabled = globalThis.benchPlayEnabledAt;
      const pressed = performance.now();
      document.querySelector('.transport-play').click();
      const heard = await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (globalThis.benchOutputPeak() > 0.001) resolve(performance.now());
          else if (performance.now() - pressed > 10_000) resolve(Number.NaN);
          else channel.port2.postMessage(null);
        };
        channel.port2.postMessage(null);
      });
      document.querySelector('.transport-play').click();
      const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN;
      return {
        enabled,
        press: heard - pressed,
        choice: mark('mix:choice'),
        head: mark('mix:head'),
        read: mark('stems:read-end') - mark('stems:read-start'),
        model: mark('mix:model'),
        attached: mark('mix:attached'),
      };
    });
  };
  const exportReady = async (page) => {
    await page.waitForSelector('button.btn:has-text("Export WAV"):not([disabled])', { timeout: 120_000 });
    // The sampled stems are written to IndexedDB in the background.
    await page.waitForTimeout(1500);
  };
  const runs = { first: [], cold: [], warm: [] };
  const songs = ['rock', 'pop', 'electronic'];
  for (const [k, song] of songs.entries()) {
    const context = await browser.newContext();
    await context.addInitScript(tap);
    const page = await context.newPage();
    runs.first.push(await opening(page, `${base}/mix?song=${song}`));
    await exportReady(page);
    const other = songs[(k + 1) % songs.length];
    runs.cold.push(await opening(page, `${base}/mix?song=${other}`));
    await exportReady(page);
    runs.warm.push(await opening(page, `${base}/mix?song=${other}`));
    await context.close();
  }
  await server.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = (name, xs, goal) => ({
    name: `Mix page (production build), ${name}`,
    value: median(xs),
    unit: 'ms',
    ...(goal ? { goal: `< ${goal} ms`, ok: median(xs) < goal } : {}),
  });
  const of = (list, f) => list.map(f);
  for (const [label, list] of [
    ['first visit (nothing cached)', runs.first],
    ['cold (app and bank cached, song never opened)', runs.cold],
    ['warm (song stored)', runs.warm],
  ]) {
    rows.push(
      row(
        `${label}: navigation → Play enabled (median of 3 songs)`,
        of(list, (r) => r.enabled),
        1000,
      ),
      row(
        `${label}: navigation → first sound (Play pressed when enabled)`,
        of(list, (r) => r.enabled + r.press),
        1000,
      ),
      row(
        `${label}: Play pressed → first sound at the output`,
        of(list, (r) => r.press),
        100,
      ),
      row(
        `${label}: navigation → song asked for (app and Mix page up)`,
        of(list, (r) => r.choice),
      ),
    );
    if (list !== runs.warm)
      rows.push(
        row(
          `${label}: navigation → first bars rendered`,
          of(list, (r) => r.head),
        ),
      );
    else
      rows.push(
        row(
          `${label}: stored song read from IndexedDB`,
          of(list, (r) => r.read),
        ),
      );
    rows.push(
      row(
        `${label}: song loaded → engine built (after Play enabled)`,
        of(list, (r) => r.attached - r.model),
      ),
    );
  }
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
  if (files.some((f) => f.startsWith('import'))) writeBenchWav();
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
      // The DevTools protocol for a bench that throttles the CPU or reads Performance metrics (main-thread),
      // and a real key press (through CDP's input pipeline, so the event waits behind a busy main thread).
      const devtools = await page.context().newCDPSession(page);
      await page.exposeFunction('benchCdp', (method, params) => devtools.send(method, params ?? {}));
      await page.exposeFunction('benchPress', (key) => page.keyboard.press(key));
      await page.exposeFunction('benchRendererPeakMB', (reset) => {
        findRenderers();
        sampleRenderers();
        const out = { peak: rendererPeak, now: rendererNow };
        if (reset) rendererPeak = rendererNow;
        return out;
      });
      // CPU time the renderer processes have used, ms (/proc/<pid>/stat utime + stime, which counts threads
      // that have ended, such as an offline render's): on a shared machine a render's CPU time is steadier
      // than its wall-clock time.
      const tick = 10; // ms per clock tick (USER_HZ 100 on Linux)
      await page.exposeFunction('benchRendererCpuMs', () => {
        findRenderers();
        let ticks = 0;
        for (const pid of renderers) {
          try {
            const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            ticks += Number(fields[11]) + Number(fields[12]);
          } catch {}
        }
        return ticks * tick;
      });
      // The page's JS heap in MB (CDP Runtime.getHeapUsage), after a full GC when asked (first-sound bench).
      const cdp = await page.context().newCDPSession(page);
      await page.exposeFunction('benchHeapMB', async (gc) => {
        if (gc) await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
      });
      // The page's ArrayBuffer backing stores in MB (outside the JS heap: samples, stems), NaN where not reported.
      await page.exposeFunction('benchArrayBuffersMB', async () => {
        const usage = await cdp.send('Runtime.getHeapUsage');
        return (usage.backingStorageSize ?? Number.NaN) / 2 ** 20;
      });
      // A heap snapshot of the page written to `path` (memory investigations: what retains an ArrayBuffer).
      await page.exposeFunction('benchHeapSnapshot', async (path) => {
        const chunks = [];
        const take = (e) => chunks.push(e.chunk);
        cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
        await cdp.send('HeapProfiler.takeHeapSnapshot', {
          reportProgress: false,
          captureNumericValue: false,
        });
        cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
        writeFileSync(path, chunks.join(''));
      });
      // The renderers' anonymous memory now, MB (smaps_rollup's Anonymous, the largest renderer): what the tab
      // itself holds. Unlike PSS it leaves out shared library pages, whose share moves with how many other
      // Chromium processes on the machine map the same files (the empty page read 37 MB in one run, 60 in the next).
      await page.exposeFunction('benchRendererAnonymousMB', () => {
        findRenderers();
        let most = 0;
        for (const pid of renderers) {
          try {
            const m = /^Anonymous:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
            most = Math.max(most, m ? Number(m[1]) / 1024 : 0);
          } catch {}
        }
        return most;
      });
      // HEADROOM_BENCH_SMAPS=<dir>: a memory row also writes the renderers' /proc/<pid>/smaps there (which
      // mappings hold the memory: V8 heaps, partitions, malloc arenas, thread stacks, shared libraries).
      if (process.env.HEADROOM_BENCH_SMAPS) {
        const dir = process.env.HEADROOM_BENCH_SMAPS;
        mkdirSync(dir, { recursive: true });
        let n = 0;
        const browserCdp = await browser.newBrowserCDPSession();
        await page.exposeFunction('benchSmaps', async (label) => {
          findRenderers();
          n++;
          // Which Workers are alive (their scripts), beside the mappings.
          const { targetInfos } = await browserCdp.send('Target.getTargets');
          const workers = targetInfos.filter((t) => t.type !== 'page' && t.type !== 'browser');
          writeFileSync(
            `${dir}/${String(n).padStart(2, '0')}-targets.txt`,
            workers.map((t) => `${t.type} ${t.url}`).join('\n'),
          );
          for (const pid of renderers) {
            try {
              const text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
              const threads = readdirSync(`/proc/${pid}/task`).map((t) => {
                try {
                  return readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8').trim();
                } catch {
                  return '?';
                }
              });
              const name = `${String(n).padStart(2, '0')}-${pid}-${label.replace(/[^a-z0-9]+/gi, '-')}`;
              writeFileSync(
                `${dir}/${name}.smaps`,
                `# threads ${threads.length} ${threads.join('|')}\n${text}`,
              );
            } catch {}
          }
        });
      }
      const sampler = setInterval(sampleRenderers, 50);
      const finder = setInterval(findRenderers, 1000);
      // HEADROOM_BENCH_PART (optional) lets a bench module run only part of its rows (engine: 'honest').
      const part = process.env.HEADROOM_BENCH_PART ?? '';
      let out;
      if (PRODUCTION_BENCHES.has(f) && process.env.HEADROOM_BENCH_DEV !== '1') {
        const prodBase = await productionBenchBase();
        await page.goto(`${prodBase}/tests/bench/bench-page-production.html`);
        out = await page.evaluate(
          async ([name, part]) => {
            globalThis.HEADROOM_BENCH_PART = part;
            return (await globalThis.benchModules[name]()).run();
          },
          [f, part],
        );
      } else {
        await page.goto(`${base}/tests/bench/bench-page.html`);
        out = await page.evaluate(
          async ([url, part]) => {
            globalThis.HEADROOM_BENCH_PART = part;
            return (await import(url)).run();
          },
          [`/tests/bench/${f}`, part],
        );
      }
      rows.push(...out);
      clearInterval(sampler);
      clearInterval(finder);
      await page.close();
    }
  }
  await server.close();
  await productionServer?.close();
}

// Browser benches that measure what a learner's tab holds run on the production build (the app's Vite config,
// bundled and minified, served by `vite preview`), not on the dev server: there every source file is its own
// module with its source text and its transform's code (first-sound, 7 Dec 2026, renderer PSS, one run each,
// dev → production: Mix page playing 287 → 174 MB, after a drill 528 → 426, after everything was released
// 271 → 240; PSS alone moves by up to 25 MB between runs). HEADROOM_BENCH_DEV=1 runs them on the dev server.
const PRODUCTION_BENCHES = new Set(['first-sound.browser-bench.ts']);
let productionServer = null;
let productionBase = null;
async function productionBenchBase() {
  if (productionBase) return productionBase;
  process.env.NODE_ENV = 'production';
  const outDir = resolve('.tmp/bench-production');
  await build({
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: 'tests/bench/bench-page-production.html' } },
  });
  productionServer = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4321 },
  });
  productionBase = productionServer.resolvedUrls.local[0].replace(/\/$/, '');
  process.env.NODE_ENV = 'development';
  return productionBase;
}

/** The import bench's file: 10 minutes of 24-bit stereo at 44.1 kHz (a tone and noise), made once. */
function writeBenchWav() {
  const path = '.tmp/bench/ten-minutes-44k-24bit-stereo.wav';
  if (existsSync(path)) return;
  mkdirSync('.tmp/bench', { recursive: true });
  const rate = 44100;
  const frames = rate * 600;
  const dataBytes = frames * 6;
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + dataBytes, 4);
  head.write('WAVEfmt ', 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(2, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 6, 28);
  head.writeUInt16LE(6, 32);
  head.writeUInt16LE(24, 34);
  head.write('data', 36);
  head.writeUInt32LE(dataBytes, 40);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const block = rate; // one second at a time
  const buf = Buffer.alloc(block * 6);
  let seed = 1;
  for (let start = 0; start < frames; start += block) {
    for (let i = 0; i < block; i++) {
      const t = (start + i) / rate;
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = (seed / 2 ** 32 - 0.5) * 0.1;
      const l = Math.round((0.4 * Math.sin(2 * Math.PI * 220 * t) + noise) * 8388607);
      const r = Math.round((0.3 * Math.sin(2 * Math.PI * 330 * t) - noise) * 8388607);
      buf.writeIntLE(l, i * 6, 3);
      buf.writeIntLE(r, i * 6 + 3, 3);
    }
    writeSync(fd, buf);
  }
  closeSync(fd);
}

const browser = await chromium.launch({ executablePath, args, headless: true });
try {
  if (!only || only === 'size') await firstScreenRows(browser);
  if (!only || only === 'mix-open') await mixOpenRows(browser);
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
