import { afterEach, describe, expect, it } from 'vitest';
import { dropScratch, holdScratch, SCRATCH_SAMPLES } from '../../../src/production/synth/scratch';

afterEach(dropScratch);

describe('scratch memory kept between renders', () => {
  it('gives the next holder the same memory, grown to what the last one asked for', () => {
    const first = holdScratch();
    const a = first.take(1000);
    expect(a.length).toBe(1000);
    first.release();
    const second = holdScratch();
    const b = second.take(600);
    const c = second.take(400);
    expect(b.buffer).toBe(c.buffer);
    expect(c.byteOffset).toBe(600 * 4);
    // Past what is kept: fresh memory.
    expect(second.take(10).buffer).not.toBe(b.buffer);
    second.release();
    // The second asked for 1010 in all: the kept memory grew to that.
    const third = holdScratch();
    const grown = third.take(1010);
    expect(grown.buffer.byteLength).toBe(1010 * 4);
    expect(third.take(1).buffer).not.toBe(grown.buffer);
    third.release();
  });

  it('gives a second holder fresh arrays while the first holds it, and nothing after release', () => {
    const first = holdScratch();
    first.take(100);
    first.release();
    const holder = holdScratch();
    const kept = holder.take(100);
    const other = holdScratch();
    expect(other.take(100).buffer).not.toBe(kept.buffer);
    other.release();
    // The other's release does not free the holder's memory.
    expect(holdScratch().take(100).buffer).not.toBe(kept.buffer);
    holder.release();
    holder.release();
    expect(holder.take(100).buffer).not.toBe(kept.buffer);
  });

  it('keeps at most SCRATCH_SAMPLES', () => {
    const big = holdScratch();
    big.take(SCRATCH_SAMPLES + 5);
    big.release();
    const next = holdScratch();
    expect(next.take(SCRATCH_SAMPLES).buffer.byteLength).toBe(SCRATCH_SAMPLES * 4);
    next.release();
  });
});
