export type { CoordinatorAction as PortAction } from '../../src/domain/porting/port-action.js';
