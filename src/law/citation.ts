import { longDate } from '../core/dates.js';
import type { LegalBasis } from './types.js';

/** "Serrano v. Gallant Maritime Services, Inc., G.R. No. 167614, 24 March 2009": the name, number and date. */
export function citation(b: LegalBasis): string {
  return [b.cite, b.grNumber, b.date ? longDate(b.date) : undefined].filter(Boolean).join(', ');
}
