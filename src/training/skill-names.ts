/** The skills in teaching order, with the names a learner reads. */

/** Skills in the order Headroom teaches them (volume first, the production/mixing distinction last). */
export const SKILL_ORDER: readonly string[] = [
  'faders',
  'pan',
  'eq',
  'compression',
  'space',
  'production',
  'mixing',
];

const LABELS: Readonly<Record<string, string>> = {
  faders: 'Faders',
  pan: 'Panning',
  eq: 'EQ',
  compression: 'Compression',
  space: 'Reverb & delay',
  production: 'Production or mixing',
  mixing: 'Whole mixes',
};

const PHRASES: Readonly<Record<string, string>> = {
  faders: 'fader levels',
  pan: 'panning',
  eq: 'EQ',
  compression: 'compression',
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
