/**
 * A text field's placeholder that is never cut: the longest of its forms that fits the field's
 * width. The command bar's full hint ("Change what happens next, e.g. kubectl scale … (: to type,
 * Tab completes)") needs ~780 px; at 1280x720, a classroom projector's size, the bar has ~600.
 */

/** The first of `forms` (longest first) whose width fits `room`; else the last (the shortest). */
export function fittingForm(forms: readonly string[], room: number, width: (text: string) => number): string {
  for (const form of forms) if (width(form) <= room) return form;
  return forms[forms.length - 1] ?? '';
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** Width of `text` in `font` (a CSS font shorthand), or undefined where no 2D canvas is at hand. */
function textWidth(text: string, font: string): number | undefined {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return undefined;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/**
 * Keeps `input`'s placeholder at the longest of the forms that fits, as the field is resized.
 * Returns a setter for new forms (another language, another example). The field is measured only
 * when a layout has happened (the observer's callback), never forcing one while the page is built.
 */
export function fitPlaceholder(input: HTMLInputElement): (forms: readonly string[]) => void {
  let forms: readonly string[] = [];
  /** The field's content width and font at its last layout (undefined before the first). */
  let measured: { room: number; font: string } | undefined;
  const fit = (): void => {
    if (measured === undefined || measured.room <= 0) {
      // Not laid out yet (or hidden): the full form until the observer reports a width.
      input.placeholder = forms[0] ?? '';
      return;
    }
    const { room, font } = measured;
    input.placeholder = fittingForm(forms, room, (text) => textWidth(text, font) ?? 0);
  };
  if (typeof ResizeObserver !== 'undefined') {
    new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box === undefined) return;
      measured = { room: box.width, font: getComputedStyle(input).font };
      fit();
    }).observe(input);
  }
  return (next) => {
    forms = next;
    fit();
  };
}
