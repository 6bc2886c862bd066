/** Small pieces every view draws the same way: links to nodes, Allen relations, gaps. */
import { h, num } from '../dom';
import { hrefOf, routeOfNode } from '../router';

/** A link to a node's own view (claim, organization, person, or its neighbourhood). */
export const nodeLink = (id: string, text: string) => h('a', { href: hrefOf(routeOfNode(id)), 'data-link': true }, text);

/** MET_BY → met-by, as Allen wrote it. */
export const allenText = (relation: string) => relation.toLowerCase().replace(/_/g, '-');

/** A gap to one decimal; empty when there is none. */
export const gapText = (gap: number | null) => (gap == null ? '' : num(Math.round(gap * 10) / 10));
