/** Strip colours by track kind: drums warm, bass purple, harmony green, lead and vocal blue/pink. */
const COLORS: Record<string, string> = {
  kick: '#ff7a59',
  snare: '#ffa94d',
  hats: '#ffd166',
  perc: '#f4a261',
  bass: '#b692f6',
  chords: '#6bd68a',
  keys: '#4cc9a0',
  lead: '#5aa9ff',
  vocal: '#ff7eb6',
  noise: '#9aa3b2',
};

/** The colour of a strip for a track kind (grey for anything unknown). */
export function trackColor(trackId: string): string {
  return COLORS[trackId] ?? '#9aa3b2';
}
