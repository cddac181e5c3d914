import { type SummaryReply, type SummaryRequest, summariseJob } from './import-summary-job';

// Hashes an imported song's files and summarises its tracks for drills, off the main thread.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SummaryRequest>) => void) | null;
  postMessage(message: SummaryReply): void;
};

scope.onmessage = (event: MessageEvent<SummaryRequest>) => {
  const { id, ...job } = event.data;
  summariseJob(job).then(
    (summary) => scope.postMessage({ id, type: 'done', summary }),
    (error: unknown) =>
      scope.postMessage({
        id,
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
