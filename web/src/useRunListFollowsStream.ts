import { useEffect, useRef } from 'react';
import type { Run } from './api';
import { activityStream } from './api';
import { callMayChangeList, listAwaitsRun } from './run-list';

const REFRESH_MS = 500;

/**
 * Keeps the run list following the stack, journeys started by the CLI, curl or another tab included:
 * a call on the live stream (/spine/v1/stream) of a run the list may be behind on has the list read
 * again, at most every REFRESH_MS, until it shows where that run stopped; so does a reset (the server's
 * database was replaced). It listens on the page's one connection to the stream, the one the live
 * swimlane listens on too.
 */
export function useRunListFollowsStream(runs: readonly Run[], refreshRuns: () => Promise<Run[]>): void {
  const known = useRef(runs);
  known.current = runs;
  useEffect(() => {
    const awaited = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer ??= setTimeout(async () => {
        const list = await refreshRuns().catch(() => known.current);
        timer = undefined;
        for (const id of awaited) if (!listAwaitsRun(list, id)) awaited.delete(id);
        if (awaited.size) schedule();
      }, REFRESH_MS);
    };
    const stream = activityStream.subscribe('exchange', ({ runId }) => {
      if (!callMayChangeList(known.current, runId)) return;
      awaited.add(runId);
      schedule();
    });
    // The server's database was replaced (a restart on a fresh one): the list names runs it no longer has.
    const reset = activityStream.subscribe('reset', () => schedule());
    return () => {
      stream.unsubscribe();
      reset.unsubscribe();
      clearTimeout(timer);
    };
  }, [refreshRuns]);
}
