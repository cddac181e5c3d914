import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizAttempt } from '../../../src/lessons/progress.pure';
import { choiceOrder, keyPositions } from '../../../src/lessons/quiz-order.pure';
import type { LessonSummary, QuizBlock as QuizData, QuizQuestion } from '../../../src/lessons/schema';
import { QuizBlock } from '../../../src/ui/lessons/blocks/quiz-block';
import { listenBlock } from '../../state/lessons/listen-fixtures';

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}
const lesson = { id: 'eq-basics' } as LessonSummary;

const question = (n: number): QuizQuestion => ({
  promptHtml: `<p>Question ${n}?</p>`,
  line: n,
  choices: ['Right', 'Wrong one', 'Wrong two', 'Wrong three'].map((text, c) => ({
    html: `${text} ${n}`,
    correct: c === 0,
    explanationHtml: `<p>Why ${text} ${n}.</p>`,
  })),
});
const quiz: QuizData = { type: 'quiz', id: 'q', pass: 75, line: 1, questions: [1, 2, 3, 4].map(question) };

const shown = (root: HTMLElement) =>
  [...root.querySelectorAll('.quiz-question')].map((q) =>
    [...q.querySelectorAll('.quiz-option span')].map((s) => s.textContent),
  );
const seedOf = (root: HTMLElement) => Number(root.querySelector('.quiz')?.getAttribute('data-quiz-seed'));
const pickRight = async (root: HTMLElement) => {
  for (const q of root.querySelectorAll('.quiz-question')) {
    const right = [...q.querySelectorAll('.quiz-option')].find((o) => o.textContent?.startsWith('Right'));
    right?.querySelector('input')?.click();
  }
  await expect
    .poll(() => root.querySelector<HTMLButtonElement>('.quiz-actions .btn-primary')?.disabled)
    .toBe(false);
  root.querySelector<HTMLButtonElement>('.quiz-actions .btn-primary')?.click();
};

describe('quiz block', () => {
  it('shows the order its seed gives, records the seed, and a retry after the key moves every answer and counts as a retry', async () => {
    const attempts: QuizAttempt[] = [];
    const root = mount(
      <QuizBlock
        block={quiz}
        lesson={lesson}
        best={undefined}
        onScore={() => undefined}
        onAttempt={(a) => attempts.push(a)}
      />,
    );
    const seed = seedOf(root);
    const order = choiceOrder(quiz.questions, seed);
    expect(shown(root)).toEqual(
      quiz.questions.map((q, i) => (order[i] ?? []).map((c) => q.choices[c]?.html)),
    );

    await pickRight(root);
    await expect
      .poll(() => root.querySelector('.quiz-result')?.textContent)
      .toBe('4 of 4 right (100%). Passed. First try.');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      seed,
      picks: [0, 0, 0, 0],
      score: 100,
      passed: true,
      afterKey: false,
    });

    [...root.querySelectorAll<HTMLButtonElement>('.quiz-actions button')]
      .find((b) => b.textContent === 'Try again')
      ?.click();
    await expect.poll(() => seedOf(root)).not.toBe(seed);
    const retry = seedOf(root);
    const before = keyPositions(quiz.questions, order);
    const after = keyPositions(quiz.questions, choiceOrder(quiz.questions, retry));
    for (const [i, p] of after.entries()) expect(p, `question ${i + 1}`).not.toBe(before[i]);
    expect(shown(root).map((q) => q.findIndex((t) => t?.startsWith('Right')))).toEqual(after);

    await pickRight(root);
    await expect
      .poll(() => root.querySelector('.quiz-result')?.textContent)
      .toBe(
        '4 of 4 right (100%). Passed. You had seen the answers before this try, so it counts as passed on a retry, not on the first try.',
      );
    expect(attempts[1]).toMatchObject({ seed: retry, score: 100, afterKey: true });
  });

  it('a quiz whose answers were shown on an earlier visit starts as a retry, in a new order', async () => {
    const attempts: QuizAttempt[] = [];
    const first: QuizAttempt = {
      seed: 77,
      picks: [1, 1, 1, 1],
      score: 0,
      passed: false,
      afterKey: false,
      at: 1,
    };
    const root = mount(
      <QuizBlock
        block={quiz}
        lesson={lesson}
        best={0}
        onScore={() => undefined}
        history={{ first, count: 1, recent: [first] }}
        onAttempt={(a) => attempts.push(a)}
      />,
    );
    const before = keyPositions(quiz.questions, choiceOrder(quiz.questions, 77));
    const now = keyPositions(quiz.questions, choiceOrder(quiz.questions, seedOf(root)));
    for (const [i, p] of now.entries()) expect(p).not.toBe(before[i]);
    await pickRight(root);
    await expect.poll(() => attempts.length).toBe(1);
    expect(attempts[0]?.afterKey).toBe(true);
  });

  it('a listening question keeps its choices closed until A and B were both played, and hides what each side changes', async () => {
    const listen = listenBlock('flat', 'bell 1k +9', { aLabel: 'A', bLabel: 'B', id: 'q-listen-1' });
    const block: QuizData = {
      ...quiz,
      questions: [{ ...question(1), listen }, question(2), question(3)],
    };
    const root = mount(
      <QuizBlock block={block} lesson={lesson} best={undefined} onScore={() => undefined} />,
    );
    const first = () => [
      ...root.querySelectorAll<HTMLInputElement>('.quiz-question')[0]!.querySelectorAll('input'),
    ];
    const second = () => [
      ...root.querySelectorAll<HTMLInputElement>('.quiz-question')[1]!.querySelectorAll('input'),
    ];
    expect(first().every((i) => i.disabled)).toBe(true);
    expect(second().some((i) => i.disabled)).toBe(false);
    const sides = () => [...root.querySelectorAll<HTMLButtonElement>('.quiz-listen .listen-side')];
    // The sides say only "A" and "B": no "bell at 1 kHz" to read the answer from.
    expect(sides().map((s) => s.textContent)).toEqual(['AAListen', 'BBListen']);
    expect(root.querySelector('.quiz-listen-hint')?.textContent).toContain('Play A and B first');

    await expect.poll(() => sides()[0]?.disabled, { timeout: 45_000 }).toBe(false);
    // A click whose context resume outlasts startAudio's 1.5 s wait plays nothing (a learner clicks again):
    // click A again until it has played. (The CI failures of this step were a Vite reload, fixed in the config.)
    await expect
      .poll(
        () => {
          const hint = root.querySelector('.quiz-listen-hint')?.textContent ?? '';
          if (hint.includes('Play A and B first') && !sides()[0]?.disabled) sides()[0]?.click();
          return hint;
        },
        { timeout: 45_000, interval: 2000 },
      )
      .toContain('Play B first');
    expect(first().every((i) => i.disabled)).toBe(true);
    sides()[1]?.click();
    await expect
      .poll(() => root.querySelector('.quiz-listen-hint')?.textContent, { timeout: 45_000 })
      .toBe('You have heard A and B: now choose.');
    expect(first().some((i) => i.disabled)).toBe(false);
  }, 120_000);
});
