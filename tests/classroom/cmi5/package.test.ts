import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auActivityId, cmi5Package, cmi5Xml } from '../../../src/classroom/cmi5/course';
import { crc32, storedZip } from '../../../src/classroom/cmi5/zip';

const enc = (s: string) => new TextEncoder().encode(s);

/** Lists and reads a ZIP with Python's zipfile (an independent reader), which also checks every CRC. */
function readWithPython(bytes: Uint8Array): { name: string; text: string }[] {
  const file = join(mkdtempSync(join(tmpdir(), 'headroom-zip-')), 'p.zip');
  writeFileSync(file, bytes);
  const r = spawnSync(
    'python3',
    [
      '-c',
      'import zipfile,sys,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps([{"name":i.filename,"text":z.read(i).decode("utf-8")} for i in z.infolist()]))',
      file,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('ZIP writer', () => {
  it('CRC-32 matches the standard check value', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
  it('writes an archive another reader opens, names in UTF-8, contents intact', () => {
    const zip = storedZip([
      { name: 'cmi5.xml', data: enc('<a/>') },
      { name: 'docs/Überblick.txt', data: enc('Grüße ♪') },
      { name: 'empty', data: new Uint8Array() },
    ]);
    expect(readWithPython(zip)).toEqual([
      { name: 'cmi5.xml', text: '<a/>' },
      { name: 'docs/Überblick.txt', text: 'Grüße ♪' },
      { name: 'empty', text: '' },
    ]);
  });
  it('refuses unsafe or repeated names', () => {
    for (const name of ['', '/abs', 'a/../b', 'a\\b'])
      expect(() => storedZip([{ name, data: enc('x') }])).toThrow(/not a safe file name/);
    expect(() =>
      storedZip([
        { name: 'a', data: enc('') },
        { name: 'a', data: enc('') },
      ]),
    ).toThrow(/twice/);
  });
});

describe('cmi5 package', () => {
  const input = {
    assignmentId: 'wk3-eq',
    title: 'Week 3: EQ & "boosts" <fast>',
    description: '',
    passMark: 70,
    launchUrl: 'https://headroom.school.example/cmi5?a=AbC_-12',
  };
  it('cmi5.xml: course and one AU with the launch URL, masteryScore from the pass mark, text escaped', () => {
    const xml = cmi5Xml(input);
    expect(xml).toContain(
      '<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">',
    );
    expect(xml).toContain(
      `<au id="${auActivityId('wk3-eq')}" moveOn="Passed" masteryScore="0.7" launchMethod="AnyWindow">`,
    );
    expect(xml).toContain('<url>https://headroom.school.example/cmi5?a=AbC_-12</url>');
    expect(xml).toContain('Week 3: EQ &amp; &quot;boosts&quot; &lt;fast&gt;');
    expect(xml).not.toMatch(/<fast>/);
    expect(() => cmi5Xml({ ...input, launchUrl: '/cmi5?a=x' })).toThrow(/full web address/);
  });
  it('the package is a ZIP with cmi5.xml at its root, and the XML parses', () => {
    const files = readWithPython(cmi5Package(input));
    expect(files.map((f) => f.name)).toEqual(['cmi5.xml']);
    const r = spawnSync(
      'python3',
      [
        '-c',
        'import sys,xml.etree.ElementTree as E\nr=E.fromstring(sys.stdin.read().encode())\nns="{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"\nprint(r.find(ns+"au").find(ns+"url").text)',
      ],
      { input: files[0]?.text, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(input.launchUrl);
  });
});
