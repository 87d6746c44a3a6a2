import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PageWeights {
  htmlPages: number;
  largestKb: number;
  largestPage: string;
  over500Kb: number;
}

export function pageWeights(dir: string): PageWeights {
  let htmlPages = 0;
  let largest = 0;
  let largestPage = '';
  let over = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) {
        const size = statSync(p).size;
        htmlPages++;
        if (size > 500 * 1024) over++;
        if (size > largest) [largest, largestPage] = [size, p.slice(dir.length)];
      }
    }
  };
  walk(dir);
  return { htmlPages, largestKb: largest / 1024, largestPage, over500Kb: over };
}
