/**
 * A real learning record store for the end-to-end tests: Learning Locker's open-source xAPI statements
 * service (npm package `xapi-statements`, GPL-3.0, a dev dependency only), run in memory on 127.0.0.1. Its
 * login check is delegated to a small client-info endpoint here (its `AUTH_REPO=fetch` mode), which
 * accepts exactly one key and secret, as a school's LRS would.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running LRS. */
export interface RunningLrs {
  /** The statements API base, e.g. 'http://127.0.0.1:41234/xAPI/'. */
  endpoint: string;
  origin: string;
  username: string;
  password: string;
  /** Every statement the LRS stores, read back through its own API. */
  statements(): Promise<unknown[]>;
  /** Authorization headers the login check saw, oldest first. */
  logins: string[];
  stop(): Promise<void>;
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

const freePort = async () => {
  const s = createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
};

/** Starts the LRS and its login check; resolves once the LRS says it is ready. */
export async function startLrs(): Promise<RunningLrs> {
  const username = 'headroom-test-key';
  const password = 's3cret:with-colon';
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const logins: string[] = [];
  const auth = createServer((req, res) => {
    const header = req.headers.authorization ?? '';
    logins.push(header);
    if (header !== expected) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        _id: '58fe13e34effd3c26a7fc4b7',
        title: 'Headroom test client',
        authority: { objectType: 'Agent', mbox: 'mailto:lrs-client@school.example' },
        isTrusted: true,
        lrs_id: '58fe13e34effd3c26a7fc4b7',
        organisation: '58fe13e34effd3c26a7fc4b6',
        scopes: ['all'],
      }),
    );
  });
  const authPort = await listen(auth);
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'headroom-lrs-'));
  const child: ChildProcess = fork(join(process.cwd(), 'node_modules/xapi-statements/dist/index.js'), [], {
    cwd,
    silent: true,
    env: {
      PATH: process.env.PATH ?? '',
      EXPRESS_PORT: String(port),
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'memory',
      EVENTS_REPO: 'test',
      AUTH_REPO: 'fetch',
      LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${authPort}/auth`,
      EXPRESS_MORGAN_DIRECTORY: join(cwd, 'logs'),
      WINSTON_CONSOLE_LEVEL: 'error',
      SERVICE_AWAIT_UPDATES: 'true',
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The LRS did not start in 30 s:\n${output}`)), 30_000);
    child.on('message', (m) => {
      if (m === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The LRS exited (${code}):\n${output}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  const endpoint = `${origin}/xAPI/`;
  return {
    endpoint,
    origin,
    username,
    password,
    logins,
    async statements() {
      const all: unknown[] = [];
      let url: string | null = `${endpoint}statements?limit=500`;
      while (url) {
        const res = await fetch(url, {
          headers: { Authorization: expected, 'X-Experience-API-Version': '1.0.3' },
        });
        if (!res.ok) throw new Error(`GET statements: ${res.status} ${await res.text()}`);
        const page = (await res.json()) as { statements: unknown[]; more?: string };
        all.push(...page.statements);
        url = page.more ? `${origin}${page.more}` : null;
      }
      return all;
    },
    async stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((r) => auth.close(r));
    },
  };
}
