/**
 * The Worker's logger: one JSON line per call on the console (Workers Logs
 * collects them), with pino's calling convention `(obj?, msg)`. pino's Node
 * transports don't run in workerd.
 */
import type { Logger } from '../logger.js';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
type Level = (typeof LEVELS)[number];

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { type: value.name, message: value.message, stack: value.stack };
  return value;
}

export function consoleLogger(level = 'info', base: Record<string, unknown> = { service: 'vanban', runtime: 'workers' }): Logger {
  const min = level === 'silent' ? LEVELS.length : Math.max(0, LEVELS.indexOf(level as Level));
  const make = (bindings: Record<string, unknown>): Record<string, unknown> => {
    const logger: Record<string, unknown> = { level, child: (more: Record<string, unknown>) => make({ ...bindings, ...more }) };
    LEVELS.forEach((name, rank) => {
      logger[name] = (objOrMsg?: unknown, msg?: string) => {
        if (rank < min) return;
        const fields = typeof objOrMsg === 'object' && objOrMsg !== null ? Object.fromEntries(Object.entries(objOrMsg).map(([k, v]) => [k, serialise(v)])) : {};
        const message = typeof objOrMsg === 'string' ? objOrMsg : msg;
        const line = JSON.stringify({ level: name, time: Date.now(), ...bindings, ...fields, ...(message ? { msg: message } : {}) });
        (rank >= 4 ? console.error : console.log)(line);
      };
    });
    return logger;
  };
  // Same shape as the calls the app makes on pino (info/warn/error(obj?, msg), child).
  return make(base) as unknown as Logger;
}
