/**
 * `claimgraph draft FILE|FOLDER`: drafts ingest documents from article text files, the same
 * service as `Query.draft` (names resolved against the local graph). One file prints its
 * document (or writes it to --out); a folder drafts each `.txt` in it, to --out as a folder of
 * `.json` files or to standard output as one document per line. Problems a reviewer must settle
 * go to standard error, by file and JSON path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { draft, type DraftInput } from '../services/draft/draft.js';
import { draftPool } from '../services/draft/draftPool.js';
import { LOCAL_ACTOR } from '../services/ingest/ingest.js';

export interface DraftOptions {
  url?: string;
  title?: string;
  publisher?: string;
  publishedAt?: string;
  out?: string;
}

export async function draftCommand(db: Database, target: string, o: DraftOptions, name = 'claimgraph'): Promise<number> {
  const folder = fs.statSync(target).isDirectory();
  const files = folder
    ? fs
        .readdirSync(target)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  if (folder && !files.length) {
    console.error(`${name} draft: ${target} holds no .txt files`);
    return 2;
  }
  if (folder && o.out) fs.mkdirSync(o.out, { recursive: true });
  let failed = 0;
  try {
    for (const file of files) {
      const input: DraftInput = {
        text: fs.readFileSync(file, 'utf8'),
        url: o.url,
        title: o.title ?? (folder ? path.basename(file, '.txt') : undefined),
        publisher: o.publisher,
        publishedAt: o.publishedAt,
      };
      try {
        const d = await draft(db, input, LOCAL_ACTOR);
        for (const p of d.problems) console.error(`${file}: ${p.path}: ${p.message} (${p.code})`);
        console.error(`${file}: ${d.claims.length} claims drafted, ${d.problems.length} problems to review`);
        const json = JSON.stringify(d.document, null, folder && !o.out ? undefined : 2);
        if (folder && o.out) fs.writeFileSync(path.join(o.out, `${path.basename(file, '.txt')}.json`), `${json}\n`);
        else if (o.out) fs.writeFileSync(o.out, `${json}\n`);
        else process.stdout.write(`${json}\n`);
      } catch (err) {
        failed++;
        console.error(`${file}: ${(err as Error).message}`);
      }
    }
  } finally {
    await draftPool.close();
  }
  return failed ? 1 : 0;
}
