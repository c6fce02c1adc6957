import type { LegalBasis } from '../types.js';

/** The Philippine sources the rules cite, written once so every line cites them the same way. */

const unverified = (b: LegalBasis): LegalBasis => ({ ...b, verified: false });

const statute = (cite: string, point?: string): LegalBasis => (point ? { kind: 'statute', cite, point } : { kind: 'statute', cite });
const rule = (cite: string, point?: string): LegalBasis => (point ? { kind: 'regulation', cite, point } : { kind: 'regulation', cite });
const decided = (cite: string, grNumber: string, date: string, point?: string): LegalBasis =>
  point ? { kind: 'case', cite, grNumber, date, point } : { kind: 'case', cite, grNumber, date };

export const RA8042_S10 = statute('Republic Act No. 8042, s. 10, as amended by Republic Act No. 10022, s. 7', 'money claims of overseas workers; solidary liability; placement fee and deductions refunded with 12% a year');
export const RA8042_S15 = statute('Republic Act No. 8042, s. 15, as amended', 'repatriation is the agency\'s and principal\'s cost unless termination was solely the worker\'s fault');
export const RA8042_S6 = statute('Republic Act No. 8042, s. 6, as amended', 'illegal recruitment and prohibited practices, including contract substitution and excessive fees');
export const LC_ART_34 = statute('Labor Code, Art. 34(a) and (i)', 'charging more than the allowed fee; substituting an approved contract');
export const LC_ART_113 = statute('Labor Code, Art. 113', 'wage deductions allowed only for insurance (with consent), union dues, or as the law allows');
export const LC_ART_111 = statute('Labor Code, Art. 111', 'attorney\'s fees of 10% of the wages recovered');
export const LC_ART_297 = statute('Labor Code, Art. 297 [formerly 282]', 'just causes for termination');
export const LC_ART_298 = statute('Labor Code, Arts. 298–299 [formerly 283–284]', 'authorised causes; 30 days\' notice to the worker and DOLE');
export const LC_ART_292B = unverified(statute('Labor Code, Art. 292(b) [formerly 277(b)]', 'the employer bears the burden of proving a valid cause'));
export const LC_ART_306 = statute('Labor Code, Art. 306 [formerly 291]', 'money claims prescribe in 3 years from accrual');
export const CC_ART_1146 = statute('Civil Code, Art. 1146', 'injury to rights, including illegal dismissal, prescribes in 4 years');
export const CC_ART_2199 = unverified(statute('Civil Code, Art. 2199', 'actual damages must be proved'));
export const CC_ART_2217_2220 = unverified(statute('Civil Code, Arts. 2217 and 2220', 'moral damages for bad faith, fraud or oppression'));
export const CC_ART_2229_2234 = unverified(statute('Civil Code, Arts. 2229, 2232 and 2234', 'exemplary damages for wanton, oppressive or malevolent acts'));
export const POEA_2016_S51 = rule('2016 Revised POEA Rules (land-based), s. 51', 'fee not above one month\'s basic salary; none for domestic workers or no-fee countries; only after signing; receipt required');
export const POEA_GB_6_2006 = rule('POEA Governing Board Resolution No. 6, s. 2006', 'no placement fee from household service workers, including by salary deduction');
export const POEA_2002_FEES = rule('2002 POEA Rules, Part VI, Rule I, s. 2', 'overcharging; fees for no-fee destinations; no placement fee from seafarers');
export const BSP_799 = rule('BSP-MB Circular No. 799, s. 2013', 'legal interest of 6% a year from 1 July 2013');

export const SERRANO = decided('Serrano v. Gallant Maritime Services, Inc.', 'G.R. No. 167614', '2009-03-24', 'salaries for the entire unexpired portion; basic salary only; cap clause void');
export const SAMEER = decided('Sameer Overseas Placement Agency, Inc. v. Cabiles', 'G.R. No. 170139', '2014-08-05', 'the re-enacted cap clause is void; full unexpired portion');
export const ALDOVINO = decided('Aldovino v. Gold and Green Manpower', 'G.R. No. 200811', '2019-06-19', 'contract substitution; full unexpired portion');
export const JACOB = decided('Jacob v. First Step Manpower', 'G.R. No. 229984', '2020-07-08', 'constructive dismissal: continued work impossible, unreasonable or unlikely');
export const AGABON = decided('Agabon v. NLRC', 'G.R. No. 158693', '2004-11-17', 'valid just cause without due process: nominal damages');
export const JAKA = decided('Jaka Food Processing Corp. v. Pacot', 'G.R. No. 151378', '2005-03-28', 'valid authorised cause without due process: nominal damages');
export const KING_OF_KINGS = unverified(decided('King of Kings Transport v. Mamac', 'G.R. No. 166208', '2007-06-29', 'two written notices and a real chance to be heard'));
export const NACAR = decided('Nacar v. Gallery Frames', 'G.R. No. 189871', '2013-08-13', 'legal interest: 12% to 30 June 2013, 6% after');
// The brief gives this case's year but not its G.R. number or date, so none is shown.
export const PIS_NLRC: LegalBasis = { kind: 'case', cite: 'Philippine International Shipping Corp. v. NLRC (1985)', point: 'foreign-currency awards are paid in pesos at the rate on the date of payment' };
export const JERZON = decided('Jerzon Manpower v. Nato', 'G.R. No. 230211', '2021-10-06', 'an agency\'s neglect of a distressed worker can be bad faith');
export const SAMEER_AIRFARE = decided('Sameer Overseas Placement Agency, Inc. v. Cabiles', 'G.R. No. 170139', '2014-08-05', 'the airfare deducted from wages ordered reimbursed');
