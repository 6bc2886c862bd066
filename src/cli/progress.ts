/**
 * A one-line progress bar on stderr (redrawn in place on a terminal, a line every few seconds
 * otherwise, so CI logs stay readable).
 */
export class Progress {
  private readonly started = Date.now();
  private lastLine = 0;

  constructor(
    private readonly total: number,
    private readonly unit: string,
  ) {}

  update(done: number, extra = ''): void {
    const now = Date.now();
    const tty = process.stderr.isTTY;
    if (!tty && now - this.lastLine < 5_000 && done < this.total) return;
    this.lastLine = now;
    const secs = Math.max((now - this.started) / 1000, 0.001);
    const frac = this.total ? Math.min(done / this.total, 1) : 0;
    const width = 30;
    const bar = '='.repeat(Math.round(frac * width)).padEnd(width, ' ');
    const line = `[${bar}] ${done.toLocaleString('en')}/${this.total.toLocaleString('en')} ${this.unit}  ${Math.round(done / secs).toLocaleString('en')} ${this.unit}/s${extra ? `  ${extra}` : ''}`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }

  get elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}
