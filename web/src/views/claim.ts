/**
 * A claim: its card, its source chain as a left-to-right layered graph (origins coloured by the
 * top institution behind them, a banner when the reporting is circular), the corroboration panel
 * and the timeline of its measure in its region.
 */
import { read } from '../api';
import { ClaimViewDocument, MeasureTimelineDocument, type ClaimViewQuery } from '../generated/graphql';
import { h, num } from '../dom';
import { timelineChart } from '../chart/timeline';
import { GraphExplorer } from '../graph/explorer';
import { allenText, dateText, gapText, nodeLink, periodText } from './format';
import { nodeCardPanel } from './nodeCard';
import { statusBadge } from './status';
import { followComparisons } from '../live';

type ClaimData = ClaimViewQuery;

const VERDICT: Record<string, { icon: string; word: string; cls: string }> = {
  AGREES: { icon: '✔', word: 'Agrees', cls: 'agree' },
  CONFLICTS: { icon: '✖', word: 'Conflicts', cls: 'conflict' },
  NOT_COMPARABLE: { icon: '–', word: 'Not comparable', cls: 'na' },
};

const GRADE = ['', 'Confirmed', 'Probably true', 'Possibly true', 'Doubtful', 'Improbable', 'Cannot be judged'];

/** The reason without the grade's name it opens with ("Cannot be judged: …"): the heading already says it. */
function gradeReason(reason: string, grade: string): string {
  const rest = reason.startsWith(`${grade}: `) ? reason.slice(grade.length + 2) : reason;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function quantityText(q: NonNullable<NonNullable<ClaimData['claim']>['quantity']>): string {
  const unit = q.unit ? ` ${q.unit}` : '';
  const v = q.bound === 'RANGE' ? `${num(q.low)}–${num(q.high)}` : num(q.value);
  const bound = { EXACT: '', APPROX: 'about ', ALMOST: 'almost ', AT_LEAST: 'at least ', AT_MOST: 'at most ', RANGE: '' }[q.bound] ?? '';
  return `${bound}${v}${unit} (${q.bound}, ${q.aggregation}${q.per ? ` per ${q.per.toLowerCase()}` : ''}${q.effectivePrecision ? `, to the nearest ${num(q.effectivePrecision)}` : ''})`;
}

export async function claimView(main: HTMLElement, id: string): Promise<() => void> {
  const data = await read(ClaimViewDocument, { id });
  const c = data.claim;
  if (!c) {
    main.append(h('p', { class: 'error', role: 'alert' }, `No claim with id “${id}”.`));
    return () => {};
  }
  main.append(
    h(
      'article',
      { class: 'card claim-card', 'data-testid': 'claim-card' },
      // Confidence in the heading line, not a row of its own: the card stays short enough for the chain under it.
      h(
        'p',
        { class: 'kind' },
        '❝ Claim',
        c.status !== 'ACTIVE' ? h('span', { class: 'badge' }, ` ${c.status}`) : null,
        c.confidence != null ? h('span', { class: 'confidence' }, ` · confidence ${c.confidence}`) : null,
      ),
      h('h1', {}, c.text),
      c.quote ? h('blockquote', {}, c.quote) : null,
      h(
        'dl',
        {},
        c.quantity ? [h('dt', {}, 'Quantity'), h('dd', {}, quantityText(c.quantity))] : null,
        c.measure ? [h('dt', {}, 'Measure'), h('dd', {}, nodeLink(c.measure.id, c.measure.name))] : null,
        c.period ? [h('dt', {}, 'Period'), h('dd', {}, periodText(c.period))] : null,
        [h('dt', {}, 'Regions'), h('dd', {}, c.regions.length ? c.regions.map((r, i) => [i ? ', ' : '', nodeLink(r.id, r.name)]) : 'unstated')],
        [h('dt', {}, 'Attributed to'), h('dd', {}, c.attributedTo.length ? c.attributedTo.map((a, i) => [i ? ', ' : '', nodeLink(a.id, a.name)]) : 'no one named')],
        [
          h('dt', {}, 'Stated in'),
          h(
            'dd',
            {},
            c.statedIn.map((s, i) => [
              i ? '; ' : '',
              nodeLink(s.source.id, s.source.title ?? s.source.id),
              s.source.publishedAt ? ` (${dateText(s.source.publishedAt, s.source.publishedAtPrecision)})` : '',
            ]),
          ),
        ],
      ),
    ),
  );

  // The source chain, left to right from the claim to its origins.
  const chain = data.sourceChain!;
  const groups = new Map<string, { id: string; name: string }>();
  for (const o of chain.origins) if (o.institutions[0]) groups.set(o.source.id, o.institutions[0]);
  const card = nodeCardPanel();
  const explorer = new GraphExplorer({ layout: 'dagre', groups, focus: [c.id], onSelect: (n) => card.show(n, explorer) });
  main.append(
    h(
      'section',
      { class: 'chain', 'aria-labelledby': 'chain-title' },
      h('h2', { id: 'chain-title' }, 'Where it came from'),
      // The banner above the graph, the explanation under it: at 1280×800 the chain shows without scrolling.
      chain.circularReporting
        ? h('div', { class: 'banner warn', role: 'status', 'data-testid': 'circular-banner' }, h('strong', {}, '⟲ Circular reporting: '), 'several appearances lead back to one independent origin. ')
        : null,
      h('div', { class: 'graph-with-card' }, explorer.root, card.panel),
      h('p', { class: 'explanation' }, chain.explanation),
    ),
  );
  explorer.show(chain.graph);

  // Corroboration, and what changes in it while the page is open.
  const cor = data.corroboration!;
  const notice = liveNotice(c.id);
  main.append(
    h(
      'section',
      { class: 'corroboration', 'data-testid': 'corroboration-panel', 'aria-labelledby': 'cor-title' },
      h('h2', { id: 'cor-title' }, 'Who else says it'),
      notice.element,
      h(
        'p',
        { class: `grade grade-${cor.credibility}` },
        h('strong', {}, `Credibility ${cor.credibility} — ${GRADE[cor.credibility]}. `),
        gradeReason(cor.credibilityReason, GRADE[cor.credibility]),
        ` (${cor.independentAgreeingOrigins} independent agreeing, ${cor.independentConflictingOrigins} conflicting origins.)`,
      ),
      // The banner says "copies, not confirmation" and the grade may still say "Confirmed": both are true, and this says how.
      chain.circularReporting && cor.independentAgreeingOrigins > 0
        ? h(
            'p',
            { class: 'reconcile', 'data-testid': 'reconcile' },
            `Both are true: the sources in this claim's own chain repeat one origin, so they count once, as this claim's own; the grade comes from ${cor.independentAgreeingOrigins === 1 ? 'one other origin' : `${cor.independentAgreeingOrigins} other origins`}, independent of it, that agree.`,
          )
        : null,
      cor.comparisons.length
        ? h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Verdict', 'Other claim', 'Gap', 'Periods', 'Origin', 'Why'].map((t) => h('th', { scope: 'col' }, t)),
              ),
            ),
            h(
              'tbody',
              {},
              cor.comparisons.map((x) => {
                const v = VERDICT[x.verdict];
                return h(
                  'tr',
                  { class: v.cls, 'data-verdict': x.verdict },
                  h('td', {}, h('span', { class: 'verdict', 'aria-hidden': 'true' }, v.icon), ` ${v.word}`),
                  h(
                    'td',
                    {},
                    nodeLink(x.claim.id, x.claim.text),
                    statusBadge(x.claim.status, x.counted ? 'no longer current' : 'not counted in the grade'),
                    x.scopeUnstated ? h('span', { class: 'note' }, ' (scope unstated)') : null,
                  ),
                  h('td', {}, gapText(x.gap)),
                  h('td', {}, allenText(x.allenRelation)),
                  h('td', {}, x.sameOrigin ? '⟲ same origin' : 'independent'),
                  h('td', { class: 'reason' }, x.reason),
                );
              }),
            ),
          )
        : h('p', {}, 'No comparable figure from any source.'),
    ),
  );

  // The timeline of its measure in its region.
  if (c.measure) {
    const region = c.regions[0];
    const t = await read(MeasureTimelineDocument, { measureId: c.measure.id, regionId: region?.id ?? null });
    const points = (t.timeline ?? []).map((p) => ({ ...p, aggregation: p.claim.quantity?.aggregation ?? null, unit: p.claim.quantity?.unit ?? null, per: p.claim.quantity?.per ?? null }));
    main.append(h('section', { class: 'timeline-section', 'aria-label': 'Timeline' }, h('h2', {}, 'Over time'), timelineChart(points, `${c.measure.name}${region ? ` in ${region.name}` : ''}`, c.id)));
  }
  return () => {
    notice.stop();
    explorer.destroy();
  };
}

