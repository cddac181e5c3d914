/**
 * The network half of a cmi5 session (the LMS's side of the protocol): fetch the session's token once,
 * read LMS.LaunchData, and send statements with that token. No DOM beyond fetch.
 */
import { type Cmi5Launch, type Cmi5LaunchData, readLaunchData } from '../../classroom/cmi5/launch';
import type { SendOutcome } from '../../classroom/xapi/sync';
import { postStatementsWith } from './xapi-transport';

/** A started session: its token (as an Authorization value) and launch data. */
export interface Cmi5Session {
  launch: Cmi5Launch;
  authorization: string;
  data: Cmi5LaunchData;
}

/** Starts a session: POST to the fetch URL for the token, then GET LMS.LaunchData. Throws plain words. */
export async function beginCmi5(launch: Cmi5Launch): Promise<Cmi5Session> {
  let token: string;
  try {
    const res = await fetch(launch.fetchUrl, { method: 'POST', credentials: 'omit', cache: 'no-store' });
    const body = (await res.json()) as { 'auth-token'?: unknown; 'error-text'?: unknown };
    if (!res.ok || typeof body['auth-token'] !== 'string')
      throw new Error(typeof body['error-text'] === 'string' ? body['error-text'] : `error ${res.status}`);
    token = body['auth-token'];
  } catch (e) {
    throw new Error(
      `The course did not let Headroom sign in (${(e as Error).message}). Launch it again from the course.`,
    );
  }
  const authorization = `Basic ${token}`;
  const q = new URLSearchParams({
    stateId: 'LMS.LaunchData',
    activityId: launch.activityId,
    agent: JSON.stringify(launch.actor),
    registration: launch.registration,
  });
  const res = await fetch(`${launch.endpoint}activities/state?${q}`, {
    headers: { Authorization: authorization, 'X-Experience-API-Version': '1.0.3' },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`The course’s launch data could not be read (error ${res.status}).`);
  const data = readLaunchData(await res.json().catch(() => null));
  if ('problem' in data) throw new Error(data.problem);
  return { launch, authorization, data };
}

/** Sends statements in the session (one POST). */
export function sendCmi5(session: Cmi5Session, statements: unknown[]): Promise<SendOutcome> {
  return postStatementsWith(session.launch.endpoint, session.authorization, statements);
}
