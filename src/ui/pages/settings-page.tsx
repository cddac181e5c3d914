import { useEffect, useState } from 'preact/hooks';
import { showNotice } from '../../state/shared/notices';
import { resetEverything, settings, updateSetting } from '../../state/shared/storage';
import { ConfirmDialog } from '../controls/confirm-dialog';
import { StemCacheRow } from '../library/stem-cache-row';
import { BackupPanel } from '../settings/backup-panel';
import { LightModePanel } from '../settings/light-mode-panel';
import { LrsPanel } from '../settings/lrs-panel';

const THEMES = [
  { id: 'dark', label: 'Dark' },
  { id: 'light', label: 'Light' },
  { id: 'system', label: 'Follow the system' },
] as const;

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** Settings: listening level guidance, theme, fair comparisons, storage and reset. */
export default function SettingsPage() {
  const [confirming, setConfirming] = useState(false);
  const [usage, setUsage] = useState<string | null>(null);
  useEffect(() => {
    navigator.storage
      ?.estimate?.()
      .then((e) =>
        setUsage(`${formatBytes(e.usage ?? 0)} used of about ${formatBytes(e.quota ?? 0)} available`),
      )
      .catch(() => setUsage(null));
  }, []);
  const s = settings.value;
  return (
    <section class="stack">
      <header class="page-head">
        <h1>Settings</h1>
      </header>

      <section class="panel" aria-labelledby="level-h">
        <h2 id="level-h">Listening level</h2>
        <p>
          <strong>Start quiet, raise slowly.</strong> Turn your speakers or headphones right down before you
          press play, then bring the level up until the music is comfortable — about as loud as a
          conversation. Loud listening tires your ears within minutes and makes every judgement worse; it can
          also damage hearing.
        </p>
        <ul>
          <li>Keep the same level for a whole session so comparisons stay fair.</li>
          <li>Take a five-minute break every half hour.</li>
          <li>Headroom's master bus has a safety limiter that no sound can pass above −1 dBFS.</li>
        </ul>
      </section>

      <fieldset class="panel">
        <legend>Theme</legend>
        <div class="row">
          {THEMES.map((t) => (
            <label key={t.id} class="choice">
              <input
                type="radio"
                name="theme"
                value={t.id}
                checked={s.theme === t.id}
                onChange={() => void updateSetting('theme', t.id)}
              />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>

      <section class="panel" aria-labelledby="fair-h">
        <h2 id="fair-h">Fair comparisons</h2>
        <label class="choice">
          <input
            type="checkbox"
            checked={s.levelMatch}
            onChange={(e) => void updateSetting('levelMatch', (e.currentTarget as HTMLInputElement).checked)}
          />
          Level-match A/B comparisons (recommended)
        </label>
        <p class="muted">
          Louder almost always sounds better. With level matching on, Headroom trims the louder version of a
          comparison so you judge the change itself, not its volume.
        </p>
      </section>

      <LightModePanel />

      <section class="panel" aria-labelledby="data-h">
        <h2 id="data-h">Your data</h2>
        <p>
          Everything stays in this browser on this device (unless a school record store is set up below).
          {usage && ` Storage: ${usage}.`}
        </p>
        <BackupPanel />
        <StemCacheRow />
        <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
          Reset Headroom…
        </button>
      </section>

      <LrsPanel />

      <ConfirmDialog
        open={confirming}
        title="Reset Headroom?"
        confirmLabel="Delete everything"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          try {
            await resetEverything();
            showNotice({
              id: 'reset',
              tone: 'success',
              text: 'Headroom was reset. Everything stored was deleted.',
            });
          } catch {
            // The storage layer already showed what went wrong.
          }
        }}
      >
        <p>
          This deletes every profile, score, lesson state and setting on this device. It cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
