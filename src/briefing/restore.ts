/** The restorer moved to the text layer (display titles use it too); kept here for existing imports. */
export { Restorer } from '../text/restorer.js';
