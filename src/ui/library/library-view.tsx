import { useEffect } from 'preact/hooks';
import {
  builtInSongs,
  importedSongs,
  importedSongsLoaded,
  loadBuiltInTitles,
  mixSong,
  refreshImportedSongs,
  stopPreview,
  togglePreview,
} from '../../state/library/library';
import { prepareAudio } from '../../state/shared/audio';
import { refreshSavedWorks, savedWorks, savedWorksLoaded } from '../../state/shared/saved-work';
import { ImportPanel } from './import-panel';
import { ImportedSongRow } from './imported-song-row';
import { SongRow } from './song-row';
import { WorkRow } from './work-row';
import './library.css';

/** The song library: built-in and imported songs, with preview, "Mix this song", import, rename and delete. */
export default function LibraryView() {
  useEffect(() => {
    void prepareAudio();
    void refreshImportedSongs();
    void refreshSavedWorks();
    void loadBuiltInTitles();
    return () => stopPreview();
  }, []);
  const mine = importedSongs.value;
  return (
    <div class="library">
      <p class="lib-intro">
        Your arrangements and mixes, Headroom’s generated songs, and your own audio. Play a preview here, then{' '}
        <strong>Mix this song</strong> to balance its parts on the mixer.
      </p>
      <section class="panel" aria-labelledby="lib-work-h">
        <h2 id="lib-work-h">Your arrangements and mixes</h2>
        {savedWorks.value.length === 0 ? (
          <p class="muted lib-empty">
            {savedWorksLoaded.value
              ? 'Nothing yet. What you make in the arranger and on the Mix page is kept here as you work, and stays after you close Headroom.'
              : 'Loading…'}
          </p>
        ) : (
          <ul class="lib-list">
            {savedWorks.value.map((work) => (
              <WorkRow key={work.id} work={work} />
            ))}
          </ul>
        )}
      </section>
      <ImportPanel />
      <section class="panel" aria-labelledby="lib-mine-h">
        <h2 id="lib-mine-h">Your songs</h2>
        {mine.length === 0 ? (
          <p class="muted lib-empty">
            {importedSongsLoaded.value
              ? 'No imported songs yet. Import a mix or a set of stems above: they stay on this device and work offline.'
              : 'Loading…'}
          </p>
        ) : (
          <ul class="lib-list">
            {[...mine].reverse().map((song) => (
              <ImportedSongRow key={song.id} song={song} />
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="lib-built-h">
        <h2 id="lib-built-h">Generated songs</h2>
        <p class="muted">
          Made by Headroom from a style and a seed: the same seed gives the same song on every device.
        </p>
        <ul class="lib-list">
          {builtInSongs.value.map((s) => (
            <SongRow
              key={s.id}
              id={s.id}
              title={s.title ? `${s.style}: “${s.title}”` : `${s.style} song`}
              details={`${s.description} Seed ${s.seed}, 8 bars.`}
              onPreview={() => void togglePreview(s.id)}
              onMix={() => mixSong(s.id)}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
