/** Import limits from the device: file length from memory, song size from free storage (issue 19). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, MB } from '../../../src/production/import/limits';
import { importLimitsFor, PEAK_BYTES_PER_SECOND } from '../../../src/state/library/import-limits';

describe('importLimitsFor', () => {
  it('gives 8 GB devices the product limits: 10 minutes, 250 MB a file', () => {
    const limits = importLimitsFor({ memoryGb: 8 });
    expect(limits.maxSeconds).toBe(600);
    expect(limits.maxFileBytes).toBe(250 * MB);
    expect(limits.maxSongBytes).toBe(DEFAULT_IMPORT_LIMITS.maxSongBytes);
    expect(limits.maxTracks).toBe(16);
  });

  it('shortens files on smaller devices in half minutes, never under one minute', () => {
    // 1/22 of the memory at 576 kB a second: 4 GB → 186 MB → 5:30; 2 GB → 93 MB → 2:30.
    expect(importLimitsFor({ memoryGb: 4 }).maxSeconds).toBe(330);
    expect(importLimitsFor({ memoryGb: 2 }).maxSeconds).toBe(150);
    expect(importLimitsFor({ memoryGb: 1 }).maxSeconds).toBe(60);
    expect(importLimitsFor({ memoryGb: 0.25 }).maxSeconds).toBe(60);
    expect(importLimitsFor({ memoryGb: 2 }).maxFileBytes).toBe(65 * MB);
    // Unknown memory counts as 4 GB.
    expect(importLimitsFor({})).toEqual(importLimitsFor({ memoryGb: 4 }));
  });

  it('keeps the decoding peak of the longest allowed file inside the budget (360 MB at most)', () => {
    for (const memoryGb of [2, 4, 8]) {
      const { maxSeconds } = importLimitsFor({ memoryGb });
      expect(maxSeconds * PEAK_BYTES_PER_SECOND).toBeLessThanOrEqual(
        Math.min(360 * MB, (memoryGb * 1024 * MB) / 22),
      );
    }
  });

  it('lets a song use at most half the free storage', () => {
    expect(importLimitsFor({ memoryGb: 8, storageFreeBytes: 300 * MB }).maxSongBytes).toBe(150 * MB);
    expect(importLimitsFor({ memoryGb: 8, storageFreeBytes: 100 * 1024 * MB }).maxSongBytes).toBe(1024 * MB);
    expect(importLimitsFor({ memoryGb: 8, storageFreeBytes: 1 * MB }).maxSongBytes).toBe(16 * MB);
  });
});
