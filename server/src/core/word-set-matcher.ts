/**
 * Many words found in a text at once (Aho–Corasick): one pass over the text
 * whatever the number of words, so that an `allow` list of thousands of words
 * on a draft of thousands of findings costs the text's length plus the words'
 * length, not findings × words.
 */

/**
 * For each end offset b of `text` (0..text.length), the start of the longest
 * word of `words` that ends at b, or b + 1 when none does; as a Int32Array.
 */
export function longestWordEnds(text: string, words: readonly string[]): Int32Array {
  const next = new Map<number, number>(); // node * 0x10000 + UTF-16 unit → child
  const children: number[][] = [[]];
  const depth: number[] = [0];
  const wordLen: number[] = [0];
  for (const w of words) {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const key = node * 0x10000 + w.charCodeAt(i);
      let child = next.get(key);
      if (child === undefined) {
        child = children.length;
        children.push([]);
        depth.push(depth[node] + 1);
        wordLen.push(0);
        next.set(key, child);
        children[node].push(w.charCodeAt(i));
      }
      node = child;
    }
    if (w.length > 0) wordLen[node] = w.length;
  }
  // failure links, breadth first; best[n]: the longest word that is a suffix of n's string
  const fail = new Int32Array(children.length);
  const best = new Int32Array(children.length);
  const queue: number[] = [0];
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    best[node] = wordLen[node] || (node === 0 ? 0 : best[fail[node]]);
    for (const c of children[node]) {
      const child = next.get(node * 0x10000 + c)!;
      if (node !== 0) {
        let f = fail[node];
        while (f !== 0 && !next.has(f * 0x10000 + c)) f = fail[f];
        fail[child] = next.get(f * 0x10000 + c) ?? 0;
      }
      queue.push(child);
    }
  }
  const starts = new Int32Array(text.length + 1);
  starts[0] = 1;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (state !== 0 && !next.has(state * 0x10000 + c)) state = fail[state];
    state = next.get(state * 0x10000 + c) ?? 0;
    starts[i + 1] = best[state] > 0 ? i + 1 - best[state] : i + 2;
  }
  return starts;
}

/**
 * covers(start, end): does an occurrence of one of `words` in `text` cover the
 * whole of [start, end)? Built in one pass; each question is O(1).
 */
export function coverTest(text: string, words: readonly string[]): (start: number, end: number) => boolean {
  const starts = longestWordEnds(text, words);
  // earliest start of a word ending at or after b
  for (let b = starts.length - 2; b >= 0; b--) if (starts[b + 1] < starts[b]) starts[b] = starts[b + 1];
  return (start, end) => end >= 0 && end < starts.length && starts[end] <= start;
}
