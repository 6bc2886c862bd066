/**
 * `claimgraph import`: .ndjson and .json files, one bad line rejected with its file:line and
 * reason while the good documents land, and a non-zero exit code when anything was rejected.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/cli/importCommand.js';
import { Database } from '../../src/db/database.js';
import { fixture, graphCounts, resetGraph } from '../helpers/graph.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-import-'));
beforeAll(() => resetGraph(db));
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the command with its console output captured: the exit code and what it printed. */
async function runImport(file: string): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' '))),
    vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' '))),
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true),
  ];
  try {
    return { code: await importCommand(db, [file]), text: out.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

describe('claimgraph import', () => {
  it('imports the good documents, names the bad ones with file:line and reason, and exits 1', async () => {
    const good = fixture('minimal.json');
    const later = { source: { id: 'src:fixture-later', kind: 'STATEMENT', publisher: 'org:fixture-agency' }, claims: [{ id: 'claim:fixture-later', text: 'Later.', attributedTo: ['org:fixture-agency'] }] };
    const dangling = { source: { id: 'src:fixture-bad', kind: 'STATEMENT' }, claims: [{ id: 'claim:fixture-bad', text: 'Bad.', measure: 'measure:missing' }] };
    const file = path.join(dir, 'mixed.ndjson');
    fs.writeFileSync(file, [JSON.stringify(good), '{ not json', JSON.stringify(dangling), '', JSON.stringify(later)].join('\n'));
    const { code, text } = await runImport(file);
    expect(code).toBe(1);
    expect(text).toMatch(/Imported 2 of 4 documents \(3 claims\)/);
    expect(text).toContain(`${file}:2: not valid JSON`);
    expect(text).toContain(`${file}:3: claims[0].measure: Ingest document rejected: "measure:missing" is neither defined in this document nor present in the graph`);
    const res = await db.read<{ id: string }>('node/nodesByIds', { p: { ids: ['claim:fixture-later', 'claim:fixture-bad'] } });
    expect(res.map((r) => r.id)).toEqual(['claim:fixture-later']);
  });

  it('reads a .json array, is idempotent, and exits 0 when all is well', async () => {
    const file = path.join(dir, 'docs.json');
    fs.writeFileSync(file, JSON.stringify([fixture('minimal.json')]));
    const before = await graphCounts(db);
    const { code } = await runImport(file);
    expect(code).toBe(0);
    expect(await graphCounts(db)).toEqual(before);
  });
});
