/** The school's learning record store: where statements go and the login they go with (pure checks). */

/** An LRS a teacher (or an assignment, or a cmi5 launch) set up on this device. */
export interface LrsConfig {
  /** The statements API's base, always ending in '/', e.g. 'https://lrs.school.example/xapi/'. */
  endpoint: string;
  /** Basic authentication: the LRS's key and secret (or user name and password). */
  username: string;
  password: string;
  /** Epoch ms. */
  savedAt: number;
}

/** What was typed, before checking. */
export interface LrsConfigInput {
  endpoint: string;
  username: string;
  password: string;
}

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/i;
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The endpoint's parts, or a plain-words problem. */
export function parseEndpoint(text: string): { origin: string; endpoint: string } | { problem: string } {
  const t = text.trim();
  const m = /^(https?):\/\/([^/?#\s]*)(\/[^?#\s]*)?$/i.exec(t);
  if (!m)
    return { problem: 'The address must look like https://lrs.school.example/xapi/ (no spaces, no ? or #).' };
  const scheme = (m[1] ?? '').toLowerCase();
  const host = (m[2] ?? '').toLowerCase();
  if (host.includes('@'))
    return { problem: 'Put the login in the key and secret boxes, not in the address.' };
  if (!HOST.test(host)) return { problem: `“${host}” is not a server name.` };
  if (scheme === 'http' && !LOOPBACK.test(host))
    return { problem: 'The address must start with https:// so the login and the results travel encrypted.' };
  const path = m[3] ?? '/';
  return {
    origin: `${scheme}://${host}`,
    endpoint: `${scheme}://${host}${path.endsWith('/') ? path : `${path}/`}`,
  };
}

/** Checks a typed setup; returns the config or the first problem in plain words. */
export function checkLrsConfig(input: LrsConfigInput, now: number): LrsConfig | { problem: string } {
  const parsed = parseEndpoint(input.endpoint);
  if ('problem' in parsed) return parsed;
  if (!input.username.trim()) return { problem: 'Type the key (user name) the record store gave you.' };
  if (!input.password) return { problem: 'Type the secret (password) the record store gave you.' };
  if (input.username.includes(':')) return { problem: 'The key cannot contain a colon (:).' };
  return {
    endpoint: parsed.endpoint,
    username: input.username.trim(),
    password: input.password,
    savedAt: now,
  };
}

/** Reads a stored config back; null when it is missing or not in the right shape. */
export function readLrsConfig(value: unknown): LrsConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.endpoint !== 'string' || typeof v.username !== 'string' || typeof v.password !== 'string')
    return null;
  const parsed = parseEndpoint(v.endpoint);
  if ('problem' in parsed) return null;
  return {
    endpoint: parsed.endpoint,
    username: v.username,
    password: v.password,
    savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0,
  };
}

/** The origin the Content-Security-Policy must allow for this config ('https://lrs.school.example'). */
export function lrsOrigin(config: Pick<LrsConfig, 'endpoint'>): string {
  const parsed = parseEndpoint(config.endpoint);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.origin;
}