/**
 * "2 new figures agree since you opened this — Show": the claim's comparisonsChanged followed
 * while the page is open; Show draws the page again with them (no reload).
 */
function liveNotice(claimId: string): { element: HTMLElement; stop: () => void } {
  const agree = new Set<string>();
  const repeat = new Set<string>();
  const conflict = new Set<string>();
  const text = h('span', {});
  const show = h('button', { type: 'button', class: 'link' }, 'Show');
  show.addEventListener('click', () => window.dispatchEvent(new CustomEvent('cg:rerender')));
  const element = h('div', { class: 'banner live-notice', role: 'status', 'data-testid': 'live-notice' }, text, ' — ', show);
  element.hidden = true;
  const figures = (n: number) => (n === 1 ? '1 new figure' : `${n} new figures`);
  const stop = followComparisons(claimId, (changes) => {
    for (const x of changes) {
      if (x.verdict === 'CONFLICTS') conflict.add(x.claim.id);
      else if (x.change === 'ORIGIN_REPEATED') repeat.add(x.claim.id);
      else agree.add(x.claim.id);
    }
    const parts = [
      agree.size ? `${figures(agree.size)} ${agree.size === 1 ? 'agrees' : 'agree'}` : '',
      repeat.size ? `${figures(repeat.size)} ${repeat.size === 1 ? 'repeats' : 'repeat'} an origin already here` : '',
      conflict.size ? `${figures(conflict.size)} ${conflict.size === 1 ? 'conflicts' : 'conflict'}` : '',
    ].filter(Boolean);
    if (!parts.length) return;
    text.textContent = `${parts.join(', ')} since you opened this`;
    element.hidden = false;
  });
  return { element, stop };
}
