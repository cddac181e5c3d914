import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Assignment, decodeAssignment, encodeAssignment } from '../../src/classroom/assignment';
import { decodeReport, type Report, reportChecksum } from '../../src/classroom/report';
import { MIN_ANSWER_MS } from '../../src/classroom/report-verify';
import { formatHz } from '../../src/dsp/bands';
import { formatPan } from '../../src/dsp/pan';
import { check as checkEq } from '../../src/exercises/eq-boost/check';
import { generate as generateEq } from '../../src/exercises/eq-boost/generate';
import { check as checkPan } from '../../src/exercises/pan-position/check';
import { generate as generatePan } from '../../src/exercises/pan-position/generate';
import { blocking, describeFindings, runAxe, setTheme } from './axe';
import { launchChromium, launchPersistentChromium, watchOutsideRequests } from './browser';
import { attemptsInPage, countInPage } from './classroom-helpers';
import { hearQuestion } from './hear-question';
import { screenshots } from './screenshots';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TITLE = 'Week 1 <i>ears</i>';
let browser: Browser;
let teacherContext: BrowserContext;
let studentContext: BrowserContext;
let teacher: Page;
let student: Page;
const outside: string[][] = [];
// The student's browser keeps its profile here, so closing it and launching again is a real restart.
const studentDir = mkdtempSync(join(tmpdir(), 'headroom-student-'));
let link = '';
let assignment: Assignment;
let plan: Planned[] = [];
let reportCode = '';
let reportFile = '';

/** One question of the assignment and the answer the test gives to it. */
interface Planned {
  exercise: string;
  level: number;
  seed: number;
  /** The number key that picks the answer. */
  key: string;
  /** What the kind's own check() gives that answer. */
  score: number;
  /** The label of the right choice, which the drill marks after answering. */
  rightLabel: string;
}

/** Choices off the right one, per question: right, one step off, two steps off (eq-boost); right, one off. */
const OFFSETS: Record<string, readonly number[]> = { 'eq-boost': [0, 1, 2], 'pan-position': [0, 1] };

const keyFor = (index: number) => (index < 9 ? String(index + 1) : '0');
const stepFrom = (target: number, off: number, count: number) =>
  target + off < count ? target + off : target - off;

/** Generates every question in Node from the assignment's seeds and picks the answers the test will give. */
function planAnswers(a: Assignment): Planned[] {
  return a.items.flatMap((item) =>
    item.seeds.map((seed, i): Planned => {
      const off = OFFSETS[item.exercise]?.[i] ?? 0;
      const at = { exercise: item.exercise, level: item.level, seed };
      if (item.exercise === 'eq-boost') {
        const q = generateEq(seed, item.level);
        const pick = stepFrom(q.bandsHz.indexOf(q.targetHz), off, q.bandsHz.length);
        const score = checkEq(q, { bandHz: q.bandsHz[pick]! }).score;
        return { ...at, key: keyFor(pick), score, rightLabel: formatHz(q.targetHz) };
      }
      const q = generatePan(seed, item.level);
      const pick = stepFrom(q.targetIndex, off, q.positionsPan.length);
      const score = checkPan(q, { positionIndex: pick }).score;
      return { ...at, key: keyFor(pick), score, rightLabel: formatPan(q.positionsPan[q.targetIndex]!) };
    }),
  );
}

/**
 * Answers question `n` of `total` in the drill view with the keyboard and checks the feedback. Like a
 * person, it answers once the sound is ready and after at least a moment to listen: the teacher's
 * gradebook flags answers quicker than a person can hear and choose (MIN_ANSWER_MS).
 */
async function answerQuestion(page: Page, n: number, total: number, p: Planned): Promise<void> {
  await expect.poll(() => page.locator('.drill-count').textContent()).toBe(`Question ${n} of ${total}`);
  await page.waitForFunction(
    () => !document.querySelector('.player-status')?.textContent?.includes('Preparing'),
    null,
    { timeout: 30_000 },
  );
  const ready = await page.evaluate(() => performance.now());
  await page.waitForFunction(({ t, ms }) => performance.now() - t > ms, { t: ready, ms: 2 * MIN_ANSWER_MS });
  await hearQuestion(page);
  await page.keyboard.press(p.key);
  await expect.poll(() => page.locator('.choice-btn.is-checked').count()).toBe(1);
  await page.keyboard.press('Enter');
  await page.locator('.feedback').waitFor();
  expect(await page.locator('.feedback-score').textContent()).toMatch(new RegExp(`^${p.score} / 100`));
  // The drill played this seed's question: the choice it marks right is the one generated in Node.
  expect(await page.locator('.choice-btn.is-right span').nth(1).textContent()).toBe(p.rightLabel);
  await page.keyboard.press('Enter');
}

