// Parameters of set-view-visibility.cypher.
import { z } from 'zod';
import { ViewId, Visibility } from './view-params.ts';

export const params = z.object({ id: ViewId, visibility: Visibility });
