import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, runtimeSpecifiers } from './import-graph';

const dir = join('.tmp', 'layer-probe');

/** Type-checks one snippet with the pure layers' compiler options (no DOM lib). */
function checkPure(code: string): { status: number | null; output: string } {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'probe.ts'), code);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: '../../tsconfig.pure.json', include: ['probe.ts'] }),
  );
  const r = spawnSync('node_modules/.bin/tsc', ['-p', join(dir, 'tsconfig.json'), '--noEmit'], {
    encoding: 'utf8',
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

const lintRoot = mkdtempSync(join(tmpdir(), 'headroom-lint-'));
const config = JSON.parse(readFileSync('biome.json', 'utf8'));
delete config.$schema;
delete config.vcs;
writeFileSync(join(lintRoot, 'biome.json'), JSON.stringify(config));
const biome = resolve('node_modules/.bin/biome');

/** Lints a snippet as if it lived at `path` in the project, with the project's Biome rules. */
function lintAs(path: string, code: string): { status: number | null; output: string } {
  mkdirSync(join(lintRoot, dirname(path)), { recursive: true });
  writeFileSync(join(lintRoot, path), code);
  const r = spawnSync(biome, ['lint', path], { cwd: lintRoot, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('pure layers cannot touch the DOM or Web Audio', () => {
  it('accepts plain maths', () => {
    expect(checkPure('export const x: number = Math.sqrt(2);\n').status).toBe(0);
  });
  it('rejects `document`', () => {
    const r = checkPure('export const t = document.title;\n');
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/document/);
  });
  it('rejects `AudioContext`', () => {
    const r = checkPure('export const c = new AudioContext();\n');
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/AudioContext/);
  });
});

describe('imports point one way (Biome rules)', () => {
  it('dsp may not import the engine or Preact', () => {
    const r = lintAs(
      'src/dsp/probe.ts',
      "import { Mixer } from '../engine/mixer';\nexport const m = Mixer;\n",
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/noRestrictedImports/);
  });
  it('production may import dsp but not the engine', () => {
    expect(
      lintAs('src/production/probe.ts', "import { dbToGain } from '../dsp/db';\nexport const g = dbToGain;\n")
        .status,
    ).toBe(0);
    expect(
      lintAs('src/production/probe.ts', "import { x } from '../engine/mixer';\nexport const m = x;\n").status,
    ).not.toBe(0);
  });
  it("only an exercise's play.ts may import the engine", () => {
    const code = "import { Mixer } from '../../engine';\nexport const m = Mixer;\n";
    expect(lintAs('src/exercises/eq-boost/play.ts', code).status).toBe(0);
    expect(lintAs('src/exercises/eq-boost/check.ts', code).status).not.toBe(0);
    expect(lintAs('src/exercises/shared/helpers.ts', code).status).not.toBe(0);
  });
  it('the UI may not import the engine or storage directly', () => {
    expect(
      lintAs('src/ui/probe.ts', "import { x } from '../engine';\nexport const m = x;\n").status,
    ).not.toBe(0);
    expect(
      lintAs('src/ui/probe.ts', "import { x } from '../storage/open';\nexport const m = x;\n").status,
    ).not.toBe(0);
    expect(
      lintAs('src/ui/probe.ts', "import { x } from '../state/shared/storage';\nexport const m = x;\n").status,
    ).toBe(0);
  });
});

describe('no run-time import circles', () => {
  it('finds a circle in a made-up graph, through a dynamic import too', () => {
    const graph = new Map([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['c.ts'])],
      ['c.ts', new Set(['a.ts'])],
      ['d.ts', new Set(['a.ts'])],
    ]);
    expect(importCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const code =
      "import type { A } from './a';\nimport { type B } from './b';\n// import('./c')\nconst d = () => import('./d');\nexport { e } from './e';\nnew Worker(new URL('./f.worker.ts', import.meta.url));";
    expect(runtimeSpecifiers(code)).toEqual(['./e', './d', './f.worker.ts']);
  });
  it('src has none (value, re-export, side-effect, dynamic and worker imports count; type-only ones do not)', () => {
    expect(importCircles(importGraph('src'))).toEqual([]);
  });
});

/** ui folders that compose other features: they may use any room of state. */
const COMPOSERS = new Set(['pages', 'shell']);
/** Where one feature embeds another: the ui folder, then the state room it may use besides its own and shared/. */
const EMBEDS = new Set([
  'course→classroom', // "Assign this week" makes a classroom assignment
  'drill→library', // Train's music: drills on the learner's imported songs
  'drill→path', // a drill inside today's workout, and the kinds' lesson links
  'lessons→mixer', // a lesson's mixer block is a small Mix page
  'settings→classroom', // the school record store (LRS) panel
]);

describe('state is in rooms named like the UI', () => {
  const rooms = readdirSync('src/state', { withFileTypes: true });
  it('has at most ten files at its top level, and every room but shared/ has a ui folder of its name', () => {
    expect(rooms.filter((e) => e.isFile()).length).toBeLessThanOrEqual(10);
    const uiFolders = new Set(readdirSync('src/ui'));
    const strays = rooms.filter((e) => e.isDirectory() && e.name !== 'shared' && !uiFolders.has(e.name));
    expect(strays.map((e) => e.name)).toEqual([]);
  });
  it('a ui folder uses its own room, shared/, and only the embeds listed here (types included)', () => {
    const found = new Set<string>();
    for (const [file, targets] of importGraph('src/ui', true)) {
      const ui = file.split(sep)[2]!;
      if (COMPOSERS.has(ui)) continue;
      for (const target of targets) {
        const room = target.startsWith(`src${sep}state${sep}`) ? target.split(sep)[2]! : null;
        if (room && room !== ui && room !== 'shared') found.add(`${ui}→${room}`);
      }
    }
    expect([...found].filter((edge) => !EMBEDS.has(edge))).toEqual([]);
    expect([...EMBEDS].filter((edge) => !found.has(edge))).toEqual([]); // no stale entries
  });
});
