import { describe, expect, it } from 'vitest';
import {
  checkLrsConfig,
  lrsOrigin,
  parseEndpoint,
  readLrsConfig,
} from '../../../src/classroom/xapi/lrs-config';

describe('LRS setup', () => {
  it('takes an https endpoint, adds the trailing slash, and knows its origin', () => {
    const c = checkLrsConfig(
      { endpoint: ' https://LRS.School.example/data/xAPI ', username: 'k', password: 's' },
      7,
    );
    expect(c).toEqual({
      endpoint: 'https://lrs.school.example/data/xAPI/',
      username: 'k',
      password: 's',
      savedAt: 7,
    });
    expect(lrsOrigin(c as { endpoint: string })).toBe('https://lrs.school.example');
    expect(parseEndpoint('http://127.0.0.1:8081/xAPI/')).toEqual({
      origin: 'http://127.0.0.1:8081',
      endpoint: 'http://127.0.0.1:8081/xAPI/',
    });
  });
  it('refuses plain http off this machine, logins in the address, queries, and gaps, in plain words', () => {
    const problem = (endpoint: string, username = 'k', password = 's') =>
      (checkLrsConfig({ endpoint, username, password }, 0) as { problem?: string }).problem;
    expect(problem('http://lrs.school.example/xapi/')).toMatch(/https:\/\//);
    expect(problem('https://key:secret@lrs.school.example/')).toMatch(/key and secret boxes/);
    expect(problem('https://lrs.school.example/xapi?x=1')).toMatch(/no \? or #/);
    expect(problem('lrs.school.example')).toMatch(/must look like/);
    expect(problem("https://a.example;'unsafe-inline'/")).toMatch(/not a server name/);
    expect(problem('https://lrs.school.example/', '')).toMatch(/key/);
    expect(problem('https://lrs.school.example/', 'k', '')).toMatch(/secret/);
  });
  it('reads back only a stored config of the right shape', () => {
    expect(readLrsConfig(null)).toBeNull();
    expect(readLrsConfig({ endpoint: 'ftp://x', username: 'a', password: 'b' })).toBeNull();
    expect(
      readLrsConfig({ endpoint: 'https://x.example/a/', username: 'a', password: 'b', savedAt: 1 }),
    ).toEqual({
      endpoint: 'https://x.example/a/',
      username: 'a',
      password: 'b',
      savedAt: 1,
    });
  });
});
