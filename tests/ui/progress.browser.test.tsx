import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfusionMatrix } from '../../src/training/eq-confusion';
import type { ProgressView } from '../../src/training/progress-view';
import type { ScoreTrend } from '../../src/training/score-trend';
import { ConfusionGrid } from '../../src/ui/progress/ConfusionGrid';
import { ProgressDashboard } from '../../src/ui/progress/ProgressDashboard';
import { TrendChart } from '../../src/ui/progress/TrendChart';
import '../../src/ui/progress/progress.css';

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

/**
 * At 500 px the frame is 500 × 210 with the plot from x 36 to 486 and y 12 (100) to 182 (0):
 * x = 36 + 450·(day − 100)/10, y = 182 − 1.7·score. Markers sit at the daily means, the line runs
 * through the rolling means.
 */
const trend: ScoreTrend = {
  fromDay: 100,
  toDay: 110,
  skills: [
    {
      skill: 'pan',
      label: 'Panning',
      points: [{ day: 102, mean: 20, count: 1, rolling: 20 }],
      count: 1,
      mean: 20,
    },
    {
      skill: 'eq',
      label: 'EQ',
      points: [
        { day: 100, mean: 50, count: 2, rolling: 50 },
        { day: 105, mean: 75, count: 4, rolling: 70 },
        { day: 110, mean: 100, count: 1, rolling: 80 },
      ],
      count: 7,
      mean: 500 / 7,
    },
  ],
};

const matrix: ConfusionMatrix = {
  resolution: 'octave',
  bandsHz: [125, 250, 500, 1000],
  counts: [
    [0, 1, 0, 0],
    [0, 2, 3, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 1],
  ],
  rowTotals: [1, 5, 0, 1],
  total: 7,
  right: 3,
};

function markers(el: HTMLElement, skill: string): [number, number][] {
  return [...el.querySelectorAll(`.trend-series[data-skill="${skill}"] .trend-marker`)].map((m) => [
    Number(m.getAttribute('data-x')),
    Number(m.getAttribute('data-y')),
  ]);
}

describe('score trend chart', () => {
  it('puts each daily mean where the axes say, and the line through the rolling means', () => {
    const el = mount(<TrendChart trend={trend} width={500} />);
    const svg = el.querySelector('svg.trend-svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 500 210');
    expect(markers(el, 'eq')).toEqual([
      [36, 97],
      [261, 54.5],
      [486, 12],
    ]);
    expect(markers(el, 'pan')).toEqual([[126, 148]]);
    expect(el.querySelector('.trend-series[data-skill="eq"] .trend-line')?.getAttribute('d')).toBe(
      'M36 97 L261 63 L486 46',
    );
    // The markers really sit there: the rendered box of the (square) Panning marker centres on (126, 148).
    const square = el.querySelector('.trend-series[data-skill="pan"] .trend-marker') as SVGGraphicsElement;
    const box = square.getBBox();
    expect(box.x + box.width / 2).toBeCloseTo(126, 1);
    expect(box.y + box.height / 2).toBeCloseTo(148, 1);
    // Grid lines at 0, 25, 50, 75, 100 on the 0–100 scale.
    const gridY = [...el.querySelectorAll('.trend-grid line')].map((l) => Number(l.getAttribute('y1')));
    expect(gridY).toEqual([182, 139.5, 97, 54.5, 12]);
    expect([...el.querySelectorAll('.trend-grid text')].map((t) => t.textContent)).toEqual([
      '0',
      '25',
      '50',
      '75',
      '100',
    ]);
    expect([...el.querySelectorAll('.trend-tick text')].at(-1)?.textContent).toBe('Today');
  });

  it('tells skills apart by dash and marker shape, not only colour', () => {
    const el = mount(<TrendChart trend={trend} width={500} />);
    const dash = (skill: string) =>
      el.querySelector(`.trend-series[data-skill="${skill}"] .trend-line`)?.getAttribute('stroke-dasharray');
    expect(dash('eq')).not.toBe(dash('pan'));
    expect(
      el.querySelector('[data-skill="eq"] .trend-marker')?.classList.contains('trend-marker-triangle'),
    ).toBe(true);
    expect(
      el.querySelector('[data-skill="pan"] .trend-marker')?.classList.contains('trend-marker-square'),
    ).toBe(true);
    const legend = [...el.querySelectorAll('.trend-legend-item')].map((b) => b.textContent);
    expect(legend).toEqual(['Panning20', 'EQ71']);
  });

  it('hides and shows a line from the legend', async () => {
    const el = mount(<TrendChart trend={trend} width={500} />);
    const button = el.querySelectorAll<HTMLButtonElement>('.trend-legend-item')[1]!;
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(el.querySelector('.trend-series[data-skill="eq"]')).toBeNull();
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(el.querySelector('.trend-series[data-skill="eq"]')).not.toBeNull();
  });

  it('carries the same numbers in a visually hidden table', () => {
    const el = mount(<TrendChart trend={trend} width={500} />);
    const table = el.querySelector('table.trend-table')!;
    // Out of sight (a 1 px clipped box), but in the accessibility tree.
    expect(table.parentElement?.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(getComputedStyle(table.parentElement!).clipPath).toBe('inset(50%)');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['–', '50 (2)'],
      ['20 (1)', '–'],
      ['–', '75 (4)'],
      ['–', '100 (1)'],
    ]);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Day',
      'Panning',
      'EQ',
    ]);
  });
});

