/** The one engine a CLI run uses: it keeps compiled templates for the run's lifetime. */
import { createLanguageService, type ArchdocLanguageService } from '../core/index.ts';

export const engine: ArchdocLanguageService = createLanguageService();
