// The OpenAPI 3.1 description of /api, generated from the same zod schemas the routes check, so it
// cannot drift from them; tests/integration/openapi.test.ts walks the route table against it.
import { z } from 'zod';
import { queries } from '../../contract/queries/index.ts';
import type { Catalogue } from '../graph/catalogue.ts';
import { StableId } from '../../contract/model.ts';
import { AsOf } from '../../contract/queries/params.ts';
import { Json, Result } from '../../contract/result.ts';
import { ShareId, VersionNumber, ViewId } from '../../contract/queries/views/view-params.ts';
import { UserId } from '../../contract/queries/auth/auth-params.ts';
import { CsvPart, ExportFormat } from '../../contract/api/export.ts';
import { CypherBody } from './routes/admin.routes.ts';
import { AuditExportFormat, AuditFilters } from './routes/audit.routes.ts';
import { LoginBody, PasswordChange } from './routes/auth.routes.ts';
import { SetupBody } from './routes/setup.routes.ts';
import { TokenBody, TokenId } from './routes/tokens.routes.ts';
import { NewUser, UserChange, UserPage } from './routes/users.routes.ts';
import { ExportBody } from '../../contract/api/export.ts';
import { boundedJson } from '../../contract/bounded-json.ts';
import { ViewContent, ViewUpdate } from '../../contract/api/saved-view.ts';
import { ImportFile } from '../policy/view-export.ts';
import { ViewScope } from '../../contract/api/views.ts';
import { VisibilityBody } from './routes/views.routes.ts';
import { importOperations } from './openapi-imports.ts';
import { identityOperations } from './openapi-identity.ts';
import { noteOperations } from './openapi-notes.ts';
import { caseOperations } from './openapi-cases.ts';
import { type Operation, Problem, problem, problems } from './openapi-types.ts';
import { ChainHypotheses } from '../../contract/api/notes.ts';

function catalogueOperations(catalogue: Catalogue): Operation[] {
  const search = queries.fullTextNames.params.shape;
  const chain = queries.chainOfCommand.params.shape;
  const fixed: Operation[] = [
    {
      method: 'get',
      path: '/api/search',
      summary: catalogue.entry(queries.fullTextNames).title,
      tag: 'graph',
      // The search box sends `q` and `kind` (repeated); the query names them `query` and `kinds`.
      query: z.object({ q: search.query!, kind: search.kinds!, synthetic: search.synthetic!, offset: search.offset!, limit: search.limit! }),
      responses: { 200: { description: 'Matching nodes, best first', schema: 'Result' }, ...problems },
    },
    {
      method: 'get',
      path: '/api/nodes/{id}',
      summary: catalogue.entry(queries.nodeDetails).title,
      tag: 'graph',
      pathParams: { id: queries.nodeDetails.params.shape.id },
      responses: { 200: { description: 'The node, its tenures and citations', schema: 'Result' }, ...problems },
    },
    {
      method: 'get',
      path: '/api/chain/{id}',
      summary: catalogue.entry(queries.chainOfCommand).title,
      tag: 'graph',
      pathParams: { id: chain.id! },
      query: z.object({ asOf: chain.asOf!, limit: chain.limit!, hypotheses: ChainHypotheses.default('exclude') }),
      responses: { 200: { description: catalogue.entry(queries.chainOfCommand).description, schema: 'Result' }, ...problems },
    },
    {
      method: 'get',
      path: '/api/queries',
      summary: 'The curated queries, each with a JSON Schema of its parameters',
      tag: 'queries',
      responses: { 200: { description: 'The catalogue' } },
    },
  ];
  const runs = catalogue.evidence().map(
    (query): Operation => ({
      method: 'post',
      path: `/api/queries/${query.name}`,
      summary: query.title,
      tag: 'queries',
      body: z.object({ params: query.schema }).strict(),
      responses: { 200: { description: query.description, schema: 'Result' }, ...problems },
    }),
  );
  return [...fixed, ...runs];
}

