/**
 * The command line's parsing, without a database: help on every command exits 0, options are typed
 * and validated before anything starts, a missing file is one line, export infers its format, and
 * messages name the command the way the user ran it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatOfFile, runCli } from '../../src/cli/program.js';

const NPM = { ...process.env, npm_lifecycle_event: 'claimgraph' };
const LINKED = { ...process.env, npm_lifecycle_event: undefined };

/** Runs the CLI with its output captured. */
async function cli(args: string[], env: NodeJS.ProcessEnv = NPM): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const capture = (chunk: unknown) => (out.push(String(chunk)), true);
  vi.spyOn(process.stdout, 'write').mockImplementation(capture as never);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture as never);
  vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(`${a.join(' ')}\n`));
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(`${a.join(' ')}\n`));
  try {
    return { code: await runCli(args, env), out: out.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('claimgraph command line', () => {
  it('answers --help on every command with exit 0', async () => {
    for (const args of [[], ['--help'], ['import', '--help'], ['export', '--help'], ['reset', '--help'], ['db', 'start', '--help'], ['keys', 'add', '--help'], ['seed', '--help']]) {
      const { code, out } = await cli(args);
      expect(code, args.join(' ')).toBe(0);
      expect(out, args.join(' ')).toMatch(/Usage: npm run claimgraph -- /);
    }
  });

  it('types --batch: `import --batch 5 file` reads the file, and a non-number is a usage error', async () => {
    const spaced = await cli(['import', '--batch', '5', 'no-such-file.ndjson']);
    expect(spaced).toEqual({ code: 2, out: 'npm run claimgraph -- import: no-such-file.ndjson: no such file\n' });
    for (const bad of ['--batch=abc', '--batch=0', '--batch=2.5']) {
      const { code, out } = await cli(['import', bad, 'x.json']);
      expect(code, bad).toBe(2);
      expect(out, bad).toMatch(/must be a whole number from 1 to 100000/);
    }
  });

  it('infers the export format from the file name, and says so when it cannot', async () => {
    expect(formatOfFile('graph.ndjson')).toBe('ndjson');
    expect(formatOfFile('graph.jsonld')).toBe('prov-jsonld');
    expect(formatOfFile('graph.txt')).toBeUndefined();
    const { code, out } = await cli(['export', '--out', 'graph.txt']);
    expect(code).toBe(2);
    expect(out).toMatch(/cannot tell the format from "graph.txt"/);
    expect((await cli(['export', '--format', 'xml'])).code).toBe(2);
  });

  it('asks a ClaimReview for its claim, and keeps --claim to ClaimReviews', async () => {
    expect(await cli(['export', '--format', 'claimreview'])).toEqual({ code: 2, out: 'npm run claimgraph -- export: a ClaimReview is of one claim: add --claim <id>\n' });
    expect(await cli(['export', '--format', 'prov-jsonld', '--claim', 'claim:x'])).toEqual({
      code: 2,
      out: 'npm run claimgraph -- export: --claim applies to --format claimreview, not prov-jsonld\n',
    });
  });

  it('names the command as the user runs it, and refuses unknown commands and a reset without --yes', async () => {
    expect(await cli(['reset'])).toEqual({ code: 2, out: 'reset deletes the whole graph; run `npm run claimgraph -- reset --yes` to confirm.\n' });
    expect((await cli(['reset'], LINKED)).out).toContain('run `claimgraph reset --yes`');
    const unknown = await cli(['bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(/unknown command 'bogus'/);
  });
});
