import { z } from 'zod';
import { CaseFileSchema } from '../../schemas/case.js';

export function schemaCommand(): void {
  const schema = z.toJSONSchema(CaseFileSchema, { io: 'input', target: 'draft-2020-12' });
  process.stdout.write(`${JSON.stringify({ ...schema, title: 'migrant-claims case file' }, null, 2)}\n`);
}