const viewPath = { id: ViewId };
const viewOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/views',
    summary: 'Save a new view (version 1)',
    tag: 'views',
    body: ViewContent,
    responses: { 201: { description: 'Created' }, 400: problems[400] },
  },
  {
    method: 'get',
    path: '/api/views',
    summary: 'List saved views, most recently saved first',
    tag: 'views',
    query: z.object({ scope: ViewScope.default('all'), limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }),
    responses: { 200: { description: 'A page of views' }, 400: problems[400] },
  },
  {
    method: 'post',
    path: '/api/views/import',
    summary: 'Import a view file (all its versions) as a new view',
    tag: 'views',
    body: ImportFile,
    responses: { 201: { description: 'Created' }, 400: problems[400] },
  },
  {
    method: 'get',
    path: '/api/views/shared/{shareId}',
    summary: 'Open a view from its share link',
    tag: 'views',
    pathParams: { shareId: ShareId },
    responses: { 200: { description: 'The view, and what changed since it was saved' }, ...problems },
  },
  {
    method: 'get',
    path: '/api/views/{id}',
    summary: 'Open a view: current version and what changed since',
    tag: 'views',
    pathParams: viewPath,
    responses: { 200: { description: 'The view' }, ...problems },
  },
  {
    method: 'get',
    path: '/api/views/{id}/versions',
    summary: "A view's versions",
    tag: 'views',
    pathParams: viewPath,
    responses: { 200: { description: 'Versions, oldest first' }, ...problems },
  },
  {
    method: 'get',
    path: '/api/views/{id}/versions/{version}',
    summary: 'One version of a view',
    tag: 'views',
    pathParams: { id: ViewId, version: VersionNumber },
    responses: { 200: { description: 'That version' }, ...problems },
  },
  {
    method: 'put',
    path: '/api/views/{id}',
    summary: 'Save a new version (409 when baseVersion is not the current one)',
    tag: 'views',
    pathParams: viewPath,
    body: ViewUpdate,
    responses: { 200: { description: 'Saved' }, 409: problem('Another save came first'), ...problems },
  },
  {
    method: 'put',
    path: '/api/views/{id}/visibility',
    summary: 'Share a view with every signed-in user, or make it private again (owner, or admin once shared)',
    tag: 'views',
    pathParams: viewPath,
    body: VisibilityBody,
    responses: { 200: { description: 'The view record' }, ...problems },
  },
  {
    method: 'delete',
    path: '/api/views/{id}',
    summary: 'Delete a view',
    tag: 'views',
    pathParams: viewPath,
    responses: { 204: { description: 'Deleted' }, ...problems },
  },
  {
    method: 'get',
    path: '/api/views/{id}/export',
    summary: 'Download a view with all its versions',
    tag: 'views',
    pathParams: viewPath,
    responses: { 200: { description: 'The view file' }, ...problems },
  },
];

const exportOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/export/{format}',
    summary: 'Export a result: Cytoscape JSON, GraphML, CSV (nodes or edges) or the evidence report (Markdown or PDF)',
    tag: 'export',
    pathParams: { format: ExportFormat },
    query: z.object({ part: CsvPart.optional() }),
    body: ExportBody,
    responses: { 200: { description: 'The file, as an attachment' }, 400: problems[400] },
  },
  {
    method: 'get',
    path: '/api/export/chain/{id}/{format}',
    summary:
      "Export the chain of command of a node, run by the server: the evidence report is stamped with the analyst, the time, the as-of date, the graph state and (with `view`) the saved view's title and notes",
    tag: 'export',
    pathParams: { id: StableId, format: ExportFormat },
    query: z.object({
      asOf: z.iso.date().optional(),
      limit: z.number().int().min(1).max(200).optional(),
      part: CsvPart.optional(),
      view: z.string().optional(),
      sanctions: z.enum(['include']).optional(),
    }),
    responses: { 200: { description: 'The file, as an attachment' }, ...problems },
  },
];

const photoOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/photos/{id}',
    summary: "A photo's file from the local photo store (Cache-Control: no-store)",
    tag: 'graph',
    pathParams: { id: StableId },
    responses: {
      200: { description: 'The image bytes (PNG, JPEG, WebP or GIF); the access is audited' },
      400: problems[400],
      404: problem('No such photo, no file in the store, or withheld from this role (redacted roles never get photo files): one answer for all'),
      503: problems[503],
    },
  },
];

const gate = {
  401: problem('Not signed in'),
  403: problem('Wrong role, or a missing or wrong X-CSRF-Token'),
} as const;

const accountOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in: sets the session cookie and answers the user and its CSRF token',
    tag: 'auth',
    body: LoginBody,
    responses: { 200: { description: 'Signed in' }, 400: problems[400], 401: problem('Wrong username or password') },
  },
  {
    method: 'post',
    path: '/api/setup/admin',
    summary: 'Creates the first admin with the one-time token the server printed at start, while no admin exists; signs it in',
    tag: 'auth',
    body: SetupBody,
    responses: {
      201: { description: 'The first admin, signed in' },
      400: problems[400],
      403: problem('No setup is open: a wrong, used or expired token, or an admin exists already'),
      409: problem('An account of that name exists already'),
    },
  },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out: ends this session', tag: 'auth', responses: { 204: { description: 'Signed out' }, ...gate } },
  {
    method: 'get',
    path: '/api/auth/session',
    summary: 'Who is signed in, and the CSRF token for changes',
    tag: 'auth',
    responses: { 200: { description: 'The user and CSRF token' }, 401: gate[401] },
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change your password (the current one required): every other session and API token of yours ends',
    tag: 'auth',
    body: PasswordChange,
    responses: { 200: { description: 'Changed; how many other sessions and tokens ended' }, 400: problems[400], ...gate },
  },
  {
    method: 'post',
    path: '/api/auth/tokens',
    summary: 'Create an API token for yourself (shown once), from a browser session only',
    tag: 'auth',
    body: TokenBody,
    responses: { 201: { description: 'The token' }, 400: problems[400], ...gate },
  },
  {
    method: 'get',
    path: '/api/auth/tokens',
    summary: 'Your API tokens (ids, labels, dates; never the secrets)',
    tag: 'auth',
    responses: { 200: { description: 'Your unexpired tokens, newest first' }, ...gate },
  },
  {
    method: 'delete',
    path: '/api/auth/tokens',
    summary: 'Revoke every API token of yours',
    tag: 'auth',
    responses: { 200: { description: 'How many were revoked' }, ...gate },
  },
  {
    method: 'delete',
    path: '/api/auth/tokens/{id}',
    summary: 'Revoke one of your API tokens (an admin: anyone’s)',
    tag: 'auth',
    pathParams: { id: TokenId },
    responses: { 204: { description: 'Revoked' }, ...problems, ...gate },
  },
  {
    method: 'get',
    path: '/api/users/{id}/tokens',
    summary: "An account's API tokens (admin)",
    tag: 'admin',
    pathParams: { id: UserId },
    responses: { 200: { description: 'Its unexpired tokens, newest first' }, 400: problems[400], ...gate },
  },
  {
    method: 'delete',
    path: '/api/users/{id}/tokens',
    summary: 'Revoke every API token of an account (admin)',
    tag: 'admin',
    pathParams: { id: UserId },
    responses: { 200: { description: 'How many were revoked' }, 400: problems[400], ...gate },
  },
  {
    method: 'post',
    path: '/api/users',
    summary: 'Create an account with a role (admin)',
    tag: 'admin',
    body: NewUser,
    responses: { 201: { description: 'Created' }, 400: problems[400], ...gate },
  },
  {
    method: 'get',
    path: '/api/users',
    summary: 'List accounts (admin)',
    tag: 'admin',
    query: UserPage,
    responses: { 200: { description: 'A page of accounts' }, ...gate },
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    summary: "Change an account's role, or disable it (admin)",
    tag: 'admin',
    pathParams: { id: UserId },
    body: UserChange,
    responses: { 200: { description: 'Changed' }, ...problems, ...gate },
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: "The audit log, newest first, a page at a time: send a page's `next` as `cursor` for the page after it (admin)",
    tag: 'admin',
    query: AuditFilters,
    responses: { 200: { description: 'A page of entries' }, 400: problems[400], ...gate },
  },
  {
    method: 'get',
    path: '/api/audit/export',
    summary: 'The whole audit log (or a filtered part) as CSV or JSON lines (admin)',
    tag: 'admin',
    query: AuditFilters.omit({ cursor: true, limit: true }).extend({ format: AuditExportFormat.default('jsonl') }),
    responses: { 200: { description: 'The file, as an attachment' }, 400: problems[400], ...gate },
  },
  {
    method: 'post',
    path: '/api/admin/cypher',
    summary: 'Read-only raw Cypher, in a read transaction with a timeout (admin)',
    tag: 'admin',
    body: CypherBody,
    responses: { 200: { description: 'A Result and the plain rows' }, 400: problems[400], ...gate, 504: problem('Timed out') },
  },
];

