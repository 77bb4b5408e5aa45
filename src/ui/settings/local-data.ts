/** The page's one handle on export/import and kept drafts (same database as the stores). */
import { createLocalData } from '../../storage/local-data';

export const localData = createLocalData();
