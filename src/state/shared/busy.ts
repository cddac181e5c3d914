import { computed, signal } from '@preact/signals';

const holders = signal<ReadonlySet<string>>(new Set());

/** True while audio plays or an exercise is unfinished: the app must not reload by itself then. */
export const isBusy = computed(() => holders.value.size > 0);

/** Marks the app busy for a reason (e.g. 'playback', 'drill'); returns a function that releases it. */
export function holdBusy(reason: string): () => void {
  holders.value = new Set([...holders.value, reason]);
  return () => {
    const next = new Set(holders.value);
    next.delete(reason);
    holders.value = next;
  };
}

/** The reasons the app is busy right now, for the update notice's wording. */
export const busyReasons = computed(() => [...holders.value]);
