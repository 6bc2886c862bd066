/**
 * A graph view the user explores: Cytoscape.js with a layered layout (dagre) for source chains and
 * a force-directed one (fcose) for neighbourhoods. Expand a node ("+N" says how many neighbours it
 * would add), filter by node kind and edge type, hide, pin, undo (the last 50 actions), fit,
 * relayout, click for a card, and export as PNG, SVG or the `graph` JSON payload. The container
 * carries data-node-count and data-edge-count (what is shown), and a list of the nodes for
 * keyboard and screen-reader users.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { neighbourhood, nodeProperties, type DrawnView } from '../api';
import { h } from '../dom';
import { download } from './download';
import { collapseLeaves, isGroupId } from './collapse';
import { labelOverlaps, separateLabels } from './labelBoxes';
import { EDGE_TYPES, GROUP_COLORS, KINDS, stylesheet } from './style';

cytoscape.use(dagre);
cytoscape.use(fcose);
cytoscape.use(svg);

export type LayoutName = 'dagre' | 'fcose';

export interface ExplorerOptions {
  layout: LayoutName;
  /** Called with a node's data when the user picks it (click, Enter in the node list). */
  onSelect?: (node: SelectedNode) => void;
  /** Node id → group (a top institution) and its name, for colouring and the legend. */
  groups?: Map<string, { id: string; name: string }>;
  /** Node ids to mark (the claim a view is about). */
  focus?: string[];
  /** Called after every change, e.g. to refresh an outside list. */
  onChange?: () => void;
  /** Collapse a big view's leaves into counted groups (collapse.ts); Expand on a group opens it. */
  collapse?: boolean;
}

export interface SelectedNode {
  id: string;
  kind: string;
  label: string;
  hiddenNeighbours: number;
  properties: Record<string, unknown>;
}

interface Action {
  name: string;
  undo: () => void;
}

const MAX_UNDO = 50;
const DENSE = 300;
const kindName = (kind: string) => KINDS.find((k) => k.kind === kind)?.name ?? kind;
const glyph = (kind: string) => KINDS.find((k) => k.kind === kind)?.glyph ?? '•';

export class GraphExplorer {
  readonly cy: cytoscape.Core;
  readonly root: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly nodeList: HTMLUListElement;
  private readonly nodeListBox: HTMLDetailsElement;
  private readonly status: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly history: Action[] = [];
  /** Group node id → the members it stands for, while the group is drawn collapsed. */
  private collapsed = new Map<string, DrawnView>();
  private readonly hiddenKinds = new Set<string>();
  private readonly hiddenTypes = new Set<string>();
  private readonly filterBoxes = new Map<string, HTMLInputElement>();
  private layoutName: LayoutName;

