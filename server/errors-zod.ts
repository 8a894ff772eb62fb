// zod errors -> a 400 naming each field, including each unknown key (zod reports those on the parent).
import type { z } from 'zod';
import { BadInput, type FieldProblem } from './errors.ts';

export function badInputFrom(error: z.ZodError, prefix = '', unknownKey = 'is not a field of a saved view'): BadInput {
  const problems: FieldProblem[] = error.issues.flatMap((issue) => {
    const at = (...path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: at(...issue.path, key), reason: unknownKey }));
    }
    return [{ field: at(...issue.path), reason: issue.message }];
  });
  return new BadInput(problems);
}
