/** Figures in words, one way everywhere a catchment or a count is said: `33%`, `4.3%`, `1 client`, `3 clients`. */

/**
 * A share (0..1) as a percentage, the one rule for the code lens, legend, hover, summary, picker and CLI:
 * whole numbers from 10% up ("33%"), one decimal below ("4.3%"), and a share that is neither none nor
 * all never rounds to "0%" or "100%": it reads "<0.1%" or ">99%".
 */
export function percent(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  const tenths = Math.round(share * 1000);
  if (tenths === 0) return '<0.1%';
  if (tenths < 100) return `${(tenths / 10).toFixed(1)}%`;
  const whole = Math.round(share * 100);
  return whole === 100 ? '>99%' : `${whole}%`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `text` in lines of at most `width` characters, broken between words (a longer word keeps a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}
