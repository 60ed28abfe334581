// A flow diagnostic before it is placed in the document: offsets into the region's code, so
// that suppression comments can be matched and ranges mapped through JSON escapes in one place.
import { flowCodes } from '../../codes';

export type FlowCode = keyof typeof flowCodes;

export interface FlowProblem {
  code: FlowCode;
  start: number;
  end: number;
  message: string;
  /** Quick-fix data (see analyser.ts for the shape per code). */
  data?: Record<string, unknown>;
  /** Code ranges to add to `data` as document ranges under these names (plain ranges, not nodes: nodes move on edits). */
  dataRanges?: Record<string, { start: number; end: number }>;
}

export type ProblemSink = (problem: FlowProblem) => void;
