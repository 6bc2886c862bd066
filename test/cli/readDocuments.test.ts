/**
 * The progress bar's first pass counts the documents of an .ndjson file as the import reads them:
 * lines with content, whatever the line endings (LF, CRLF, CR), blank lines between, a last line
 * without its newline, and a line longer than one read of the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countDocuments, readDocumentTexts } from '../../src/cli/readDocuments.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-count-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function texts(file: string): Promise<number> {
  let n = 0;
  for await (const item of readDocumentTexts([file])) if (item.text !== undefined) n += 1;
  return n;
}

describe('countDocuments', () => {
  it('counts the lines an import reads as documents', async () => {
    const long = JSON.stringify({ text: 'x'.repeat(9 << 20) });
    const cases: Record<string, string> = {
      plain: '{"a":1}\n{"b":2}\n',
      blanks: '\n{"a":1}\n\n  \t\n{"b":2}\n\n',
      crlf: '{"a":1}\r\n\r\n{"b":2}\r\n',
      cr: '{"a":1}\r{"b":2}\r\r\u000b\f\r',
      unterminated: '{"a":1}\n{"b":2}',
      long: `{"a":1}\n${long}\n\n${long}`,
      empty: '',
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = path.join(dir, `${name}.ndjson`);
      fs.writeFileSync(file, text);
      expect([name, await countDocuments([file])]).toEqual([name, await texts(file)]);
    }
    expect(await countDocuments(Object.keys(cases).map((n) => path.join(dir, `${n}.ndjson`)))).toBe(13);
  });
});