/** Presses Tab until the focused element matches `selector` (keyboard only). */
async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((s) => {
      const el = document.activeElement;
      if (!el) return false;
      if (s.startsWith('button:text-is(')) {
        const text = s.slice('button:text-is("'.length, -2);
        return el.tagName === 'BUTTON' && el.textContent?.trim() === text;
      }
      return el.matches(s);
    }, selector);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function openStudentBrowser(): Promise<void> {
  studentContext = await launchPersistentChromium(studentDir);
  outside.push(watchOutsideRequests(studentContext));
  student = studentContext.pages()[0] ?? (await studentContext.newPage());
}

beforeAll(async () => {
  browser = await launchChromium();
  teacherContext = await browser.newContext({ acceptDownloads: true });
  outside.push(watchOutsideRequests(teacherContext));
  teacher = await teacherContext.newPage();
  await openStudentBrowser();
});
afterAll(async () => {
  await studentContext?.close();
  await browser?.close();
  rmSync(studentDir, { recursive: true, force: true });
});

describe('classroom: assign by link, work it as a student, hand in, grade', () => {
  it('the teacher builds an assignment (offline) and gets a link whose code is in the fragment', async () => {
    await teacher.goto(`${base}/classroom/teach`);
    await teacher.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 50_000,
    });
    await teacherContext.setOffline(true);
    await teacher.reload();
    await teacher.getByLabel('Title').fill(TITLE);
    await teacher.getByLabel('Instructions for students (optional)').fill('Headphones on.\nTake your time.');
    const rows = teacher.locator('.cr-item-row');
    await rows.nth(0).locator('select').first().selectOption('eq-boost');
    await rows.nth(0).locator('select').nth(1).selectOption('3');
    await rows.nth(0).locator('input[type=number]').fill('3');
    await teacher.getByRole('button', { name: 'Add item' }).click();
    await rows.nth(1).locator('select').first().selectOption('pan-position');
    await rows.nth(1).locator('select').nth(1).selectOption('2');
    await rows.nth(1).locator('input[type=number]').fill('2');
    await teacher.getByLabel('Pass mark').fill('60');
    await teacher.getByRole('button', { name: 'Create assignment' }).click();
    link = await teacher.locator('.cr-share input').first().inputValue();
    expect(link).toMatch(new RegExp(`^${base}/classroom/open#a=a1\\.`));
    const decoded = decodeAssignment(link);
    if (!decoded.ok) throw new Error(decoded.error);
    assignment = decoded.assignment;
    expect(assignment.items.map((i) => [i.exercise, i.level, i.seeds.length])).toEqual([
      ['eq-boost', 3, 3],
      ['pan-position', 2, 2],
    ]);
    expect(assignment.passMark).toBe(60);
    plan = planAnswers(assignment);
    // Right, one octave off, two octaves off; right, one position off.
    expect(plan.map((p) => p.score)).toEqual([100, 50, 0, 100, 50]);
  });

  it('the teacher previews it as a student: the same questions, scored, and nothing stored', async () => {
    await teacher.getByRole('button', { name: 'Preview as a student' }).click();
    await teacher.waitForURL(`${base}/train`);
    expect(await teacher.locator('.drill-head h1').textContent()).toBe(`Preview: ${TITLE}`);
    await answerQuestion(teacher, 1, 5, plan[0]!);
    await answerQuestion(teacher, 2, 5, plan[1]!);
    await teacher.getByRole('button', { name: 'End drill' }).click();
    await expect.poll(() => teacher.locator('.drill-summary h2').textContent()).toBe('Done: 75% average');
    expect(await teacher.evaluate(countInPage, 'attempts')).toBe(0);
    await teacher.getByRole('button', { name: 'Back to the classroom' }).click();
    await teacher.waitForURL(`${base}/classroom/teach`);
    await teacher.getByRole('heading', { name: 'Your assignments' }).waitFor();
    expect(await teacher.evaluate(countInPage, 'attempts')).toBe(0);
  }, 120_000);

  it('a broken link shows a clear message and stores nothing (the student works offline from here on)', async () => {
    await student.goto(`${base}/classroom`);
    await student.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 50_000,
    });
    await studentContext.setOffline(true);
    await student.goto(link.slice(0, -15));
    await expect.poll(() => student.locator('.cr-refused').textContent()).toMatch(/damaged or incomplete/);
    expect(await student.evaluate(countInPage, 'assignments')).toBe(0);
  });

  it('a student opens the link in another browser, sees the text as text, and keeps it for a new profile', async () => {
    await student.goto(link);
    expect(await student.locator('.cr-summary h2').textContent()).toBe(TITLE);
    expect(await student.locator('.cr-summary i').count()).toBe(0);
    expect(await student.locator('.cr-instructions').textContent()).toBe('Headphones on.\nTake your time.');
    await student.getByLabel('Someone new:').check();
    await student.getByLabel('New profile’s name').fill('Dana');
    await student.getByRole('button', { name: 'Keep it and start' }).click();
    await student.locator('.cr-status').waitFor();
    expect(await student.locator('.cr-status caption').textContent()).toMatch(/0 of 5 answered/);
  });

  it('Start runs the questions as a drill: it plays, and two keyboard answers are stored with the assignment id', async () => {
    await student.getByRole('button', { name: 'Start' }).click();
    await student.waitForURL(`${base}/train`);
    expect(await student.locator('.drill-head h1').textContent()).toBe(TITLE);
    await student.waitForFunction(
      () => !document.querySelector('.player-status')?.textContent?.includes('Preparing'),
      null,
      { timeout: 30_000 },
    );
    await student.keyboard.press('p');
    await student.waitForFunction(
      () => document.querySelector('.player-play')?.textContent?.includes('Stop'),
      null,
      { timeout: 20_000 },
    );
    await student.keyboard.press('p');
    await answerQuestion(student, 1, 5, plan[0]!);
    await answerQuestion(student, 2, 5, plan[1]!);
    await expect.poll(async () => (await student.evaluate(attemptsInPage)).length).toBe(2);
    const stored = await student.evaluate(attemptsInPage);
    expect(stored.map((a) => [a.exercise, a.level, a.seed, a.score, a.assignmentId])).toEqual(
      plan.slice(0, 2).map((p) => [p.exercise, p.level, p.seed, p.score, assignment.id]),
    );
    expect(stored[0]!.question).toEqual(generateEq(plan[0]!.seed, plan[0]!.level));
    expect(new Set(stored.map((a) => a.profileId)).size).toBe(1);
    expect(stored[0]!.profileId).not.toBe('default');
  }, 180_000);

  it('progress survives closing the browser: reopened offline, Continue runs the three questions left', async () => {
    await studentContext.close();
    await openStudentBrowser();
    await studentContext.setOffline(true);
    await student.goto(`${base}/classroom`);
    await student.getByRole('link', { name: TITLE }).click();
    await expect
      .poll(() => student.locator('.cr-status caption').textContent())
      .toMatch(/2 of 5 answered · score so far 30$/);
    expect(await student.locator('.cr-status tbody td:nth-child(4)').allTextContents()).toEqual(['50', '—']);
    await student.getByRole('button', { name: 'Continue' }).click();
    await student.waitForURL(`${base}/train`);
    await answerQuestion(student, 1, 3, plan[2]!);
    await answerQuestion(student, 2, 3, plan[3]!);
    await answerQuestion(student, 3, 3, plan[4]!);
    await expect.poll(() => student.locator('.drill-summary h2').textContent()).toBe('Done: 50% average');
    await student.getByRole('button', { name: 'Back to the classroom' }).click();
    await student.waitForURL(`${base}/classroom/work/${encodeURIComponent(assignment.id)}`);
    await expect
      .poll(() => student.locator('.cr-status caption').textContent())
      .toMatch(/5 of 5 answered · score so far 60$/);
    expect(await student.locator('.cr-status tbody td:nth-child(4)').allTextContents()).toEqual(['50', '75']);
    const stored = await student.evaluate(attemptsInPage);
    expect(stored.map((a) => [a.exercise, a.seed, a.score, a.assignmentId])).toEqual(
      plan.map((p) => [p.exercise, p.seed, p.score, assignment.id]),
    );
    expect(stored.reduce((sum, a) => sum + a.timeMs, 0)).toBeGreaterThan(0);
  }, 180_000);

  it('the student hands in (keyboard only) and gets a report file and code that say the same', async () => {
    // Keyboard alone, as the main path must allow: Tab to the name, type it, Tab to Hand in, Enter.
    await tabTo(student, 'section[aria-labelledby="handin-h"] input.cr-input');
    await student.keyboard.type('Dana Park');
    expect(await student.getByLabel('Your name, as your teacher knows you').inputValue()).toBe('Dana Park');
    await tabTo(student, 'button:text-is("Hand in")');
    await student.keyboard.press('Enter');
    await student.locator('.cr-report textarea').waitFor();
    reportCode = await student.locator('.cr-report textarea').inputValue();
    expect(await student.locator('.cr-report strong').first().textContent()).toBe(
      'Your report is ready: 60/100.',
    );
    const [download] = await Promise.all([
      student.waitForEvent('download'),
      student.getByRole('button', { name: 'Download report file' }).click(),
    ]);
    reportFile = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('dana-park-week-1-i-ears-i.report.headroom.json');
    const fromCode = decodeReport(reportCode);
    const fromFile = decodeReport(reportFile);
    if (!fromCode.ok || !fromFile.ok) throw new Error('the report does not decode');
    expect(fromCode.id).toBe(fromFile.id);
    const r = fromCode.report;
    expect([r.student, r.assignmentId, r.score, r.passMark]).toEqual(['Dana Park', assignment.id, 60, 60]);
    expect(r.items.map((i) => [i.score, i.attempts.map((a) => [a.seed, a.score])])).toEqual([
      [50, plan.slice(0, 3).map((p) => [p.seed, p.score])],
      [75, plan.slice(3).map((p) => [p.seed, p.score])],
    ]);
    expect(r.timeMs).toBe(r.items.flatMap((i) => i.attempts).reduce((s, a) => s + a.timeMs, 0));
    expect(await student.locator('.cr-report').textContent()).toMatch(/not tamper-proof/);
  });

  it('the teacher imports the file (and the same report as a code), and the gradebook shows the scores', async () => {
    await teacher.goto(`${base}/classroom/gradebook`);
    await teacher.locator('input[type=file][multiple]').setInputFiles({
      name: 'dana.json',
      mimeType: 'application/json',
      buffer: Buffer.from(reportFile),
    });
    await expect
      .poll(() => teacher.locator('.cr-result').allTextContents())
      .toEqual([`Imported dana.json: Dana Park — ${TITLE}: imported.`]);
    await teacher.getByLabel('Or paste report codes (one or more)').fill(reportCode);
    await teacher.getByRole('button', { name: 'Import codes' }).click();
    await expect.poll(() => teacher.locator('.cr-result').first().textContent()).toMatch(/^Already there/);
    const row = teacher.locator('.cr-grades tbody tr').first();
    expect((await row.locator('th, td').allTextContents()).slice(0, 5)).toEqual([
      'Dana Park',
      '50',
      '75',
      '60',
      'pass',
    ]);
    // Item 1 is under the pass mark of 60 and marked so; item 2 is not.
    expect(await row.locator('td').evaluateAll((tds) => tds.slice(0, 2).map((td) => td.className))).toEqual([
      'cr-low',
      '',
    ]);
    expect(await teacher.locator('.cr-grades tfoot tr').first().locator('th, td').allTextContents()).toEqual([
      'Mean',
      '50.0',
      '75.0',
      '60.0',
      '',
    ]);
    // The class view: built from the one counted report's answers, marked again; a question needs two students.
    const classView = teacher.locator('.class-view').first();
    await expect.poll(() => classView.textContent()).toMatch(/From the answers in the 1 report that count/);
    expect(await classView.textContent()).toMatch(/listed once two students have answered it/);
    const [csv] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith(`\uFEFF${TITLE}\r\n`)).toBe(true);
    expect(text).toContain('\r\nDana Park,50,75,60,pass,');
  });

  it('a forged report (every score 100, checksum recomputed) is flagged, left out of the class figures until accepted', async () => {
    const honest = JSON.parse(reportFile) as Report & { headroom: string };
    const { headroom: _marker, checksum: _old, ...body } = honest;
    const changed = {
      ...body,
      student: 'Sam Forger',
      items: body.items.map((it) => ({
        ...it,
        score: 100,
        attempts: it.attempts.map((a) => ({ ...a, score: 100 })),
      })),
      score: 100,
    };
    const forged = { headroom: 'report', ...changed, checksum: reportChecksum(changed) };
    await teacher.locator('input[type=file][multiple]').setInputFiles({
      name: 'sam.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(forged)),
    });
    await expect
      .poll(() => teacher.locator('.cr-result').first().textContent())
      .toMatch(
        /^Flagged sam\.json: Sam Forger — .*not counted until you accept it\. The scores don’t match the answers: 3 answers carry a score the answer does not earn/,
      );
    const rows = teacher.locator('.cr-grades tbody tr:not(.cr-flags)');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.nth(1).locator('th, td').allTextContents()).slice(0, 5)).toEqual([
      '⚑ Flagged: Sam Forger',
      '100',
      '100',
      '100',
      'pass',
    ]);
    expect(await teacher.locator('.cr-flags').textContent()).toMatch(
      /Flagged: not counted in the class figures until you accept it\./,
    );
    const totalMean = () => teacher.locator('.cr-grades tfoot tr').first().locator('td').nth(2).textContent();
    expect(await totalMean()).toBe('60.0');
    // The teacher sees what the checks prove and what they cannot, including that reports are not tamper-proof.
    const limits = await teacher.locator('.cr-limits').textContent();
    expect(limits).toMatch(/They cannot prove.*That the student did the listening themselves/);
    expect(limits).toMatch(/not tamper-proof/);
    await screenshots(teacher, 'gradebook-flagged');
    // The flagged row, its reasons and its buttons pass axe in both themes (injected over CDP, past the CSP).
    await teacher.evaluate(axeSource);
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(teacher, theme);
      expect(describeFindings(blocking(await runAxe(teacher, 'main')))).toBe('');
    }
    await setTheme(teacher, 'dark');

    await teacher.getByRole('button', { name: 'Accept anyway: Sam Forger’s report' }).click();
    await expect.poll(totalMean).toBe('80.0');
    // Accepted, the forged report's answers join the class view marked again (never its stated 100s): Sam
    // answered as Dana did, so a question Dana missed is missed by both.
    const classView = teacher.locator('.class-view').first();
    await expect.poll(() => classView.textContent()).toMatch(/From the answers in the 2 reports that count/);
    expect(await classView.locator('.class-hardest li').first().textContent()).toMatch(/: 0 of 2 right/);
    await screenshots(teacher, 'gradebook-class-view');
    expect(await teacher.locator('.cr-accepted').textContent()).toMatch(/^Accepted anyway by .+ on /);
    await teacher.getByRole('button', { name: 'Undo accepting Sam Forger’s report' }).click();
    await expect.poll(totalMean).toBe('60.0');
    // Flags are not stored: a reload checks again and finds the same.
    await teacher.reload();
    // After a reload the gradebook marks every answer again before it shows the flags (the app and the
    // exercise code load first, then the re-check runs in slices).
    await expect.poll(() => teacher.locator('.cr-flags').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(totalMean, { timeout: 10_000 }).toBe('60.0');
  });

  it('a different assignment under an id the student already kept is not opened silently: the student chooses', async () => {
    const other = encodeAssignment({ ...assignment, title: 'Another homework', passMark: 90 });
    await student.goto(`${base}/classroom/open#a=${other}`);
    expect(await student.locator('.cr-summary h2').textContent()).toBe('Another homework');
    await student.getByRole('button', { name: 'Keep it and start' }).click();
    // Keeping reads the student's assignments from storage first: over 30 s once in a loaded CI run.
    await student.locator('.cr-conflict').waitFor({ timeout: 60_000 });
    expect(await student.locator('.cr-conflict h2').textContent()).toBe(
      'You already have a different assignment with this id',
    );
    await student.getByRole('button', { name: `Keep working on “${TITLE}”` }).click();
    await student.waitForURL(`${base}/classroom/work/${encodeURIComponent(assignment.id)}`);
    await expect.poll(() => student.locator('#work-h').textContent()).toBe(TITLE);
    await expect
      .poll(() => student.locator('.cr-status caption').textContent())
      .toMatch(/5 of 5 answered · score so far 60$/);
  }, 120_000);

  it('made no request to anywhere but 127.0.0.1', () => {
    expect(outside.flat()).toEqual([]);
  });
});
