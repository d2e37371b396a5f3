import { useRef } from "react";

/**
 * Keys, and so field ids, for the rows of a repeated group (participants, sources): the
 * first rows are numbered in order, so that the server's HTML and the browser's first
 * render agree, and each row added afterwards takes the next number of this form. A
 * counter shared by the module did not agree: on the server it counted every form the
 * process had rendered, the browser started at 0, and a row added in the browser could
 * take the id of a row the server had rendered, so that one label named two fields and
 * the new field had none.
 */
export function useRowKeys(prefix: string, firstRows: number): { initial: (index: number) => string; next: () => string } {
  const next = useRef(firstRows);
  return { initial: (index) => `${prefix}${index}`, next: () => `${prefix}${next.current++}` };
}
