/**
 * Messages between the cluster primary and its workers (IPC, in order per
 * worker). The primary owns what must be one for the whole server: the
 * rate-limit buckets, named locks (admin changes, the Zalo OA token refresh),
 * and which index each worker serves.
 */
export type WorkerMessage =
  | { kind: 'vanban:rate'; id: number; key: string; perMinute: number }
  | { kind: 'vanban:lock'; id: number; name: string }
  | { kind: 'vanban:unlock'; name: string }
  /** This worker now serves `version` (at start, and after every load). */
  | { kind: 'vanban:serving'; version: string }
  /** This worker published `version`; answer `served` once every worker serves it. */
  | { kind: 'vanban:published'; id: number; version: string };

export type PrimaryMessage =
  | { kind: 'vanban:rate'; id: number; wait: number }
  | { kind: 'vanban:locked'; id: number }
  | { kind: 'vanban:served'; id: number; restarted: number[] }
  /** Load the published index (CURRENT) and report it. */
  | { kind: 'vanban:reload'; version: string }
  | { kind: 'vanban:versions'; workers: WorkerVersion[] };

export interface WorkerVersion {
  worker: number;
  pid: number;
  indexVersion?: string;
}

export const isMessage = <T extends { kind: string }>(value: unknown): value is T =>
  typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && (value as { kind: string }).kind.startsWith('vanban:');

/** Build names start with their UTC time, so a later build sorts after an earlier one. */
export const atLeast = (serving: string | undefined, version: string) => serving !== undefined && serving >= version;
