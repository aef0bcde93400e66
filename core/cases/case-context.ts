/**
 * A loaded case as the case service, documents and routes pass it around. Type-only, so modules
 * that read a case (documents, views) need not import the case service that loads it.
 */
import type { WorkCase } from '../db/entities/index.js';
import type { CompiledCaseType, CompiledConfig } from '../config/compiled-config.js';

export interface CaseContext {
  row: WorkCase;
  /** the configuration the case was opened under: its workflow, forms and clocks */
  config: CompiledConfig;
  type: CompiledCaseType;
  /** the company's configuration in force now: who may see the case and act in which role */
  access: CompiledConfig;
}
