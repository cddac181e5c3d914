import { afterEach, describe, expect, it, vi } from 'vitest';
import { RATE, summary, tracks } from '../../exercises/imported-fixtures';

const log: string[] = [];

// Every track summarised is logged, so the test sees whether samples are read one track at a time.
vi.mock('../../../src/exercises/shared/imported-summary', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/exercises/shared/imported-summary')>();
  return {
    ...real,
    summariseTrack: (...args: Parameters<typeof real.summariseTrack>) => {
      log.push(`summarise ${args[0].name}`);
      return real.summariseTrack(...args);
    },
  };
});

const { summariseJob } = await import('../../../src/state/library/import-summary-job');
const { NOT_MEASURED, summariseOffThread } = await import('../../../src/state/library/import-summary');

/** A channel's Blob that logs when its samples are read. */
function loggedBlob(name: string, x: Float32Array): Blob {
  const blob = new Blob([x.slice().buffer]);
  return Object.assign(blob, {
    arrayBuffer: () => {
      log.push(`read ${name}`);
      return Blob.prototype.arrayBuffer.call(blob);
    },
  });
}

const bytesOf = (name: string) => Uint8Array.from(name, (c) => c.charCodeAt(0)).buffer;

const job = () => ({
  name: 'Test song',
  sampleRate: RATE,
  // The file bytes are the names, whose SHA-256 the fixture uses as the file hashes.
  tracks: tracks.map((t) => ({
    name: t.name,
    file: bytesOf(t.name),
    channels: t.channels.map((c) => loggedBlob(t.name, c)),
  })),
});

afterEach(() => {
  log.length = 0;
  vi.unstubAllGlobals();
});

describe('the summary job', () => {
  it('reads and summarises one track at a time (then reads each again for its loops), and makes the same summary as all tracks at once', async () => {
    const made = await summariseJob(job());
    expect(made).toEqual(summary);
    // Then each is read once more, alone, for its comp-match loops (which loops depends on every track).
    expect(log).toEqual([
      ...tracks.flatMap((t) => [`read ${t.name}`, `summarise ${t.name}`]),
      ...tracks.map((t) => `read ${t.name}`),
    ]);
  });

  it('takes the duration from the decoded lengths (a shorter last track ends in silence)', async () => {
    const j = job();
    const last = tracks[tracks.length - 1]!;
    j.tracks[j.tracks.length - 1]!.channels = [
      loggedBlob(last.name, last.channels[0]!.subarray(0, RATE * 3)),
    ];
    const made = await summariseJob(j);
    expect(made.durationS).toBe(24);
    expect(made.tracks.every((t) => t.levelsDb.length === 48 && t.bandsDb.length === 6)).toBe(true);
  });
});

describe('summariseOffThread', () => {
  it('when the Worker fails, says the song could not be measured (no work on the page) and stops the Worker', async () => {
    let stopped = 0;
    class FailingWorker {
      onerror: ((e: unknown) => void) | null = null;
      onmessage: unknown = null;
      postMessage() {
        queueMicrotask(() => this.onerror?.(new Error('out of memory')));
      }
      terminate() {
        stopped++;
      }
    }
    vi.stubGlobal('Worker', FailingWorker);
    await expect(summariseOffThread(job())).rejects.toThrow(NOT_MEASURED);
    expect(log).toEqual([]); // no track was read on the page
    expect(stopped).toBeGreaterThanOrEqual(1);
    // Once failed, the next import is not measured on the page either.
    await expect(summariseOffThread(job())).rejects.toThrow(NOT_MEASURED);
    expect(log).toEqual([]);
    expect(NOT_MEASURED).toMatch(/could not measure this song/);
  });
});
