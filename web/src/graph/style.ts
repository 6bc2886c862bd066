/**
 * How the graph looks: each kind of node has its own shape and colour, and a legend says which is
 * which (shape and label carry the meaning, colour only repeats it). Origins in a source chain are
 * coloured by the top institution behind them.
 */
import type cytoscape from 'cytoscape';

export const KINDS: { kind: string; name: string; shape: cytoscape.Css.NodeShape; color: string; glyph: string }[] = [
  { kind: 'CLAIM', name: 'Claim', shape: 'round-rectangle', color: '#2f6fb5', glyph: '❝' },
  { kind: 'SOURCE', name: 'Source', shape: 'rectangle', color: '#6b7280', glyph: '▤' },
  { kind: 'ORGANIZATION', name: 'Organization', shape: 'hexagon', color: '#8a5a00', glyph: '⬢' },
  { kind: 'PERSON', name: 'Person', shape: 'ellipse', color: '#7c3aed', glyph: '●' },
  { kind: 'REGION', name: 'Region', shape: 'diamond', color: '#047857', glyph: '◆' },
  { kind: 'MEASURE', name: 'Measure', shape: 'triangle', color: '#b91c1c', glyph: '▲' },
  { kind: 'PERIOD', name: 'Period', shape: 'tag', color: '#0e7490', glyph: '◷' },
];

export const EDGE_TYPES = [
  'STATED_IN',
  'DERIVED_FROM',
  'BASED_ON',
  'ATTRIBUTED_TO',
  'PUBLISHED_BY',
  'AUTHORED_BY',
  'ABOUT',
  'COVERS',
  'IN_REGION',
  'PART_OF',
  'ROLE',
  'SUPERSEDES',
  'AGREES_WITH',
  'CONFLICTS_WITH',
];

/** Colours for groups (top institutions behind origins), distinguishable and with dark text contrast. */
export const GROUP_COLORS = ['#fde68a', '#bbf7d0', '#fecaca', '#c7d2fe', '#fbcfe8', '#a5f3fc', '#ddd6fe', '#fed7aa'];

export function stylesheet(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-size': 11,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        color: '#111827',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        width: 28,
        height: 28,
        'border-width': 2,
        'border-color': '#1f2937',
      },
    },
    ...KINDS.map((k) => ({ selector: `node[kind = "${k.kind}"]`, style: { shape: k.shape, 'background-color': k.color } })),
    { selector: 'node[group]', style: { 'border-width': 6, 'border-color': 'data(groupColor)' } },
    { selector: 'node.origin', style: { width: 36, height: 36 } },
    { selector: 'node.focus', style: { 'border-color': '#000000', 'border-width': 4, width: 36, height: 36 } },
    { selector: 'node:selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    // A group of leaves (collapse.ts): larger, its border dashed, its label the count.
    { selector: 'node.collapsed', style: { width: 40, height: 40, 'border-style': 'dashed', 'border-width': 3, 'font-weight': 'bold' } },
    { selector: 'node:locked', style: { 'border-style': 'double', 'border-width': 5 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 8,
        color: '#4b5563',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
    { selector: 'edge[type = "DERIVED_FROM"], edge[type = "BASED_ON"]', style: { 'line-color': '#374151', 'target-arrow-color': '#374151', width: 2.5 } },
    { selector: 'edge[type = "SUPERSEDES"]', style: { 'line-style': 'dashed' } },
    // A cross-reference's verdicts: the word on the edge says it, the colour repeats it.
    { selector: 'edge[type = "AGREES_WITH"]', style: { 'line-color': '#15803d', 'target-arrow-color': '#15803d', width: 3, label: '✔ agrees' } },
    { selector: 'edge[type = "CONFLICTS_WITH"]', style: { 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c', width: 3, 'line-style': 'dashed', label: '✖ conflicts' } },
    {
      selector: 'node.box',
      style: {
        shape: 'round-rectangle',
        'background-color': 'data(groupColor)',
        'background-opacity': 0.35,
        'border-width': 1,
        'border-color': '#6b7280',
        'border-style': 'dashed',
        label: 'data(display)',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-size': 11,
        'font-weight': 'bold',
        padding: '14px',
      },
    },
    // A dense view (hundreds of nodes) draws no edge labels and unwrapped node labels: the first
    // frame of a 1,000-node view is then a third of the work. The card names an edge's ends.
    // Only there are labels too small to read left undrawn (a zoomed-out 1,000-node view stays fast);
    // a chain of a dozen nodes that fit zooms out keeps every label.
    { selector: 'edge.dense', style: { label: '', 'curve-style': 'straight' } },
    { selector: 'edge.dense.parallel', style: { 'curve-style': 'bezier' } },
    { selector: 'node.dense', style: { 'text-wrap': 'ellipsis', 'text-max-width': '120px', 'min-zoomed-font-size': 7 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
