export { correction } from './correction.js';
export { engineProbe } from './engine-probe.js';
export { shareRequest } from './share-request.js';
