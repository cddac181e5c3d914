/** The sound presets an arranger can choose per track (the synthesis lives in synth/voices.ts). */
import type { TrackId } from './types';

/** A sound preset's identity. */
export interface PresetInfo {
  /** Preset id, stored in Track.instrument. */
  id: string;
  /** Display name. */
  label: string;
  /** Tracks it can be used on. */
  tracks: readonly TrackId[];
}

const HARMONY: readonly TrackId[] = ['chords', 'keys', 'lead'];
const LEADS: readonly TrackId[] = ['lead', 'keys', 'vocal'];

/** Every preset, grouped by the track it is mainly for. */
export const PRESETS: readonly PresetInfo[] = [
  { id: 'kick-punch', label: 'Punchy kick', tracks: ['kick'] },
  { id: 'kick-808', label: '808 kick', tracks: ['kick'] },
  { id: 'kick-club', label: 'Club kick', tracks: ['kick'] },
  { id: 'kick-soft', label: 'Soft kick', tracks: ['kick'] },
  { id: 'snare-tight', label: 'Tight snare', tracks: ['snare'] },
  { id: 'snare-fat', label: 'Fat snare', tracks: ['snare'] },
  { id: 'snare-clap', label: 'Clap', tracks: ['snare'] },
  { id: 'snare-soft', label: 'Soft snare', tracks: ['snare'] },
  { id: 'hats-bright', label: 'Bright hi-hats', tracks: ['hats'] },
  { id: 'hats-dark', label: 'Dark hi-hats', tracks: ['hats'] },
  { id: 'perc-kit', label: 'Percussion', tracks: ['perc'] },
  { id: 'perc-bright', label: 'Bright percussion', tracks: ['perc'] },
  { id: 'bass-finger', label: 'Finger bass', tracks: ['bass'] },
  { id: 'bass-sub', label: 'Sub bass', tracks: ['bass'] },
  { id: 'bass-saw', label: 'Saw bass', tracks: ['bass'] },
  { id: 'bass-808', label: '808 bass', tracks: ['bass'] },
  { id: 'pad-warm', label: 'Warm pad', tracks: HARMONY },
  { id: 'pad-strings', label: 'Strings', tracks: HARMONY },
  { id: 'guitar-drive', label: 'Driven guitar', tracks: HARMONY },
  { id: 'chords-stab', label: 'Synth stabs', tracks: HARMONY },
  { id: 'keys-organ', label: 'Organ', tracks: HARMONY },
  { id: 'keys-pluck', label: 'Pluck', tracks: HARMONY },
  { id: 'keys-epiano', label: 'Electric piano', tracks: HARMONY },
  { id: 'lead-square', label: 'Square lead', tracks: LEADS },
  { id: 'lead-saw', label: 'Saw lead', tracks: LEADS },
  { id: 'lead-flute', label: 'Soft flute', tracks: LEADS },
  { id: 'vocal-alto', label: 'Vocal (alto)', tracks: ['vocal', 'lead'] },
  { id: 'vocal-tenor', label: 'Vocal (tenor)', tracks: ['vocal', 'lead'] },
  { id: 'noise-pink', label: 'Pink noise', tracks: ['noise'] },
];

/** The presets that fit a track, for the arranger's instrument menu. */
export function presetsForTrack(track: TrackId): PresetInfo[] {
  return PRESETS.filter((p) => p.tracks.includes(track));
}

/** The preset with this id, or undefined. */
export function findPreset(id: string): PresetInfo | undefined {
  return PRESETS.find((p) => p.id === id);
}
