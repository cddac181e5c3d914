import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/classroom/assignment';
import type { GradebookEntry } from '../../src/classroom/gradebook';
import type { Report } from '../../src/classroom/report';
import { check } from '../../src/exercises/mix-match/check';
import { generate } from '../../src/exercises/mix-match/generate';
import { GradebookMix, mixAttempts } from '../../src/ui/classroom/gradebook-mix';

let host: HTMLElement | null = null;
function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

const SEEDS = [9001, 9002];
const assignment: Assignment = {
  version: 1,
  id: 'mixweek1',
  title: 'Mixing week',
  instructions: '',
  items: [
    { exercise: 'eq-boost', level: 1, seeds: [5] },
    { exercise: 'mix-match', level: 2, seeds: SEEDS },
  ],
  passMark: 70,
  due: '2026-03-14',
  createdAt: 0,
  lessons: [],
};
const q = generate(SEEDS[0]!, 2);
const bass = q.tracks.findIndex((t) => t.id === 'bass');
// The bass moved 8 dB away from the reference's (since 0.3.0 the reference may sit either way of the desk as found).
const away = q.reference[bass]!.faderDb >= q.start[bass]!.faderDb ? -8 : 8;
const answer = { tracks: q.start.map((t, i) => (i === bass ? { ...t, faderDb: t.faderDb + away } : t)) };

function entryWith(attempts: Report['items'][number]['attempts']): GradebookEntry {
  const report = {
    version: 1,
    assignmentId: assignment.id,
    assignmentTitle: assignment.title,
    passMark: 70,
    student: 'Ana',
    items: [
      { exercise: 'eq-boost', level: 1, questions: 1, score: 0, attempts: [] },
      { exercise: 'mix-match', level: 2, questions: 2, score: 50, attempts },
    ],
  } as unknown as Report;
  return { id: 'r1', report, importedAt: 0 };
}

describe('the gradebook’s per-track results', () => {
  it('shows the first answer to each assigned mix question, marked again, never the file’s score', async () => {
    const entry = entryWith([
      // The file claims 100; the answer earns less.
      { seed: SEEDS[0]!, score: 100, timeMs: 5000, answer },
      { seed: SEEDS[0]!, score: 100, timeMs: 5000, answer: { tracks: q.reference } },
      { seed: 777, score: 100, timeMs: 5000, answer },
    ]);
    expect(mixAttempts(entry, assignment).map((a) => [a.item, a.question, a.seed])).toEqual([
      [2, 1, SEEDS[0]],
    ]);
    const el = mount(<GradebookMix entry={entry} assignment={assignment} />);
    const details = el.querySelector('details')!;
    expect(el.querySelector('summary')!.textContent).toBe('Per-track results of Ana’s mix');
    // Nothing is marked until the teacher opens it.
    expect(el.querySelector('table')).toBeNull();
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await new Promise((r) => setTimeout(r, 0));
    const real = check(q, answer);
    expect(real.score).toBeLessThan(100);
    const caption = el.querySelector('caption')!.textContent!;
    expect(caption).toBe(`Item 2, question 1: Mix to the reference · ${real.score} / 100`);
    const rows = [...el.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(q.tracks.map((t) => t.name));
    // The bass's level cell is off; every pan cell is as the untouched desk left it against the reference.
    const bassCells = [...rows[bass]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(bassCells[0]).toMatch(/off/);
    expect(el.textContent).toMatch(/Bass is about/);
  });

  it('shows nothing for a report without mix answers', () => {
    const el = mount(<GradebookMix entry={entryWith([])} assignment={assignment} />);
    expect(el.innerHTML).toBe('');
  });
});
