// Types for eslint.config.js, which test/architecture/layers.test.ts imports.
import type { Linter } from 'eslint';

export function layering(): Linter.Config[];
declare const config: Linter.Config[];
export default config;
