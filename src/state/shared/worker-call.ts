/**
 * Request/reply plumbing for a lazily started module Worker: each request goes out with a fresh id and
 * its promise settles on the reply carrying that id. A worker that cannot start (or fails later) makes
 * `call` return null from then on and rejects whatever was waiting, so callers fall back to the main thread.
 */

/** A worker's failure reply. */
export interface WorkerErrorReply {
  id: number;
  type: 'error';
  message: string;
}

/** A lazily started worker that answers requests by id. */
export interface WorkerCall<Req extends { id: number }, R> {
  /**
   * Posts `request` with a fresh id, moving `transfer` (detached here afterwards) instead of copying it;
   * null when no worker can run (do the work here instead). Replies of any type but 'done' and 'error'
   * (progress, partial results) go to `onUpdate` while the request is waiting.
   */
  call(
    request: Omit<Req, 'id'>,
    transfer?: Transferable[],
    onUpdate?: (reply: { id: number; type: string }) => void,
  ): Promise<R> | null;
  /** Stops the worker; the next call starts a new one. */
  terminate(): void;
}

/** A WorkerCall around the worker `start` makes, whose 'done' replies `result` unpacks. */
export function createWorkerCall<Req extends { id: number }, Done extends { id: number; type: 'done' }, R>(
  start: () => Worker,
  result: (reply: Done) => R,
): WorkerCall<Req, R> {
  let worker: Worker | null = null;
  let workerFailed = false;
  let nextId = 1;
  const waiting = new Map<
    number,
    {
      resolve: (r: R) => void;
      reject: (e: Error) => void;
      onUpdate?: ((reply: { id: number; type: string }) => void) | undefined;
    }
  >();

  function getWorker(): Worker | null {
    if (workerFailed || typeof Worker === 'undefined') return null;
    if (worker) return worker;
    try {
      worker = start();
    } catch {
      workerFailed = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<Done | WorkerErrorReply>) => {
      const reply = event.data;
      const entry = waiting.get(reply.id);
      if (!entry) return;
      if (reply.type !== 'done' && reply.type !== 'error') {
        entry.onUpdate?.(reply);
        return;
      }
      waiting.delete(reply.id);
      if (reply.type === 'done') entry.resolve(result(reply as Done));
      else entry.reject(new Error((reply as WorkerErrorReply).message));
    };
    worker.onerror = () => {
      // A worker that cannot start fails every pending request over to the main thread.
      workerFailed = true;
      worker?.terminate();
      worker = null;
      const pending = [...waiting.values()];
      waiting.clear();
      for (const entry of pending) entry.reject(new Error('worker failed'));
    };
    return worker;
  }

  return {
    call(request, transfer = [], onUpdate) {
      const w = getWorker();
      if (!w) return null;
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        waiting.set(id, { resolve, reject, onUpdate });
        w.postMessage({ ...request, id } as Req, transfer);
      });
    },
    terminate() {
      worker?.terminate();
      worker = null;
    },
  };
}
