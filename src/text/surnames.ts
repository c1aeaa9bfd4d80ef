/** Vietnamese family names (surnames.json), lowercase with marks. */
import list from './surnames.json' with { type: 'json' };

export const SURNAMES: ReadonlySet<string> = new Set(list.surnames.map((s) => s.normalize('NFC')));
