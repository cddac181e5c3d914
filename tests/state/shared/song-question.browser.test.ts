import { describe, expect, it } from 'vitest';
import { exercises } from '../../../src/exercises/registry';
import { installSampleBank } from '../../../src/production/sampler/sample-bank';
import { createDrill } from '../../../src/state/drill/drill';
import { generateQuestionInWorker, questionInstruments } from '../../../src/state/shared/song-stems';
import { FIXTURE_CASES } from './question-fixture';
import fixture from './question-fixture.json';

// Questions made in the song Worker are the pure generators' own: equal, field for field and bit for bit, to
// what Node made (the JSON fixture, checked against Node by song-question.test.ts) and to this page's.
describe('questions generated in the song Worker', () => {
  it("equal Node's generate with synthesis (the fixture), and record that they were made without samples", async () => {
    for (const [i, c] of FIXTURE_CASES.entries()) {
      const pending = generateQuestionInWorker(c.kind, c.seed, c.level, c.value, null);
      expect(pending).not.toBeNull();
      const question = await pending!;
      expect(question).toEqual(fixture[i]);
      expect(questionInstruments(question)).toBeNull();
    }
  }, 120_000);

  it("equal this page's own generate on synthesis, and record no instruments unless asked", async () => {
    installSampleBank(null);
    for (const c of FIXTURE_CASES.slice(0, 4)) {
      const question = await generateQuestionInWorker(c.kind, c.seed, c.level, c.value)!;
      const k = exercises[c.kind];
      const here =
        c.value !== null && k.generateAt ? k.generateAt(c.seed, c.value) : k.generate(c.seed, c.level);
      expect(question).toEqual(here);
      // Nothing recorded: its songs play with whatever this page has, like any song.
      expect(questionInstruments(question)).toBeUndefined();
    }
    expect(questionInstruments({})).toBeUndefined();
  }, 120_000);

  it("a drill shows the Worker's questions: each equals the pure generate of its seed, and its songs play", async () => {
    const session = createDrill({ kind: 'level-change', level: 1, count: 2, seed: 5 });
    try {
      // The question arrives from the Worker (not at once, as in Node).
      await expect.poll(() => session.question.value, { timeout: 60_000 }).not.toBeNull();
      const q = session.question.value!;
      expect(q).toEqual(exercises['level-change'].generate(q.seed, 1));
      expect(questionInstruments(q)).toBeUndefined();
      await expect.poll(() => session.player.status.value, { timeout: 60_000 }).toBe('ready');
    } finally {
      session.dispose();
    }
  }, 120_000);
});
