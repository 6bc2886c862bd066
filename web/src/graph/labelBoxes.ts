/**
 * Where a graph's labels overlap: each node label's box against every other node label, every
 * other node's body, and the heading of every box (a compound node's label). The explorer's
 * layouts size nodes with their labels so this stays empty; the graph element carries it
 * (`labelOverlaps()`) so a test, or anyone debugging a view in the console, can check a drawn view.
 */
import type cytoscape from 'cytoscape';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Overlap {
  a: string;
  b: string;
  what: 'label' | 'node' | 'heading';
}

/** Boxes that share more than a pixel of area (touching is not overlapping). */
const intersects = (p: Box, q: Box) => Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1) > 1 && Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1) > 1;

export function labelOverlaps(cy: cytoscape.Core): Overlap[] {
  const shown = cy.nodes(':visible');
  const leaves = shown.filter((n) => n.isChildless() && !!n.data('display'));
  const labels = leaves.map((n) => ({ id: n.id(), box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) as Box }));
  const bodies = leaves.map((n) => ({ id: n.id(), box: n.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false }) as Box }));
  // A box's heading: its label, drawn above its children.
  const headings = shown
    .filter((n) => n.isParent() && !!n.data('display'))
    .map((n) => ({ id: n.id(), box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) as Box }));
  const out: Overlap[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) if (intersects(labels[i].box, labels[j].box)) out.push({ a: labels[i].id, b: labels[j].id, what: 'label' });
    for (const body of bodies) if (body.id !== labels[i].id && intersects(labels[i].box, body.box)) out.push({ a: labels[i].id, b: body.id, what: 'node' });
    for (const heading of headings) if (intersects(labels[i].box, heading.box)) out.push({ a: labels[i].id, b: heading.id, what: 'heading' });
  }
  return out;
}

/** Views up to this many nodes are separated after a force layout; denser ones draw shortened labels. */
const SEPARATE_UP_TO = 300;

/**
 * A force layout (fcose) spaces nodes by their size with labels but does not promise that no label
 * lands on a neighbour. Treats each node with its label as one box and pushes overlapping boxes
 * apart, half each way along the shorter way out, until none overlaps (or 200 rounds). Boxes are
 * measured once, relative to their node, so a round is plain arithmetic; positions are set once.
 * Returns the rounds taken, -1 when it gave up.
 */
export function separateLabels(cy: cytoscape.Core): number {
  const leaves = cy.nodes(':visible').filter((n) => n.isChildless());
  if (leaves.length > SEPARATE_UP_TO) return 0;
  const pos = leaves.map((n) => ({ ...(n as cytoscape.NodeSingular).position() }));
  const rel = leaves.map((n, i) => {
    const b = n.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: true, includeOverlays: false }) as Box;
    return { x1: b.x1 - pos[i].x - 3, y1: b.y1 - pos[i].y - 3, x2: b.x2 - pos[i].x + 3, y2: b.y2 - pos[i].y + 3 };
  });
  const box = (i: number): Box => ({ x1: pos[i].x + rel[i].x1, y1: pos[i].y + rel[i].y1, x2: pos[i].x + rel[i].x2, y2: pos[i].y + rel[i].y2 });
  let rounds = -1;
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        const p = box(i);
        const q = box(j);
        if (!intersects(p, q)) continue;
        const dx = Math.min(p.x2 - q.x1, q.x2 - p.x1);
        const dy = Math.min(p.y2 - q.y1, q.y2 - p.y1);
        // Out along the shorter way, half each, away from each other.
        if (dx < dy) {
          const s = (pos[i].x <= pos[j].x ? -1 : 1) * (dx / 2 + 1);
          pos[i].x += s;
          pos[j].x -= s;
        } else {
          const s = (pos[i].y <= pos[j].y ? -1 : 1) * (dy / 2 + 1);
          pos[i].y += s;
          pos[j].y -= s;
        }
        moved = true;
      }
    }
    if (!moved) {
      rounds = round;
      break;
    }
  }
  cy.batch(() => leaves.forEach((n, i) => void (n as cytoscape.NodeSingular).position(pos[i])));
  return rounds;
}
