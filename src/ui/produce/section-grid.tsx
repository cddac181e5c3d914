import { useEffect, useRef } from 'preact/hooks';
import { isDrumTrack } from '../../production/drum-hits';
import { presetsForTrack } from '../../production/presets';
import type { Section, Song, Track } from '../../production/types';
import type { Arranger } from '../../state/produce/arranger';
import { trackColor } from '../mixer/track-colors';
import { CLIP_HEIGHT, clipPath, eventsIn, pitchSpan } from './clip-geometry';

const SECTION_NAMES: Record<Section['name'], string> = {
  intro: 'Intro',
  verse: 'Verse',
  chorus: 'Chorus',
  bridge: 'Bridge',
  outro: 'Outro',
};

/** The chords a section cycles through, once ("C G Am F"). */
function sectionChords(section: Section): string {
  const names = section.chords.map((c) => c.name);
  for (const size of [1, 2, 4, 8]) {
    if (names.every((n, i) => n === names[i % size])) return names.slice(0, size).join(' ');
  }
  return names.join(' ');
}

/** Moves the playhead line with requestAnimationFrame while the preview plays (no re-renders). */
function Playhead({ arranger, seconds }: { arranger: Arranger; seconds: number }) {
  const line = useRef<HTMLDivElement>(null);
  const playing = arranger.playing.value;
  useEffect(() => {
    let frame = 0;
    const tick = () => {
      const fraction = seconds > 0 ? Math.min(1, arranger.position() / seconds) : 0;
      if (line.current) line.current.style.left = `${(fraction * 100).toFixed(3)}%`;
      if (playing) frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [arranger, playing, seconds]);
  return (
    <div class="arr-playhead-lane" aria-hidden="true">
      <div ref={line} class={`arr-playhead${playing ? ' is-playing' : ''}`} />
    </div>
  );
}

function TrackRow({ arranger, song, track }: { arranger: Arranger; song: Song; track: Track }) {
  const kind = isDrumTrack(track.id) ? 'drum' : 'pitched';
  const span = pitchSpan(track.events);
  const presets = presetsForTrack(track.id);
  const toggle = () => arranger.toggleMute(track.id);
  return (
    <div class={`arr-row${track.muted ? ' is-muted' : ''}`} style={{ '--track-color': trackColor(track.id) }}>
      <div class="arr-head">
        <span class="arr-name">{track.name}</span>
        <button
          type="button"
          class="arr-mute"
          aria-pressed={track.muted}
          aria-label={`Mute ${track.name}`}
          title={
            track.muted ? `${track.name} is muted: it will not be rendered or mixed` : `Mute ${track.name}`
          }
          onClick={toggle}
        >
          M
        </button>
        <select
          class="arr-sound"
          aria-label={`${track.name} sound`}
          value={track.instrument}
          onChange={(e) => arranger.setInstrument(track.id, (e.currentTarget as HTMLSelectElement).value)}
        >
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div class="arr-lanes">
        {song.sections.map((section) => {
          const from = section.startBar * 4;
          const events = eventsIn(track.events, from, from + section.bars * 4);
          const where = SECTION_NAMES[section.name];
          return (
            // A pointer shortcut for the row's Mute button, which is the keyboard and screen-reader path.
            <div
              key={section.startBar}
              class={`arr-clip${events.length === 0 ? ' is-empty' : ''}`}
              aria-hidden="true"
              title={`${track.name} in the ${where.toLowerCase()}: ${events.length === 0 ? 'resting' : `${events.length} ${kind === 'drum' ? 'hits' : 'notes'}`} (click to ${track.muted ? 'unmute' : 'mute'} the ${track.name.toLowerCase()})`}
              onClick={toggle}
            >
              {events.length > 0 && (
                <svg
                  viewBox={`0 0 ${section.bars * 4} ${CLIP_HEIGHT}`}
                  preserveAspectRatio="none"
                  aria-hidden="true"
                >
                  <path d={clipPath(events, from, kind, span)} />
                </svg>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The song as a DAW arrangement: sections across, parts down, each cell a clip showing what the part
 * plays there (or a gap where it rests). Each row has its sound and a mute; clicking a clip mutes the
 * part too (for the whole song: production renders a part or leaves it out).
 */
export function SectionGrid({ arranger }: { arranger: Arranger }) {
  const song = arranger.song.value;
  const bars = song.arrangement.bars;
  const columns = song.sections.map((s) => `${s.bars}fr`).join(' ');
  return (
    <div class="arr-scroll">
      <div class="arr-table" style={{ '--sections': columns, '--bars': String(bars) }}>
        <div class="arr-row arr-ruler">
          <div class="arr-head arr-corner">
            <span class="muted">Parts</span>
            <span class="muted arr-bars">{bars} bars</span>
          </div>
          <div class="arr-lanes">
            {song.sections.map((s) => (
              <div key={s.startBar} class={`arr-section is-${s.name}`}>
                <strong>{SECTION_NAMES[s.name]}</strong>
                <span class="arr-chords">{sectionChords(s)}</span>
              </div>
            ))}
          </div>
        </div>
        {song.tracks.map((track) => (
          <TrackRow key={track.id} arranger={arranger} song={song} track={track} />
        ))}
        <Playhead arranger={arranger} seconds={arranger.loopSeconds()} />
      </div>
    </div>
  );
}
