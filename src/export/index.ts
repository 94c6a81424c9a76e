/**
 * Export, the browser side: PNG per step, WebM, MP4 or GIF of a scenario, made frame by frame from
 * the deterministic player. The UI's export dialog and the CLI (through the page's
 * window.__kubedeck.exportScenario) both call this one function.
 *
 *   const exporter = createExporter(createStage);
 *   const result = await exporter.run(trace, 'pod-creation', request, { signal, onProgress, bundle: true });
 */
import type { Trace } from '../sim/trace.ts';
import { bundleFiles } from './bundle.ts';
import { fileStem, type ExportOptions, type ExportRequest, type ExportResult } from './options.ts';
import { runExport, type ExportStageFactory } from './run.ts';

export { ExportError } from './encoders/sink.ts';
export * from './options.ts';

export interface Exporter {
  run(trace: Trace, scenarioId: string, request: ExportRequest, options?: ExportOptions): Promise<ExportResult>;
}

export function createExporter(createStage: ExportStageFactory): Exporter {
  return {
    async run(trace, scenarioId, request, options = {}) {
      const result = await runExport(createStage, trace, scenarioId, request, options);
      if (!options.bundle || result.files.length <= 1) return result;
      return { ...result, files: [bundleFiles(result.files, fileStem(scenarioId, request.steps))] };
    },
  };
}
