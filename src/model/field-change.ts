export interface FieldChange {
  /** Dotted path in the object, e.g. "status.phase", "spec.nodeName", "status.conditions.Ready.status". */
  readonly path: string;
  readonly from?: unknown;
  readonly to?: unknown;
}
