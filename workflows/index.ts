export { engineProbe } from './engine-probe.js';
