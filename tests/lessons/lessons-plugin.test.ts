import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsPlugin } from '../../src/lessons/build/lessons-plugin';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** Runs the plugin's hooks the way Vite does, with a context whose `error` throws like Vite's. */
function harness(dir: string) {
  const plugin = lessonsPlugin({ dir });
  const watched: string[] = [];
  const ctx = {
    addWatchFile: (f: string) => watched.push(f),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  (plugin.configResolved as Hook).call(ctx, { root: process.cwd() });
  return {
    watched,
    buildStart: () => (plugin.buildStart as Hook).call(ctx),
    load: (id: string) =>
      (plugin.load as Hook).call(ctx, (plugin.resolveId as Hook).call(ctx, id)) as Promise<string>,
  };
}

const GOOD = `---
id: tiny
title: Tiny
track: mixing
order: 1
minutes: 1
objectives: [One]
prerequisites: []
version: 1
---
## Only
::listen{song="pink" a="flat" b="gain -3"}

::exercise{kind="eq-boost" level=1}
`;

describe('the lessons Vite plugin', () => {
  it('turns lessons into an index module and one module per lesson', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-ok-'));
    writeFileSync(join(dir, 'a.md'), GOOD);
    writeFileSync(join(dir, 'README.md'), '# not a lesson');
    const h = harness(dir);
    await h.buildStart();
    expect(h.watched).toEqual([join(dir, 'a.md')]);
    const index = await h.load('virtual:lessons');
    expect(index).toContain('"id":"tiny"');
    expect(index).toContain('import("virtual:lessons/tiny")');
    expect(index).not.toContain('"steps"');
    const one = await h.load('virtual:lessons/tiny');
    expect(one).toMatch(/^export default JSON\.parse\(/);
    expect(one).toContain('eq-boost');
  }, 30_000);

  it('fails the build with file, line and reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-bad-'));
    writeFileSync(join(dir, 'bad.md'), GOOD.replace('::listen', '::lissen'));
    const h = harness(dir);
    await expect(h.buildStart()).rejects.toThrow(/bad\.md:12: unknown directive "::lissen"/);
  }, 30_000);
});
