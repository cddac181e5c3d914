import { describe, expect, it } from 'vitest';
import { assignmentFileText, decodeAssignment, encodeAssignment } from '../../src/classroom/assignment';
import { csvCell } from '../../src/classroom/csv';
import { decodeReport, reportChecksum, reportFileText } from '../../src/classroom/report';
import { hasHiddenCharacters, sanitiseText } from '../../src/classroom/sanitise';
import { sampleAssignment, sampleReport } from './fixtures';

const HIDDEN = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2060',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\uFEFF',
  '\u061C',
  '\u00AD',
  '\u{E0041}',
];

describe('sanitiseText', () => {
  it('removes every invisible and direction-changing character and nothing else', () => {
    for (const c of HIDDEN) {
      expect(sanitiseText(`a${c}b`)).toBe('ab');
      expect(hasHiddenCharacters(`a${c}b`)).toBe(true);
    }
    expect(sanitiseText('Homework \u202Egnp.exe\u202C')).toBe('Homework gnp.exe');
    const visible = 'Zoë Ødegård — 日本語 עברית ✓\nline two\ttab';
    expect(sanitiseText(visible)).toBe(visible);
    expect(hasHiddenCharacters(visible)).toBe(false);
  });
  it('is used on decoded assignments: the title shows as written, not reversed', () => {
    const a = sampleAssignment({
      title: 'Homework \u202Egnp.exe\u202C',
      instructions: 'Listen\u200B twice.\nThen answer.',
    });
    for (const input of [encodeAssignment(a), assignmentFileText(a)]) {
      const d = decodeAssignment(input);
      expect(d.ok && [d.assignment.title, d.assignment.instructions]).toEqual([
        'Homework gnp.exe',
        'Listen twice.\nThen answer.',
      ]);
    }
    const blank = decodeAssignment(assignmentFileText(sampleAssignment({ title: '\u200B\u200B' })));
    expect(!blank.ok && blank.error).toBe('The title is empty.');
  });
  it('is used on decoded reports: names are cleaned, the checksum still holds over what was sent', () => {
    const r = sampleReport('Ana \u202Eevil\u202C', 100);
    // buildReport cleans the name the student typed, so an honest report never carries them.
    expect(r.student).toBe('Ana evil');
    const raw = { ...r, student: 'Ana \u202Eevil\u202C' };
    const signed = { ...raw, checksum: reportChecksum(raw) };
    const d = decodeReport(reportFileText(signed));
    if (!d.ok) throw new Error(d.error);
    expect(d.report.student).toBe('Ana evil');
    expect(d.hidden).toBe(true);
    expect(d.edited).toBeUndefined();
    expect(d.id).toBe(signed.checksum);
    expect(d.raw?.student).toBe('Ana \u202Eevil\u202C');
  });
  it('is used in the CSV', () => {
    expect(csvCell('Homework \u202Egnp.exe\u202C')).toBe('Homework gnp.exe');
    expect(csvCell('\u200B=SUM(A1)')).toBe("'=SUM(A1)");
  });
});

describe('messages for files that are not Headroom files', () => {
  const binary = `${String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)}#a=IHDR\uFFFD`;
  it('a binary file is “not a Headroom … file”, never “this link has no … in it”', () => {
    const a = decodeAssignment(binary);
    const r = decodeReport(binary);
    expect(!a.ok && a.error).toBe(
      'This is not a Headroom assignment file: it holds binary data (like a picture, a document or a program), not text.',
    );
    expect(!r.ok && r.error).toBe(
      'This is not a Headroom report file: it holds binary data (like a picture, a document or a program), not text.',
    );
  });
  it('text with a “#” that is no link is not called a link without an assignment', () => {
    const d = decodeAssignment('Meeting notes #3: bring headphones');
    expect(!d.ok && d.error).toBe('This is not a Headroom assignment link, code or file.');
    const cut = decodeAssignment('https://class.example/classroom/open');
    expect(!cut.ok && cut.error).toMatch(/^This link has no assignment in it/);
  });
  it('numbers written as text name the field and say what it should be', () => {
    const r = sampleReport('Ana', 100);
    const field = (key: string, value: unknown) => {
      const d = decodeReport(JSON.stringify({ headroom: 'report', ...r, [key]: value }));
      return !d.ok && d.error;
    };
    expect(field('version', '1')).toBe(
      'The format version (field “version”) is written as text, “1” in quotes: it must be a plain number, 1 without quotes.',
    );
    expect(field('passMark', '60')).toBe(
      'The pass mark (field “passMark”) is written as text, “60” in quotes: it must be a plain number, 60 without quotes.',
    );
  });
});
