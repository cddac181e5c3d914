import { useEffect, useState } from 'preact/hooks';
import { showNotice } from '../../state/notices';
import {
  clearCachedAudio,
  formatBytes,
  refreshStemCacheSize,
  stemCacheCap,
  stemCacheSize,
} from '../../state/stem-cache';
import './stem-cache-row.css';

/** Settings row: how much rendered song audio is cached, and a button that clears it. */
export function StemCacheRow() {
  const [clearing, setClearing] = useState(false);
  useEffect(() => {
    void refreshStemCacheSize();
  }, []);
  const size = stemCacheSize.value;
  return (
    <div class="row stem-cache-row">
      <p class="stem-cache-text">
        <strong>Cached song audio:</strong>{' '}
        {size === null
          ? '…'
          : `${size === 0 ? 'none' : formatBytes(size)} (at most ${formatBytes(stemCacheCap.value)})`}
        <br />
        <span class="muted">
          Songs Headroom made are kept so drills and the mixer start at once. Clearing is safe: they are made
          again when needed. Your imported songs are not touched.
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
