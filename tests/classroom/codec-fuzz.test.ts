import { describe, expect, it } from 'vitest';
import { assignmentFileText, decodeAssignment, encodeAssignment } from '../../src/classroom/assignment';
import { packAssignment } from '../../src/classroom/assignment-pack';
import { encodeFrame } from '../../src/classroom/codec';
import { decodeReport, encodeReport, reportFileText } from '../../src/classroom/report';
import { packReport } from '../../src/classroom/report-pack';
import { createRng, type Rng } from '../../src/dsp/random';
import { sampleAssignment, sampleReport } from './fixtures';

const N = 3000;
const rng = createRng(0xc1a55);
const assignment = sampleAssignment();
// A small report (3 items × 3 questions): same structure, so mutations land on interesting fields more often.
const report = sampleReport(
  'Zoë',
  (i, q) => (i * 7 + q * 13) % 101,
  sampleAssignment({
    items: assignment.items.slice(0, 3).map((it) => ({ ...it, seeds: it.seeds.slice(0, 3) })),
  }),
);

const CHARS = 'aA0-_.#=&%{}[]":,\\ \n\u00e9\u{1f3a7}\ufffd\u0000';
const randomChar = (r: Rng) => [...CHARS][r.int(0, [...CHARS].length - 1)]!;

/** One textual mutation: replace, delete, insert, truncate, duplicate or swap a slice. */
function mutateText(r: Rng, text: string): string {
  const i = r.int(0, Math.max(0, text.length - 1));
  switch (r.int(0, 5)) {
    case 0:
      return text.slice(0, i) + randomChar(r) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + text.slice(i + r.int(1, 20));
    case 2:
      return text.slice(0, i) + randomChar(r).repeat(r.int(1, 5)) + text.slice(i);
    case 3:
      return text.slice(0, i);
    case 4:
      return text.slice(0, i) + text.slice(i, i + r.int(1, 200)) + text.slice(i);
    default: {
      const j = r.int(0, text.length);
      return text.slice(j) + text.slice(0, j);
    }
  }
}

/** A random JSON value of any type, sometimes extreme. */
function randomValue(r: Rng, depth = 0): unknown {
  switch (r.int(0, 10)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.int(-5, 200);
    case 3:
      return r.pick([1e308, -0, 0.5, 2 ** 32, 2 ** 53 + 2, -1e-9, 1e21]);
    case 4:
      return r.pick([
        '',
        ' ',
        'eq-boost',
        '__proto__',
        'constructor',
        '2026-02-29',
        'x'.repeat(3000),
        '<b>hi</b>',
      ]);
    case 5:
      return Array.from({ length: r.int(0, 4) }, () => (depth < 3 ? randomValue(r, depth + 1) : 1));
    case 6:
      return depth < 3
        ? { exercise: randomValue(r, depth + 1), level: r.int(-1, 9), seeds: randomValue(r, depth + 1) }
        : {};
    case 7:
      return Array.from({ length: r.int(0, 150) }, () => r.int(0, 5));
    default:
      return String.fromCharCode(r.int(0, 0xffff));
  }
}

/** Replaces, removes or adds a field somewhere in a JSON tree. */
function mutateTree(r: Rng, value: unknown): unknown {
  if (Array.isArray(value)) {
    const copy = value.slice();
    if (copy.length === 0 || r.chance(0.2)) copy.push(randomValue(r));
    else {
      const i = r.int(0, copy.length - 1);
      if (r.chance(0.2)) copy.splice(i, 1);
      else copy[i] = r.chance(0.5) ? mutateTree(r, copy[i]) : randomValue(r);
    }
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys.length && !r.chance(0.1) ? r.pick(keys) : r.pick(['extra', '__proto__', 'version']);
    if (r.chance(0.15)) delete copy[key];
    else copy[key] = r.chance(0.5) ? mutateTree(r, copy[key]) : randomValue(r);
    return copy;
  }
  return randomValue(r);
}

function expectSettled(result: { ok: boolean; error?: string }) {
  if (!result.ok) expect(typeof result.error === 'string' && result.error.length > 10).toBe(true);
}

const decoders = {
  assignment: (t: unknown) => decodeAssignment(t),
  report: (t: unknown) => decodeReport(t),
};

describe.each([
  [
    'assignment',
    encodeAssignment(assignment),
    assignmentFileText(assignment),
    packAssignment(assignment),
    assignment,
  ],
  ['report', encodeReport(report), reportFileText(report), packReport(report), report],
] as const)('%s codec never throws', (kind, code, file, packed, full) => {
  const decode = decoders[kind];
  const r = rng.fork(kind);
  it(`${N} mutated codes and links`, () => {
    let ok = 0;
    for (let i = 0; i < N; i++) {
      let text: string = r.chance(0.3) ? `https://x.test/classroom/open#${kind[0]}=${code}` : code;
      for (let k = r.int(1, 3); k > 0; k--) text = mutateText(r, text);
      const result = decode(text);
      expectSettled(result);
      if (result.ok) ok++;
    }
    // The check characters catch almost every change; the few that pass changed only harmless wrapping.
    expect(ok).toBeLessThan(N * 0.2);
  });
  it(`${N} mutated file texts`, () => {
    for (let i = 0; i < N; i++) expectSettled(decode(mutateText(r, file)));
  });
  it(`${N} structurally mutated files and correctly framed mutated payloads`, () => {
    let accepted = 0;
    for (let i = 0; i < N; i++) {
      const tree = mutateTree(r, r.chance(0.5) ? { headroom: kind, ...full } : packed);
      const text = r.chance(0.5) ? JSON.stringify(tree) : encodeFrame(kind, 1, tree);
      const result = decode(text);
      expectSettled(result);
      if (result.ok) accepted++;
    }
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(N);
  });
  it(`${N} random strings and non-strings`, () => {
    for (let i = 0; i < N; i++) {
      const input =
        i % 10 === 0
          ? randomValue(r)
          : r.chance(0.5)
            ? `${kind[0]}1.${Array.from({ length: r.int(0, 80) }, () => randomChar(r)).join('')}`
            : Array.from({ length: r.int(0, 120) }, () => randomChar(r)).join('');
      expectSettled(decode(input));
    }
  });
  it('anything it accepts re-encodes to something it accepts again, unchanged', () => {
    let checked = 0;
    for (let i = 0; i < N && checked < 200; i++) {
      const result = decode(JSON.stringify(mutateTree(r, { headroom: kind, ...full })));
      if (!result.ok) continue;
      checked++;
      const again =
        kind === 'assignment' && 'assignment' in result
          ? decodeAssignment(encodeAssignment(result.assignment))
          : 'report' in result
            ? decodeReport(encodeReport(result.report))
            : result;
      expect(again).toEqual(result);
    }
    expect(checked).toBeGreaterThan(20);
  });
});
