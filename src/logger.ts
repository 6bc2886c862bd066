/**
 * The server's logger: pino JSON lines written asynchronously (the request path never waits on
 * the terminal or a pipe), or pino-pretty's readable lines when run in a terminal.
 */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  if (process.stdout.isTTY) {
    return pino({ level, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } });
  }
  const destination = pino.destination({ sync: false });
  // Flush what is buffered when the process ends (a crash must not eat its own last lines).
  process.once('exit', () => destination.flushSync());
  return pino({ level }, destination);
}
