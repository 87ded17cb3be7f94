// Every ISO 2709 and MARCXML file of the shared inventory, read with readMarcFile: clean files give
// exactly yaz-marcdump's record count and no failure; damaged files are read to the end, every
// failure has a reason and nothing escapes as an exception.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { readMarcFile } from './read-file.js';
import { haveMarcData, marcData } from '../../test/helpers/marc-data.js';

interface Outcome {
  file: string;
  format: string;
  clean: boolean;
  yazCount: number;
  successes: number;
  failures: number;
  failuresWithoutReason: number;
  thrown?: string;
}

async function readInventoryFile(file: string, format: string, clean: boolean, yazCount: number): Promise<Outcome> {
  const outcome: Outcome = { file, format, clean, yazCount, successes: 0, failures: 0, failuresWithoutReason: 0 };
  try {
    for await (const result of readMarcFile(marcData(file), format as 'iso2709' | 'marcxml')) {
      if (result.ok) outcome.successes++;
      else {
        outcome.failures++;
        if (!result.reason.trim()) outcome.failuresWithoutReason++;
      }
    }
  } catch (error) {
    outcome.thrown = (error as Error).message;
  }
  return outcome;
}

function isWrong(o: Outcome): boolean {
  if (o.thrown !== undefined || o.failuresWithoutReason > 0) return true;
  return o.clean && (o.successes !== o.yazCount || o.failures !== 0);
}

describe('the shared MARC inventory', () => {
  it('reads every clean file completely and every damaged file to the end', async () => {
    if (!haveMarcData()) return;
    const rows = readFileSync(marcData('inventory.tsv'), 'utf8').trim().split('\n');
    const header = rows[0]!.split('\t');
    const column = (name: string): number => header.indexOf(name);
    const outcomes: Outcome[] = [];
    for (const row of rows.slice(1)) {
      const cells = row.split('\t');
      const format = cells[column('format')]!;
      if (format !== 'iso2709' && format !== 'marcxml') continue;
      const clean = cells[column('problems')] === '-';
      outcomes.push(await readInventoryFile(cells[column('file')]!, format, clean, Number(cells[column('yaz_count')])));
    }
    const wrong = outcomes.filter(isWrong);
    if (wrong.length) {
      console.log(
        ['file\tformat\tclean\tyaz\tsuccesses\tfailures\tno-reason\tthrown', ...outcomes.map((o) =>
          [o.file, o.format, o.clean, o.yazCount, o.successes, o.failures, o.failuresWithoutReason, o.thrown ?? ''].join('\t'))].join('\n'),
      );
    }
    expect(outcomes.length).toBeGreaterThan(120);
    expect(wrong.map((o) => o.file)).toEqual([]);
  });
});