describe('EQ confusion grid', () => {
  it('shows counts in a table with played bands as rows and chosen bands as columns', () => {
    const el = mount(<ConfusionGrid matrix={matrix} caption="Octave bands" />);
    const rows = [...el.querySelectorAll('tbody tr')];
    expect(rows.map((tr) => tr.querySelector('th .progress-sr')?.textContent)).toEqual([
      'Played 125 Hz',
      'Played 250 Hz',
      'Played 500 Hz',
      'Played 1 kHz',
    ]);
    const cells = rows.map((tr) => [...tr.querySelectorAll('td.confusion-cell')].map((td) => td.textContent));
    expect(cells).toEqual([
      ['0', '1', '0', '0'],
      ['0', '2', '3', '0'],
      ['0', '0', '0', '0'],
      ['0', '0', '0', '1'],
    ]);
    expect(rows.map((tr) => tr.querySelector('td.confusion-right')?.textContent)).toEqual([
      '0/1',
      '2/5',
      '–',
      '1/1',
    ]);
    const head = [...el.querySelectorAll('thead th.confusion-col')].map((th) => th.textContent);
    expect(head).toEqual([
      '125You chose 125 Hz',
      '250You chose 250 Hz',
      '500You chose 500 Hz',
      '1kYou chose 1 kHz',
    ]);
  });

  it('shades cells by their share of the row: right answers green, mix-ups amber', () => {
    const el = mount(<ConfusionGrid matrix={matrix} caption="Octave bands" />);
    const row = el.querySelectorAll('tbody tr')[1]!;
    const [, right, wrong, empty] = [...row.querySelectorAll<HTMLElement>('td.confusion-cell')];
    // 15 % + 60 % × share: 2 of 5 → 39 %, 3 of 5 → 51 %.
    expect(right?.style.background).toContain('39%');
    expect(right?.style.background).toContain('--heat-right');
    expect(wrong?.style.background).toContain('51%');
    expect(wrong?.style.background).toContain('--heat-wrong');
    expect(empty?.style.background).toBe('');
  });
});

