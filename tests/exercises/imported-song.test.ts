import { describe, expect, it } from 'vitest';
import { songHashOf } from '../../src/classroom/imported-song-hash';
import { check, JND_DB } from '../../src/exercises/comp-match/check';
import type { CompMatchQuestion } from '../../src/exercises/comp-match/meta';
import { importedAudibility as compSpotAudible } from '../../src/exercises/comp-spot/generate';
import { importedAudibility as delayTimeAudible } from '../../src/exercises/delay-time/generate';
import { importedAudibility as eqBoostAudible } from '../../src/exercises/eq-boost/generate';
import { importedAudibility as eqMatchAudible } from '../../src/exercises/eq-match/generate';
import { importedAudibility as eqTwoAudible } from '../../src/exercises/eq-two-bands/generate';
import { importedAudibility as faderAudible } from '../../src/exercises/fader-balance/generate';
import { importedAudibility as filtersAudible } from '../../src/exercises/filters/generate';
import { importedAudibility as fixMixAudible } from '../../src/exercises/fix-mix/imported';
import { importedAudibility as levelAudible } from '../../src/exercises/level-change/generate';
import { importedAudibility as loudnessAudible } from '../../src/exercises/loudness/generate';
import { matchingOffsetDb, sourceBands } from '../../src/exercises/loudness-match/generate';
import type { LoudnessMatchQuestion } from '../../src/exercises/loudness-match/meta';
import { importedAudibility as mixMatchAudible } from '../../src/exercises/mix-match/imported';
import { importedAudibility as panAudible } from '../../src/exercises/pan-position/generate';
import { exercises } from '../../src/exercises/registry';
import { importedAudibility as resonanceAudible } from '../../src/exercises/resonance/generate';
import { importedAudibility as reverbTimeAudible } from '../../src/exercises/reverb-time/generate';
import { importedAudibility as reverbTypeAudible } from '../../src/exercises/reverb-type/generate';
import { importedAudibility as saturationAudible } from '../../src/exercises/saturation/generate';
import { isAudible } from '../../src/exercises/shared/audibility';
import {
  generateOnImported,
  IMPORTED_KINDS,
  IMPORTED_REASONS,
  importedFitProblem,
  importedLevelProblem,
  takesImported,
} from '../../src/exercises/shared/imported-kinds';
import {
  activeTracks,
  bodyLoops,
  type ImportedSongSummary,
  loopActivity,
  loopCandidates,
  loopOf,
  summaryProblem,
} from '../../src/exercises/shared/imported-song';
import { summariseImportedSong } from '../../src/exercises/shared/imported-summary';
import { importedAudibility as widthAudible } from '../../src/exercises/stereo-width/generate';
import type { ImportedSongSource } from '../../src/exercises/types';

import { hash, RATE, summary, tracks } from './imported-fixtures';

describe('the import summary', () => {
  it('is plain JSON, valid, and the same whatever order the files came in', () => {
    expect(summaryProblem(summary)).toBeNull();
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const reversed = summariseImportedSong('Test song', hash, [...tracks].reverse(), RATE);
    expect(reversed).toEqual(summary);
    expect(summary.durationS).toBe(24);
    expect(summary.tracks.map((t) => t.name).sort()).toEqual(['Bass', 'Hats', 'Kick', 'Room', 'Vocal']);
    for (const t of summary.tracks) {
      expect(t.levelsDb).toHaveLength(48);
      expect(t.bandsDb).toHaveLength(6);
    }
  });

  it('measures levels and spectra where they are', () => {
    const byName = (n: string) => summary.tracks.find((t) => t.name === n)!;
    // A 0.3 sine: mean square 0.045 = −13.5 dBFS.
    expect(byName('Bass').levelsDb[20]).toBeCloseTo(-13.5, 0);
    expect(byName('Bass').levelsDb[2]).toBe(-70);
    const bassBands = byName('Bass').bandsDb[3]!;
    // The 80 Hz band holds the tone: the loudest, 20 dB above its neighbour at 160 Hz.
    const i80 = bassBands.indexOf(Math.max(...bassBands));
    expect(i80).toBe(5); // 25, 31.5, 40, 50, 63, 80
    expect(bassBands[i80]! - bassBands[i80 + 3]!).toBeGreaterThan(20);
    expect(byName('Vocal').levelsDb[10]).toBe(-70);
    expect(byName('Vocal').levelsDb[30]).toBeGreaterThan(-20);
  });

  it('picks loops in the body of the song where the parts play', () => {
    expect(loopCandidates(summary)).toHaveLength(5);
    const body = bodyLoops(summary);
    // The kick-only intro (segment 0) is far quieter than the body: never a loop.
    expect(body.every((l) => l.firstSegment >= 1)).toBe(true);
    const vocal = summary.tracks.find((t) => t.name === 'Vocal')!;
    expect(loopActivity(vocal, { firstSegment: 1, segments: 2 })).toBeCloseTo(0.5, 5);
    expect(loopActivity(vocal, { firstSegment: 2, segments: 2 })).toBe(1);
    // The room track is 60 dB down but plays throughout: active, judged by its own loudest window.
    expect(activeTracks(summary, { firstSegment: 2, segments: 2 }).map((t) => t.name)).toContain('Room');
  });
});

