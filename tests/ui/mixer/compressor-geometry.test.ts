import { describe, expect, it } from 'vitest';
import {
  levelToAxis,
  reductionFraction,
  TRANSFER_FRAME,
  transferOutputDb,
  transferPath,
} from '../../../src/ui/mixer/compressor-geometry';

const curve = { thresholdDb: -24, ratio: 4, kneeDb: 0 };

describe('compressor transfer curve', () => {
  it('is 1:1 below the threshold and 1/ratio above it (hard knee)', () => {
    expect(transferOutputDb(-40, curve)).toBeCloseTo(-40, 12);
    expect(transferOutputDb(-24, curve)).toBeCloseTo(-24, 12);
    expect(transferOutputDb(-12, curve)).toBeCloseTo(-21, 12); // 12 dB over → 3 dB over at 4:1
    expect(transferOutputDb(-12, curve, 6)).toBeCloseTo(-15, 12);
  });

  it('draws the point at 0 dB in where the maths puts it', () => {
    const path = transferPath(curve, 0, TRANSFER_FRAME, 120);
    const last = path.split(' ').pop()!;
    const [x, y] = last.slice(1).split(',').map(Number);
    expect(x).toBeCloseTo(TRANSFER_FRAME.size, 2);
    expect(TRANSFER_FRAME.size - y!).toBeCloseTo(levelToAxis(-18), 2); // 0 dB in → −18 dB out
  });

  it('lights the gain-reduction meter in proportion to the reduction', () => {
    expect(reductionFraction(0)).toBe(0);
    expect(reductionFraction(-6, 24)).toBeCloseTo(0.25, 12);
    expect(reductionFraction(-40, 24)).toBe(1);
  });
});
