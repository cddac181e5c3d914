/**
 * The assignable-unit side of a cmi5 launch (pure): reading the launch parameters an LMS appends to the
 * AU's URL, reading LMS.LaunchData, and building the cmi5-defined statements (initialized, completed,
 * passed or failed, terminated) from the LMS's context template.
 */
import type { Agent, Context, Statement } from '@xapi/xapi';
import { isoDuration, type Ms } from '../xapi/iso-duration';
import { stableUuid } from '../xapi/stable-uuid';

/** What the LMS put on the launch URL. */
export interface Cmi5Launch {
  /** The LRS endpoint, ending in '/'. */
  endpoint: string;
  /** Where to POST once for the session's token. */
  fetchUrl: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

/** The parts of LMS.LaunchData Headroom uses. */
export interface Cmi5LaunchData {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  returnURL?: string;
  /** 0–1, or absent. */
  masteryScore?: number;
}

/** The cmi5 category every cmi5-defined statement carries, and the moveOn one for completed/passed/failed. */
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
/** The session id extension in the context template. */
export const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
/** The mastery score a passed/failed statement was judged against. */
export const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WEB = /^https?:\/\/[^\s/?#]+/i;

/** Reads the launch parameters; a plain-words problem when this is not a complete cmi5 launch. */
export function parseCmi5Launch(params: {
  get(name: string): string | null;
}): Cmi5Launch | { problem: string } {
  const endpoint = params.get('endpoint') ?? '';
  const fetchUrl = params.get('fetch') ?? '';
  const registration = params.get('registration') ?? '';
  const activityId = params.get('activityId') ?? '';
  if (!WEB.test(endpoint)) return { problem: 'The course did not say where to send results (no endpoint).' };
  if (!WEB.test(fetchUrl)) return { problem: 'The course gave no way to sign in (no fetch address).' };
  if (!UUID.test(registration)) return { problem: 'The course gave no valid registration.' };
  if (!/^\w+:/.test(activityId)) return { problem: 'The course gave no activity id.' };
  let actor: Agent;
  try {
    actor = JSON.parse(params.get('actor') ?? '') as Agent;
  } catch {
    return { problem: 'The course gave no readable learner (actor).' };
  }
  if (!actor || typeof actor !== 'object' || !(actor.account || actor.mbox))
    return { problem: 'The course gave no learner to record results for.' };
  return {
    endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
    fetchUrl,
    actor,
    registration,
    activityId,
  };
}

/** Reads LMS.LaunchData as the LMS stored it; a problem when it lacks its context template. */
export function readLaunchData(value: unknown): Cmi5LaunchData | { problem: string } {
  if (!value || typeof value !== 'object') return { problem: 'The course sent no launch data.' };
  const v = value as Record<string, unknown>;
  if (!v.contextTemplate || typeof v.contextTemplate !== 'object')
    return { problem: 'The course’s launch data has no context template.' };
  const mode = v.launchMode === 'Browse' || v.launchMode === 'Review' ? v.launchMode : 'Normal';
  const out: Cmi5LaunchData = { contextTemplate: v.contextTemplate as Context, launchMode: mode };
  if (typeof v.returnURL === 'string' && WEB.test(v.returnURL)) out.returnURL = v.returnURL;
  if (typeof v.masteryScore === 'number' && v.masteryScore >= 0 && v.masteryScore <= 1)
    out.masteryScore = v.masteryScore;
  return out;
}

/** The session's id from the context template ('' when the LMS gave none). */
export function sessionIdOf(data: Cmi5LaunchData): string {
  const id = data.contextTemplate.extensions?.[SESSION_EXTENSION];
  return typeof id === 'string' ? id : '';
}

/** One cmi5-defined statement. */
export type Cmi5Verb = keyof typeof VERB;

/** What happened, for one statement. */
export interface Cmi5Event {
  verb: Cmi5Verb;
  /** Epoch ms. */
  at: number;
  /** Time since initialized (completed, passed, failed, terminated). */
  durationMs?: Ms;
  /** 0–100 (passed, failed). */
  score?: number;
}

/**
 * A cmi5-defined statement: the LMS's context template with the registration and the cmi5 category (and
 * the moveOn category for completed/passed/failed), the launch's actor and activity, a stable id.
 */
export function cmi5Statement(launch: Cmi5Launch, data: Cmi5LaunchData, e: Cmi5Event): Statement {
  const template = data.contextTemplate;
  const categories = [
    ...(template.contextActivities?.category ?? []),
    { id: CMI5_CATEGORY, objectType: 'Activity' as const },
    ...(e.verb === 'completed' || e.verb === 'passed' || e.verb === 'failed'
      ? [{ id: MOVEON_CATEGORY, objectType: 'Activity' as const }]
      : []),
  ];
  const context: Context = {
    ...template,
    registration: launch.registration,
    contextActivities: { ...template.contextActivities, category: categories },
  };
  if ((e.verb === 'passed' || e.verb === 'failed') && data.masteryScore !== undefined)
    context.extensions = { ...context.extensions, [MASTERY_EXTENSION]: data.masteryScore };
  const statement: Statement = {
    id: stableUuid(['cmi5', launch.registration, sessionIdOf(data), e.verb]),
    actor: launch.actor,
    verb: { id: VERB[e.verb], display: { 'en-US': e.verb } },
    object: { objectType: 'Activity', id: launch.activityId },
    context,
    timestamp: new Date(e.at).toISOString(),
  };
  if (e.verb === 'initialized') return statement;
  const result: NonNullable<Statement['result']> = {};
  if (e.durationMs !== undefined) result.duration = isoDuration(e.durationMs);
  if (e.verb === 'completed') result.completion = true;
  if (e.verb === 'passed' || e.verb === 'failed') {
    const raw = Math.min(100, Math.max(0, Math.round(e.score ?? 0)));
    result.score = { scaled: raw / 100, raw, min: 0, max: 100 };
    result.success = e.verb === 'passed';
  }
  return Object.keys(result).length ? { ...statement, result } : statement;
}

/** Whether a score passes: against the LMS's masteryScore if it set one, else the assignment's pass mark. */
export function passes(score: number, passMark: number, data: Cmi5LaunchData): boolean {
  return data.masteryScore !== undefined ? score / 100 >= data.masteryScore : score >= passMark;
}

/** The statements that end a finished assignment: passed or failed, completed, terminated (in that order). */
export function finishingStatements(
  launch: Cmi5Launch,
  data: Cmi5LaunchData,
  finish: { score: number; passMark: number; at: number; durationMs: Ms },
): Statement[] {
  const verb = passes(finish.score, finish.passMark, data) ? 'passed' : 'failed';
  return [
    cmi5Statement(launch, data, { verb, at: finish.at, durationMs: finish.durationMs, score: finish.score }),
    cmi5Statement(launch, data, { verb: 'completed', at: finish.at + 1, durationMs: finish.durationMs }),
    cmi5Statement(launch, data, { verb: 'terminated', at: finish.at + 2, durationMs: finish.durationMs }),
  ];
}