  constructor(private readonly opts: ExplorerOptions) {
    this.layoutName = opts.layout;
    this.canvas = h('div', { class: 'graph-canvas', 'data-testid': 'graph', role: 'img', 'aria-label': 'Graph view; the list below names its nodes' });
    this.status = h('p', { class: 'graph-status', 'aria-live': 'polite' });
    this.undoButton = this.button('Undo', () => this.undo(), 'Undo the last action (Ctrl+Z)');
    this.nodeList = h('ul', { class: 'node-list', 'aria-label': 'Nodes in this view' });
    this.nodeListBox = h('details', { class: 'node-list-box' }, h('summary', {}, 'Nodes (keyboard: pick one to see its card)'), this.nodeList);
    this.nodeListBox.addEventListener('toggle', () => (this.nodeListBox.open ? this.renderNodeList() : this.nodeList.replaceChildren()));
    this.root = h(
      'section',
      { class: 'explorer', 'aria-label': 'Graph' },
      h(
        'div',
        { class: 'graph-toolbar', role: 'toolbar', 'aria-label': 'Graph tools' },
        this.button('Expand', () => void this.expandSelected(), 'Add the selected node’s neighbours'),
        this.button('Hide', () => this.hideSelected(), 'Hide the selected nodes'),
        this.button('Pin', () => this.pinSelected(), 'Pin or unpin the selected nodes where they are'),
        this.undoButton,
        this.button('Fit', () => this.cy.fit(undefined, 30), 'Fit the graph to the view'),
        this.button('Relayout', () => this.relayout(), 'Lay the graph out again'),
        h('span', { class: 'sep' }),
        this.button('PNG', () => this.exportPng(), 'Download the graph as a PNG image'),
        this.button('SVG', () => this.exportSvg(), 'Download the graph as an SVG image'),
        this.button('JSON', () => this.exportJson(), 'Download the graph as JSON (the graph payload)'),
      ),
      this.filters(),
      this.canvas,
      this.status,
      this.nodeListBox,
      this.legend(),
    );
    // Preset: the container is not in the page yet, and a real layout runs once there is a graph.
    this.cy = cytoscape({ container: this.canvas, style: stylesheet(), layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 4 });
    this.cy.on('tap', 'node:childless', (e) => this.select(e.target as cytoscape.NodeSingular));
    // For tests and the console: which labels of the drawn view overlap (none, when the layout did its job).
    Object.defineProperty(this.canvas, 'labelOverlaps', { value: () => labelOverlaps(this.cy) });
    // …and where the drawn elements are, labels included, in the canvas's own pixels.
    Object.defineProperty(this.canvas, 'drawnBox', { value: () => this.cy.elements().renderedBoundingBox({ includeLabels: true }) });
    this.canvas.tabIndex = 0;
    this.canvas.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'z') {
        e.preventDefault();
        this.undo();
      }
    });
    this.refresh();
  }

  private button(text: string, onClick: () => void, title: string): HTMLButtonElement {
    return h('button', { type: 'button', title, 'aria-label': title, onclick: onClick }, text);
  }

  private filters(): HTMLElement {
    const box = (what: 'kind' | 'type', value: string, label: string) => {
      const input = h('input', { type: 'checkbox', checked: true, 'data-filter': `${what}:${value}`, onchange: (e: Event) => this.setFilter(what, value, !(e.target as HTMLInputElement).checked) });
      this.filterBoxes.set(`${what}:${value}`, input);
      return h('label', { class: 'chip' }, input, label);
    };
    return h(
      'details',
      { class: 'graph-filters' },
      h('summary', {}, 'Filter by kind and relationship'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Node kinds'),
        KINDS.map((k) => box('kind', k.kind, `${k.glyph} ${k.name}`)),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Relationships'),
        EDGE_TYPES.map((t) => box('type', t, t)),
      ),
    );
  }

  private legend(): HTMLElement {
    const groups = [...new Map([...(this.opts.groups?.values() ?? [])].map((g) => [g.id, g])).values()];
    return h(
      'div',
      { class: 'legend', 'aria-label': 'Legend' },
      h('strong', {}, 'Legend: '),
      KINDS.map((k) => h('span', { class: 'legend-item' }, h('span', { class: `swatch kind-${k.kind.toLowerCase()}`, 'aria-hidden': 'true' }, k.glyph), k.name)),
      groups.length ? h('span', { class: 'legend-sep' }, ' · origins behind: ') : null,
      groups.map((g, i) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch group', style: `background:${GROUP_COLORS[i % GROUP_COLORS.length]}`, 'aria-hidden': 'true' }, '■'), g.name)),
      h('span', { class: 'legend-sep' }, ' · “+N”: neighbours not shown; double border: pinned'),
    );
  }

  /** Node and edge definitions for Cytoscape from a graph payload. */
  private elements(view: DrawnView): cytoscape.ElementDefinition[] {
    const groupIndex = new Map([...new Set([...(this.opts.groups?.values() ?? [])].map((g) => g.id))].map((id, i) => [id, i]));
    // Origins behind one top institution share a box: the institution's name, in its colour.
    const boxes = [...new Map([...(this.opts.groups?.values() ?? [])].map((g) => [g.id, g])).values()]
      .filter((g) => this.cy.getElementById(`box:${g.id}`).empty() && view.nodes.some((n) => this.opts.groups?.get(n.id)?.id === g.id))
      .map((g) => ({
        group: 'nodes' as const,
        data: { id: `box:${g.id}`, display: `Behind: ${g.name}`, label: g.name, groupColor: GROUP_COLORS[groupIndex.get(g.id)! % GROUP_COLORS.length] },
        classes: 'box',
        selectable: false,
      }));
    const nodes = view.nodes.map((n) => {
      const group = this.opts.groups?.get(n.id);
      return {
        group: 'nodes' as const,
        data: {
          ...(group ? { parent: `box:${group.id}` } : {}),
          id: n.id,
          kind: n.kind,
          label: n.label,
          hidden: n.hiddenNeighbours,
          properties: n.properties,
          display: display(n.label, n.hiddenNeighbours),
          ...(group ? { group: group.id, groupColor: GROUP_COLORS[groupIndex.get(group.id)! % GROUP_COLORS.length] } : {}),
        },
        classes: [group ? 'origin' : '', this.opts.focus?.includes(n.id) ? 'focus' : '', this.collapsed.has(n.id) ? 'collapsed' : ''].filter(Boolean).join(' '),
      };
    });
    const ids = new Set(view.nodes.map((n) => n.id));
    const edges = view.edges
      .filter((e) => ids.has(e.source) || this.cy.getElementById(e.source).nonempty())
      .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, type: e.type, properties: e.properties ?? {} } }));
    return [...boxes, ...nodes, ...edges];
  }

  /** Shows a graph payload (replacing what is shown) and lays it out. */
  show(view: DrawnView): void {
    // The container may have been attached (and sized) since the graph was created.
    this.cy.resize();
    this.cy.elements().remove();
    this.history.length = 0;
    const shown = this.opts.collapse ? collapseLeaves(view, this.opts.focus) : { view, members: new Map<string, DrawnView>() };
    this.collapsed = shown.members;
    this.cy.add(this.elements(shown.view));
    this.markDensity();
    this.applyFilters();
    this.relayout(false);
    this.refresh();
    if (this.collapsed.size) {
      this.say(
        `${view.nodes.length} nodes: claims per source and nodes with a single neighbour are grouped into ${this.collapsed.size} counted nodes (dashed border); expand a group to see its members.`,
      );
    }
  }

  /** Views of more than DENSE nodes draw less per element (style.ts). */
  private markDensity(): void {
    const dense = this.cy.nodes().length > DENSE;
    this.cy.batch(() => {
      dense ? this.cy.elements().addClass('dense') : this.cy.elements().removeClass('dense');
      // Edges between one pair of nodes stay curved apart even where the rest are drawn straight.
      if (dense)
        this.cy
          .edges()
          .filter((e) => e.parallelEdges().length > 1)
          .addClass('parallel');
    });
  }

  /** Adds a payload's new nodes and edges (by id); returns what was added. */
  private merge(view: DrawnView): cytoscape.CollectionReturnValue {
    const fresh = this.elements(view).filter((el) => this.cy.getElementById(el.data.id!).empty());
    // Edges whose ends are both present once the new nodes are in.
    const present = new Set([...this.cy.nodes().map((n) => n.id()), ...fresh.filter((f) => f.group === 'nodes').map((f) => f.data.id!)]);
    return this.cy.add(fresh.filter((f) => f.group === 'nodes' || (present.has(f.data.source) && present.has(f.data.target))));
  }

  private record(name: string, undo: () => void): void {
    this.history.push({ name, undo });
    if (this.history.length > MAX_UNDO) this.history.shift();
    this.refresh();
  }

  /** Adds a node's neighbours; undo removes exactly what it added. */
  async expand(id: string): Promise<number> {
    const node = this.cy.getElementById(id);
    if (node.empty()) return 0;
    const members = this.collapsed.get(id);
    if (members) return this.openGroup(node as cytoscape.NodeSingular, members);
    this.say(`Expanding ${node.data('label')}…`);
    const view = await neighbourhood([id], 1, 200);
    const added = this.merge(view);
    this.markDensity();
    const before = node.data('hidden') as number;
    node.data({ hidden: 0, display: display(node.data('label'), 0) });
    this.applyFilters();
    if (added.nonempty()) this.layoutAround(node.position(), added);
    this.record(`expand ${id}`, () => {
      this.cy.remove(added);
      node.data({ hidden: before, display: display(node.data('label'), before) });
    });
    this.say(`Added ${added.nodes().length} nodes and ${added.edges().length} edges.`);
    return added.nodes().length;
  }

  /** Puts a collapsed group's members back where the group was; undo collapses them again. */
  private openGroup(group: cytoscape.NodeSingular, members: DrawnView): number {
    const where = { ...group.position() };
    const removed = this.cy.remove(group.union(group.connectedEdges()));
    this.collapsed.delete(group.id());
    const added = this.merge(members);
    this.markDensity();
    this.applyFilters();
    if (added.nonempty()) this.layoutAround(where, added);
    this.record(`open ${group.id()}`, () => {
      this.cy.remove(added);
      removed.restore();
      this.collapsed.set(group.id(), members);
    });
    this.say(`Showed the ${added.nodes().length} ${group.data('label').replace(/^\d+ /, '')} of the group.`);
    return added.nodes().length;
  }

  async expandSelected(): Promise<void> {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) return this.say('Select a node to expand (click it, or pick it in the node list).');
    for (const n of selected.toArray()) await this.expand(n.id());
  }

  hideSelected(): void {
    const selected = this.cy.nodes(':selected').not('.box');
    if (selected.empty()) return this.say('Select nodes to hide.');
    const removed = this.cy.remove(selected.union(selected.connectedEdges()));
    this.record('hide', () => removed.restore());
    this.say(`Hid ${removed.nodes().length} node(s).`);
  }

  pinSelected(): void {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) return this.say('Select nodes to pin.');
    const wasLocked = selected.map((n) => [n, n.locked()] as const);
    for (const [n, locked] of wasLocked) locked ? n.unlock() : n.lock();
    this.record('pin', () => wasLocked.forEach(([n, locked]) => (locked ? n.lock() : n.unlock())));
  }

  private setFilter(what: 'kind' | 'type', value: string, hide: boolean): void {
    const set = what === 'kind' ? this.hiddenKinds : this.hiddenTypes;
    if (set.has(value) === hide) return;
    hide ? set.add(value) : set.delete(value);
    this.applyFilters();
    this.record(`filter ${value}`, () => {
      hide ? set.delete(value) : set.add(value);
      this.applyFilters();
      this.syncFilterBoxes();
    });
  }

  private syncFilterBoxes(): void {
    for (const [key, input] of this.filterBoxes) {
      const [what, value] = key.split(':');
      input.checked = !(what === 'kind' ? this.hiddenKinds : this.hiddenTypes).has(value);
    }
  }

  private applyFilters(): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('filtered');
      this.cy
        .nodes()
        .filter((n) => this.hiddenKinds.has(n.data('kind')))
        .addClass('filtered');
      this.cy
        .edges()
        .filter((e) => this.hiddenTypes.has(e.data('type')))
        .addClass('filtered');
    });
    this.refresh();
  }

  undo(): void {
    const last = this.history.pop();
    if (!last) return this.say('Nothing to undo.');
    last.undo();
    this.applyFilters();
    this.say(`Undid ${last.name}.`);
  }

  get undoDepth(): number {
    return this.history.length;
  }

  relayout(animate = true): void {
    if (this.cy.nodes().empty()) return;
    const options =
      this.layoutName === 'dagre'
        ? // Nodes sized with their labels: no label lies on another, on a node, or on a box's heading (labelBoxes.ts).
          ({ name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 60, animate, fit: true, padding: 30, nodeDimensionsIncludeLabels: true } as cytoscape.LayoutOptions)
        : ({
            name: 'fcose',
            quality: this.cy.nodes().length > 400 ? 'draft' : 'default',
            animate: animate && this.cy.nodes().length < 300,
            fit: true,
            padding: 30,
            randomize: true,
            nodeRepulsion: 6000,
            idealEdgeLength: 90,
            nodeDimensionsIncludeLabels: true,
          } as cytoscape.LayoutOptions);
    // Marks for anyone timing the page (bench/explorer.ts): layout start to stop.
    performance.mark('cg:layout-start');
    delete this.canvas.dataset.layout;
    const layout = this.cy.layout(options);
    layout.one('layoutstop', () => {
      if (this.layoutName !== 'dagre') {
        this.canvas.dataset.labelRounds = String(separateLabels(this.cy));
        this.cy.fit(undefined, 30);
      }
      // A small graph fitted to the view would be drawn huge: no closer than 1.25.
      if (this.cy.zoom() > 1.25) {
        this.cy.zoom(1.25);
        this.cy.center();
      }
      performance.measure('cg:layout', 'cg:layout-start');
      // Drawn: the frame after the one that painted the laid-out graph.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.measure('cg:drawn', 'cg:layout-start')));
      this.canvas.dataset.layout = 'done';
    });
    layout.run();
  }

  /**
   * Places new nodes on a ring around the node they were expanded from, leaving everything else
   * where the user had it (Relayout lays out the whole graph again).
   */
  private layoutAround({ x, y }: cytoscape.Position, added: cytoscape.CollectionReturnValue): void {
    const nodes = added.nodes();
    const radius = 90 + 12 * Math.sqrt(nodes.length);
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.position({ x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
    });
    this.cy.animate({ fit: { eles: this.shownNodes(), padding: 30 } }, { duration: 200 });
  }

  private select(node: cytoscape.NodeSingular): void {
    this.cy.nodes().unselect();
    node.select();
    const tell = () => this.opts.onSelect?.({ id: node.id(), kind: node.data('kind'), label: node.data('label'), hiddenNeighbours: node.data('hidden'), properties: node.data('properties') ?? {} });
    tell();
    // Views of neighbourhoods come without properties: the card gets them when asked for.
    if (node.data('properties') === undefined) {
      void nodeProperties(node.id()).then((properties) => {
        node.data('properties', properties);
        if (node.selected()) tell();
      });
    }
  }

  selectById(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) this.select(node as cytoscape.NodeSingular);
  }

  /** The graph shown, as the `graph` payload (nodes and edges a client can load again). */
  payload(): DrawnView {
    // A collapsed group is the explorer's, not the graph's: its members go out in its place (a
    // group's members may be groups themselves), and edges drawn to a group are not exported.
    const groups = this.shownNodes().filter((n) => this.collapsed.has(n.id()));
    const nodes: DrawnView['nodes'] = this.shownNodes()
      .not(groups)
      .map((n) => ({ id: n.id(), kind: n.data('kind'), label: n.data('label'), hiddenNeighbours: n.data('hidden'), properties: n.data('properties') }));
    const edges = new Map<string, DrawnView['edges'][number]>();
    for (const e of this.shownEdges().not(groups.connectedEdges()))
      edges.set(e.id(), { id: e.id(), source: e.data('source'), target: e.data('target'), type: e.data('type'), properties: e.data('properties') });
    const open = groups.map((g) => g.id());
    while (open.length) {
      const members = this.collapsed.get(open.pop()!)!;
      for (const n of members.nodes) this.collapsed.has(n.id) ? open.push(n.id) : nodes.push(n);
      for (const e of members.edges) if (!isGroupId(e.source) && !isGroupId(e.target)) edges.set(e.id, e);
    }
    return { nodes, edges: [...edges.values()] };
  }

  exportPng(): void {
    const blob = this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    download(blob, 'claimgraph.png');
  }

  exportSvg(): void {
    const text = (this.cy as unknown as { svg: (o: object) => string }).svg({ full: true, scale: 1, bg: '#ffffff' });
    download(new Blob([text], { type: 'image/svg+xml' }), 'claimgraph.svg');
  }

  exportJson(): void {
    download(new Blob([JSON.stringify(this.payload(), null, 2)], { type: 'application/json' }), 'claimgraph-graph.json');
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  /** The nodes shown: not filtered out (the institution boxes are decoration, not nodes). */
  private shownNodes(): cytoscape.NodeCollection {
    return this.cy.nodes().not('.box').not('.filtered');
  }

  /** The edges shown: not filtered out, between shown nodes. */
  private shownEdges(): cytoscape.EdgeCollection {
    return this.cy
      .edges()
      .not('.filtered')
      .filter((e) => !(e as cytoscape.EdgeSingular).source().hasClass('filtered') && !(e as cytoscape.EdgeSingular).target().hasClass('filtered'));
  }

  /** Counts on the container, the undo button's state, and the keyboard list of nodes. */
  private refresh(): void {
    if (!this.cy) return;
    const nodes = this.shownNodes();
    this.canvas.dataset.nodeCount = String(nodes.length);
    this.canvas.dataset.edgeCount = String(this.shownEdges().length);
    this.undoButton.disabled = this.history.length === 0;
    this.opts.onChange?.();
    // The keyboard list is built only while it is open: a 1,000-node view need not build 1,000
    // buttons on every change nobody is reading.
    if (this.nodeListBox.open) this.renderNodeList();
  }

  private renderNodeList(): void {
    this.nodeList.replaceChildren(
      ...this.shownNodes()
        .sort((a, b) => String(a.data('kind')).localeCompare(b.data('kind')) || String(a.data('label')).localeCompare(b.data('label')))
        .map((n) =>
          h('li', {}, h('button', { type: 'button', 'data-node-id': n.id(), onclick: () => this.selectById(n.id()) }, `${glyph(n.data('kind'))} ${kindName(n.data('kind'))}: ${n.data('display')}`)),
        ),
    );
  }

  destroy(): void {
    this.cy.destroy();
  }
}

function display(label: string, hidden: number): string {
  const short = label.length > 80 ? `${label.slice(0, 77)}…` : label;
  return hidden > 0 ? `${short}  +${hidden}` : short;
}
