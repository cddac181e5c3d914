import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeAssignment } from '../../src/classroom/assignment';
import { decodeReport } from '../../src/classroom/report';
import { loadLessons } from '../../src/lessons/build/load-lessons';
import { launchChromium, watchOutsideRequests } from './browser';
import { screenshots } from './screenshots';

const base = inject('baseUrl');
const lessonTitle = (id: string) => loadLessons('lessons').lessons.find((l) => l.id === id)?.title ?? id;
let browser: Browser;
let teacherContext: BrowserContext;
let studentContext: BrowserContext;
let teacher: Page;
let student: Page;
const outside: string[][] = [];
let link = '';
let code = '';

beforeAll(async () => {
  browser = await launchChromium();
  teacherContext = await browser.newContext();
  studentContext = await browser.newContext();
  outside.push(watchOutsideRequests(teacherContext), watchOutsideRequests(studentContext));
  teacher = await teacherContext.newPage();
  student = await studentContext.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Page side: stores what a student's own practice leaves behind, as the app would: the lesson completed
 * with its quiz passed on the first try, and one finished adaptive sitting of eq-boost (its last answer
 * carries the sitting's estimate). Serialised into the page: no imports inside.
 */
async function storePractice(a: { name: string; lessonId: string; at: number }): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('headroom');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const profiles = await new Promise<{ id: string; name: string }[]>((resolve, reject) => {
    const r = db.transaction('profiles').objectStore('profiles').getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const profileId = profiles.find((p) => p.name === a.name)?.id;
  if (!profileId) throw new Error(`no profile named ${a.name}`);
  const tx = db.transaction(['lessons', 'attempts'], 'readwrite');
  const quiz = { seed: 7, picks: [0, 1, 2], score: 100, passed: true, afterKey: false, at: a.at };
  tx.objectStore('lessons').put({
    profileId,
    lessonId: a.lessonId,
    version: 1,
    step: 0,
    scores: {},
    completed: true,
    completedAt: a.at,
    updatedAt: a.at,
    quizzes: { quiz: { first: quiz, count: 1, passedOn: 1, recent: [quiz] } },
  });
  for (const [k, value] of [9, 6, 4.5].entries())
    tx.objectStore('attempts').add({
      profileId,
      exercise: 'eq-boost',
      skill: 'eq',
      level: 3,
      seed: 100 + k,
      question: {
        adaptiveValue: value,
        adaptiveSitting: a.at,
        adaptiveEstimate: k === 2 ? { value: 4.2, low: 3, high: 6, percentCorrect: 75 } : null,
      },
      answer: {},
      score: 100,
      timeMs: 3000,
      at: a.at + k * 4000,
    });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('a course week, from "Assign this week" to the class view', () => {
  it('the teacher assigns week 5 from Classroom → Course and gets its link', async () => {
    await teacher.goto(`${base}/classroom/course/week-5`);
    await teacher.getByRole('button', { name: 'Assign this week' }).click();
    await teacher.waitForURL(/\/classroom\/teach$/);
    link = await teacher.locator('.cr-share input').first().inputValue();
    const decoded = decodeAssignment(link);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.assignment.title).toMatch(/^Week 5: /);
    expect(decoded.assignment.lessons).toEqual(['eq-basics']);
    expect(decoded.assignment.items.map((i) => [i.exercise, i.level, i.seeds.length])).toEqual([
      ['eq-boost', 1, 10],
      ['eq-boost', 2, 10],
    ]);
  });

  it('a student keeps it, has done the lesson and measured a threshold, and hands in', async () => {
    await student.goto(link);
    await student.getByLabel('Someone new:').check();
    await student.getByLabel('New profile’s name').fill('Sam');
    await student.getByRole('button', { name: 'Keep it and start' }).click();
    await student.locator('.cr-status').waitFor();
    await student.evaluate(storePractice, { name: 'Sam', lessonId: 'eq-basics', at: Date.now() - 3_600_000 });
    await student.getByLabel('Your name, as your teacher knows you').fill('Sam Lee');
    await student.getByRole('button', { name: 'Hand in' }).click();
    await student.locator('.cr-report textarea').waitFor();
    code = await student.locator('.cr-report textarea').inputValue();
    const r = decodeReport(code);
    if (!r.ok) throw new Error(r.error);
    expect(r.report.lessons).toEqual([{ id: 'eq-basics', done: true, quiz: 'first-try' }]);
    expect(r.report.thresholds?.map((t) => [t.exercise, t.value, t.low, t.high])).toEqual([
      ['eq-boost', 4.2, 3, 6],
    ]);
  });

  it('the teacher imports the report: the class view shows the lesson and the threshold, as recorded on the device', async () => {
    await teacher.goto(`${base}/classroom/gradebook`);
    await teacher.getByLabel('Or paste report codes (one or more)').fill(code);
    await teacher.getByRole('button', { name: 'Import codes' }).click();
    const table = teacher.locator('.class-records-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Student',
      lessonTitle('eq-basics'),
      'Spot the EQ boost: threshold',
    ]);
    expect(await table.locator('tbody tr').first().locator('th, td').allTextContents()).toEqual([
      'Sam Lee',
      'Done, quiz passed on the first try',
      '4.2 dB (3.0–6.0)',
    ]);
    expect(await teacher.locator('.class-records').textContent()).toMatch(/cannot be marked again here/);
    await screenshots(teacher, 'class-records');
  });

  it('made no request to anywhere but 127.0.0.1', () => {
    expect(outside.flat()).toEqual([]);
  });
});
