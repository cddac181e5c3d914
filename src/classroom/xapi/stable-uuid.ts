/** Name-based UUIDs (RFC 9562 version 8, from SHA-256): the same name always gives the same id. */
import { utf8Encode } from '../bytes';
import { sha256Hex } from '../sha256';

/**
 * A UUID derived from `parts` (joined with a unit separator, so ['a', 'bc'] and ['ab', 'c'] differ): the
 * first 128 bits of SHA-256 with the version nibble set to 8 and the variant bits to 10. The same parts give
 * the same id on every device and every call, so a statement sent twice is the same statement to the LRS.
 */
export function stableUuid(parts: readonly (string | number)[]): string {
  const hex = sha256Hex(utf8Encode(parts.map(String).join('\u001f')))
    .slice(0, 32)
    .split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
