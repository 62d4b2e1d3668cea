/** Figures in words, one way everywhere a catchment or a count is said: `33%`, `2.5%`, `1 client`, `3 clients`. */

/** A traffic share as a percentage: 33%, 2.5%. */
export function percent(share: number): string {
  const value = share * 100;
  return `${value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(1)}%`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
