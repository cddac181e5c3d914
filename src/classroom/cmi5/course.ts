/**
 * A cmi5 course structure (cmi5.xml) for one Headroom assignment (pure): one assignable unit whose launch
 * URL is the hosted app's /cmi5 page with the assignment's code, so an LMS launches Headroom on it. The
 * package is a ZIP with cmi5.xml at its root and no media (the AU is hosted).
 */
import { utf8Encode } from '../bytes';
import { storedZip } from './zip';

/** What the course needs to know about the assignment. */
export interface Cmi5CourseInput {
  assignmentId: string;
  title: string;
  description: string;
  /** Pass mark 0–100: the AU's masteryScore is pass mark / 100. */
  passMark: number;
  /** The launch URL, absolute ('https://…/cmi5?a=…'). */
  launchUrl: string;
}

/** Whether XML 1.0 can hold a character at all (tab, line feed and carriage return are the only controls). */
const xmlChar = (ch: string) => {
  const c = ch.codePointAt(0) as number;
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);
};

const escapeXml = (s: string) =>
  [...s]
    .filter(xmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** The AU's activity id (an IRI; the same one the statements use). */
export function auActivityId(assignmentId: string): string {
  return `urn:headroom:assignment:${encodeURIComponent(assignmentId)}`;
}

/** The cmi5.xml text. */
export function cmi5Xml(c: Cmi5CourseInput): string {
  if (!/^https?:\/\//.test(c.launchUrl)) throw new Error('The launch address must be a full web address.');
  const mastery = Math.min(1, Math.max(0, Math.round(c.passMark) / 100));
  const lang = (s: string) => `<langstring lang="en-US">${escapeXml(s)}</langstring>`;
  const description = c.description.trim() || c.title;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">',
    `  <course id="${escapeXml(`${auActivityId(c.assignmentId)}:course`)}">`,
    `    <title>${lang(c.title)}</title>`,
    `    <description>${lang(description)}</description>`,
    '  </course>',
    `  <au id="${escapeXml(auActivityId(c.assignmentId))}" moveOn="Passed" masteryScore="${mastery}" launchMethod="AnyWindow">`,
    `    <title>${lang(c.title)}</title>`,
    `    <description>${lang(description)}</description>`,
    `    <url>${escapeXml(c.launchUrl)}</url>`,
    '  </au>',
    '</courseStructure>',
    '',
  ].join('\n');
}

/** The cmi5 package: a ZIP with cmi5.xml at its root. */
export function cmi5Package(c: Cmi5CourseInput): Uint8Array {
  return storedZip([{ name: 'cmi5.xml', data: utf8Encode(cmi5Xml(c)) }]);
}
