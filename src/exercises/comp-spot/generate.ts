/** Compression drills: seeded questions per level. */
import { createRng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { type RelativeCompressor, thresholdBelowPeakFor } from '../shared/relative-compressor';
import { generateSongSource } from '../shared/sources';
import { type CompSpotQuestion, meta } from './meta';

/** Ratio of every drill's compressor. */
const RATIO = 4;
/** Knee of every drill's compressor, dB. */
const KNEE_DB = 2;

function compressor(reductionDb: number, attackMs: number, releaseMs: number): RelativeCompressor {
  return {
    thresholdBelowPeakDb: thresholdBelowPeakFor(reductionDb, RATIO),
    ratio: RATIO,
    kneeDb: KNEE_DB,
    attackMs,
    releaseMs,
    makeupDb: 0,
  };
}

/** A question for (seed, level): deterministic, plain JSON. */
export function generate(seed: number, level: number): CompSpotQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const subtype = rng.pick(p.subtypes);
  const where = rng.pick(p.sources);
  const source = generateSongSource(rng.fork('source'), where === 'mix' ? {} : { track: where });
  const base = { kind: 'comp-spot' as const, seed, level: lvl, subtype, source };
  const [fastAttack, slowAttack] = p.attacksMs;
  const [fastRelease, slowRelease] = p.releasesMs;
  const midAttack = Math.round(Math.sqrt(fastAttack * slowAttack) * 10) / 10;
  const midRelease = Math.round(Math.sqrt(fastRelease * slowRelease));
  switch (subtype) {
    case 'which': {
      const side = rng.chance(0.5) ? 'A' : 'B';
      return {
        ...base,
        prompt: 'Which version is compressed?',
        choices: ['A', 'B'],
        choiceLabels: ['A', 'B'],
        correct: side,
        compressedSide: side,
        compressor: compressor(p.reductionDb, midAttack, midRelease),
      };
    }
    case 'amount': {
      const amounts = p.amountsDb.length > 0 ? p.amountsDb : [3, 6, 10];
      const amount = rng.pick(amounts);
      return {
        ...base,
        prompt: 'About how much gain reduction is there?',
        choices: amounts.map(String),
        choiceLabels: amounts.map((a) => `about ${a} dB`),
        correct: String(amount),
        compressor: compressor(amount, midAttack, midRelease),
      };
    }
    case 'attack': {
      const fast = rng.chance(0.5);
      return {
        ...base,
        prompt: 'Is the attack fast or slow?',
        choices: ['fast', 'slow'],
        choiceLabels: [`fast (${fastAttack} ms)`, `slow (${slowAttack} ms)`],
        correct: fast ? 'fast' : 'slow',
        compressor: compressor(p.reductionDb, fast ? fastAttack : slowAttack, midRelease),
      };
    }
    case 'release': {
      const fast = rng.chance(0.5);
      return {
        ...base,
        prompt: 'Is the release fast (pumping) or slow?',
        choices: ['fast', 'slow'],
        choiceLabels: [`fast (${fastRelease} ms)`, `slow (${slowRelease} ms)`],
        correct: fast ? 'fast' : 'slow',
        compressor: compressor(p.reductionDb, fastAttack, fast ? fastRelease : slowRelease),
      };
    }
  }
}
