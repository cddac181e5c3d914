import { describe, expect, it } from 'vitest';
import {
  type Assignment,
  assignmentFileName,
  assignmentFileText,
  assignmentLink,
  decodeAssignment,
  encodeAssignment,
  MAX_INSTRUCTIONS,
  MAX_TITLE,
} from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import { base64urlEncode, utf8Encode } from '../../src/classroom/bytes';
import { createCatalog } from '../../src/classroom/catalog';
import { encodeFrame } from '../../src/classroom/codec';
import { sampleAssignment } from './fixtures';

const a = sampleAssignment();
const fileOf = (value: unknown) => JSON.stringify({ headroom: 'assignment', ...(value as object) });
const refusal = (text: unknown) => {
  const r = decodeAssignment(text);
  if (r.ok) throw new Error('expected a refusal');
  return r;
};
/** A full-form assignment with one field replaced (undefined = removed), as file JSON. */
const withField = (key: string, value: unknown) => {
  const copy: Record<string, unknown> = { ...a, [key]: value };
  if (value === undefined) delete copy[key];
  return fileOf(copy);
};

describe('assignment round trips', () => {
  it('code, whole link and file all decode to the same assignment', () => {
    const code = encodeAssignment(a);
    expect(code).toMatch(/^a1\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
    expect(decodeAssignment(code)).toEqual({ ok: true, assignment: a });
    const link = assignmentLink('https://headroom.example/', a);
    expect(link.startsWith('https://headroom.example/classroom/open#a=a1.')).toBe(true);
    expect(decodeAssignment(link)).toEqual({ ok: true, assignment: a });
    expect(decodeAssignment(assignmentFileText(a))).toEqual({ ok: true, assignment: a });
  });
  it('keeps optional fields optional and explicit seed lists explicit', () => {
    const { due: _d, lessons: _l, ...rest } = a;
    const plain: Assignment = {
      ...rest,
      items: [{ exercise: 'eq-boost', level: 1, seeds: [5, 1, 4_294_967_295] }],
    };
    expect(decodeAssignment(encodeAssignment(plain))).toEqual({ ok: true, assignment: plain });
  });
  it('keeps non-ASCII text intact (accents, emoji, right-to-left)', () => {
    const intl = { ...a, title: 'Écoute 🎧 — עברית', instructions: 'Ünïcödé\r\n\tok' };
    expect(decodeAssignment(encodeAssignment(intl))).toEqual({ ok: true, assignment: intl });
  });
  it('accepts a code wrapped over lines, %-escaped, or with a BOM and spaces around it', () => {
    const code = encodeAssignment(a);
    const wrapped = code.replace(/(.{60})/g, '$1\n');
    expect(decodeAssignment(`  ${wrapped}  `).ok).toBe(true);
    expect(decodeAssignment(`https://x.test/classroom/open#a=${code.replace('.', '%2E')}`).ok).toBe(true);
    expect(decodeAssignment(`\uFEFF${assignmentFileText(a)}`).ok).toBe(true);
  });
  it('packs builder seed runs: a 5-item, 50-question link stays under 600 characters', () => {
    const link = assignmentLink('https://headroom.example', a);
    const explicit = sampleAssignment({
      items: a.items.map((it) => ({ ...it, seeds: it.seeds.map((s) => (s ^ 1) >>> 0) })),
    });
    const longLink = assignmentLink('https://headroom.example', explicit);
    console.log(`5-item link: ${link.length} chars packed, ${longLink.length} with explicit seeds`);
    expect(link.length).toBeLessThan(600);
    expect(longLink.length).toBeGreaterThan(link.length);
    expect(decodeAssignment(longLink)).toEqual({ ok: true, assignment: explicit });
  });
  it('derives the same seeds everywhere (the link format depends on it)', () => {
    expect(deriveSeeds(1, 4)).toEqual([1, 2_527_132_011, 314_344_336, 2_535_364_964]);
  });
  it('names files from the title', () => {
    expect(assignmentFileName(a)).toBe('week-3-eq-and-levels.headroom.json');
    expect(assignmentFileName({ ...a, title: '!!!' })).toBe('k3x9q2mf.headroom.json');
  });
});

describe('assignment refusals name what is wrong', () => {
  it('empty input', () => {
    expect(refusal('   ').code).toBe('empty');
    expect(refusal('').error).toMatch(/Nothing to open/);
  });
  it('not a string, or not Headroom at all', () => {
    expect(refusal(42).code).toBe('not-headroom');
    expect(refusal('hello world').error).toMatch(/not a Headroom assignment/);
    expect(refusal('https://x.test/classroom/open#b=1').error).toMatch(/no Headroom assignment/);
  });
  it('a link whose fragment was cut off', () => {
    expect(refusal('https://x.test/classroom/open').error).toMatch(/part after “#” is missing/);
  });
  it('a truncated or altered code', () => {
    const code = encodeAssignment(a);
    expect(refusal(code.slice(0, -10)).code).toBe('damaged');
    expect(refusal(code.slice(0, 40)).error).toMatch(/damaged or incomplete/);
    const i = 20;
    const flipped = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    expect(refusal(flipped).code).toBe('damaged');
  });
  it('a future format, in a code or in a file', () => {
    const future = encodeFrame('assignment', 2, { whatever: true });
    expect(refusal(future).error).toMatch(/newer Headroom \(format 2\) — update Headroom first/);
    expect(refusal(withField('version', 3)).code).toBe('newer-version');
  });
  it('a report given where an assignment is expected', () => {
    expect(refusal(encodeFrame('report', 1, {})).error).toMatch(
      /report code, not an assignment.*Import reports/,
    );
    expect(refusal('{"headroom":"report"}').code).toBe('wrong-kind');
    expect(refusal('https://x.test/#r=r1.abc.def').code).toBe('wrong-kind');
  });
  it('payloads over 64 kB, as a code or as a file', () => {
    const big = encodeFrame('assignment', 1, { i: 'x'.repeat(70_000) });
    expect(refusal(big).error).toMatch(/too large \(69 kB; the limit is 64 kB\)/);
    expect(refusal(withField('instructions', 'é'.repeat(40_000))).code).toBe('too-large');
    expect(refusal('a1.'.padEnd(400_000, 'A')).code).toBe('too-large');
  });
  it('invalid JSON in a file', () => {
    expect(refusal('{"headroom": "assignment", "title": ').error).toMatch(/not valid JSON/);
  });
  it('unknown exercise ids, including prototype keys', () => {
    const bad = (exercise: string) => refusal(withField('items', [{ exercise, level: 1, seeds: [1] }]));
    expect(bad('cowbell').error).toMatch(
      /^Item 1: unknown exercise “cowbell” \(this Headroom has eq-boost, /,
    );
    expect(bad('constructor').field).toBe('items[0].exercise');
    expect(bad('__proto__').code).toBe('invalid');
  });
  it('levels a kind does not have', () => {
    const r = refusal(withField('items', [a.items[0], { exercise: 'eq-boost', level: 7, seeds: [1] }]));
    expect(r.error).toBe('Item 2: level 7 does not exist for “Spot the EQ boost” (it has levels 1–6).');
    expect(refusal(withField('items', [{ exercise: 'eq-boost', level: 0, seeds: [1] }])).field).toBe(
      'items[0].level',
    );
    expect(refusal(withField('items', [{ exercise: 'eq-boost', level: 1.5, seeds: [1] }])).code).toBe(
      'invalid',
    );
  });
  it('empty item lists and items without questions', () => {
    expect(refusal(withField('items', [])).error).toBe(
      'The assignment has no items: add at least one exercise.',
    );
    expect(refusal(withField('items', [{ exercise: 'eq-boost', level: 1, seeds: [] }])).error).toBe(
      'Item 1 has no questions.',
    );
  });
  it('pass marks outside 0–100 or not whole', () => {
    expect(refusal(withField('passMark', 101)).error).toBe('The pass mark 101 is outside 0–100.');
    expect(refusal(withField('passMark', -1)).error).toBe('The pass mark -1 is outside 0–100.');
    expect(refusal(withField('passMark', 70.5)).error).toBe('The pass mark 70.5 is not a whole number.');
    expect(refusal(withField('passMark', '70')).error).toBe(
      'The pass mark (field “passMark”) is written as text, “70” in quotes: it must be a plain number, 70 without quotes.',
    );
    expect(refusal(withField('version', '1')).error).toBe(
      'The format version (field “version”) is written as text, “1” in quotes: it must be a plain number, 1 without quotes.',
    );
    expect(refusal(withField('passMark', 'high')).error).toBe(
      'The pass mark (field “passMark”) is the text “high”: it must be a number.',
    );
    expect(refusal(withField('passMark', undefined)).error).toBe('The pass mark is missing.');
  });
  it('non-integer, negative, too-large and repeated seeds', () => {
    const seeds = (list: unknown[]) =>
      refusal(withField('items', [{ exercise: 'eq-boost', level: 1, seeds: list }]));
    expect(seeds([1, 2.5]).error).toBe(
      'Item 1, question 2: seed 2.5 is not a whole number from 0 to 4294967295.',
    );
    expect(seeds([-1]).field).toBe('items[0].seeds[0]');
    expect(seeds([2 ** 32]).code).toBe('invalid');
    expect(seeds(['7']).error).toBe(
      'Item 1, question 1: seed (field “items[0].seeds[0]”) is written as text, “7” in quotes: it must be a plain number, 7 without quotes.',
    );
    expect(seeds([3, 3]).error).toBe('Item 1 repeats question 3 of item 1.');
    expect(seeds(Array.from({ length: 101 }, (_, i) => i)).error).toMatch(/101 entries; at most 100/);
  });
  it('a packed seed run with a bad count or first seed', () => {
    const packed = (x: unknown) =>
      encodeFrame('assignment', 1, { i: 'abcd', t: 'T', n: '', p: 50, c: a.createdAt, x });
    expect(decodeAssignment(packed([['eq-boost', 1, 9, 3]])).ok).toBe(true);
    expect(refusal(packed([['eq-boost', 1, 9, 5000]])).field).toBe('items[0].seeds');
    expect(refusal(packed([['eq-boost', 1, 9, 150]])).error).toMatch(/150 entries/);
    expect(refusal(packed([['eq-boost', 1, 1.5, 3]])).error).toMatch(/seed 1.5/);
    expect(refusal(packed('nope')).error).toBe('The item list is missing or is not a list.');
  });
  it('missing or mistyped fields', () => {
    expect(refusal(withField('title', undefined)).error).toBe('The title is missing or is not text.');
    expect(refusal(withField('title', '   ')).error).toBe('The title is empty.');
    expect(refusal(withField('title', 'x'.repeat(MAX_TITLE + 1))).error).toMatch(/title is too long \(121/);
    expect(refusal(withField('title', 'a\u0007b')).error).toBe('The title contains control characters.');
    expect(refusal(withField('instructions', 'x'.repeat(MAX_INSTRUCTIONS + 1))).field).toBe('instructions');
    expect(refusal(withField('id', 'a b')).field).toBe('id');
    expect(refusal(withField('createdAt', 'yesterday')).field).toBe('createdAt');
    expect(refusal(withField('due', '2026-02-30')).error).toBe(
      'The due date is not a real date written as YYYY-MM-DD.',
    );
    expect(refusal(withField('lessons', ['EQ basics'])).error).toBe('Lesson 1 has a malformed lesson id.');
    expect(refusal(withField('items', 'all of them')).error).toBe(
      'The item list is missing or is not a list.',
    );
    expect(refusal(withField('items', [7])).error).toBe('Item 1 is missing or is not a set of fields.');
    expect(refusal('{"headroom":"assignment"}').field).toBe('version');
  });
  it('keeps HTML in text fields as plain text (escaping is the UI’s job, nothing is stripped)', () => {
    const html = { ...a, title: '<img src=x onerror=alert(1)>' };
    const r = decodeAssignment(encodeAssignment(html));
    expect(r.ok && r.assignment.title).toBe('<img src=x onerror=alert(1)>');
  });
  it('checks against the catalog it is given', () => {
    const tiny = createCatalog([{ id: 'eq-boost', title: 'EQ', levels: 1, levelNames: ['one'] }]);
    const r = decodeAssignment(encodeAssignment(a), tiny);
    expect(!r.ok && r.error).toMatch(/^Item 1: level 2 does not exist for “EQ” \(it has levels 1–1\)\.$/);
  });
  it('refuses a payload that is valid JSON but not an object', () => {
    const code = `a1.${base64urlEncode(utf8Encode('[1,2]'))}`;
    expect(refusal(code).code).toBe('damaged');
    expect(refusal(encodeFrame('assignment', 1, [1, 2])).error).toBe(
      'The assignment is missing or is not a set of fields.',
    );
  });
});
