import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
      lintAs('src/ui/probe.ts', "import { x } from '../state/storage';\nexport const m = x;\n").status,
    ).toBe(0);
  });
});
