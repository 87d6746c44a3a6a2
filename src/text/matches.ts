/**
 * The matches of a global pattern in a text, as `text.matchAll(pattern)`
 * gives them. `matchAll` runs a copy of the pattern, and a copy made after
 * the engine dropped its cached compilation is compiled again; this runs
 * the pattern itself.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    // An empty match would be found again at the same place; step past it as matchAll does.
    if (m[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode);
  }
  return found;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? index + 2 : index + 1;
}
