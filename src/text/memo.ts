/**
 * A function's answers for the latest keys it was asked. When full it starts
 * over: dropping the oldest entry one at a time would make the Map skip all
 * the slots deleted before it on every lookup of the oldest key.
 */
export function memo<V>(compute: (key: string) => V, limit = 512): (key: string) => V {
  let answers = new Map<string, V>();
  return (key) => {
    let value = answers.get(key);
    if (value === undefined) {
      value = compute(key);
      if (answers.size >= limit) answers = new Map();
      answers.set(key, value);
    }
    return value;
  };
}
