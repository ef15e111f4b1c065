// The audit's computation moves into @liujin/core (issue #16); until then the tests take it from the audit plugin.
export { runAudit } from '@liujin/audit';
