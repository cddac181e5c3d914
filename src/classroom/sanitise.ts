/**
 * Removes characters that change how text looks without being seen: zero-width spaces and joiners, the
 * direction marks and overrides that can make "Homework ‮gnp.exe" display as "Homework exe.png", the
 * byte-order mark, invisible operators and tag characters. Used on every name and title a document brings in.
 */

/** Invisible or direction-changing characters: soft hyphen, Arabic letter mark, Mongolian vowel separator,
 * U+200B–U+200F (zero-width space, joiners, LRM/RLM), U+202A–U+202E (embeddings and overrides),
 * U+2060–U+2064 (word joiner, invisible operators), U+2066–U+2069 (isolates), U+FEFF, U+FFF9–U+FFFB
 * (interlinear annotation) and the tag characters U+E0000–U+E007F. */
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

/** The text without invisible and direction-override characters (everything else, line breaks too, kept). */
export function sanitiseText(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Whether the text holds any character `sanitiseText` would remove. */
export function hasHiddenCharacters(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}
