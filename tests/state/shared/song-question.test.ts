import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exercises } from '../../../src/exercises/registry';
import { FIXTURE_CASES } from './question-fixture';

const FILE = new URL('./question-fixture.json', import.meta.url);

/** Node's pure generate for every fixture case (synthesis: no bank installed here). */
function generateAll(): unknown[] {
  return FIXTURE_CASES.map(({ kind, seed, level, value }) => {
    const k = exercises[kind];
    return value !== null && k.generateAt ? k.generateAt(seed, value) : k.generate(seed, level);
  });
}

describe('question fixture (the reference for questions made in the song Worker)', () => {
  it("equals Node's generate, and survives a structured clone (what the Worker sends back) unchanged", () => {
    const questions = generateAll();
    if (process.env.HEADROOM_WRITE_FIXTURE) writeFileSync(FILE, `${JSON.stringify(questions, null, 1)}\n`);
    const stored = JSON.parse(readFileSync(FILE, 'utf8')) as unknown[];
    expect(stored).toEqual(JSON.parse(JSON.stringify(questions)));
    // Doubles round-trip through JSON exactly; nothing in a question is lost in a clone.
    for (const q of questions) expect(structuredClone(q)).toEqual(q);
    expect(JSON.parse(JSON.stringify(questions))).toEqual(questions);
  }, 120_000);
});
