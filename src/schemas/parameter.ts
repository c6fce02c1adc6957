import { z } from 'zod';
import { isoDate } from './primitives.js';

/** The shape of one law-parameter data file (parameters/<jurisdiction>/<name>.yaml). */
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a quoted decimal like "12"');
const moneyValue = z.strictObject({ amount: decimalText, currency: z.string().regex(/^[A-Z]{3}$/) });
const feeCap = z.union([z.strictObject({ monthsOfBasicSalary: decimalText }), z.strictObject({ fixed: moneyValue })]);

const UNITS = ['percent-per-year', 'percent', 'years', 'days', 'count', 'money', 'fee-cap', 'text', 'enum', 'list'] as const;

export const ParameterFileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]{2}\.[a-z0-9_.]+$/, 'expected an id like ph.attorney_fees.rate'),
    description: z.string().min(1),
    unit: z.enum(UNITS),
    values: z
      .array(
        z.strictObject({
          from: isoDate,
          to: isoDate.optional(),
          value: z.union([decimalText, z.string(), z.array(z.string()), moneyValue, feeCap]),
          source: z.string().min(1),
          url: z.string().optional(),
          verified: z.boolean(),
          note: z.string().optional(),
        }),
      )
      .min(1),
  })
  .superRefine((p, ctx) => {
    const numeric = ['percent-per-year', 'percent', 'years', 'days', 'count'].includes(p.unit);
    p.values.forEach((v, i) => {
      const ok = numeric
        ? typeof v.value === 'string' && /^-?\d+(\.\d+)?$/.test(v.value)
        : p.unit === 'money'
          ? typeof v.value === 'object' && !Array.isArray(v.value) && 'amount' in v.value
          : p.unit === 'fee-cap'
            ? typeof v.value === 'object' && !Array.isArray(v.value) && ('monthsOfBasicSalary' in v.value || 'fixed' in v.value)
            : p.unit === 'list'
              ? Array.isArray(v.value)
              : typeof v.value === 'string';
      if (!ok) ctx.addIssue({ code: 'custom', path: ['values', i, 'value'], message: `not a ${p.unit} value` });
      if (v.to !== undefined && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['values', i, 'to'], message: 'ends before it starts' });
      const prev = p.values[i - 1];
      if (prev && (prev.to === undefined || prev.to >= v.from)) ctx.addIssue({ code: 'custom', path: ['values', i, 'from'], message: 'overlaps the value before it (values must be in date order)' });
    });
  });
