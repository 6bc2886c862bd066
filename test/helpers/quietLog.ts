/** A pino logger that keeps test output readable: warnings and errors only. */
import pino from 'pino';

export const quietLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' });

export const embeddedTestLog = {
  info: (m: string) => quietLog.info(m),
  warn: (m: string) => quietLog.warn(m),
  error: (m: string) => quietLog.error(m),
  debug: (m: string) => quietLog.debug(m),
};
