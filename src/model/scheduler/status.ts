/** A Filter plugin's verdict on one node (upstream fwk.Status with code Unschedulable*). */
import type { FilterPluginName } from './types.ts';

/** UnschedulableAndUnresolvable: preemption cannot help on this node (upstream codes). */
export type RejectCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Rejection {
  readonly plugin: FilterPluginName | 'PreFilter';
  readonly code: RejectCode;
  readonly reasons: readonly string[];
}

export const reject = (plugin: FilterPluginName, code: RejectCode, ...reasons: string[]): Rejection => ({ plugin, code, reasons });
