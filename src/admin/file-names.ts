/**
 * Upload names → safe file names under DATA_DIR/docs. Only the last path
 * segment survives (no traversal), Vietnamese letters are kept (NFC), characters
 * that are special to file systems or shells are dropped, and the extension
 * follows the format sniffed from the content, not the one claimed.
 */
import { AppError } from '../errors.js';
import type { SourceFormat } from '../../ingest/load.js';

const MAX_STEM = 120;

export function safeFileName(name: string, format: SourceFormat): string {
  const last = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const ext = /\.(txt|md|markdown|docx|pdf|png|jpe?g)$/i.exec(last);
  const stem = (ext ? last.slice(0, ext.index) : last)
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.\-~]+|[\s.]+$/g, '')
    .slice(0, MAX_STEM)
    .trim();
  if (!/[\p{L}\p{N}]/u.test(stem)) {
    throw new AppError('invalid_request', `Tên tệp "${name.slice(0, 100)}" không hợp lệ: cần có chữ hoặc số.`);
  }
  return `${stem}.${format}`;
}
