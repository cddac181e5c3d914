import { describe, expect, it } from 'vitest';
import { lessonPath } from '../../src/training/lesson-path';
import type { AttemptRecord } from '../../src/training/progress-records';
import { findStage, meetsMastery, readyLevel, skillMap } from '../../src/training/skill-map';
import { completed, LESSONS, PATH_KINDS, statesOf } from './path-fixtures';
import { at, attempt, D0 } from './progress-fixtures';

function run(exercise: string, skill: string, level: number, scores: number[], day = D0): AttemptRecord[] {
  return scores.map((score, i) => attempt(exercise, skill, score, at(day, 9, i), { level }));
}
const right = (n: number) => Array.from({ length: n }, () => 100);
const wrong = (n: number) => Array.from({ length: n }, () => 20);

describe('the lesson path', () => {
  it('puts every lesson after the lessons it builds on, production first on a tie', () => {
    const path = lessonPath(LESSONS);
    expect(path.map((l) => l.id).slice(0, 6)).toEqual([
      'what-is-production',
      'what-is-mixing',
      'idea-to-parts',
      'monitoring',
      'production-vs-mixing',
      'faders-and-headroom',
    ]);
    const place = new Map(path.map((l, i) => [l.id, i]));
    for (const l of path)
      for (const p of l.prerequisites) expect(place.get(p) as number).toBeLessThan(place.get(l.id) as number);
  });
});

describe('the skill map', () => {
  it('gives every skill a ladder with named stages and a stated criterion', () => {
    const map = skillMap([], PATH_KINDS, LESSONS, {});
    const eq = map.find((p) => p.skill === 'eq');
    expect(eq?.stages.map((s) => s.id)).toEqual([
      'eq-boost@1',
      'eq-match@1',
      'eq-boost@2',
      'eq-match@2',
      'eq-boost@3',
      'eq-boost@4',
    ]);
    expect(eq?.stages[0]).toMatchObject({
      name: 'EQ 1',
      status: 'new',
      lessonId: 'eq-basics',
      lessonDone: false,
      criterion:
        'Spot the EQ boost, level 1 (Three bands): right (a score of 70 or more) in 80 % of your last 20 answers',
    });
    // A drill no lesson embeds is taught by the lesson of its skill.
    expect(findStage(map, 'eq-match', 1)?.lessonId).toBe('eq-basics');
    // Whole mixes are judged on fewer, longer answers.
    expect(findStage(map, 'mix-match', 1)?.criterion).toMatch(/4 of your last 5 mixes$/);
    expect(map.map((p) => p.skill)).toEqual([
      'faders',
      'pan',
      'eq',
      'compression',
      'space',
      'production',
      'mixing',
    ]);
  });

  it('masters a stage at 16 of the last 20 right, not at 15, and not before 20 answers', () => {
    expect(meetsMastery([...wrong(4), ...right(16)], 20)).toBe(true);
    expect(meetsMastery([...wrong(5), ...right(15)], 20)).toBe(false);
    expect(meetsMastery(right(19), 20)).toBe(false);
    // Only the latest 20 count: old misses fall out of the window.
    expect(meetsMastery([...wrong(30), ...right(20)], 20)).toBe(true);
    const map = skillMap(
      run('level-change', 'faders', 1, [...wrong(5), ...right(15)]),
      PATH_KINDS,
      LESSONS,
      {},
    );
    expect(findStage(map, 'level-change', 1)).toMatchObject({
      status: 'working',
      answers: 20,
      right: 15,
      share: 0.75,
    });
  });

  it('counts lower levels as mastered once a higher level is, and the ready level is the first open one', () => {
    const attempts = run('eq-boost', 'eq', 3, right(20));
    const map = skillMap(attempts, PATH_KINDS, LESSONS, statesOf(completed('eq-basics', D0)));
    expect(findStage(map, 'eq-boost', 1)).toMatchObject({
      status: 'mastered',
      passedAbove: true,
      lessonDone: true,
    });
    expect(findStage(map, 'eq-boost', 3)).toMatchObject({ status: 'mastered', passedAbove: false });
    expect(readyLevel(map, 'eq-boost')).toBe(4);
    expect(map.find((p) => p.skill === 'eq')?.current?.id).toBe('eq-match@1');
  });

  it('keeps a learner who skipped ahead on the higher level while they cope with it (60 % right)', () => {
    const coping = run('eq-boost', 'eq', 2, [...wrong(3), ...right(7)]);
    expect(readyLevel(skillMap(coping, PATH_KINDS, LESSONS, {}), 'eq-boost')).toBe(2);
    const struggling = run('eq-boost', 'eq', 2, [...wrong(5), ...right(5)]);
    expect(readyLevel(skillMap(struggling, PATH_KINDS, LESSONS, {}), 'eq-boost')).toBe(1);
  });

  it('leaves adaptive answers out of the stages', () => {
    const adaptive = run('eq-boost', 'eq', 3, right(25)).map((a) => ({
      ...a,
      question: { kind: 'eq-boost', adaptiveValue: 3 },
    }));
    expect(findStage(skillMap(adaptive, PATH_KINDS, LESSONS, {}), 'eq-boost', 3)?.status).toBe('new');
  });
});

describe('the skill map of the real registry', () => {
  it('has every element of a mix as a skill, stereo width and distortion included, in teaching order', async () => {
    const { registryKinds } = await import('../../src/state/path/path-kinds');
    const map = skillMap([], registryKinds(), LESSONS, {});
    expect(map.map((s) => s.label)).toEqual([
      'Faders',
      'Panning',
      'Stereo width',
      'EQ',
      'Compression',
      'Distortion',
      'Reverb & delay',
      'Production or mixing',
      'Whole mixes',
    ]);
    const kindsOf = (label: string) => [
      ...new Set(map.find((s) => s.label === label)?.stages.map((x) => x.kind)),
    ];
    expect(kindsOf('Stereo width')).toEqual(['stereo-width']);
    expect(kindsOf('Distortion')).toEqual(['saturation']);
  });
});
