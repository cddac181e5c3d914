/** The small language of listening settings: `a="flat"`, `b="hpf 100, bell 3k +4, comp thr=-20 ratio=4"`. */
import { NOTE_VALUES, type NoteValue } from '../dsp/delay';
import type { CompMove, EqMove, ListenSetting } from './schema';

/** A setting, or why it could not be read. */
export type SettingResult = { ok: true; setting: ListenSetting } | { ok: false; reason: string };

/** Compressor values used for any that a `comp` move leaves out. */
export const DEFAULT_COMP: CompMove = {
  thresholdDb: -18,
  ratio: 4,
  attackMs: 10,
  releaseMs: 120,
  makeupDb: 0,
};
const DEFAULT_SEND_DB = -12;

/** Every move name, for error messages and the teachers' README. */
export const SETTING_MOVES = [
  'flat',
  'gain',
  'pan',
  'hpf',
  'bell',
  'lowshelf',
  'highshelf',
  'comp',
  'reverb',
  'delay',
  'mute',
] as const;

class Bad extends Error {}

function number(word: string | undefined, what: string, unit: RegExp, min: number, max: number): number {
  const m = word === undefined ? null : /^([+-]?\d+(?:\.\d+)?)(.*)$/.exec(word);
  if (!m || !unit.test(m[2] ?? '')) throw new Bad(`expected ${what}, got "${word ?? ''}"`);
  const v = Number(m[1]);
  if (v < min || v > max) throw new Bad(`${what} must be between ${min} and ${max}, got ${v}`);
  return v;
}

/** "3k", "2.5kHz", "120", "120Hz" → Hz. */
function frequency(word: string | undefined): number {
  const m = word === undefined ? null : /^(\d+(?:\.\d+)?)(k?)(?:hz)?$/i.exec(word);
  if (!m) throw new Bad(`expected a frequency like 120 or 3k, got "${word ?? ''}"`);
  const hz = Number(m[1]) * (m[2] ? 1000 : 1);
  if (hz < 20 || hz > 20_000) throw new Bad(`frequency must be between 20 Hz and 20k, got ${hz} Hz`);
  return hz;
}

const decibels = (word: string | undefined, what: string, min: number, max: number) =>
  number(word, `${what} in dB`, /^(db)?$/i, min, max);

/** "C", "L30", "R100" or a number from -1 to 1. */
function pan(word: string | undefined): number {
  const m = word === undefined ? null : /^([LRC])(\d{1,3})?$/i.exec(word);
  if (m) {
    const side = (m[1] ?? 'C').toUpperCase();
    const amount = m[2] === undefined ? 0 : Number(m[2]);
    if (side === 'C') return 0;
    if (amount < 1 || amount > 100) throw new Bad(`pan amount must be 1 to 100, e.g. L30, got "${word}"`);
    return ((side === 'L' ? -1 : 1) * amount) / 100;
  }
  return number(word, 'a pan position like C, L30, R100 or -1 … 1', /^$/, -1, 1);
}

/** key=value pairs after a move name. */
function pairs(words: string[], keys: readonly string[], move: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    const m = /^([a-z]+)=(.+)$/i.exec(w);
    if (!m || !keys.includes((m[1] ?? '').toLowerCase()))
      throw new Bad(`"${move}" takes ${keys.map((k) => `${k}=…`).join(' ')}, not "${w}"`);
    out.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
  }
  return out;
}

function eqMove(type: EqMove['type'], words: string[], move: string): EqMove {
  const [f, g, ...rest] = words;
  let q = type === 'peaking' ? 1.4 : Math.SQRT1_2;
  for (const w of rest) {
    const m = /^q=?(\d+(?:\.\d+)?)$/i.exec(w);
    if (!m || type !== 'peaking')
      throw new Bad(`"${move}" takes a frequency, a gain and (bell only) q=…, not "${w}"`);
    q = Number(m[1]);
    if (q < 0.1 || q > 20) throw new Bad(`q must be between 0.1 and 20, got ${q}`);
  }
  return { type, frequency: frequency(f), gainDb: decibels(g, 'EQ gain', -24, 24), q };
}

