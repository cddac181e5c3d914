/** The shared envelope of assignment and report codes: version prefix, base64url body, check characters. */
import { hashString } from '../dsp/random';
import { base64urlDecode, base64urlEncode, utf8Decode, utf8Encode } from './bytes';

/** What kind of document a code or file holds. */
export type DocKind = 'assignment' | 'report';

/** Why a code, link or file was refused. */
export type CodecErrorCode =
  | 'empty'
  | 'too-large'
  | 'newer-version'
  | 'wrong-kind'
  | 'not-headroom'
  | 'damaged'
  | 'invalid';

/** A refusal: `error` is a sentence the UI shows as it is; `field` names the offending field when there is one. */
export interface CodecFailure {
  ok: false;
  code: CodecErrorCode;
  error: string;
  field?: string;
}

/** The largest decoded assignment (UTF-8 JSON) accepted: 64 kB. */
export const MAX_PAYLOAD_BYTES = 65_536;
/**
 * The largest decoded report accepted: 512 kB. Reports carry every answer so the teacher can mark them
 * again, and a whole-mix answer (every track's fader, pan, EQ and compressor) is a few kB.
 */
export const MAX_REPORT_BYTES = 524_288;
/** Longer input text is refused before any parsing (a 512 kB report is about 700 k characters as a code). */
const MAX_INPUT_CHARS = 1_100_000;

/** The payload limit for a kind of document, in bytes. */
export function maxPayloadBytes(kind: DocKind): number {
  return kind === 'report' ? MAX_REPORT_BYTES : MAX_PAYLOAD_BYTES;
}

const LETTER: Record<DocKind, string> = { assignment: 'a', report: 'r' };
const OTHER: Record<DocKind, DocKind> = { assignment: 'report', report: 'assignment' };
const A: Record<DocKind, string> = { assignment: 'an assignment', report: 'a report' };
const WHERE: Record<DocKind, string> = {
  assignment: 'open it under Classroom → Gradebook → Import reports',
  report: 'open it under Classroom → Open an assignment',
};

/** Builds a refusal. */
export function fail(code: CodecErrorCode, error: string, field?: string): CodecFailure {
  return field === undefined ? { ok: false, code, error } : { ok: false, code, error, field };
}

function checkChars(body: string): string {
  return hashString(body).toString(36).padStart(7, '0');
}

/** Wraps a JSON-able payload as `<letter><version>.<base64url UTF-8 JSON>.<check>`. */
export function encodeFrame(kind: DocKind, version: number, payload: unknown): string {
  const body = base64urlEncode(utf8Encode(JSON.stringify(payload)));
  return `${LETTER[kind]}${version}.${body}.${checkChars(body)}`;
}

/** A successfully read input: the parsed JSON and whether it came from a (packed) code or a (full) file. */
export interface ReadInput {
  ok: true;
  packed: boolean;
  value: unknown;
}

function newer(kind: DocKind, version: number): CodecFailure {
  return fail(
    'newer-version',
    `This ${kind} was made by a newer Headroom (format ${version}) — update Headroom first (reload the app while online), then open it again.`,
  );
}

