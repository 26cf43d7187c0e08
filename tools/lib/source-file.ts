/**
 * One parsed content file and the sink its problems go to: what the loader (./load-content.ts)
 * hands the cross-file checks (./cross-checks.ts). Problems are located here, from an offset
 * or a JSON path, so every problem leaves with its file, line and column.
 */
import type { RawProblem } from '../../src/content/issues.ts';
import type { Problem } from '../../src/content/problem.ts';
import type { JsonSource } from './json-source.ts';

export interface SourceFile<T> {
  /** Path as shown to editors (relative to the working directory). */
  file: string;
  /** Path relative to the content folder, with "/" separators. */
  rel: string;
  source: JsonSource;
  data: T;
}

export class ProblemSink {
  readonly list: Problem[] = [];
  add(file: string, source: JsonSource | undefined, raw: RawProblem & { offset?: number }): void {
    const pos = raw.offset !== undefined && source ? source.position(raw.offset)
      : source ? source.locate(raw.path, raw.atKey) : { line: 1, col: 1 };
    this.list.push({ file, ...pos, severity: raw.severity, code: raw.code, params: raw.params });
  }
  get errorCount(): number {
    return this.list.filter((p) => p.severity === 'error').length;
  }
}
