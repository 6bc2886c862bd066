/**
 * The operations this deployment knows by name: the explorer's, compiled by graphql-codegen's
 * client preset into web/src/generated/persisted-documents.json, and the export routes' own. With
 * CLAIMGRAPH_PERSISTED_ONLY=true only these run (a deployment that serves only its frontend
 * needs nothing else, and every other document a client could craft is refused before it
 * costs anything); either way the metrics label requests by these names only.
 *
 * A document is matched by its normalized print (@graphql-tools/documents, what the client preset
 * hashes): whitespace, field order and comments do not matter, anything else does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { Kind, parse, type DocumentNode } from 'graphql';

export const PERSISTED_DOCUMENTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/generated/persisted-documents.json');

export class OperationList {
  private readonly documents: Set<string>;
  /** Every operation name the list holds. */
  readonly names: ReadonlySet<string>;

  constructor(texts: Iterable<string>) {
    const parsed = [...texts].map((t) => parse(t));
    this.documents = new Set(parsed.map((d) => printExecutableGraphQLDocument(d)));
    this.names = new Set(parsed.flatMap((d) => d.definitions.flatMap((x) => (x.kind === Kind.OPERATION_DEFINITION && x.name ? [x.name.value] : []))));
  }

  /** The explorer's operations (the generated list) and `extra`, texts the server itself runs. */
  static load(extra: readonly string[], file = PERSISTED_DOCUMENTS): OperationList {
    const listed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    return new OperationList([...Object.values(listed), ...extra]);
  }

  /** Apollo hands the same parsed document for the same query text: each is printed once. */
  private readonly seen = new WeakMap<DocumentNode, boolean>();

  has(document: DocumentNode): boolean {
    let listed = this.seen.get(document);
    if (listed === undefined) this.seen.set(document, (listed = this.documents.has(printExecutableGraphQLDocument(document))));
    return listed;
  }
}
