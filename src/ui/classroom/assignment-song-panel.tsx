/** An assignment on your teacher's own song: import the same stem files before starting (checked by hash). */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Assignment } from '../../classroom/assignment';
import {
  assignmentSong,
  assignmentSongsChanged,
  importAssignmentSong,
  type SongCheck,
  type SongState,
  songDecodesDifferently,
  songStateOf,
} from '../../state/classroom/assignment-song';

export type { SongState } from '../../state/classroom/assignment-song';

/** The last finished look-up of the assignment's song on this device (null before the first). */
function useSongCheck(assignment: Assignment): { round: number; check: SongCheck | null } {
  const [check, setCheck] = useState<SongCheck | null>(null);
  const round = assignmentSongsChanged.value;
  useEffect(() => {
    if (!assignment.song) return;
    let live = true;
    void assignmentSong(assignment).then((found) => live && setCheck({ assignment, round, found }));
    return () => {
      live = false;
    };
  }, [assignment, round]);
  return { round, check };
}

/**
 * Whether the assignment's song is here ('none' when it plays Headroom's songs). 'checking' from the first
 * render of an assignment until its look-up has finished, so Start never shows before the song is known.
 */
export function useAssignmentSong(assignment: Assignment): SongState {
  const { round, check } = useSongCheck(assignment);
  return songStateOf(assignment, round, check);
}

/** Says plainly when this device decodes the song differently from the teacher's. */
function DecodesDifferently({ assignment }: { assignment: Assignment }) {
  const { round, check } = useSongCheck(assignment);
  if (songStateOf(assignment, round, check) !== 'here' || !check) return null;
  if (!songDecodesDifferently(assignment, check.found)) return null;
  return (
    <p class="muted" role="status">
      Your copy of this song decodes a little differently from your teacher’s (browsers read some audio files
      slightly differently), so a few questions may not match theirs. Your answers will be marked by your own
      device only.
    </p>
  );
}

/** Asks for the song's stem files, in plain words, and imports them once their hash is the teacher's. */
export function AssignmentSongPanel({ assignment, state }: { assignment: Assignment; state: SongState }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const song = assignment.song;
  if (!song || state === 'none') return null;
  if (state === 'here')
    return (
      <>
        <p class="cr-song-ok">
          Plays your teacher’s song “{song.name}” ({song.tracks.join(', ')}), which is on this device.
        </p>
        <DecodesDifferently assignment={assignment} />
      </>
    );
  const choose = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setError(null);
    const result = await importAssignmentSong(assignment, [...files]);
    setBusy(false);
    if (!result.ok) setError(result.error);
    if (input.current) input.current.value = '';
  };
  return (
    <section class="panel cr-song" aria-labelledby="cr-song-h">
      <h3 id="cr-song-h">First, add your teacher’s song</h3>
      <p>
        This assignment plays “{song.name}”, a song your teacher imported. Its audio does not travel in the
        link: ask your teacher for its {song.tracks.length} stem files and choose all of them here, unchanged
        ({song.tracks.join(', ')}). Headroom checks that they are exactly your teacher’s files before it uses
        them.
      </p>
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy || state === 'checking'}
          onClick={() => input.current?.click()}
        >
          {busy ? 'Checking and importing…' : 'Choose the stem files…'}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept="audio/*,.wav,.flac,.mp3,.ogg,.m4a,.aif,.aiff"
          hidden
          tabIndex={-1}
          aria-label="The song’s stem files"
          onChange={(e) => void choose((e.currentTarget as HTMLInputElement).files)}
        />
      </div>
      {error && (
        <p class="cr-song-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
