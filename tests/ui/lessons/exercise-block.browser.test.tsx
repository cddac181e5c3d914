import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExerciseBlock as ExerciseData, LessonSummary } from '../../../src/lessons/schema';
import { ExerciseBlock } from '../../../src/ui/lessons/blocks/exercise-block';

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

const block: ExerciseData = {
  type: 'exercise',
  line: 1,
  id: 'eq-boost-1',
  kind: 'eq-boost',
  level: 1,
  count: 3,
  pass: 70,
  caption: 'Spot the boost',
  kindTitle: 'Spot the EQ boost',
};
const lesson = { id: 'eq-basics' } as LessonSummary;

/** A key press where the focus is (the drill view listens on the document). */
const press = (key: string) =>
  (document.activeElement ?? document.body).dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true }),
  );

/** Plays the question until it has sounded (Submit waits for that), with P, the drill's play key. */
async function hear(root: HTMLElement): Promise<void> {
  if (!root.querySelector('#listen-first')) return;
  await expect
    .poll(() => root.querySelector('.player-play')?.hasAttribute('disabled'), { timeout: 30_000 })
    .toBe(false);
  press('p');
  await expect.poll(() => root.querySelector('#listen-first'), { timeout: 30_000 }).toBeNull();
}

const click = (root: HTMLElement, text: string) => {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  if (!button) throw new Error(`no button "${text}"`);
  button.click();
};

describe('exercise block', () => {
  it('runs count questions inline and reports the round’s average through onScore', async () => {
    const onScore = vi.fn();
    host = document.createElement('div');
    document.body.append(host);
    const root = host;
    render(<ExerciseBlock block={block} lesson={lesson} best={55} onScore={onScore} />, root);
    expect(root.querySelector('.block-meta')?.textContent).toContain('3 questions · pass mark 70%');
    expect(root.querySelector('.drill-status')?.textContent).toBe('Best so far: 55%.');
    click(root, 'Start the drill');
    const scores: number[] = [];
    for (let n = 1; n <= block.count; n++) {
      await expect
        .poll(() => root.querySelector('.drill-count')?.textContent, { timeout: 30_000 })
        .toBe(`Question ${n} of 3`);
      expect(Number(root.querySelector('.exercise')?.getAttribute('data-seed'))).toBeGreaterThan(0);
      // Keyboard users land on the question; answer with its keys: band n, then Enter.
      await expect.poll(() => document.activeElement?.classList.contains('drill-prompt')).toBe(true);
      await hear(root);
      press(String(n));
      await expect
        .poll(() => root.querySelector('.drill-actions button')?.hasAttribute('disabled'))
        .toBe(false);
      press('Enter');
      await expect
        .poll(() => root.querySelector('.feedback-score')?.textContent ?? '')
        .toMatch(/^\d+ \/ 100/);
      scores.push(Number.parseInt(root.querySelector('.feedback-score')!.textContent!, 10));
      expect(onScore).not.toHaveBeenCalled();
      click(root, n < block.count ? 'Next question' : 'See the summary');
    }
    const mean = Math.round(scores.reduce((s, v) => s + v, 0) / scores.length);
    await expect.poll(() => onScore.mock.calls.length).toBe(1);
    expect(onScore).toHaveBeenCalledWith(mean);
    await expect
      .poll(() => root.querySelector('.round-result')?.textContent ?? '')
      .toContain(`${mean}% average`);
    expect(root.querySelector('.drill')).toBeNull();
    expect(root.querySelector('button.btn-primary')?.textContent).toBe('Another round: 3 questions');
  }, 60_000);

  it('records nothing when the round ends early', async () => {
    const onScore = vi.fn();
    host = document.createElement('div');
    document.body.append(host);
    const root = host;
    render(<ExerciseBlock block={block} lesson={lesson} best={undefined} onScore={onScore} />, root);
    click(root, 'Start the drill');
    await expect.poll(() => document.activeElement?.classList.contains('drill-prompt')).toBe(true);
    await hear(root);
    press('1');
    press('Enter');
    await expect.poll(() => root.querySelector('.feedback-score')).not.toBeNull();
    click(root, 'End drill');
    await expect
      .poll(() => root.querySelector('.round-result')?.textContent ?? '')
      .toBe('Ended after 1 of 3 questions: only a full round counts.');
    expect(onScore).not.toHaveBeenCalled();
  }, 60_000);
});
