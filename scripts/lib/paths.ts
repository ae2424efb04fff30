/** The repository root: the scripts run from out/scripts/(lib/...), so it is found from this file's compiled place. */
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
