/**
 * The CSV files of an offline import, read back as the importer would: ids unquoted where they
 * may be and quoted where they must (in a node's row and in every relationship ending at it), a
 * relationship file's type and columns per row, and values with the array delimiter refused.
 * (test/cli/offlineImportCommand.test.ts imports such files into Neo4j and compares the graph.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCsvFiles } from '../../../../src/services/ingest/offline/csvFiles.js';
import { GraphModel } from '../../../../src/services/ingest/offline/graphModel.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function written(model: GraphModel): Record<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-csv-'));
  dirs.push(dir);
  const files = writeCsvFiles(model, dir);
  return Object.fromEntries([...files.nodes, ...files.relationships].map((f) => [path.basename(f), fs.readFileSync(f, 'utf8').trimEnd().split('\n')]));
}

describe('writeCsvFiles', () => {
  it('quotes an id only where it must, in its row and in the relationships that end at it', () => {
    const model = new GraphModel();
    const odd = model.create('org:with space', 'Organization', { name: 'Odd' });
    const plain = model.create('org:plain', 'Organization', { name: 'Plain' });
    const claim = model.create('claim:c', 'Claim', { text: 'say "so"' });
    model.link(claim, 'ATTRIBUTED_TO', odd.id);
    model.link(claim, 'ATTRIBUTED_TO', plain.id);
    model.link(claim, 'STATED_IN', plain.id, { quote: 'q', statedAt: null });
    model.link(odd, 'PART_OF', plain.id);
    const files = written(model);
    expect(files['nodes-Organization.csv']).toEqual(['id:ID(Entity),:LABEL,name:string', '"org:with space",Organization\u001fEntity,"Odd"', 'org:plain,Organization\u001fEntity,"Plain"']);
    expect(files['nodes-Claim.csv']).toEqual(['id:ID(Entity),:LABEL,text:string', 'claim:c,Claim\u001fEntity,"say ""so"""']);
    expect(files['rels-ATTRIBUTED_TO-Entity-Entity.csv']).toEqual([':START_ID(Entity),:END_ID(Entity),:TYPE', 'claim:c,"org:with space",ATTRIBUTED_TO', 'claim:c,org:plain,ATTRIBUTED_TO']);
    expect(files['rels-STATED_IN-Entity-Entity.csv']).toEqual([':START_ID(Entity),:END_ID(Entity),:TYPE,quote:string', 'claim:c,org:plain,STATED_IN,"q"']);
    expect(files['rels-PART_OF-Entity-Entity.csv']).toEqual([':START_ID(Entity),:END_ID(Entity),:TYPE', '"org:with space",org:plain,PART_OF']);
  });

  it('puts ingestions in their own id space, and refuses a value holding the array delimiter', () => {
    const model = new GraphModel();
    const source = model.create('src:s', 'Source', { title: 'S' });
    const ingestion = model.create('ingestion:20250101T000000Z-00000000', 'Ingestion', { id: 'ingestion:20250101T000000Z-00000000', seq: 1 }, false);
    model.link(ingestion, 'INGESTED', source.id);
    const files = written(model);
    expect(files['nodes-Ingestion.csv']).toEqual(['id:ID(Ingestion),:LABEL,seq:double', 'ingestion:20250101T000000Z-00000000,Ingestion,1']);
    expect(files['rels-INGESTED-Ingestion-Entity.csv']).toEqual([':START_ID(Ingestion),:END_ID(Entity),:TYPE', 'ingestion:20250101T000000Z-00000000,src:s,INGESTED']);
    model.create('src:bad', 'Source', { title: 'a\u001fb' });
    expect(() => written(model)).toThrow(/control character U\+001F/);
  });
});
