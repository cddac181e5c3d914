/** The skills in teaching order, with the names a learner reads. */

/** Skills in the order Headroom teaches them (volume first, the production/mixing distinction last). */
export const SKILL_ORDER: readonly string[] = [
  'faders',
  'pan',
  'stereo',
  'eq',
  'compression',
  'distortion',
  'space',
  'production',
  'mixing',
];

const LABELS: Readonly<Record<string, string>> = {
  faders: 'Faders',
  pan: 'Panning',
  stereo: 'Stereo width',
  eq: 'EQ',
  compression: 'Compression',
  distortion: 'Distortion',
  space: 'Reverb & delay',
  production: 'Production or mixing',
  mixing: 'Whole mixes',
};

const PHRASES: Readonly<Record<string, string>> = {
  faders: 'fader levels',
  pan: 'panning',
  stereo: 'stereo width',
  eq: 'EQ',
  compression: 'compression',
  distortion: 'distortion',
  space: 'reverb and delay',
  production: 'production vs mixing',
  mixing: 'whole mixes',
};

/** The name of a skill inside a sentence ("You have not tried panning yet"). */
export function skillPhrase(skill: string): string {
  return Object.hasOwn(PHRASES, skill) ? (PHRASES[skill] as string) : skill;
}

/** The name of a skill for people; unknown skills show their id. */
export function skillLabel(skill: string): string {
  return Object.hasOwn(LABELS, skill) ? (LABELS[skill] as string) : skill;
}

/** Sort key of a skill: its place in SKILL_ORDER, unknown skills after the known ones. */
export function skillRank(skill: string): number {
  const i = SKILL_ORDER.indexOf(skill);
  return i === -1 ? SKILL_ORDER.length : i;
}
