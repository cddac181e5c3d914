import { describe, expect, it } from 'vitest';
import { allowConnectOrigin } from '../../../src/sw/lrs-csp';
import { CONTENT_SECURITY_POLICY } from '../../../vite.config';

const built = `<head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}"><title>x</title>`;

describe('the shell policy with an LRS', () => {
  it('adds exactly the one origin to connect-src and changes nothing else', () => {
    const out = allowConnectOrigin(built, 'https://lrs.school.example');
    expect(out).toBe(
      built.replace('connect-src &#39;self&#39;', 'connect-src &#39;self&#39; https://lrs.school.example'),
    );
    expect(out.match(/https:\/\/lrs\.school\.example/g)).toHaveLength(1);
    expect(allowConnectOrigin("connect-src 'self'; x", 'http://127.0.0.1:8081')).toBe(
      "connect-src 'self' http://127.0.0.1:8081; x",
    );
  });
  it('refuses anything that is not a bare origin (no way to smuggle in a directive)', () => {
    for (const bad of [
      "https://a.example; script-src 'unsafe-inline'",
      'https://a.example/path',
      '*',
      "'unsafe-eval'",
      'https://a.example"><script>',
    ])
      expect(() => allowConnectOrigin(built, bad)).toThrow(/Not an origin/);
  });
});

describe('a cmi5 launch page', () => {
  it('names the endpoint and token origins of a /cmi5 navigation only, lower-cased, once each', async () => {
    const { cmi5Origins } = await import('../../../src/sw/lrs-csp');
    const q =
      'endpoint=https%3A%2F%2FLRS.lms.example%2Fxapi%2F&fetch=https%3A%2F%2Flms.example%2Ffetch%3Fk%3D1';
    expect(cmi5Origins(new URL(`https://headroom.example/cmi5?a=x&${q}`))).toEqual([
      'https://lrs.lms.example',
      'https://lms.example',
    ]);
    expect(cmi5Origins(new URL(`https://headroom.example/learn?${q}`))).toEqual([]);
    expect(
      cmi5Origins(
        new URL(
          "https://headroom.example/cmi5?endpoint=https%3A%2F%2Fa.example%3B%20script-src%20'unsafe-inline'",
        ),
      ),
    ).toEqual([]);
    expect(cmi5Origins(new URL('https://headroom.example/cmi5?endpoint=javascript%3Aalert(1)'))).toEqual([]);
  });
});
