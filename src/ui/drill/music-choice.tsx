import { useEffect } from 'preact/hooks';
import { importedFitProblem } from '../../exercises/shared/imported-kinds';
import { drillMusic, drillMusicId, drillSongs } from '../../state/library/drill-songs';
import { importedSongsLoaded, refreshImportedSongs } from '../../state/library/imported-songs';
import './music-choice.css';

/**
 * Train's music: Headroom's own songs, or one of the learner's imported songs (a set of stems imported in
 * Produce → Library). Drills that cannot use an imported song say why on their card.
 */
export function MusicChoice() {
  useEffect(() => {
    if (!importedSongsLoaded.peek()) void refreshImportedSongs();
  }, []);
  const songs = drillSongs.value;
  const chosen = drillMusicId.value;
  return (
    <section class="panel music-choice" aria-labelledby="music-choice-h">
      <h2 id="music-choice-h">Music</h2>
      {songs.length === 0 ? (
        <p class="muted">
          The drills play songs Headroom makes. To practise on your own music, import a song’s stems (one file
          per part) in <a href="/produce/library">Produce → Library</a>; they then appear here as “Your
          songs”.
        </p>
      ) : (
        <>
          <label class="kind-level music-select">
            <span>Drills play</span>
            <select
              value={chosen ?? ''}
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value;
                drillMusicId.value = v === '' ? null : v;
              }}
            >
              <option value="">Headroom’s songs</option>
              <optgroup label="Your songs">
                {songs.map((s) => (
                  <option key={s.id} value={s.id} disabled={!s.usable}>
                    {s.usable ? s.name : `${s.name} (cannot be used)`}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <p class="muted music-note">
            {drillMusic.value
              ? `Drills that can use your song play a loop of “${drillMusic.value.name}” where its parts play together; the others say why not.`
              : 'Pick one of your imported songs to hear every drill that can use it on your own music.'}
          </p>
          {songs
            .filter((s) => !s.usable)
            .map((s) => (
              <p key={s.id} class="muted music-note">
                “{s.name}”: {s.usable ? '' : s.reason}.
              </p>
            ))}
        </>
      )}
    </section>
  );
}

/**
 * Why the chosen imported song cannot be this kind's music (at `level`, when given) in plain words, or null
 * (none chosen, or it can).
 */
export function musicProblem(kind: string, level?: number): string | null {
  const song = drillMusic.value;
  return song ? importedFitProblem(kind, song, level) : null;
}
