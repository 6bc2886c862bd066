/**
 * Database reads skip the driver's per-query stack capture; a failure still says where it came
 * from: its stack names the query.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
afterAll(() => db.close());

describe('Database.read', () => {
  it("names the query in a failure's stack, and leaves the stack limit as it was", async () => {
    const limit = Error.stackTraceLimit;
    // size() of a number is a Cypher type error, raised by Neo4j.
    const err = (await db.read('node/nodesByIds', { p: { ids: ['claim:none'], types: 5, depth: 1 } }).catch((e: Error) => e)) as Error & { code?: string };
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toMatch(/^Neo\.ClientError\./);
    expect(err.stack).toContain('at named query node/nodesByIds');
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
