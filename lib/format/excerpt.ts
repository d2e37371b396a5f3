/**
 * The start of a text for a list: at most `max` characters, the ellipsis included, ending at
 * the end of a word. Cut at a character count, a quote ended "you're now creating a p…", which
 * reads as a typo. Punctuation left before the ellipsis goes; a first word longer than half the
 * room is cut where it must be (never inside a character written with two code units).
 */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  let kept = room;
  if (!/\s/u.test(text.charAt(max - 1))) {
    const lastWord = room.search(/\s\S*$/u);
    if (lastWord > room.length / 2) kept = room.slice(0, lastWord);
  }
  return `${kept.replace(/[\uD800-\uDBFF]$/u, "").replace(/[\s,;:.–—-]+$/u, "")}…`;
}
