/**
 * Continue later, on an imported song: the kept place names the song by its hash, continuing finds it again and
 * asks the same remaining questions on it, and a song gone from the device is said in words with nothing
 * restored (no drill started, the place still kept).
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EqBoostQuestion } from '../../../src/exercises/eq-boost/meta';
import { exercises } from '../../../src/exercises/registry';
import { generateOnImported } from '../../../src/exercises/shared/imported-kinds';
import { summary } from '../../exercises/imported-fixtures';
import { bandSummary } from '../../exercises/imported-fixtures-more';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  drill: await import('../../../src/state/drill/drill'),
  kept: await import('../../../src/state/drill/drill-unfinished'),
  questions: await import('../../../src/state/drill/drill-questions'),
});

/** Waits until the drill leaves its "checking" phase. */
async function settle(session: { phase: { value: string } }): Promise<void> {
  await vi.waitFor(
    () => {
      if (session.phase.value === 'checking') throw new Error('The answer is still being checked.');
    },
    { timeout: 5000, interval: 5 },
  );
}

type Session = ReturnType<Awaited<ReturnType<typeof load>>['drill']['startDrill']>;

async function answerRight(s: Session): Promise<void> {
  const q = s.question.value as EqBoostQuestion;
  s.player.heard.value = true;
  s.setAnswer(exercises['eq-boost'].solve(q));
  await s.submit();
  await settle(s);
  s.next();
}

describe('an unfinished drill on an imported song', () => {
  it('keeps the song by its hash and continues on it with the same questions', async () => {
    const { drill, kept, questions } = await load();
    // The questions the drill asks straight through, on the song.
    const source = questions.createQuestionSource({
      kind: 'eq-boost',
      level: 4,
      count: 6,
      fixed: null,
      seed: 5151,
      adaptiveValue: () => null,
      song: summary,
    });
    const straight = Array.from({ length: 6 }, (_, i) => source.questionAt(i) as { item: { seed: number } });
    const title = `${exercises['eq-boost'].meta.title} on “${summary.name}”`;
    const s = drill.startDrill({ kind: 'eq-boost', level: 4, count: 6, seed: 5151, song: summary, title });
    await answerRight(s);
    await answerRight(s);
    const q3 = s.question.value as EqBoostQuestion;
    expect(q3.source).toMatchObject({ type: 'imported-song', hash: summary.hash });
    expect(q3).toEqual(generateOnImported('eq-boost', straight[2]!.item.seed, 4, summary));
    await s.placeKept();
    await kept.unfinishedWritesSettled();
    s.dispose();
    drill.drill.value = null;

    const place = (await kept.refreshUnfinishedDrills()).find((d) => d.kind === 'eq-boost')!;
    expect(place.song).toEqual({ hash: summary.hash, name: summary.name });
    expect(kept.describeUnfinished(place)).toBe('Spot the EQ boost level 4 on “Test song”, question 3 of 6');

    // Gone from the device (or another song under the same name): said in words, nothing restored.
    const gone = drill.continueDrill(place, async () => null);
    await expect(gone).rejects.toThrow(
      'your song “Test song” is not on this device any more: import the same stem files again to carry on',
    );
    const other = drill.continueDrill(place, async () => ({ ...bandSummary, name: summary.name }));
    await expect(other).rejects.toThrow(/not on this device any more/);
    expect(drill.drill.value).toBeNull();
    expect((await kept.refreshUnfinishedDrills()).find((d) => d.kind === 'eq-boost')).toEqual(place);

    // Found by its hash: the same third question, on the song, the two answers counted.
    const asked: string[] = [];
    const c = await drill.continueDrill(place, async (hash) => {
      asked.push(hash);
      return hash === summary.hash ? summary : null;
    });
    expect(asked).toEqual([summary.hash]);
    expect(c.index.value).toBe(2);
    expect(c.question.value).toEqual(q3);
    expect(c.title).toBe(title);
    expect(c.answers.value).toHaveLength(2);
    await answerRight(c);
    expect((c.question.value as EqBoostQuestion).source).toMatchObject({ type: 'imported-song' });
    expect(c.question.value!.seed).toBe(straight[3]!.item.seed);
    drill.closeDrill();
  });

  it('a kept place with a malformed song is not offered (storage check)', async () => {
    const { isUnfinishedDrill } = await import('../../../src/storage/unfinished-drills');
    const base = {
      kind: 'eq-boost',
      level: 1,
      adaptive: false,
      count: 5,
      seed: 1,
      sitting: 1,
      items: [{ exercise: 'eq-boost', level: 1, seed: 3 }],
      answers: [],
      updatedAt: 1,
    };
    expect(isUnfinishedDrill(base)).toBe(true);
    expect(isUnfinishedDrill({ ...base, song: { hash: summary.hash, name: 'X' } })).toBe(true);
    expect(isUnfinishedDrill({ ...base, song: { hash: 'abc', name: 'X' } })).toBe(false);
    expect(isUnfinishedDrill({ ...base, song: { hash: summary.hash } })).toBe(false);
  });
});