const healthOperation: Operation = {
  method: 'get',
  path: '/api/health',
  summary: 'App and Neo4j status',
  tag: 'health',
  responses: { 200: { description: 'Up' }, 503: { description: 'Neo4j is unreachable' } },
};

const openApiPath = {
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  tag: 'health',
  responses: { 200: { description: 'OpenAPI 3.1' } },
} satisfies Operation;

function operations(catalogue: Catalogue): Operation[] {
  return [
    healthOperation,
    openApiPath,
    ...catalogueOperations(catalogue),
    ...viewOperations,
    ...exportOperations,
    ...accountOperations,
    ...photoOperations,
    ...importOperations(),
    ...noteOperations,
    ...identityOperations,
    ...caseOperations,
  ];
}

/**
 * Every schema the document uses goes into one registry and comes out as a component, so shared
 * pieces (Result, Json, a view id) are written once and referenced, recursion included.
 */
class SchemaComponents {
  readonly registry = z.registry<{ id: string }>();
  private readonly ids = new Set<string>();

  ref(schema: z.ZodType, suggestedId: string): { $ref: string } {
    const existing = this.registry.get(schema)?.id;
    if (existing) return { $ref: `#/components/schemas/${existing}` };
    let id = suggestedId.replace(/[^A-Za-z0-9_.-]/g, '_');
    for (let n = 2; this.ids.has(id); n++) id = `${suggestedId}_${n}`;
    this.ids.add(id);
    this.registry.add(schema, { id });
    return { $ref: `#/components/schemas/${id}` };
  }

  schemas(): Record<string, Record<string, unknown>> {
    const { schemas } = z.toJSONSchema(this.registry, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      uri: (id) => `#/components/schemas/${id}`,
    });
    for (const schema of Object.values(schemas) as Record<string, unknown>[]) {
      // A component is not a document of its own: no $schema, and $id may not carry a fragment.
      delete schema.$schema;
      delete schema.$id;
    }
    return schemas as Record<string, Record<string, unknown>>;
  }
}

export function openApiDocument(catalogue: Catalogue, version: string): Record<string, unknown> {
  const components = new SchemaComponents();
  // Named first, so every use of these shared pieces points at one readable component.
  components.ref(StableId, 'StableId');
  components.ref(AsOf, 'AsOf');
  components.ref(ViewId, 'ViewId');
  components.ref(Json, 'Json');
  components.ref(boundedJson, 'BoundedJson');
  components.ref(Result, 'Result');
  components.ref(Problem, 'Problem');

  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations(catalogue)) {
    const name = `${operation.method}${operation.path.replace(/^\/api/, '').replace(/[/{}]+/g, '_')}`;
    const parameters = [
      ...Object.entries(operation.pathParams ?? {}).map(([param, schema]) => ({
        name: param,
        in: 'path',
        required: true,
        schema: components.ref(schema, `${name}.${param}`),
      })),
      ...Object.entries((operation.query?.shape ?? {}) as Record<string, z.ZodType>).map(([param, schema]) => ({
        name: param,
        in: 'query',
        required: !schema.safeParse(undefined).success,
        schema: components.ref(schema, `${name}.${param}`),
      })),
    ];
    const responses = Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema && {
            content: {
              [response.mediaType ?? 'application/json']: {
                schema: response.schema === 'Result' ? components.ref(Result, 'Result') : components.ref(response.schema, `${name}.${status}`),
              },
            },
          }),
        },
      ]),
    );
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      operationId: name,
      summary: operation.summary,
      tags: [operation.tag],
      ...(parameters.length > 0 && { parameters }),
      ...(operation.body && { requestBody: { required: true, content: { 'application/json': { schema: components.ref(operation.body, `${name}.body`) } } } }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'xpf-explorer API',
      version,
      description: 'Chains of command in the Xinjiang Police Files, with the documents behind every link. Every error is a problem document (RFC 9457).',
    },
    paths,
    components: { schemas: components.schemas() },
  };
}
