/** Who a learner is in the school's learning record store: a name plus an email or an account. */
import type { Agent } from '@xapi/xapi';

/** The learner as typed in (or supplied by an assignment or a cmi5 launch). */
export type LearnerIdentity =
  | { name: string; email: string }
  | { name: string; account: { homePage: string; name: string } };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Checks an identity; returns a plain-words problem or null. */
export function identityProblem(identity: LearnerIdentity): string | null {
  if (!identity.name.trim()) return 'Type the learner’s name.';
  if (identity.name.length > 200) return 'The name is longer than 200 characters.';
  if ('email' in identity) {
    if (!EMAIL.test(identity.email.trim())) return `“${identity.email}” is not an email address.`;
    return null;
  }
  const { homePage, name } = identity.account;
  if (!name.trim()) return 'Type the account name (the id the school gave the learner).';
  if (!/^https?:\/\/[^\s/?#]+\.[^\s/?#]+(\/\S*)?$/i.test(homePage.trim()))
    return 'The account’s home page must be a web address, like https://school.example.';
  return null;
}

/** The xAPI Agent for an identity (an `mbox` for an email, an `account` otherwise); throws on a bad identity. */
export function toAgent(identity: LearnerIdentity): Agent {
  const problem = identityProblem(identity);
  if (problem) throw new Error(problem);
  const name = identity.name.trim();
  if ('email' in identity)
    return { objectType: 'Agent', name, mbox: `mailto:${identity.email.trim().toLowerCase()}` };
  return {
    objectType: 'Agent',
    name,
    account: { homePage: identity.account.homePage.trim(), name: identity.account.name.trim() },
  };
}

/** The agent's inverse functional identifier as one string (what makes two agents the same person). */
export function agentKey(agent: Agent): string {
  if ('mbox' in agent && agent.mbox) return agent.mbox;
  if ('account' in agent && agent.account) return `${agent.account.homePage}|${agent.account.name}`;
  if ('mbox_sha1sum' in agent && agent.mbox_sha1sum) return agent.mbox_sha1sum;
  if ('openid' in agent && agent.openid) return agent.openid;
  throw new Error('The learner has no email or account.');
}
