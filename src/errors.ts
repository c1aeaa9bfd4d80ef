/**
 * One error type. `code` is stable for clients; `message` is Vietnamese for users.
 * HTTP mapping happens in one place (app.onError).
 */
export type ErrorCode =
  | 'invalid_request'
  | 'invalid_json'
  | 'not_found'
  | 'unauthorized'
  | 'origin_not_allowed'
  | 'admin_disabled'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'index_unavailable'
  | 'channel_disabled'
  | 'upstream_error'
  | 'ocr_unavailable'
  | 'ocr_failed'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_json: 400,
  not_found: 404,
  unauthorized: 401,
  origin_not_allowed: 403,
  admin_disabled: 503,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  index_unavailable: 503,
  channel_disabled: 503,
  upstream_error: 502,
  /** Tesseract (or its Vietnamese model, or pdftoppm) is not installed. */
  ocr_unavailable: 503,
  /** A scanned page could not be read. */
  ocr_failed: 422,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, options: { cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = STATUS[code];
    this.details = options.details;
  }
  readonly details?: unknown;
}
