/** What each encoder does with the composed frames, one after the other. */
export interface FrameSink {
  /** The codec actually used (e.g. 'vp9', 'avc', 'gif'). */
  readonly codec: string;
  /** Encodes the compositor canvas as frame `index` (timestamps index/fps). */
  add(index: number): Promise<void>;
  /** Finishes the file and returns its bytes. */
  finish(): Promise<Uint8Array>;
  /** Drops everything (export cancelled or failed). */
  cancel(): Promise<void>;
}

/** A user-facing failure with a stable code, so the UI and CLI can say what to do. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: 'no-encoder' | 'bad-request' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}
