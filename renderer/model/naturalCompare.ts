/** The core's natural order of codes (analysis/naturalCompare.ts): the app sorts codes the same way. */
export { naturalCompare } from '../../analysis/naturalCompare.js';
