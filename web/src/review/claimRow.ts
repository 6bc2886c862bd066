/**
 * One drafted claim as a table row, every field editable in place. A field whose rule was unsure
 * (confidence under 0.6) is outlined, with the words that decided it on hover; an attribution
 * inherited from another sentence says so. Edits go straight into the document under review.
 */
import { h } from '../dom';
import { entityPicker } from './entityPicker';
import type { EntityKind } from '../generated/graphql';
import { LIST_OF_PREFIX, idsOf, newId, type ReviewState } from './state';

const BOUNDS = ['EXACT', 'APPROX', 'ALMOST', 'AT_LEAST', 'AT_MOST', 'RANGE'];
const AGGREGATIONS = ['NONE', 'SHARE', 'PERIOD_TOTAL', 'CUMULATIVE', 'RATE'];
const PER = ['', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
const LOW_CONFIDENCE = 0.6;

export interface RowHooks {
  /** After any edit: save, and dry-run again. */
  changed: () => void;
  /** After a change of shape (accepted, rejected, removed): draw the rows again. */
  restructure: () => void;
  select: (row: number) => void;
}

/** The number as typed ("1,200", "0.8"), or null. */
const parseNumber = (s: string) => {
  const t = s.replace(/[,\s_]/g, '');
  return t === '' || !Number.isFinite(Number(t)) ? null : Number(t);
};

export function claimRow(state: ReviewState, i: number, hooks: RowHooks): HTMLTableRowElement {
  const claim = state.document.claims[i];
  const meta = state.meta[i];
  const q = (claim.quantity ??= { bound: 'EXACT', aggregation: 'NONE' }) as Record<string, any>;
  const fieldOf = (name: string) => meta.fields.find((f) => f.field === name);
  const cell = (name: string, ...content: (Node | string | null)[]) => {
    const f = fieldOf(name);
    const low = f && f.confidence < LOW_CONFIDENCE;
    return h(
      'td',
      { 'data-field': name, class: low ? 'low' : '', title: f ? `${low ? 'Unsure: ' : ''}${f.evidence ? `decided by “${f.evidence}”` : 'a default'} (confidence ${f.confidence.toFixed(2)})` : null },
      ...content,
    );
  };
  const edit = (apply: () => void) => () => {
    apply();
    hooks.changed();
  };
  const text = (value: unknown, onInput: (v: string) => void, attrs: Record<string, string> = {}) => {
    const input = h('input', { type: 'text', value: value == null ? '' : String(value), size: 8, ...attrs });
    input.addEventListener(
      'input',
      edit(() => onInput(input.value)),
    );
    return input;
  };
  const select = (options: string[], value: string | undefined, onPick: (v: string) => void, label: string) => {
    const s = h(
      'select',
      { 'aria-label': label },
      options.map((o) => h('option', { value: o, selected: o === (value ?? '') }, o || '—')),
    );
    s.addEventListener(
      'change',
      edit(() => onPick(s.value)),
    );
    return s;
  };
  const value =
    q.bound === 'RANGE'
      ? h(
          'span',
          {},
          text(q.low, (v) => (q.low = parseNumber(v)), { 'aria-label': 'low' }),
          '–',
          text(q.high, (v) => (q.high = parseNumber(v)), { 'aria-label': 'high' }),
        )
      : text(q.value, (v) => (q.value = parseNumber(v)), { 'aria-label': 'value' });
  const bound = select(
    BOUNDS,
    q.bound,
    (v) => {
      // A range has low and high, every other bound one value: carry the figure across.
      if (v === 'RANGE' && q.value != null) [q.low, q.high, q.value] = [q.value, q.value, undefined];
      else if (v !== 'RANGE' && q.bound === 'RANGE') [q.value, q.low, q.high] = [q.low ?? q.high, undefined, undefined];
      q.bound = v;
      hooks.restructure();
    },
    'bound',
  );
  const aggregation = select(
    AGGREGATIONS,
    q.aggregation,
    (v) => {
      q.aggregation = v;
      if (v !== 'RATE') delete q.per;
      hooks.restructure();
    },
    'aggregation',
  );
  const per = q.aggregation === 'RATE' ? select(PER, q.per, (v) => (v ? (q.per = v) : delete q.per), 'per') : null;
  const period = (claim.period ??= null) as Record<string, any> | null;
  const setPeriod = (key: 'start' | 'end', v: string) => {
    const p = (claim.period ??= {}) as Record<string, any>;
    const t = v.trim();
    if (key === 'end') {
      if (t === '') delete p.end;
      else p.end = t === 'open' ? null : t;
    } else if (t) p.start = t;
    else claim.period = null;
  };
  const periodCell = h(
    'span',
    { class: 'period' },
    text(period?.start, (v) => setPeriod('start', v), { 'aria-label': 'period start', placeholder: 'start' }),
    '→',
    text(period ? (period.end === null ? 'open' : period.end) : '', (v) => setPeriod('end', v), { 'aria-label': 'period end', placeholder: 'end / open' }),
  );

  const doc = state.document;
  const nameOf = (id: string) => {
    for (const l of ['organizations', 'people', 'regions', 'measures'] as const) {
      const e = (doc[l] ?? []).find((x) => x.id === id);
      if (e) return e.name as string;
    }
    return meta.mentions.find((m) => m.id === id)?.text ?? null;
  };
  const proposed = (id: string) =>
    ['organizations', 'people', 'regions', 'measures'].some((l) => ((doc as any)[l] ?? []).some((x: any) => x.id === id && !meta.mentions.some((m) => m.id === id && m.state === 'EXISTING')));
  const create =
    (prefix: string, extra: Record<string, unknown> = {}) =>
    (name: string) => {
      const list = LIST_OF_PREFIX[prefix];
      const id = newId(prefix, name, idsOf(doc));
      ((doc[list] ??= []) as Record<string, any>[]).push({ id, name, ...extra });
      return id;
    };
  const ambiguousOf = (role: string) => meta.mentions.filter((m) => m.role === role && m.state === 'AMBIGUOUS').map((m) => ({ text: m.text, candidates: m.candidates }));
  const picker = (key: 'attributedTo' | 'regions' | 'measure', label: string, kinds: EntityKind[], role: string, prefix: string, extra: () => Record<string, unknown> = () => ({})) =>
    entityPicker({
      label,
      kinds,
      multiple: key !== 'measure',
      ids: key === 'measure' ? (claim.measure ? [claim.measure] : []) : ((claim[key] as string[] | undefined) ?? []),
      nameOf,
      isNew: proposed,
      ambiguous: ambiguousOf(role),
      onChange: (ids: string[]) => {
        if (key === 'measure') claim.measure = ids[0] ?? '';
        else if (ids.length) claim[key] = ids;
        else delete claim[key];
        hooks.changed();
      },
      create: (name) => create(prefix, extra())(name),
    });
  const inherited = meta.attributionInherited
    ? h(
        'span',
        { class: 'inherited', title: `The cue stands in sentence ${(meta.attributionSentence ?? 0) + 1}, not this one: check it applies.` },
        `↰ from sentence ${(meta.attributionSentence ?? 0) + 1}`,
      )
    : null;
  const decide = (decision: 'accepted' | 'rejected' | 'pending') => () => {
    meta.decision = meta.decision === decision ? 'pending' : decision;
    hooks.restructure();
  };
  const row = h(
    'tr',
    { class: `claim-row ${meta.decision}`, 'data-row': i, 'data-testid': 'draft-row', tabindex: -1, onclick: (e: Event) => !(e.target as Element).closest('input,select,button') && hooks.select(i) },
    h(
      'td',
      { class: 'decide' },
      h('span', { class: 'n' }, String(i + 1)),
      h('button', { type: 'button', class: 'accept', 'aria-pressed': meta.decision === 'accepted' ? 'true' : 'false', title: 'Accept (a)', onclick: decide('accepted') }, '✔'),
      h('button', { type: 'button', class: 'reject', 'aria-pressed': meta.decision === 'rejected' ? 'true' : 'false', title: 'Reject (x)', 'data-testid': 'reject', onclick: decide('rejected') }, '✖'),
    ),
    h('td', { class: 'figure' }, h('q', {}, meta.figure.text ?? ''), meta.added ? h('span', { class: 'badge' }, 'added') : null),
    cell('quantity.value', value),
    cell('quantity.bound', bound),
    cell(
      'quantity.unit',
      text(q.unit, (v) => (v.trim() ? (q.unit = v.trim()) : delete q.unit), { 'aria-label': 'unit', size: '6' }),
    ),
    cell('quantity.aggregation', aggregation, per),
    cell('period', periodCell),
    cell('regions', picker('regions', 'region', ['REGION'], 'REGION', 'region')),
    cell('attributedTo', picker('attributedTo', 'organization or person', ['ORGANIZATION', 'PERSON'], 'ATTRIBUTION', 'org'), inherited),
    cell(
      'measure',
      picker('measure', 'measure', ['MEASURE'], 'MEASURE', 'measure', () => (q.unit ? { unit: q.unit } : {})),
    ),
  );
  return row;
}