const audibleBy: Record<string, (q: never, s: ImportedSongSummary) => ReturnType<typeof levelAudible>> = {
  'level-change': levelAudible,
  'fader-balance': faderAudible,
  loudness: loudnessAudible,
  'eq-boost': eqBoostAudible,
  'eq-two-bands': eqTwoAudible,
  filters: filtersAudible,
  'pan-position': panAudible,
  'stereo-width': widthAudible,
  'eq-match': eqMatchAudible,
  resonance: resonanceAudible,
  'comp-spot': compSpotAudible,
  'reverb-time': reverbTimeAudible,
  'reverb-type': reverbTypeAudible,
  saturation: saturationAudible,
  'delay-time': delayTimeAudible,
  'mix-match': mixMatchAudible,
  'fix-mix': fixMixAudible,
  // A matching kind: the untouched compressor is at least four just-noticeable amounts (2 dB) from the reference.
  'comp-match': (q: CompMatchQuestion) => ({
    planted: check(q, q.start).details?.startDistanceDb as number,
    required: 4 * JND_DB,
  }),
  // A matching kind: its start is at least four just-noticeable amounts (2 dB) from the loudness match, and the
  // match is the one predicted from the loop's spectrum in the summary.
  'loudness-match': (q: LoudnessMatchQuestion, s: ImportedSongSummary) => {
    const match = matchingOffsetDb(sourceBands(q, s), q.tone);
    const consistent = Math.abs(q.startDb + q.referenceDb - match) < 0.11;
    return consistent
      ? { planted: Math.abs(q.referenceDb), required: 2 }
      : { planted: 0, required: 2, reason: 'off' };
  },
};

