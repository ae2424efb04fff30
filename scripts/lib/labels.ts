/**
 * CUAD's labels.csv: one row per contract (`txt_file`), and for each category
 * an answer column (`<Category>-Answer`, "Yes"/"No") and a context column
 * (`<Category>-Context`, a Python list of the labelled excerpts).
 */
import { parseCsvObjects } from './csv';
import { parsePythonStringList } from './pythonStringList';

export interface ContractLabels {
  file: string;
  /** Category name → true when the answer is "Yes". */
  yes: Map<string, boolean>;
  /** Category name → the labelled excerpts. */
  excerpts: Map<string, string[]>;
}

export interface LabelSet {
  categories: string[];
  contracts: ContractLabels[];
  /** Context cells that could not be parsed: reported, never fatal. */
  problems: string[];
}

const FILE_COLUMN = 'txt_file';
const ANSWER_SUFFIX = '-Answer';
const CONTEXT_SUFFIX = '-Context';

export function parseLabels(csvText: string): LabelSet {
  const rows = parseCsvObjects(csvText);
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  if (rows.length > 0 && !columns.includes(FILE_COLUMN)) throw new Error(`labels: no "${FILE_COLUMN}" column`);
  const categories = columns.filter((c) => c.endsWith(ANSWER_SUFFIX)).map((c) => c.slice(0, -ANSWER_SUFFIX.length));
  const problems: string[] = [];
  const contracts = rows.map((row) => {
    const file = row[FILE_COLUMN];
    const yes = new Map<string, boolean>();
    const excerpts = new Map<string, string[]>();
    for (const category of categories) {
      yes.set(category, row[category + ANSWER_SUFFIX].trim().toLowerCase() === 'yes');
      const cell = row[category + CONTEXT_SUFFIX] ?? '';
      try {
        excerpts.set(category, parsePythonStringList(cell));
      } catch (err) {
        problems.push(`${file}, ${category}${CONTEXT_SUFFIX}: ${(err as Error).message}`);
        excerpts.set(category, []);
      }
    }
    return { file, yes, excerpts };
  });
  return { categories, contracts, problems };
}
