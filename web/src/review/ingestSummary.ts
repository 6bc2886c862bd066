/**
 * What an ingest changed, in the words that make it worth doing: how many claims were added, how
 * many agree with figures already in the graph (from independent origins), how many conflict,
 * and how many only repeat an origin the graph already knows — each linked to its claim page,
 * where the corroboration panel shows the comparison.
 */
import { read } from '../api';
import { h } from '../dom';
import { IngestedCorroborationDocument } from '../generated/graphql';

/** Corroborations are priced by the comparisons they may make: one per request, a few at once. */
const AT_ONCE = 4;

export async function ingestSummary(claimIds: string[]): Promise<HTMLElement> {
  const agree: string[] = [];
  const conflict: string[] = [];
  const repeat: string[] = [];
  for (let k = 0; k < claimIds.length; k += AT_ONCE) {
    const chunk = claimIds.slice(k, k + AT_ONCE);
    const answers = await Promise.all(chunk.map((claimId) => read(IngestedCorroborationDocument, { claimId }).catch(() => null)));
    chunk.forEach((id, j) => {
      const cs = answers[j]?.corroboration?.comparisons ?? [];
      if (cs.some((c) => c.verdict === 'AGREES' && !c.sameOrigin)) agree.push(id);
      if (cs.some((c) => c.verdict === 'CONFLICTS')) conflict.push(id);
      if (cs.some((c) => c.verdict === 'AGREES' && c.sameOrigin)) repeat.push(id);
    });
  }
  const links = (ids: string[]) =>
    h(
      'ul',
      {},
      ids.map((id) => h('li', {}, h('a', { href: `/?claim=${encodeURIComponent(id)}`, 'data-link': true }, id))),
    );
  const n = (x: number, one: string, many: string) => `${x} ${x === 1 ? one : many}`;
  return h(
    'section',
    { class: 'card ingest-summary', 'data-testid': 'ingest-summary', role: 'status' },
    h('h2', {}, '✔ Ingested'),
    h(
      'p',
      {},
      `${n(claimIds.length, 'claim', 'claims')} added; ${n(agree.length, 'agrees', 'agree')} with figures already in the graph, ${n(conflict.length, 'conflicts', 'conflict')}, ${n(repeat.length, 'repeats', 'repeat')} an origin already known.`,
    ),
    agree.length ? [h('h3', {}, 'Agree'), links(agree)] : null,
    conflict.length ? [h('h3', {}, 'Conflict'), links(conflict)] : null,
    repeat.length ? [h('h3', {}, 'Repeat a known origin'), links(repeat)] : null,
    h('h3', {}, 'All added'),
    links(claimIds),
  );
}
