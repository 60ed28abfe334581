// Which of a region's problems the user sees, and at which level: suppression comments first, then
// the `cxengage.diagnostics.severity` overrides. The Problems panel gets this through the
// diagnostics; the send form and any other view of a problem ask here, so that they agree.
import { Severity } from '../../codes';
import { severityFor } from '../../diagnostics';
import { Settings } from '../../settings';
import { FlowRegion } from '../embedding/region';
import { FlowProblem } from './problems';
import { isSuppressed, suppressions } from './suppression';

/** The level a problem shows at; undefined when it is not shown. */
export type ProblemLevel = (problem: FlowProblem) => Severity | undefined;

export function problemLevels(region: FlowRegion, settings: Settings): ProblemLevel {
  const list = suppressions(region.tree);
  return (problem) => (isSuppressed(problem, list) ? undefined : severityFor(problem.code, settings));
}
