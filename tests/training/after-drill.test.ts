import { describe, expect, it } from 'vitest';
import { afterDrillSteps, mostMissedBand } from '../../src/training/after-drill';

const names = ['Three bands', 'Five bands', 'Ten octaves'];
const lesson = { id: 'eq-basics', title: 'EQ' };
const eq = (targetHz: number, score: number) => ({
  score,
  question: { kind: 'eq-boost', targetHz },
  answer: {},
});

describe('the next step after a drill', () => {
  it('offers the next level after 9 of 10 right, and nothing about lessons when all were right', () => {
    const steps = afterDrillSteps({
      kind: 'level-change',
      level: 1,
      adaptive: false,
      levelNames: names,
      answers: [
        ...Array(9).fill({ score: 100, question: {}, answer: {} }),
        { score: 50, question: {}, answer: {} },
      ],
      lesson,
    });
    expect(steps.map((s) => s.type)).toEqual(['level-up', 'lesson']);
    expect(steps[0]).toMatchObject({ level: 2, label: 'Move up to level 2: Five bands' });
    const perfect = afterDrillSteps({
      kind: 'level-change',
      level: 3,
      adaptive: false,
      levelNames: names,
      answers: Array(5).fill({ score: 100, question: {}, answer: {} }),
      lesson,
    });
    expect(perfect).toEqual([]); // top level, nothing missed
  });

  it('points at the band missed most, the level below when most were wrong, and the lesson', () => {
    const answers = [eq(250, 0), eq(250, 0), eq(1000, 0), eq(4000, 100), eq(500, 0)];
    expect(mostMissedBand(answers)).toEqual({ hz: 250, misses: 2 });
    const steps = afterDrillSteps({
      kind: 'eq-boost',
      level: 2,
      adaptive: false,
      levelNames: names,
      answers,
      lesson,
    });
    expect(steps).toEqual([
      { type: 'level-down', level: 1, label: 'Build up on level 1: Three bands' },
      { type: 'band', focusHz: 250, level: 2, label: 'Practise 250 Hz (missed 2 times)' },
      { type: 'lesson', lessonId: 'eq-basics', label: 'Read the lesson that explains it: EQ' },
    ]);
  });

  it('never suggests a level change after an adaptive drill', () => {
    const steps = afterDrillSteps({
      kind: 'eq-boost',
      level: 3,
      adaptive: true,
      levelNames: names,
      answers: Array(10).fill(eq(1000, 0)),
      lesson: null,
    });
    expect(steps.map((s) => s.type)).toEqual(['band']);
  });
});
