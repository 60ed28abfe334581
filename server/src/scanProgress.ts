// Progress of a long workspace scan in the editor's status (`window/workDoneProgress`), shown
// only once a scan has taken a while: most scans end before anyone could read it.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { ScanProgress } from './service/workspace/fileAccess';

const showAfterMs = 1000;

export interface ScanProgressReporter extends ScanProgress {
  done(): void;
}

export function scanProgress(connection: Connection, supported: boolean): ScanProgressReporter {
  let reporter: WorkDoneProgressServerReporter | undefined;
  let finished = false;
  let last = '';
  const timer = supported
    ? setTimeout(() => {
        connection.window.createWorkDoneProgress().then(
          (created) => {
            if (finished) return created.done();
            reporter = created;
            reporter.begin('CxEngage', undefined, last || 'Looking for definitions and flows', true);
          },
          () => undefined, // a client may refuse: the scan goes on regardless
        );
      }, showAfterMs)
    : undefined;
  return {
    report({ files, directories }) {
      last = `Looking for definitions and flows: ${directories} folders, ${files} files`;
      reporter?.report(last);
    },
    done() {
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      reporter?.done();
    },
  };
}
