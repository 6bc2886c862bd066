/**
 * The `claimgraph` command line on commander: every command and option declared once, `--help` on
 * each (exit 0), typed and validated options, and messages that name the command the way the user
 * ran it. The actions only parse and dispatch; the work lives in the *Command.ts files.
 */
import fs from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pino from 'pino';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { startRuntime } from '../runtime.js';
import { deleteAll, graphCounts } from '../services/admin/admin.js';
import { loadSeed, loadSeedAndDemo } from '../services/admin/seed.js';
import { dbStart, dbStatus, dbStop } from './db.js';
import { draftCommand } from './draftCommand.js';
import { exportCommand, type ExportFormat } from './exportCommand.js';
import { importCommand } from './importCommand.js';
import { invokedAs } from './invokedAs.js';
import { keysCommand } from './keysCommand.js';
import { KEY_NAME, moveKeyFile } from '../services/access/keyStore.js';
import { offlineImportCommand } from './offlineImportCommand.js';
import { DEFAULT_MAX_PROBLEMS } from './rejections.js';

const log = () => pino({ level: process.env.LOG_LEVEL ?? 'warn' });

async function withGraph(config: Config, work: (db: Database) => Promise<number>): Promise<number> {
  const runtime = await startRuntime(config, log());
  try {
    return await work(runtime.db);
  } finally {
    await runtime.stop();
  }
}

