/**
 * comp-match's answer (issue 15): only the knobs the level turns are sliders; the others are printed as plain
 * fixed values that take no focus, drag or keys, and the sentence above them names only the knobs that turn.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompressorSettings } from '../../../src/dsp/compressor';
import { type CompMatchQuestion, type CompParam, meta } from '../../../src/exercises/comp-match/meta';
import { CompMatchAnswerView, compKnobsInWords } from '../../../src/ui/drill/answers/match-answers';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const REF: CompressorSettings = {
  thresholdDb: -24,
  ratio: 4,
  kneeDb: 6,
  attackMs: 10,
  releaseMs: 120,
  makeupDb: 0,
};

/** A question of `level` (only what the answer view reads: start, controls, knee). */
function question(level: number): CompMatchQuestion {
  const controls = [...meta.levels[level - 1]!.params.controls] as CompParam[];
  return {
    kind: 'comp-match',
    seed: 1,
    level,
    reference: REF,
    start: { ...REF, thresholdDb: -12 },
    controls,
    stem: { type: 'song', style: 'pop', seed: 1, startS: 0, durationS: 4, track: 'kick' } as never,
  };
}

async function drag(el: Element, fromY: number, toY: number) {
  const at = (type: string, clientY: number) =>
    el.dispatchEvent(
      new PointerEvent(type, {
        pointerId: 3,
        pointerType: 'mouse',
        button: 0,
        clientY,
        bubbles: true,
        cancelable: true,
      }),
    );
  await act(() => {
    at('pointerdown', fromY);
    at('pointermove', toY);
    at('pointerup', toY);
  });
}

async function show(level: number, changes: CompressorSettings[]) {
  const keys = { current: null };
  await act(() =>
    render(
      <CompMatchAnswerView
        question={question(level)}
        answer={null}
        onChange={(a) => changes.push(a)}
        locked={false}
        keys={keys}
      />,
      root,
    ),
  );
}

describe('comp-match answer: fixed knobs are not sliders', () => {
  it('level 1: one slider (threshold); ratio, attack, release, makeup and knee read as fixed values', async () => {
    const changes: CompressorSettings[] = [];
    await show(1, changes);
    const sliders = [...root.querySelectorAll('[role="slider"]')];
    expect(sliders.map((s) => s.getAttribute('aria-label'))).toEqual(['Your compressor threshold']);
    expect(root.querySelector('.comp-turn')?.textContent).toBe(
      'Turn the threshold until your compressor does the same as the reference.',
    );
    const fixed = [...root.querySelectorAll('.comp-fixed-value')].map((e) => e.textContent);
    expect(fixed).toEqual(['ratio 4:1', 'attack 10 ms', 'release 120 ms', 'makeup 0.0 dB', 'knee 6 dB']);
    // Nothing among the fixed values can take focus, and dragging or pressing keys on them changes nothing.
    for (const el of root.querySelectorAll('.comp-fixed, .comp-fixed *')) {
      expect((el as HTMLElement).tabIndex).toBe(-1);
      expect(el.getAttribute('role')).toBeNull();
      await drag(el, 400, 100);
      await act(() => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }));
      });
    }
    expect(changes).toEqual([]);
    // The one live knob does turn (so the test above can tell a dead control from a live one).
    await drag(sliders[0]!, 400, 300);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.at(-1)!.thresholdDb).toBeGreaterThan(-12);
    expect(changes.at(-1)!.ratio).toBe(4);
  });

  it.each([
    [2, ['threshold', 'ratio'], 'the threshold and the ratio'],
    [3, ['threshold', 'ratio', 'attack', 'release'], 'the threshold, ratio, attack and release'],
    [4, ['threshold', 'ratio', 'attack', 'release', 'makeup'], 'all five knobs'],
  ] as const)(
    'level %i: sliders only for the knobs that turn, named in the sentence',
    async (level, knobs, words) => {
      await show(level, []);
      const labels = [...root.querySelectorAll('[role="slider"]')].map((s) => s.getAttribute('aria-label'));
      expect(labels).toEqual(knobs.map((k) => `Your compressor ${k}`));
      expect(compKnobsInWords(question(level).controls)).toBe(words);
      expect(root.querySelector('.comp-turn')?.textContent).toContain(`Turn ${words} until`);
      expect(root.querySelectorAll('.comp-fixed-value')).toHaveLength(5 - knobs.length + 1);
    },
  );
});