function compMove(words: string[]): CompMove {
  const p = pairs(words, ['thr', 'ratio', 'attack', 'release', 'makeup'], 'comp');
  const get = (k: string) => p.get(k);
  const ratio = get('ratio')?.replace(/:1$/, '');
  return {
    thresholdDb:
      get('thr') === undefined ? DEFAULT_COMP.thresholdDb : decibels(get('thr'), 'threshold', -60, 0),
    ratio: ratio === undefined ? DEFAULT_COMP.ratio : number(ratio, 'a ratio like 4 or 4:1', /^$/, 1, 100),
    attackMs:
      get('attack') === undefined
        ? DEFAULT_COMP.attackMs
        : number(get('attack'), 'attack in ms', /^(ms)?$/i, 0.1, 500),
    releaseMs:
      get('release') === undefined
        ? DEFAULT_COMP.releaseMs
        : number(get('release'), 'release in ms', /^(ms)?$/i, 5, 5000),
    makeupDb: get('makeup') === undefined ? DEFAULT_COMP.makeupDb : decibels(get('makeup'), 'makeup', 0, 24),
  };
}

function sendDb(p: Map<string, string>): number {
  const v = p.get('send');
  return v === undefined ? DEFAULT_SEND_DB : decibels(v, 'send level', -60, 6);
}

function applyMove(setting: ListenSetting, words: string[]): void {
  const [name, ...args] = words;
  const move = (name ?? '').toLowerCase();
  const none = () => {
    if (args.length > 0) throw new Bad(`"${move}" takes nothing after it`);
  };
  switch (move) {
    case 'flat':
    case 'dry':
      none();
      return;
    case 'mute':
      none();
      setting.mute = true;
      return;
    case 'gain':
    case 'fader':
      if (args.length !== 1) throw new Bad(`"${move}" takes one level in dB, e.g. "gain -6"`);
      setting.faderDb = decibels(args[0], 'gain', -60, 12);
      return;
    case 'pan':
      if (args.length !== 1) throw new Bad('"pan" takes one position, e.g. "pan L30"');
      setting.pan = pan(args[0]);
      return;
    case 'hpf':
      if (args.length !== 1) throw new Bad('"hpf" takes one frequency, e.g. "hpf 100"');
      setting.highPassHz = frequency(args[0]);
      return;
    case 'bell':
    case 'lowshelf':
    case 'highshelf': {
      const type = move === 'bell' ? 'peaking' : move;
      const eq = (setting.eq ??= []);
      eq.push(eqMove(type, args, move));
      if (eq.filter((b) => b.type === type).length > (type === 'peaking' ? 2 : 1))
        throw new Bad(`a strip has two bells, one low shelf and one high shelf: too many "${move}" moves`);
      return;
    }
    case 'comp':
      setting.compressor = compMove(args);
      return;
    case 'reverb': {
      const [time, ...rest] = args;
      const seconds = number(time, 'a decay time like 1.5s', /^s$/i, 0.1, 10);
      setting.reverb = { seconds, sendDb: sendDb(pairs(rest, ['send'], 'reverb')) };
      return;
    }
    case 'delay': {
      const [note, ...rest] = args;
      if (!(NOTE_VALUES as readonly string[]).includes(note ?? ''))
        throw new Bad(`"delay" takes a note value (${NOTE_VALUES.join(', ')}), got "${note ?? ''}"`);
      const p = pairs(rest, ['fb', 'send'], 'delay');
      const fb = p.get('fb');
      const feedback = fb === undefined ? 0.3 : number(fb, 'feedback in %', /^%?$/, 0, 90) / 100;
      setting.delay = { note: note as NoteValue, feedback, sendDb: sendDb(p) };
      return;
    }
    default:
      throw new Bad(`unknown move "${name ?? ''}" (moves: ${SETTING_MOVES.join(', ')})`);
  }
}

/** Reads one side of a listening example. Moves are separated by commas; "flat" means no change. */
export function parseSetting(text: string): SettingResult {
  const setting: ListenSetting = { text: text.trim() };
  const moves = text.split(',').map((m) => m.trim());
  try {
    if (moves.some((m) => m === '')) throw new Bad('a move is empty (two commas, or nothing at all)');
    for (const m of moves) applyMove(setting, m.split(/\s+/));
  } catch (error) {
    if (error instanceof Bad) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, setting };
}
