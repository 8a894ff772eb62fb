// The JSON body parsers of the API: each with its size limit, and all refusing a body nested deeper
// than MAX_BODY_NESTING with a 400 before it is parsed (server/json-limits.ts says why).
import express, { type RequestHandler } from 'express';
import { BadInput } from '../errors.ts';
import { MAX_BODY_NESTING, nestsDeeperThan } from '../json-limits.ts';

export function jsonBody(limit: string): RequestHandler {
  return express.json({
    limit,
    verify: (_req, _res, bytes) => {
      // Thrown here, it reaches the problem handler as it is: a 400 naming the body and the limit.
      if (nestsDeeperThan(bytes, MAX_BODY_NESTING)) throw new BadInput([{ field: '(body)', reason: `nests deeper than ${MAX_BODY_NESTING} levels` }]);
    },
  });
}