describe('questions on an imported song', () => {
  for (const kind of Object.keys(IMPORTED_KINDS)) {
    it(`${kind}: deterministic, valid, audible per the summary, every level × 30 seeds`, () => {
      const k = exercises[kind as keyof typeof exercises];
      const judge = audibleBy[kind]!;
      let count = 0;
      let carried = 0;
      for (let level = 1; level <= k.meta.levels.length; level++) {
        // A level the song cannot carry (mix-match's compression and sends levels) says why instead.
        if (importedFitProblem(kind, summary, level)) continue;
        carried++;
        for (let seed = 1; seed <= 30; seed++) {
          const q = generateOnImported(kind, seed * 7919, level, summary) as unknown as Record<
            string,
            unknown
          > & {
            source: ImportedSongSource;
          };
          expect(generateOnImported(kind, seed * 7919, level, summary)).toEqual(q);
          expect(JSON.parse(JSON.stringify(q))).toEqual(q);
          // comp-match names its part with its loop (its `stem`); the others carry a `source`.
          const source = (q.source ?? q.stem) as ImportedSongSource;
          expect(source.type).toBe('imported-song');
          expect(source.hash).toBe(hash);
          const loop = loopOf(summary, source)!;
          expect(loop).not.toBeNull();
          expect(loop.firstSegment).toBeGreaterThanOrEqual(1);
          const a = judge(q as never, summary);
          expect(isAudible(a), `${kind} L${level} seed ${seed}: ${JSON.stringify(a)}`).toBe(true);
          // Every track a question lists plays in three quarters of its loop.
          for (const t of (q.tracks as { id: string }[] | undefined) ?? []) {
            const track = summary.tracks.find((s) => s.key === t.id)!;
            expect(loopActivity(track, loop)).toBeGreaterThanOrEqual(0.75);
          }
          const solved = (k.solve as (x: unknown) => unknown)(q);
          expect((k.check as (x: unknown, y: unknown) => { score: number })(q, solved).score).toBe(100);
          count++;
        }
      }
      expect(count).toBe(carried * 30);
    });
  }

  it('adaptive questions on an imported song carry their value and stay audible', () => {
    for (const kind of ['level-change', 'loudness', 'eq-boost', 'eq-two-bands', 'filters']) {
      for (const value of [0.5, 2, 8]) {
        const q = generateOnImported(kind, 99, 1, summary, value) as { adaptiveValue?: number };
        const mv = exercises[kind as keyof typeof exercises].meta.mainVariable!;
        expect(q.adaptiveValue).toBeCloseTo(Math.min(mv.max, Math.max(mv.min, value)), 5);
        expect(isAudible(audibleBy[kind]!(q as never, summary))).toBe(true);
      }
    }
  });

  it('every kind either takes imported songs or says why not, in words', () => {
    for (const id of Object.keys(exercises)) {
      const takes = id in IMPORTED_KINDS;
      expect(takes || (IMPORTED_REASONS[id] ?? '').length > 20, id).toBe(true);
      expect(importedFitProblem(id, summary) === null).toBe(takes);
    }
  });

  it('fix-mix is offered on imported songs on levels 1 and 2; levels 3 and 4 say why', () => {
    expect(takesImported('fix-mix')).toBe(true);
    expect(IMPORTED_REASONS['fix-mix']).toBeUndefined();
    expect(importedLevelProblem('fix-mix', 1)).toBeNull();
    expect(importedLevelProblem('fix-mix', 3)).toMatch(/^Level 3 grades compression/);
    expect(importedLevelProblem('fix-mix', 4)).toMatch(/^Level 4 adds problems in the parts themselves/);
    expect(() => generateOnImported('fix-mix', 1, 4, summary)).toThrow(/^Level 4/);
  });

  it('a song with one part cannot be used for the drills that need two', () => {
    const solo = summariseImportedSong('Solo', songHashOf([tracks[0]!.fileHash]), [tracks[0]!], RATE);
    expect(importedFitProblem('level-change', solo)).toMatch(/2 parts/);
    expect(importedFitProblem('loudness', solo)).toBeNull();
    expect(() => generateOnImported('prod-or-mix', 1, 1, summary)).toThrow(/notes and instruments/);
  });

  it('a damaged or short summary is refused with a reason', () => {
    expect(summaryProblem(null)).toBe('Headroom has not measured it for drills: import its stems again');
    expect(summaryProblem({ ...summary, hash: 'abc' })).toBe(
      'its measurements for drills are damaged: import its stems again',
    );
    expect(summaryProblem({ ...summary, version: 0 })).toBe(
      'it was measured for drills by another version of Headroom, which this one cannot read: import its stems again',
    );
    expect(summaryProblem({ ...summary, tracks: [] })).toMatch(/damaged: import its stems again/);
    const short = summariseImportedSong(
      'Short',
      hash,
      tracks.map((t) => ({ ...t, channels: [t.channels[0]!.slice(0, RATE * 3)] })),
      RATE,
    );
    expect(summaryProblem(short)).toMatch(/shorter than 4 seconds/);
  });

  it('says why in words a beginner knows (no “summary”, “summarised” or “content hash”)', () => {
    const jargon = /summar|content hash/i;
    for (const reason of Object.values(IMPORTED_REASONS)) expect(reason).not.toMatch(jargon);
    for (const bad of [null, { ...summary, version: 0 }, { ...summary, hash: 'x' }, { ...summary, name: 1 }])
      expect(summaryProblem(bad)).not.toMatch(jargon);
  });
});