const emptyView: ProgressView = {
  totalAttempts: 0,
  today: 110,
  trend: { fromDay: 104, toDay: 110, skills: [] },
  levels: [],
  weekly: [],
  eq: { octave: null, third: null, mixUps: [], directionAsked: 0, directionWrong: 0, skipped: 0 },
  thresholds: [],
  mixes: null,
  streaks: { current: 0, longest: 0, practisedToday: false, daysPractised: 0, lastDay: null, recent: [] },
  exercises: [],
  next: {
    kind: 'level-change',
    title: 'What changed level?',
    skill: 'faders',
    skillLabel: 'Faders',
    level: 1,
    levelName: 'Big moves',
    reason: 'Your first drill.',
    href: '/train?kind=level-change&level=1',
    firstTime: true,
  },
};

describe('progress dashboard', () => {
  it('greets a first-time learner with the first drill instead of empty charts', () => {
    const el = mount(<ProgressDashboard view={emptyView} />);
    expect(el.textContent).toContain('Nothing to show yet');
    expect(el.querySelector('svg.trend-svg')).toBeNull();
    const link = el.querySelector<HTMLAnchorElement>('.practise-next a')!;
    expect(link.getAttribute('href')).toBe('/train?kind=level-change&level=1');
    expect(el.querySelector('#practise-next-title')?.textContent).toBe('Your first drill');
  });

  it('says what holds the graded mixes back, in words and bars with numbers', () => {
    const view: ProgressView = {
      ...emptyView,
      totalAttempts: 3,
      mixes: {
        mixes: 3,
        worst: 'tone',
        shares: [
          { dimension: 'tone', share: 0.6, meanSteps: 4 },
          { dimension: 'balance', share: 0.4, meanSteps: 2.7 },
        ],
      },
    };
    const el = mount(<ProgressDashboard view={view} />);
    expect(el.querySelector('#mixes-title')?.textContent).toBe('What holds your mixes back');
    expect(el.textContent).toContain('In your last 3 graded mixes, most of what was left to fix was EQ.');
    const rows = [...el.querySelectorAll('.mix-holdback li')].map((li) => li.textContent);
    expect(rows).toEqual(['EQ60 %', 'Level against the rest40 %']);
    const bar = el.querySelector<HTMLElement>('.mix-holdback-bar span')!;
    expect(bar.style.width).toBe('60%');
  });

  it('shows every part for a learner with history', () => {
    const view: ProgressView = {
      ...emptyView,
      totalAttempts: 8,
      trend,
      levels: [
        {
          kind: 'level-change',
          title: 'What changed level?',
          skill: 'faders',
          level: 1,
          levelName: 'Big moves',
          points: [
            { day: 105, rolling: 0.4, count: 5 },
            { day: 108, rolling: 0.9, count: 10 },
          ],
          answers: 15,
          latest: 0.9,
        },
        {
          kind: 'level-change',
          title: 'What changed level?',
          skill: 'faders',
          level: 2,
          levelName: '3 dB steps',
          points: [{ day: 110, rolling: 0.3, count: 10 }],
          answers: 10,
          latest: 0.3,
        },
      ],
      weekly: ['This week: 25 answers on 3 days.', 'Spot the EQ boost: 9 dB → 7.4 dB this week.'],
      eq: {
        octave: matrix,
        third: null,
        mixUps: [{ resolution: 'octave', playedHz: 250, answeredHz: 500, count: 3, ofPlayed: 5 }],
        directionAsked: 0,
        directionWrong: 0,
        skipped: 0,
      },
      thresholds: [
        {
          kind: 'eq-boost',
          title: 'Spot the EQ boost',
          variable: {
            name: 'boost',
            unit: 'dB',
            easier: 'larger',
            start: 12,
            min: 0.5,
            max: 18,
            baseLevel: 3,
            chance: 0.1,
          },
          status: 'measured',
          estimate: { value: 7.4, low: 5.6, high: 9.2, percentCorrect: 75 },
          value: 7.4,
          words:
            'You hear a boost of about 7.5 dB (somewhere between 5.5 and 9.5 dB) in any of the ten octave bands.',
          note: 'From your latest adaptive drill (30 answers), which started from the 1 before it.',
          trials: 60,
          sessions: 2,
          history: [
            { value: 9.1, low: 6, high: 13, percentCorrect: 75, at: 1000, day: 105, trials: 30 },
            { value: 7.4, low: 5.6, high: 9.2, percentCorrect: 75, at: 2000, day: 108, trials: 30 },
          ],
          at: 0,
          day: 108,
        },
      ],
      streaks: {
        current: 3,
        longest: 5,
        practisedToday: true,
        daysPractised: 9,
        lastDay: 110,
        recent: [true, false, true],
      },
      exercises: [
        {
          kind: 'eq-boost',
          title: 'Spot the EQ boost',
          skill: 'eq',
          skillLabel: 'EQ',
          attempts: 7,
          average: 71,
          best: 100,
          recent: { right: 5, of: 7 },
          lastAt: 0,
          lastDay: 110,
        },
      ],
      next: { ...emptyView.next!, firstTime: false, reason: 'Panning is your weakest skill.' },
    };
    const el = mount(<ProgressDashboard view={view} />);
    // Growth level by level: one line per level, never averaged; level 2's low start does not touch level 1.
    const lines = [...el.querySelectorAll('.level-trend')];
    expect(
      lines.map((l) => [l.getAttribute('data-level'), l.querySelector('.level-trend-latest')?.textContent]),
    ).toEqual([
      ['1', '90 % right'],
      ['2', '30 % right'],
    ]);
    // 0 % at the bottom (y = 44), 100 % at the top (y = 4): 40 % → 28, 90 % → 8.
    const dots = [...lines[0]!.querySelectorAll('.level-spark-dot')].map((d) => Number(d.getAttribute('cy')));
    expect(dots).toEqual([28, 8]);
    expect(el.querySelector('.weekly-summary')?.textContent).toContain(
      'Spot the EQ boost: 9 dB → 7.4 dB this week.',
    );
    expect(el.querySelector('.threshold-value')?.textContent).toBe('7.5 dB');
    expect(el.querySelector('.threshold-range')?.textContent).toBe('likely 5.5–9.5 dB');
    // The history: one range bar and a dot per drill, oldest left; lower values sit lower on the chart.
    const history = [...el.querySelectorAll<SVGCircleElement>('.threshold-history-dot')];
    expect(history).toHaveLength(2);
    expect(Number(history[0]!.getAttribute('cx'))).toBeLessThan(Number(history[1]!.getAttribute('cx')));
    expect(Number(history[0]!.getAttribute('cy'))).toBeLessThan(Number(history[1]!.getAttribute('cy')));
    expect(el.querySelectorAll('.threshold-history-range')).toHaveLength(2);
    expect(el.querySelector('.threshold-history-svg')?.getAttribute('aria-label')).toBe(
      'Your threshold over 2 drills, from 9 dB to 7.5 dB.',
    );
    expect(el.querySelector('.threshold-history .progress-sr')?.textContent).toContain(
      'about 7.5 dB, likely 5.5–9.5 dB',
    );
    expect(el.querySelector('.threshold-note')?.textContent).toContain('2 days ago');
    expect(el.querySelector('.mixups')?.textContent).toContain(
      'You heard 250 Hz as 500 Hz 3 of 5 times (too high).',
    );
    expect(el.querySelector('.streak-number')?.textContent).toBe('3');
    expect(el.querySelectorAll('.streak-on')).toHaveLength(2);
    const row = [...el.querySelectorAll('.exercise-table tbody td')].map((td) => td.textContent);
    // A rolling share of the latest answers, not a single lucky best.
    expect(row).toEqual(['7', '71', '71 % right', 'today']);
    expect(el.querySelector('.exercise-table tbody th')?.textContent).toBe('Spot the EQ boostEQ');
    expect(el.querySelector('#practise-next-title')?.textContent).toBe('Practise next');
  });
});
