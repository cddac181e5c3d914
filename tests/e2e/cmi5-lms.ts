/**
 * A stand-in for the LMS side of cmi5 in tests: it hands out the session token (fetch URL, once), serves
 * LMS.LaunchData, and passes statements through to a real LRS (lrs-server.ts) with that token. The LMS
 * part is ours (no open-source LMS installs here); the LRS that stores the statements is the real one.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningLrs } from './lrs-server';

/** A running stand-in LMS. */
export interface FakeLms {
  origin: string;
  /** The launch query an LMS would append to the AU URL. */
  launchQuery(activityId: string): URLSearchParams;
  registration: string;
  returnURL: string;
  /** Requests it answered, for the test to inspect. */
  log: string[];
  stop(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
};

/** Starts the stand-in LMS in front of `lrs`. */
export async function startFakeLms(
  lrs: RunningLrs,
  options: { masteryScore?: number } = {},
): Promise<FakeLms> {
  const token = Buffer.from(`${lrs.username}:${lrs.password}`).toString('base64');
  const registration = '6c9d4f2e-1b7a-4e3c-8d5f-2a1b0c9e8d7f';
  const log: string[] = [];
  let fetched = false;
  let origin = '';
  const returnURL = () => `${origin}/course/7`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    log.push(`${req.method} ${url.pathname}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (url.pathname === '/fetch' && req.method === 'POST') {
      const body = fetched
        ? { 'error-code': '1', 'error-text': 'The token was already fetched.' }
        : { 'auth-token': token };
      fetched = true;
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    if (url.pathname === '/course/7') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<title>Course</title><h1>Back in the course</h1>');
      return;
    }
    if (req.headers.authorization !== `Basic ${token}`) {
      res.writeHead(401, CORS).end();
      return;
    }
    if (url.pathname === '/xAPI/activities/state' && url.searchParams.get('stateId') === 'LMS.LaunchData') {
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          contextTemplate: {
            contextActivities: { grouping: [{ objectType: 'Activity', id: `${origin}/course/7` }] },
            extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-42' },
          },
          launchMode: 'Normal',
          returnURL: returnURL(),
          moveOn: 'Passed',
          ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
        }),
      );
      return;
    }
    if (url.pathname === '/xAPI/statements') {
      // Pass through to the real LRS.
      const target = new URL(`${lrs.endpoint}statements${url.search}`);
      const upstream = request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, { ...CORS, ...(up.headers as Record<string, string>) });
          up.pipe(res);
        },
      );
      req.pipe(upstream);
      return;
    }
    res.writeHead(404, CORS).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    registration,
    get returnURL() {
      return returnURL();
    },
    log,
    launchQuery(activityId) {
      return new URLSearchParams({
        endpoint: `${origin}/xAPI/`,
        fetch: `${origin}/fetch`,
        actor: JSON.stringify({
          objectType: 'Agent',
          name: 'Kim',
          account: { homePage: origin, name: 'kim' },
        }),
        registration,
        activityId,
      });
    },
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
