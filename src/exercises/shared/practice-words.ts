/** Plain words for what an EQ move sounds like, octave by octave ("+6 dB at 250 Hz: thick and muddy"). Pure. */

/** What a boost (and a cut) does in each octave, lowest first (31.5 Hz … 16 kHz). */
const OCTAVE_WORDS: readonly [Hz: number, boost: string, cut: string][] = [
  [31.5, 'deep rumble, felt more than heard', 'less rumble, a little lighter'],
  [63, 'weight and thump', 'lighter, less weight'],
  [125, 'boomy and fat', 'thinner bass'],
  [250, 'thick and muddy', 'clearer, less muddy'],
  [500, 'boxy and hollow', 'less boxy, more open'],
  [1000, 'honky and nasal', 'scooped, softer middle'],
  [2000, 'forward and hard', 'softer, further away'],
  [4000, 'edgy and sharp', 'duller attack, less bite'],
  [8000, 'bright and hissy', 'darker, less hiss'],
  [16000, 'airy and open', 'closed, less air'],
];

/** The words for a boost (or cut) in the octave nearest `hz`. */
export function octaveWords(hz: number, cut: boolean): string {
  let best = OCTAVE_WORDS[0]!;
  for (const w of OCTAVE_WORDS)
    if (Math.abs(Math.log2(w[0] / hz)) < Math.abs(Math.log2(best[0] / hz))) best = w;
  return cut ? best[2] : best[1];
}
