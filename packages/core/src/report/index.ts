export { renderPlanMarkdown, describeDue } from './plan-markdown';
export { keyDateLines, keyDatesHeading, renderKeyDatesMarkdown } from './key-dates';
export { neutraliseControls, hasControls, markdownText } from './safe-text';
export { adjustmentsMarkdown, ADJUSTMENT_TEXT } from './adjustments';
