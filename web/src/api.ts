/**
 * The explorer's only way to the data: the public GraphQL API at /graphql, same origin. An API
 * key, when the user gives one, lives in this browser's localStorage (never in the URL) and goes
 * in the Authorization header.
 */
const KEY = 'claimgraph.apiKey';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; problems?: { path: string; message: string }[]; [k: string]: unknown };
}

export interface GqlResult<T> {
  data?: T | null;
  errors?: GqlError[];
}

export const apiKey = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (key: string) => localStorage.setItem(KEY, key),
  clear: () => localStorage.removeItem(KEY),
};

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const key = apiKey.get();
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as GqlResult<T>;
  return body;
}

/** The data, or an Error carrying the first GraphQL error's message and code. */
export async function read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await gql<T>(query, variables);
  if (r.errors?.length && !r.data) throw Object.assign(new Error(r.errors[0].message), { code: r.errors[0].extensions?.code });
  return r.data as T;
}

/** The graph view payload, as Query.graph and SourceChain.graph answer it. */
export interface GraphView {
  nodes: { id: string; kind: string; label: string; hiddenNeighbours: number; properties?: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; type: string; properties?: Record<string, unknown> }[];
  truncated?: boolean;
}

export const GRAPH_FIELDS = 'nodes { id kind label hiddenNeighbours properties } edges { id source target type properties } truncated';

/**
 * A neighbourhood without node properties (a 1,000-node view's properties are most of its bytes,
 * and a card needs one node's): `nodeProperties` fetches them when a node is picked.
 */
export async function neighbourhood(seeds: string[], depth = 1, limit = 200): Promise<GraphView> {
  // Marks for anyone timing the page (bench/explorer.ts): the query, server and network.
  performance.mark('cg:fetch-start');
  const d = await read<{ graph: GraphView }>(
    `query($seeds: [ID!]!, $depth: Int, $limit: Int) { graph(seeds: $seeds, depth: $depth, limit: $limit) { nodes { id kind label hiddenNeighbours } edges { id source target type properties } truncated } }`,
    { seeds, depth, limit },
  );
  performance.measure('cg:fetch', 'cg:fetch-start');
  return d.graph;
}

/** One node's properties, as a graph view gives them. */
export async function nodeProperties(id: string): Promise<Record<string, unknown>> {
  const d = await read<{ graph: GraphView }>(`query($id: ID!) { graph(seeds: [$id], depth: 1, limit: 1) { nodes { id properties } } }`, { id });
  return d.graph.nodes.find((n) => n.id === id)?.properties ?? {};
}
