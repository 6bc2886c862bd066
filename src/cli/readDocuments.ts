/**
 * Reads ingest documents from files: `.ndjson` (one document per line, streamed) or `.json`
 * (one document, or an array of them). A line that is not JSON becomes a rejected item, not a
 * crash, so one bad line does not stop an import.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { ImportItem } from '../services/ingest/bulkImport.js';
import type { DocumentText } from '../services/ingest/offline/checkPool.js';

/** How many documents the files hold (a cheap first pass, for the progress bar). */
export async function countDocuments(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (file.endsWith('.ndjson')) {
      total += await countLines(file);
    } else {
      const parsed = safeParse(fs.readFileSync(file, 'utf8'));
      total += Array.isArray(parsed) ? parsed.length : 1;
    }
  }
  return total;
}

const LF = 0x0a;
const CR = 0x0d;
/** Space, tab, vertical tab, form feed: what String.trim takes off a line of ASCII. */
const BLANK = new Set([0x20, 0x09, 0x0b, 0x0c]);

/**
 * The lines of a file with more than ASCII blanks in them, counted in its bytes: decoding a
 * gigabyte of text into lines took seconds before an offline import began. A line ends at LF or
 * CR, as readline reads them (CRLF makes an empty line between, which is not counted). A line of
 * only Unicode spaces counts here and not as a document: the bar then ends a step short.
 */
async function countLines(file: string): Promise<number> {
  let count = 0;
  // Whether the line that runs on from the last chunk has content already.
  let filled = false;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    let i = 0;
    // The next LF and CR at or after i (-1: none left in this chunk), searched again only once passed.
    let lf = -2;
    let cr = -2;
    while (i < chunk.length) {
      if (filled) {
        // Skip to the line's end.
        if (lf !== -1 && lf < i) lf = chunk.indexOf(LF, i);
        if (cr !== -1 && cr < i) cr = chunk.indexOf(CR, i);
        const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        if (end < 0) break;
        count += 1;
        filled = false;
        i = end + 1;
        continue;
      }
      const b = chunk[i++];
      if (b !== LF && b !== CR && !BLANK.has(b)) filled = true;
    }
  }
  return filled ? count + 1 : count;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function* readDocuments(files: string[]): AsyncGenerator<ImportItem> {
  for await (const item of readDocumentTexts(files)) yield item.text === undefined ? { ref: item.ref, raw: item.raw } : parseItem(item.ref, item.text);
}

/**
 * The documents of the files unparsed where they can be: each line of an `.ndjson` file as text
 * (the offline import parses them on worker threads); a `.json` file's documents parsed (its text
 * when it is not JSON, so the parse error is reported where the text is parsed).
 */
export async function* readDocumentTexts(files: string[]): AsyncGenerator<DocumentText> {
  for (const file of files) {
    if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
    if (file.endsWith('.ndjson')) {
      const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
      let lineNo = 0;
      for await (const line of rl) {
        lineNo += 1;
        if (!line.trim()) continue;
        yield { ref: `${file}:${lineNo}`, text: line };
      }
    } else if (file.endsWith('.json')) {
      const text = fs.readFileSync(file, 'utf8');
      const item = parseItem(file, text);
      if (item.parseError) yield { ref: file, text };
      else if (Array.isArray(item.raw)) {
        for (let i = 0; i < item.raw.length; i++) yield { ref: `${file}[${i}]`, raw: item.raw[i] };
      } else {
        yield { ref: file, raw: item.raw };
      }
    } else {
      throw new Error(`${file}: expected a .json or .ndjson file`);
    }
  }
}

function parseItem(ref: string, text: string): ImportItem {
  try {
    return { ref, raw: JSON.parse(text) };
  } catch (err) {
    return { ref, raw: undefined, parseError: `not valid JSON: ${(err as Error).message}` };
  }
}
