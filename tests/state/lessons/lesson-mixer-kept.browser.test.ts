import { afterEach, describe, expect, it } from 'vitest';
import type { MixerBlock } from '../../../src/lessons/schema';
import { createLessonMixer, type LessonMixer } from '../../../src/state/lessons/lesson-mixer';
import { lessonStates, lessons, loadLessonStates, savedLessonMixer } from '../../../src/state/shared/lessons';
import { database } from '../../../src/state/shared/storage';
import { fakeLoader, fakeSong } from './listen-fixtures';

const lesson = lessons[0]!;
const block = (tracks: MixerBlock['tracks']): MixerBlock => ({
  type: 'mixer',
  line: 1,
  id: 'kept-mixer-test',
  source: { type: 'song', style: 'pop', seed: 3 },
  tracks,
  controls: ['fader', 'pan'],
  start: 'down',
  caption: '',
});
const song = fakeSong(8000, ['kick', 'snare', 'bass', 'chords', 'vocal']);
let made: LessonMixer[] = [];
afterEach(() => {
  for (const m of made) m.dispose();
  made = [];
});
async function open(tracks: MixerBlock['tracks']): Promise<LessonMixer> {
  const m = createLessonMixer(block(tracks), { loadSong: fakeLoader(song), lesson });
  made.push(m);
  await m.load();
  return m;
}

describe('a lesson mixer keeps what the learner did', () => {
  it('comes back with the faders and pans where they were left, and starts fresh when the block’s tracks change', async () => {
    await database();
    const first = await open(['bass', 'vocal']);
    expect(first.model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    first.model.setFader(0, -7.5);
    first.model.setPan(1, 0.4);
    // Leaving the lesson keeps the last change at once (no waiting for the pause).
    first.dispose();
    made = [];
    await expect.poll(() => savedLessonMixer(lesson, 'kept-mixer-test')).not.toBeNull();
    // A reload: what is in memory goes, the lesson's progress is read back from storage.
    await expect
      .poll(async () => {
        lessonStates.value = {};
        await loadLessonStates();
        return savedLessonMixer(lesson, 'kept-mixer-test');
      })
      .not.toBeNull();

    const again = await open(['bass', 'vocal']);
    expect(again.model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([
      -7.5,
      Number.NEGATIVE_INFINITY,
    ]);
    expect(again.model.strips.value[1]!.settings.value.pan).toBeCloseTo(0.4, 6);

    // The lesson's author changed the block: the old settings do not fit, so it starts as the block says.
    const changed = await open(['kick', 'bass', 'vocal']);
    expect(changed.model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
  });
});
