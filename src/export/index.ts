/**
 * Export, the browser side: PNG per step, WebM, MP4 or GIF of a scenario, made frame by frame from
 * the deterministic player. The UI's export dialog and the CLI (through the page's
 * window.__kubedeck.exportScenario) both call this one function.
 *
 *   const exporter = createExporter(createStage);
 *   const result = await exporter.run(trace, 'pod-creation', request, { signal, onProgress, bundle: true });
 *
 * The encoders (mediabunny, gifenc, fflate) load on the first export, not with the app.
 */
import type { Trace } from '../sim/trace.ts';
import type { ExportOptions, ExportRequest, ExportResult } from './options.ts';
import type { ExportStageFactory } from './run.ts';

export interface Exporter {
  run(trace: Trace, scenarioId: string, request: ExportRequest, options?: ExportOptions): Promise<ExportResult>;
}

export function createExporter(createStage: ExportStageFactory): Exporter {
  return {
    async run(trace, scenarioId, request, options = {}) {
      const [{ runExport }, { bundleFiles }, { fileStem }] = await Promise.all([import('./run.ts'), import('./bundle.ts'), import('./options.ts')]);
      const result = await runExport(createStage, trace, scenarioId, request, options);
      if (!options.bundle || result.files.length <= 1) return result;
      return { ...result, files: [bundleFiles(result.files, fileStem(scenarioId, request.steps))] };
    },
  };
}
