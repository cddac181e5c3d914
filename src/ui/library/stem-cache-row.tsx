import { useEffect, useState } from 'preact/hooks';
import { showNotice } from '../../state/shared/notices';
import {
  adaptStemCacheCap,
  clearCachedAudio,
  formatBytes,
  refreshStemCacheSize,
  STEM_MAX_AGE_DAYS,
  stemCacheCap,
  stemCacheContents,
  stemCacheSize,
} from '../../state/shared/stem-cache';
import './stem-cache-row.css';

/** "today", "yesterday" or "N days ago" for a time in the past. */
function daysAgo(at: number): string {
  const days = Math.floor((Date.now() - at) / (24 * 60 * 60 * 1000));
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** Settings row: what rendered song audio is cached (songs, size, cap, age), and a button that clears it. */
export function StemCacheRow() {
  const [clearing, setClearing] = useState(false);
  useEffect(() => {
    void refreshStemCacheSize();
    void adaptStemCacheCap(true);
  }, []);
  const size = stemCacheSize.value;
  const contents = stemCacheContents.value;
  const songs = contents?.songs ?? 0;
  return (
    <div class="row stem-cache-row">
      <p class="stem-cache-text">
        <strong>Cached song audio:</strong>{' '}
        {size === null
          ? '…'
          : size === 0
            ? 'none'
            : `${songs} ${songs === 1 ? 'song' : 'songs'}, ${formatBytes(size)} of at most ${formatBytes(stemCacheCap.value)}`}
        {contents?.kept?.map((k) => (
          <span key={k.why} class="stem-cache-kept">
            <br />
            {k.songs} {k.songs === 1 ? 'song' : 'songs'} ({formatBytes(k.bytes)}) {k.why}.
          </span>
        ))}
        {contents?.oldestUse ? (
          <>
            <br />
            <span class="muted">
              The one played longest ago was last played {daysAgo(contents.oldestUse)}.
            </span>
          </>
        ) : null}
        <br />
        <span class="muted">
          Songs Headroom made are kept so drills and the mixer start at once. The limit follows this device’s
          free space; a song not played for {STEM_MAX_AGE_DAYS} days is dropped, and when room is needed the
          songs played longest ago go first (the ones you are using stay, and so do the songs of today’s
          workout and of any assignment you have not handed in, until its due date). Clearing is safe: they
          are made again when needed. Your imported songs are not touched.
        </span>
      </p>
      <button
        type="button"
        class="btn"
        disabled={clearing || !size}
        onClick={async () => {
          setClearing(true);
          if (await clearCachedAudio()) {
            showNotice({ id: 'stem-cache-cleared', tone: 'success', text: 'Cached song audio cleared.' });
          }
          setClearing(false);
        }}
      >
        {clearing ? 'Clearing…' : 'Clear cached audio'}
      </button>
    </div>
  );
}
