import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, utf8Decode, utf8Encode } from '../../src/classroom/bytes';
import { sha256Hex } from '../../src/classroom/sha256';
import { createRng } from '../../src/dsp/random';

const rng = createRng(20260301);
const randomString = (len: number) =>
  Array.from({ length: len }, () => {
    const r = rng.next();
    if (r < 0.5) return String.fromCharCode(rng.int(32, 126));
    if (r < 0.8) return String.fromCharCode(rng.int(0xa0, 0xd7ff));
    return String.fromCodePoint(rng.int(0x10000, 0x10ffff));
  }).join('');

describe('UTF-8', () => {
  it('matches Node’s encoder and round-trips 2000 random strings (ASCII, BMP, astral)', () => {
    for (let i = 0; i < 2000; i++) {
      const s = randomString(rng.int(0, 40));
      const bytes = utf8Encode(s);
      expect(Buffer.from(bytes).equals(Buffer.from(s, 'utf8'))).toBe(true);
      expect(utf8Decode(bytes)).toBe(s);
    }
  });
  it('encodes a lone surrogate as U+FFFD like TextEncoder', () => {
    expect([...utf8Encode('a\ud800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });
  it('refuses malformed, truncated, overlong and surrogate sequences', () => {
    for (const bad of [
      [0xff],
      [0xc0, 0x80],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
    ])
      expect(utf8Decode(Uint8Array.from(bad))).toBeNull();
  });
});

describe('base64url', () => {
  it('matches Node’s base64url for every length 0…64 and random bytes', () => {
    for (let n = 0; n <= 64; n++) {
      const bytes = Uint8Array.from({ length: n }, () => rng.int(0, 255));
      const text = base64urlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect([...(base64urlDecode(text) ?? [])]).toEqual([...bytes]);
    }
  });
  it('refuses foreign characters and impossible lengths', () => {
    expect(base64urlDecode('ab+c')).toBeNull();
    expect(base64urlDecode('abc=')).toBeNull();
    expect(base64urlDecode('abcde')).toBeNull();
    expect(base64urlDecode('ab\u00e9c')).toBeNull();
  });
});

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 test vectors', () => {
    expect(sha256Hex(utf8Encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex(utf8Encode(''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
  it('matches node:crypto across block boundaries (lengths 0…200)', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, () => rng.int(0, 255));
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