function wholeNumber(min: number, max: number) {
  return (text: string): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/** The export format a file name implies, if any. */
export function formatOfFile(file: string): 'ndjson' | 'prov-jsonld' | undefined {
  if (/\.ndjson$/i.test(file)) return 'ndjson';
  if (/\.(jsonld|json-ld)$/i.test(file)) return 'prov-jsonld';
  return undefined;
}

/** A missing input file is one clear line, before any database starts. */
function missingFile(files: string[], name: string): string | undefined {
  const missing = files.find((f) => !fs.existsSync(f));
  return missing && `${name} import: ${missing}: no such file`;
}

/**
 * The program. Actions store their exit code in `result.code`; commander's own outcomes (help,
 * usage errors) surface as CommanderError through exitOverride, mapped by main.ts.
 */
function buildProgram(result: { code: number }, env: NodeJS.ProcessEnv = process.env): Command {
  const name = invokedAs(env);
  const config = () => loadConfig(env);
  const program = new Command()
    .name(name)
    .description('claimgraph: the knowledge graph of claims and their sources, from the command line.')
    .exitOverride()
    .showHelpAfterError(`(run \`${name} --help\` for the commands, \`${name} <command> --help\` for one)`)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const db = program.command('db').description('the embedded Neo4j on its own (Neo4j Browser, cypher-shell can attach)');
  db.command('start')
    .description('start it in the background, or in the foreground')
    .option('--foreground', 'stay attached until Ctrl-C')
    .action(async (o: { foreground?: boolean }) => void (result.code = await dbStart(config(), !!o.foreground)));
  db.command('stop')
    .description('stop it')
    .action(async () => void (result.code = await dbStop(config())));
  db.command('status')
    .description('is it running, and how big is the graph')
    .action(async () => void (result.code = await dbStatus(config())));

  program
    .command('import')
    .description('ingest .json / .ndjson documents, validated whole, one transaction per batch')
    .argument('<files...>', '.json (a document or an array of them) or .ndjson (one per line) files')
    .addOption(new Option('--batch <claims>', 'claims per transaction').argParser(wholeNumber(1, 100_000)))
    .option('--offline', "first load of an EMPTY store through Neo4j's bulk importer (stop the server first)")
    .addOption(new Option('--max-problems <n>', 'problems of rejected documents printed at most').argParser(wholeNumber(1, 1_000_000)).default(DEFAULT_MAX_PROBLEMS))
    .action(async (files: string[], o: { batch?: number; offline?: boolean; maxProblems: number }) => {
      const missing = missingFile(files, name);
      if (missing) return void (console.error(missing), (result.code = 2));
      if (o.offline) {
        if (o.batch !== undefined) return void (console.error(`${name} import: --batch applies to the online import only`), (result.code = 2));
        return void (result.code = await offlineImportCommand(config(), files, log(), o.maxProblems, name));
      }
      result.code = await withGraph(config(), (graph) => importCommand(graph, files, o.batch, o.maxProblems, name));
    });

  program
    .command('draft')
    .description('draft ingest documents from article text: one .txt file, or each .txt in a folder (writes nothing to the graph)')
    .argument('<file>', 'a text file, or a folder of .txt files')
    .option('--url <url>', "the article's address")
    .option('--title <title>', "the article's headline (a folder's files take their names)")
    .option('--publisher <name>', 'who published it: a name or an org: id')
    .option('--published-at <date>', 'when, to its precision (2025-12-03): the reference for relative dates')
    .option('--out <path>', 'write the document to this file (for a folder: a folder of .json files)')
    .addHelpText('after', '\nThe document goes to standard output (or --out); what a reviewer must settle goes to standard error.\nCheck it with the validate query, then: claimgraph import FILE.json')
    .action(async (file: string, o: { url?: string; title?: string; publisher?: string; publishedAt?: string; out?: string }) => {
      if (!fs.existsSync(file)) {
        console.error(`${name} draft: ${file}: no such file`);
        result.code = 2;
        return;
      }
      result.code = await withGraph(config(), (graph) => draftCommand(graph, file, o, name));
    });
  program
    .command('export')
    .description('the whole graph as ingest documents (re-importable) or W3C PROV-O JSON-LD, or one claim as schema.org ClaimReview')
    .addOption(
      new Option('--format <format>', 'ndjson, prov-jsonld or claimreview (default: claimreview with --claim, else from --out, else ndjson)').choices(['ndjson', 'prov-jsonld', 'claimreview']),
    )
    .option('--claim <id>', 'the claim a ClaimReview reviews')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { format?: ExportFormat; out?: string; claim?: string }) => {
      const usage = (message: string) => void (console.error(`${name} export: ${message}`), (result.code = 2));
      const format = o.format ?? (o.claim ? 'claimreview' : o.out ? formatOfFile(o.out) : 'ndjson');
      if (!format) return usage(`cannot tell the format from "${o.out}" (.ndjson or .jsonld); add --format ndjson|prov-jsonld|claimreview`);
      if (format === 'claimreview' && !o.claim) return usage('a ClaimReview is of one claim: add --claim <id>');
      if (format !== 'claimreview' && o.claim) return usage(`--claim applies to --format claimreview, not ${format}`);
      const settings = config();
      result.code = await withGraph(settings, (graph) => exportCommand(graph, { format, out: o.out, claimId: o.claim, baseIri: settings.baseIri }));
    });

  program
    .command('seed')
    .description('load data/seed/ (idempotent); --demo adds data/demo/')
    .option('--demo', "also load the demo corpus (data/demo/): other outlets and bodies on the seed's facts")
    .action(async (o: { demo?: boolean }) => {
      result.code = await withGraph(config(), async (graph) => {
        const outcomes = o.demo ? await loadSeedAndDemo(graph) : await loadSeed(graph);
        const claims = outcomes.reduce((n, o) => n + o.claimCount, 0);
        console.log(`Seed loaded: ${outcomes.length} document(s), ${claims} claims (${outcomes.reduce((n, o) => n + o.nodesCreated, 0)} nodes created).`);
        return 0;
      });
    });

  program
    .command('reset')
    .description('delete every node and relationship of the graph (the API keys stay)')
    .option('--yes', 'confirm: the whole graph goes')
    .action(async (o: { yes?: boolean }) => {
      if (!o.yes) return void (console.error(`reset deletes the whole graph; run \`${name} reset --yes\` to confirm.`), (result.code = 2));
      result.code = await withGraph(config(), async (graph) => {
        const before = await graphCounts(graph);
        await deleteAll(graph);
        console.log(`Deleted ${before.nodes} nodes and ${before.relationships} relationships.`);
        return 0;
      });
    });

  /** A keys command on the graph, once an old key file's keys are in it. */
  const keysAction = (args: string[]) => {
    const cfg = config();
    return withGraph(cfg, async (graph) => {
      await moveKeyFile(graph, cfg.dataDir, console);
      return keysCommand(cfg, graph, args);
    });
  };
  const keys = program.command('keys').description('API keys (stored as hashes in the graph)');
  keys
    .command('add')
    .description('create a key; it is printed once and only its hash is kept')
    .argument('<name>', 'who holds it (letters, digits, . _ -)')
    .addOption(new Option('--role <role>', 'what it may do').choices(['read', 'write', 'admin']).default('read'))
    .action(async (keyName: string, o: { role: string }) => {
      // A name that cannot be stored is refused before a database starts for it.
      if (!KEY_NAME.test(keyName))
        return void (console.error(`${name} keys add: a key name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit; got "${keyName}"`), (result.code = 2));
      result.code = await keysAction(['add', keyName, '--role', o.role]);
    });
  keys
    .command('list')
    .description('the keys in force (names and roles, never the keys)')
    .action(async () => void (result.code = await keysAction(['list'])));
  keys
    .command('revoke')
    .description('revoke a key at once, also for running servers')
    .argument('<name>')
    .action(async (keyName: string) => void (result.code = await keysAction(['revoke', keyName])));

  for (const cmd of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) cmd.exitOverride();
  return program;
}

/**
 * Runs the command line; resolves to the exit code: 0 done (and `--help`), 1 the work failed or
 * rejected something, 2 a usage error.
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const result = { code: 0 };
  const program = buildProgram(result, env);
  if (!argv.length) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are answers, not failures; anything else commander refused is usage.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version' ? 0 : 2;
    }
    throw err;
  }
  return result.code;
}