function readJson(text: string, kind: DocKind, supported: number): ReadInput | CodecFailure {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: only long texts need counting.
  const limit = maxPayloadBytes(kind);
  const bytes = text.length * 3 > limit ? utf8Encode(text).length : 0;
  if (bytes > limit) return tooLarge(kind, bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('damaged', `This ${kind} file is not valid JSON: it is damaged or incomplete.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('not-headroom', `This is not a Headroom ${kind} file.`);
  const marker = (value as { headroom?: unknown }).headroom;
  if (marker === OTHER[kind])
    return fail('wrong-kind', `This is a Headroom ${OTHER[kind]}, not ${A[kind]}: ${WHERE[kind]}.`);
  if (marker !== undefined && marker !== kind)
    return fail('not-headroom', `This is not a Headroom ${kind} file.`);
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > supported) return newer(kind, version);
  return { ok: true, packed: false, value };
}

function tooLarge(kind: DocKind, bytes: number): CodecFailure {
  const kb = Math.ceil(bytes / 1024);
  const limit = Math.round(maxPayloadBytes(kind) / 1024);
  return fail(
    'too-large',
    `This ${kind} is too large (${kb} kB; the limit is ${limit} kB), so it was not opened.`,
  );
}

/** Finds the code in a link's fragment (`#a=…` or `#r=…`), or returns the text itself when it is no link. */
function extractCode(text: string, kind: DocKind): string | CodecFailure {
  const hash = text.indexOf('#');
  const linkish = /^(https?:\/\/|\/)/i.test(text) || /\/classroom\b/.test(text);
  if (hash >= 0 && !linkish)
    return fail('not-headroom', `This is not a Headroom ${kind} link, code or file.`);
  if (hash < 0) {
    if (linkish)
      return fail(
        'damaged',
        `This link has no ${kind} in it: the part after “#” is missing (it may have been cut off when copied).`,
      );
    return text;
  }
  const params = new Map<string, string>();
  for (const part of text.slice(hash + 1).split(/[&;]/)) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const mine = params.get(LETTER[kind]);
  if (mine !== undefined) return mine;
  if (params.has(LETTER[OTHER[kind]]))
    return fail('wrong-kind', `This is a link to a Headroom ${OTHER[kind]}, not ${A[kind]}.`);
  return fail('not-headroom', `This link has no Headroom ${kind} in it.`);
}

/** Whether text read from a file is binary data: NUL, other control characters, or undecodable bytes. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 8 || (c >= 14 && c <= 31) || c === 0xfffd) return true;
  }
  return false;
}

/** Reads a code, a whole link containing one, or a file's JSON, up to parsed JSON. Never throws. */
export function readInput(input: unknown, kind: DocKind, supported: number): ReadInput | CodecFailure {
  if (typeof input !== 'string') return fail('not-headroom', `This is not a Headroom ${kind}.`);
  if (input.length > MAX_INPUT_CHARS) return tooLarge(kind, input.length);
  const text = input.replace(/^\uFEFF/, '').trim();
  if (looksBinary(text))
    return fail(
      'not-headroom',
      `This is not a Headroom ${kind} file: it holds binary data (like a picture, a document or a program), not text.`,
    );
  if (text === '')
    return fail('empty', `Nothing to open: paste a Headroom ${kind} link or code, or choose its file.`);
  if (text.startsWith('{') || text.startsWith('[')) return readJson(text, kind, supported);
  const extracted = extractCode(text, kind);
  if (typeof extracted !== 'string') return extracted;
  let code = extracted.replace(/\s+/g, '');
  if (code.includes('%')) {
    try {
      code = decodeURIComponent(code);
    } catch {
      return fail('damaged', `This ${kind} code is damaged (it has a broken %-escape).`);
    }
  }
  const head = /^([a-z])(\d{1,9})\./.exec(code);
  if (!head) return fail('not-headroom', `This is not a Headroom ${kind} link, code or file.`);
  const [, letter, digits] = head as unknown as [string, string, string];
  if (letter === LETTER[OTHER[kind]])
    return fail('wrong-kind', `This is a Headroom ${OTHER[kind]} code, not ${A[kind]}: ${WHERE[kind]}.`);
  if (letter !== LETTER[kind])
    return fail('not-headroom', `This is not a Headroom ${kind} link, code or file.`);
  const version = Number(digits);
  if (version > supported) return newer(kind, version);
  if (version < 1) return fail('damaged', `This ${kind} code is damaged (format ${version} does not exist).`);
  const rest = code.slice(head[0].length);
  const [body, check, extra] = rest.split('.') as [string, string | undefined, string | undefined];
  if (body.length * 0.75 > maxPayloadBytes(kind)) return tooLarge(kind, Math.floor(body.length * 0.75));
  const damaged = fail(
    'damaged',
    `This ${kind} code is damaged or incomplete (it may have been cut off or changed when it was copied).`,
  );
  if (check === undefined || extra !== undefined || check !== checkChars(body)) return damaged;
  const bytes = base64urlDecode(body);
  const json = bytes && utf8Decode(bytes);
  if (json === null || json === undefined) return damaged;
  try {
    return { ok: true, packed: true, value: JSON.parse(json) };
  } catch {
    return damaged;
  }
}
