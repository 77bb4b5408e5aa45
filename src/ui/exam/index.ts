/** The mock exam's pages: `#/exam` (start, tasks, score sheet) and `#/exam/<drill>` (a task). */
export { ExamPage } from './ExamPage';
export { ExamTaskPage } from './ExamTaskPage';
export { ExamBanner } from './ExamBanner';
export { ExamNavLink } from './ExamNavLink';
