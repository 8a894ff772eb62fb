// The OpenAPI operations of /api/cases (investigations shared with named accounts), from the schemas the routes check.
import { AttachBody, CaseBody, MemberBody } from '../../contract/api/cases.ts';
import { CaseId, CaseItemId } from '../../contract/queries/cases/case-params.ts';
import { ViewId } from '../../contract/queries/views/view-params.ts';
import { type Operation, problem, problems } from './openapi-types.ts';

const casePath = { id: CaseId };
const notOwner = problem('Not the owner (or, for members, an admin)');
const refused = problem('A duplicate name, the owner as a member, or a case full of members or items');

export const caseOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/cases',
    summary: 'Create a case: a named investigation, shared with nobody until its owner adds members',
    tag: 'cases',
    body: CaseBody,
    responses: { 201: { description: 'Created' }, ...problems, 409: refused },
  },
  {
    method: 'get',
    path: '/api/cases',
    summary: 'The cases this account owns or is a member of, most recently changed first',
    tag: 'cases',
    responses: { 200: { description: 'Cases, each with how many items it gathers' } },
  },
  {
    method: 'get',
    path: '/api/cases/{id}',
    summary: 'One case and its items (views, notes, judgements, exports), each withheld for the reader as when read directly',
    tag: 'cases',
    pathParams: casePath,
    responses: { 200: { description: 'The case and its items' }, ...problems },
  },
  {
    method: 'put',
    path: '/api/cases/{id}',
    summary: 'Rename a case (its owner)',
    tag: 'cases',
    pathParams: casePath,
    body: CaseBody,
    responses: { 200: { description: 'The case' }, 403: notOwner, ...problems, 409: refused },
  },
  {
    method: 'delete',
    path: '/api/cases/{id}',
    summary: 'Delete a case (its owner); what it gathered is untouched',
    tag: 'cases',
    pathParams: casePath,
    responses: { 204: { description: 'Deleted' }, 403: notOwner, ...problems },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/members',
    summary: 'Share a case with one more account, by login name (its owner or an admin)',
    tag: 'cases',
    pathParams: casePath,
    body: MemberBody,
    responses: { 200: { description: 'The case' }, 403: notOwner, ...problems, 409: refused },
  },
  {
    method: 'delete',
    path: '/api/cases/{id}/members/{username}',
    summary: 'Stop sharing a case with an account, at once (its owner or an admin)',
    tag: 'cases',
    pathParams: { ...casePath, username: MemberBody.shape.username },
    responses: { 200: { description: 'The case' }, 403: notOwner, ...problems },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/items',
    summary: 'Attach a view, note, judgement or export (a view and a format) the caller may read; again changes nothing',
    tag: 'cases',
    pathParams: casePath,
    body: AttachBody,
    responses: { 200: { description: 'Already attached' }, 201: { description: 'Attached' }, ...problems, 409: refused },
  },
  {
    method: 'delete',
    path: '/api/cases/{id}/items/{itemId}',
    summary: 'Detach an item from a case; the view, note or judgement itself is untouched',
    tag: 'cases',
    pathParams: { ...casePath, itemId: CaseItemId },
    responses: { 204: { description: 'Detached' }, ...problems },
  },
  {
    method: 'get',
    path: '/api/cases/{id}/views/{viewId}',
    summary: 'Open a view the case holds, as a saved view opens, for any reader of the case',
    tag: 'cases',
    pathParams: { ...casePath, viewId: ViewId },
    responses: { 200: { description: 'The view as it opens now, withheld for the reader' }, ...problems },
  },
];
