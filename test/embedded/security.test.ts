/**
 * The locked embedded database: Bolt refuses a connection without the password, and LOAD CSV may
 * not read local files even with it. (The run's embedded Neo4j, started by globalSetup exactly
 * as `npm start` starts one.)
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { testTarget } from '../helpers/testApp.js';

const target = testTarget();

describe('the embedded Neo4j is locked', () => {
  it('refuses Bolt without the password, and with a wrong one', async () => {
    for (const auth of [undefined, neo4j.auth.basic('neo4j', 'neo4j'), neo4j.auth.basic('neo4j', 'wrong-password')]) {
      const driver = neo4j.driver(target.uri, auth as never);
      try {
        await expect(driver.executeQuery('RETURN 1 AS one')).rejects.toMatchObject({ code: expect.stringMatching(/Neo\.ClientError\.Security\.(Unauthorized|AuthenticationRateLimit)/) });
      } finally {
        await driver.close();
      }
    }
  });

  it('with the password: queries run, but LOAD CSV from a file URL is refused', async () => {
    expect(target.password).toBeTruthy();
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user!, target.password!));
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS one');
      expect(records[0].get('one').toNumber()).toBe(1);
      await expect(driver.executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1")).rejects.toThrow(/file_urls|file URLs|allow_csv_import_from_file_urls/i);
    } finally {
      await driver.close();
    }
  });
});
