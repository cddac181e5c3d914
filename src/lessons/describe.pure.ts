/** Words for lesson settings and sources, for the cards a learner reads ("Bell at 3 kHz, +4 dB"). */
import type { EqMove, LessonSource, ListenSetting, MixerControl } from './schema';

const signed = (db: number) => `${db > 0 ? '+' : db < 0 ? '−' : '±'}${Math.abs(db)} dB`;

/** "120 Hz", "3 kHz", "2.5 kHz". */
export function formatHz(hz: number): string {
  return hz >= 1000 ? `${Number((hz / 1000).toFixed(2))} kHz` : `${Math.round(hz)} Hz`;
}

function pan(p: number): string {
  if (p === 0) return 'centre';
  return `${Math.round(Math.abs(p) * 100)}% ${p < 0 ? 'left' : 'right'}`;
}

function eq(move: EqMove): string {
  const name = move.type === 'peaking' ? 'bell' : move.type === 'lowshelf' ? 'low shelf' : 'high shelf';
  return `EQ ${name} at ${formatHz(move.frequency)}, ${signed(move.gainDb)}`;
}

/** Each change of a setting in words; an empty list means "as it is". */
export function describeSetting(s: ListenSetting): string[] {
  const out: string[] = [];
  if (s.mute) out.push('muted');
  if (s.faderDb !== undefined) out.push(`fader ${signed(s.faderDb)}`);
  if (s.pan !== undefined) out.push(`pan ${pan(s.pan)}`);
  if (s.highPassHz !== undefined) out.push(`high-pass at ${formatHz(s.highPassHz)}`);
  for (const move of s.eq ?? []) out.push(eq(move));
  const c = s.compressor;
  if (c)
    out.push(
      `compressor: threshold ${c.thresholdDb} dB, ratio ${c.ratio}:1, attack ${c.attackMs} ms, release ${c.releaseMs} ms` +
        (c.makeupDb ? `, makeup ${signed(c.makeupDb)}` : ''),
    );
  if (s.reverb) out.push(`reverb ${s.reverb.seconds} s, send ${s.reverb.sendDb} dB`);
  if (s.delay)
    out.push(
      `delay ${s.delay.note} note, feedback ${Math.round(s.delay.feedback * 100)}%, send ${s.delay.sendDb} dB`,
    );
  return out;
}

/** "Pop song, seed 3" or "Pink noise". */
export function describeSource(source: LessonSource): string {
  if (source.type === 'pink') return 'Pink noise';
  const style =
    source.style === 'hiphop' ? 'Hip-hop' : source.style[0]?.toUpperCase() + source.style.slice(1);
  return `${style} song, seed ${source.seed}`;
}

/** The song id other pages use ("pop-3"), or "pink". */
export function sourceId(source: LessonSource): string {
  return source.type === 'pink' ? 'pink' : `${source.style}-${source.seed}`;
}

/** Names of mixer controls for people. */
export const CONTROL_LABELS: Readonly<Record<MixerControl, string>> = {
  fader: 'faders',
  pan: 'pan',
  width: 'stereo width and mono',
  eq: 'EQ',
  comp: 'compressor',
  sends: 'reverb and delay sends',
  mute: 'mute',
  solo: 'solo',
};
