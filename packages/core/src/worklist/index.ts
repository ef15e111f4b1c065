/** Work lists per town and unit (docs/worklists.md): an audit as a clerk's to-do list. */
export { buildWorklists, WorklistScopeError, WORKLIST_WINDOWS, type WorklistInput } from './build';
export { Worklist, WorklistDone, WorklistItem, WorklistSet, WORKLIST_SCHEMA_VERSION, WORKLISTS_JSON_SCHEMA } from './schema';
