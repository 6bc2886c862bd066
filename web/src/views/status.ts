/** A SUPERSEDED or RETRACTED claim is marked wherever it is listed: it is no longer the figure its source stands by. */
import { h } from '../dom';

export const statusBadge = (status: string | null | undefined, note = 'no longer current') =>
  status && status !== 'ACTIVE' ? h('span', { class: 'badge status', title: note }, ` ${status} — ${note}`) : null;
