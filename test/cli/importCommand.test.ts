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
async function runImport(file: string, maxProblems?: number): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' '))),
    vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' '))),
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true),
  ];
  try {
    return { code: await importCommand(db, [file], undefined, maxProblems), text: out.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}

describe('claimgraph import', () => {
  it('imports the good documents, names the bad ones with file:line and reason, and exits 1', async () => {
    const good = fixture('minimal.json');
    const later = {
      source: { id: 'src:fixture-later', kind: 'STATEMENT', publisher: 'org:fixture-agency' },
      claims: [{ id: 'claim:fixture-later', text: 'Later.', attributedTo: ['org:fixture-agency'] }],
    };
    const dangling = { source: { id: 'src:fixture-bad', kind: 'STATEMENT' }, claims: [{ id: 'claim:fixture-bad', text: 'Bad.', measure: 'measure:missing' }] };
    const file = path.join(dir, 'mixed.ndjson');
    fs.writeFileSync(file, [JSON.stringify(good), '{ not json', JSON.stringify(dangling), '', JSON.stringify(later)].join('\n'));
    const { code, text } = await runImport(file);
    expect(code).toBe(1);
    expect(text).toMatch(/Imported 2 of 4 documents \(3 claims\)/);
    expect(text).toContain(`${file}:2: not valid JSON`);
    expect(text).toContain(`${file}:3: 1 problem\n    claims[0].measure: "measure:missing" is neither defined in this document nor present in the graph`);
    const res = await db.read<{ row: [id: string] }>('node/nodesByIds', { p: { ids: ['claim:fixture-later', 'claim:fixture-bad'] } });
    expect(res.map((r) => r.row[0])).toEqual(['claim:fixture-later']);
  });

  it('prints every problem of a rejected document in one round (shape and references alike), capped by --max-problems', async () => {
    const bad = {
      source: { id: 'src:fixture-many', kind: 'BLOG', publishedAt: '2025-13' },
      claims: [{ id: 'claim:fixture-many', text: 'Many.', measure: 'measure:missing', confidence: 2, regions: ['region:nowhere'] }],
    };
    const file = path.join(dir, 'many.ndjson');
    fs.writeFileSync(file, `${JSON.stringify(bad)}\n`);
    const { code, text } = await runImport(file);
    expect(code).toBe(1);
    expect(text).toContain(`${file}:1: 5 problems`);
    for (const line of [
      'source.kind: "BLOG" is not a SourceKind; expected one of ARTICLE, DATASET, REPORT, STATEMENT, SOCIAL_POST, INTERVIEW, BRIEFING',
      'claims[0].confidence: must be at most 1, got 2',
      'source.publishedAt: "2025-13" has month 13, which does not exist',
      'claims[0].measure: "measure:missing" is neither defined in this document nor present in the graph',
      'claims[0].regions[0]: "region:nowhere" is neither defined in this document nor present in the graph',
    ])
      expect(text).toContain(`    ${line}`);
    const capped = await runImport(file, 2);
    expect(capped.text.split('\n').filter((l) => l.startsWith('    '))).toHaveLength(2);
    expect(capped.text).toContain('… and 3 more problems (`claimgraph import --max-problems 5 …` prints them all)');
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
