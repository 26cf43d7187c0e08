import { echo } from './echo.ts';
import { formatMessage, type MessageLang, type Params } from './messages.ts';

/** One problem in one content file, located at the offending value (1-based line and column). */
export interface Problem {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  code: string;
  params: Params;
}

/** `content/items/x.json:3:12: message`, the form editors and their editors' tools understand. */
export function formatProblem(p: Problem, lang: MessageLang): string {
  const label = p.severity === 'warning' ? (lang === 'en' ? 'warning: ' : '警告：') : '';
  return `${echo(p.file, Infinity)}:${p.line}:${p.col}: ${label}${formatMessage(p.code, p.params, lang)}`;
}

/** Problems in file order, then by position. */
export function sortProblems(list: Problem[]): Problem[] {
  return [...list].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col);
}
