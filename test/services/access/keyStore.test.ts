/**
 * Keys in the graph: what `claimgraph keys` stores is accepted by any KeyRing following the graph
 * (one per replica) and refused once revoked; only hashes are stored; reset and the node counts
 * leave keys alone; an old key file is moved into the graph once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../../src/db/database.js';
import { KeyFollower } from '../../../src/services/access/keyFollower.js';
import { KeyRing } from '../../../src/services/access/keyRing.js';
import { addKey, hashKey, keyFilePath, migrateKeyFile, revokeKey, storedKeys } from '../../../src/services/access/keyStore.js';
import { graphCounts, resetGraph } from '../../helpers/graph.js';
import { quietLog } from '../../helpers/quietLog.js';
import { testTarget } from '../../helpers/testApp.js';

const db = Database.connect(testTarget());

afterAll(async () => {
  for (const k of await storedKeys(db)) await revokeKey(db, k.name);
  await db.close();
});

describe('API keys stored in the graph', () => {
  it('a key added is found by every ring following the graph, and refused by all once revoked', async () => {
    const rings = [new KeyRing([]), new KeyRing([])];
    const followers = rings.map((r) => new KeyFollower(db, r, quietLog, 50));
    await Promise.all(followers.map((f) => f.start()));
    try {
      const key = await addKey(db, 'replica-test', 'write');
      const stored = (await storedKeys(db)).find((k) => k.name === 'replica-test');
      expect(stored).toMatchObject({ role: 'write', hash: hashKey(key) });
      expect(JSON.stringify(stored)).not.toContain(key);
      await expect.poll(() => rings.map((r) => r.find(key)?.name), { timeout: 1_000, interval: 20 }).toEqual(['replica-test', 'replica-test']);
      expect(await revokeKey(db, 'replica-test')).toBe(true);
      await expect.poll(() => rings.map((r) => r.find(key)), { timeout: 1_000, interval: 20 }).toEqual([undefined, undefined]);
      expect(await revokeKey(db, 'replica-test')).toBe(false);
    } finally {
      followers.forEach((f) => f.stop());
    }
  });

  it('a name is taken once; a bad name is refused', async () => {
    await addKey(db, 'twice', 'read');
    await expect(addKey(db, 'twice', 'admin')).rejects.toThrow(/exists already/);
    expect((await storedKeys(db)).filter((k) => k.name === 'twice')).toHaveLength(1);
    await expect(addKey(db, '-bad name', 'read')).rejects.toThrow(/key name/);
    await revokeKey(db, 'twice');
  });

  it('keys are not graph content: counts skip them and reset keeps them', async () => {
    await resetGraph(db);
    await addKey(db, 'kept', 'read');
    expect((await graphCounts(db)).nodes).toBe(0);
    await resetGraph(db);
    expect((await storedKeys(db)).map((k) => k.name)).toContain('kept');
    await revokeKey(db, 'kept');
  });

  it('an old key file is moved into the graph once, and renamed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-keys-'));
    const hash = hashKey('cgk_from-the-file');
    fs.writeFileSync(keyFilePath(dir), JSON.stringify({ keys: [{ name: 'from-file', role: 'admin', hash, createdAt: '2026-01-02T03:04:05.000Z' }] }));
    expect(await migrateKeyFile(db, dir)).toBe(1);
    expect(fs.existsSync(keyFilePath(dir))).toBe(false);
    expect(fs.existsSync(`${keyFilePath(dir)}.migrated`)).toBe(true);
    expect((await storedKeys(db)).find((k) => k.name === 'from-file')).toMatchObject({ role: 'admin', hash });
    expect(await migrateKeyFile(db, dir)).toBeNull();
    await revokeKey(db, 'from-file');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
