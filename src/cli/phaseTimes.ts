/**
 * Wall-clock time per phase of a long command, in the order they ran: the offline import prints
 * them so its own share can be told from Neo4j's (the importer and the index population).
 */
export class PhaseTimes {
  private last = performance.now();
  readonly phases: { name: string; seconds: number }[] = [];

  /** Ends the phase running since the previous end (or since construction). */
  end(name: string): void {
    const now = performance.now();
    this.phases.push({ name, seconds: (now - this.last) / 1000 });
    this.last = now;
  }

  seconds(name: string): number {
    return this.phases.find((p) => p.name === name)?.seconds ?? 0;
  }

  summary(): string {
    return this.phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join('; ');
  }
}
