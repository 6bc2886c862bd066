/**
 * Live answers in the explorer: a subscription at /graphql/stream (graphql-sse, one HTTP stream
 * per subscription, with the same key as every request) that lasts as long as the view that
 * opened it. The stream's own cursor carries it across a dropped connection: it resumes after
 * the last event it saw, so a figure is neither missed nor counted twice.
 */
import { createClient } from 'graphql-sse';
import { authHeaders } from './api';
import { ClaimComparisonsChangedDocument, type ClaimComparisonsChangedSubscription } from './generated/graphql';

type Change = ClaimComparisonsChangedSubscription['comparisonsChanged']['changes'][number];

/** Follows a claim's new comparisons; `onChanges` gets each event's. Returns the stop. */
export function followComparisons(claimId: string, onChanges: (changes: Change[]) => void): () => void {
  let stopped = false;
  let after: string | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const client = createClient({ url: '/graphql/stream', retryAttempts: 0, headers: authHeaders });
  let unsubscribe = () => {};
  const open = (delayMs: number) => {
    unsubscribe = client.subscribe<ClaimComparisonsChangedSubscription>(
      { query: ClaimComparisonsChangedDocument.toString(), variables: { id: claimId, ...(after ? { after } : {}) } },
      {
        next: (result) => {
          const event = result.data?.comparisonsChanged;
          if (!event) return;
          after = event.cursor;
          onChanges(event.changes);
        },
        // A dropped or idle-ended stream comes back from its cursor, after a pause that grows.
        error: () => reopen(Math.min(delayMs * 2, 60_000)),
        complete: () => reopen(delayMs),
      },
    );
  };
  const reopen = (delayMs: number) => {
    if (stopped) return;
    retry = setTimeout(() => open(delayMs), delayMs);
  };
  open(1_000);
  return () => {
    stopped = true;
    clearTimeout(retry);
    unsubscribe();
    client.dispose();
  };
}
