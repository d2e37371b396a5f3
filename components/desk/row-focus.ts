/**
 * Where the keyboard's focus goes when a repeated row (a participant, a source, an office, a
 * chosen name) is added or removed. Without this, removing a row removed the focused button
 * with it and the browser put focus back at the top of the page (the next Tab reached "Skip
 * to content"), and adding one left focus on the Add button below the new, empty fields.
 *
 * Each row carries `data-row` (the attribute below); the rows of one list are siblings.
 */
const ROW = "data-row";

const FIELDS = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";
const FOCUSABLE = `${FIELDS}, button:not([disabled]), a[href]`;

/** A row's first field, else its first button or link. */
function firstControl(row: Element | null | undefined): HTMLElement | null {
  if (!row) return null;
  return row.querySelector<HTMLElement>(FIELDS) ?? row.querySelector<HTMLElement>(FOCUSABLE);
}

/** After React has put the change on the page (a click's update is committed before the next frame). */
const afterRender = (focus: () => void) => requestAnimationFrame(focus);

/**
 * For a row's Remove button, called as it is pressed, before the row goes: focus moves to the
 * next row's first field, else the previous row's, else `fallback` (the Add button, the
 * picker), which is looked up once the row is gone.
 */
export function focusAfterRemoving(button: HTMLElement, fallback: () => HTMLElement | null) {
  const row = button.closest(`[${ROW}]`);
  const isRow = (el: Element | null | undefined) => (el?.hasAttribute(ROW) ? el : null);
  const target = firstControl(isRow(row?.nextElementSibling)) ?? firstControl(isRow(row?.previousElementSibling));
  afterRender(() => (target?.isConnected ? target : fallback())?.focus());
}

/** For an Add button: once the new row is on the page, focus its first field (the last row of `list`). */
export function focusAddedRow(list: () => Element | null) {
  afterRender(() => {
    const rows = list()?.querySelectorAll(`:scope > [${ROW}]`);
    firstControl(rows?.[rows.length - 1])?.focus();
  });
}
