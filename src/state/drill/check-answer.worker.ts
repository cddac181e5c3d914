import { exercises } from '../../exercises/registry';
import { loadInstrumentBank } from '../shared/instrument-bank';
import type { CheckReply, CheckRequest } from './check-answer';

// Marks a whole-mix answer off the main thread, with the instruments the page analysed the question with.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckReply): void;
};

scope.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, kind, question, answer, bankUrl } = event.data;
  try {
    if (bankUrl) await loadInstrumentBank(bankUrl);
    const result = exercises[kind].check(question as never, answer as never);
    scope.postMessage({ id, type: 'done', result });
  } catch (error) {
    scope.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
