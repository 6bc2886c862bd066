/** How the user runs this command: through npm (`npm run claimgraph --`) or linked (`claimgraph`), for messages that tell them what to type. */
export function invokedAs(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'claimgraph' ? 'npm run claimgraph --' : 'claimgraph';
}
