import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import {
  CMI5_CATEGORY,
  type Cmi5Launch,
  type Cmi5LaunchData,
  cmi5Statement,
  finishingStatements,
  MOVEON_CATEGORY,
  parseCmi5Launch,
  readLaunchData,
  SESSION_EXTENSION,
} from '../../../src/classroom/cmi5/launch';

const REG = '2f8c1f2a-6d3e-4c1b-9a5e-0d4b8f1e7c21';
const actor = { objectType: 'Agent', name: 'Kim', account: { homePage: 'https://lms.example', name: 'kim' } };
const query = new URLSearchParams({
  endpoint: 'https://lrs.lms.example/xapi',
  fetch: 'https://lms.example/cmi5/fetch?k=1',
  actor: JSON.stringify(actor),
  registration: REG,
  activityId: 'urn:headroom:assignment:wk3',
});
const data: Cmi5LaunchData = {
  contextTemplate: {
    contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://lms.example/course/7' }] },
    extensions: { [SESSION_EXTENSION]: 'session-1' },
  },
  launchMode: 'Normal',
  returnURL: 'https://lms.example/course/7',
  masteryScore: 0.7,
};

describe('cmi5 launch', () => {
  it('reads the launch parameters the LMS appended', () => {
    const launch = parseCmi5Launch(query) as Cmi5Launch;
    expect(launch).toEqual({
      endpoint: 'https://lrs.lms.example/xapi/',
      fetchUrl: 'https://lms.example/cmi5/fetch?k=1',
      actor,
      registration: REG,
      activityId: 'urn:headroom:assignment:wk3',
    });
  });
  it('says in plain words what a broken launch lacks', () => {
    const without = (k: string) => {
      const q = new URLSearchParams(query);
      q.delete(k);
      return (parseCmi5Launch(q) as { problem?: string }).problem;
    };
    expect(without('endpoint')).toMatch(/where to send results/);
    expect(without('fetch')).toMatch(/sign in/);
    expect(without('registration')).toMatch(/registration/);
    expect(without('actor')).toMatch(/learner/);
    expect((readLaunchData({}) as { problem: string }).problem).toMatch(/context template/);
    expect(readLaunchData({ ...data, returnURL: 'javascript:alert(1)' })).not.toHaveProperty('returnURL');
  });
  it('statements: template context, registration, cmi5 and moveOn categories, valid xAPI', () => {
    const launch = parseCmi5Launch(query) as Cmi5Launch;
    const init = cmi5Statement(launch, data, { verb: 'initialized', at: Date.UTC(2026, 11, 7, 9) });
    expect(validate(init)).toEqual([]);
    expect(init.context?.registration).toBe(REG);
    expect(init.context?.contextActivities?.category?.map((c) => c.id)).toEqual([CMI5_CATEGORY]);
    expect(init.context?.contextActivities?.grouping?.[0]?.id).toBe('https://lms.example/course/7');
    expect(init.result).toBeUndefined();
    const [passed, completed, terminated] = finishingStatements(launch, data, {
      score: 72,
      passMark: 90,
      at: Date.UTC(2026, 11, 7, 9, 20),
      durationMs: 1_200_000,
    });
    for (const s of [passed, completed, terminated]) expect(validate(s)).toEqual([]);
    // The LMS's masteryScore (0.7) decides, not the assignment's pass mark (90).
    expect(passed?.verb.id).toMatch(/passed$/);
    expect(passed?.result).toMatchObject({ score: { scaled: 0.72 }, success: true, duration: 'PT20M' });
    expect(passed?.context?.contextActivities?.category?.map((c) => c.id)).toEqual([
      CMI5_CATEGORY,
      MOVEON_CATEGORY,
    ]);
    expect(completed?.result).toMatchObject({ completion: true });
    expect(terminated?.verb.id).toMatch(/terminated$/);
    expect(terminated?.context?.contextActivities?.category?.map((c) => c.id)).toEqual([CMI5_CATEGORY]);
    const failed = finishingStatements(launch, data, { score: 69, passMark: 10, at: 1e12, durationMs: 1 })[0];
    expect(failed?.verb.id).toMatch(/failed$/);
    expect(failed?.result?.success).toBe(false);
    // Without a masteryScore the assignment's pass mark decides.
    const noMastery = { ...data, masteryScore: undefined };
    expect(
      finishingStatements(launch, noMastery, { score: 69, passMark: 60, at: 1e12, durationMs: 1 })[0]?.verb
        .id,
    ).toMatch(/passed$/);
    // Stable ids: the same session's statement is the same statement.
    expect(cmi5Statement(launch, data, { verb: 'initialized', at: 5 }).id).toBe(init.id);
  });
});
