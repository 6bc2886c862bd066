/**
 * The explorer's only way to the data: the public GraphQL API at /graphql, same origin. An API
 * key, when the user gives one, lives in this browser's localStorage (never in the URL) and goes
 * in the Authorization header.
 */
import { NeighbourhoodDocument, NodePropertiesDocument, type GraphViewFieldsFragment, type TypedDocumentString } from './generated/graphql';

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

/** The Authorization header for the user's key, when there is one (queries and subscriptions alike). */
export function authHeaders(): Record<string, string> {
  const key = apiKey.get();
  return key ? { authorization: `Bearer ${key}` } : {};
}

/**
 * Runs one of the explorer's compiled operations (web/src/operations/, compiled by codegen.ts):
 * its text goes as written, its variables and result are typed from the schema.
 */
export async function gql<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<GqlResult<TResult>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() };
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }) });
  const body = (await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }))) as GqlResult<TResult>;
  return body;
}

/** The data, or an Error carrying the first GraphQL error's message and code. */
export async function read<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const r = await gql(document, variables);
  if (r.errors?.length && !r.data) throw Object.assign(new Error(r.errors[0].message), { code: r.errors[0].extensions?.code });
  return r.data as TResult;
}

/** The graph view payload, as Query.graph and SourceChain.graph answer it (node properties only when asked). */
export type GraphView = GraphViewFieldsFragment;

/**
 * What the explorer draws: a view's nodes and edges, or its own in their place (a group of
 * collapsed nodes, an edge to a group: any kind or type, properties of their own). Every
 * GraphView is one.
 */
export interface DrawnView {
  nodes: (Omit<GraphView['nodes'][number], 'kind'> & { kind: string })[];
  edges: (Omit<GraphView['edges'][number], 'type' | 'properties'> & { type: string; properties?: Record<string, unknown> })[];
  truncated?: boolean;
}

/**
 * A neighbourhood without node properties (a 1,000-node view's properties are most of its bytes,
 * and a card needs one node's): `nodeProperties` fetches them when a node is picked.
 */
export async function neighbourhood(seeds: string[], depth = 1, limit = 200): Promise<GraphView> {
  // Marks for anyone timing the page (bench/explorer.ts): the query, server and network.
  performance.mark('cg:fetch-start');
  const d = await read(NeighbourhoodDocument, { seeds, depth, limit });
  performance.measure('cg:fetch', 'cg:fetch-start');
  return d.graph;
}

/** One node's properties, as a graph view gives them. */
export async function nodeProperties(id: string): Promise<Record<string, unknown>> {
  const d = await read(NodePropertiesDocument, { id });
  return d.graph.nodes.find((n) => n.id === id)?.properties ?? {};
}
