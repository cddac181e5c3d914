/** Names for an imported song and its tracks, from the files' names. */

/** The song's name and one track name per file, in the files' order. */
export interface ImportNames {
  song: string;
  tracks: string[];
}

const EXTENSION = /\.[a-z0-9]{1,5}$/i;
const SEPARATORS = /[\s_\-.]+/g;

function tidy(text: string): string {
  return text.replace(SEPARATORS, ' ').trim();
}

/** The longest start shared by every name, cut back to a separator so no word is split. */
function commonPrefix(names: readonly string[]): string {
  const first = names[0] ?? '';
  let n = first.length;
  for (const name of names) {
    let i = 0;
    while (i < n && i < name.length && name[i]!.toLowerCase() === first[i]!.toLowerCase()) i++;
    n = i;
  }
  const prefix = first.slice(0, n);
  const cut = Math.max(
    prefix.lastIndexOf(' '),
    prefix.lastIndexOf('_'),
    prefix.lastIndexOf('-'),
    prefix.lastIndexOf('.'),
  );
  return cut < 0 ? '' : prefix.slice(0, cut + 1);
}

/**
 * Names from file names: a single file gives its name to the song and its one track ("Mix"); a set of
 * stems named "Song_Kick.wav", "Song_Bass.wav" gives the song "Song" and tracks "Kick", "Bass".
 * Duplicate track names get a number. `fallback` names a song whose files share no prefix.
 */
export function namesFromFiles(fileNames: readonly string[], fallback: string): ImportNames {
  const bases = fileNames.map((f) => f.replace(/^.*[\\/]/, '').replace(EXTENSION, ''));
  if (bases.length === 1) {
    const name = tidy(bases[0]!) || fallback;
    return { song: name, tracks: ['Mix'] };
  }
  const prefix = commonPrefix(bases);
  const song = tidy(prefix) || fallback;
  const seen = new Map<string, number>();
  const tracks = bases.map((b, i) => {
    const name = tidy(b.slice(prefix.length)) || tidy(b) || `Track ${i + 1}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count === 1 ? name : `${name} ${count}`;
  });
  return { song, tracks };
}

const KINDS: [RegExp, string][] = [
  [/kick|bd\b|bass ?drum/i, 'kick'],
  [/snare|sd\b|clap/i, 'snare'],
  [/hat|hh\b|cymbal|ride|overhead|oh\b/i, 'hats'],
  [/perc|shaker|tamb|conga|bongo|tom/i, 'perc'],
  [/bass/i, 'bass'],
  [/vox|vocal|voice|sing|lead ?v|bv\b|choir/i, 'vocal'],
  [/pad|chord|string|organ/i, 'chords'],
  [/key|piano|rhodes|guitar|gtr|pluck/i, 'keys'],
  [/lead|synth|melod/i, 'lead'],
  [/drum|beat|loop/i, 'perc'],
];

/** A track kind guessed from a track name ('kick', 'bass', 'vocal', …), or 'audio' when unclear. */
export function guessTrackKind(name: string): string {
  for (const [pattern, kind] of KINDS) if (pattern.test(name)) return kind;
  return 'audio';
}
