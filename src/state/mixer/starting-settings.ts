import { defaultStripSettings, type StripSettings } from '../../engine/strip-settings';
import type { SourceTrack } from '../shared/test-sources';

/**
 * A strip's starting settings for a track: the engine's flat strip at the track's rough-mix level, pan and
 * reverb send. Kept apart from the engine (live-mix.ts) so a song's strips appear without waiting for it.
 */
export function startingSettings(track: SourceTrack): StripSettings {
  const flat = defaultStripSettings(track.name);
  const send = track.defaultReverbSendDb;
  return {
    ...flat,
    faderDb: track.defaultFaderDb,
    pan: track.defaultPan ?? flat.pan,
    ...(send !== undefined && Number.isFinite(send)
      ? { sends: { ...flat.sends, reverb: { ...flat.sends.reverb, levelDb: send, enabled: true } } }
      : {}),
  };
}
