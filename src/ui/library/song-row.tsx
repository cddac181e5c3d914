import type { ComponentChildren } from 'preact';
import { previewSongId, previewStatus } from '../../state/library/library';

/** One song of the library: title, details, preview and "Mix this song", plus any extra actions. */
export function SongRow(props: {
  id: string;
  title: string;
  details: string;
  highlight?: boolean;
  onPreview: () => void;
  onMix: () => void;
  /** Extra buttons after "Mix this song". */
  children?: ComponentChildren;
  /** Shown under the row, full width (a rename form). */
  below?: ComponentChildren;
}) {
  const mine = previewSongId.value === props.id;
  const status = mine ? previewStatus.value : 'idle';
  const label = status === 'loading' ? 'Loading…' : status === 'playing' ? 'Stop' : 'Play';
  return (
    <li class={`lib-song${props.highlight ? ' is-new' : ''}${mine ? ' is-previewing' : ''}`}>
      <div class="lib-song-text">
        <span class="lib-song-title">{props.title}</span>
        <span class="lib-song-details muted">{props.details}</span>
      </div>
      <div class="lib-song-actions">
        <button
          type="button"
          class="btn lib-play"
          aria-pressed={status === 'playing'}
          aria-label={`${label} preview of ${props.title}`}
          onClick={props.onPreview}
        >
          <span aria-hidden="true">{status === 'playing' ? '■' : status === 'loading' ? '…' : '▶'}</span>{' '}
          {label}
        </button>
        <button type="button" class="btn btn-primary" onClick={props.onMix}>
          Mix this song
        </button>
        {props.children}
      </div>
      {props.below}
    </li>
  );
}
