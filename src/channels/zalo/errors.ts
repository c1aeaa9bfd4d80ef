/** Errors from the Zalo APIs, classified once so callers know whether to retry. */

/** Invalid (-216) or expired (-220) access token: refresh once, then retry. */
export const TOKEN_ERRORS = new Set([-216, -220]);
/** Rate limited: back off and retry. */
export const RATE_LIMITED = -32;
/** Interaction-window and user restrictions: retrying cannot help. */
export const WINDOW_ERRORS = new Set([-213, -217, -227, -230, -232, -234, -244]);

export class ZaloApiError extends Error {
  constructor(
    readonly api: 'oa' | 'oauth' | 'bot',
    readonly code: number,
    message: string,
  ) {
    super(`[zalo] [${api}] ${code}: ${message}`);
    this.name = 'ZaloApiError';
  }

  get isWindowError(): boolean {
    return this.api === 'oa' && WINDOW_ERRORS.has(this.code);
  }
}

/** The OA refresh token was rejected: a person has to authorise the OA again. */
export class ZaloReauthError extends Error {
  constructor(message = '[zalo] [oauth] the OA needs re-authorisation') {
    super(message);
    this.name = 'ZaloReauthError';
  }
}
