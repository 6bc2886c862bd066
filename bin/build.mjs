#!/usr/bin/env node
// `npm start` runs the compiled server (dist/) and serves the explorer's bundle (web/dist/); this
// builds either first when any of its sources is newer than its last build, so `npm install &&
// npm start` and a later edit both just work. `--force` rebuilds both; `--web` builds only the
// explorer (the browser tests use it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const force = process.argv.includes('--force');
const webOnly = process.argv.includes('--web');

function newest(dir, skip = new Set()) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(e.name)) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p, skip) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const mtime = (f) => fs.statSync(path.join(root, f)).mtimeMs;
const stale = (stamp, sources) => force || !fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < sources;

function run(what, args) {
  console.log(what);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!webOnly) {
  const stamp = path.join(root, 'dist', '.build-stamp');
  if (stale(stamp, Math.max(newest(path.join(root, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map(mtime)))) {
    run('Building the server (tsc → dist/) ...', [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')]);
    fs.writeFileSync(stamp, new Date().toISOString() + '\n');
  }
}

const webStamp = path.join(root, 'web', 'dist', '.build-stamp');
if (stale(webStamp, Math.max(newest(path.join(root, 'web'), new Set(['dist'])), mtime('package.json')))) {
  run('Building the explorer (vite → web/dist/) ...', [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', path.join(root, 'web', 'vite.config.ts')]);
  fs.writeFileSync(webStamp, new Date().toISOString() + '\n');
}
