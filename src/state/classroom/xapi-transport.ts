/** The one request Headroom makes to a school's LRS: POST a batch of statements, read the answer. */
import type { LrsConfig } from '../../classroom/xapi/lrs-config';
import { classifyResponse, type SendOutcome } from '../../classroom/xapi/sync';

/** Basic authentication's value for a key and secret (UTF-8, base64). */
export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** POSTs statements to `config.endpoint` + 'statements' (xAPI 1.0.3) and classifies the LRS's answer. */
export function postStatements(config: LrsConfig, statements: unknown[]): Promise<SendOutcome> {
  return postStatementsWith(config.endpoint, basicAuth(config.username, config.password), statements);
}

/** POSTs statements with a ready Authorization value (a cmi5 session's token). */
export async function postStatementsWith(
  endpoint: string,
  authorization: string,
  statements: unknown[],
): Promise<SendOutcome> {
  const response = await fetch(`${endpoint}statements`, {
    method: 'POST',
    headers: {
      Authorization: authorization,
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
    },
    body: JSON.stringify(statements),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
  });
  const body = response.ok ? '' : await response.text().catch(() => '');
  return classifyResponse(response.status, body, response.headers.get('Retry-After'));
}
