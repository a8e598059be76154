import { bundle } from './bundle.js';

/** `npm run build`: the production bundle in dist/ (see bundle.ts). */
await bundle('dist');
