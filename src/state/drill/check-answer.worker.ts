import { exercises } from '../../exercises/registry';
import type { CheckReply, CheckRequest } from './check-answer';

// Marks a whole-mix answer off the main thread. Marking renders the song's stems on synthesis, as questions
// are made: the score is then the same here, in Node and in a teacher's re-check on another device (which
// has no instrument bank), whatever instruments the learner listened with.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckReply): void;
};

scope.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { id, kind, question, answer } = event.data;
  try {
    const result = exercises[kind].check(question as never, answer as never);
    scope.postMessage({ id, type: 'done', result });
  } catch (error) {
    scope.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
